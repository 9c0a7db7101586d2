"""Recall of untranslated text wherever it is: English pasted into translations at random places.

The 19-language corpus (`investorswiki` + `investorswiki-more` in one tree, no configuration)
gets one injection per translation: a paragraph of its English source pasted as a paragraph of
its own between two blocks of the body (`--kind paragraph`), or one English sentence of the
source added inside a paragraph (`--kind sentence`), at a place drawn at random (seeded), not
the aligned one. Where to inject is decided from the raw lines here, never with contentlint's
code: blank-line separated blocks, outside front matter and fences, that are plain prose
(no heading, list, table, quote or HTML marker at the start).

    python benchmarks/injection.py --kind paragraph [--seed 7] [--show 20]

`--kind parity` injects, into every translation, each difference from its source of
`artifacts.PARITY` that finds a place (one digit of a number the source has changed; a word
written twice), one per line, counted as `artifact` is.

`--probes` injects into the correct translations of `tests/data/probes` instead (three
articles in 30 languages, most of which the corpora lack), laid out as the corpus is.

`--kind foreign` pastes a paragraph of another translation of the article (another language,
not the source's) as `paragraph` does: a block in a third language. `--kind artifact` injects instead, into every translation, each machine-translation artifact
of `benchmarks/artifacts.py` that finds a place (a code transliterated, an invisible character,
a mark moved into link text, a doubled mark, a space before a mark, a heading without its
space, a dash bullet, a mangled entity, a sentence start put in lower case), one per line;
an injection is found when the rule named for its kind reports its line. Reported per
language and per kind, with the findings of other rules on the injected line.

Reported per language: injections, found (an `untranslated-segment` finding on an injected
line), recall; and what else the injection changed: findings of any rule that are new
against the unmodified tree and not on an injected line (an extra paragraph may also show
as `paragraph-mismatch`: one defect, then two findings).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from artifacts import KINDS, PARITY

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
CORPORA = [SHARED / name for name in ("investorswiki", "investorswiki-more")]
PROBES = HERE.parent / "tests" / "data" / "probes"
SOURCE = "English"
RULE = "untranslated-segment"
MARKERS = ("#", "-", "*", "+", "|", ">", "<", "`", "!", "[", "–", "—", "•", "{")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def tree(target: Path, probes: bool = False) -> Path:
    if probes:
        return probe_tree(target)
    for corpus in CORPORA:
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            shutil.copytree(folder, target / folder.name)
    return target


def probe_tree(target: Path) -> Path:
    """The correct translations of tests/data/probes (30 languages, most not in the corpora) in
    the corpus' layout: a folder per language (its code; the source's `English`), a file per
    article."""
    for path in sorted(PROBES.rglob("*.md")):
        if path.name == "README.md":
            continue
        flat = path.parent.parent == PROBES  # `heloc/de.md`; a site's is `content/de/docs/page.md`
        code, article = (path.stem, path.parent.name) if flat else (path.parts[-3], path.stem)
        folder = target / (SOURCE if code == "en" else code)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / f"{article}.md")
    return target


def blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last+1) line ranges of the body's prose paragraphs."""
    out, start, fence, k = [], None, False, 0
    if lines and lines[0].strip() == "---":
        k = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    for i in range(k, len(lines) + 1):
        line = lines[i] if i < len(lines) else ""
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        blank = not line.strip() or fence
        if blank and start is not None:
            out.append((start, i))
            start = None
        elif not blank and start is None:
            start = i
    return [(a, b) for a, b in out if not lines[a].lstrip().startswith(MARKERS) and not lines[a].lstrip()[:1].isdigit()]


def english_paragraphs(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [" ".join(lines[a:b]).strip() for a, b in blocks(lines)]
    spaced = path.parent.name == SOURCE  # a translation's paragraph may be in a script without spaces
    return [p for p in found if len(p) >= 120 and (p.count(" ") >= 15 or not spaced)]


def inject(root: Path, kind: str, rng: random.Random) -> dict[str, list[tuple[int, int, str]]]:
    """Inject into every translation; path -> [(first line, last line, what)], 1-based. For
    `artifact`, every kind of `artifacts.KINDS` that finds a place, each on its own line."""
    done = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != SOURCE):
        for path in sorted(folder.glob("*.md")):
            source = root / SOURCE / path.name
            if not source.exists():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            places = blocks(lines)
            if kind in ("artifact", "parity"):
                text = source.read_text(encoding="utf-8")
                used: set[int] = set()
                kinds = KINDS if kind == "artifact" else PARITY
                for name in rng.sample(sorted(kinds), len(kinds)):
                    i = kinds[name][0](lines, places, text, used, rng)
                    if i is not None:
                        used.add(i)
                        done.setdefault(str(path), []).append((i + 1, i + 1, name))
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                continue
            if kind == "foreign":  # a paragraph of another translation of the article, not the source's
                others = sorted(f / path.name for f in root.iterdir()
                                if f.is_dir() and f.name not in (SOURCE, folder.name) and (f / path.name).exists())
                source = rng.choice(others) if others else source
            paragraphs = english_paragraphs(source)
            if not paragraphs or not places:
                continue
            paragraph = rng.choice(paragraphs)
            if kind in ("paragraph", "foreign"):
                a, b = rng.choice(places)
                lines[b:b] = ["", paragraph]
                done[str(path)] = [(b + 2, b + 2, paragraph)]
            else:
                sentences = [s for s in SENTENCE.split(paragraph) if len(s.split()) >= 6]
                if not sentences:
                    continue
                sentence = rng.choice(sentences)
                a, b = rng.choice(places)
                line = rng.randrange(a, b)
                lines[line] = lines[line].rstrip() + " " + sentence
                done[str(path)] = [(line + 1, line + 1, sentence)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return done


def findings(root: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "contentlint", "check", str(root), "--format", "json", "--no-cache", "--no-config"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=root)
    return json.loads(run.stdout)["findings"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=("paragraph", "sentence", "foreign", "artifact", "parity"), default="paragraph")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print this many missed injections and new findings")
    ap.add_argument("--keep", help="build the trees in this folder (kept) instead of a temporary one")
    ap.add_argument("--probes", action="store_true", help="inject into the probes' correct translations "
                    "(tests/data/probes: 30 languages) instead of the 19-language corpus")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        for name in ("clean", "dirty"):
            shutil.rmtree(Path(tmp) / name, ignore_errors=True)
        clean = tree(Path(tmp) / "clean", args.probes)
        dirty = tree(Path(tmp) / "dirty", args.probes)
        before = findings(clean)
        injected = inject(dirty, args.kind, random.Random(args.seed))
        after = findings(dirty)
    expected = {name: rule for name, (_, rule) in {**KINDS, **PARITY}.items()}
    hits, new, doubled = evaluate(before, after, injected, args.kind, expected)
    per_language, per_kind = Counter(), defaultdict(Counter)
    for path, places in injected.items():
        language = Path(path).parent.name
        for place in places:
            kind = place[2] if args.kind in ("artifact", "parity") else args.kind
            for key in (language, ("kind", kind)):
                per_kind[key]["injected"] += 1
                per_kind[key]["found"] += (path, place[0]) in hits
    for f in new:
        per_kind[Path(f["path"]).parent.name]["new"] += 1
        per_kind[("rule", f["rule"])]["new"] += 1
    for f in doubled:
        per_kind[("kind", f["kind"])]["also"] += 1
    table("language", [k for k in per_kind if isinstance(k, str)], per_kind, args.kind)
    if args.kind in ("artifact", "parity"):
        table("kind (expected rule)", [k for k in per_kind if isinstance(k, tuple) and k[0] == "kind"], per_kind,
              args.kind, lambda k: f"{k[1]} ({expected[k[1]]})")
    print("new findings by rule:", dict(Counter(f["rule"] for f in new)))
    print("other rules on an injected line:", dict(Counter(f["rule"] for f in doubled)))
    missed = [(path, p) for path, places in injected.items() for p in places if (path, p[0]) not in hits]
    for path, (line, _, text) in missed[: args.show]:
        print(f"missed {Path(path).parent.name}/{Path(path).name}:{line}: {text[:100]}")
    for f in new[: args.show]:
        print(f"new {Path(f['path']).parent.name}/{Path(f['path']).name}:{f['line']} {f['rule']}: {f['message'][:110]}")


def evaluate(before, after, injected, kind, expected):
    """(set of (path, line) found by the expected rule, new findings elsewhere, findings of other
    rules on an injected line)."""
    known = {(f["path"], f["rule"], f["line"], f["message"]) for f in before}
    moved = {p.replace("/dirty/", "/clean/"): v for p, v in injected.items()}
    hits, new, doubled = set(), [], []
    for f in after:
        path = f["path"]
        clean_path = path.replace("/dirty/", "/clean/")
        places = moved.get(clean_path, [])
        on = next((p for p in places if p[0] <= f["line"] <= p[1]), None)
        want = RULE if kind not in ("artifact", "parity") else (expected[on[2]] if on else None)
        if on and f["rule"] == want:
            hits.add((path, on[0]))
            continue
        shift = 2 if places and kind in ("paragraph", "foreign") and f["line"] > places[0][1] else 0
        if (clean_path, f["rule"], f["line"] - shift, f["message"]) in known:
            continue
        if on:
            doubled.append({**f, "kind": on[2] if kind in ("artifact", "parity") else kind})
        else:
            new.append(f)
    return hits, new, doubled


def table(title, keys, counts, kind, label=str) -> None:
    last = "new findings elsewhere" if title == "language" else "other rules on the line"
    print(f"| {title} | injected {kind}s | found | recall | {last} |")
    print("|---|---:|---:|---:|---:|")
    total = Counter()
    for key in sorted(keys):
        c = counts[key]
        total.update(c)
        recall = f"{c['found'] / c['injected']:.2f}" if c["injected"] else "-"
        extra = c["new"] if title == "language" else c["also"]
        print(f"| {label(key)} | {c['injected']} | {c['found']} | {recall} | {extra} |")
    new = total["new"] if title == "language" else total["also"]
    print(f"| all | {total['injected']} | {total['found']} | {total['found'] / max(1, total['injected']):.3f} | "
          f"{new} ({new / max(1, total['injected']):.1%}) |")
    print()


if __name__ == "__main__":
    main()
