"""What prose rules share: pattern matches over inline text with code, URLs and HTML masked."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from contentlint.load.views import Inline

# Sentence ends of the scripts besides Latin `.!?`: CJK (full and full-width), Devanagari, Arabic, Urdu
SENTENCE_MARKS = "。．！？।॥؟۔"

ABBREVIATION = re.compile(r"(?:\b\w\.)+$|\b(?:etc|vs|Inc|Ltd|Co|Corp|Jr|Sr|Dr|Mr|Mrs|Ms|St|No|bl\.a|f\.eks|ca|osv|mfl|et al)\.$")


def matches(doc, pattern: re.Pattern, needles: tuple[str, ...] = ()) -> Iterator[tuple[Inline, re.Match]]:
    """Matches of `pattern` in each inline's masked text. `needles`: strings one of which every
    match contains; a file whose text has none is not scanned. (Masked text is an inline's
    content with some characters replaced, and each content line is the end of a file line,
    so a needle without MASK or line breaks found in masked text is in the file's text too.)"""
    if needles and not any(n in doc.text for n in needles):
        return
    for inline in doc.inlines:
        for m in pattern.finditer(inline.masked):
            yield inline, m


def span(inline: Inline, m: re.Match, group: int = 0) -> tuple[int, int]:
    return inline.to_file(m.start(group)), inline.to_file(m.end(group))


def ends_with_abbreviation(text: str) -> bool:
    """`e.g.`, `U.S.`, `etc.`: a full stop that belongs to a word, not to a sentence."""
    return bool(ABBREVIATION.search(text[-24:]))  # the tail decides; a whole 1 MB text would be quadratic


def squash(text: str) -> str:
    """Text with every run of white space one space: how two texts are compared as prose."""
    return " ".join(text.split())


# a word of two to four letters (marks included) not followed by a full stop
WORD_NOT_STOPPED = regex.compile(r"(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]{1,3})(?![\p{L}\p{M}.])")


def unstopped_words(doc) -> frozenset[str]:
    """The document's short words (two to four letters) seen without a full stop after them:
    a short word the document only ever writes with one is an abbreviation (`p. ej.`, `тыс.`)."""
    words = getattr(doc, "_unstopped", None)
    if words is None:  # read once per document, and only when a rule meets a short stopped word
        words = doc._unstopped = frozenset(w.casefold() for w in WORD_NOT_STOPPED.findall(doc.text))
    return words
