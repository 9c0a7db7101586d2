import re

from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# Two or more spaces between words; the first space opens the pattern, the word before it is
# looked behind from there (opening with a look-behind is three times slower).
DOUBLED = re.compile(r" (?<=\S )(?: +)(?=\S)")


class Whitespace(DocumentRule):
    """Trailing whitespace, and doubled spaces inside prose.

    ## What it does
    Finds blanks at the end of a line and runs of two or more spaces between words.
    Exactly two trailing spaces inside a paragraph are a Markdown line break and are kept;
    code blocks are left alone.

    ## Why it matters
    Invisible characters make diffs noisy and translations drift; doubled spaces show in
    the rendered page.

    ## Example
    ```markdown
    En setning med  to mellomrom.
    ```

    ## Use instead
    ```markdown
    En setning med to mellomrom.
    ```
    """

    code = "CL205"
    name = "whitespace"
    severity = Severity.INFO
    fixable = True

    def check(self, doc, ctx):
        code = doc.code_lines
        breaks = {n for p in doc.paragraphs for n in range(p.line, p.end_line - 1)}
        for n in range(len(doc.lines)):
            if n in code:
                continue
            line = doc.lines.line_text(n)
            body = line.rstrip(" \t")
            blanks = line[len(body) :]
            if not blanks or (blanks == "  " and n in breaks and body):
                continue
            start = doc.lines.start(n) + len(body)
            yield self.finding(doc, start, start + len(blanks), "trailing whitespace",
                               Fix.replace(start, start + len(blanks), "", message="remove it"))
        for inline, m in prose.matches(doc, DOUBLED):
            start, end = prose.span(inline, m)
            yield self.finding(doc, start, end, "doubled space", Fix.replace(start, end, " ", message="use one space"))
