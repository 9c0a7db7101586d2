"""Read-ahead announces each task's files in order and stays a window ahead of the results."""

from __future__ import annotations

import threading
import time

from contentlint.readahead import ReadAhead, advise


def wait_for(predicate, seconds: float = 5.0) -> None:
    end = time.monotonic() + seconds
    while not predicate() and time.monotonic() < end:
        time.sleep(0.005)


def test_files_are_announced_in_order_a_window_ahead():
    tasks = [[f"{k}a.md", f"{k}b.md"] for k in range(10)]
    announced: list[str] = []
    lock = threading.Lock()

    def announce(path):
        with lock:
            announced.append(path)

    with ReadAhead(tasks, window=3, announce=announce) as ahead:
        wait_for(lambda: len(announced) == 6)
        time.sleep(0.05)  # and no further
        assert announced == [p for t in tasks[:3] for p in t]
        ahead.advance(4)
        wait_for(lambda: len(announced) == 14)
        time.sleep(0.05)
        assert announced == [p for t in tasks[:7] for p in t]
    assert not ahead.thread.is_alive()


def test_stopping_ends_the_thread_however_far_behind_the_results_are():
    ahead = ReadAhead([["a.md"]] * 100, window=1, announce=lambda path: None)
    with ahead:
        pass
    assert not ahead.thread.is_alive()


def test_advising_a_missing_or_real_file_never_raises(tmp_path):
    real = tmp_path / "a.md"
    real.write_text("# A\n", encoding="utf-8")
    advise(str(real))
    advise(str(tmp_path / "missing.md"))
    advise(str(tmp_path))  # a folder
