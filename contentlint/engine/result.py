"""What a run hands to reporters: its findings (a stream), files, fixes and corpus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from contentlint.base import escape
from contentlint.base.findings import Finding, Severity
from contentlint.engine.records import GroupResult
from contentlint.engine.stream import Stats, stats
from contentlint.groups.grouping import Corpus
from contentlint.history.stage import History
from contentlint.load.recent import RecentDocuments
from contentlint.rules import catalogue
from contentlint.rules.base import Rule


@dataclass
class Result:
    """Everything a reporter may show about one run."""

    findings: Iterable[Finding]  # a list, or the run's FindingStream
    files: list[str]
    fixed: int = 0
    unsafe_fixes: bool = False
    docs: RecentDocuments | dict = field(default_factory=dict)  # path -> Document: the text reporters quote
    corpus: Corpus | None = None
    fail_on: Severity = Severity.WARNING
    baselined: int = 0  # findings hidden because the baseline has them
    rules: list[Rule] = field(default_factory=list)  # every rule the run knew (default: the built-in ones)
    group_rows: dict[str, GroupResult] = field(default_factory=dict)  # group key -> its result: rows packed
    languages: Found | None = None  # the run's language set and how each language came into it
    lacking: list[str] = field(default_factory=list)  # languages of the run without a profile
    history: History | None = None  # each translation's lag and the orphans, where the run read the history

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = list(catalogue.builtin())

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
            "languages": list(self.languages.languages) if self.languages else [],
            "languages_without_profile": list(self.lacking),
        }
