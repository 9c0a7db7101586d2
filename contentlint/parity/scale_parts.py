"""A number written in parts of descending scale words is their sum: `31 کروڑ 80 لاکھ` (31 crore
and 80 lakh, 318,000,000), `১৪ কোটি ৯৬ লাখ`, `3 करोड़ 18 लाख`, as the languages of South Asia write
crores and lakhs; `1 млн 200 тыс.`. Each part is smaller than the scale before it and stands right
after it, a blank between. CJK numerals, whose myriads close groups of parts: cjk_parts.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal


def summed(text: str, m: re.Match, matches: list, i: int, reader, value: Decimal, scale: int,
           read: Callable[[re.Match, int], Decimal]) -> tuple[Decimal, re.Match, int, int]:
    """The number `m` begins (its value and scale) with the parts after it that continue it:
    (value, the last part's match, its scale, the index after it)."""
    n = m
    while i < len(matches):
        part = matches[i]
        word = part.group("word")
        if not word or part.group("pct") or part.group("date") or part.start() - n.end() > 1 \
                or text[n.end():part.start()].strip():
            break
        kind, smaller = reader.word(word)
        if kind != "scale" or smaller >= scale or (add := read(part, smaller)) >= scale:
            break
        value, n, scale, i = value + add, part, smaller, i + 1
    return value, n, scale, i
