"""Findings and their fixes: text edits marked safe or unsafe (after ruff's Fix/Edit)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return _NAMES[int(self)]  # not `self.name`: reporters call this for every finding

    @classmethod
    def parse(cls, value: str) -> "Severity":
        if not isinstance(value, str) or value.upper() not in cls.__members__:  # `severity = 5` in a configuration
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)")
        return cls[value.upper()]


_NAMES = {s.value: s.name.lower() for s in Severity}


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace text[start:end] with `content` (offsets into the document's text)."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True
    message: str = ""

    @classmethod
    def replace(cls, start: int, end: int, content: str, *, safe: bool = True, message: str = "") -> "Fix":
        return cls((Edit(start, end, content),), safe, message)

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding, e.g. the source-language counterpart."""

    path: str
    line: int
    message: str = ""


@dataclass(slots=True)  # a run of a large corpus holds hundreds of thousands
class Finding:
    path: str
    start: int  # offsets into the document text; the span of the defect
    end: int
    line: int  # 1-based, derived once from the offsets
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    related: list[Related] = field(default_factory=list)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)
