"""The finding a rule leaves when it fails on a file, instead of a traceback."""

from contentlint.base.findings import Severity
from contentlint.rules.base import EngineRule, RuleFailed


class RuleError(EngineRule):
    """A rule failed on this file; the other rules and files were still checked.

    ## What it does
    Reports a rule that could not finish on a file: a team pattern that ran past its time
    bound, or an error inside the rule. The finding names the rule and, for a pattern, the
    pattern; the run goes on, and its exit code is 2 so the failure is never mistaken for
    findings.

    ## Why it matters
    A rule that stops silently hides the defects it would have found; a crash that stops
    the run hides every other file's.

    ## Example
    ```markdown
    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
    ```

    ## Use instead
    ```markdown
    A pattern that cannot backtrack without bound, such as `a+$`.
    ```
    """

    code = "CL005"
    name = "rule-error"
    severity = Severity.ERROR

    def failed(self, article, rule, exc: Exception):
        """On the file (a document, a record or a file's suppressions: at its start either way)."""
        why = str(exc) if isinstance(exc, RuleFailed) else f"internal error: {exc!r}"
        return self.at_start(article, f"rule '{rule.name}' ({rule.code}) stopped on this file: {why}")

    def stopped(self, article, step: str, exc: Exception):
        """A step before the rules (a group's alignment, say) failed on an article."""
        return self.at_start(article, f"{step} stopped: internal error: {exc!r}; its rules were not run")
