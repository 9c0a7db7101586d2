"""The history stage of a run: each translation's lag behind its source, and translations
whose source is gone, read from the repositories that hold the files (once per run)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from contentlint.base import interrupt
from contentlint.history import git, versions
from contentlint.history.lag import WORKTREE, Lag, Reader, Settings, lag


@dataclass
class Orphan:
    path: str
    source: str  # the source's last path
    commit: str  # the commit that deleted or renamed it
    renamed_to: str | None = None  # the source's path now, when it was renamed


@dataclass
class History:
    lags: dict[str, Lag] = field(default_factory=dict)  # translation path -> its lag
    orphans: dict[str, Orphan] = field(default_factory=dict)  # translation path -> its lost source
    shallow: list[str] = field(default_factory=list)  # repositories cloned without their history
    tracked: bool = False  # any file is in a repository
    notes: list[str] = field(default_factory=list)
    error: str = ""  # why the history could not be read (a damaged repository): its rules stop
    error_told: bool = False  # a history rule said so already (once a run, by whichever runs first)

    def stop(self) -> str:
        """The error, for the first history rule that meets it; "" for the others."""
        told, self.error_told = self.error_told, True
        return "" if told else self.error


class Repositories:
    """The repositories that hold a run's files, each found and read once."""

    def __init__(self, settings: Settings, paths: list[str], jobs: int = 1, logs=None,
                 only: list[str] | None = None) -> None:
        self.settings, self.readers, self.outside, self.jobs = settings, {}, set(), jobs
        self.logs = logs  # logs kept by HEAD between runs (engine/history_cache.py `Logs`), or None
        self.only = only  # the only files asked about (pre-commit's few): git status of them alone
        self.folders: dict[str, str | None] = {}  # folder -> the top of its repository (None: outside git)
        self.real: dict[str, str] = {}  # folder -> its real path, relative to its repository
        self.paths = paths  # what to read the log of (the content roots)
        self.frozen = False  # read no other repository (a worker given the logs: background.py)
        self.missed = False  # a file of a repository it did not read was asked for
        self.known: dict[str, tuple[Reader, str]] = {}  # path -> what `reader` found (each file is asked for 4 times)

    def reader(self, path: str) -> tuple[Reader, str] | None:
        """(reader, path relative to its repository) for a file, or None outside git."""
        found = self.known.get(path)
        if found is None:
            found = self._find(path)
            if found is not None:
                self.known[path] = found
        return found

    def _find(self, path: str) -> tuple[Reader, str] | None:
        folder = os.path.dirname(os.path.abspath(path))
        if folder in self.folders:  # the usual case: a folder already seen
            top = self.folders[folder]
            return None if top is None else (self.readers[top], self._relative(folder, path, top))
        top = next((t for t in self.readers if folder == t or folder.startswith(t + os.sep)), None)
        if top is None and self.readers:  # a folder named through a link: its repository may be read already
            real = os.path.realpath(folder)
            top = next((t for t in self.readers if real == t or real.startswith(t + os.sep)), None)
        if top is None and self.frozen:
            self.missed = True
            return None
        if top is None:
            if any(folder == o or folder.startswith(o + os.sep) for o in self.outside):
                self.folders[folder] = None
                return None
            found = git.repository(folder)
            if found is None:
                self.outside.add(folder)
                self.folders[folder] = None
                return None
            top, shallow = found
            top = os.path.realpath(top)
            roots = self.roots_in(top)
            with ThreadPoolExecutor(1) as pool:  # git status beside git log: both wait on git
                status = pool.submit(git.status_of, top, self._asked(top) or roots)
                log = self.log(top, shallow, roots)
                self.adopt(log, *git.parse_status(status.result()))
        self.folders[folder] = top
        return self.readers[top], self._relative(folder, path, top)

    def log(self, top: str, shallow: bool, roots: list[str]) -> git.Log:
        """The log of `roots` in `top` at its HEAD: kept from an earlier run, else read."""
        head, depth = git.head_of(top)
        return git.parse_log(top, head, shallow, git.kept_log(self.logs, top, head, depth, roots, self.jobs))

    def _asked(self, top: str) -> list[str]:
        """The files asked about inside `top`, as it names them (git status of 10,000 files
        reads them all: 0.36 s)."""
        inside = [os.path.realpath(p) for p in self.only or ()]
        return [os.path.relpath(p, top) for p in inside if p.startswith(top + os.sep)]

    def roots_in(self, top: str) -> list[str]:
        """The content roots inside repository `top`, as it names them."""
        return [os.path.relpath(os.path.realpath(p), top) for p in self.paths
                if os.path.realpath(p).startswith(top + os.sep) or os.path.realpath(p) == top]

    def adopt(self, log: git.Log, modified: set[str], untracked: set[str]) -> None:
        self.readers[log.top] = Reader(log, modified, self.settings)
        self.readers[log.top].untracked = untracked

    def _relative(self, folder: str, path: str, top: str) -> str:
        """`path` as its repository names it; a folder's real path found once (realpath asks
        the file system about every part: a tenth of a status run, once a file)."""
        if os.path.islink(path):
            return os.path.relpath(os.path.realpath(path), top)
        if folder not in self.real:
            self.real[folder] = os.path.relpath(os.path.realpath(folder), top)
        real = self.real[folder]
        name = os.path.basename(path)
        return name if real == "." else f"{real}{os.sep}{name}"


    def close(self) -> None:
        for reader in self.readers.values():
            reader.blobs.close()


def read(pairs, repos: Repositories, jobs: int = 1, known: dict[str, Lag] | None = None) -> History:
    """`pairs`: (translation path, source path or None, translation's front matter) of every
    translation of the run, in the repositories of `repos` (the caller closes them). With
    `jobs` > 1 and many translations, forked workers share the articles (each reads its own
    blobs; the logs, read here first, they inherit). `known`: lags computed already (the
    lint's workers), each taken where its translation has the same source here."""
    global _REPOS
    history = History()
    pairs = sorted(pairs, key=lambda p: (p[1] or "", p[0]))  # a source's translations together
    known = known or {}
    history.lags = {t: known[t] for t, s, _ in pairs if t in known and known[t].source == s}
    pairs = [p for p in pairs if p[0] not in history.lags]
    for t_path, s_path, _ in pairs:  # every repository found and its log read before any fork
        repos.reader(t_path)  # (a known lag's repository was read: its lint worker read it)
        if s_path is not None:
            repos.reader(s_path)
    chunks = _chunks(pairs, jobs) if jobs > 1 and len(pairs) >= PARALLEL and repos.readers else [pairs]
    if len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _REPOS = repos
        repos.close()  # workers start their own blob readers: none shares this process's
        gc.freeze()  # workers then neither walk nor write to the objects they share with this process
        with multiprocessing.get_context("fork").Pool(min(jobs, len(chunks)), initializer=interrupt.in_worker) as pool:
            gc.unfreeze()
            for part in pool.imap_unordered(_lags_of, chunks):
                history.lags.update(part)
            pool.close()  # workers end on their own: none is terminated mid-way
            pool.join()
        _REPOS = None
    else:
        history.lags.update(_lags(repos, pairs))
    history.shallow = sorted(top for top, r in repos.readers.items() if r.log.shallow)
    history.tracked = bool(repos.readers)
    return history


PARALLEL = 400  # translations below which one process is quicker than forking
_REPOS: Repositories | None = None  # what forked workers inherit


def _chunks(pairs: list, jobs: int) -> list[list]:
    """About eight chunks a worker (the last ones to finish leave a core idle), never
    splitting one source's translations."""
    size = max(1, len(pairs) // (jobs * 8))
    out, current = [], []
    for pair in pairs:
        if len(current) >= size and pair[1] != current[-1][1]:
            out.append(current)
            current = []
        current.append(pair)
    return out + ([current] if current else [])


def _lags_of(chunk: list) -> dict[str, Lag]:
    try:
        return _lags(_REPOS, chunk)
    finally:
        _REPOS.close()  # this worker's blob readers


def _lags(repos: Repositories, pairs: list) -> dict[str, Lag]:
    out: dict[str, Lag] = {}
    previous = None
    for t_path, s_path, meta in pairs:
        if s_path != previous and previous is not None:
            for reader in repos.readers.values():
                reader.forget()  # memory stays one article's versions, not the history's
        previous = s_path
        found = lag_of(repos, t_path, s_path, meta)
        if found is not None:
            out[t_path] = found
    return out


def lag_of(repos: Repositories, t_path: str, s_path: str | None, meta: dict) -> Lag | None:
    """One translation's lag behind its source (None: no source to lag behind)."""
    found = repos.reader(t_path)
    if found is None:
        return Lag(t_path, s_path, "untracked", note="not in a git repository")
    reader, t_rel = found
    if t_rel in reader.untracked:
        return Lag(t_path, s_path, "untracked", note="not committed")
    if s_path is None:
        return None
    s_found = repos.reader(s_path)
    if s_found is None or s_found[0] is not reader:
        return Lag(t_path, s_path, "untracked", note="the source is in another repository")
    return lag(reader, t_rel, s_found[1], meta, t_path, s_path)


@dataclass
class Seed:
    """A document's text and its parse as its file's newest version (versions.py `Parsed`):
    made from the lint's tokens only when a comparison asks for it, or (`kept`) its blocks
    made at once."""

    path: str
    text: str
    parse: Callable[[], versions.Parsed | None]


def seeds_of(docs, settings: Settings) -> list[Seed]:
    """The lint's parses of an article's documents (a damaged or BOM-led file is read from git)."""
    return [Seed(d.path, d.text, partial(versions.from_tokens, d.text, d.tokens, d.body_line, settings.shortcodes,
                                         settings.front_matter))
            for d in docs if d.problem is None and not d.bom]


def kept(seed: Seed) -> Seed:
    """A seed kept after its document is gone (engine/history.py: a worker holding articles
    while git reads the logs): its blocks made now, from tokens that are not kept; its lines
    split again from the text when used, so it holds little more than the text."""
    parsed = seed.parse()
    if parsed is None:
        return Seed(seed.path, seed.text, lambda: None)
    text, blocks, tops, offset, head = seed.text, parsed.blocks, parsed.tops, parsed.offset, parsed.head
    cut = len(text) - (sum(map(len, parsed.lines)) + len(parsed.lines) - 1)  # the body is the text's end
    return Seed(seed.path, text, lambda: versions.Parsed(blocks, text[cut:].split("\n"), tops, offset, head))


def article_lags(repos: Repositories, pairs: list, seeds: list[Seed]) -> dict[str, Lag]:
    """The lags of one article's translations, computed while the lint has its documents
    loaded: each file's current version is taken from its document's parse, not parsed again
    (a third of the history's work). `pairs`: (translation path, source path, front matter)."""
    for seed in seeds:
        _plant(repos, seed)
    out = {}
    for t_path, s_path, meta in pairs:
        found = lag_of(repos, t_path, s_path, meta)
        if found is not None:
            out[t_path] = found
    for reader in repos.readers.values():
        reader.forget(keep=0)  # the next article shares nothing with this one
    return out


def _plant(repos: Repositories, seed: Seed) -> None:
    """The seed's parse as its file's newest version, when that version is its text."""
    found = repos.reader(seed.path)
    if found is None:
        return
    reader, rel = found
    line = reader.versions(rel)
    head = line[0] if line else None
    if head is None or head.blob is None or head.blob in reader.parsed:
        return
    if head.index != WORKTREE and git.blob_id(seed.text.encode("utf-8")) != head.blob:
        return  # edited since git status ran
    reader.seeds[head.blob] = seed.parse
    reader.texts[head.blob] = seed.text


def gone(reader: Reader) -> dict[str, tuple[str, str | None]]:
    """Files of the log that no longer exist: path -> (commit that removed it, its new path if renamed)."""
    out = {}
    for path, versions in reader.log.versions.items():
        if versions and versions[0].blob is None:
            new = reader.log.renamed.get(path)
            out[path] = (versions[0].commit, new[0] if new and new[1] == versions[0].index else None)
    return out
