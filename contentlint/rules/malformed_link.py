import re

from contentlint.load import prose
from contentlint.base.findings import Edit, Fix, Severity
from contentlint.rules.base import DocumentRule

URL = r"(?:/|#|\.{1,2}/|https?://|mailto:)"
# Link syntax the parser rejected, seen in what is left as plain text (parsed links are masked).
SPACED = re.compile(rf"\[([^\[\]\x00\n]+)\]([ \t]+)\({URL}[^()\s\x00]*\)")
SWAPPED = re.compile(rf"\(([^()\x00\n]+)\)\[({URL}[^\[\]\s\x00]*)\]")
UNCLOSED_LABEL = re.compile(rf"\[([^\[\]\x00\n]+)(?=\({URL}[^()\s\x00]*\))")
BROKEN_TARGET = re.compile(rf"\]\({URL}")
SENTENCE_MARKS = set(".,;:!?、。，．！？・")


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
            elif all(c in SENTENCE_MARKS for c in text):
                # `[.](/treasury-yield)`: translation moved the words out and left the stop in
                yield self.finding(doc, link.start, link.end,
                                   f"link to '{link.target}' has only '{text}' as its text: the words it linked are outside it")
            if not link.target.strip():
                yield self.finding(doc, link.start, link.end, "link has an empty target")
        for inline in doc.inlines:
            if "[" not in inline.masked and "]" not in inline.masked:
                continue  # every pattern below needs a bracket; parsed links are masked whole
            seen: set[int] = set()
            for m in SPACED.finditer(inline.masked):
                a, b = prose.span(inline, m, 2)
                seen.add(m.start())
                yield self.finding(doc, *prose.span(inline, m), "space between link text and target",
                                   Fix.replace(a, b, "", message="join text and target"))
            for m in SWAPPED.finditer(inline.masked):
                start, end = prose.span(inline, m)
                seen.add(m.start())
                fixed = f"[{m.group(1)}]({m.group(2)})"
                yield self.finding(doc, start, end, "link text and target are swapped: write '[text](target)'",
                                   Fix.replace(start, end, fixed, message=f"write '{fixed}'"))
            for m in UNCLOSED_LABEL.finditer(inline.masked):
                if m.start() in seen:
                    continue
                at = inline.to_file(m.end())
                seen.add(m.start())
                yield self.finding(doc, *prose.span(inline, m), "link text is missing its closing ']'",
                                   Fix((Edit(at, at, "]"),), message="close the link text"))
            for m in BROKEN_TARGET.finditer(inline.masked):
                start, _ = prose.span(inline, m)
                close = inline.masked.find(")", m.end())
                end = inline.to_file(close + 1) if close >= 0 else inline.end
                yield self.finding(doc, start, end, "link target is not closed or contains spaces")
