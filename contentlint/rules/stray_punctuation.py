import re

from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# A contradictory pair, not part of a longer run (so never `...`). The pair opens the pattern
# and the mark before it is looked behind from its end: opening with a look-behind is slower.
PAIRS = (",.", ".,", ",,", ";.", ":.")
PAIR = re.compile("(?:" + "|".join(map(re.escape, PAIRS)) + r")(?<![.,;:]..)(?![.,;:])")


class StrayPunctuation(DocumentRule):
    """Two contradictory punctuation marks in a row, left by machine translation.

    ## What it does
    Finds `,.`, `.,`, `,,`, `;.` and `:.` in prose, typically right after a link
    (`[link](/x),.`), and keeps the first mark. An ellipsis, a number (`1,.5` stays
    alone), an abbreviation such as `e.g.,`, code and URLs are left alone.

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
        for inline, m in prose.matches(doc, PAIR, PAIRS):
            text, i = inline.masked, m.start()
            before = text[i - 1] if i else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if before.isdigit() and after.isdigit():
                continue
            if m.group() == ".," and prose.ends_with_abbreviation(text[max(0, i - 12) : i + 1]):
                continue
            start, end = prose.span(inline, m)
            fix = Fix.replace(start + 1, end, "", message=f"keep '{m.group()[0]}'")
            yield self.finding(doc, start, end, f"stray punctuation '{m.group()}': keep '{m.group()[0]}'", fix)
