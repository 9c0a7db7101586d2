"""A count of months one side gives where the other names the years they make (`over the year
period` for `12-month period`, `full year APR` for `APR … sur 12 mois`, `24 months` for `2
years`): one duration, said two ways, is no number missing.

The words are CLDR's (language/cldr_words.py), a long month form's stem (`kuukauden`, of
`kuukausi`), and the forms a profile adds (`month_words`: `12ヶ月`; `year_words`: `vuoden`,
`साल`). A month's word right after the count, a
compound's hyphen between (`12 months`, `12-måneders`, `12개월`); its long forms may run on by up
to three letters (a case or compound ending: `Monaten`, `aylık`), its short forms only by a full
stop (`12 mies.`; not `мес` in `местах`). On the other side a year's word: its form for one
standing alone or after a 1 (`a year`, `1 Jahr`), or any of its forms after the number of years
the months make (`2 years`, `10年` for 120 months); not after another number in digits or in
words (`2,5 år`, `två år`), and a Han or Hangul one (`年`, `년`) only after a numeral (not `年轻`,
`매년`). The other side may give no count of months in digits itself (`a 6-month CD … last year`
against `12-Monats-CD`; months in words are not read), and the side with the months may not name
as many years itself (`in a one-year period … every 12-month period` against the source's `in a
one-year period … in like clockwork period`: the 12 is lost). Only where both formats name their
language; elsewhere nothing."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from contentlint.language.cldr_words import duration_words
from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.signs import continues, spaced
from contentlint.parity.units import opens_with

JOINERS = " -\u00a0\u202f\u2010\u2011"  # blanks and hyphens between a count and its unit
EXTRA = 3  # letters a long month word may take on: a case or compound ending (`Monaten`, `måneders`)
MOST = 1200  # months: a longer count is no duration said in years (and no value to divide)
COUNT_BEFORE = re.compile(r"(\d+)(?:[.,\u066b]\d+)?$")  # the digits right before a year word, a fraction's too (`٢٫٥`)
WINDOW = 40  # characters read before a year word: linear on any input
STEM = 5  # letters a month word's stem keeps at least


def years_for_months(values: list, text: str, fmt: NumberFormat | None,
                     other: str, other_fmt: NumberFormat | None) -> list:
    """`values` of `text` less each count of months the `other` text says in years."""
    if not values or not (fmt and other_fmt and fmt.language and other_fmt.language):
        return values
    if not any(_whole_years(v) for v in values):
        return values  # no value a count of years could give: the texts are not read
    words, other_words = _words_of(fmt), _words_of(other_fmt)
    counted = _counts_of_months(text, fmt, words)
    if not counted or not other_words[2] or _counts_of_months(other, other_fmt, other_words):
        return values
    # years the other side names more often than this one: this side's own `one-year period`
    # beside its `12-month period` is another duration (the source lost the second). This side's
    # are read loosely, a year's word with up to three letters on and after anything (`året`,
    # `roku`, `Jahres`, `昨年`; not `anglais`): one too many only keeps a finding
    said = _years_said(other, other_words, other_fmt.language) - _years_said(text, words, fmt.language, True)
    out = []
    for v in values:
        years = _whole_years(v)
        if v in counted and said[years] > 0:
            counted.remove(v)
            said[years] -= 1
            continue
        out.append(v)
    return out


def _whole_years(value: str) -> int:
    """The years `value` months make, 0 if not a whole number of them."""
    try:
        months = Decimal(value)
    except InvalidOperation:
        return 0
    return int(months) // 12 if 0 < months <= MOST and months % 12 == 0 else 0


def _counts_of_months(text: str, fmt: NumberFormat, words: tuple) -> list[str]:
    """The values of `text` a month word follows."""
    long, short = words[0], words[1]
    if not (long or short):
        return []
    out = []
    for value, _, end, _ in iter_numbers(text, fmt):
        after = text[end:end + 30].lstrip(JOINERS).casefold()
        if any(opens_with(after, word, EXTRA) for word in long) or any(opens_with(after, word, 0) for word in short):
            out.append(value)
    return out


def _stems(forms: tuple) -> tuple:
    """A month word's stem, its last two letters off, where five letters or more are left: a
    case CLDR does not list changes them (Finnish `12 kuukauden`, of `kuukausi`). Shorter ones
    would say too little (`mes`, `Monat`: not `Montage`)."""
    return tuple(dict.fromkeys(f[:-2] for f in forms if len(f) - 2 >= STEM and f[:-2].isalpha()))


@lru_cache(maxsize=512)
def _years_said(text: str, words: tuple, code: str, loose: bool = False) -> Counter:
    """The numbers of years `text` names, each as often as it does (see the module's doc);
    `loose`: a year's word with up to three letters on, alone or after any number."""
    _, _, one, many = words
    folded, out = text.casefold(), Counter()
    for word in (*one, *many):
        for m in re.finditer(re.escape(word), folded):
            if not _bounded(folded, m.start(), m.end(), word, loose):
                continue
            before = folded[max(0, m.start() - WINDOW):m.start()].rstrip(JOINERS)
            if loose:
                if opens_with(folded[m.start():m.start() + len(word) + 30], word, EXTRA):
                    digits = COUNT_BEFORE.search(before)
                    out[int(digits.group(1)) if digits else 1] += 1
                continue
            years = _count_before(before, word in one, not spaced(word[-1]), code)
            if years:
                out[years] += 1
    return out


def _count_before(before: str, singular: bool, joined: bool, code: str) -> int:
    """The years a year word says, by what stands before it: 0 where that is no whole count."""
    digits = COUNT_BEFORE.search(before)
    if digits:
        return int(digits.group(1)) if digits.group() == digits.group(1) else 0  # `2,5 år`: no whole count
    last = before[-1:]
    if last and unicodedata.numeric(last, None) is not None:  # `一年`, `十年`; not `二十年` (read no further)
        value = unicodedata.numeric(last)
        compound = len(before) > 1 and unicodedata.numeric(before[-2], None) is not None
        return int(value) if value == int(value) and not compound else 0
    if joined or not singular:
        return 0  # `年轻`, `매년`; `years` alone (`over the years`)
    word = before.split()[-1] if before.split() else ""
    return 0 if word in _number_words(code) else 1  # `a year`; not `två år`


def _bounded(text: str, start: int, end: int, word: str, opening: bool = False) -> bool:
    """A whole word (`opening`: one that opens a word): no letter joins it on either side, but a
    Han or Hangul word (`年`) needs none."""
    if not spaced(word[-1]):
        return True
    # a letter, or a mark joined to one (a Devanagari vowel sign: `वर्षों` is not `वर्ष`)
    return not (start and continues(text[start - 1])) and (opening or not (end < len(text) and continues(text[end])))


@lru_cache(maxsize=64)
def _number_words(code: str) -> frozenset[str]:
    """The language's words for two to twelve (num2words, where it knows the language): a year
    word after one is that many years (`två år`, `twee jaar`), not one."""
    from num2words import num2words

    from contentlint.parity.in_words import converter_language

    language = converter_language(code)
    if not language:
        return frozenset()
    out = set()
    for n in range(2, 13):
        try:
            out.add(num2words(n, lang=language).casefold())
        except (NotImplementedError, ValueError, KeyError, IndexError, OverflowError, TypeError):
            continue
    return frozenset(out)


def _words_of(fmt: NumberFormat) -> tuple:
    """The duration words of `fmt`'s language: CLDR's, its long month forms' stems, and the
    forms its profile adds (`month_words`, `year_words`)."""
    return _words(fmt.language, fmt.month_words, fmt.year_words)


@lru_cache(maxsize=64)
def _words(code: str, months: tuple = (), years: tuple = ()) -> tuple:
    long, short, one, many = duration_words(code)
    return (*long, *_stems(long), *months), short, (*one, *years), many
