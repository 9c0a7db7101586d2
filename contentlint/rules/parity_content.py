from collections import Counter

from contentlint.blame import Claim, message, settle
from contentlint.findings import Severity
from contentlint.numbers import iter_numbers
from contentlint.parity import number_differences, number_format
from contentlint.parity_kit import KINDS, agreeing, differences, matched_units, related
from contentlint.registry import Rule, register


@register
class LinkMismatch(Rule):
    """Link targets of an aligned paragraph, list item or heading differ from the source's.

    ## What it does
    Compares the relative link targets of each aligned block with the source's: a target
    missing, one added, or one pointing elsewhere. The message names the expected target.
    Absolute URLs may be localised and are not compared. When the translations agree with
    each other and the source differs (`blame = "consensus"`, the default), the difference
    is reported once, on the source, with the number of translations that agree.

    ## Why it matters
    A translated link that points elsewhere sends readers to the wrong article, and nobody
    reading one language can see it.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    The API is sold in [insurance](/insurance) and [finance](/finance).
    <!-- file: nb.md -->
    # API
    API selges i [forsikring](/insurance) og [økonomi](/economy).
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    The API is sold in [insurance](/insurance) and [finance](/finance).
    <!-- file: nb.md -->
    # API
    API selges i [forsikring](/insurance) og [økonomi](/finance).
    ```
    """

    code = "CL505"
    name = "link-mismatch"
    severity = Severity.WARNING
    scope = "group"
    options = {"compare_absolute": False}  # also compare absolute URLs (off: they may be localised)

    def check(self, group, ctx):
        from contentlint.fingerprint import target_key

        absolute = ctx.config.option(self, "compare_absolute")
        key = (lambda target: target.strip()) if absolute else target_key
        claims = []
        for p in group.pairings:
            for r, t in matched_units(p):
                if not absolute and sorted(r.links) == sorted(t.links):
                    continue  # the usual case: the unit's relative targets, as alignment read them
                links = [(key(link.target), link) for link in t.block.links()]
                mine = Counter(k for k, _ in links if k)
                theirs = Counter(k for k in (key(link.target) for link in r.block.links()) if k) if absolute else Counter(r.links)
                used: set[int] = set()
                for want, got in differences(theirs, mine):
                    link = next((lk for k, lk in links if k == got and id(lk) not in used), None) if got else None
                    if link is not None:
                        used.add(id(link))
                    start, end = (link.start, link.end) if link else (t.block.start, t.block.end)
                    kind = KINDS[t.kind]
                    if want and got:
                        msg = f"link to '{got}' where the source links to '{want}'"
                    elif want:
                        msg = f"{kind} is missing the source's link to '{want}'"
                    else:
                        msg = f"link to '{got}' is not in the source's {kind}"
                    claims.append(Claim(p, r, want, got, self.finding(p.doc, start, end, msg,
                                                                      related=related(p, r.block.line))))

        def on_source(c: Claim, n: int):
            r = c.element
            link = next((lk for lk in r.block.links() if key(lk.target) == c.want), None) if c.want else None
            start, end = (link.start, link.end) if link else (r.block.start, r.block.end)
            msg = message("link to", c.want, c.got, n, quote="'")
            return self.finding(c.pairing.ref, start, end, msg, related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)


@register
class NumberMismatch(Rule):
    """The numbers of an aligned paragraph, list item or heading differ from the source's.

    ## What it does
    Compares the numbers of each aligned block after locale-aware normalisation: `1,000.5`,
    `1 000,5` and `1.000,5` are one value; Arabic-Indic and Devanagari digits count as
    digits; a range such as `12–18` or `$1800-2500` gives both ends. A number that the
    translations agree on and the source does not is reported once, on the source
    (`blame = "consensus"`).

    ## Why it matters
    A changed number (a fee, a duration, a year) is a factual error in that language only.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    It takes 12 to 18 months and costs 1,000.5 dollars.
    <!-- file: nb.md -->
    # API
    Det tar 12 til 19 måneder og koster 1 000,5 dollar.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    It takes 12 to 18 months and costs 1,000.5 dollars.
    <!-- file: nb.md -->
    # API
    Det tar 12 til 18 måneder og koster 1 000,5 dollar.
    ```
    """

    code = "CL506"
    name = "number-mismatch"
    severity = Severity.WARNING
    scope = "group"

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            fmt = number_format(p.doc)
            for r, t in matched_units(p):
                diffs = number_differences(r, t)
                if not diffs:
                    continue
                spans = {}
                for value, a, b, _ in iter_numbers(t.text, *fmt):
                    spans.setdefault(value, (t.block.inline.to_file(t.block.c0 + a), t.block.inline.to_file(t.block.c0 + b)))
                for want, got in diffs:
                    start, end = spans.get(got, (t.block.start, t.block.end))
                    if want and got:
                        msg = f"number {got} where the source has {want}"
                    elif want:
                        msg = f"number {want} of the source is missing"
                    else:
                        msg = f"number {got} is not in the source"
                    claims.append(Claim(p, r, want, got, self.finding(p.doc, start, end, msg,
                                                                      related=related(p, r.block.line))))

        def on_source(c: Claim, n: int):
            r = c.element
            start, end = r.block.start, r.block.end
            if c.want:
                fmt = number_format(c.pairing.ref)
                at = next(((a, b) for value, a, b, _ in iter_numbers(r.text, *fmt) if value == c.want), None)
                if at:
                    start, end = (r.block.inline.to_file(r.block.c0 + at[0]), r.block.inline.to_file(r.block.c0 + at[1]))
            return self.finding(c.pairing.ref, start, end, message("number", c.want, c.got, n), related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
