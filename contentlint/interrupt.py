"""SIGINT and SIGTERM end a run cleanly: the temporary files of writes in progress are
removed, no traceback is printed, and the exit code is 128 + the signal (130, 143).

The parent turns either signal into an exception, so every `finally` runs (a fix or cache
write removes its temporary file). Workers ignore SIGINT (a terminal sends it to the whole
process group; the parent then ends the pool) and answer SIGTERM, which is how the pool
ends them, by removing their temporary files and leaving at once.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Interrupted(BaseException):
    """A signal ends the run; `code` is the exit code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.code = 128 + signum


def _raise(signum, frame) -> None:
    raise Interrupted(signum)


@contextmanager
def handled() -> Iterator[None]:
    """Around a command-line run in the main thread; the handlers before it come back after
    (a test that calls `main` keeps its own)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {s: signal.signal(s, _raise) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _leave(signum, frame) -> None:
    from contentlint.atomic import remove_temps

    remove_temps()
    os._exit(128 + signum)


def in_worker() -> None:
    """Pool initializer: a worker never prints a traceback for a signal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _leave)
