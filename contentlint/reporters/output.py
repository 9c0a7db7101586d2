"""Writing a report to a file or stream: all or nothing, never through a link out of the checkout."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from contentlint.base import atomic, escape
from contentlint.load.discover import within


def _stream_target(path: str) -> bool:
    """Whether `path` is a stream to write into rather than a file to replace: /dev/null, a
    named pipe, /dev/stdout. A link counts only when it is the system's (/dev, /proc): a
    checkout's `reports/x.json -> ~/.bashrc` is replaced itself, never written through."""
    if os.path.abspath(path).startswith(("/dev/", "/proc/")):
        return True  # the system's, named by the user: /dev/stdout may lead to a file
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)


def leads_out(folder: str, checkout: tuple[str, ...]) -> bool:
    """Whether `folder` lies in one of the `checkout` folders as written but not really: a
    committed `reports -> ~/.config/autostart` must not receive a report."""
    a, real = os.path.abspath(folder), os.path.realpath(folder)
    return any(within(a, (os.path.abspath(b),)) and not within(real, (os.path.realpath(b),)) for b in checkout)


def write_atomic(path: str, pieces: Iterable[str], checkout: tuple[str, ...] = ()) -> None:
    """Write a report to `path` through a temporary file in the same folder, renamed over
    `path` only once every piece is written: a run that fails halfway leaves no truncated
    report (and the previous one intact). The file gets the mode `open` would give it. A
    device or a pipe (`--output /dev/null`) is written into, never replaced; a folder of the
    `checkout` that is a link out of it is refused (a ValueError: exit 2)."""
    if _stream_target(path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
        return
    folder = os.path.dirname(os.path.abspath(path))
    if leads_out(folder, checkout):
        raise ValueError(f"{escape.path(path)}: its folder links out of the checkout: not written")
    os.makedirs(folder, exist_ok=True)
    with atomic.temporary(folder) as (fd, tmp):
        with open(fd, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
            fh.flush()
            os.fchmod(fh.fileno(), 0o666 & ~_umask())  # the mode `open` would give a new report
            os.fsync(fh.fileno())
        os.replace(tmp, path)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask
