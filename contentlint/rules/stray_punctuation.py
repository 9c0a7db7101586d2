import re

from contentlint.language.detection import effective
from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# A contradictory pair, not part of a longer run (so never `...`). The pair opens the pattern
# and the mark before it is looked behind from its end: opening with a look-behind is slower.
PAIRS = (",.", ".,", ",,", ";.", ":.")
PAIR = re.compile("(?:" + "|".join(map(re.escape, PAIRS)) + r")(?<![.,;:]..)(?![.,;:])")
# a number an ordinal's dot may follow: one to three digits, not a year or a grouped number (`2023.,`)
ORDINAL = re.compile(r"(?<![\d.,])\d{1,3}$")
# a word of four letters at most ends right before the pair
SHORT_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}$")
# A sentence mark of any script, then (after one blank at most) a full stop or the same kind of
# mark again: `है। .`, `です。 。`, `。。`, `؟ .`, `end..` (not `...`, which is an ellipsis).
ENDS = prose.SENTENCE_MARKS
DOUBLED = re.compile(rf"([{ENDS}.!?])[ \u3000]?([{ENDS}.])(?![.{ENDS}])")


class StrayPunctuation(DocumentRule):
    """Two contradictory punctuation marks in a row, left by machine translation.

    ## What it does
    Finds `,.`, `.,`, `,,`, `;.` and `:.` in prose, typically right after a link
    (`[link](/x),.`), and keeps the first mark; and a sentence mark of any script doubled, with
    a blank between or not (`है। .`, `です。 。`, `。。`, `؟ .`, `end..`), keeping the first. An ellipsis, a number (`1,.5` stays
    alone), an abbreviation such as `e.g.,`, an ordinal's dot where the language's profile writes
    ordinals with one (Danish `Ludvig 14., konge`) or where the language has no profile to say
    (Croatian `iz 1905., obnovljene`), code and URLs are left alone.

    ## Why it matters
    A reader stumbles over the pair, and it shows the text was never proofread.

    ## Example
    ```markdown
    Se [personlig forsikring](/personal-insurance-lines),. som beskytter mot tap.
    ```

    ## Use instead
    ```markdown
    Se [personlig forsikring](/personal-insurance-lines), som beskytter mot tap.
    ```
    """

    code = "CL201"
    name = "stray-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        profile = ctx.profiles.get(effective(doc))
        ordinal_dot = profile is not None and "." in profile.ordinal_suffixes
        for inline, m in prose.matches(doc, PAIR, PAIRS):
            text, i = inline.masked, m.start()
            before = text[i - 1] if i else ""
            after = text[m.end()] if m.end() < len(text) else ""
            # `1,.5`; an ordinal's dot where the language writes one (Danish `Ludvig 14., konge`);
            # without a profile, whether it does is unknown (Croatian years too: `iz 1905., obnovljene`)
            if before.isdigit() and (after.isdigit() or m.group() == ".," and (
                    profile is None or ordinal_dot and ORDINAL.search(text, 0, i))):
                continue
            if m.group() == ".," and (prose.ends_with_abbreviation(text[max(0, i - 12) : i + 1])
                                      or _abbreviation(doc, text, i)):
                continue  # `etc.,`, `p. ej.,`, `тыс.,`, `usw.,`: the full stop is an abbreviation's
            start, end = prose.span(inline, m)
            fix = Fix.replace(start + 1, end, "", message=f"keep '{m.group()[0]}'")
            yield self.finding(doc, start, end, f"stray punctuation '{m.group()}': keep '{m.group()[0]}'", fix)
        for inline, m in prose.matches(doc, DOUBLED, tuple(ENDS) + ("..", ". .", "! .", "? .")):
            if not _doubled(inline.masked, m):
                continue
            start, end = prose.span(inline, m)
            first = m.group(1)
            fix = Fix.replace(prose.span(inline, m, 1)[1], end, "", message=f"keep '{first}'")
            yield self.finding(doc, start, end, f"doubled sentence punctuation '{m.group()}': keep '{first}'", fix)


def _abbreviation(doc, text: str, i: int) -> bool:
    """A short word before `.,` that the document never writes without its full stop: an
    abbreviation in any language (`p. ej.,`, `тыс.,`), where a word of the text (`ord.,`
    beside `ord` elsewhere) is not."""
    m = SHORT_WORD.search(text, max(0, i - 8), i)
    return bool(m) and m.group().casefold() not in prose.unstopped_words(doc)


def _doubled(text: str, m: re.Match) -> bool:
    """A sentence mark doubled by machine translation, not an ellipsis (`...`, `. . .`), a
    number (`1..5`) or code-like text: the pair stands alone."""
    i = m.start()
    if i and text[i - 1] in "." + ENDS:
        return False  # part of a longer run: an ellipsis
    if m.group(1) == "." and m.group(2) == "." and " " in m.group():
        return text[m.end() : m.end() + 2] != " ."  # `. . .` is an ellipsis
    if m.group(1) == "." and i and text[i - 1].isdigit() and text[m.end() : m.end() + 1].isdigit():
        return False  # `1..5`: a range in a formula
    after = text[m.end() : m.end() + 1]
    if m.group() == ".." and (after == "/" or i and text[i - 1] in QUOTES and after and after in QUOTES):
        return False  # a value written out, not a sentence's end: `".."`, `«..»`, `../docs`
    return True


QUOTES = "\"'“”„‟«»‹›‘’‚「」『』＂"
