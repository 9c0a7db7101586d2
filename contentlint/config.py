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
    path_patterns: list[str] = field(default_factory=list)  # e.g. "{language}/{key}.md"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> selectors
    severities: dict[str, Severity] = field(default_factory=dict)  # rule name -> severity
    rule_options: dict[str, dict] = field(default_factory=dict)  # rule name -> options
    blame: str = "consensus"  # who a parity difference is reported on (blame.py)
    baseline: str | None = None
    config_root: str = "."  # folder of the configuration file; globs are relative to it
    content_paths: list[str] = field(default_factory=list)  # the content root, before PATHS on the command line
    roots: tuple[str, ...] = ()  # real folders articles may live in (discover.roots); () : anywhere

    def option(self, rule, key: str):
        return self.rule_options.get(rule.name, {}).get(key, rule.options[key])
    unsafe_fixes: bool = False

    def detection_languages(self) -> tuple[str, ...]:
        from contentlint import language

        if not self.languages:
            return language.DEFAULT_LANGUAGES
        codes = []
        for value in self.languages:
            code = language.normalize(value)
            if code is None:
                raise ValueError(f"unknown language '{value}' (use ISO 639-1 codes such as en, nb, ms)")
            codes.append(code)
        return language.check_codes(codes)
