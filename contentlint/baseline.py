"""Baselines: adopt contentlint on an old corpus; only findings not in the baseline fail.

A fingerprint is made of the file's path, the rule, the message and the text of the line the
finding is on, never its number, so it survives unrelated edits above the finding. Equal
fingerprints are counted, so a second identical defect on a new line is still new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

VERSION = 1


def _path(path: str) -> str:
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")


def fingerprint(finding, doc) -> str:
    line = doc.lines.line_text(finding.line - 1).strip() if doc is not None and doc.text else ""
    raw = "\x1f".join((_path(finding.path), finding.rule, finding.message, line))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def write(path: str, findings, docs) -> int:
    rows = sorted(({"fingerprint": fingerprint(f, docs.get(f.path)), "path": _path(f.path), "rule": f.rule,
                    "message": f.message} for f in findings), key=lambda r: (r["path"], r["rule"], r["fingerprint"]))
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"version": VERSION, "findings": rows}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(rows)


def read(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such baseline file") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a baseline file (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ValueError(f"{path}: not a contentlint baseline (version {VERSION})")
    return Counter(row["fingerprint"] for row in data["findings"])


def subtract(findings, docs, known: Counter) -> tuple[list, int]:
    """Findings not in the baseline, and how many were."""
    left, kept = Counter(known), []
    for f in findings:
        key = fingerprint(f, docs.get(f.path))
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(f)
    return kept, len(findings) - len(kept)
