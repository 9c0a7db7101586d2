"""`{"findings": [...], "summary": {...}}` — the documented JSON shape."""

from __future__ import annotations

import json


def finding_dict(f, unsafe: bool = False) -> dict:
    data = {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "fixable": bool(f.fix and (f.fix.safe or unsafe)),
    }
    if f.related:  # group findings: the source-language counterpart
        data["related"] = [{"path": r.path, "line": r.line, "message": r.message} for r in f.related]
    return data


def chunks(result):
    """One finding per line: readable, diffable, and encoded by json's fast C encoder."""
    yield '{\n  "findings": ['
    sep = "\n    "
    for f in result.findings:
        yield sep + json.dumps(finding_dict(f, result.unsafe_fixes), ensure_ascii=False)
        sep = ",\n    "
    summary = json.dumps(result.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield ("]" if sep == "\n    " else "\n  ]") + f',\n  "summary": {summary}\n}}\n'
