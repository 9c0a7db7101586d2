from contentlint.parity.blame import Claim, settle
from contentlint.base.findings import Severity
from contentlint.parity.kit import agreeing, source_of
from contentlint.rules.base import GroupRule


class OutlineMismatch(GroupRule):
    """A section missing or extra in a translation, or a heading level that differs.

    ## What it does
    Aligns the translation's sections with its source's (sequence alignment on the intended
    outline, so one missing section shifts nothing) and reports a source section with no
    counterpart, a section the source does not have, and an aligned heading of another
    level. The message quotes the source heading. A heading written without its space counts
    as the heading it means; a renamed Highlights section is missing-highlights' finding.

    ## Why it matters
    A lost section is content the reader of that language never gets.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    ## What Is It?
    The [API](/api) is a designation.
    ## How It Works
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
    ## How It Works
    It takes 12 to 18 months.
    <!-- file: nb.md -->
    # API
    ## Hva er det?
    [API](/api) er en betegnelse.
    ## Hvordan det fungerer
    Det tar 12 til 18 måneder.
    ```
    """

    code = "CL502"
    name = "outline-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            present = [t for _, t in p.sections if t is not None]
            previous = None  # the last reference section before this point: where an extra one stands
            for k, (r, t) in enumerate(p.sections):
                if r is not None and t is None:
                    # point at the translation's next section, or its last one when nothing follows
                    following = next((t2 for _, t2 in p.sections[k + 1 :] if t2 is not None), None)
                    at = following or (present[-1] if present else None)
                    where = "before this section" if following else "after this section"
                    claims.append(Claim(p, r, "section", None, self.finding(
                        p.doc, *(at.anchor[1:] if at else (0, 0)), f"section missing: the source has '{r.title}' {where}",
                        related=source_of(p, r))))
                elif r is None and t is not None:
                    claims.append(Claim(p, previous, None, "section", self.finding(
                        p.doc, *t.anchor[1:], f"extra section '{t.title}': the source has no such section",
                        related=source_of(p, t)), key=("extra", id(previous))))
                elif r and t and r.level != t.level:
                    claims.append(Claim(p, r, r.level, t.level, self.finding(
                        p.doc, *t.anchor[1:], f"heading level H{t.level} where the source has '{r.title}' (H{r.level})",
                        related=source_of(p, r))))
                previous = r or previous

        def on_source(c: Claim, n: int):
            ref, r = c.pairing.ref, c.element
            anchor = r.anchor[1:] if r is not None else (0, 0)
            if c.got is None:
                msg = f"section '{r.title}' that {n} translations do not have"
            elif c.want is None:
                msg = f"{n} translations have a section {'after' if r else 'before'} this one that the source lacks"
            else:
                msg = f"heading level H{c.want} where {n} translations agree on H{c.got}"
            return self.finding(ref, *anchor, msg, related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
