"""`{"findings": [...], "summary": {...}}` — the documented JSON shape.

Paths go through `escape.path` (reversible: `escape.unescape` gives a name's bytes back, even
one that is not UTF-8, which JSON could not hold), messages and rule names through
`escape.message`: a consumer that prints them cannot be made to run terminal sequences."""

from __future__ import annotations

import json

from contentlint.base.escape import message as _m, path as _p


def finding_dict(f, unsafe: bool = False) -> dict:
    data = {
        "path": _p(f.path),
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": _m(f.code),
        "rule": _m(f.rule),
        "severity": str(f.severity),
        "message": _m(f.message),
        "fixable": bool(f.fix and (f.fix.safe or unsafe)),
    }
    if f.related:  # group findings: the source-language counterpart
        data["related"] = [{"path": _p(r.path), "line": r.line, "message": _m(r.message)} for r in f.related]
    return data


FORMAT = "json"


def write(result, options):
    """One finding per line: readable, diffable, and encoded by json's fast C encoder."""
    yield '{\n  "findings": ['
    sep = "\n    "
    for f in result.findings:
        yield sep + json.dumps(finding_dict(f, result.unsafe_fixes), ensure_ascii=False)
        sep = ",\n    "
    summary = json.dumps(result.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield ("]" if sep == "\n    " else "\n  ]") + f',\n  "summary": {summary}\n}}\n'
