"""Numbers written as words (`fifty`, `half`, `Hälfte`, `половина`): a number one side writes
in digits and the other spells out is not a difference. Each language's words are its
profile's `number_words`."""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import _fold, _spaced, _word


INDIC = "\u0900-\u0dff"  # Devanagari to Sinhala: vowel signs and viramas are not \w, yet inside a word


def _pattern(word: str) -> str:
    """A number word: where the script spaces words it starts a word (`fifty`, not `Olympics`)
    and ends like a scale word does (a long one may be inflected: `Hälften`); in an Indic
    script it is a whole word (`পনের` is not the end of `স্থাপনের`)."""
    if "\u0900" <= word[:1] <= "\u0dff":
        return rf"(?<![\w{INDIC}]){re.escape(word)}(?![\w{INDIC}])"
    return (r"(?<![^\W\d_])" if _spaced(word[:1]) else "") + _word(word)


@lru_cache(maxsize=64)
def _compiled(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(_pattern(w) for w in sorted(words, key=lambda w: -len(w))), re.IGNORECASE)


@lru_cache(maxsize=1024)
def worded(text: str, fmt: NumberFormat) -> frozenset[str]:
    """The values the number words of `text` stand for: `half` 50%, `fifty` 50, `Hälfte` 50%.
    Cached: a source block is compared with each of its translations."""
    if not fmt.words:
        return frozenset()
    # the pattern matches a word's stem only (`Hälfte` in `Hälften`): each match is a key
    return frozenset({fmt.words.get(_fold(m.group()), "") for m in _compiled(tuple(fmt.words)).finditer(text)} - {""})
