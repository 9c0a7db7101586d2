"""Codes a language writes by the names of their Latin letters in its own script (the
profile's `letter_names`: Hindi `10-के` for 10-K, `12बी-1` for 12b-1, `एसईसी` for SEC, as Hindi
newspapers write them). A code so spelled is the language's way where the article never writes
that code in Latin letters; beside the Latin code it is an inconsistency an editor mends.

Only the letters' own names count (`के` is K, `क्यू` is Q): `10-क्यू` for the source's 10-K is a
changed code, and letters of another script are no names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from contentlint.parity.tokens import tokens

SIGNS = re.compile(r"[\d\s\-+/.&]+")  # what a code keeps as it is: digits, blanks, signs


def by_names(found: str, token: str, profile) -> bool:
    """Whether `found` is `token` with each of its Latin letters written by one of its names in
    the profile's `letter_names` (`10-के` for `10-K`, `1040-एसआर` for `1040-SR`)."""
    letters = "".join(c for c in token if c.isascii() and c.isalpha())
    if profile is None or not profile.letter_names or not letters or found.isascii():
        return False
    pattern = _pattern(letters.upper(), _table(profile))
    return pattern is not None and pattern.fullmatch(unicodedata.normalize("NFC", SIGNS.sub("", found))) is not None


def by_any_names(found: str, profile) -> bool:
    """Whether `found` spells Latin letters by their names in the profile's `letter_names`,
    whichever letters (`10-क्यू`: Q's, a changed code), or is written in another script than
    those names (`8-كي` in a Hindi text); not a word of the names' script (`10-वर्ष`, ten-year).
    True where the profile names no letters: nothing to tell them by."""
    if profile is None or not profile.letter_names:
        return True
    letters = unicodedata.normalize("NFC", SIGNS.sub("", found))
    names, scripts = _any_names(_table(profile))
    return _script(letters[:1]) not in scripts or names.fullmatch(letters) is not None


@lru_cache(maxsize=None)
def _any_names(table: tuple) -> tuple[re.Pattern, frozenset]:
    every = sorted({n for _, names in table for n in names}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, every)) + ")+"), frozenset(_script(n[:1]) for n in every)


def _script(c: str) -> str:
    """A character's script, as the first word of its Unicode name (`DEVANAGARI`, `ARABIC`)."""
    return unicodedata.name(c, " ").split()[0] if c else ""


@lru_cache(maxsize=None)
def _table(profile) -> tuple:
    return tuple(sorted((k.upper(), tuple(unicodedata.normalize("NFC", n) for n in v))
                        for k, v in profile.letter_names.items()))


@lru_cache(maxsize=4096)
def _pattern(letters: str, table: tuple) -> re.Pattern | None:
    names = dict(table)
    if any(c not in names for c in letters):
        return None  # a letter the profile gives no name: nothing to compare
    return re.compile("".join("(?:" + "|".join(map(re.escape, sorted(names[c], key=len, reverse=True))) + ")"
                              for c in letters))


def in_latin(token: str, doc) -> bool:
    """Whether the document's prose (headings, paragraphs, cells; code and link targets blanked)
    writes `token` whole in Latin letters, in any case: a token of its own, not part of a longer
    code (`10-KSB`) or word (`form10-k.pdf`). The prose's tokens are read once per document."""
    written = getattr(doc, "_latin_tokens", None)
    if written is None:
        written = doc._latin_tokens = frozenset(t.casefold() for inline in doc.inlines for t in tokens(inline.masked))
    return token.casefold() in written
