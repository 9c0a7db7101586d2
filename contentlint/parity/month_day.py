"""An event named by its month and day joined by a dot (`9.11 테러`, the September 11 attacks;
`5.18`, as Korean, Chinese and Japanese name one) against the other side's date in words
(`September 11`): the same day, no decimal number changed.

Taken so only where the other side names that month next to that day: the month's names are
CLDR's (through Babel) in the other side's language, wide and abbreviated, within a few
characters of the day either way (`September 11`, `11 September`, `11. syyskuuta`). A decimal
(`1.12` for `12`, `3.25` for `25`) has no month named beside its digits, and stays a change."""

from __future__ import annotations

import re
from functools import lru_cache

NEAR = 16  # characters between a month's name and its day (`Sept. 11`, `11th of September`)


def month_day(value: str, day: str, other_text: str, language: str) -> bool:
    """Whether `value` (`9.11`) is a month and day whose day is `day` (the other side's `11`)
    and whose month `other_text` names beside that day."""
    month, dot, number = value.partition(".")
    if not (dot and month.isdigit() and 1 <= int(month) <= 12 and len(number) == 2
            and number.isdigit() and 10 <= int(number) <= 31 and number == day and language):
        return False
    names = _months(language).get(int(month), ())
    low = other_text.casefold()
    for m in re.finditer(rf"(?<![0-9.,]){day}(?![0-9]|[.,][0-9])", low):
        window = low[max(0, m.start() - NEAR):m.end() + NEAR]
        if any(name in window for name in names):
            return True
    return False


@lru_cache(maxsize=64)
def _months(code: str) -> dict[int, tuple[str, ...]]:
    """Each month's names in language `code`, lower case: CLDR's wide and abbreviated forms, in
    the format and stand-alone contexts (`september`, `sep`, `syyskuuta`, `syyskuu`)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return {}
    out: dict[int, set[str]] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.casefold().rstrip(".")
                if len(name) >= 3:  # a one- or two-letter form (`9월`'s digits aside) tells nothing
                    out.setdefault(number, set()).add(name)
    return {k: tuple(v) for k, v in out.items()}
