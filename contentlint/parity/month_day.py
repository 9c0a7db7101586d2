"""An event named by its month and day joined by a dot (`9.11 테러`, the September 11 attacks;
`5.18`, as Korean, Chinese and Japanese name one) against the other side's date in words
(`September 11`): the same day, no decimal number changed.

Taken so only where the other side names that month next to that day: the month's names are
CLDR's (language/cldr_words.py) in the other side's language, wide and abbreviated, within a few
characters of the day either way (`September 11`, `11 September`, `11. syyskuuta`). A decimal
(`1.12` for `12`, `3.25` for `25`) has no month named beside its digits, and stays a change.

A month and day joined by a slash (`9/11`, the September 11 attacks) is a date too where the
other side names that month: its day may be an ordinal in words there (`الحادي عشر من سبتمبر`,
the eleventh of September), which no number stands for."""

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


SLASHED = re.compile(r"(?<![0-9/.,])([0-9]{1,2})/([0-9]{1,2})(?![0-9/]|[.,][0-9])")  # `9/11`, not `1/2/2020`


def slashed(value: str, text: str, other_text: str, language: str, suffixes: tuple[str, ...] = ()) -> bool:
    """Whether `value` is a part of a month and day of `text` written with a slash (`9/11`,
    either order) whose month `other_text` names: by CLDR's names in `language`, or by its
    number before one of the language's month `suffixes` (`9月`, `9월`)."""
    if "/" not in text or not value.isdigit() or not (language or suffixes):
        return False
    low = None
    for m in SLASHED.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if value not in m.groups() or not (1 <= a <= 31 and 1 <= b <= 31):
            continue
        low = other_text.casefold() if low is None else low
        months = month_names(language) if language else {}
        names = lambda month: (*months.get(month, ()), *(f"{month}{suffix}" for suffix in suffixes))  # noqa: E731
        if any(_named(name, low) for month in (a, b) if month <= 12 for name in names(month)):
            return True
    return False


def _named(name: str, low: str) -> bool:
    """Whether `low` has the month's name starting a word: a wide one with any ending
    (`syyskuussa`), an abbreviation of three letters whole (`sep`, not `separate`); one that
    starts with its number (`9月`) after anything but a digit (`2001年9月`)."""
    end = "" if len(name) > 3 or name[:1].isdigit() else r"(?!\w)"
    start = r"(?<![0-9])" if name[:1].isdigit() else r"(?<!\w)"
    return name in low and re.search(rf"{start}{re.escape(name)}{end}", low) is not None
