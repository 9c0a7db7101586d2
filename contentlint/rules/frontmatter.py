from contentlint.base.findings import Severity
from contentlint.load.front_matter import field_line, is_empty
from contentlint.rules.base import DocumentRule


class FrontMatterRule(DocumentRule):
    """Front matter that is missing, unterminated, invalid YAML, or lacks a required field.

    ## What it does
    Checks the front matter at the top of the article (YAML between `---` lines, or Hugo's
    TOML between `+++` and JSON): that it exists and is closed, that it parses (the message
    names the line), that it is a mapping, and that the required fields (`title` by default;
    `required_fields` in the configuration) are present, not empty, and of the right type
    (text; `keywords` may also be a list of texts).

    ## Why it matters
    The site builds titles, descriptions and search keywords from it; a broken block
    often publishes the YAML as body text.

    ## Example
    ```markdown
    ---
    title:
    description: The API designation is earned by completing training in personal lines.
    ---
    # Associate in Personal Insurance (API)
    ```

    ## Use instead
    ```markdown
    ---
    title: Associate in Personal Insurance (API)
    description: The API designation is earned by completing training in personal lines.
    keywords: Careers,Degrees and Certifications
    ---
    # Associate in Personal Insurance (API)
    ```
    """

    code = "CL002"
    name = "frontmatter"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        fm = doc.front
        if fm is None:
            yield self.finding(doc, 0, 0, "front matter is missing (a '---' block with title, description, keywords)")
            return
        if not fm.terminated or fm.error:
            line = fm.error_line or 0
            yield self.finding(doc, doc.lines.start(line), doc.lines.end(line), fm.error)
            return
        if not isinstance(fm.data, dict):
            kind = "empty" if fm.data is None else f"a {type(fm.data).__name__}, not a mapping"
            yield self.finding(doc, fm.start, fm.end, f"front matter is {kind}")
            return
        written = {str(k).casefold(): k for k in fm.data}  # Hugo reads `Title:` as `title` (keys without case)
        for key in ctx.config.required_fields:
            key = written.get(key.casefold(), key)
            line = field_line(doc, key)
            line = doc.lines.line_of(fm.start) if line is None else line  # else the opening `---`
            where = (doc.lines.start(line), doc.lines.end(line))
            if key not in fm.data:
                yield self.finding(doc, *where, f"required field '{key}' is missing")
            elif is_empty(fm.data[key]):
                yield self.finding(doc, *where, f"required field '{key}' is empty")
            elif not _right_type(key.casefold(), fm.data[key]):
                yield self.finding(doc, *where, f"field '{key}' should be text, not {type(fm.data[key]).__name__}")


def _right_type(key: str, value) -> bool:
    if key == "keywords" and isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, str)
