"""An event named by its month and day joined by a dot (`9.11 테러`, the September 11 attacks;
`5.18`, as Korean, Chinese and Japanese name one) against the other side's date in words
(`September 11`): the same day, no decimal number changed.

Taken so only where the other side names that month next to that day: the month's names are
CLDR's (language/cldr_words.py) in the other side's language, wide and abbreviated, within a few
characters of the day either way (`September 11`, `11 September`, `11. syyskuuta`). A decimal
(`1.12` for `12`, `3.25` for `25`) has no month named beside its digits, and stays a change."""

from __future__ import annotations

import re

from contentlint.language.cldr_words import month_names

NEAR = 16  # characters between a month's name and its day (`Sept. 11`, `11th of September`)


def month_day(value: str, day: str, other_text: str, language: str) -> bool:
    """Whether `value` (`9.11`) is a month and day whose day is `day` (the other side's `11`)
    and whose month `other_text` names beside that day."""
    month, dot, number = value.partition(".")
    if not (dot and month.isdigit() and 1 <= int(month) <= 12 and len(number) == 2
            and number.isdigit() and 10 <= int(number) <= 31 and number == day and language):
        return False
    names = month_names(language).get(int(month), ())
    low = other_text.casefold()
    for m in re.finditer(rf"(?<![0-9.,]){day}(?![0-9]|[.,][0-9])", low):
        window = low[max(0, m.start() - NEAR):m.end() + NEAR]
        if any(name in window for name in names):
            return True
    return False
