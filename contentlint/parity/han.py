"""Numbers written in Han numerals (`十年` for `10 years`, `二十五`, `三千万`, `百分之十五` for 15 %):
what a Chinese or Japanese translation may write where the source has digits. Read only to tell
that a number of the source is there in words, never as a number the translation adds.

Numerals are also syllables of common words, which are left out: `十分` (very), `百分点` (a
percentage point), `百分比` (a percentage) — a run before `分`; `数百万`, `几千`, `上千` (some
millions, a few thousand) — a run after a word of "some"; a run that opens with `万` or `亿`
(`万一`, in case; `万物`, all things); and `千万` alone (by all means)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}  # within a group of four places
GROUPS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}  # a group's multiplier
NUMERAL = "".join([*DIGITS, *UNITS, *GROUPS])
WORDS = ("千万", "千萬")  # by all means: as often a word as ten million
# a run of numerals with its decimals (`五十五点五`), after Chinese `百分之` ("of a hundred parts":
# a percentage) if it has it, not after a word of "some" (`数百万`) nor before `分` (`十分`)
RUN = re.compile(rf"(?<![数几上0-9{NUMERAL}])(百分之)?([{NUMERAL}]+)(?:[点點]([〇零一二三四五六七八九]+))?(?![分{NUMERAL}])")


@lru_cache(maxsize=1024)
def han_values(text: str) -> frozenset[str]:
    """The values of the runs of Han numerals in `text`, as canonical strings (`10`, `10%`, `55.5%`)."""
    out = set()
    for m in RUN.finditer(text):
        run = m.group(2)
        if run[0] in GROUPS or run in WORDS:
            continue  # `万一`, `千万`: words
        value = _value(run)
        if not value:
            continue
        if m.group(3):
            value = Decimal(f"{value}.{''.join(str(DIGITS[c]) for c in m.group(3))}")
        text_value = format(Decimal(value).normalize(), "f")
        out.add(text_value + "%" if m.group(1) else text_value)
    return frozenset(out)


def _value(run: str) -> int | None:
    """`二十五`: 25, `十`: 10, `三千万`: 30000000, `一百零五`: 105; None for two digits side by
    side (`三四`, three or four: a range in words), a unit after a smaller one (`十百`), or a
    group after a smaller one (`万亿`)."""
    total, group, digit, unit_before, group_before = 0, 0, None, 10_000, 10**12
    for c in run:
        if c in DIGITS:
            if digit is not None and DIGITS[c]:
                return None
            digit = None if c in "〇零" else DIGITS[c]
        elif c in UNITS:
            if UNITS[c] >= unit_before:
                return None
            group, digit, unit_before = group + (1 if digit is None else digit) * UNITS[c], None, UNITS[c]
        else:
            if GROUPS[c] >= group_before:
                return None
            group += digit or 0
            total, group, digit, unit_before, group_before = total + group * GROUPS[c], 0, None, 10_000, GROUPS[c]
    return total + group + (digit or 0)


def writes_han(fmt) -> bool:
    """Whether a language writes Han numerals: its scale words are Han (`万`, `億`: Chinese,
    Japanese), not Hangul (`만`: Korean writes its numbers in digits)."""
    return any(g in fmt.scales for g in GROUPS)
