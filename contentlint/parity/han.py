"""Numbers written in Han numerals (`十年` for `10 years`, `二十五`, `百分之十` for 10%): what a
Chinese or Japanese translation may write where the source has digits. Read only to tell that a
number of the source is there in words, never as a number the translation adds."""

from __future__ import annotations

import re
from functools import lru_cache

DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
# a run of numerals, after Chinese `百分之` ("of a hundred parts": a percentage) if it has it
RUN = re.compile(r"(百分之)?([一二两兩三四五六七八九十百千]+)")


@lru_cache(maxsize=1024)
def han_values(text: str) -> frozenset[str]:
    """The values of the runs of Han numerals in `text`, as canonical strings (`10`, `10%`)."""
    out = set()
    for m in RUN.finditer(text):
        value = _value(m.group(2))
        if value is not None:
            out.add(f"{value}%" if m.group(1) else str(value))
    return frozenset(out)


def _value(run: str) -> int | None:
    """`二十五`: 25, `十`: 10, `三千`: 3000; None for two digits side by side (`三四`, three or
    four: a range in words) or a unit after a smaller one (`十百`)."""
    total, digit, last = 0, None, 10_000
    for c in run:
        if c in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS[c]
        else:
            unit = UNITS[c]
            if unit >= last:
                return None
            total, digit, last = total + (1 if digit is None else digit) * unit, None, unit
    return total + (digit or 0)
