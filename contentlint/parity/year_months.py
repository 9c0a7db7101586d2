"""A count of months one side gives where the other names the years they make (`over the year
period` for `12-month period`, `full year APR` for `APR … sur 12 mois`, `24 months` for `2
years`): one duration, said two ways, is no number missing.

The words are CLDR's (language/cldr_words.py: `months`, `Monate`, `개월`; `year`, `Jahr`,
`年`): a month word right after the count (a compound's hyphen between: `12-måneders`; up to
three letters more for a case or compound ending, `Monaten`), and on the other side a year
word standing alone, after a 1, or after the number of years the months make (`2 years` for
24; a year word that is the singular, so `two years` is not one year). A side that names
months itself is not read as a year (`12 months` against `6 months … a year`), and a year the
side with the months names as well is its own (`in a one-year period … every 12-month period`
against `in a one-year period … in like clockwork period`: the 12 is lost). Only where both
formats name their language; elsewhere nothing."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from contentlint.language.cldr_words import duration_words
from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers

JOINERS = " -\u00a0\u202f\u2010\u2011"  # blanks and hyphens between a count and its unit
LETTERS, DIGITS = re.compile(r"[^\W\d_]*"), re.compile(r"\d+$")
EXTRA = 3  # letters a month word may take on: a case or compound ending (`Monaten`, `måneders`)


def years_for_months(values: list, text: str, fmt: NumberFormat | None,
                     other: str, other_fmt: NumberFormat | None) -> list:
    """`values` of `text` less each count of months the `other` text says in years."""
    if not values or not (fmt and other_fmt and fmt.language and other_fmt.language):
        return values
    months, _ = _words(fmt.language)
    if not months or not any(_whole_years(v) for v in values):
        return values  # no value a count of years could give: the texts are not read
    counted = _counts_of_months(text, fmt, months)
    if not counted:
        return values
    other_months, years = _words(other_fmt.language)
    if not years or _counts_of_months(other, other_fmt, other_months):
        return values
    # years the other side names more often than this one: this side's own `one-year period`
    # beside its `12-month period` is another duration (the source lost the second)
    said = _years_said(other, years) - _years_said(text, _words(fmt.language)[1])
    out = []
    for v in values:
        if v in counted and said[_whole_years(v)] > 0:
            counted.remove(v)
            said[_whole_years(v)] -= 1
            continue
        out.append(v)
    return out


def _whole_years(value: str) -> int:
    """The years `value` months make, 0 if not a whole number of them."""
    try:
        months = Decimal(value)
    except InvalidOperation:
        return 0
    return int(months / 12) if months > 0 and months % 12 == 0 else 0


def _counts_of_months(text: str, fmt: NumberFormat, months: tuple[str, ...]) -> list[str]:
    """The values of `text` a month word follows."""
    out = []
    for value, _, end, _ in iter_numbers(text, fmt):
        after = text[end:end + 30].lstrip(JOINERS).casefold()
        if any(_opens(after, word) for word in months):
            out.append(value)
    return out


def _opens(after: str, word: str) -> bool:
    """Whether `after` opens with `word`, ending there or a few letters on (not `Montag` for `mon`)."""
    if not after.startswith(word):
        return False
    if _ideographic(word[-1]):
        return True  # Han, kana and Hangul: a particle joins with no blank
    return len(LETTERS.match(after, len(word)).group()) <= EXTRA


def _years_said(text: str, years: tuple[str, ...]) -> Counter:
    """The numbers of years `text` names with the singular year word, each as often as it does:
    1 where the word stands alone or after a 1 (`a year`, `1年`), else the digits before it
    (`2 year period`)."""
    folded, out = text.casefold(), Counter()
    for word in years:
        for m in re.finditer(re.escape(word), folded):
            if not _bounded(folded, m.start(), m.end(), word):
                continue
            before = folded[:m.start()].rstrip(JOINERS)
            digits = DIGITS.search(before)
            if digits:
                out[int(digits.group())] += 1
            elif not before or not _numeral(before[-1]) or unicodedata.numeric(before[-1], 0) == 1:
                out[1] += 1  # `a year`, `一年`; not `三年` (three years)
    return out


def _bounded(text: str, start: int, end: int, word: str) -> bool:
    """A whole word: no letter joins it on either side, but a Han or Hangul word (`年`) needs none."""
    if _ideographic(word[-1]):
        return True
    return not (start and text[start - 1].isalpha()) and not (end < len(text) and text[end].isalpha())


def _numeral(c: str) -> bool:
    return unicodedata.numeric(c, None) is not None


def _ideographic(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3"


@lru_cache(maxsize=64)
def _words(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return duration_words(code)
