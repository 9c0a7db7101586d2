"""The speed-ups say the same as the plain definitions they replace, on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.load import document
from contentlint.parity import alignment
from contentlint.parity import segments
from contentlint.rules.space_before_punctuation import CJK_MARKS, SPACED
from contentlint.rules.stray_punctuation import PAIR
from contentlint.rules.whitespace import DOUBLED
from contentlint.load.views import MASK, WORD, _mask

# The patterns as first written, opening with a look-behind: the definitions.
PLAIN = {
    SPACED: re.compile(r"(?<=[^\s])([ \t\u00a0\u202f]+)(?:([.,;:!?])(?![\w.])|([" + CJK_MARKS + "]))"),
    PAIR: re.compile(r"(?<![.,;:])(?:,\.|\.,|,,|;\.|:\.)(?![.,;:])"),
    DOUBLED: re.compile(r"(?<=\S) {2,}(?=\S)"),
}
PROSE = st.text(alphabet=" \t\u00a0\u202f\n.,;:!?ab1-。、本", max_size=16)


@settings(max_examples=3000)
@given(PROSE)
def test_prose_patterns_match_as_their_definitions(text):
    for fast, plain in PLAIN.items():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


@given(st.text(alphabet="ab[]()`", max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30))))
def test_masking_hides_exactly_the_ranges(content, ranges):
    ranges = [(min(a, b, len(content)), min(max(a, b), len(content))) for a, b in ranges]
    naive = list(content)
    for a, b in ranges:
        naive[a:b] = MASK * (b - a)
    assert _mask(content, ranges) == "".join(naive)


@given(st.frozensets(st.integers(0, 6)), st.frozensets(st.integers(0, 6)))
def test_jaccard(a, b):
    assert alignment._jaccard(a, b) == (0.5 if not a and not b else len(a & b) / len(a | b))


WORDS = st.sampled_from(["real", "world", "eksempel", "på", "1", "000", "ab", "cd", "ef", "Fund", "in"])


@settings(max_examples=2000)
@given(st.lists(WORDS, max_size=10), st.lists(WORDS, max_size=10), st.sampled_from([" ", "-", ", "]))
def test_the_run_prefilter_never_drops_a_run(source, translation, glue):
    text = glue.join(translation)
    folded = WORD.findall(text.casefold())
    bigrams = frozenset(zip(source, source[1:]))
    runs = [text[a:b] for a, b in segments._shared_runs(text, bigrams)]
    if any(sum(c.isalpha() for c in run) >= segments.MIN_RUN_LETTERS for run in runs):
        assert segments._may_share_run(folded, bigrams)


def test_a_whole_block_reads_its_inline_words_and_a_split_one_its_own():
    doc = document.from_text("a.md", "# T\n\nOne `code` Two http://x.io three.\n\n– Alpha beta\n– Gamma delta\n")
    for info in alignment.summarize(doc):
        for unit in info.units + ([info.heading] if info.heading else []):
            assert segments.words_of(unit) == WORD.findall(unit.text.casefold())



PIECES = st.sampled_from(["a", " ", ",", ".", ";", ":", "\n", "`", "[x](/y)", "<!", "<！", "-", ">", "&amp;", "#39;",
                          "&", "amp;", "<http://x.io>", "*", "- ", "# ", "＆", "＃", "؛", "；", "39"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=24))
def test_a_file_without_a_needle_has_no_match(pieces):
    from contentlint.load import prose
    from contentlint.rules.mangled_markup import COMMENT, ENTITY, ENTITY_NEEDLES, OPENERS
    from contentlint.rules.stray_punctuation import PAIR, PAIRS

    doc = document.from_text("a.md", "".join(pieces))
    for pattern, needles in ((PAIR, PAIRS), (COMMENT, OPENERS), (ENTITY, ENTITY_NEEDLES)):
        assert [m.span() for _, m in prose.matches(doc, pattern, needles)] == \
            [m.span() for _, m in prose.matches(doc, pattern)]


@given(st.text(alphabet="a \r\n", max_size=14))
def test_a_lines_text_ends_where_the_line_does(text):
    from contentlint.load.lines import LineIndex

    lines = LineIndex(text)
    for n in range(len(lines) + 1):
        assert lines.line_text(n) == text[lines.start(n) : lines.end(n)]


SENTENCE_END_PLAIN = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])\s*|(?<=[।॥؟۔])\s+")  # the definition


@settings(max_examples=3000)
@given(st.text(alphabet=" .!?;:。！？；।॥؟۔ab\n", max_size=20))
def test_sentence_pieces_match_their_definition(text):
    from contentlint.parity import sentences

    def plain(text):
        start = 0
        for m in SENTENCE_END_PLAIN.finditer(text):
            if m.start() > start:
                yield sentences._trimmed(text, start, m.start())
            start = m.end()
        if start < len(text):
            yield sentences._trimmed(text, start, len(text))

    assert list(sentences._pieces(text)) == list(plain(text))
