"""Blocks of a translation written in a third language: neither the document's nor its
source's, but that of another member of the group (a Danish paragraph pasted into the
Norwegian article). The evidence is cheap and comes first: the function words of the other
language that the document's language does not have, and few of the document's own; lingua,
restricted to the two languages, then judges the few blocks that show it.
"""

from __future__ import annotations

from functools import lru_cache

from contentlint.language.profiles import Profiles
from contentlint.parity.segments import SHORTCODES, words_of

MIN_WORDS = 8  # shorter blocks say too little about their language
MIN_EVIDENCE = 3  # function words of the other language the document's language lacks
OWN_SHARE = 3  # the other language's words must outnumber the document's own this many times


def third_language(units, language: str, others: tuple[str, ...], profiles: Profiles) -> list[tuple]:
    """(unit, file start, file end, text, True, (candidate,)) for each whole paragraph or list
    item whose function words are another group language's (`others`: the languages of the
    group's other translations, neither this one's nor the source's)."""
    if not others:
        return []
    foreign = _foreign_words(language, others, profiles)
    if not foreign:
        return []
    out = []
    for u in units:
        if u.kind == "heading" or u.block.inline is None:
            continue
        words = words_of(u)
        if len(words) < MIN_WORDS or len(foreign.intersection(words)) < MIN_EVIDENCE:
            continue  # nearly every block: none or one or two of the other languages' words
        if SHORTCODES.fullmatch(u.text.strip()):
            continue
        code = _best(words, language, others, profiles)
        if code is not None:
            base, to_file = u.block.prose_start, u.block.inline.to_file
            out.append((u, to_file(base), to_file(base + len(u.text)), " ".join(u.text.split()), True, (code,)))
    return out


def _best(words: list[str], language: str, others: tuple[str, ...], profiles: Profiles) -> str | None:
    """The other language whose own function words the block has most, if clearly more than
    the document's language's own against it."""
    best, most = None, 0
    for code in others:
        theirs, ours = _apart(code, language, profiles)
        count = len(theirs.intersection(words))
        if count >= MIN_EVIDENCE and count > most and len(ours.intersection(words)) * OWN_SHARE <= count:
            best, most = code, count
    return best


@lru_cache(maxsize=None)
def _foreign_words(language: str, others: tuple[str, ...], profiles: Profiles) -> frozenset:
    """The function words of the other languages that the document's language does not have."""
    ours = _words(language, profiles)
    return frozenset().union(*(_words(code, profiles) for code in others)) - ours


@lru_cache(maxsize=None)
def _apart(code: str, language: str, profiles: Profiles) -> tuple[frozenset, frozenset]:
    """(function words of `code` not of `language`, and the other way round)."""
    theirs, ours = _words(code, profiles), _words(language, profiles)
    return theirs - ours, ours - theirs


def _words(code: str, profiles: Profiles) -> frozenset:
    profile = profiles.get(code)
    return frozenset(profile.function_words) if profile else frozenset()
