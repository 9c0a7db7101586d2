"""An event named by its month and day joined by a dot (`9.11 테러`, the September 11 attacks;
`5.18`, as Korean, Chinese and Japanese name one) against the other side's date in words
(`September 11`): the same day, no decimal number changed.

Taken so only where the other side names that month next to that day: the month's names are
CLDR's (language/cldr_words.py) in the other side's language, wide and abbreviated, within a few
characters of the day either way (`September 11`, `11 September`, `11. syyskuuta`). A decimal
(`1.12` for `12`, `3.25` for `25`) has no month named beside its digits, and stays a change.

A month and day joined by a slash (`9/11`, the September 11 attacks) is a date too where the
other side names that month by its full name and not by its number: its day may be an ordinal
in words there (`الحادي عشر من سبتمبر`, the eleventh of September), which no number stands for;
so is the other side's same month and day joined by a dot (`9.11事件` for `9/11`)."""

from __future__ import annotations

import re
from decimal import Decimal

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


def names_month(word: str, language: str) -> bool:
    """Whether `word` is one of the language's month names (CLDR's, wide or abbreviated, of
    three letters or more: `september`, `lokakuuta`), a trailing mark aside."""
    word = word.casefold().rstrip(".,;:")
    return bool(language) and any(word in names for names in month_names(language).values())


SLASHED = re.compile(r"(?<![0-9/.,])([0-9]{1,2})/([0-9]{1,2})(?![0-9/]|[.,][0-9])")  # `9/11`, not `1/2/2020`


def slashed_dates(text: str, other_text: str, language: str) -> frozenset[str]:
    """The numbers of the months and days of `text` written with a slash (`9/11`, either order)
    that `other_text` gives as a date in words: it names the month by its full name (CLDR's
    longest, of four letters or more, as a whole word: not `maio` in `maioria`, not `may` the
    verb) and has not the month's number in digits (a rating `5/10` beside `nota 5`, a `7/1`
    for the source's `10/1` are numbers)."""
    if "/" not in text or not language:
        return frozenset()
    out: set[str] = set()
    months, low = month_names(language), None
    for m in SLASHED.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if not (1 <= a <= 31 and 1 <= b <= 31):
            continue
        low = other_text.casefold() if low is None else low
        if any(month <= 12 and _named(months.get(month, ()), low) and not _in_digits(month, low)
               for month in (a, b)):
            out.update((str(a), str(b)))
    return frozenset(out)


def _named(names: tuple[str, ...], low: str) -> bool:
    """Whether `low` names a month by its full name, a whole word."""
    name = max(names, key=len, default="")
    return len(name) >= 4 and name in low and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", low) is not None


def _in_digits(number: int, low: str) -> bool:
    return re.search(rf"(?<![0-9]){number}(?![0-9])", low) is not None


def dotted_slashes(text: str, other_text: str) -> list[tuple[str, str, str]]:
    """The months and days of `text` written with a slash (`9/11`) that `other_text` writes with
    a dot (`9.11事件`, `9·11`): (month, day) as `text` reads them and the dotted value as
    `other_text` reads it, once for each time `text` writes one. A month of 1 to 12 first, a day
    of 11 to 31, and no unit after it: a fraction (`3/4`, `9/10`, `a 3/16 inch bit`) has no dotted twin."""
    out = []
    for m in SLASHED.finditer(text):
        month, day = m.groups()
        if 1 <= int(month) <= 12 and len(day) == 2 and 11 <= int(day) <= 31 and not UNIT.match(text, m.end()) and \
                re.search(rf"(?<![0-9.,]){month}[.·・]{day}(?![0-9]|[.,][0-9])", other_text):
            out.append((str(int(month)), str(int(day)), format(Decimal(f"{month}.{day}").normalize(), "f")))
    return out


UNIT = re.compile(r"[- \u00a0]?[^\W\d_]{1,4}(?![^\W\d_])")  # `3/16 inch`, `3/16-in.`: a measure
