from contentlint.parity.blame import Claim, settle
from contentlint.base.findings import Severity
from contentlint.parity.kit import agreeing, source_of
from contentlint.rules.base import GroupRule


class ParagraphMismatch(GroupRule):
    """A different number of paragraphs in an aligned section.

    ## What it does
    Counts the paragraphs of each aligned section in the translation and its source. A list
    item that lost its marker (`1.` gone, or `1.text` with no space) reads as a paragraph: where
    the items lost are the paragraphs gained, the defect is list-mismatch's, reported once.

    ## Why it matters
    A paragraph lost (or merged, or split) in translation changes what the reader learns.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    ## What Is It?
    The [API](/api) is a designation.

    It takes 12 to 18 months.
    <!-- file: nb.md -->
    # API
    ## Hva er det?
    [API](/api) er en betegnelse.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    ## What Is It?
    The [API](/api) is a designation.

    It takes 12 to 18 months.
    <!-- file: nb.md -->
    # API
    ## Hva er det?
    [API](/api) er en betegnelse.

    Det tar 12 til 18 måneder.
    ```
    """

    code = "CL503"
    name = "paragraph-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = [Claim(p, r, r.paragraphs, t.paragraphs, self.finding(
                      p.doc, *t.anchor[1:], f"{t.paragraphs} paragraph(s) where the source's '{r.title}' has "
                      f"{r.paragraphs}", related=source_of(p, r)))
                  for p in group.pairings for r, t in p.sections if r and t and r.paragraphs != t.paragraphs
                  and not _items_as_paragraphs(r, t)]

        def on_source(c: Claim, n: int):
            return self.finding(c.pairing.ref, *c.element.anchor[1:], f"{c.want} paragraph(s) in '{c.element.title}' "
                                f"where {n} translations agree on {c.got}", related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)


def _items_as_paragraphs(r, t) -> bool:
    """The paragraphs gained are the list items lost (or the other way): items whose markers
    went, which list-mismatch reports."""
    return r.items != t.items and r.paragraphs + r.items == t.paragraphs + t.items
