"""What an aligned block carries inline that a translation keeps: its emphasis (bold and
italic spans) and its code spans. Read from the block's inline tokens, never from its text."""

from __future__ import annotations

import unicodedata

def bold(unit) -> list[str]:
    """The text of each bold span of the unit's block, however written (`**x**`, `__x__`)."""
    inline = getattr(unit.block, "inline", None)
    spans, depth = [], 0
    for c in inline.children if inline else ():
        if c.type == "strong_open":
            depth += 1
            if depth == 1:
                spans.append("")
        elif c.type == "strong_close":
            depth = max(depth - 1, 0)
        elif depth and c.content:
            spans[-1] += c.content
    return spans


def stray_markers(unit) -> bool:
    """Whether the block's text holds `**` or `__` the parser did not read as bold: markers
    machine translation spaced (`** x **`) or set against a letter after punctuation
    (`**時間：**考生`), which the reader sees as asterisks."""
    inline = getattr(unit.block, "inline", None)
    return any(c.type == "text" and ("**" in c.content or "__" in c.content)
               for c in (inline.children if inline else ()))


def one_to_one(p, value):
    """(reference unit, translation unit) of the sections whose units all pair, and whose
    `value`s differ as a whole: where a section's blocks do not pair one to one,
    paragraph-mismatch and list-mismatch report it, and its pairs may not be the same text;
    where the section holds the same values in another order, its paragraphs were reordered."""
    for units in p.units.values():
        if not all(r is not None and t is not None for r, t in units):
            continue
        mine = [(value(r), value(t)) for r, t in units]
        if sorted(repr(a) for a, _ in mine) != sorted(repr(b) for _, b in mine):
            yield from units


def code_spans(unit) -> list[str]:
    """The contents of the unit's code spans, in order."""
    inline = getattr(unit.block, "inline", None)
    return [c.content for c in (inline.children if inline else ()) if c.type == "code_inline"]


def translated(code: str) -> bool:
    """A code span written in the translation's own script: a placeholder or a phrase the
    translator may translate (`<파드-이름>` for `<pod-name>`). Code and commands are written in
    Latin letters, so a span with a letter of another script is text set in code."""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "GREEK")) for ch in code)
