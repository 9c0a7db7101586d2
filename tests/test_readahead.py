"""Read-ahead announces each task's files in order and stays a window ahead of the results."""

from __future__ import annotations

import os
import threading

from contentlint.engine.readahead import ReadAhead, advise


class Watched(threading.Condition):
    """The read-ahead's condition, telling when its thread blocks: at that moment it has
    announced all it may, so what it announced is checked without sleeping and hoping."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked = threading.Event()

    def wait(self, timeout=None):
        self.blocked.set()
        return super().wait(timeout)


def test_files_are_announced_in_order_a_window_ahead():
    tasks = [[f"{k}a.md", f"{k}b.md"] for k in range(10)]
    announced: list[str] = []
    ahead = ReadAhead(tasks, window=3, announce=announced.append)
    ahead.changed = watched = Watched()
    with ahead:
        assert watched.blocked.wait(5)  # it waits for results before the fourth task
        with watched:
            assert announced == [p for t in tasks[:3] for p in t]
            watched.blocked.clear()
            ahead.advance(4)
        assert watched.blocked.wait(5)  # and again before the eighth
        with watched:
            assert announced == [p for t in tasks[:7] for p in t]
    assert not ahead.thread.is_alive()


def test_stopping_ends_the_thread_however_far_behind_the_results_are():
    ahead = ReadAhead([["a.md"]] * 100, window=1, announce=lambda path: None)
    with ahead:
        pass
    assert not ahead.thread.is_alive()


def test_advising_asks_the_kernel_for_a_file_and_never_raises(tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(os, "posix_fadvise", lambda fd, offset, length, advice: asked.append(advice))
    real = tmp_path / "a.md"
    real.write_text("# A\n", encoding="utf-8")
    advise(str(real))
    assert asked == [os.POSIX_FADV_WILLNEED]
    advise(str(tmp_path / "missing.md"))  # cannot be opened: left to the reader
    assert asked == [os.POSIX_FADV_WILLNEED]

    def refuses(*args):
        raise OSError("not supported here")

    monkeypatch.setattr(os, "posix_fadvise", refuses)
    advise(str(real))  # a kernel that refuses the advice changes nothing
