from contentlint.parity.blame import Claim, settle
from contentlint.base.findings import Severity
from contentlint.parity.kit import agreeing, source_of
from contentlint.rules.base import GroupRule


class ListMismatch(GroupRule):
    """A different number of lists or list items in an aligned section.

    ## What it does
    Counts the lists and list items of each aligned section (the Highlights bullets
    included); items drawn with a wrong marker count as the items they mean.

    ## Why it matters
    A lost Highlights bullet or step is easy to miss when reading one language.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    ## Highlights
    - It is a designation.
    - It takes 12 to 18 months.
    <!-- file: nb.md -->
    # API
    ## Høydepunkter
    - Det er en betegnelse.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    ## Highlights
    - It is a designation.
    - It takes 12 to 18 months.
    <!-- file: nb.md -->
    # API
    ## Høydepunkter
    - Det er en betegnelse.
    - Det tar 12 til 18 måneder.
    ```
    """

    code = "CL504"
    name = "list-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            for r, t in p.sections:
                if not (r and t):
                    continue
                if r.lists != t.lists:
                    claims.append(Claim(p, r, ("lists", r.lists), ("lists", t.lists), self.finding(
                        p.doc, *t.anchor[1:], f"{t.lists} list(s) where the source's '{r.title}' has {r.lists}",
                        related=source_of(p, r))))
                elif r.items != t.items:
                    claims.append(Claim(p, r, ("items", r.items), ("items", t.items), self.finding(
                        p.doc, *t.anchor[1:], f"{t.items} list item(s) where the source's '{r.title}' has {r.items}",
                        related=source_of(p, r))))

        def on_source(c: Claim, n: int):
            what = "list(s)" if c.want[0] == "lists" else "list item(s)"
            return self.finding(c.pairing.ref, *c.element.anchor[1:], f"{c.want[1]} {what} in '{c.element.title}' "
                                f"where {n} translations agree on {c.got[1]}", related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
