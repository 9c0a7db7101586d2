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
from contentlint.parity.kept import (COMPOUND, PROSE_WORDS, TERM_WORDS, TITLED, copied, kept_names, less_compounds, name_like,
                                     prose_count, untitled, worded, written)

ACRONYM_BEFORE = re.compile(r"[A-Z0-9&]{2,}\s*[(（]\s*$")  # `LOB(Line of Business)`: the acronym spelt out
# A name with its acronym: capitalised words, small connectors allowed, then `(ACRONYM)`.
# Bounded repetitions (a name has at most a dozen words): linear on any text.
# Connectors are any short lowercase word: `in`, `of`, and the translation's own (`der`, `w`, `di`).
ACRONYM_GLOSS = r"[(（]\s*[A-Z0-9&]{2,}s?\s*[)）]"  # `(FHLMC)`, `(ETFs)`: a name's acronym in brackets
NAMED = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:[a-z]{1,3}|&)\s+){0,3}){0,12}[A-Z][\w'’-]*\.?\s*" + ACRONYM_GLOSS)
HEADING_ID = re.compile(r"\s*\{#[^{}]*\}\s*$")  # `## Title {#anchor}` (Hugo, Docusaurus): an id, not prose
LEADING = re.compile(r"^(?:(?:[a-z]{1,3}|[0-9]+)\s+)+")  # `in New York City`, `2017 General Electric`: a name's run
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # `(Budget Control Act of 2011)`: the original beside its translation
LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f"  # with Vietnamese letters and combining accents
NOT_LATIN = re.compile(rf"[^\W\d_{LATIN}]")
# an e-mail address, a URL, a bare domain (`lindqvistmuseum.se`) or a handle (`@museum`) written as
# text: copied, not prose of either language
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+"
                     r"|(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?![\w-])|(?<![\w.])@\w+")
SHORTCODES = re.compile(r"(?:\{\{[<%].*?[%>]\}\}\s*)+", re.S)  # a block of Hugo shortcodes only: markup, not prose
WHOLE_SHARE = 0.6  # share of a block's words found in its source block to test the whole block
MIN_RUN_LETTERS = 6
CONFIDENT = 0.75  # how sure lingua must be that a span is in the source's language
MIN_RUN_WORDS = 2  # words of four letters or more (not acronyms) a run needs: `trading in`, `non-profit`,
# `A buydown` are loanwords in a sentence of the other language, `Real World` is not

def units_of(info) -> list:
    """A section's heading (if any) and its blocks: the units alignment compares."""
    return ([info.heading] if info.heading else []) + list(info.units)


def suspected(span, source: str | None) -> tuple:
    """The languages a candidate span may be in, besides its document's: the source's, or
    for a block in a third language (third.py) the one its function words point to."""
    return span[5] if len(span) > 5 else (source,)


def words_of(unit) -> list[str]:
    """A unit's casefolded words; its text is folded whole (one call, not one a word). Word
    positions are found only where a shared run may be long enough to matter."""
    if unit.words is None:
        block = unit.block
        # the inline's words, already read (an empty list item `*` has no inline)
        whole = block.inline is not None and block.prose_start == 0 and block.prose_end == len(block.inline.masked)
        unit.words = block.inline.words if whole else WORD.findall(unit.text.casefold())
    return unit.words


def _vocabulary(unit) -> tuple:
    """(words not all digits, bigrams) of a source unit, once: it is compared with every
    translation of its group."""
    if unit.vocabulary is None:
        folded = words_of(unit)
        unit.vocabulary = (frozenset(w for w in folded if not w.isdigit()), frozenset(zip(folded, folded[1:])))
    return unit.vocabulary


def own_term(text: str, own: str, prose: frozenset) -> bool:
    """A few words the translation's prose (`own`, its units' texts casefolded: no comments,
    code or link targets) writes in more places than this one, without the source's function
    words a sentence would have: its own choice of term (a title `Advance/Decline Ratio (ADR)`
    that its headings repeat), as a run repeated in the document is."""
    return len(text.split()) <= TERM_WORDS and prose_count(text, prose) < PROSE_WORDS \
        and own.count(text.casefold()) >= 2


def candidates(pairing, others: list, folded: dict | None = None, prose: frozenset = frozenset(),
               latin: bool = True, own=lambda: "", native: frozenset = frozenset()) -> list[tuple]:
    """(unit, file start, file end, text, whole block?) for one translation. `folded`: the
    members' texts casefolded, by id. `prose`: the source language's function words the
    translation's language does not share; in running text a run needs PROSE_WORDS of them
    (`that the value of the shares`), else it is a term the language keeps (`cloud computing`),
    and without a profile none is reported. `latin`: the source is in Latin script. `own`: the
    translation's prose casefolded, made when first asked (own_term). `native`: the
    translation's function words the source's language does not share; a heading with two of
    them and none of `prose` is the language's own sentence around the source's words (`Hva er
    federal funds rate?`): only its runs are judged (a paragraph's runs need the source's function words). Sentences found anywhere: sentences.py."""
    fold = (lambda d: folded[id(d)]) if folded else (lambda d: d.text.casefold())
    other_texts = [fold(d) for d in others]
    mine = fold(pairing.doc)  # a term the translation itself uses twice is its choice
    out = []
    for pairs in pairing.units.values():
        for r, t in pairs:
            if r is None or t is None or t.block.inline is None or r.block.inline is None \
                    or SHORTCODES.fullmatch(t.text.strip()):
                continue
            t_text, t_folded = t.text, words_of(t)
            if t.kind == "heading":
                t_text = HEADING_ID.sub("", t_text)
            to_file, base = t.block.inline.to_file, t.block.prose_start
            if t_folded == words_of(r) and copied(t_folded, t.block.inline.content, other_texts, prose):  # no name
                out.append((t, to_file(base), to_file(t.block.prose_end), " ".join(t_text.split()), True))
                continue
            r_words, bigrams = _vocabulary(r)
            count = len(t_folded) - sum(map(str.isdigit, t_folded))  # numbers are no evidence
            if not count:
                continue
            share = sum(map(r_words.__contains__, t_folded)) / count
            if count >= 4 and share >= WHOLE_SHARE and worded(t_text) >= 4 \
                    and not (t.kind == "heading" and own_sentence(t_folded, native, prose)):
                text = " ".join(ADDRESS.sub(" ", t_text).split())  # `Email: info@museum.se`: one word of prose
                rest, loose = names_aside(text, t.kind, mine, r_words)  # names stay in every language: judge what is around them
                # what is left beside the names must be words (`401(k)s und Dollar-Cost-Averaging`: `und`)
                if sum(c.isalpha() for c in loose) >= MIN_RUN_LETTERS and substantial(loose) \
                        and of_source(rest, r_words, t.kind == "heading") \
                        and not name_like(text, "", other_texts) and not own_term(text, own(), prose) \
                        and not (latin and scripts_apart(rest)):  # `AFSB(…) 준회원`: the translation's script
                    out.append((t, to_file(base), to_file(t.block.prose_end), " ".join(rest.split()), True))
                continue
            if not _may_share_run(t_folded, bigrams):
                continue
            for a, b in _shared_runs(t_text, bigrams):
                text = t_text[a:b]
                rest = text if t.kind == "heading" else less_compounds(untitled(t_text, a, b), mine)  # `at-the-money call`
                if sum(c.isalpha() for c in rest) >= MIN_RUN_LETTERS and not text.isupper() and substantial(rest) \
                        and (t.kind != "heading" or substantial(names_aside(text, t.kind, mine, r_words)[1])) \
                        and not _in_compound(t_text, a, b) and _stands_apart(t, a, b) \
                        and not ACRONYM_BEFORE.search(t_text, 0, a) and mine.count(text.casefold()) < 2 \
                        and not name_like(text, t_text[b:], other_texts) \
                        and (t.kind == "heading" or prose_count(rest, prose) >= PROSE_WORDS):
                    out.append((t, to_file(base + a), to_file(base + b), text, False))
    return out


def own_sentence(words: list[str], native: frozenset, prose: frozenset) -> bool:
    """Two function words of the translation's language and none of the source's (`Hva er`);
    one is a joint between English words (`Net Worth og AB Trusts`)."""
    return not prose.intersection(words) and sum(map(native.__contains__, words)) >= 2


def names_aside(text: str, kind: str, mine: str, theirs: frozenset) -> tuple[str, str]:
    """(the text less its names, the text less its names and its terms): a heading's name the
    translation writes elsewhere only inflected or hyphenated (`Long Straddle`, `AB-Trusts`) is
    its term when no title-case words are left beside it; else it stays, to judge them with
    (`Net Worth und AB Trusts`: `Net Worth und` alone is too short to tell)."""
    rest = unnamed(text, kind, mine, theirs)
    if kind != "heading":
        return rest, rest  # running text sets every title-case run aside already: no variant to read
    loose = unnamed(text, kind, mine, theirs, True)
    return rest, rest if TITLED.search(loose) else loose


def unnamed(text: str, kind: str, mine: str, theirs: frozenset = frozenset(), variants: bool = False,
            source: frozenset | None = None) -> str:
    """The text less its names, which stay in every language: one with its acronym or gloss in
    brackets; in running text capitalised words in a row; in a heading (English title case)
    only those the translation writes so elsewhere too (`Federal Reserve Act`). `theirs`: the
    words of the source's block (a heading's first word none of them is its own); `source`:
    the source's words to tell an acronym's spelling out from a sentence by (`theirs` if None)."""
    source = theirs if source is None else source
    spelt = expansions_aside(text, source) if source and ("(" in text or "（" in text) else text
    rest = BRACKETED.sub(" ", NAMED.sub(" ", spelt))
    if kind != "heading":
        return TITLED.sub(" ", rest)
    rest = TITLED.sub(lambda m: kept_names(m.group(), mine, theirs, variants), rest)
    # a compound the translation writes elsewhere too is its term (`401(k)s und Dollar-Cost-Averaging`)
    return COMPOUND.sub(lambda m: " " if written(m.group(), mine) > 1 else m.group(), rest)


def scripts_apart(piece: str) -> bool:
    """Whether a sentence of a Latin-script source's vocabulary has letters of another script:
    then it is the translation's sentence with terms kept (`Heroku、Cloud Foundry 是 PaaS 产品`),
    and only its Latin runs are judged."""
    return not piece.isascii() and len(NOT_LATIN.findall(piece, 0, 400)) >= 2


def of_source(rest: str, vocabulary: frozenset, heading: bool = True) -> bool:
    """Whether most words left beside a block's names are the source's: the translation's own
    words around kept names (`Medicaid contro il` the Act's name) are no untranslated text. In
    running text a capitalised word is a name: the source's words in lower case must carry it
    (`Sistemin 12 bölgesel Federal Bankası Boston, …, Dallas ve San Francisco` lists cities)."""
    words = [w for w in WORD.findall(rest) if not w.isdigit() and (heading or w[0].islower())]
    known = sum(w.casefold() in vocabulary for w in words)
    return known >= WHOLE_SHARE * len(words) and (heading or known >= MIN_RUN_WORDS)


GLOSS = re.compile(ACRONYM_GLOSS)
EXPANSION_PART = re.compile(r"[^\W\d_][\w'’]*")


def expansions_aside(text: str, theirs: frozenset) -> str:
    """The text less each acronym's spelling out before its brackets, the name a translation
    keeps to match the acronym: words in any case whose initials are the acronym's letters,
    with at most one word between them and the brackets that is not the source block's
    (`theirs`: `Point-of-service planer (POS)`, `Piani point-of-service (POS)`), where the
    words just before it are not the source's either (`What is a health savings account
    (HSA)?` left in English is a sentence, not a name)."""
    for m in reversed(list(GLOSS.finditer(text))):
        letters = [c for c in m.group() if c.isalpha() and c.isupper()]
        if len(letters) < 2:
            continue
        parts = list(EXPANSION_PART.finditer(text, max(0, m.start() - 200), m.start()))
        for skip in (0, 1):
            end = len(parts) - skip
            run = parts[end - len(letters):end] if end >= len(letters) else []
            if not run or [p.group()[0].upper() for p in run] != letters:
                continue
            between = [p.group().casefold() for p in parts[end:]]
            before = [p.group().casefold() for p in parts[max(0, end - len(letters) - 4):end - len(letters)]]
            if not theirs.intersection(between) and len(theirs.intersection(before)) < 2:
                text = text[:run[0].start()] + " " * (run[-1].end() - run[0].start()) + text[run[-1].end():]
            break
    return text


def substantial(text: str) -> bool:
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
