"""Whole numbers a text writes in words that no profile lists (`Soixante-six` for 66, Turkish
`altmış altı`, Russian `одиннадцать`), spelt by num2words, a well-kept library that writes
cardinals in some fifty languages: a value one side writes in digits and the other in words is
no difference. Only from ten (number parity compares no smaller value) to below a thousand
(larger values are written with scale words, which spelt.py reads), only spellings of four
letters or more (`yüz`, a hundred, is a face too), and only where num2words knows the language;
elsewhere nothing. A percentage is written so too where the text has a percent word
(`Cinquante-six pour cent`, `yüzde elli altısı` for 56%), and a last word may carry one of the
language's endings written joined (profile `number_word_suffixes` and `cardinal_endings`:
Turkish `elli altısı`, its fifty-sixth part). Known limit: a number word inside a longer one written with blanks (`trente-deux` in
`cent trente-deux`) stands for its own value too."""

from __future__ import annotations

from functools import lru_cache

import regex

LOW, LIMIT, LONGEST = 10, 1000, 5  # values; words of a spelling at most (`cento e trinta e dois`)
ALIASES = {"nb": "no", "nn": "no"}  # num2words names Norwegian `no`
SEPARATORS = regex.compile(r"[\s\-\u2010\u2011]+")
# a word: letters and the marks joined to them (a vowel sign goes on the word: Bengali `বিশেষ`,
# special, is no `বিশ`, twenty), hyphenated compounds whole (`six` of `soixante-six` is no 6)
WORD = regex.compile(r"[\p{L}\p{M}]+(?:[\-\u2010\u2011][\p{L}\p{M}]+)*")


@lru_cache(maxsize=64)
def _language(code: str) -> str:
    """num2words' code for a language (a region's own where it has one: `pt_BR`), or "" where
    it has none (Hindi, Malay …)."""
    from num2words import CONVERTER_CLASSES

    base, _, region = code.replace("_", "-").partition("-")
    for candidate in (f"{base.lower()}_{region.upper()}" if region else "", base.lower()):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in CONVERTER_CLASSES:
            return candidate
    return ""


@lru_cache(maxsize=65536)  # a short string for each value of each language
def _spelling(value: int, language: str) -> str:
    """The cardinal of `value`, lower case, with neither blanks nor hyphens (`soixantesix`), or
    "" where it is too short to tell from other words or num2words cannot spell it."""
    from num2words import num2words

    try:
        spelt = SEPARATORS.sub("", num2words(value, lang=language).casefold())
    except (NotImplementedError, ValueError, TypeError, KeyError, IndexError, OverflowError):
        return ""
    return spelt if len(spelt) >= 4 else ""


def in_words(values: list[str], text: str, code: str, percent: bool = False,
             endings: tuple[str, ...] = (), respell: tuple[tuple[str, str], ...] = (),
             stems: tuple[tuple[str, str], ...] = ()) -> set[str]:
    """Those of `values` (canonical numbers) that `text` writes as a whole word or words, the
    blanks and hyphens between them as the text has them (`soixante six`, `altmış altı`); a
    percentage too where `percent` (the text has a percent word); the last word with one of
    `endings` or without. `code` is the language whose spellings num2words gives (a
    profile's `cardinals_like`: Malay writes Indonesian's), `respell` the parts the language
    writes otherwise (Malay `lapan` for `delapan`), `stems` a last part's form before an ending
    (Finnish `kahdeksa-` of `kahdeksan`: `kolmekymmentäkahdeksalla`)."""
    low = text.casefold()
    wanted = {v: v.removesuffix("%") for v in values if (percent or not v.endswith("%"))}
    wanted = {v: n for v, n in wanted.items() if n.isdigit() and LOW <= int(n) < LIMIT}
    language = _language(code) if wanted and code else ""
    if not language:
        return set()
    spelt = {v: _respelt(s, respell) for v, n in wanted.items() if (s := _spelling(int(n), language))}
    spelt = {v: s for v, s in spelt.items() if s[:2] in low}  # most texts lack even its first letters
    if not spelt:
        return set()
    words = [SEPARATORS.sub("", w) for w in WORD.findall(low)]
    endings = tuple(e.casefold() for e in endings)
    return {v for v, s in spelt.items() if any(_written(f, words, endings) for f in _forms(s, stems))}


def _respelt(spelling: str, respell: tuple[tuple[str, str], ...]) -> str:
    for part, written in respell:
        spelling = spelling.replace(part, written)
    return spelling


def _forms(spelling: str, stems: tuple[tuple[str, str], ...]) -> list[str]:
    """The spelling, and its form with the last part's stem (`kolmekymmentäkahdeksa`)."""
    return [spelling, *(spelling[: -len(part)] + stem for part, stem in stems if spelling.endswith(part))]


def _written(spelling: str, words: list[str], endings: tuple[str, ...] = ()) -> bool:
    """Whether one to LONGEST words in a row, joined, are `spelling`, the last maybe with one of
    `endings` (`elli altısı` for `ellialtı`)."""
    for i, word in enumerate(words):
        joined, k = word, i + 1
        while spelling.startswith(joined) and joined != spelling and k < min(len(words), i + LONGEST):
            joined, k = joined + words[k], k + 1
        if joined == spelling or joined.startswith(spelling) and joined[len(spelling):] in endings:
            return True
    return False
