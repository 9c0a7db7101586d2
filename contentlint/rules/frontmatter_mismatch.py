from contentlint.base.findings import Severity
from contentlint.load.front_matter import field_line, is_empty
from contentlint.parity.kit import related
from contentlint.rules.base import GroupRule


def _keywords(value) -> set[str]:
    items = value if isinstance(value, list) else str(value or "").split(",")
    return {str(k).strip().casefold() for k in items if str(k).strip()}


class FrontMatterMismatch(GroupRule):
    """Keywords that differ from the source's, or a source field missing in the translation.

    ## What it does
    Compares the translation's front matter with the source's: the `keywords` (as a set,
    ignoring case and order), and every other field the source sets and the translation
    lacks or leaves empty. Required fields missing everywhere are the frontmatter rule's, and
    so is front matter that is no valid YAML (its fields are not missing, only unreadable).

    ## Why it matters
    Keywords drive the site's categories and search: a translation outside its categories
    cannot be found from them.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    keywords: Careers,Degrees and Certifications
    ---
    # API
    <!-- file: nb.md -->
    ---
    translation_key: api
    keywords: Careers
    ---
    # API
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    keywords: Careers,Degrees and Certifications
    ---
    # API
    <!-- file: nb.md -->
    ---
    translation_key: api
    keywords: Careers,Degrees and Certifications
    ---
    # API
    ```
    """

    code = "CL509"
    name = "frontmatter-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        required = set(ctx.config.required_fields)
        source_only = set(ctx.config.source_only_fields)  # `reviewers`: the source's alone
        for p in group.pairings:
            if p.doc.front is None or p.ref.front is None or p.doc.front.error or p.ref.front.error:
                continue  # front matter that is no YAML is the frontmatter rule's finding, once
            mine, theirs = p.doc.meta, p.ref.meta
            if "keywords" in mine and "keywords" in theirs and _keywords(mine["keywords"]) != _keywords(theirs["keywords"]):
                missing = sorted(_keywords(theirs["keywords"]) - _keywords(mine["keywords"]))
                extra = sorted(_keywords(mine["keywords"]) - _keywords(theirs["keywords"]))
                parts = ([f"missing {', '.join(missing)}"] if missing else []) + ([f"extra {', '.join(extra)}"] if extra else [])
                line = field_line(p.doc, "keywords") or 0
                yield self.finding(p.doc, p.doc.lines.start(line), p.doc.lines.end(line),
                                   f"keywords differ from the source's: {'; '.join(parts)}",
                                   related=related(p, field_line(p.ref, "keywords") or 0))
            for key, value in theirs.items():
                if key in required or key in source_only or key in ("lang", "language", "translation_key", "translationKey") or is_empty(value):
                    continue
                if key not in mine or is_empty(mine[key]):
                    line = field_line(p.doc, key) or 0
                    state = "empty" if key in mine else "missing"
                    yield self.finding(p.doc, p.doc.lines.start(line), p.doc.lines.end(line),
                                       f"field '{key}' is {state}; the source sets it", related=related(p, field_line(p.ref, key) or 0))
