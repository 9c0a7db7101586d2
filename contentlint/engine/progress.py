"""A progress line on stderr for long runs, only when stderr is a terminal."""

from __future__ import annotations

import sys
import time

MIN_FILES = 200  # short runs finish before a bar would help


class Progress:
    def __init__(self, total: int, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.on = total >= MIN_FILES and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = 0.0

    def update(self, stage: str, done: int) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if done < self.total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = width * done // max(self.total, 1)
        self.stream.write(f"\r{stage:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
