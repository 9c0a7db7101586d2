"""Align each translation with its reference, section by section and block by block.

The reference is the group's source or, when the group has none, its consensus member (the
one whose outline most members share). Sections are aligned by sequence alignment on the
intended structure, so a missing or extra section shifts nothing; inside aligned sections,
paragraphs, list items and headings are aligned the same way. Rules read these pairs: a
dropped paragraph is one paragraph-mismatch, and its links are not reported again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from contentlint.parity import sentences
from contentlint.groups.fingerprint import target_key
from contentlint.load.broken_links import target_spans
from contentlint.load.document import Document
from contentlint.load.intended import IntendedHeading, IntendedItem, IntendedList, IntendedParagraph, Section
from contentlint.parity.number_parity import unit_numbers
from contentlint.language.numbering import NumberFormat, number_format_for
from contentlint.language.detection import effective
from contentlint.language.profiles import Profiles, for_run
from contentlint.load.views import MASK


@dataclass(eq=False)
class Unit:
    kind: str  # "heading" | "paragraph" | "item"
    block: IntendedHeading | IntendedParagraph | IntendedItem
    links: tuple[str, ...]
    numbers: Counter
    readings: dict = field(default_factory=dict)  # value -> its other reading (`12.950`: 12.95 or 12950)
    text: str = ""  # unit_text of the block, which the alignment and segments read
    words: list | None = None  # segments.py's casefolded words, computed once
    vocabulary: tuple | None = None  # and, for a reference unit, their sets
    # Sets for the alignment, which weighs every pair of units; made with the unit (a
    # cached_property takes a lock on every first read in Python 3.11).
    link_keys: frozenset = field(init=False)
    number_keys: frozenset = field(init=False)

    def __post_init__(self) -> None:
        # a value's other reading too: `$88,000` kept in a Spanish text reads 88 (or 88000) and
        # still pairs with the source's 88000
        self.link_keys, self.number_keys = frozenset(self.links), frozenset(self.numbers).union(self.readings.values())


@dataclass(eq=False)
class SectionInfo:
    section: Section
    level: int  # 0 before the first heading
    heading: Unit | None
    units: list[Unit]  # paragraphs and list items in order
    paragraphs: int
    lists: int
    items: int
    link_set: set[str] = field(init=False)  # read for every pair the section alignment weighs
    number_set: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.link_set = {t for u in self.units for t in u.links}
        self.number_set = {n for u in self.units for n in u.numbers}

    @property
    def anchor(self) -> tuple[int, int, int]:
        """(line, start, end) where findings about the whole section point."""
        b = self.section.heading or (self.section.blocks[0] if self.section.blocks else None)
        return (b.line, b.start, b.end) if b is not None and hasattr(b, "start") else (0, 0, 0)

    @property
    def title(self) -> str:
        h = self.section.heading
        return f"{'#' * h.level} {h.text}" if h else "(before the first heading)"


@dataclass(eq=False)
class Pairing:
    doc: Document  # the translation
    ref: Document  # its reference: the source, or the consensus member
    sections: list[tuple[SectionInfo | None, SectionInfo | None]]  # (reference, translation)
    units: dict[int, list[tuple[Unit | None, Unit | None]]] = field(default_factory=dict)  # by section pair index
    spans: list = field(default_factory=list)  # untranslated candidates: (unit, start, end, text, whole)
    detected: list = field(default_factory=list)  # (code, confidence) per span, from the language stage
    consensus: bool = False  # the reference is the consensus member, not the source
    length_ratio: float | None = None  # the translation's length over the source's (kit.py), once


def number_format(doc, profiles: Profiles | None = None) -> NumberFormat:
    """How the document's language writes numbers: CLDR's format with its profile over it.
    English words count too, so an English sentence left in a Japanese article still reads
    `14.3 trillion`; the language's own words win. A text that detection confidently finds
    in another language than its folder declares (Danish under `Dutch/`, which wrong-language
    reports) is read as the language it is written in."""
    code = effective(doc) or ""
    return _number_format(code, profiles or for_run())


@lru_cache(maxsize=None)
def _number_format(code: str, profiles: Profiles) -> NumberFormat:
    return number_format_for(code, profiles.get(code), profiles.get("en"))


def unit_text(block) -> str:
    """A block's text with code, URLs and link targets blanked, those of broken links too:
    offsets match its inline.
    So are HTML tags machine translation broke, which the parser reads as text
    (`< span class =" vlist "style =" height: 1.27em ">`, `<span 스타일="…">`)."""
    if not block.inline:
        return ""
    text = block.inline.masked[block.prose_start : block.prose_end]
    for a, b in target_spans(text):  # a broken link's target shows as text, yet is a path
        text = text[:a] + " " * (b - a) + text[b:]
    if MASK in text:
        text = LINKED_PERCENT.sub(lambda m: m.group(2) + " " * len(m.group(1)), text)
        text = PERCENT_LINKED.sub(lambda m: " " * len(m.group(2)) + m.group(1), text).replace(MASK, " ")
    return BROKEN_TAG.sub(lambda m: " " * len(m.group()), text) if "<" in text else text


BROKEN_TAG = re.compile(r"<[ \t]*/?[ \t]*[^\W\d_][^<>\n]{0,400}?>")
# a percent sign a link's markup parts from its number (`[… 133](/fpl) %`, `[28](/a) [%](/b)`, machine
# translation's; a link's own sign only, not the next number's `[% 28](/b)`): it stands next to the
# number, at the same offset the markup had, so spans still match the file
LINKED_PERCENT = re.compile(f"(?<=[0-9])({MASK}+[ \u00a0\u202f]?(?:{MASK}+(?=.{MASK}))?)([%\u066a\uff05])(?![0-9])")
# and a sign written first in a link of its own before its number's (Turkish `[%](/b)[28](/a)`)
PERCENT_LINKED = re.compile(f"(?<={MASK})([%\u066a\uff05])({MASK}+[ \u00a0\u202f]?{MASK}*)(?=[0-9])")


def _unit(kind: str, block, fmt) -> Unit:
    links = tuple(k for k in (target_key(link.target) for link in block.links()) if k)
    text = unit_text(block)
    return Unit(kind, block, links, *unit_numbers(text, fmt), text)


def summarize(doc, profiles: Profiles | None = None) -> list[SectionInfo]:
    """The document's sections and units, kept on it: computed once, read by every pairing."""
    if getattr(doc, "_sections", None) is not None:
        return doc._sections
    fmt = number_format(doc, profiles)
    out = []
    for section in doc.intended.sections:
        units = []
        for b in section.blocks:
            if isinstance(b, IntendedParagraph):
                units.append(_unit("paragraph", b, fmt))
            elif isinstance(b, IntendedList):
                units.extend(_unit("item", item, fmt) for item in b.items)
        h = section.heading
        out.append(SectionInfo(
            section, h.level if h else 0, _unit("heading", h, fmt) if h else None, units,
            sum(isinstance(b, IntendedParagraph) for b in section.blocks),
            sum(isinstance(b, IntendedList) for b in section.blocks),
            sum(len(b.items) for b in section.blocks if isinstance(b, IntendedList)),
        ))
    doc._sections = out
    return out


def align(a: list, b: list, sim) -> list[tuple[int | None, int | None]]:
    """Order-preserving alignment maximising the summed similarity (gaps cost nothing;
    `sim` returns None where two elements may not be paired)."""
    n, m = len(a), len(b)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 pair, 2 gap in b, 3 gap in a
    for i in range(1, n + 1):
        move[i][0] = 2
    for j in range(1, m + 1):
        move[0][j] = 3
    for i in range(1, n + 1):
        x, up, row, moves = a[i - 1], score[i - 1], score[i], move[i]
        for j in range(1, m + 1):
            best, how = up[j], 2
            if row[j - 1] > best:
                best, how = row[j - 1], 3
            s = sim(x, b[j - 1])
            if s is not None and up[j - 1] + s >= best:
                best, how = up[j - 1] + s, 1
            row[j], moves[j] = best, how
    out, i, j = [], n, m
    while i or j:
        how = move[i][j]
        if how == 1:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == 2:
            out.append((i - 1, None))
            i -= 1
        else:
            out.append((None, j - 1))
            j -= 1
    return out[::-1]


def _jaccard(a: set | frozenset, b: set | frozenset) -> float:
    if not a or not b:
        return 0.5 if not a and not b else 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _section_sim(x: SectionInfo, y: SectionInfo) -> float:
    shape = 1.0 if (x.paragraphs, x.items) == (y.paragraphs, y.items) else 0.5 if x.items == y.items else 0.0
    # content outweighs the heading level: a section whose level changed is still that section
    return (0.2 * (x.level == y.level) + 0.35 * _jaccard(x.link_set, y.link_set)
            + 0.2 * _jaccard(x.number_set, y.number_set) + 0.25 * shape)


def _unit_sim(x: Unit, y: Unit) -> float | None:
    content = 0.3 * _jaccard(x.link_keys, y.link_keys) + 0.3 * _jaccard(x.number_keys, y.number_keys)
    if x.kind == y.kind:
        return 0.4 + content
    if "heading" in (x.kind, y.kind):
        return None
    # a list item the translation wrote as a paragraph (or back) is still that block
    return content


def reference(group):
    """The source, or the member whose outline shape most members share."""
    if group.source is not None:
        return group.source
    shapes = {m.doc.path: tuple((s.level, s.paragraphs, s.items) for s in summarize(m.doc)) for m in group.members}
    counts = Counter(shapes.values())
    return max(group.members, key=lambda m: (counts[shapes[m.doc.path]], m.doc.path)).doc


def pair(ref, doc, sections: list[SectionInfo] | None = None) -> Pairing:  # sections: foreign.set_aside's
    rs, ts = summarize(ref), sections if sections is not None else summarize(doc)
    p = Pairing(doc, ref, [])
    for i, j in align(rs, ts, _section_sim):
        r, t = (rs[i] if i is not None else None), (ts[j] if j is not None else None)
        p.sections.append((r, t))
        if r and t:
            units = align(r.units, t.units, _unit_sim)
            pairs = [(r.units[a] if a is not None else None, t.units[b] if b is not None else None) for a, b in units]
            if r.heading and t.heading:
                pairs.insert(0, (r.heading, t.heading))
            p.units[len(p.sections) - 1] = pairs
    return p


def prepare(corpus, profiles: Profiles | None = None) -> None:
    """Give every group its reference and a pairing per other member. `profiles`: the run's
    (default: the shipped ones), for the members' number formats."""
    for group in corpus.groups:
        for m in group.members:
            if m.doc.problem is None:
                summarize(m.doc, profiles)
        ref = reference(group)
        group.reference = ref
        group.pairings = [pair(ref, m.doc) for m in group.members if m.doc is not ref and m.doc.problem is None]
        others = [m.doc for m in group.members]
        folded = {id(d): d.text.casefold() for d in others}  # once a member, not once a pairing
        for p in group.pairings:
            p.consensus = group.source is None
            p.spans = sentences.untranslated(p, [d for d in others if d is not ref and d is not p.doc], folded,
                                             profiles or for_run())
