from contentlint.findings import Severity
from contentlint.registry import Rule, register


@register
class UnusedSuppression(Rule):
    """A `contentlint-disable` comment that suppresses nothing.

    ## What it does
    Reports an inline suppression (`<!-- contentlint-disable RULE -->`,
    `-disable-next-line`, `-disable-file`) that covered no finding in this run, and one
    that names no known rule.

    ## Why it matters
    A stale suppression hides the next real defect at that place.

    ## Example
    ```markdown
    <!-- contentlint-disable-next-line stray-punctuation -->
    A sentence without any stray punctuation.
    ```

    ## Use instead
    ```markdown
    A sentence without any stray punctuation.
    ```
    """

    code = "CL003"
    name = "unused-suppression"
    severity = Severity.INFO
    scope = "suppression"  # reported by the run after every other rule (run.py)

    def check(self, doc, ctx):  # pragma: no cover - the run reports these
        return iter(())

    def report(self, doc, suppressions, ctx, running):
        """`running`: the rules of this run; a suppression of rules that did not run is not judged."""
        from contentlint.registry import matches
        from contentlint.suppress import unknown

        bad = set(unknown(suppressions))
        for s in suppressions.items:
            names = [sel for sel in s.selectors if sel in bad]
            if names:
                yield self.finding(doc, s.start, s.end, f"suppression names no known rule: {', '.join(names)}")
            elif s.selectors and not any(matches(r, sel) for r in running for sel in s.selectors if r is not self):
                continue
            elif not s.used:
                what = ", ".join(s.selectors) or "every rule"
                yield self.finding(doc, s.start, s.end, f"contentlint-{s.kind} ({what}) suppresses nothing")
