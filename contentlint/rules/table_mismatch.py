"""CL515 table-mismatch: a table of the source missing, added, or with other rows or columns in the translation."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity import media
from contentlint.rules.base import GroupRule


class TableMismatch(GroupRule):
    """A table of the source missing in the translation, one it adds, or one of another shape.

    ## What it does
    Pairs the tables of the translation with the source's, in document order, by their
    shape: the number of rows (the header row included) and of columns. Reports a table the
    translation lacks, one only it has, and one with a row or a column more or less.

    ## Why it matters
    A row lost in translation is a missing option, value or step, and a table of reference
    values is the part of a page readers trust without reading the text around it.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: flags
    ---
    # Flags

    | flag | default |
    |---|---|
    | `--port` | 8080 |
    | `--host` | localhost |

    <!-- file: de.md -->
    ---
    translation_key: flags
    ---
    # Optionen

    | Option | Standard |
    |---|---|
    | `--port` | 8080 |
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: flags
    ---
    # Flags

    | flag | default |
    |---|---|
    | `--port` | 8080 |
    | `--host` | localhost |

    <!-- file: de.md -->
    ---
    translation_key: flags
    ---
    # Optionen

    | Option | Standard |
    |---|---|
    | `--port` | 8080 |
    | `--host` | localhost |
    ```
    """

    code = "CL515"
    name = "table-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        return media.check(self, group, ctx, media.tables, "table")
