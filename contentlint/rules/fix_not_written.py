"""The finding `--fix` leaves on a file whose fixes it could not write without losing something."""

from contentlint.base.findings import Severity
from contentlint.rules.base import EngineRule


class FixNotWritten(EngineRule):
    """`--fix` left this file as it was: writing it would have lost something.

    ## What it does
    Reports a file whose safe fixes were found but not written: it changed after it was
    read (another editor or process wrote to it; its edit is kept), it has several hard
    links (replacing it would split them), its owner or group could not be kept, or the
    folder could not be written. The file's other findings are reported as usual.

    ## Why it matters
    A fixer that overwrites a concurrent edit, or silently turns a shared file into a
    private copy, loses work nobody notices.

    ## Example
    ```markdown
    A line another process appended while `--fix` ran ,.
    ```

    ## Use instead
    ```markdown
    Run `contentlint check --fix` again once the other edit is saved.
    ```
    """

    code = "CL004"
    name = "fix-not-written"
    severity = Severity.WARNING

    def because(self, doc, why: str):
        return self.at_start(doc, f"fixes not written: {why}")
