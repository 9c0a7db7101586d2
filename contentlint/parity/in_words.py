"""Whole numbers a text writes in words that no profile lists (`Soixante-six` for 66, Turkish
`altmış altı`, Russian `одиннадцать`), spelt by num2words, a well-kept library that writes
cardinals in some fifty languages: a value one side writes in digits and the other in words is
no difference. Only from ten (number parity compares no smaller value) to below a thousand
(larger values are written with scale words, which spelt.py reads), only spellings of four
letters or more (`yüz`, a hundred, is a face too), and only where num2words knows the language;
elsewhere nothing. Known limit: a number word inside a longer one written with blanks
(`trente-deux` in `cent trente-deux`) stands for its own value too."""

from __future__ import annotations

from functools import lru_cache

import regex

LOW, LIMIT = 10, 1000
ALIASES = {"nb": "no", "nn": "no"}  # num2words names Norwegian `no`
SEPARATORS = regex.compile(r"[\s\-\u2010\u2011]+")
GAP = "[\\s\\-\u2010\u2011]?"  # where a blank or hyphen may part a spelling's words


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


@lru_cache(maxsize=65536)  # 990 values in each of the corpus' languages
def _pattern(value: int, language: str) -> tuple[str, regex.Pattern] | None:
    """The cardinal of `value` as whole words, whose blanks and hyphens may be missing or other
    (`soixante six`), as may those between its tens and units or hundreds and rest, which some
    languages write apart where num2words joins them (Turkish `altmış altı`, `altmışaltı`);
    never inside a word, nor a part of a hyphenated one (`six` of `soixante-six`); a word ends
    before a letter or a joined mark (Bengali `বিশেষ`, special, is no `বিশ`, twenty)."""
    whole = _spelt(value, language)
    if whole is None or len(SEPARATORS.sub("", whole)) < 4:
        return None
    forms = {_gapped(whole)}
    for unit in (10, 100):  # tens and units, hundreds and the rest
        head, rest = value - value % unit, value % unit
        if head and rest and (a := _spelt(head, language)) and (b := _spelt(rest, language)):
            forms.add(_gapped(a) + GAP + _gapped(b))
    spelt = "|".join(sorted(forms, key=len, reverse=True))
    # the first letters of its first word, which the forms start with: most texts lack them (a
    # fast refusal before the pattern)
    return SEPARATORS.split(whole.strip())[0][:3], regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?<![\p{{L}}\p{{M}}][\-\u2010\u2011])(?:{spelt})"
                         rf"(?![\p{{L}}\p{{M}}])(?![\-\u2010\u2011]\p{{L}})")


def _spelt(value: int, language: str) -> str | None:
    from num2words import num2words

    try:
        return num2words(value, lang=language).casefold()
    except (NotImplementedError, ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None


def _gapped(words: str) -> str:
    return GAP.join(map(regex.escape, SEPARATORS.split(words.strip())))


def in_words(values: list[str], text: str, code: str) -> set[str]:
    """Those of `values` (canonical numbers) that `text` writes as a whole word or words."""
    wanted = [v for v in values if v.isdigit() and LOW <= int(v) < LIMIT]
    language = _language(code) if wanted and code else ""
    if not language:
        return set()
    low = text.casefold()
    return {v for v in wanted if (p := _pattern(int(v), language)) is not None and p[0] in low and p[1].search(low)}
