"""SIGINT and SIGTERM end a run cleanly: the temporary files of writes in progress are
removed, no traceback is printed, and the exit code is 128 + the signal (130, 143).

The parent turns either signal into an exception, so every `finally` runs; a file being
written is finished or removed first (atomic.py holds the signal meanwhile).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Interrupted(BaseException):
    """A signal ends the run; `code` is the exit code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.code = 128 + signum


_received: list[int] = []  # the signal this run received, once it has


def _raise(signum, frame) -> None:
    _received[:] = [signum]
    raise Interrupted(signum)


def received() -> Interrupted | None:
    """The interrupt of this run, if a signal came: the exception a handler raised may have
    been replaced on its way up (raised inside a lock's release, the pool's machinery says
    `release unlocked lock`), and the run must still end as interrupted."""
    return Interrupted(_received[0]) if _received else None


@contextmanager
def handled() -> Iterator[None]:
    """Around a command-line run in the main thread; the handlers before it come back after
    (a test that calls `main` keeps its own)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    before = {s: signal.signal(s, _raise) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def in_worker() -> None:
    """Pool initializer. A worker ignores SIGINT (a terminal sends it to the whole process
    group; the parent then ends the pool) and keeps the kernel's SIGTERM, which is how the
    pool ends it: at once, whatever it is doing, except while it writes a file (atomic.py
    holds the signal until the file is whole or gone)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
