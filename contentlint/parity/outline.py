"""What the translators' report shows of an article without loading it again: its outline
(per intended section: title, level, counts, first line), made while the file is checked,
and a group's rows (which section of each member stands beside which of the reference),
made from the alignment while the group is checked. Both are small and cached."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.groups.fingerprint import target_key
from contentlint.load.intended import IntendedList, IntendedParagraph
from contentlint.parity.alignment import Pairing, summarize


@dataclass(frozen=True, slots=True)
class SectionOutline:
    title: str  # `## Title`, or "(before the first heading)"
    level: int  # 0 before the first heading
    paragraphs: int
    lists: int
    items: int
    links: int  # link targets in its paragraphs and items, as parity counts them
    line: int  # 0-based line where it starts (its heading, else its first block)


@dataclass(frozen=True, slots=True)
class Outline:
    body_line: int  # 0-based line where the body starts, after the front matter
    sections: tuple[SectionOutline, ...]

    def to_row(self) -> tuple:
        return (self.body_line, tuple(tuple(getattr(s, f) for f in s.__slots__) for s in self.sections))

    @classmethod
    def from_row(cls, row) -> "Outline":
        return cls(row[0], tuple(SectionOutline(*s) for s in row[1]))


def outline(doc) -> Outline:
    """A loaded, readable document's outline, from its intended structure (the counts parity's
    summaries have, without their numbers and words)."""
    sections = []
    for s in doc.intended.sections:
        paragraphs = [b for b in s.blocks if isinstance(b, IntendedParagraph)]
        lists = [b for b in s.blocks if isinstance(b, IntendedList)]
        items = [item for lst in lists for item in lst.items]
        links = sum(1 for b in paragraphs + items for link in b.links() if target_key(link.target))
        h = s.heading
        first = h or (s.blocks[0] if s.blocks else None)
        line = first.line if first is not None and hasattr(first, "line") else 0
        title = f"{'#' * h.level} {h.text}" if h else "(before the first heading)"
        sections.append(SectionOutline(title, h.level if h else 0, len(paragraphs), len(lists), len(items), links,
                                       line))
    return Outline(doc.front.body_line if doc.front else 0, tuple(sections))


def rows(ref, pairings: list[Pairing]) -> dict[str, tuple]:
    """Row keys aligned across a group, per member path: (row key, section index) pairs. The
    reference's sections are the rows (i, 0); a section a translation has and the reference
    lacks is placed after the reference section it follows, as (i, n)."""
    ref_sections = summarize(ref)
    where = {ref.path: tuple(((i, 0), i) for i in range(len(ref_sections)))}
    index_of = {id(s): i for i, s in enumerate(ref_sections)}
    for p in pairings:
        mine = {id(s.section): i for i, s in enumerate(summarize(p.doc))}  # by section: set_aside makes new infos
        last, extra, placed = -1, 0, []
        for r, t in p.sections:
            if r is not None:
                last, extra = index_of[id(r)], 0
            if t is not None:
                if r is None:
                    extra += 1
                placed.append(((last, 0) if r is not None else (last, extra), mine[id(t.section)]))
        where[p.doc.path] = tuple(placed)
    return where
