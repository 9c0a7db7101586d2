from contentlint.parity.blame import Claim, message, settle
from contentlint.base.findings import Severity
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.alignment import number_differences, number_format
from contentlint.parity.kit import agreeing, matched_units, related
from contentlint.rules.base import GroupRule


class NumberMismatch(GroupRule):
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
                    spans.setdefault(value, t.block.file_span(a, b))
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
                    start, end = r.block.file_span(*at)
            return self.finding(c.pairing.ref, start, end, message("number", c.want, c.got, n), related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
