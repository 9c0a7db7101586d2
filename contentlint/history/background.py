"""The logs of a run's repositories, read by git while the lint runs.

A whole check computes each article's lags in the lint's workers, from the documents they
have just parsed (stage.py `article_lags`). Reading the logs first would leave the lint
waiting on git (2.8 s of 20,000 commits, the cores half used while git starts, cuts the
line and Python reads its text); so git reads them beside the lint instead, into a private
temporary folder — started before the lint forks its workers, while this process alone
works, each git process writing to a file of the folder — and each worker, forked before
they were read, takes them from there once they are complete. An article checked before
then is kept by its worker (its texts and blocks) and computed with a later one; one it
could not keep, the history stage computes afterwards, as any article the workers did not.

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
        self._launched: list | None = None  # per repository, what `launch` started
        self._failed: Exception | None = None  # why `launch` could not start git (a damaged repository)

    def launch(self) -> None:
        """Git starts reading now, before the lint forks its workers: while this process alone
        works (discovery), the other cores are git's. Each git process writes to a file of the
        private folder, never a pipe, so a worker forked meanwhile holds nothing of it; the
        thread `start` begins waits for them. Why a repository could not be read, that thread
        says (`_read`)."""
        if not self.tops or self._launched is not None:
            return
        inside, launched, started = Repositories(self.settings, self.roots).roots_in, [], []

        def spawn(top: str, args: list[str], name: str) -> git.Spawned:
            started.append(git.Spawned(top, args, os.path.join(self.folder, name)))  # stopped if a later one fails
            return started[-1]
        try:
            for k, (top, shallow) in enumerate(sorted(self.tops.items())):
                (head, depth), roots = git.head_of(top), inside(top)
                kept = self.logs.get(top, head, roots, depth) if self.logs is not None else None
                spans = [] if kept is not None else [spawn(top, args, f"{k}.span{n}")
                                                     for n, args in enumerate(git.log_spans(top, head, roots, self.jobs))]
                status = spawn(top, git.status_args(roots), f"{k}.git-status")
                launched.append((top, shallow, head, depth, roots, kept, spans, status))
        except (git.GitError, OSError) as e:
            for spawned in started:
                spawned.stop()
            self._failed, launched = e, []
        self._launched = launched

    def start(self) -> None:
        """The thread that waits for git (and reads what `launch` did not start) starts: only
        once the lint's workers are forked (engine/workers.py). A process forked while git
        starts through pipes would inherit their ends, and the run would wait on git while
        workers wait for the logs."""
        if self.tops and self._thread.ident is None:
            self._thread.start()

    def _read(self) -> None:
        """In a thread of the run's process: each repository's log and status, written to the
        folder, the folder marked done last (a worker takes nothing half written). The folder
        as it was when the thread began: a run that ends early (close) removes it, and nothing
        is then written anywhere else."""
        folder = self.folder
        try:
            for k, (top, shallow, head, roots, status, raw) in enumerate(self._logs()):
                for name, data in ((f"{k}.log", raw), (f"{k}.status", status),
                                   (f"{k}.json", json.dumps([top, head, shallow]).encode())):
                    with open(os.path.join(folder, name), "wb") as f:
                        f.write(data)
            with open(os.path.join(folder, DONE), "wb"):
                pass
            self._mine = self._load(frozen=False, folder=folder)  # while the lint still runs
        except (git.GitError, OSError) as e:  # the history stage reads the logs again, and says why
            self.error = e
            try:  # workers waiting for the logs stop waiting
                with open(os.path.join(folder, FAILED), "wb"):
                    pass
            except OSError:
                pass

    def _logs(self):
        """(top, shallow, head, roots, git status, raw log) of each repository, from what
        `launch` started (now, if nothing called it)."""
        self.launch()
        if self._failed is not None:
            raise self._failed
        for top, shallow, head, depth, roots, kept, spans, status in self._launched:
            raw = kept if kept is not None else b"".join(spawned.result() for spawned in spans)
            if kept is None and self.logs is not None:
                self.logs.put(top, head, roots, depth, raw)
            yield top, shallow, head, roots, status.result(), raw

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

    def _load(self, frozen: bool, folder: str = "") -> Repositories:
        folder = folder or self.folder
        repos = Repositories(self.settings, self.roots, self.jobs)
        repos.frozen = frozen  # a worker reads no other repository: the history stage does
        for k in range(len(self.tops)):
            with open(os.path.join(folder, f"{k}.json"), "rb") as f:
                top, head, shallow = json.loads(f.read())
            with open(os.path.join(folder, f"{k}.log"), "rb") as f:
                log = git.parse_log(top, head, shallow, f.read())
            with open(os.path.join(folder, f"{k}.status"), "rb") as f:
                repos.adopt(log, *git.parse_status(f.read()))
        return repos

    def close(self) -> None:
        self.held, self.held_documents = [], 0  # a worker's kept articles: the history stage computes them
        for *_, spans, status in self._launched or ():  # a run that ends early: no git left writing
            for spawned in [*spans, status]:
                spawned.stop()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = ""


def start(logs: Background | None) -> None:
    """Git starts reading for the run, if it reads history (Background.start)."""
    if logs is not None:
        logs.start()
