"""Untranslated sentences wherever they stand in a translation, not only where the alignment
expects them: a sentence whose words are nearly all words of the source document (a pasted
paragraph or sentence), or, in a translation written in another script, a Latin run of
several words. They join the aligned candidates of segments.py; lingua then judges them all.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from contentlint.language.detection import effective
from contentlint.language.profiles import Profiles
from contentlint.load.views import WORD
from contentlint.parity import segments
from contentlint.parity.third import third_language
from contentlint.parity.segments import (units_of, GLOSS, HEADING_ID, LATIN, MIN_RUN_LETTERS, MIN_RUN_WORDS, PROSE_WORDS, SHORTCODES,
                                         of_source, own_term, prose_count, scripts_apart, substantial, unnamed,
                                         words_of)

WHOLE_COVER = 0.8  # a block whose sentences are this much untranslated is reported whole
SENTENCE_SHARE = 0.75  # share of a sentence's words found anywhere in the source to test it
MIN_SENTENCE_WORDS = 4
QUICK_WORDS = SENTENCE_SHARE * MIN_SENTENCE_WORDS  # the fewest source words a block with a candidate has
# a sentence ends at a full stop, question or exclamation mark of any script; CJK marks need no space after
# (the mark is matched, not looked behind at: a pattern opening with a look-behind is tried
# at every character; a piece ends one past the match's start)
SENTENCE_END = re.compile(r"[.!?;:]\s+|[。！？；]\s*|[।॥؟۔]\s+")
ABBREVIATION = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{1,3}\Z")  # `Aug`, `Sept`: before a day and a comma
DAY = re.compile(r"[0-9]{1,2},")  # `Aug. 1, 2016`, not `in May. 12 people`, `Ohio. 2016 was`


def source_vocabulary(ref, units) -> tuple[frozenset, bool]:  # units: of alignment.summarize, which ran first
    """Every word of the reference document's units, casefolded, not all digits, and whether
    most are in Latin script: once a reference, read by each of its translations."""
    known = getattr(ref, "_vocabulary", None)
    if known is None:
        vocabulary = frozenset(w for u in units for w in words_of(u) if not w.isdigit())
        latin = sum(1 for w in vocabulary if not w.isascii() and scripts_apart(w)) <= 0.2 * len(vocabulary)
        known = ref._vocabulary = (vocabulary, latin)
    return known


def sentences(units, vocabulary: frozenset, latin: bool, mine: str, prose: frozenset = frozenset()) -> list[tuple]:
    """Sentences of a translation, wherever they stand, whose words are nearly all words of the
    source document: a pasted paragraph or sentence, not only the aligned block's repeat.
    (unit, file start, file end, text, whole unit?) for lingua to judge. `prose`: the source
    language's function words the translation's lacks; a block other than a heading without
    one holds no prose of the source (most blocks: one set operation, no sentence read)."""
    out = []
    for t in units:
        if t.block.inline is None or (prose and t.kind != "heading" and prose.isdisjoint(words_of(t))) \
                or sum(map(vocabulary.__contains__, words_of(t))) < QUICK_WORDS or SHORTCODES.fullmatch(t.text.strip()):
            continue  # most blocks: too few of the source's words for any sentence to be its
        text = HEADING_ID.sub("", t.text) if t.kind == "heading" else t.text
        base, to_file = t.block.prose_start, t.block.inline.to_file
        pieces = list(_pieces(text))
        found = [(a, b) for a, b in pieces if _from_source(text[a:b], vocabulary, t.kind, mine, latin)]
        found += [(a, b) for a, b in _latin_runs(text, [p for p in pieces if p not in found])
                  if _from_source(text[a:b], vocabulary, t.kind, mine, latin)]
        # the block is untranslated: one finding; not when what is left is in the translation's script
        own = latin and any(scripts_apart(text[a:b]) for a, b in pieces if (a, b) not in found)
        if found and covered(found, pieces) >= WHOLE_COVER and not own:
            out.append((t, to_file(base), to_file(base + len(t.text)), " ".join(text.split()), True))
            continue
        out += [(t, to_file(base + a), to_file(base + b), " ".join(text[a:b].split()), False) for a, b in found]
    return out


def covered(found: list[tuple[int, int]], pieces: list[tuple[int, int]]) -> float:
    """The share of a block's sentences (by length) that `found` covers."""
    return sum(b - a for a, b in found) / max(1, sum(b - a for a, b in pieces))


def _from_source(piece: str, vocabulary: frozenset, kind: str, mine: str, latin: bool = True) -> bool:
    """Whether nearly every word of a sentence is a word of the source document, and enough of
    it is left once names are set aside."""
    words = [w for w in WORD.findall(piece.casefold()) if not w.isdigit()]
    if (latin and scripts_apart(piece)) or piece.count(")") > piece.count("("):
        return False  # another script's sentence; the end of a bracket (`(e.g. help needed, good first issue)`)
    if len(words) < MIN_SENTENCE_WORDS or sum(map(vocabulary.__contains__, words)) < SENTENCE_SHARE * len(words):
        return False
    rest = unnamed(piece, kind, mine, source=vocabulary)
    if kind == "heading":
        return sum(c.isalpha() for c in rest) >= MIN_RUN_LETTERS and substantial(rest) and of_source(rest, vocabulary)
    # in running text a capitalised word is a name (`Atlanta, Chicago og San Francisco`): the
    # source's words in lower case must carry the sentence
    common = [w for w in WORD.findall(rest) if w[0].islower() and sum(map(str.isalpha, w)) >= 4]
    return sum(w.casefold() in vocabulary for w in common) >= MIN_RUN_WORDS


# Latin text inside a sentence of another script (`…の目標 The Treasury sells notes.`)
LATIN_SPAN = re.compile(rf"[A-Za-z][{LATIN}0-9'’,;:()$%./&\s-]*[A-Za-z0-9.)%]")


def _latin_runs(text: str, pieces):
    """The Latin runs of several words in sentences that mix scripts: an English sentence
    left without a full stop before it. Not a run in brackets or quotes: that is the original
    term, a name or a UI label beside its translation (`단일 장애점(single point of failure)`,
    `выберите "Request to add a new term"`)."""
    for a, b in pieces:
        piece = text[a:b]
        if piece.isascii() or not scripts_apart(piece):
            continue
        for m in LATIN_SPAN.finditer(piece):
            run, before = m.group(), piece[: m.start()].rstrip()[-1:]
            if run.count(" ") < MIN_SENTENCE_WORDS - 1 or m.end() - m.start() >= b - a:
                continue
            if before in OPENING or run.count(")") > run.count("(") or _quoted(piece, m.start()):
                continue
            yield a + m.start(), a + m.end()


OPENING = "(（[「『\"'“‘«„"


def _quoted(text: str, at: int) -> bool:  # an odd number of straight double quotes before `at`
    return text.count('"', 0, at) % 2 == 1


def _pieces(text: str):
    """(start, end) of the sentences of a text, without the blanks around them."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if text[m.start()] == "." and DAY.match(text, m.end()) \
                and ABBREVIATION.search(text, max(0, m.start() - 5), m.start()):
            continue  # `on Aug. 1, 2016`: a month's abbreviation before a day, not a sentence's end
        if text[m.start()] == "." and GLOSS.match(text, m.end()):
            continue  # `Mortgage Corp. (FHLMC)`: an abbreviation before the name's acronym
        if m.start() + 1 > start:
            yield _trimmed(text, start, m.start() + 1)
        start = m.end()
    if start < len(text):
        yield _trimmed(text, start, len(text))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def untranslated(pairing, others: list, folded: dict, profiles: Profiles) -> list[tuple]:
    """Every candidate of one translation: the aligned ones (segments.py), and the sentences
    found anywhere, each place once: where a block has sentences from the source, they
    replace what its aligned repeat gave; and the blocks in a third language (third.py)."""
    language = effective(pairing.doc)  # Danish under `Dutch/`: its words are Danish
    prose = prose_words(pairing.ref.language, language, profiles)
    vocabulary, latin = source_vocabulary(pairing.ref, [u for info in pairing.ref._sections for u in units_of(info)])
    units = [u for _, info in pairing.sections if info for u in units_of(info)]
    own = cache(lambda: "\n".join(u.text for u in units).casefold())  # its prose, read only for a candidate
    native = prose_words(language, pairing.ref.language, profiles)  # the translation's own
    found = segments.candidates(pairing, others, folded, prose, latin, own, native)
    # a heading with the translation's own function words around the source's is its sentence
    # (`Er Triple Witching bullish eller bearish?`), here as where it is aligned (segments.py)
    more = [c for c in sentences(units, vocabulary, latin, folded[id(pairing.doc)], prose)
            if (c[4] or c[0].kind == "heading" or not prose or prose_count(c[3], prose) >= PROSE_WORDS)
            and not own_term(c[3], own(), prose)
            and not (c[0].kind == "heading" and segments.own_sentence(WORD.findall(c[3].casefold()), native, prose))]
    judged = {id(c[0]) for c in more}  # the sentences of a block say more than its aligned repeat
    out = [c for c in found if id(c[0]) not in judged] + more
    whole = {id(c[0]) for c in out if c[4]}
    third = third_language(units, pairing.doc, others, pairing.ref.language, profiles)
    return out + [c for c in third if id(c[0]) not in whole]


@lru_cache(maxsize=None)
def prose_words(source: str | None, target: str | None, profiles: Profiles) -> frozenset:
    """The source language's function words that the translation's language does not share
    (English `the`, `of`, but not `in`, which is German too): evidence of untranslated prose."""
    theirs, ours = profiles.get(source), profiles.get(target)
    return frozenset(theirs.function_words if theirs else ()) - frozenset(ours.function_words if ours else ())
