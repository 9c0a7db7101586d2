from contentlint.base.findings import Finding, Severity
from contentlint.rules.base import SuppressionRule


class UnusedSuppression(SuppressionRule):
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

    def check(self, marked, ctx):
        """A suppression of rules that did not run in this run is not judged."""
        for s in marked.marks.items:
            bad = [sel for sel in s.selectors if not any(r.selected_by(sel) for r in marked.known)]
            if bad:
                message = f"suppression names no known rule: {', '.join(bad)}"
            elif s.selectors and not any(r.selected_by(sel) for r in marked.running for sel in s.selectors
                                         if r is not self):
                continue
            elif not s.used:
                message = f"contentlint-{s.kind} ({', '.join(s.selectors) or 'every rule'}) suppresses nothing"
            else:
                continue
            yield Finding(marked.path, s.start, s.end, *s.position, *s.end_position, self.code, self.name,
                          self.severity, message, None, [])
