from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

NAMES = {"–": "an en dash", "—": "an em dash", "•": "a bullet character", "-": "a hyphen", "--": "a double hyphen"}


class DashBullet(DocumentRule):
    """A list item drawn with a dash or bullet character instead of a Markdown marker.

    ## What it does
    Finds lines that start with an en dash, em dash or bullet character and a space
    (`– API er …`), a double hyphen (`-- API er …`, `--AFSBは…`), a hyphen glued to a
    word (`-今年…`), or a number glued to a line of a script written without spaces
    (`1.一般的に…`), where a list item is meant;
    also such lines mixed into a real list.

    ## Why it matters
    They render as separate paragraphs, not as a list: the Highlights lose their bullets
    and the article's structure no longer matches its source.

    ## Example
    ```markdown
    – API er en profesjonsbetegnelse.

    – Det administreres av The Institutes.
    ```

    ## Use instead
    ```markdown
    - API er en profesjonsbetegnelse.

    - Det administreres av The Institutes.
    ```
    """

    code = "CL102"
    name = "dash-bullet"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        for lst in doc.intended.lists:
            real = [i.marker for i in lst.items if not (i.wrong_marker or i.missing_space)]
            marker = real[0] if real and real[0] in "-*+" else "-"
            for item in lst.items:
                width = len(item.marker)
                if item.wrong_marker:
                    fix = Fix.replace(item.start, item.start + width, marker, message=f"use '{marker} '")
                    message = f"list item drawn with {NAMES[item.marker]} '{item.marker}': use '{marker} '"
                elif item.missing_space and item.marker[-1:] in ".)":  # `1.項目`: keep the number, add the space
                    fix = Fix.replace(item.start + width, item.start + width, " ", message=f"use '{item.marker} '")
                    message = f"list marker '{item.marker}' is missing its space: use '{item.marker} '"
                elif item.missing_space:
                    fix = Fix.replace(item.start, item.start + width, f"{marker} ", message=f"use '{marker} '")
                    message = f"list marker '{item.marker}' is missing its space: use '{marker} '"
                else:
                    continue
                yield self.finding(doc, item.start, item.start + width, message, fix)
