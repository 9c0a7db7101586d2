from contentlint.load import prose
from contentlint.base.findings import Edit, Fix, Severity
from contentlint.rules.base import DocumentRule

MARKS = ",;:.。、，；：।॥،؛۔"  # clause and sentence marks of every script (`?` and `!` may end a title)
UNSPACED = "。、，；："  # CJK marks: no space follows them


class LinkTextPunctuation(DocumentRule):
    """Punctuation at the end of a link's text that belongs after the link.

    ## What it does
    Finds link text ending in `,` `;` `:` or `.`, or the clause and sentence marks of other
    scripts (`。` `、` `，` `।` `،` `۔`): `[høyt nivå,](/strategic-management)`, `[本文。](/x)`,
    and moves the mark after the link. An ellipsis or an abbreviation (`[Acme Inc.](/acme)`)
    is left alone.

    ## Why it matters
    The mark becomes part of the underlined link, and translations drift from the source's
    sentence structure.

    ## Example
    ```markdown
    Planlegging av [strategier på høyt nivå,](/strategic-management) for eksempel.
    ```

    ## Use instead
    ```markdown
    Planlegging av [strategier på høyt nivå](/strategic-management), for eksempel.
    ```
    """

    code = "CL203"
    name = "link-text-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        text = doc.text
        for link in doc.links:
            label = text[link.text_start : link.text_end]
            body = label.rstrip()
            if link.autolink or len(body) < 2 or body[-1] not in MARKS or body[-2] in MARKS:
                continue
            if body[-1] == "." and prose.ends_with_abbreviation(body):
                continue
            mark = body[-1]
            cut = link.text_start + len(body[:-1].rstrip())
            after = text[link.end : link.end + 1]
            moved = "" if after == mark else mark + (" " if after.isalnum() and mark not in UNSPACED else "")
            fix = Fix((Edit(cut, link.text_end, ""), Edit(link.end, link.end, moved)), message=f"move '{mark}' after the link")
            yield self.finding(doc, link.text_start + len(body) - 1, link.text_start + len(body),
                               f"'{mark}' ends the link text; it belongs after the link", fix)
