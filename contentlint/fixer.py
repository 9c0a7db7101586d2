"""Apply fixes: every non-overlapping edit of a file in one pass, re-lint, repeat to a fixed point."""

from __future__ import annotations

import os
import tempfile

from contentlint.document import Document, encode, with_text
from contentlint.findings import Edit, Finding, Fix

MAX_ROUNDS = 10


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, at = [], 0
    for e in sorted(edits):
        out.append(text[at : e.start])
        out.append(e.content)
        at = e.end
    out.append(text[at:])
    return "".join(out)


def choose(fixes: list[Fix]) -> list[Edit]:
    """Edits of fixes that neither overlap nor touch another; the rest wait for the next round."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: f.span):
        a, b = fix.span
        if any(a <= y and x <= b for x, y in taken):
            continue
        taken.append((a, b))
        edits.extend(fix.edits)
    return edits


def fix_document(doc: Document, lint, unsafe: bool = False) -> tuple[Document, int]:
    """Fix `doc` until no applicable fix remains; `lint(doc)` returns its findings."""
    fixed = 0
    for _ in range(MAX_ROUNDS):
        fixes = [f.fix for f in lint(doc) if f.fix and (f.fix.safe or unsafe)]
        edits = choose(fixes)
        if not edits:
            break
        text = apply_edits(doc.text, edits)
        if text == doc.text:
            break
        fixed += len({id(f) for f in fixes if all(e in edits for e in f.edits)})
        doc = with_text(doc, text)
    return doc, fixed


def write_atomic(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename it over the original,
    so an interrupted write leaves the original intact; permissions are kept."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".contentlint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def save(doc: Document) -> None:
    write_atomic(doc.path, encode(doc))


def fixable_count(findings: list[Finding], unsafe: bool) -> int:
    return sum(1 for f in findings if f.fix and (f.fix.safe or unsafe))
