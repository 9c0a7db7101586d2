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
            in_place = _in_place(infos, p.units.values(), foreign)
            without = [_without(info, foreign) for info in infos]
            whole = {id(w): info for w, info in zip(without, infos) if w is not info}
            fresh = pair(p.ref, p.doc, without)
            p.sections = [(r, _counted(t, whole, in_place)) for r, t in fresh.sections]
            p.units = fresh.units


def _in_place(infos, alignments, foreign: set) -> set:
    """The blocks set aside (ids) that stand in the place of a translated one: no block of the
    translation beside them is theirs, which would make them an extra copy: one that nothing in
    the source matches (the alignment leaves it out), or one with a link or number of theirs.
    Where a copy stands beside a translation with neither and another block is lost, nothing
    tells them apart: the copy counts, and the loss goes untold."""
    unmatched = {id(t) for pairs in alignments for r, t in pairs if r is None and t is not None}
    out = set()
    for info in infos:
        units = info.units
        for k, u in enumerate(units):
            if id(u) not in foreign:
                continue
            keys = u.link_keys | u.number_keys
            beside = [units[j] for j in (k - 1, k + 1) if 0 <= j < len(units) and id(units[j]) not in foreign]
            if not any(id(b) in unmatched or keys & (b.link_keys | b.number_keys) for b in beside):
                out.add(id(u))
    return out


def _counted(t: SectionInfo | None, whole: dict, in_place: set) -> SectionInfo | None:
    """`t`, counting again its blocks set aside that stand in the place of translated ones (a
    list item left in English among translated ones: the list has as many items as the
    source's); not those that are extra (the source's paragraph kept before its translation)."""
    full = whole.get(id(t)) if t is not None else None
    back = [u for u in full.units if id(u) in in_place] if full is not None else []
    if not back:
        return t
    return SectionInfo(t.section, t.level, t.heading, t.units, t.paragraphs + sum(u.kind == "paragraph" for u in back),
                       t.lists, t.items + sum(u.kind == "item" for u in back))


def _without(info: SectionInfo, foreign: set) -> SectionInfo:
    units = [u for u in info.units if id(u) not in foreign]
    if len(units) == len(info.units):
        return info
    gone = [u for u in info.units if id(u) in foreign]
    return SectionInfo(info.section, info.level, info.heading, units,
                       info.paragraphs - sum(u.kind == "paragraph" for u in gone), info.lists,
                       info.items - sum(u.kind == "item" for u in gone))
