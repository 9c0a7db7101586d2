"""Whether two versions of a block read differently, known without parsing them.

Rendering a block (model.rendered) is an inline parse, most of the history's remaining
work: two versions of a paragraph are rendered to learn whether an edit was cosmetic.
Most edits add or change words in plain text, and then the answer is known from the texts
alone: they differ in one stretch holding no character an inline rule starts, ends or
escapes at, and that stretch lies outside every part of a block a reader does not see (a
link's target or title, an image's label, site syntax, an entity); the words there are seen,
so the two read differently. Anything less plain is left to the parser (a test checks the
claim against it on many edits of real blocks).
"""

from __future__ import annotations

import re

MARKUP = frozenset("\\`*_[]{}<>&~")
_OPEN_ENTITY = re.compile(r"&[A-Za-z0-9#]*$")
_SIMPLE_TARGET = re.compile(r"\]\([^()<>\"'\s]*\)")  # a link target without spaces, parentheses or a title


def plainly_differ(a: str, b: str) -> bool:
    """True: `rendered(a) != rendered(b)` for sure. False: not known (parse them)."""
    return _plainly_differ(a, b, *_difference(a, b))


def _plainly_differ(a: str, b: str, p: int, q: int) -> bool:
    wa, wb, before, after = a[p:len(a) - q], b[p:len(b) - q], a[:p], a[len(a) - q:]
    if not (wa.strip() or wb.strip()) or MARKUP.intersection(wa) or MARKUP.intersection(wb):
        return False  # only spaces (which may vanish beside a hidden part), or markup
    for w in (wa, wb):
        if (w.startswith("(") and before.endswith("]")) or (w.endswith("!") and after.startswith("[")):
            return False  # the stretch would make a link's target or an image
    return _outside_hidden(before)


def plain_words(a: str, b: str) -> bool:
    """True: the words changed from `a` to `b` can be counted on the texts themselves, as
    on their renderings: they plainly differ, and the words the difference touches hold no
    markup (so each reads as written, and every word around them is the same in both)."""
    p, q = _difference(a, b)
    if not _plainly_differ(a, b, p, q):
        return False
    return all(not _MARKED.intersection(_touched(x, p, len(x) - q)) for x in (a, b))


_MARKED = MARKUP | frozenset("()!")


def _touched(text: str, start: int, end: int) -> str:
    """The words of `text` that overlap `text[start:end]` (a difference that starts or ends
    at a space, or at either end of the text, touches no word beyond it)."""
    left, right = start, end
    if 0 < start < len(text) and text[start - 1] != " " and text[start] != " ":
        left = text.rfind(" ", 0, start) + 1
    if 0 < end < len(text) and text[end - 1] != " " and text[end] != " ":
        found = text.find(" ", end)
        right = found if found >= 0 else len(text)
    return text[left:right]


def _outside_hidden(before: str) -> bool:
    """The text before the stretch ends outside every hidden part: no bracket, brace or angle
    bracket left open, no escape or entity under way, every link target before it closed."""
    if before.rfind("[") > before.rfind("]") or before.rfind("{") > before.rfind("}") \
            or before.rfind("<") > before.rfind(">") or before.endswith("\\") or _OPEN_ENTITY.search(before):
        return False
    return before.count("](") == len(_SIMPLE_TARGET.findall(before))


def _difference(a: str, b: str) -> tuple[int, int]:
    """(characters equal at the start, at the end, not overlapping)."""
    p = _common_start(a, b)
    return p, _common_end(a, b, min(len(a), len(b)) - p)


def _common_start(a: str, b: str) -> int:
    """Characters equal at the start (halving: each comparison runs in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_end(a: str, b: str, limit: int) -> int:
    lo, hi = 0, max(0, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo
