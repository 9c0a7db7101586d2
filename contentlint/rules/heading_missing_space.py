from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule


class HeadingMissingSpace(DocumentRule):
    """A heading written without the space after its number signs.

    ## What it does
    Finds lines such as `##Høydepunkter` (or with fullwidth `＃＃`) that were meant as
    headings. CommonMark needs a space after the `#` marks, so these render as plain text.

    ## Why it matters
    The section disappears from the outline and the table of contents, and the reader
    sees the number signs.

    ## Example
    ```markdown
    ##Høydepunkter
    ```

    ## Use instead
    ```markdown
    ## Høydepunkter
    ```
    """

    code = "CL101"
    name = "heading-missing-space"
    severity = Severity.ERROR
    fixable = True

    def check(self, doc, ctx):
        for h in doc.intended.headings:
            if not h.malformed:
                continue
            marks = "#" * h.level + " "
            written = doc.text[h.start : h.marks_end]
            fix = Fix.replace(h.start, h.marks_end, marks, message=f"write '{marks}'")
            yield self.finding(doc, h.start, h.end, f"heading is missing the space after '{written.strip()}': "
                               f"write '{marks}{h.text}'", fix)
