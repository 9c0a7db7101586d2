"""Settings of one run. Defaults here; the CLI (and later config files) override them."""

from __future__ import annotations

from dataclasses import dataclass, field

from contentlint.findings import Severity


@dataclass
class Config:
    paths: list[str] = field(default_factory=lambda: ["seeds"])
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    required_fields: tuple[str, ...] = ("title", "description", "keywords")
    languages: list[str] | None = None  # ISO codes the corpus is written in
    source_language: str = "en"
    unsafe_fixes: bool = False
