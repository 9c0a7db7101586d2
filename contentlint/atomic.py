"""Files written whole or not at all: the new bytes go to a temporary file in the target's
folder, which is then renamed over the target (a rename replaces a link itself, never what
it points to). Every temporary file in progress is registered from the moment it exists, so
SIGINT or SIGTERM removes it (interrupt.py) and no `.contentlint-*` file holding a whole
article is left behind.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

_temps: set[str] = set()
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def temporary(folder: str, prefix: str = ".contentlint-") -> Iterator[tuple[int, str]]:
    """A new 0600 file in `folder`: (descriptor, path). Removed on the way out unless it was
    renamed into place meanwhile. Signals wait while it is created and registered, so none
    can fall between the two."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=folder)
        _temps.add(tmp)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    try:
        yield fd, tmp
    finally:
        _temps.discard(tmp)
        if os.path.lexists(tmp):
            os.unlink(tmp)


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


def remove_temps() -> None:
    """Delete the temporary files of writes in progress (a signal is ending the run)."""
    for tmp in list(_temps):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _temps.clear()
