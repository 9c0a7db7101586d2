import re
import unicodedata

import regex

from contentlint.base.findings import Severity
from contentlint.language.detection import effective
from contentlint.load import prose
from contentlint.load.intended import IntendedHeading, IntendedList, IntendedParagraph
from contentlint.rules.base import DocumentRule

# Scripts whose sentences start with a capital letter; elsewhere case says nothing.
CASED = r"[\p{Latin}\p{Cyrillic}\p{Greek}\p{Armenian}]"
# A word wholly in lower case letters: `iPhone`, `x86` and `e-Mail` may be names, not sentences;
# nor is the start of an address (`privacy@example.com`, `example.com`, `https://…`)
LOWER_WORD = rf"(?={CASED})\p{{Ll}}[\p{{Ll}}\p{{M}}]*(?![\p{{L}}\p{{M}}\p{{N}}_@]|(?<=\p{{L}}{{2}})\.\p{{L}}{{2}}|://)"


def _stops(mark: str) -> tuple:
    """A full stop, blanks, then a letter (the few stops a small letter may follow), and the
    same after a word (not after `e.g`, `1.` or `...`) with a lower-case word after it."""
    return (re.compile(re.escape(mark) + r"[ \u00a0]+([^\W\d_])"),
            regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}.])(\p{{L}}[\p{{L}}\p{{M}}]*){re.escape(mark)}[ \u00a0]+({LOWER_WORD})"))


STOP, AFTER_STOP = _stops(".")
FIRST_WORD = regex.compile(LOWER_WORD)
# Words this short before a full stop are often abbreviations in some language (`bzw.`,
# `inkl.`, `тыс.`, `np.`) that a lower-case word follows: they end a sentence only where the
# document also writes them without a full stop (`dag`, `wird`, `USA`), as words do.
SHORTEST_END = 5
CHAINED = regex.compile(r"(?<![\p{L}\p{M}])\p{L}{1,4}\.[ \u00a0]$")  # `EE. UU.`: one abbreviation of two
# the same, as `re` ranges; letters are counted by removing the rest (findall would make a
# string of each letter)
NOT_LETTER = re.compile(r"[\W\d_]+")
NOT_CASED = re.compile("[^A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0531-\u058f]+")
# and the Armenian full stop, which follows an abbreviation's dot (`1919 թ.։`): no stray mark,
# so not among prose's marks that stray-punctuation reads
ENDS = prose.SENTENCE_MARKS + ".!?\u0589"
# a Roman numeral in its strict form: with the dot of a language that writes ordinals so, a
# regnal number (German `Ludwig XIV. kam`, Czech `Karel IV. založil`), no sentence's end
ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")  # to 39, as regnal numbers go: not `XL` (a size), `CD`, `MIX`
DOC_SAMPLE = 2000  # characters of a document that tell whether its script has capitals
ARMENIAN_FULL_STOP = "\u0589"  # `։`; Armenian's `.` is a colon or semicolon
NOT_ARMENIAN = re.compile("[^\u0531-\u058f]+")
ARMENIAN_STOPS = _stops(ARMENIAN_FULL_STOP)


class LostSentenceStart(DocumentRule):
    """A paragraph, or a sentence after a full stop, that begins in lower case.

    ## What it does
    In scripts with capital letters (Latin, Cyrillic, Greek, Armenian), finds paragraphs
    that begin with a lower-case word where a new sentence starts (first in a section, or
    after a paragraph that ended its sentence), and sentences after a full stop that do.
    Words with capitals or digits inside (`iPhone`), text after abbreviations (`e.g.`, and
    short words the document never writes without a full stop: `bzw.`, `inkl.`), ordinals
    (`5. maj`; a Roman one where the language writes ordinals with a dot: `Ludwig XIV. kam`),
    addresses (`privacy@example.com`), a `.` in Armenian prose (its full stop is `։`, which
    is read instead; `.` is a colon) and paragraphs that continue a list, a code block,
    a table or an unfinished sentence are left alone. There is no fix: what was lost is
    for an editor to see in the source.

    ## Why it matters
    Machine translation that loses a sentence's start often loses its first words too:
    the lower-case letter is the visible trace of a sentence that no longer says all the
    source says.

    ## Example
    ```markdown
    Kredyt hipoteczny to pożyczka.

    możesz się ubiegać o kredyt w banku. jeder der drei Punkte zählt.
    ```

    ## Use instead
    ```markdown
    Kredyt hipoteczny to pożyczka.

    Możesz się ubiegać o kredyt w banku. Jeder der drei Punkte zählt.
    ```
    """

    code = "CL208"
    name = "lost-sentence-start"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        if not _cased(doc.text[:DOC_SAMPLE]):
            return  # a document in a script without capitals (Japanese, Arabic, Hindi …)
        profile = ctx.profiles.get(effective(doc))
        ordinal_dot = profile is not None and "." in profile.ordinal_suffixes
        before = None
        for block in doc.intended.blocks:
            if isinstance(block, IntendedParagraph):
                yield from self._first_word(doc, block, before)
                yield from self._after_stops(doc, block, ordinal_dot)
            elif isinstance(block, IntendedList):
                for item in block.items:
                    yield from self._after_stops(doc, item, ordinal_dot)
            before = block

    def _first_word(self, doc, block, before):
        text = _text(block)
        m = FIRST_WORD.match(text)
        if m and _starts_sentence(before) and _cased(text) and not _lower_case_name(doc, text, m.start()):
            start, end = _file_span(block, m.start(), m.end())
            yield self.finding(doc, start, end, f"paragraph begins in lower case ('{m.group()}'): "
                               "the start of its sentence may be lost")

    def _after_stops(self, doc, block, ordinal_dot: bool = False):
        text = _text(block)
        # Armenian ends its sentences with `։` and writes `.` for a colon or semicolon
        # (միջակետ): in a block of Armenian prose, sentences end there (a quotation in another
        # block's language keeps that language's stops)
        armenian = ARMENIAN_FULL_STOP in text and _mostly(text, NOT_ARMENIAN)
        stop, after_stop = ARMENIAN_STOPS if armenian else (STOP, AFTER_STOP)
        for q in stop.finditer(text):  # `re` finds the few full stops a small letter follows
            if not (q.group(1).islower() and q.start() and text[q.start() - 1].isalpha()):
                continue
            m = after_stop.match(text, _word_start(text, q.start()))
            if m is None or m.end(1) != q.start():
                continue
            word = m.group(1)
            if prose.ends_with_abbreviation(text[: m.end(1) + 1]) or not _cased(text) \
                    or _lower_case_name(doc, text, m.start(2)):
                continue
            if len(word) < SHORTEST_END and (len(word) < 2 or word.casefold() not in prose.unstopped_words(doc)
                                             or CHAINED.search(text, 0, m.start(1))):
                continue
            if ordinal_dot and ROMAN.fullmatch(word):
                continue  # `Ludwig XIV. kam`: a regnal ordinal
            start, end = _file_span(block, m.start(2), m.end(2))
            yield self.finding(doc, start, end, f"sentence after '{m.group(1)}{text[m.end(1)]}' begins in lower case "
                               f"('{m.group(2)}'): its start may be lost")


def _lower_case_name(doc, text: str, start: int) -> bool:
    """Whether the word at `start` begins a hyphenated name the document always writes in
    lower case and names as a thing elsewhere (`cloud-controller-manager`, `kube-proxy`: a
    heading, code or a link target of its own): a program's name, not a sentence whose capital
    was lost. Hyphenated words of a language (`peut-être`, `из-за`) are no such names."""
    m = NAME.match(text, start)
    if m is None:
        return False
    name = m.group()
    return name[0].upper() + name[1:] not in doc.text and any(mark + name in doc.text for mark in NAMED)


NAMED = ("# ", "`", "/")  # a heading, code or a path of its own


NAME = regex.compile(r"\p{Ll}+(?:-[\p{Ll}\p{N}]+)+")


def _starts_sentence(before) -> bool:
    """Whether the block after `before` opens a sentence: nothing or a heading is before it,
    or a paragraph that ended its sentence (not a colon, a code block or a table)."""
    if before is None or isinstance(before, IntendedHeading):
        return True
    if isinstance(before, IntendedParagraph):
        tail = before.prose.rstrip(" *_\"'”»)")  # link targets and code are out: `[… legale.](/x)`
        return bool(tail) and tail[-1] in ENDS  # an image alone ends nothing: `![…](…)` then `and select …`
    return False


def _word_start(text: str, end: int) -> int:
    i = end
    while i and (text[i - 1].isalpha() or unicodedata.category(text[i - 1])[0] == "M"):
        i -= 1
    return i


def _cased(text: str) -> bool:
    """Whether most letters of a block are of a cased script: a Latin word in Korean prose
    (`status 레이블은 …`) starts no Latin sentence."""
    return _mostly(text, NOT_CASED)


def _mostly(text: str, outside: re.Pattern) -> bool:
    """Whether more than half of the text's letters are none that `outside` matches."""
    return len(outside.sub("", text)) * 2 > len(NOT_LETTER.sub("", text))


def _text(block) -> str:
    if block.inline is None:
        return ""
    return block.inline.masked[block.prose_start : block.prose_end]


def _file_span(block, a: int, b: int) -> tuple[int, int]:
    return block.inline.to_file(block.prose_start + a), block.inline.to_file(block.prose_start + b)
