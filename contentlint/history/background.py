"""The logs of a run's repositories, read by git while the lint runs.

A whole check computes each article's lags in the lint's workers, from the documents they
have just parsed (stage.py `article_lags`). Reading the logs first would leave the lint
waiting on git (2.8 s of 20,000 commits, the cores half used while git starts, cuts the
line and Python reads its text); so git reads them beside the lint instead, into a private
temporary folder, and each worker, forked before they were read, takes them from there once
they are complete. An article checked before then is kept by its worker (its texts and
blocks) and computed with a later one; one it could not keep, the history stage computes
afterwards, as any article the workers did not.

Only git writes the logs, through this process, into a folder only this user can open; the
files are git's own text, read back by the parser that reads git's output.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time

from contentlint.history import git
from contentlint.history.lag import Settings
from contentlint.history.stage import Repositories

DONE, FAILED = "done", "failed"  # marks in the folder: the logs are complete, or git failed


class Background:
    def __init__(self, settings: Settings, roots: list[str], paths: list[str], jobs: int, logs=None) -> None:
        self.settings, self.roots, self.jobs, self.logs = settings, roots, jobs, logs
        self.tops: dict[str, bool] = {}  # repository top -> shallow
        for path in paths:
            found = git.repository(path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)))
            if found is not None:
                self.tops.setdefault(os.path.realpath(found[0]), found[1])
        self.folder = tempfile.mkdtemp(prefix="contentlint-history-") if self.tops else ""
        self.error: Exception | None = None
        self._repos: Repositories | None = None  # a worker's, once the logs are read
        self._mine: Repositories | None = None  # the run's process's
        self.held: list[tuple[list, list]] = []  # a worker's articles until the logs are read (engine/history.py)
        self.held_documents = 0
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._waited = False  # a worker has waited for the logs (awaited)

    def start(self) -> None:
        """Git starts reading, in a thread of this process: only once the lint's workers are
        forked (engine/workers.py). A process forked while git starts would inherit the ends
        of its pipes, and the run would wait on git while workers wait for the logs."""
        if self.tops and self._thread.ident is None:
            self._thread.start()

    def _read(self) -> None:
        """In a thread of the run's process: each repository's log and status, written to the
        folder, the folder marked done last (a worker takes nothing half written)."""
        try:
            inside = Repositories(self.settings, self.roots).roots_in
            for k, (top, shallow) in enumerate(sorted(self.tops.items())):
                (head, depth), roots = git.head_of(top), inside(top)
                status = git.status_of(top, roots)
                raw = git.kept_log(self.logs, top, head, depth, roots, self.jobs)
                for name, data in ((f"{k}.log", raw), (f"{k}.status", status),
                                   (f"{k}.json", json.dumps([top, head, shallow]).encode())):
                    with open(os.path.join(self.folder, name), "wb") as f:
                        f.write(data)
            with open(os.path.join(self.folder, DONE), "wb"):
                pass
            self._mine = self._load(frozen=False)  # while the lint still runs
        except (git.GitError, OSError) as e:  # the history stage reads the logs again, and says why
            self.error = e
            try:  # workers waiting for the logs stop waiting
                with open(os.path.join(self.folder, FAILED), "wb"):
                    pass
            except OSError:
                pass

    def repositories(self) -> Repositories | None:
        """In a worker: the repositories with their logs, once git has read them; None before."""
        if self._repos is None and self.folder and os.path.exists(os.path.join(self.folder, DONE)):
            self._repos = self._load(frozen=True)
        return self._repos

    def awaited(self, timeout: float) -> Repositories | None:
        """In a worker that keeps as many articles as it may: the repositories once git has
        read the logs, waiting up to `timeout` seconds for them (an article not kept is
        computed by the history stage from nothing, every version parsed from git: more work
        than git has left); None if git failed or is not done by then. A worker waits once: after
        a wait in vain, its later articles go to the history stage without one."""
        deadline = time.monotonic() + (0 if self._waited else timeout)
        self._waited = True
        while True:
            repos = self.repositories()
            if repos is not None or not self.folder or time.monotonic() >= deadline \
                    or os.path.exists(os.path.join(self.folder, FAILED)):
                return repos
            time.sleep(0.02)

    def wait(self) -> Repositories | None:
        """In the run's process, after the lint: the repositories (None: reading failed)."""
        if self.tops:
            self.start()  # a run whose lint forked nothing
            self._thread.join()
        self.close()
        return self._mine

    def _load(self, frozen: bool) -> Repositories:
        repos = Repositories(self.settings, self.roots, self.jobs)
        repos.frozen = frozen  # a worker reads no other repository: the history stage does
        for k in range(len(self.tops)):
            with open(os.path.join(self.folder, f"{k}.json"), "rb") as f:
                top, head, shallow = json.loads(f.read())
            with open(os.path.join(self.folder, f"{k}.log"), "rb") as f:
                log = git.parse_log(top, head, shallow, f.read())
            with open(os.path.join(self.folder, f"{k}.status"), "rb") as f:
                repos.adopt(log, *git.parse_status(f.read()))
        return repos

    def close(self) -> None:
        self.held, self.held_documents = [], 0  # a worker's kept articles: the history stage computes them
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = ""


def start(logs: Background | None) -> None:
    """Git starts reading for the run, if it reads history (Background.start)."""
    if logs is not None:
        logs.start()
