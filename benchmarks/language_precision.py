"""Precision of the language-dependent rules on the 19-language corpus, judged by hand.

The corpus is `investorswiki` and `investorswiki-more` copied into one tree, linted with no
configuration at all (discovery finds the languages; `Dutch/` holds Danish). For each rule
that depends on language knowledge, findings are sampled round-robin over the languages
(so every language is seen), with the text around each finding and, for group rules, the
source's text beside it, for a person to judge.

    python benchmarks/language_precision.py sample   # writes language_precision.tsv (column ok empty
                                                     # but for findings judged in an earlier sample)
    python benchmarks/language_precision.py table    # counts per rule and language, precision of the judged rows

Held out: `--extra DIR` adds more articles of the same public repository (`investorswiki/content`,
`Texts/<Language>/<slug>.md`; `investorswiki-extra.tsv` lists each file's path and commit) to the
tree, and `sample` then writes only their findings, into `--judged FILE` (default
`language_precision_heldout.tsv`); `table` reads that file. `--with DIR` adds articles to the
tree without sampling them (an earlier held-out set; repeat it for each). Set 3 was sampled with

    python benchmarks/language_precision.py sample --extra EXTRA3 --with EXTRA1 --with EXTRA2 \
        --judged benchmarks/language_precision_heldout3.tsv

`--rule R` (repeatable) and `--per-rule N` draw a larger sample of some rules only.

A row counts as true (`ok` = y) only if an editor of that language would act on it.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
CORPORA = [SHARED / name for name in ("investorswiki", "investorswiki-more")]
HUGO = SHARED / "cncf-glossary" / "content"  # a second corpus: a documentation site in 15 languages
JUDGED = HERE / "language_precision.tsv"
HELD_OUT = HERE / "language_precision_heldout.tsv"
WITH: list[Path] = []  # more articles in the tree, not sampled (`--with DIR`)
RULES = ("missing-highlights", "number-mismatch", "repeated-word", "unchanged-translation", "untranslated-segment",
         "token-mismatch")
PER_RULE = 30  # at least 20 per rule, spread over every language that has findings (`--per-rule N`)
SAMPLED: list[str] = list(RULES)  # the rules `sample` draws (`--rule R`, repeatable)
FIELDS = ["rule", "language", "file", "line", "message", "text", "source", "ok", "note"]


def tree(target: Path, extra: Path | None = None) -> Path:
    for corpus in CORPORA + WITH + ([extra] if extra else []):
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            shutil.copytree(folder, target / folder.name, dirs_exist_ok=True)
    return target


def held_out(extra: Path | None):
    """Whether a finding is in an article of `extra` (None: every finding counts)."""
    slugs = {p.stem for p in extra.glob("*/*.md")} if extra else None
    return lambda f: slugs is None or (HUGO not in Path(f["path"]).parents and Path(f["path"]).stem in slugs)


def findings(root: Path) -> list[dict]:
    """Findings of the 19-language tree under `root`, then of the Hugo site (languages `cncf-<tag>`)."""
    out = []
    for folder in (root, HUGO):
        cmd = [sys.executable, "-m", "contentlint", "check", str(folder), "--format", "json", "--no-cache",
               "--no-config"]
        out += json.loads(subprocess.run(cmd, capture_output=True, text=True, cwd=root).stdout)["findings"]
    return out


def language(path: Path) -> str:
    """The language folder: `<Language>/` of the tree, `content/<tag>/` of the site (whose
    pages may stand in section folders: `de/style-guide/_index.md`)."""
    return f"cncf-{path.relative_to(HUGO).parts[0]}" if HUGO in path.parents else path.parent.name


def _line(path: Path, n: int, column: int = 0, width: int = 160) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    text = lines[n - 1] if 0 < n <= len(lines) else ""
    start = max(0, column - width // 2)
    return text[start : start + width]


def _judged(judged: Path) -> dict:
    if not judged.exists():
        return {}
    with open(judged, encoding="utf-8") as fh:
        return {(r["rule"], r["file"], r["line"], r["message"]): (r["ok"], r["note"])
                for r in csv.DictReader(fh, delimiter="\t") if r["ok"]}


def _judged_anywhere(first: Path) -> dict:
    """Verdicts of `first`, then of every other judged sample here (the same finding, judged in
    an earlier sample of another set, keeps its verdict)."""
    out: dict = {}
    for path in [p for p in [first] if p.exists()] + sorted(p for p in HERE.glob("*.tsv") if p != first):
        with open(path, encoding="utf-8") as fh:
            if set(FIELDS) <= set(csv.DictReader(fh, delimiter="\t").fieldnames or ()):
                for key, verdict in _judged(path).items():
                    out.setdefault(key, verdict)
    return out


def round_robin(found: list[dict], rule: str, language_of, limit: int) -> tuple[list[dict], int]:
    """(findings taken one language at a time, in shuffled order seeded by the rule, until
    `limit` are taken, whole rounds; the number of languages with findings)."""
    by_language = defaultdict(list)
    for f in found:
        by_language[language_of(f)].append(f)
    rng = random.Random(rule)
    for items in by_language.values():
        rng.shuffle(items)
    picked, k = [], 0
    while len(picked) < limit and any(len(v) > k for v in by_language.values()):
        picked += [v[k] for _, v in sorted(by_language.items()) if len(v) > k]
        k += 1
    return picked, len(by_language)


def sample(extra: Path | None = None, judged_file: Path | None = None) -> None:
    out = judged_file or (HELD_OUT if extra else JUDGED)
    judged = _judged_anywhere(out)
    wanted = held_out(extra)
    with tempfile.TemporaryDirectory() as tmp:
        root = tree(Path(tmp) / "corpus", extra)
        found = [f for f in findings(root) if f["rule"] in RULES and wanted(f)]
        rows = []
        for rule in SAMPLED:
            picked, languages = round_robin([f for f in found if f["rule"] == rule], rule,
                                            lambda f: language(Path(f["path"])), PER_RULE)
            for f in picked[: max(PER_RULE, languages)]:
                path = Path(f["path"])
                related = (f.get("related") or [{}])[0]
                source = ""
                if related.get("path"):
                    rp = Path(related["path"])
                    where = str(rp) if HUGO in rp.parents else f"{rp.parent.name}/{rp.name}"
                    source = f"{where}:{related['line']}: {_line(rp, related['line'])}"
                rows.append({"rule": rule, "language": language(path), "file": str(path) if HUGO in path.parents else f"{path.parent.name}/{path.name}",
                             "line": f["line"], "message": f["message"], "text": _line(path, f["line"], f["column"]),
                             "source": source, "ok": "", "note": ""})
    for row in rows:  # a finding judged before (here or in another sample) keeps its verdict
        row["ok"], row["note"] = judged.get((row["rule"], row["file"], str(row["line"]), row["message"]), ("", ""))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} findings to judge into {out}")


def table(extra: Path | None = None, judged_file: Path | None = None) -> None:
    judged_file, wanted = judged_file or (HELD_OUT if extra else JUDGED), held_out(extra)
    with tempfile.TemporaryDirectory() as tmp:
        found = [f for f in findings(tree(Path(tmp) / "corpus", extra)) if f["rule"] in RULES and wanted(f)]
    languages = sorted({language(Path(f["path"])) for f in found})
    counts = Counter((f["rule"], language(Path(f["path"]))) for f in found)
    judged: dict[str, list[str]] = defaultdict(list)
    spread: dict[str, set] = defaultdict(set)
    if judged_file.exists():
        with open(judged_file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["ok"] in ("y", "n"):
                    judged[row["rule"]].append(row["ok"])
                    spread[row["rule"]].add(row["language"])
    print("| rule | findings | languages with findings | judged | languages judged | precision |")
    print("|---|---:|---:|---:|---:|---:|")
    for rule in RULES:
        total = sum(counts[(rule, lang)] for lang in languages)
        with_findings = sum(1 for lang in languages if counts[(rule, lang)])
        verdicts = judged.get(rule, [])
        precision = f"{sum(v == 'y' for v in verdicts) / len(verdicts):.2f}" if verdicts else ""
        print(f"| {rule} | {total} | {with_findings} | {len(verdicts)} | {len(spread[rule])} | {precision} |")
    print()
    print("| rule | " + " | ".join(languages) + " |")
    print("|---|" + "---:|" * len(languages))
    for rule in RULES:
        print(f"| {rule} | " + " | ".join(str(counts[(rule, lang)] or "") for lang in languages) + " |")


if __name__ == "__main__":
    args = sys.argv[1:]
    if {"-h", "--help"} & set(args):  # never sample (and overwrite a judged file) when asked for help
        sys.exit(print(__doc__))
    option = lambda name: Path(args[args.index(name) + 1]) if name in args else None  # noqa: E731
    SAMPLED[:] = [args[k + 1] for k, a in enumerate(args) if a == "--rule"] or list(RULES)
    PER_RULE = int(args[args.index("--per-rule") + 1]) if "--per-rule" in args else PER_RULE
    WITH += [Path(args[k + 1]) for k, a in enumerate(args) if a == "--with"]
    {"sample": sample, "table": table}[args[0] if args and not args[0].startswith("-") else "table"](
        option("--extra"), option("--judged"))
