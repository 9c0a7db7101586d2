"""Turn a run's findings into output for people or machines."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from contentlint.findings import Finding, Severity
from contentlint.reporters import escape
from contentlint.stream import Stats, stats


class Texts(dict):
    """path -> the file's Document, decoded on first use (not parsed): what reporters quote.
    Findings come path by path, so only the last few texts are kept."""

    LIMIT = 64

    def __init__(self, outside: frozenset = frozenset()) -> None:
        super().__init__()
        self.outside = outside  # links out of the content root: never read (discover.outside)

    def __missing__(self, path: str):
        from contentlint.document import OUTSIDE, Document, Unreadable, decode, read_file

        try:
            if path in self.outside:
                raise Unreadable(OUTSIDE)
            doc = decode(path, read_file(path))
        except (OSError, Unreadable) as exc:
            doc = Document(path, problem=str(exc))
        if len(self) >= self.LIMIT:
            del self[next(iter(self))]
        self[path] = doc
        return doc

    def get(self, path: str, default=None):
        return self[path]


@dataclass
class Result:
    """Everything a reporter may show about one run."""

    findings: Iterable[Finding]  # a list, or the run's FindingStream
    files: list[str]
    fixed: int = 0
    unsafe_fixes: bool = False
    docs: dict = field(default_factory=dict)  # path -> Document, for reporters that show text
    corpus: object = None  # groups.Corpus
    fail_on: Severity = Severity.WARNING
    baselined: int = 0  # findings hidden because the baseline has them

    def stats(self) -> Stats:
        return stats(self.findings)

    def failed(self) -> bool:
        worst = self.stats().worst
        return worst is not None and worst >= self.fail_on

    def summary(self) -> dict:
        s = self.stats()
        return {
            "files": len(self.files),
            "findings": s.count,
            "fixable": s.safe_fixes + (s.unsafe_fixes if self.unsafe_fixes else 0),
            "fixed": self.fixed,
            "baselined": self.baselined,
            "by_severity": dict(sorted((str(k), v) for k, v in s.by_severity.items())),
            "by_rule": dict(sorted((escape.message(k), v) for k, v in s.by_rule.items())),
        }


def chunks(fmt: str, result: Result, color: bool = False) -> Iterator[str]:
    """The report in pieces, written as they come: a large run's report is never one string."""
    from contentlint.reporters import github, json_report, junit, sarif, text

    renderers = {"text": lambda r: text.chunks(r, color), "json": json_report.chunks, "sarif": sarif.chunks,
                 "junit": lambda r: iter((junit.render(r),)), "github": github.chunks}
    return renderers[fmt](result)


def render(fmt: str, result: Result, color: bool = False) -> str:
    return "".join(chunks(fmt, result, color))


FORMATS = ("text", "json", "sarif", "junit", "github")


def _stream_target(path: str) -> bool:
    """Whether `path` is a stream to write into rather than a file to replace: /dev/null, a
    named pipe, /dev/stdout. A link counts only when it is the system's (/dev, /proc): a
    checkout's `reports/x.json -> ~/.bashrc` is replaced itself, never written through."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            if not os.path.abspath(path).startswith(("/dev/", "/proc/")):
                return False
            st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)


def write_atomic(path: str, pieces: Iterable[str]) -> None:
    """Write a report to `path` through a temporary file in the same folder, renamed over
    `path` only once every piece is written: a run that fails halfway leaves no truncated
    report (and the previous one intact). The file gets the mode `open` would give it. A
    device or a pipe (`--output /dev/null`) is written into, never replaced."""
    if _stream_target(path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
        return
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".contentlint-{os.getpid()}-{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for open()
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # never hide why the write failed
            os.unlink(tmp)
        raise
