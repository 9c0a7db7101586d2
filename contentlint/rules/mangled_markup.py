import html
import re
import unicodedata

from contentlint.load import prose
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

# `<! - 82010D… ->`, `<！-82010D…->`: an HTML comment machine translation spaced or widened
# (a real comment is HTML to the parser, so masked and never seen here).
OPENERS = ("<!", "<！")
COMMENT = re.compile("(?:" + "|".join(OPENERS) + r")\s*-{1,2}\s*([^<>\n\x00]{1,200}?)\s*-{1,2}>")
# `Shari&amp;#39;ah`: an entity escaped twice shows as `&#39;` to the reader; so does one that
# machine translation widened or spaced (`Shari＆＃39;ah`, `S＆amp;P`, `Moody &amp; # 39؛ s`).
GAP = "[ \u00a0]?"
SEMI = "[;；؛]"
# `&amp;#39;`, `&amp;quot;`, `＆＃39;`, `S＆amp;P`, `& #39;`: an ASCII `&` starts a mangled entity only
# before `amp;` or `#` (a plain `&name;` is text: `S&P500;`), a full-width `＆` before any
ENTITY = re.compile(f"(?:＆{GAP}(?:amp{GAP}{SEMI}{GAP})*|&{GAP}(?:amp{GAP}{SEMI}{GAP})+|&{GAP}(?=[#＃]))"
                    f"([#＃]{GAP}(?:[0-9０-９]{{1,7}}|[xX][0-9a-fA-F]{{1,6}})|[A-Za-z][A-Za-z0-9]{{1,31}}){GAP}{SEMI}")
# what every match holds (prose.matches runs the pattern only where one of them is)
ENTITY_NEEDLES = ("＆",) + tuple(f"&{gap}{after}" for gap in ("", " ", "\u00a0") for after in ("amp", "#", "＃"))
APOSTROPHES = "'’"
# `59 \u00bd`: a JSON or Python escape a conversion left in the text, which readers see as is
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})(?![0-9a-fA-F])")


# `<h5><a href="">TTT</a></h5>`: what is left of a table the translation lost.
REMNANT = re.compile(r"<h([1-6])>\s*<a href=\"\">([^<\n]*)</a>\s*</h\1>")


class MangledMarkup(DocumentRule):
    """HTML that machine translation broke: spaced comments, doubly escaped entities, remnants.

    ## What it does
    Finds HTML comments whose marks were spaced or widened (`<! - 82010D… ->`,
    `<！-82010D…->`), which readers see as text; entities escaped twice (`Shari&amp;#39;ah`),
    which show as `&#39;`, or widened and spaced (`Shari＆＃39;ah`, `Moody &amp; # 39؛ s`);
    character escapes a conversion left in prose (`59 \u00bd` for `59½`); and empty-link
    headings such as `<h5><a href="">TTT</a></h5>`, left where the source has a table. It
    fixes all but the last, whose right text is certain.

    ## Why it matters
    The page shows markup and codes to readers, and a lost table is content missing from
    that language only.

    ## Example
    ```markdown
    Fondet skal fremme Shari&amp;#39;ah-standarder fra 59 \u00bd år.

    <! - 82010D953E9F338F461BAE5740F521BE ->
    ```

    ## Use instead
    ```markdown
    Fondet skal fremme Shari'ah-standarder fra 59½ år.

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
        found = [(*prose.span(inline, m), m, False) for inline, m in prose.matches(doc, ENTITY, ENTITY_NEEDLES)]
        fm = doc.front
        if fm is not None and fm.error is None:  # `description: … Shari&amp;#39;ah …`
            found += [(m.start(), m.end(), m, True) for m in ENTITY.finditer(doc.text, fm.start, fm.end)]
        for start, end, m, in_yaml in found:
            read = _read(m.group())
            if read is None:
                continue  # a single entity HTML decodes, or none HTML knows: leave it
            shown, char = read
            written = char
            if in_yaml:  # a quote inside a quoted YAML value is written the YAML way
                quote = doc.lines.line_text(doc.lines.line_of(start)).partition(":")[2].strip()[:1]
                written = {"'": "''", '"': '\\"'}.get(char, char) if char == quote else char
            elif char in APOSTROPHES:  # `Moody &amp; # 39؛ s`: an apostrophe has no blank beside it
                start, end = _blanks_around(doc.text, start, end)
            if shown == m.group():
                message = f"mangled entity '{m.group()}' shows as text"
            else:
                message = f"entity escaped twice: '{m.group()}' shows as '{shown}'"
            yield self.finding(doc, start, end, message, Fix.replace(start, end, written, message=f"write '{char}'"))
        for inline, m in prose.matches(doc, ESCAPE, ("\\u",)):
            char = chr(int(m.group(1), 16))
            if unicodedata.category(char)[0] in "CZ":
                continue  # a control, surrogate or space: no character a writer meant
            start, end = prose.span(inline, m)
            if doc.text[start - 1 : start] == " " and unicodedata.category(char) == "No":
                start -= 1  # `59 \u00bd`: a fraction joins its number
            yield self.finding(doc, start, end, f"escape '{m.group()}' shows as text: write '{char}'",
                               Fix.replace(start, end, char, message=f"write '{char}'"))
        for block in doc.blocks:
            if block.kind != "html_block":
                continue
            first, last = doc.lines.start(block.line), doc.lines.end(block.end_line - 1)
            for m in REMNANT.finditer(doc.text, first, last):
                yield self.finding(doc, m.start(), m.end(),
                                   f"remnant '{m.group()}': a heading with an empty link, where the source "
                                   "has content (a table?) the translation lost")


def _read(raw: str) -> tuple[str, str] | None:
    """(what the reader sees, the character meant) for an entity escaped twice or mangled;
    None for a well-formed single entity, or a name HTML does not know."""
    norm = unicodedata.normalize("NFKC", raw).replace("؛", ";").replace(" ", "").replace("\u00a0", "")
    inner = norm
    while inner.startswith("&amp;") and len(inner) > len("&amp;"):
        inner = "&" + inner[len("&amp;"):]
    if inner == raw:
        return None  # `&#39;`, `&amp;`: HTML decodes it, the reader sees the character
    char = html.unescape(inner)
    if char == inner:
        return None
    shown = raw if norm != raw else "&" + norm[len("&amp;"):]
    return shown, char


def _blanks_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start and text[start - 1] in " \u00a0" and text[start - 2 : start - 1].isalpha():
        start -= 1
    while text[end : end + 1] in (" ", "\u00a0") and text[end + 1 : end + 2].isalpha():
        end += 1
    return start, end
