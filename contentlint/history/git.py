"""The git history of a content tree, read once per run with the git command line.

Why the command line: one `git log --raw` lists every version of every file (its blob id)
in C, and `git cat-file --batch` serves the blobs over one pipe; dulwich walks commits and
diffs trees in Python, and pygit2 adds a compiled library for what git, present wherever a
repository is, already does (README, "Translation status": the figures).

A checkout is untrusted: its `.git/config` could name programs for git to run (an fsmonitor,
an external diff, a text conversion, a pager). Every call switches those off, reads no
system or global configuration, never prompts and takes no locks.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

SAFE = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "diff.external=",
        "-c", "core.pager=cat", "-c", "log.showSignature=false", "-c", "diff.renames=true",
        "-c", "core.quotePath=false", "--no-pager")
ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0",
       "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_ASKPASS": "", "SSH_ASKPASS": "",
       "GIT_NO_LAZY_FETCH": "1",  # a partial clone's missing blob is an error, never a fetch
       "GIT_NO_REPLACE_OBJECTS": "1"}  # the commits HEAD names, as kept by it (engine/history_cache.py)
TIMEOUT = 300


class GitError(Exception):
    """git is missing, or refused (not a repository, a repository of another owner)."""


def run(top: str, *args: str, data: bytes | None = None) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | ENV
    try:
        done = subprocess.run(["git", *SAFE, *args], cwd=top, input=data, capture_output=True, env=env,
                              timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise GitError(str(e)) from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] and
                       done.stderr.decode("utf-8", "replace").strip().splitlines()[-1] or "git failed")
    return done.stdout


def blob_id(data: bytes) -> str:
    """The id git gives `data` as a blob: a file whose id is not its committed blob's was edited."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass(frozen=True)
class Version:
    index: int  # 0: the newest commit of the log; -1: uncommitted edits in the working tree
    commit: str
    time: int  # commit time, seconds since the epoch
    blob: str | None  # None: the file was deleted by this commit
    path: str  # the file's path in that commit (relative to the repository)


@dataclass
class Log:
    top: str  # the repository's top folder
    head: str
    shallow: bool
    commits: list[tuple[str, int]] = field(default_factory=list)  # (id, time), newest first
    versions: dict[str, list[Version]] = field(default_factory=dict)  # path -> newest first
    renamed: dict[str, tuple[str, int]] = field(default_factory=dict)  # old path -> (new path, commit index)

    def index_of(self, commit: str) -> int | None:
        """The log index of a commit named by its id or a prefix of 7 or more."""
        commit = commit.strip().lower()
        if len(commit) < 7:
            return None
        return next((k for k, (c, _) in enumerate(self.commits) if c.startswith(commit)), None)

    def history(self, path: str) -> list[Version]:
        """Every version of `path`, newest first, through its renames: older versions under an
        older name follow the rename that made `path`."""
        out, seen = list(self.versions.get(path, ())), {path}
        while out:
            first = out[-1]
            old = next((o for o, (new, k) in self.renamed.items() if new == first.path and k == first.index
                        and o not in seen), None)
            if old is None:
                break
            seen.add(old)
            out += [v for v in self.versions.get(old, ()) if v.index > first.index]
        return out


def head_of(top: str) -> tuple[str, str]:
    """HEAD, and how deep the clone is: its `shallow` file's size and time ("" for a whole
    clone), which a fetch that deepens a shallow clone changes while HEAD stays."""
    out = run(top, "rev-parse", "HEAD", "--git-path", "shallow").decode().split("\n")
    try:
        st = os.stat(os.path.join(top, out[1].strip()))
    except (OSError, IndexError):
        return out[0].strip(), ""
    return out[0].strip(), f"{st.st_size}:{st.st_mtime_ns}"


def repository(folder: str) -> tuple[str, bool] | None:
    """(top folder, shallow) of the repository holding `folder`, or None outside git."""
    try:
        out = run(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository").decode().split("\n")
    except GitError:
        return None
    return out[0], out[1].strip() == "true"


LOG = ("log", "--raw", "--no-abbrev", "-M", "-z", "--first-parent", "--diff-merges=first-parent",
       "--no-ext-diff", "--no-textconv", "--format=%x1e%H%x1f%ct")
SPAN = 4000  # commits below which one git process reads the whole log


def raw_log(top: str, head: str, paths: list[str], jobs: int) -> bytes:
    """The log's raw text; a long first-parent line is cut into `jobs` spans read side by side
    (git diffs one commit at a time: 5.8 s for 20,000 commits in one process, 2.5 s in two),
    each span ending where the next begins, so the texts joined are the one log."""
    spans = log_spans(top, head, paths, jobs)
    if len(spans) == 1:
        return run(top, *spans[0])
    with ThreadPoolExecutor(jobs) as pool:
        return b"".join(pool.map(lambda span: run(top, *span), spans))


def log_spans(top: str, head: str, paths: list[str], jobs: int) -> list[list[str]]:
    """The arguments of the `git log` runs whose outputs, joined, are the log (raw_log)."""
    limit = _limit(paths)
    line = run(top, "rev-list", "--first-parent", head).decode().split() if jobs > 1 else []
    if len(line) < SPAN:
        return [[*LOG, head, *limit]]
    cuts = [line[k * len(line) // jobs] for k in range(1, jobs)]
    return [[*LOG, *span, *limit] for span in [[start, f"^{end}"] for start, end in zip([head, *cuts], cuts)] + [[cuts[-1]]]]


class Spawned:
    """A git command started now, writing to a file (no pipe: a process forked meanwhile holds
    nothing of it); `result` waits for it and gives what `run` would."""

    def __init__(self, top: str, args: list[str], out: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | ENV
        self.out, self.err = out, out + ".err"
        with open(self.out, "wb") as stdout, open(self.err, "wb") as stderr:
            try:
                self.proc = subprocess.Popen(["git", *SAFE, *args], cwd=top, env=env, stdin=subprocess.DEVNULL,
                                             stdout=stdout, stderr=stderr)
            except OSError as e:
                raise GitError(str(e)) from None

    def result(self) -> bytes:
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.stop()
            raise GitError(f"git took more than {TIMEOUT} s") from None
        with open(self.err, "rb") as f:
            lines = f.read().decode("utf-8", "replace").strip().splitlines()
        if code != 0:
            raise GitError(lines[-1] if lines else "git failed")
        with open(self.out, "rb") as f:
            return f.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def kept_log(logs, top: str, head: str, depth: str, paths: list[str], jobs: int) -> bytes:
    """The log's raw text as `logs` keeps it from an earlier run (engine/history_cache.py
    `Logs`: by HEAD, depth and roots), else read and kept."""
    raw = logs.get(top, head, paths, depth) if logs is not None else None
    if raw is None:
        raw = raw_log(top, head, paths, jobs)
        if logs is not None:
            logs.put(top, head, paths, depth, raw)
    return raw


def parse_log(top: str, head: str, shallow: bool, raw: bytes) -> Log:
    """The Log of `git log`'s raw text (LOG's format): every commit on the first-parent line of
    HEAD that touched the paths asked for, with the blob each file had after it; a merge counts
    as one change against its first parent."""
    log = Log(top, head, shallow)
    for index, chunk in enumerate(raw.split(b"\x1e")[1:]):
        header, _, body = chunk.partition(b"\0")
        commit, _, time = header.decode().partition("\x1f")
        log.commits.append((commit, int(time)))
        parts = body.lstrip(b"\n").split(b"\0")
        k = 0
        while k < len(parts) and parts[k].startswith(b":"):
            meta = parts[k].decode().split()
            status, blob = meta[4], meta[3]
            if status[0] in "RC":
                old, new = parts[k + 1].decode("utf-8", "surrogateescape"), parts[k + 2].decode("utf-8", "surrogateescape")
                k += 3
                if status[0] == "R":
                    log.renamed.setdefault(old, (new, index))
                    log.versions.setdefault(old, []).append(Version(index, commit, int(time), None, old))
                log.versions.setdefault(new, []).append(Version(index, commit, int(time), blob, new))
                continue
            path = parts[k + 1].decode("utf-8", "surrogateescape")
            k += 2
            log.versions.setdefault(path, []).append(
                Version(index, commit, int(time), None if status == "D" else blob, path))
    return log


def _limit(paths: list[str]) -> list[str]:
    """The pathspec that limits the log to the content roots; none for the whole repository,
    where git would otherwise diff every commit twice (to simplify the history, then to list
    it): 12 s against 5 s for 20,000 commits of 10,000 files."""
    roots = [p for p in paths if p not in (".", "")]
    return ["--", *roots] if roots and len(roots) == len(paths) else []


def status_of(top: str, roots: list[str]) -> bytes:
    """`git status` of `roots` (folders or files, names never globs: `a[1].md`): what parse_status reads."""
    return run(top, *status_args(roots))


def status_args(roots: list[str]) -> list[str]:
    return ["--literal-pathspecs", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--",
            *(roots or ["."])]


def parse_status(out: bytes) -> tuple[set[str], set[str]]:
    """Paths with uncommitted edits, and paths git does not track."""
    modified, untracked = set(), set()
    for entry in out.split(b"\0"):
        if len(entry) > 3:
            code, path = entry[:2].decode(), entry[3:].decode("utf-8", "surrogateescape")
            (untracked if code == "??" else modified).add(path)
    return modified, untracked


BATCH = 256  # blob ids a round: 11 KB, within any pipe's buffer


class Blobs:
    """Blob contents from one `git cat-file --batch` process, kept open for the run."""

    def __init__(self, top: str) -> None:
        self.top, self.proc = top, None

    def get_many(self, blobs: list[str]) -> dict[str, bytes]:
        """Asked for together: git reads while this side waits once, not once a blob. The ids
        of one round (at most BATCH) fit in the pipe, so neither side blocks the other."""
        out = {}
        for k in range(0, len(blobs), BATCH):
            part = blobs[k:k + BATCH]
            self._start()
            try:
                self.proc.stdin.write("".join(f"{b}\n" for b in part).encode())
                self.proc.stdin.flush()
            except OSError as e:  # git stopped (a missing object, above)
                self.close()
                raise GitError(f"git cat-file stopped: {e}") from None
            for blob in part:
                out[blob] = self._read()
        return out

    def _read(self) -> bytes:
        head = self.proc.stdout.readline().split()
        if len(head) < 3:  # `<id> missing`, or git stopped: a partial clone's object (never fetched: ENV)
            self.close()
            raise GitError(f"an object of the history is missing ({head[0].decode() if head else 'git stopped'}): "
                           "a partial clone or a damaged repository; fetch the whole history (a clone without --filter)")
        data = self.proc.stdout.read(int(head[2]))
        self.proc.stdout.read(1)  # the newline after the content
        return data if head[1] == b"blob" else b""  # a submodule's commit, say: read past it

    def _start(self) -> None:
        if self.proc is None:
            env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | ENV
            try:
                self.proc = subprocess.Popen(["git", *SAFE, "cat-file", "--batch"], cwd=self.top, env=env, bufsize=1 << 16,
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            except OSError as e:
                raise GitError(str(e)) from None

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.stdin.close()
            except OSError:  # git stopped before reading all it was sent
                pass
            self.proc.wait()
            self.proc = None
