"""Untranslated blocks set aside: a paragraph or list item of a translation that the language
stage found whole in its reference's language is reported by untranslated-segment, and the
structure rules must not count it again (one defect, one finding)."""

from __future__ import annotations

from contentlint.parity.alignment import SectionInfo, pair, summarize
from contentlint.parity.segments import CONFIDENT, suspected


def set_aside(corpus, least: float = CONFIDENT) -> None:
    """After the language stage: align each pairing with such blocks anew, without them."""
    for group in corpus.groups:
        for p in group.pairings:
            foreign = {id(span[0]) for span, (code, confidence) in zip(p.spans, p.detected)
                       if span[4] and span[0].kind != "heading" and code and code in suspected(span, p.ref.language)
                       and confidence >= least}
            if not foreign:
                continue
            infos = summarize(p.doc)
            without = [_without(info, foreign) for info in infos]
            whole = {id(w): info for w, info in zip(without, infos) if w is not info}
            fresh = pair(p.ref, p.doc, without)
            p.sections, p.units = [(r, _counted(r, t, whole)) for r, t in fresh.sections], fresh.units


def _counted(r: SectionInfo | None, t: SectionInfo | None, whole: dict) -> SectionInfo | None:
    """`t`, counting its blocks set aside again where they stand in the place of translated ones
    (a list item left in English among translated ones: the list has as many items as the
    source's); not where they are extra (the source's paragraph kept before its translation)."""
    full = whole.get(id(t)) if t is not None else None
    if r is None or full is None or (full.paragraphs, full.items) != (r.paragraphs, r.items):
        return t
    return SectionInfo(t.section, t.level, t.heading, t.units, full.paragraphs, full.lists, full.items)


def _without(info: SectionInfo, foreign: set) -> SectionInfo:
    units = [u for u in info.units if id(u) not in foreign]
    if len(units) == len(info.units):
        return info
    gone = [u for u in info.units if id(u) in foreign]
    return SectionInfo(info.section, info.level, info.heading, units,
                       info.paragraphs - sum(u.kind == "paragraph" for u in gone), info.lists,
                       info.items - sum(u.kind == "item" for u in gone))
