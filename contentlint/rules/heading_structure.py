import html

from contentlint.base.findings import Severity
from contentlint.load.prose import squash
from contentlint.rules.base import DocumentRule


class HeadingStructure(DocumentRule):
    """More than one H1, a skipped heading level, or an H1 that differs from the title.

    ## What it does
    Reads the intended outline (a heading written without its space counts at its level)
    and reports a second H1, a heading more than one level below the previous one
    (H2 then H4), and an H1 whose text differs from the front-matter `title`.

    ## Why it matters
    The outline drives navigation, search snippets and the comparison with translations.

    ## Example
    ```markdown
    ---
    title: Associate in Personal Insurance (API)
    ---
    # Associate in Personal Insurance
    #### What Is It?
    ```

    ## Use instead
    ```markdown
    ---
    title: Associate in Personal Insurance (API)
    ---
    # Associate in Personal Insurance (API)
    ## What Is It?
    ```
    """

    code = "CL104"
    name = "heading-structure"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        title = doc.meta.get("title")
        first_h1 = None
        previous = None
        for h in doc.intended.headings:
            if h.level == 1:
                if first_h1 is None:
                    first_h1 = h
                    # an entity in the title means its character (`d&#39;abandon`): the words are compared
                    if isinstance(title, str) and title.strip() and _compared(h.text) != _compared(title):
                        yield self.finding(doc, h.start, h.end, f"H1 '{h.text}' differs from the title '{title.strip()}'")
                else:
                    yield self.finding(doc, h.start, h.end, f"more than one H1 (the first is on line {first_h1.line + 1})")
            if previous is not None and h.level > previous.level + 1:
                yield self.finding(doc, h.start, h.end, f"heading level skips from H{previous.level} to H{h.level}")
            previous = h


def _compared(text: str) -> str:
    """A title or heading as compared: entities read as their characters, blanks squashed."""
    return squash(html.unescape(text))
