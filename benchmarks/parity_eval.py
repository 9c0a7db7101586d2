"""Defect injection over ../shared/corpus: per-rule precision and recall of the parity
rules, and findings per 100 unmodified articles.

Each trial copies one article group (all its languages), injects one defect into one
translation, checks the group, and counts the findings that are new against the same group
unmodified. A new finding of the rule the defect belongs to is a hit (one, at most); any
other new parity finding is a false positive of its rule.

    .venv/bin/python benchmarks/parity_eval.py [--trials 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.config.settings import Config  # noqa: E402
from contentlint.load.discover import discover  # noqa: E402
from contentlint.load.document import from_text  # noqa: E402
from contentlint.load.intended import IntendedList, IntendedParagraph  # noqa: E402
from contentlint.rules import catalogue  # noqa: E402
from contentlint.engine.run import check  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "investorswiki"
PARITY = [r.name for r in catalogue.load() if r.code.startswith("CL5")]
PATTERN = "{language}/{key}.md"


def lines_of(text: str, first: int, last: int) -> str:
    """`text` without its lines first..last (0-based, inclusive) and one blank line after."""
    lines = text.splitlines(keepends=True)
    end = last + 1
    if end < len(lines) and not lines[end].strip():
        end += 1
    return "".join(lines[:first] + lines[end:])


def body_sections(doc):
    return [s for s in doc.intended.sections if s.heading is not None and s.heading.level == 2]


# Each injector: (text, its document, the source document) -> new text or None when it does not apply.
def drop_paragraph(text, doc, src, rnd):
    paras = [b for s in body_sections(doc) for b in s.blocks if isinstance(b, IntendedParagraph)]
    if not paras:
        return None
    p = rnd.choice(paras)
    return lines_of(text, p.line, doc.lines.line_of(p.end))


def drop_item(text, doc, src, rnd):
    items = [i for s in body_sections(doc) for b in s.blocks if isinstance(b, IntendedList) and len(b.items) > 1 for i in b.items]
    if not items:
        return None
    it = rnd.choice(items)
    return lines_of(text, it.line, doc.lines.line_of(it.end))


def _links(doc):
    return [lk for lk in doc.links if lk.target.startswith("/") and not lk.autolink]


def change_link(text, doc, src, rnd):
    links = _links(doc)
    if not links:
        return None
    lk = rnd.choice(links)
    at = text.index("](", lk.text_end) + 2
    return text[:at] + "/injected-elsewhere" + text[at + len(text[at:lk.end - 1]) :]


def remove_link(text, doc, src, rnd):
    links = _links(doc)
    if not links:
        return None
    lk = rnd.choice(links)
    return text[: lk.start] + text[lk.text_start : lk.text_end] + text[lk.end :]


def change_number(text, doc, src, rnd):
    from contentlint.parity.numbers import iter_numbers
    from contentlint.parity.alignment import number_format, unit_text

    spots = []
    for s in body_sections(doc):
        for b in s.blocks:
            for unit in ([b] if isinstance(b, IntendedParagraph) else b.items if isinstance(b, IntendedList) else []):
                for value, a, e, _ in iter_numbers(unit_text(unit), number_format(doc)):
                    if value.isdigit() and int(value) >= 10:  # the rule compares these (see parity.significant)
                        if text[unit.inline.to_file(unit.prose_start + a):unit.inline.to_file(unit.prose_start + e)].isdigit():
                            spots.append((unit.inline.to_file(unit.prose_start + a), unit.inline.to_file(unit.prose_start + e), value))
    if not spots:
        return None
    a, e, value = rnd.choice(spots)
    return text[:a] + str(int(value) + 7) + text[e:]


def _aligned(doc, src):
    from contentlint.parity.alignment import pair

    return pair(src, doc)


def paste_paragraph(text, doc, src, rnd):
    p = _aligned(doc, src)
    pairs = [(r, t) for units in p.units.values() for r, t in units if r and t and r.kind == "paragraph"]
    if not pairs:
        return None
    r, t = rnd.choice(pairs)
    return text[: t.block.start] + src.text[r.block.start : r.block.end] + text[t.block.end :]


def paste_heading(text, doc, src, rnd):
    p = _aligned(doc, src)
    pairs = [(r, t) for units in p.units.values() for r, t in units
             if r and t and r.kind == "heading" and r.block.level == 2 and len(r.block.text.split()) >= 3]
    if not pairs:
        return None
    r, t = rnd.choice(pairs)
    return text[: t.block.start] + "## " + r.block.text + text[t.block.end :]


def delete_section(text, doc, src, rnd):
    sections = body_sections(doc)
    if len(sections) < 3:
        return None
    s = rnd.choice(sections[:-1])
    last = s.blocks[-1] if s.blocks else s.heading
    end = last.end_line - 1 if hasattr(last, "end_line") else doc.lines.line_of(last.end)  # code, tables: lines
    return lines_of(text, s.heading.line, end)


def change_level(text, doc, src, rnd):
    sections = body_sections(doc)
    if not sections:
        return None
    h = rnd.choice(sections).heading
    return text[: h.start] + "#" + text[h.start :]


INJECTIONS = {
    "drop a paragraph": (drop_paragraph, "paragraph-mismatch"),
    "drop a list item": (drop_item, "list-mismatch"),
    "change a link target": (change_link, "link-mismatch"),
    "remove a link": (remove_link, "link-mismatch"),
    "change a number": (change_number, "number-mismatch"),
    "paste a source paragraph": (paste_paragraph, "untranslated-segment"),
    "paste a source heading": (paste_heading, "untranslated-segment"),
    "delete a section": (delete_section, "outline-mismatch"),
    "change a heading level": (change_level, "outline-mismatch"),
}


def parity_findings(folder: Path) -> Counter:
    config = Config(path_patterns=[PATTERN], select=PARITY)
    result, _ = check(discover([str(folder)]), config)
    return Counter((Path(f.path).relative_to(folder).as_posix(), f.rule, f.message) for f in result.findings)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    slugs = sorted(p.stem for p in (CORPUS / "English").glob("*.md"))
    tmp = Path(tempfile.mkdtemp())
    tp, fp, injected = Counter(), Counter(), Counter()
    missed = defaultdict(list)
    false = []
    for name, (inject, rule) in INJECTIONS.items():
        done = 0
        while done < args.trials:
            slug = rnd.choice(slugs)
            langs = sorted(p.parent.name for p in CORPUS.glob(f"*/{slug}.md") if p.parent.name != "English")
            lang = rnd.choice(langs)
            work = tmp / "group"
            shutil.rmtree(work, ignore_errors=True)
            for p in CORPUS.glob(f"*/{slug}.md"):
                (work / p.parent.name).mkdir(parents=True, exist_ok=True)
                shutil.copy(p, work / p.parent.name / p.name)
            target = work / lang / f"{slug}.md"
            text = target.read_text(encoding="utf-8")
            doc = from_text(str(target), text)
            doc.language = {"Norwegian": "nb", "Malay": "ms", "Swedish": "sv", "Finnish": "fi",
                            "Arabic": "ar", "Hindi": "hi", "Japanese": "ja"}[lang]
            src = from_text("src", (work / "English" / f"{slug}.md").read_text(encoding="utf-8"))
            src.language = "en"
            new = inject(text, doc, src, rnd)
            if new is None or new == text:
                continue
            before = parity_findings(work)
            target.write_text(new, encoding="utf-8")
            after = parity_findings(work)
            added = Counter({k: v for k, v in (after - before).items() if k[0] == f"{lang}/{slug}.md"})
            by_rule = Counter()
            for (_, r, _), n in added.items():
                by_rule[r] += n
            injected[rule] += 1
            hit = min(1, by_rule[rule])
            tp[rule] += hit
            if not hit:
                missed[name].append(f"{lang}/{slug}")
            for r, n in by_rule.items():
                fp[r] += n - (hit if r == rule else 0)
            if sum(by_rule.values()) > hit:
                false.append((name, f"{lang}/{slug}", sorted((r, m) for (_, r, m) in added.elements())))
            done += 1
    print("| rule | injected | recall | precision |")
    print("|---|---:|---:|---:|")
    for rule in sorted(set(injected) | set(fp)):
        rec = tp[rule] / injected[rule] if injected[rule] else float("nan")
        prec = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else float("nan")
        print(f"| {rule} | {injected[rule]} | {rec:.3f} | {prec:.3f} |")
    for name, where in missed.items():
        print(f"missed ({name}): {', '.join(where[:8])}")
    for name, where, found in false:
        print(f"extra findings ({name}, {where}): {found}")
    # findings per 100 unmodified articles
    base = parity_findings(CORPUS)
    counts = Counter(r for (_, r, _), n in base.items() for _ in range(n))
    articles = len(list(CORPUS.glob("*/*.md")))
    print(f"\nunmodified corpus ({articles} articles): findings per 100 articles")
    for rule in PARITY:
        print(f"  {rule}: {counts[rule]} ({100 * counts[rule] / articles:.1f})")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
