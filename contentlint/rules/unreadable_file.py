from contentlint.base.findings import Severity
from contentlint.rules.base import DocumentRule


class UnreadableFile(DocumentRule):
    """A file that cannot be read as an article: empty, binary, or not UTF-8.

    ## What it does
    Reports a file whose bytes are not a UTF-8 text article: an empty file, one with NUL
    bytes, a UTF-16 file, or one with invalid UTF-8 sequences. The run goes on with the
    other files.

    ## Why it matters
    Every other check needs the text. A file saved in the wrong encoding is also unreadable
    for the site that publishes it.

    ## Example
    ```markdown
    ```

    ## Use instead
    ```markdown
    # A title
    ```
    """

    code = "CL001"
    name = "unreadable-file"
    severity = Severity.ERROR
    needs_content = False

    def check(self, doc, ctx):
        if doc.problem:
            yield self.finding(doc, 0, 0, doc.problem)
