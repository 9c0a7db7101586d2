"""Whole numbers a text writes in words that no profile lists (`Soixante-six` for 66, Turkish
`altmış altı`, Russian `одиннадцать`), spelt by num2words, a well-kept library that writes
cardinals in some fifty languages: a value one side writes in digits and the other in words is
no difference. Only from ten (number parity compares no smaller value) to below a thousand
(larger values are written with scale words, which spelt.py reads), only spellings of four
letters or more (`yüz`, a hundred, is a face too), and only where num2words knows the language;
elsewhere nothing. A percentage is written so too right before a percent word or after a
percent prefix (`Cinquante-six pour cent`, `yüzde elli altısı` for 56%), and a last word may
carry one of the language's endings written joined (profile `number_word_suffixes` and
`cardinal_endings`: Turkish `elli altısı`, its fifty-sixth part). Known limit: a number word
inside a longer one written with blanks (`trente-deux` in `cent trente-deux`) stands for its
own value too."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from contentlint.language.numbering import EXCLUDED

if TYPE_CHECKING:
    from contentlint.language.numbering import NumberFormat

LOW, LIMIT, LONGEST = 10, 1000, 5  # values; words of a spelling at most (`cento e trinta e dois`)
ALIASES = {"nb": "no", "nn": "no"}  # num2words names Norwegian `no`
SEPARATORS = regex.compile(r"[\s\-\u2010\u2011]+")
# a word: letters and the marks joined to them (a vowel sign goes on the word: Bengali `বিশেষ`,
# special, is no `বিশ`, twenty), hyphenated compounds whole (`six` of `soixante-six` is no 6)
WORD = regex.compile(r"[\p{L}\p{M}]+(?:[\-\u2010\u2011][\p{L}\p{M}]+)*")


@lru_cache(maxsize=64)
def converter_language(code: str) -> str:
    """num2words' code for a language (a region's own where it has one: `pt_BR`), or "" where
    it has none (Hindi, Malay …)."""
    from num2words import CONVERTER_CLASSES

    base, _, region = code.replace("_", "-").partition("-")
    for candidate in (f"{base.lower()}_{region.upper()}" if region else "", base.lower()):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in CONVERTER_CLASSES:
            return candidate
    return ""


# The grammatical cases num2words spells cardinals in, where a language's converter takes one
# (Finnish, Russian, Ukrainian): `kahdensadan vuoden`, `двухсот лет` (of two hundred years).
CASES = ("genitive", "dative", "accusative", "instrumental", "prepositional", "locative", "partitive",
         "inessive", "elative", "illative", "adessive", "ablative", "allative", "essive", "translative",
         "abessive")


@lru_cache(maxsize=65536)  # a few short strings for each value of each language
def cardinal_spellings(value: int, language: str) -> tuple[str, ...]:
    """The cardinal of `value`, lower case, with neither blanks nor hyphens (`soixantesix`), and
    its forms in the grammatical cases num2words writes for the language; none too short to
    tell from other words, and none where num2words cannot spell it."""
    from num2words import num2words

    out = []
    for case in (None, *CASES):
        try:
            spelt = num2words(value, lang=language, **({"case": case} if case else {}))
        except TypeError:  # a converter that takes no `case` at all: the nominative alone
            break
        except (NotImplementedError, ValueError, KeyError, IndexError, OverflowError):
            continue  # a case the converter does not know
        spelt = SEPARATORS.sub("", spelt.casefold())
        if len(spelt) >= 4 and spelt not in out:
            out.append(spelt)
    return tuple(out)


def in_words(values: list[str], text: str, code: str, fmt: "NumberFormat | None" = None) -> set[str]:
    """Those of `values` (canonical numbers) that `text` writes as a whole word or words, the
    blanks and hyphens between them as the text has them (`soixante six`, `altmış altı`).
    Given the language's format `fmt`: a percentage too, where the words stand right before a
    percent word or right after a percent prefix, each a whole word (`cinquante-six pour cent`,
    `yüzde elli altısı`; not `Prozentzahl`, not `bu yüzden`); the last word with one of the
    language's endings (`number_word_suffixes`, `cardinal_endings`) or without; num2words'
    spellings of the language its `cardinals_like` names (Malay writes Indonesian's), with its
    `respellings` (Malay `lapan` for `delapan`), and with a last part's stem before an ending
    (`stems`: Finnish `kahdeksa-` of `kahdeksan`, `kolmekymmentäkahdeksalla`)."""
    low = text.casefold()
    wanted = {v: v.removesuffix("%") for v in values if fmt is not None or not v.endswith("%")}
    wanted = {v: n for v, n in wanted.items() if n.isdigit() and LOW <= int(n) < LIMIT}
    language = converter_language((fmt.cardinals_like if fmt is not None else "") or code) if wanted and code else ""
    if not language:
        return set()
    respell = fmt.respellings if fmt is not None else ()
    spelt = {v: [r for s in cardinal_spellings(int(n), language) if (r := _respelt(s, respell))[:2] in low]
             for v, n in wanted.items()}  # most texts lack even a spelling's first letters
    spelt = {v: forms for v, forms in spelt.items() if forms}
    if not spelt:
        return set()
    words = word_list(low)
    endings = tuple(e.casefold() for e in fmt.word_endings) if fmt is not None else ()
    after, before = percent_places(words, fmt) if any(v.endswith("%") for v in spelt) else ((), ())
    found = set()
    for v, spellings in spelt.items():
        for form, ending in (f for s in spellings for f in _forms(s, fmt.stems if fmt is not None else ())):
            if any(not v.endswith("%") or k in after or i in before
                   for i, k in _spans(form, words, endings, ending)):
                found.add(v)
                break
    return found


def word_list(low: str) -> list[str]:
    """A casefolded text's words, a hyphenated compound as one (`soixantesix`)."""
    return [SEPARATORS.sub("", w) for w in WORD.findall(low)]


def percent_places(words: list[str], fmt) -> tuple[set[int], set[int]]:
    """(where a percent word starts, where the word after a percent prefix stands) in `words`:
    a number's words ending right before the one or starting at the other say a percentage."""
    after, before = set(), set()
    for phrases, places, shift in ((fmt.percent_words, after, False), (fmt.percent_prefixes, before, True)):
        for phrase in phrases:
            parts = word_list(phrase.casefold())
            places.update(i + len(parts) if shift else i for i in _starts(parts, words))
    return after, before


def _starts(parts: list[str], words: list[str], inflected: bool = False):
    """Where `parts` stand in `words` in a row; `inflected`: the last maybe with an ending."""
    n = len(parts)
    if not n:
        return
    for i in range(len(words) - n + 1):
        if words[i:i + n - 1] == parts[:-1] and (words[i + n - 1].startswith(parts[-1]) if inflected
                                                 else words[i + n - 1] == parts[-1]):
            yield i


def _respelt(spelling: str, respell: tuple[tuple[str, str], ...]) -> str:
    for part, written in respell:
        if part:
            spelling = spelling.replace(part, written)
    return spelling


def _forms(spelling: str, stems: tuple[tuple[str, str], ...]) -> list[tuple[str, bool]]:
    """(form, whether it needs an ending): the spelling, and its form with the last part's
    stem (`kolmekymmentäkahdeksa`), which is no word without a case ending."""
    return [(spelling, False), *((spelling[: -len(part)] + stem, True)
                                 for part, stem in stems if part and spelling.endswith(part))]


def _spans(spelling: str, words: list[str], endings: tuple[str, ...] = (), ending: bool = False):
    """(first, past-last) index of each run of one to LONGEST words that, joined, are
    `spelling`, the last maybe with one of `endings` (`elli altısı` for `ellialtı`); with
    `ending`, only with one."""
    for i, word in enumerate(words):
        joined, k = word, i + 1
        while spelling.startswith(joined) and joined != spelling and k < min(len(words), i + LONGEST):
            joined, k = joined + words[k], k + 1
        if (joined == spelling and not ending) or joined.startswith(spelling) and joined[len(spelling):] in endings \
                and joined != spelling:
            yield i, k


def percent_in_words(keys: list[str], text: str, fmt) -> bool:
    """Whether `text` says a percentage by one of the number words `keys` of its number (a
    profile's `छप्पन` for 56%) right before a percent word or after a percent prefix; the
    last word may be inflected (`Hälften`)."""
    words = word_list(text.casefold().translate(EXCLUDED))
    after, before = percent_places(words, fmt)
    if not (after or before):
        return False
    for key in keys:
        parts = word_list(key)
        if any(i + len(parts) in after or i in before for i in _starts(parts, words, inflected=True)):
            return True
    return False
