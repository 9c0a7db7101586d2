"""A number written in parts of descending scale words is their sum: `31 کروڑ 80 لاکھ` (31 crore
and 80 lakh, 318,000,000), `১৪ কোটি ৯৬ লাখ`, `3 करोड़ 18 लाख`, as the languages of South Asia write
crores and lakhs; `1 млн 200 тыс.`; the units after two parts or more (`1 लाख 25 हजार 500`). Each
part is smaller than the scale before it and stands right after it, a blank between. CJK
numerals, whose myriads close groups of parts: cjk_parts.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

# Units of measure written onto a number that spell a scale word in some language: the IEC
# binary prefixes (`300Mi`, `2Gi`: Portuguese `mi` is millions)
UNIT_SYMBOLS = frozenset({"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"})


def unit_symbol(word: str, m: re.Match) -> bool:
    """A unit symbol written onto the number, not the scale word it spells elsewhere."""
    return word in UNIT_SYMBOLS and m.end("num") == m.start("word")


def summed(text: str, m: re.Match, matches: list, i: int, reader, value: Decimal, scale: int,
           read: Callable[[re.Match, int], Decimal]) -> tuple[Decimal, re.Match, int, int]:
    """The number `m` begins (its value and scale) with the parts after it that continue it:
    (value, the last part's match, its scale, the index after it)."""
    n = m
    while i < len(matches):
        part = matches[i]
        word, gap = part.group("word"), text[n.end():part.start()]
        # a blank between, after the abbreviation's full stop if any (`149 млн. 600 тыс.`)
        if part.group("pct") or part.group("date") or len(gap) > 2 or gap.lstrip(".").strip() or not gap:
            break
        if not word:  # the units after two parts or more (`1 लाख 25 हजार 500`), less than the last scale
            units = read(part, 1)
            if n is not m and scale <= 1000 and units < scale and part.end() == part.end("num"):
                value, n, i = value + units, part, i + 1
            break
        kind, smaller = reader.word(word)
        if kind != "scale" or smaller >= scale or (add := read(part, smaller)) >= scale:
            break
        value, n, scale, i = value + add, part, smaller, i + 1
    return value, n, scale, i
