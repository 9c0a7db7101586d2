"""SARIF 2.1.0: rules with help from their docs, results with regions in UTF-16 columns
(the spec's default `columnKind`), the source-language counterpart as a related location.

Artifact URIs are percent-encoded (RFC 3986) from a path's bytes, so any file name, even one
that is not UTF-8, is a valid URI that names exactly that file; message texts go through
`escape.message`."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from urllib.parse import quote

from contentlint import __version__
from contentlint.base.findings import Severity
from contentlint.base.escape import message as _m

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """A relative URI reference: only unreserved characters and "/" are left as they are (a
    ":" in the first segment would otherwise read as a scheme)."""
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return _encoded(rel.replace(os.sep, "/"))


@lru_cache(maxsize=4096)  # each path is named by every one of its findings
def _encoded(rel: str) -> str:
    return quote(os.fsencode(rel), safe="/")


def utf16_column(doc, line: int, column: int) -> int:
    """A 1-based character column as a 1-based UTF-16 code unit column."""
    if doc is None or not doc.text or line - 1 >= len(doc.lines):
        return column
    before = doc.lines.line_text(line - 1)[: column - 1]
    return len(before.encode("utf-16-le")) // 2 + 1


def _region(docs, path: str, line: int, column: int | None = None, end_line: int | None = None,
            end_column: int | None = None) -> dict:
    doc = docs.get(path)
    region = {"startLine": max(line, 1)}
    if column is not None:
        region["startColumn"] = utf16_column(doc, line, column)
        region["endLine"] = max(end_line or line, 1)
        region["endColumn"] = max(utf16_column(doc, end_line or line, end_column or column), region["startColumn"])
    return region


def rule_descriptor(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.section("What it does") or rule.summary()},
        "help": {"text": rule.docs(), "markdown": rule.docs()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable, "scope": rule.scope.value},
    }


def _result(f, index: dict, docs) -> dict:
    item = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": _m(f.message)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(f.path)},
            "region": _region(docs, f.path, f.line, f.column, f.end_line, f.end_column),
        }}],
    }
    if f.related:
        item["relatedLocations"] = [
            {"id": k, "message": {"text": _m(r.message or "related")},
             "physicalLocation": {"artifactLocation": {"uri": _uri(r.path)},
                                  "region": _region(docs, r.path, r.line)}}
            for k, r in enumerate(f.related)
        ]
    if f.fix:
        doc = docs.get(f.path)
        item["fixes"] = [{"description": {"text": _m(f.fix.message or "fix")}, "artifactChanges": [{
            "artifactLocation": {"uri": _uri(f.path)},
            "replacements": [_replacement(doc, e) for e in f.fix.edits],
        }]}]
    return item


_HOLE = "\0results\0"


FORMAT = "sarif"


def write(result, options):
    """The log as json.dumps(indent=2) would write it, its results written one by one."""
    rules = result.rules
    index = {r.code: i for i, r in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "contentlint", "version": __version__, "semanticVersion": __version__,
                                "rules": [rule_descriptor(r) for r in rules]}},
            "columnKind": "utf16CodeUnits",
            "results": [_HOLE],
        }],
    }
    head, tail = (json.dumps(log, ensure_ascii=False, indent=2) + "\n").split(json.dumps(_HOLE), 1)
    indent = head[head.rindex("\n") + 1 :]
    yield head[: head.rindex("[") + 1]
    sep = "\n"
    for f in result.findings:
        yield sep + indent + json.dumps(_result(f, index, result.docs), ensure_ascii=False, indent=2).replace(
            "\n", "\n" + indent)
        sep = ",\n"
    yield ("" if sep == "\n" else "\n" + indent[:-2]) + tail[tail.index("]") :]


def _replacement(doc, edit) -> dict:
    line, column = doc.position(edit.start)
    end_line, end_column = doc.position(edit.end)
    return {
        "deletedRegion": {"startLine": line, "startColumn": utf16_column(doc, line, column),
                          "endLine": end_line, "endColumn": utf16_column(doc, end_line, end_column)},
        "insertedContent": {"text": edit.content},
    }
