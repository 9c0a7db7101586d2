"""Candidates for untranslated text: where a translation's block repeats its source.

A pasted source paragraph shares most of its words with the aligned source block; an
English run left in a Norwegian heading ("Real World Eksempel på …") shares a run of words.
Names survive translation too, so a run is not a candidate when an acronym in brackets
follows it ("Associate in Personal Insurance (API)"), or when another translation of the
group keeps it as well ("The Institutes"). The language stage then asks lingua, restricted
to the two languages, whether each candidate is in the source language.
"""

from __future__ import annotations

import re
from itertools import compress

from contentlint.load.views import WORD

GLOSS_AFTER = re.compile(r"\s*[(（]")
ACRONYM_BEFORE = re.compile(r"[A-Z0-9&]{2,}\s*[(（]\s*$")  # `LOB(Line of Business)`: the acronym spelt out
# A name with its acronym: capitalised words, small connectors allowed, then `(ACRONYM)`.
# Bounded repetitions (a name has at most a dozen words): linear on any text.
# Connectors are any short lowercase word: `in`, `of`, and the translation's own (`der`, `w`, `di`).
NAMED = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:[a-z]{1,3}|&)\s+){0,3}){0,12}[A-Z][\w'’-]*\s*[(（]\s*[A-Z0-9&]{2,}s?\s*[)）]")
# In running text, capitalised words in a row are a name (`Federal Reserve Act`, `in New York City`);
# in a heading they are English title case and say nothing.
TITLED = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:[a-z]{1,3}|&)\s+){0,3}){1,12}[A-Z][\w'’-]*")
HEADING_ID = re.compile(r"\s*\{#[^{}]*\}\s*$")  # `## Title {#anchor}` (Hugo, Docusaurus): an id, not prose
LEADING = re.compile(r"^(?:(?:[a-z]{1,3}|[0-9]+)\s+)+")  # `in New York City`, `2017 General Electric`: a name's run
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # `(Budget Control Act of 2011)`: the original beside its translation
WHOLE_SHARE = 0.6  # share of a block's words found in its source block to test the whole block
MIN_RUN_LETTERS = 6
CONFIDENT = 0.75  # how sure lingua must be that a span is in the source's language
TERM_WORDS = 6
WHOLE_COVER = 0.8  # a block whose sentences are this much untranslated is reported whole
SENTENCE_SHARE = 0.75  # share of a sentence's words found anywhere in the source to test it
MIN_SENTENCE_WORDS = 4
# a sentence ends at a full stop, question or exclamation mark of any script; CJK marks need no space after
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])\s*|(?<=[।॥؟۔])\s+")
MIN_RUN_WORDS = 2  # words of four letters or more (not acronyms) a run needs: `trading in`, `non-profit`,
# `A buydown` are loanwords in a sentence of the other language, `Real World` is not

def _words(unit) -> list[str]:
    """A unit's casefolded words; its text is folded whole (one call, not one a word). Word
    positions are found only where a shared run may be long enough to matter."""
    if unit.words is None:
        block = unit.block
        whole = block.prose_start == 0 and block.prose_end == len(block.inline.masked)  # the inline's words, already read
        unit.words = block.inline.words if whole else WORD.findall(unit.text.casefold())
    return unit.words


def _vocabulary(unit) -> tuple:
    """(words not all digits, bigrams) of a source unit, once: it is compared with every
    translation of its group."""
    if unit.vocabulary is None:
        folded = _words(unit)
        unit.vocabulary = (frozenset(w for w in folded if not w.isdigit()), frozenset(zip(folded, folded[1:])))
    return unit.vocabulary


def _name_like(text: str, after: str, others: list[str]) -> bool:
    """A name or a term every language keeps: brackets follow it (its acronym, or its
    translation as a gloss: `cloud native computing (calcolo nativo su cloud)`), or another
    translation of the group has it too (`The Institutes`, `cloud native`)."""
    folded = text.casefold()
    if GLOSS_AFTER.match(after):
        return True
    # a term is a few words; a sentence other translations left untranslated too is still one
    return len(folded.split()) <= TERM_WORDS and any(folded in other for other in others)


def source_vocabulary(ref, units) -> tuple[frozenset, bool]:
    """Every word of the reference document's units, casefolded, not all digits, and whether
    most are in Latin script: once a reference, read by each of its translations."""
    known = getattr(ref, "_vocabulary", None)
    if known is None:
        vocabulary = frozenset(w for u in units for w in _words(u) if not w.isdigit())
        latin = sum(1 for w in vocabulary if not _scripts_apart(w)) >= 0.8 * len(vocabulary)
        known = ref._vocabulary = (vocabulary, latin)
    return known


def sentences(units, vocabulary: frozenset, latin: bool, mine: str) -> list[tuple]:
    """Sentences of a translation, wherever they stand, whose words are nearly all words of the
    source document: a pasted paragraph or sentence, not only the aligned block's repeat.
    (unit, file start, file end, text, whole unit?) for lingua to judge."""
    out = []
    for t in units:
        if t.block.inline is None:
            continue
        text = HEADING_ID.sub("", t.text) if t.kind == "heading" else t.text
        base, to_file = t.block.prose_start, t.block.inline.to_file
        pieces = list(_pieces(text))
        found = [(a, b) for a, b in pieces if _from_source(text[a:b], vocabulary, t.kind, mine, latin)]
        found += [(a, b) for a, b in _latin_runs(text, [p for p in pieces if p not in found])
                  if _from_source(text[a:b], vocabulary, t.kind, mine, latin)]
        if found and covered(found, pieces) >= WHOLE_COVER:  # the block is untranslated: one finding
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
    if (latin and _scripts_apart(piece)) or piece.count(")") > piece.count("("):
        return False  # another script's sentence; the end of a bracket (`(e.g. help needed, good first issue)`)
    if len(words) < MIN_SENTENCE_WORDS or sum(map(vocabulary.__contains__, words)) < SENTENCE_SHARE * len(words):
        return False
    rest = _unnamed(piece, kind, mine)
    if kind == "heading":
        return sum(c.isalpha() for c in rest) >= MIN_RUN_LETTERS and _substantial(rest)
    # in running text a capitalised word is a name (`Atlanta, Chicago og San Francisco`): the
    # source's words in lower case must carry the sentence
    common = [w for w in WORD.findall(rest) if w[0].islower() and sum(map(str.isalpha, w)) >= 4]
    return sum(w.casefold() in vocabulary for w in common) >= MIN_RUN_WORDS


def _unnamed(text: str, kind: str, mine: str) -> str:
    """The text less its names, which stay in every language: one with its acronym or gloss in
    brackets; in running text capitalised words in a row; in a heading (English title case)
    only those the translation writes so elsewhere too (`Federal Reserve Act`)."""
    rest = BRACKETED.sub(" ", NAMED.sub(" ", text))
    if kind != "heading":
        return TITLED.sub(" ", rest)
    return TITLED.sub(lambda m: " " if mine.count(m.group().casefold()) > 1 else m.group(), rest)


# Latin text inside a sentence of another script (`…の目標 The Treasury sells notes.`)
LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f"  # with Vietnamese letters and combining accents
LATIN_SPAN = re.compile(rf"[A-Za-z][{LATIN}0-9'’,;:()$%./&\s-]*[A-Za-z0-9.)%]")
NOT_LATIN = re.compile(rf"[^\W\d_{LATIN}]")


def _latin_runs(text: str, pieces):
    """The Latin runs of several words in sentences that mix scripts: an English sentence
    left without a full stop before it. Not a run in brackets or quotes: that is the original
    term, a name or a UI label beside its translation (`단일 장애점(single point of failure)`,
    `выберите "Request to add a new term"`)."""
    for a, b in pieces:
        piece = text[a:b]
        if piece.isascii() or not _scripts_apart(piece):
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


def _scripts_apart(piece: str) -> bool:
    """Whether a sentence of a Latin-script source's vocabulary has letters of another script:
    then it is the translation's sentence with terms kept (`Heroku、Cloud Foundry 是 PaaS 产品`),
    and only its Latin runs are judged."""
    return len(NOT_LATIN.findall(piece, 0, 400)) >= 2


def _pieces(text: str):
    """(start, end) of the sentences of a text, without the blanks around them."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            yield _trimmed(text, start, m.start())
        start = m.end()
    if start < len(text):
        yield _trimmed(text, start, len(text))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def summary_of(doc) -> list:  # the document's sections as alignment.summarize (which ran first) made them
    return getattr(doc, "_sections", None) or []


def candidates(pairing, others: list, folded: dict | None = None) -> list[tuple]:
    """(unit, file start, file end, text, whole block?) for one translation. `folded`: the
    members' texts casefolded, by id."""
    fold = (lambda d: folded[id(d)]) if folded else (lambda d: d.text.casefold())
    other_texts = [fold(d) for d in others]
    mine = fold(pairing.doc)  # a term the translation itself uses twice is its choice
    out = []
    for pairs in pairing.units.values():
        for r, t in pairs:
            if r is None or t is None or t.block.inline is None or r.block.inline is None:
                continue
            t_text, t_folded = t.text, _words(t)
            if t.kind == "heading":
                t_text = HEADING_ID.sub("", t_text)
            r_words, bigrams = _vocabulary(r)
            count = len(t_folded) - sum(map(str.isdigit, t_folded))  # numbers are no evidence
            if not count:
                continue
            share = sum(map(r_words.__contains__, t_folded)) / count
            to_file = t.block.inline.to_file
            base = t.block.prose_start
            if count >= 4 and share >= WHOLE_SHARE:
                text = " ".join(t_text.split())
                rest = _unnamed(text, t.kind, mine)  # names stay in every language: judge what is around them
                if sum(c.isalpha() for c in rest) >= MIN_RUN_LETTERS and not _name_like(text, "", other_texts):
                    out.append((t, to_file(base), to_file(t.block.prose_end), " ".join(rest.split()), True))
                continue
            if not _may_share_run(t_folded, bigrams):
                continue
            for a, b in _shared_runs(t_text, bigrams):
                text = t_text[a:b]
                if sum(c.isalpha() for c in text) >= MIN_RUN_LETTERS and not text.isupper() \
                        and _substantial(text) and not _in_compound(t_text, a, b) and _stands_apart(t, a, b) \
                        and not ACRONYM_BEFORE.search(t_text, 0, a) and mine.count(text.casefold()) < 2 \
                        and not _name_like(text, t_text[b:], other_texts):
                    out.append((t, to_file(base + a), to_file(base + b), text, False))
    return _merged(out, pairing, other_texts, mine)


def _merged(found: list, pairing, others: list[str], mine: str) -> list[tuple]:
    """The aligned candidates and the sentences found anywhere, each place once: where a
    block has sentences from the source, they replace what its aligned repeat gave."""
    units = [u for _, info in pairing.sections if info for u in ([info.heading] if info.heading else []) + info.units]
    ref_units = [u for info in summary_of(pairing.ref) for u in ([info.heading] if info.heading else []) + info.units]
    more = sentences(units, *source_vocabulary(pairing.ref, ref_units), mine)
    judged = {id(c[0]) for c in more}  # the sentences of a block say more than its aligned repeat
    return [c for c in found if id(c[0]) not in judged] + more


def _substantial(text: str) -> bool:
    """Whether a run has MIN_RUN_WORDS words of four letters or more that are not acronyms."""
    words = [w for w in WORD.findall(text) if sum(c.isalpha() for c in w) >= 4 and not w.isupper()]
    return len(words) >= MIN_RUN_WORDS


def _stands_apart(unit, a: int, b: int) -> bool:
    """Whether a run is text of its own: not one hyphenated word (`Mining-Hash-Rate`), not inside
    brackets (the original term beside its translation), not a name in running text."""
    text = unit.text
    run = text[a:b]
    if not any(c.isspace() for c in run.strip()) or text[a - 1 : a] in ("#", "@"):
        return False  # one hyphenated word; a channel or a handle (`#glossary-sign-language Slack`)
    if sum(map(text.count, "(（", [0, 0], [a, a])) > sum(map(text.count, ")）", [0, 0], [a, a])):
        return False
    return unit.kind == "heading" or not TITLED.fullmatch(LEADING.sub("", run.strip()))


def _in_compound(text: str, a: int, b: int) -> bool:
    """A run joined by a hyphen to a word of the translation (`On-Balance-Volumen`,
    `2-1-Buydown`) is a loanword inside a compound of the translation's language."""
    return (text[b : b + 1] in "-‐" and text[b + 1 : b + 2].isalnum()) or \
        (a > 1 and text[a - 1 : a] in "-‐" and text[a - 2 : a - 1].isalnum())


def _may_share_run(folded: list, bigrams: frozenset) -> bool:
    """Whether consecutive bigrams shared with the source span MIN_RUN_LETTERS letters: most
    blocks share none, or only numbers (`1 000`) and short words; only the others are
    tokenised with positions."""
    shared = list(map(bigrams.__contains__, zip(folded, folded[1:])))
    letters, previous = 0, -2
    for k in compress(range(len(shared)), shared):
        letters = letters if k == previous + 1 else sum(c.isalpha() for c in folded[k])
        letters += sum(c.isalpha() for c in folded[k + 1])
        if letters >= MIN_RUN_LETTERS:
            return True
        previous = k
    return False


def _shared_runs(text: str, bigrams: frozenset):
    """(start, end) of runs of two or more words that stand in the same order in the source;
    words may be joined by blanks or a hyphen (`Real-World` repeats `Real World`)."""
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in WORD.finditer(text)]
    run: list = []
    for k in range(len(tokens)):
        if k + 1 < len(tokens) and (tokens[k][2], tokens[k + 1][2]) in bigrams \
                and not text[tokens[k][1] : tokens[k + 1][0]].strip(" -"):
            run = run or [tokens[k]]
            run.append(tokens[k + 1])
            continue
        if len(run) >= 2:
            yield run[0][0], run[-1][1]
        run = []
