"""Fixes as a patch: a unified diff that `git apply` and `patch -p1` accept.

difflib writes the hunks; what it leaves out, `git apply` needs: the marker after a last line
without a newline (`\\ No newline at end of file`); without it the hunk does not apply.
"""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def unified(old: str, new: str, path: str, context: int = 3) -> str:
    """The diff of one file's text, `path` as the patch names it (relative, `/`-separated)."""
    if old == new:
        return ""
    a, b = _lines(old), _lines(new)
    p = 0  # lines equal at the start, left out of the matcher (its cost grows with the lines)
    while p < min(len(a), len(b)) - 1 and a[p] == b[p]:
        p += 1
    q = 0  # and at the end
    while q < min(len(a), len(b)) - p - 1 and a[-1 - q] == b[-1 - q]:
        q += 1
    p, q = max(0, p - context), max(0, q - context)
    out = []
    for line in difflib.unified_diff(a[p:len(a) - q], b[p:len(b) - q], fromfile=f"a/{path}", tofile=f"b/{path}",
                                     n=context):
        if line.startswith("@@ "):  # hunk lines counted from the file's start, not the part given
            line = _shifted(line, p)
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(out)


def _shifted(header: str, by: int) -> str:
    """`@@ -3,2 +3,4 @@` with both starts moved `by` lines."""
    old, new = header.split(" ")[1:3]

    def move(side: str) -> str:
        start, _, size = side[1:].partition(",")
        return f"{side[0]}{int(start) + by}" + (f",{size}" if size else "")
    return f"@@ {move(old)} {move(new)} @@\n"


def _lines(text: str) -> list[str]:
    """Lines as git counts them: ended by `\n` only (str.splitlines also ends one at U+2028,
    a form feed or a lone `\r`, which git leaves inside the line)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def of_findings(text: str, findings, path: str) -> str:
    """The patch of the safe fixes of a file's findings, as the report offers it: one round
    of the fixes that do not overlap (the ones that do wait, as in `--fix`, for the next run)."""
    from contentlint.engine.fixer import apply_edits, choose

    chosen = choose([f.fix for f in findings if f.fix and f.fix.safe])
    if not chosen:
        return ""
    # one line of context: a paragraph is one long line, and git apply needs no more
    return unified(text, apply_edits(text, [e for fix in chosen for e in fix.edits]), path, context=1)
