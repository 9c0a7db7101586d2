"""Apply fixes: every non-overlapping edit of a file in one pass, re-lint, repeat to a fixed point.

Writing loses nothing: the file is replaced atomically (a temporary file renamed over it)
and only if it still holds the bytes that were linted, so an edit made meanwhile survives;
a link is kept (its target is rewritten), a hard link is never split, and owner, group and
mode stay. What cannot be written that way is not written, and a `fix-not-written` finding
says why.
"""

from __future__ import annotations

import os
import stat

from contentlint.base import atomic
from contentlint.load.document import Document, Unreadable, encode, read, with_text
from contentlint.base.findings import Edit, Fix
from contentlint.load.document import digest

MAX_ROUNDS = 10
before_replace = None  # tests: called with the path between writing the new text and replacing


class NotWritten(Exception):
    """Why a fixed file was left as it was."""


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, at = [], 0
    for e in sorted(edits):
        out.append(text[at : e.start])
        out.append(e.content)
        at = e.end
    out.append(text[at:])
    return "".join(out)


def choose(fixes: list[Fix]) -> list[Fix]:
    """Fixes that neither overlap nor touch another; the rest wait for the next round. In
    order of their start, so one comparison with the end of the last one taken decides."""
    chosen: list[Fix] = []
    end = -1
    for fix in sorted(fixes, key=lambda f: f.span):
        a, b = fix.span
        if a > end:
            chosen.append(fix)
            end = b
    return chosen


def fix_document(doc: Document, lint, unsafe: bool = False) -> tuple[Document, int]:
    """Fix `doc` until no applicable fix remains; `lint(doc)` returns its findings."""
    fixed = 0
    for _ in range(MAX_ROUNDS):
        chosen = choose([f.fix for f in lint(doc) if f.fix and (f.fix.safe or unsafe)])
        if not chosen:
            break
        text = apply_edits(doc.text, [e for fix in chosen for e in fix.edits])
        if text == doc.text:
            break
        fixed += len(chosen)
        doc = with_text(doc, text)
    return doc, fixed


def _current(path: str) -> tuple[str, os.stat_result]:
    try:
        data, st = read(path)
    except Unreadable as exc:  # no longer a regular file, or grown past the limit
        raise NotWritten(str(exc)) from None
    return digest(data), st


def write_atomic(path: str, data: bytes, read_digest: str | None = None) -> None:
    """Replace the file at `path` (a link's target) with `data` through a temporary file in
    its folder, keeping owner, group and mode; with `read_digest`, only while the file still
    holds the bytes of that hash. Raises NotWritten when it must leave the file as it is."""
    target = os.path.realpath(path)
    st = os.stat(target)
    if st.st_nlink > 1:
        raise NotWritten(f"the file has {st.st_nlink} hard links, and replacing it would split them")
    if read_digest is not None and _current(target)[0] != read_digest:
        raise NotWritten("the file changed after it was read")

    def prepare(fd: int) -> None:
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.fchown(fd, st.st_uid, st.st_gid)
            except PermissionError:
                raise NotWritten("its owner or group could not be kept") from None
        os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after fchown, which clears setuid and setgid
        if before_replace is not None:
            before_replace(path)
        if read_digest is not None:  # the last look: an edit made while this one was written wins
            now, now_st = _current(target)
            if now != read_digest or now_st.st_ino != st.st_ino:
                raise NotWritten("the file changed while its fixes were written")

    atomic.replace(os.path.dirname(target), target, data, prepare)


def save(doc: Document, read_digest: str) -> None:
    write_atomic(doc.path, encode(doc), read_digest)

