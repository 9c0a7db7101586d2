"""ruff-style lines: `path:line:col: CODE rule-name message`, then a summary.

Paths and messages come from the checkout: each goes through `escape`, so a
file name with a newline cannot start a line of its own and an ESC sequence in it cannot
act on the terminal. Only the colour codes added here are written as they are."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.base.escape import message as _m, path as _p

COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "34"}


def _c(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


FORMAT = "text"


def write(result, options):
    color, unsafe = options.color, result.unsafe_fixes
    for f in result.findings:
        mark = " [*]" if f.fix and (f.fix.safe or unsafe) else ""
        # codes and names are the catalogue's (`CL\d{3}`, kebab-case: rules.base.check_identity)
        where, code = f"{_p(f.path)}:{f.line}:{f.column}:", f.code
        if color:
            where, code = _c(where, "1", True), _c(code, COLORS[f.severity], True)
        yield f"{where} {code} {f.rule} {_m(f.message)}{mark}\n"
        for r in f.related:
            yield f"    {_m(r.message or 'see')}: {_p(r.path)}:{r.line}\n"
    s = result.summary()
    n, files = s["findings"], s["files"]
    noun = "finding" if n == 1 else "findings"
    line = f"Found {n} {noun} in {files} file{'s' if files != 1 else ''}"
    if s["fixed"]:
        line += f"; fixed {s['fixed']}"
    if s["fixable"]:
        line += f" ({s['fixable']} fixable with --fix)"
    yield (line + "." if n or s["fixed"] else f"All checks passed ({files} file{'s' if files != 1 else ''}).") + "\n"
