"""The history stage's result, kept between runs: valid while every repository's HEAD and
index, the size and time of each file of the run, the run's translations and the history
settings are the same. Kept as the lint cache keeps
its entries (cache_store.py): signed msgpack in a folder of this user, never a link.""" 

from __future__ import annotations

import dataclasses
import hashlib
import os
import zlib

from contentlint.engine.cache import FOLDER, _source_stamp
from contentlint.engine.cache_store import Store, own_folder, secret
from contentlint.history import git
from contentlint.history.lag import Lag
from contentlint.history.model import Change
from contentlint.history.stage import History, Orphan

NAME = "result"
STATE = "state"  # the repositories' state the result was read at, apart: `fresh` reads only it
FORMAT = 1


def key(repositories: str | None, pairs: list, sourceless: list, settings) -> str | None:
    """What the result depends on; None outside git (nothing to keep). A repository's state
    is its HEAD and its index (`git add` rewrites it); a file's, its size and time (an edit
    changes them). Cheaper than `git status`, which reads the whole tree: 0.36 s for 10,000
    files, against 0.03 s for the files of the run. `repositories`: `state` of the roots."""
    if repositories is None:
        return None
    h = hashlib.blake2b(repositories.encode(), digest_size=16)
    files = sorted({p for t, s, _ in pairs for p in (t, s) if p} | set(sourceless))
    h.update("".join(f"{p}:{_stamp(p)};" for p in files).encode())
    h.update(repr((FORMAT, _source_stamp(), sorted((t, s) for t, s, _ in pairs), sorted(sourceless),
                   dataclasses.astuple(settings))).encode())
    return h.hexdigest()


def state(roots) -> str | None:
    """The HEAD and index of each repository that holds a root; None outside git or before
    the first commit."""
    tops = sorted({found[0] for found in (git.repository(os.path.abspath(r) if os.path.isdir(r) else
                                                         os.path.dirname(os.path.abspath(r))) for r in roots) if found})
    if not tops:
        return None
    out = []
    for top in tops:
        try:
            head, index, shallow = git.run(top, "rev-parse", "HEAD", "--git-path", "index", "--git-path",
                                           "shallow").decode().split("\n")[:3]
        except (git.GitError, ValueError):
            return None  # no commit yet
        # a fetch that deepens a shallow clone keeps HEAD and the index: its `shallow` file says so
        out.append(f"{head};{_stamp(os.path.join(top, index))};{_stamp(os.path.join(top, '.gitignore'))};"
                   f"{_stamp(os.path.join(top, shallow))};")
    return "".join(out)


def fresh(root: str, roots) -> bool:
    """A result is kept for the repositories as they are now (HEAD and index): the run will
    most likely take it, so nothing need be read before the lint (engine/history.py)."""
    now = state(roots)
    store = _store(root) if now is not None else None  # outside git no history folder is made
    return store is not None and store.read(STATE) == now


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _store(root: str) -> Store | None:
    top, folder = os.path.join(root, FOLDER), os.path.join(root, FOLDER, "history")
    key = secret()
    if key is None or not own_folder(top, True) or not own_folder(folder, True):
        return None
    return Store(folder, key)


def load(root: str, want: str) -> History | None:
    store = _store(root)
    data = store.read(NAME) if store is not None else None
    if not isinstance(data, dict) or data.get("key") != want:
        return None
    try:
        lags = {}
        for row in data["lags"]:
            row["changes"] = [Change(**c) for c in row["changes"]]
            row["commits"] = tuple(row["commits"])
            lags[row["path"]] = Lag(**row)
        return History(lags, {o["path"]: Orphan(**o) for o in data["orphans"]}, list(data["shallow"]),
                       bool(data["tracked"]))
    except (KeyError, TypeError, ValueError):
        return None  # written by another version: read the history again


def _kept(lag: Lag) -> dict:
    """A lag as kept: its changes without the blocks' texts, which nothing shows."""
    row = dict(vars(lag))  # not dataclasses.asdict, which deep-copies (2.6 s for 7,500 lags)
    row["changes"] = [{**vars(c), "old": "", "new": ""} for c in lag.changes]
    return row


def save(root: str, want: str, history: History, repositories: str) -> None:
    store = _store(root)
    if store is None:
        return
    store.write(STATE, repositories)
    store.write(NAME, {"key": want, "lags": [_kept(x) for x in history.lags.values()],
                       "orphans": [dataclasses.asdict(x) for x in history.orphans.values()],
                       "shallow": history.shallow, "tracked": history.tracked})


class Logs:
    """Each repository's log as git wrote it, kept by its HEAD: a run after an edit (pre-commit's,
    or a check's after the lint cache missed one file) asks for the log of the same commits
    again, 2.3 s of git for 20,000 commits, against 0.03 s to read it back. The working tree's
    state is not in it: `git status` is read each run. One log a repository, replaced when HEAD
    moves; a log that names other roots, or of a shallow clone since deepened (the same HEAD,
    more history: git.head_of), is read again."""

    def __init__(self, root: str) -> None:
        self.root, self._found = root, None

    def _store(self) -> Store | None:
        if self._found is None:
            self._found = _store(self.root) or False
        return self._found or None

    @staticmethod
    def _name(top: str) -> str:
        return "log-" + hashlib.blake2b(top.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()

    def get(self, top: str, head: str, roots: list[str], depth: str) -> bytes | None:
        store = self._store()
        data = store.read(self._name(top)) if store is not None else None
        if not isinstance(data, dict) or data.get("key") != self._key(head, roots, depth):
            return None
        try:
            return zlib.decompress(data["raw"])
        except (KeyError, TypeError, zlib.error):
            return None

    def put(self, top: str, head: str, roots: list[str], depth: str, raw: bytes) -> None:
        store = self._store()
        if store is not None:  # level 1: a third of the size at 60 ms for 5 MB
            store.write(self._name(top), {"key": self._key(head, roots, depth), "raw": zlib.compress(raw, 1)})

    @staticmethod
    def _key(head: str, roots: list[str], depth: str) -> str:
        return "\0".join([str(FORMAT), head, depth, *roots])
