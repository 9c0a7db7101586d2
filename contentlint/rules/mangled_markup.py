import html
import re

from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# `<! - 82010D… ->`, `<！-82010D…->`: an HTML comment machine translation spaced or widened
# (a real comment is HTML to the parser, so masked and never seen here).
OPENERS = ("<!", "<！")
COMMENT = re.compile("(?:" + "|".join(OPENERS) + r")\s*-{1,2}\s*([^<>\n\x00]{1,200}?)\s*-{1,2}>")
# `Shari&amp;#39;ah`: an entity escaped twice shows as `&#39;` to the reader.
ENTITY = re.compile(r"&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# `<h5><a href="">TTT</a></h5>`: what is left of a table the translation lost.
REMNANT = re.compile(r"<h([1-6])>\s*<a href=\"\">([^<\n]*)</a>\s*</h\1>")


class MangledMarkup(DocumentRule):
    """HTML that machine translation broke: spaced comments, doubly escaped entities, remnants.

    ## What it does
    Finds HTML comments whose marks were spaced or widened (`<! - 82010D… ->`,
    `<！-82010D…->`), which readers see as text; entities escaped twice (`Shari&amp;#39;ah`),
    which show as `&#39;`; and empty-link headings such as `<h5><a href="">TTT</a></h5>`,
    left where the source has a table. It fixes the first two, whose right text is certain.

    ## Why it matters
    The page shows markup and codes to readers, and a lost table is content missing from
    that language only.

    ## Example
    ```markdown
    Fondet skal fremme Shari&amp;#39;ah-standarder.

    <! - 82010D953E9F338F461BAE5740F521BE ->
    ```

    ## Use instead
    ```markdown
    Fondet skal fremme Shari'ah-standarder.

    <!-- 82010D953E9F338F461BAE5740F521BE -->
    ```
    """

    code = "CL106"
    name = "mangled-markup"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        for inline, m in prose.matches(doc, COMMENT, OPENERS):
            start, end = prose.span(inline, m)
            fixed = f"<!-- {m.group(1).strip()} -->"
            yield self.finding(doc, start, end, f"broken HTML comment '{m.group()[:40]}': write '<!-- … -->'",
                               Fix.replace(start, end, fixed, message="write a comment"))
        found = [(*prose.span(inline, m), m, False) for inline, m in prose.matches(doc, ENTITY, ("&amp;",))]
        fm = doc.front
        if fm is not None and fm.error is None:  # `description: … Shari&amp;#39;ah …`
            found += [(m.start(), m.end(), m, True) for m in ENTITY.finditer(doc.text, fm.start, fm.end)]
        for start, end, m, in_yaml in found:
            entity = f"&{m.group(1)};"
            char = html.unescape(entity)
            if char == entity:
                continue  # not an entity HTML knows: leave it
            written = char
            if in_yaml:  # a quote inside a quoted YAML value is written the YAML way
                quote = doc.lines.line_text(doc.lines.line_of(start)).partition(":")[2].strip()[:1]
                written = {"'": "''", '"': '\\"'}.get(char, char) if char == quote else char
            yield self.finding(doc, start, end, f"entity escaped twice: '{m.group()}' shows as '{entity}'",
                               Fix.replace(start, end, written, message=f"write '{char}'"))
        for block in doc.blocks:
            if block.kind != "html_block":
                continue
            first, last = doc.lines.start(block.line), doc.lines.end(block.end_line - 1)
            for m in REMNANT.finditer(doc.text, first, last):
                yield self.finding(doc, m.start(), m.end(),
                                   f"remnant '{m.group()}': a heading with an empty link, where the source "
                                   "has content (a table?) the translation lost")
