"""Blocks of a translation written in a third language: neither the document's nor its
source's, but that of another member of the group (a Danish paragraph pasted into the
Norwegian article). The evidence is cheap and comes first: the function words of the other
language that the document's language does not have, and few of the document's own; for
scripts written without spaces between words, where words cannot be counted, the script
itself (a Japanese paragraph in a French article). lingua, restricted to the languages the
evidence points to and the document's, then judges the few blocks that show it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.language.detection import effective
from contentlint.language.profiles import Profiles
from contentlint.parity.segments import SHORTCODES, words_of

MIN_WORDS = 8  # shorter blocks say too little about their language
MIN_EVIDENCE = 3  # function words of the other language the document's language lacks
OWN_SHARE = 3  # the other language's words must outnumber the document's own this many times
# Scripts written without spaces between words (and Hangul, whose words carry their particles):
# a block mostly in one of them, in a document that is not, is read by its script.
UNSPACED = {"cjk": re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
            "hangul": re.compile(r"[\uac00-\ud7af]"), "thai": re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]")}
ANY_UNSPACED = re.compile("|".join(p.pattern for p in UNSPACED.values()))
MIN_UNSPACED = 40  # characters of such a script in a block
NOT_LETTER = re.compile(r"[\W\d_]+")  # letters are counted by removing the rest


def third_language(units, doc, others: list, source: str | None, profiles: Profiles) -> list[tuple]:
    """(unit, file start, file end, text, True, candidates) for each whole paragraph or list
    item in the language of another translation of the group (`others`: its other members;
    neither this document's language nor the `source`'s)."""
    language = effective(doc)
    by_language = {}
    for d in others:
        code = effective(d)
        if code and code not in (language, source):
            by_language.setdefault(code, d)
    if not by_language:
        return []
    languages = tuple(sorted(by_language))
    foreign = _foreign_words(language, languages, profiles)
    out = []
    for u in units:
        if u.kind == "heading" or u.block.inline is None or SHORTCODES.fullmatch(u.text.strip()):
            continue
        words = words_of(u)
        code = None
        if len(words) >= MIN_WORDS and len(foreign.intersection(words)) >= MIN_EVIDENCE:
            code = _best(words, language, languages, profiles, source)  # rare: most blocks have none or few
        candidates = (code,) if code else _by_script(u.text, doc, by_language)
        if candidates:
            base, to_file = u.block.prose_start, u.block.inline.to_file
            out.append((u, to_file(base), to_file(base + len(u.text)), " ".join(u.text.split()), True, candidates))
    return out


def _by_script(text: str, doc, by_language: dict) -> tuple:
    """The group's languages written in the unspaced script a block is mostly in, where the
    document is not written in it."""
    if len(text) < MIN_UNSPACED or text.isascii() or not ANY_UNSPACED.search(text):
        return ()  # most blocks, at C speed
    mine = _script(doc)
    for name, pattern in UNSPACED.items():
        if name == mine or not pattern.search(text):
            continue
        n = len(text) - len(pattern.sub("", text))  # its characters, counted without a list of them
        if n >= MIN_UNSPACED and n * 2 >= len(NOT_LETTER.sub("", text)):
            return tuple(code for code, d in sorted(by_language.items()) if _script(d) == name)
    return ()


def _script(doc) -> str | None:
    """The unspaced script a document is mostly written in, if any (read once a document)."""
    known = getattr(doc, "_unspaced", False)
    if known is False:
        sample = doc.text[:3000]
        letters = max(1, len(NOT_LETTER.sub("", sample)))
        known = doc._unspaced = next((name for name, pattern in UNSPACED.items()
                                      if (len(sample) - len(pattern.sub("", sample))) * 3 >= letters), None)
    return known


def _best(words: list[str], language: str, others: tuple[str, ...], profiles: Profiles,
          source: str | None = None) -> str | None:
    """The other language whose own function words the block has most, if clearly more than
    the document's language's own against it, and more than the source's against it: an
    English sentence left in a Chinese article has Polish `a`, `to`, `on`, and more English."""
    best, most = None, 0
    for code in others:
        theirs, ours = _apart(code, language, profiles)
        count = len(theirs.intersection(words))
        if count >= MIN_EVIDENCE and count > most and len(ours.intersection(words)) * OWN_SHARE <= count \
                and not _more_like(words, source, code, profiles):
            best, most = code, count
    return best


def _more_like(words: list[str], source: str | None, code: str, profiles: Profiles) -> bool:
    """Whether a block has as many function words of the source's own, against `code`, as of `code`'s."""
    if source is None:
        return False
    theirs, ours = _apart(code, source, profiles)
    return len(ours.intersection(words)) >= len(theirs.intersection(words))


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
