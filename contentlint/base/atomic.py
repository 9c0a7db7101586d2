"""Files written whole or not at all: the new bytes go to a temporary file in the target's
folder, which is then renamed over the target (a rename replaces a link itself, never what
it points to).

SIGINT and SIGTERM wait while a temporary file exists: a signal that arrives meanwhile is
delivered once the file is renamed into place or removed, so no `.contentlint-*` file
holding a whole article is ever left behind, and a worker process keeps the kernel's own
SIGTERM (an immediate end, whatever it was doing) instead of a Python handler that a busy
worker might never run.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def temporary(folder: str, prefix: str = ".contentlint-") -> Iterator[tuple[int, str]]:
    """A new 0600 file in `folder`: (descriptor, path), removed on the way out unless it was
    renamed into place meanwhile; SIGINT and SIGTERM wait until then."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=folder)
        try:
            yield fd, tmp
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def replace(folder: str, target: str, data: bytes, prepare=None, prefix: str = ".contentlint-") -> None:
    """Write `data` to a temporary file in `folder` and rename it to `target`; `prepare(fd)`
    runs on the written file just before the rename (owner, mode, last checks)."""
    with temporary(folder, prefix) as (fd, tmp):
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if prepare is not None:
                prepare(fh.fileno())
        os.replace(tmp, target)
