"""A run's findings in report order, made file by file whenever they are read.

A run over a large corpus holds every file's findings packed (records.pack); as objects,
half a million findings would take a gigabyte. Reporters iterate this stream and write as
they go, so at most one file's findings exist as objects at a time. The counts a summary
needs are taken on the first full pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from contentlint.base.findings import Finding, Severity


class Stats:
    """What summaries and the exit code need from a run's findings."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self.count = 0
        self.safe_fixes = 0  # findings with a safe fix
        self.unsafe_fixes = 0  # findings with only an unsafe fix
        self.by_severity: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.worst: Severity | None = None
        for f in findings:
            self.add(f)

    def add(self, f: Finding) -> None:
        self.count += 1
        fix, severity = f.fix, f.severity
        if fix:
            if fix.safe:
                self.safe_fixes += 1
            else:
                self.unsafe_fixes += 1
        self.by_severity[severity] += 1
        self.by_rule[f.rule] += 1
        if self.worst is None or severity > self.worst:
            self.worst = severity


class FindingStream:
    """Findings of `paths` (sorted), each path's from `produce(path)`, already sorted."""

    def __init__(self, paths: list[str], produce: Callable[[str], list[Finding]]) -> None:
        self._paths, self._produce, self._stats = paths, produce, None
        self._shown: set[str] | None = None

    def __iter__(self) -> Iterator[Finding]:
        stats = Stats()
        for path in self._paths:
            for f in self._produce(path):
                stats.add(f)
                yield f
        self._stats = stats

    def of(self, path: str) -> list[Finding]:
        """One file's findings, made again on each call (the HTML report asks per article);
        none for a file the run does not report (pre-commit: not changed, not a translation)."""
        if self._shown is None:
            self._shown = set(self._paths)
        return self._produce(path) if path in self._shown else []

    @property
    def stats(self) -> Stats:
        if self._stats is None:
            for _ in self:
                pass
        return self._stats

    def __len__(self) -> int:
        return self.stats.count

    def __getitem__(self, index):  # for small runs and tests: everything as a list
        return list(self)[index]


def stats(findings) -> Stats:
    return findings.stats if isinstance(findings, FindingStream) else Stats(findings)
