from contentlint.base.findings import Severity
from contentlint.rules.base import DocumentRule

# Marks that join parts of a sentence: a paragraph never starts with one.
INNER = set(",;、，；")


class FragmentStart(DocumentRule):
    """A paragraph that begins with a comma or other sentence-inner punctuation.

    ## What it does
    Finds paragraphs and list items whose text begins with `,`, `;`, `、`, `，` or `；`:
    machine translation split a sentence, or dropped its beginning.

    ## Why it matters
    The reader meets half a sentence; what it should say cannot be guessed, so there is no
    fix: an editor compares it with the source.

    ## Example
    ```markdown
    Renten steg i fjor.

    , noe som gjorde lån dyrere.
    ```

    ## Use instead
    ```markdown
    Renten steg i fjor, noe som gjorde lån dyrere.
    ```
    """

    code = "CL206"
    name = "fragment-start"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for inline in doc.inlines:
            if inline.kind != "paragraph":
                continue
            text = inline.masked
            first = len(text) - len(text.lstrip())
            if first < len(text) and text[first] in INNER:
                start = inline.to_file(first)
                end = inline.to_file(min(len(text), first + 40))
                yield self.finding(doc, start, end, f"paragraph begins with '{text[first]}': the start of its "
                                   "sentence is missing or elsewhere")
