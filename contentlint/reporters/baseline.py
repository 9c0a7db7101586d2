"""Baselines: adopt contentlint on an old corpus; only findings not in the baseline fail.

A fingerprint is made of the file's path, the rule, the message and the text of the line the
finding is on, never its number, so it survives unrelated edits above the finding. Equal
fingerprints are counted, so a second identical defect on a new line is still new.

Paths are taken relative to the configuration's folder (`config.config_root`, "." without
one), not to where contentlint runs, so the same checkout gives the same fingerprints from
any folder. A baseline file may come with a checkout, so reading one checks its whole shape
and names the file in the error.

A `rule-error` finding (a rule that failed on a file) is never written to a baseline nor
hidden by one: a failure of the linter is not a defect to adopt.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

from contentlint.base import escape
from contentlint.reporters.output import write_atomic

VERSION = 1
NEVER = "rule-error"


def _path(path: str, root: str = ".") -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


def fingerprint(finding, doc, root: str = ".") -> str:
    line = doc.lines.line_text(finding.line - 1).strip() if doc is not None and doc.text else ""
    raw = "\x1f".join((_path(finding.path, root), finding.rule, finding.message, line))
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes (valid names as before)
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def write(path: str, findings, docs, root: str = ".") -> int:
    """Record `findings` in `path` (atomically); how many. The rows' path and message are for
    people reading the file: escaped, so any file name can be written."""
    rows = sorted(({"fingerprint": fingerprint(f, docs.get(f.path), root), "path": escape.path(_path(f.path, root)),
                    "rule": f.rule, "message": escape.message(f.message)} for f in findings if f.rule != NEVER),
                  key=lambda r: (r["path"], r["rule"], r["fingerprint"]))
    text = json.dumps({"version": VERSION, "findings": rows}, ensure_ascii=False, indent=1) + "\n"
    write_atomic(path, [text], (root, os.getcwd()))
    return len(rows)


def read(path: str) -> Counter:
    """The fingerprints of a baseline file, counted; ValueError naming the file if it is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such baseline file") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a baseline file (line {exc.lineno}: {exc.msg})") from None
    except (UnicodeDecodeError, RecursionError) as exc:  # not UTF-8; nested beyond what json reads
        raise ValueError(f"{path}: not a baseline file ({type(exc).__name__})") from None
    except OSError as exc:  # a folder, no permission
        raise ValueError(f"{path}: cannot read the baseline file ({exc.strerror or exc})") from None
    if not isinstance(data, dict) or type(data.get("version")) is not int or data["version"] != VERSION \
            or not isinstance(data.get("findings"), list):  # type(): `true` is not version 1
        raise ValueError(f"{path}: not a contentlint baseline (version {VERSION})")
    for n, row in enumerate(data["findings"]):
        if not isinstance(row, dict) or not isinstance(row.get("fingerprint"), str):
            raise ValueError(f"{path}: finding {n + 1} of the baseline has no fingerprint string")
    return Counter(row["fingerprint"] for row in data["findings"])


def subtract(findings, docs, known: Counter, root: str = ".") -> tuple[list, int]:
    """Findings not in the baseline, and how many were."""
    left, kept, hidden = Counter(known), [], 0
    for f in findings:  # one pass: `findings` may be the run's stream
        key = fingerprint(f, docs.get(f.path), root)
        if f.rule != NEVER and left[key] > 0:
            left[key] -= 1
            hidden += 1
        else:
            kept.append(f)
    return kept, hidden
