"""Turn a run's findings into output for people or machines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from contentlint.findings import Finding, Severity


class Texts(dict):
    """path -> the file's Document, decoded on first use (not parsed): what reporters quote."""

    def __missing__(self, path: str):
        from contentlint.document import Document, Unreadable, decode, read_file

        try:
            doc = decode(path, read_file(path))
        except (OSError, Unreadable) as exc:
            doc = Document(path, problem=str(exc))
        self[path] = doc
        return doc

    def get(self, path: str, default=None):
        return self[path]


@dataclass
class Result:
    """Everything a reporter may show about one run."""

    findings: list[Finding]
    files: list[str]
    fixed: int = 0
    unsafe_fixes: bool = False
    docs: dict = field(default_factory=dict)  # path -> Document, for reporters that show text
    corpus: object = None  # groups.Corpus
    fail_on: Severity = Severity.WARNING
    baselined: int = 0  # findings hidden because the baseline has them

    def summary(self) -> dict:
        return {
            "files": len(self.files),
            "findings": len(self.findings),
            "fixable": sum(1 for f in self.findings if f.fix and (f.fix.safe or self.unsafe_fixes)),
            "fixed": self.fixed,
            "baselined": self.baselined,
            "by_severity": dict(sorted(Counter(str(f.severity) for f in self.findings).items())),
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
        }


def render(fmt: str, result: Result, color: bool = False) -> str:
    from contentlint.reporters import github, json_report, junit, sarif, text

    renderers = {"text": lambda r: text.render(r, color), "json": json_report.render, "sarif": sarif.render,
                 "junit": junit.render, "github": github.render}
    return renderers[fmt](result)


FORMATS = ("text", "json", "sarif", "junit", "github")
