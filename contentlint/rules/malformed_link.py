from contentlint.base.findings import Edit, Fix, Severity
from contentlint.load.broken_links import hollow
from contentlint.rules.base import DocumentRule

# kind of broken link (contentlint.load.broken_links) -> (message, what its fix does)
BROKEN = {"spaced": ("space between link text and target", "join text and target"),
          "swapped": ("link text and target are swapped: write '[text](target)'", "write '{}'"),
          "unclosed": ("link text is missing its closing ']'", "close the link text"),
          "target": ("link target is not closed or contains spaces", "")}


class MalformedLink(DocumentRule):
    """A link whose Markdown is broken, so it renders as text or leads nowhere.

    ## What it does
    Finds `[text] (/url)` (a space between text and target), `(text)[/url]` (the parts
    swapped), `[text(/url)` (an unclosed bracket), a target the parser rejects
    (`](/a b, c)`), links with empty text or an empty target, and link text that is only
    punctuation (`[.](/treasury-yield)`: the words it linked are outside it). It fixes the
    first three, where the intended link is certain.

    ## Why it matters
    The reader sees brackets and a bare path instead of a link, and link checks across
    languages cannot compare what is not a link.

    ## Example
    ```markdown
    Se [forsikringsbransjen] (/insurance) for mer.
    ```

    ## Use instead
    ```markdown
    Se [forsikringsbransjen](/insurance) for mer.
    ```
    """

    code = "CL103"
    name = "malformed-link"
    severity = Severity.ERROR
    fixable = True

    def check(self, doc, ctx):
        for link in doc.links:
            if link.autolink:
                continue
            text = doc.text[link.text_start : link.text_end].strip()
            if not text:
                yield self.finding(doc, link.start, link.end, f"link to '{link.target}' has no text")
            elif hollow(doc, link):
                # `[.](/treasury-yield)`: translation moved the words out and left the stop in
                yield self.finding(doc, link.start, link.end,
                                   f"link to '{link.target}' has only '{text}' as its text: the words it linked are outside it")
            if not link.target.strip():
                yield self.finding(doc, link.start, link.end, "link has an empty target")
        for broken in doc.broken_links:
            a, b, content = broken.repair or (0, 0, "")
            message, repair = BROKEN[broken.kind]
            fix = Fix((Edit(a, b, content),), message=repair.format(content)) if broken.repair else None
            yield self.finding(doc, broken.start, broken.end, message, fix)
