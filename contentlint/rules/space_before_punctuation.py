import re

from contentlint.language.detection import effective
from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# Blanks between a word (or a link, masked) and a mark that ends a clause; not `.5`, not `...`.
# The first blank comes first and the word before it is looked behind from there: a pattern
# that opens with a look-behind is tried at every character, three times slower.
SENTENCE_ENDS = prose.SENTENCE_MARKS + ".!?"  # a mark after one of these is doubled punctuation, not a spacing slip
UNSURE = ";:!?"  # marks some languages space (French), so a space before them is no evidence alone
# CJK marks are full width and never spaced in any language: one after a blank is a slip even
# when a word follows it at once (`テスト 、です`).
CJK_MARKS = "。、，；：！？．"
SPACED = re.compile(r"([ \t\u00a0\u202f](?<=\S.)[ \t\u00a0\u202f]*)(?:([.,;:!?])(?![\w.])|([" + CJK_MARKS + "]))")


class SpaceBeforePunctuation(DocumentRule):
    """A space before a full stop, comma, semicolon, colon, exclamation or question mark.

    ## What it does
    Finds blanks between a word and `. , ; : ! ?` (`fagfolk .`), or a CJK mark
    (`。 、 ， ； ： ！ ？`), and removes them. A
    language profile in `rules/` can require a space before some marks (French
    `; : ! ?`): there the space is correct and nothing is reported.

    ## Why it matters
    The mark can wrap onto the next line alone, and the sentence reads as machine-made.

    ## Example
    ```markdown
    Organisasjonen gir videreutdanning til forsikringsfagfolk .
    ```

    ## Use instead
    ```markdown
    Organisasjonen gir videreutdanning til forsikringsfagfolk.
    ```
    """

    code = "CL202"
    name = "space-before-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        profile = ctx.profiles.get(effective(doc))
        # without a profile, only what no language spaces: French-like marks may be right
        allowed = profile.space_before if profile else UNSURE
        # a mark that ends a link's text is link-text-punctuation's finding, blank included
        link_ends = {link.text_end - 1 for link in doc.links}
        for inline, m in prose.matches(doc, SPACED):
            mark = m.group(2) or m.group(3)
            if mark in allowed or (m.start() and inline.masked[m.start() - 1] in SENTENCE_ENDS):
                continue  # `है। .`: a doubled sentence mark, stray-punctuation's finding
            start, end = prose.span(inline, m, 1)
            if end in link_ends:
                continue
            fix = Fix.replace(start, end, "", message="remove the space")
            yield self.finding(doc, start, end + 1, f"space before '{mark}'", fix)
