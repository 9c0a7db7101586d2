"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

Text from the checkout is escaped twice: first by `escape` (no control character, no
undecodable byte survives: a newline in a file name becomes the two characters `\\n`),
then exactly as GitHub's toolkit escapes workflow-command data and property values
(@actions/core `escapeData`, `escapeProperty`), so no value can end its command or start
another."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.base.escape import message as _m, path as _p

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


FORMAT = "github"


def write(result, options):
    for f in result.findings:
        props = (f"file={_property(_p(f.path))},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_property(_m(f'{f.code} {f.rule}'))}")
        message = _m(f.message) + "".join(f" ({_m(r.message)}: {_p(r.path)}:{r.line})" for r in f.related)
        yield f"::{COMMANDS[f.severity]} {props}::{_data(message)}\n"
