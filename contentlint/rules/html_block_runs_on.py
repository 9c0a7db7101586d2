from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule


class HtmlBlockRunsOn(DocumentRule):
    """Markdown right after an HTML block's closing tag, with no blank line between.

    ## What it does
    Finds an HTML block that opens with a block tag (`<table>`, `<div>`, `<details>`) and
    is followed, on the line after its closing tag, by Markdown. CommonMark ends such a
    block only at a blank line, so those lines are part of the HTML. contentlint reads them
    as the Markdown they were meant to be (its sections and parity see the heading) and
    reports the missing blank line here once. The fix inserts it.

    ## Why it matters
    Renderers print the lines as raw text inside the HTML: `### Loans` shows with its
    number signs and leaves the outline, links and emphasis stay unrendered, and every
    translation that has the blank line seems to have a section the source lacks.

    ## Example
    ```markdown
    <table><tr><td>1</td></tr></table>
    ### Loans
    ```

    ## Use instead
    ```markdown
    <table><tr><td>1</td></tr></table>

    ### Loans
    ```
    """

    code = "CL107"
    name = "html-block-runs-on"
    severity = Severity.ERROR
    fixable = True

    def check(self, doc, ctx):
        for tok in doc.tokens:
            if tok.type != "html_block" or not tok.meta or "runs_on" not in tok.meta:
                continue
            line = tok.meta["runs_on"]
            start, end = doc.lines.start(line), doc.lines.end(line)
            closing = doc.lines.line_text(line - 1).strip()
            fix = Fix.replace(start, start, doc.newline, message="insert a blank line")
            yield self.finding(doc, start, end, f"no blank line after '{closing[-40:]}': CommonMark reads this "
                               "line and the next ones as HTML, not Markdown", fix)
