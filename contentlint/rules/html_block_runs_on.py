from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule


class HtmlBlockRunsOn(DocumentRule):
    """Markdown right after an HTML block's closing tag, with no blank line between.

    ## What it does
    Finds an HTML block that opens with a block tag (`<table>`, `<div>`, `<details>`) and
    is followed, on the line after its closing tag, by Markdown. CommonMark ends such a
    block only at a blank line, so those lines are part of the HTML. contentlint reads them
    as the Markdown they were meant to be (its sections and parity see the heading) and
    reports the missing blank line here once. The fix inserts it. Plain words there (a
    caption after `</table>`) show the same either way and are not reported.

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
        for k, tok in enumerate(doc.tokens):
            if tok.type != "html_block" or not tok.meta or "runs_on" not in tok.meta:
                continue
            line = tok.meta["runs_on"]
            if _plain_text(doc, k + 1, line):
                continue  # a line of words shows the same inside HTML: nothing for the reader to lose
            start, end = doc.lines.start(line), doc.lines.end(line)
            closing = doc.lines.line_text(line - 1).strip()
            fix = Fix.replace(start, start, doc.newline, message="insert a blank line")
            yield self.finding(doc, start, end, f"no blank line after '{closing[-40:]}': CommonMark reads this "
                               "line and the next ones as HTML, not Markdown", fix)


def _plain_text(doc, k: int, line: int) -> bool:
    """Whether the lines the block ran on over (from `line` to the next blank one) are one
    paragraph of plain words: no block syntax, and nothing inline but text and line breaks
    (a caption after `</table>`, `Sharp Seminars`)."""
    blank = next((n for n in range(line, len(doc.lines)) if not doc.lines.line_text(n).strip()), len(doc.lines))
    for tok in doc.tokens[k:]:
        if tok.map is not None and tok.map[0] >= blank:
            return True
        if tok.type == "inline":
            if any(c.type not in ("text", "softbreak") for c in tok.children or ()) or "&" in tok.content:
                return False
        elif tok.type not in ("paragraph_open", "paragraph_close"):
            return False
    return True
