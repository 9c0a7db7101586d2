"""Settings of one run. Defaults here; the CLI (and later config files) override them."""

from __future__ import annotations

from dataclasses import dataclass, field

from contentlint.base.findings import Severity


@dataclass
class Config:
    paths: list[str] = field(default_factory=lambda: ["."])
    extensions: list[str] | None = None  # article suffixes under a folder (default: md, markdown, mdx)
    exclude: list[str] = field(default_factory=list)  # gitignore-style patterns, relative to config_root
    extend_exclude: list[str] = field(default_factory=list)
    exclude_set: bool = False  # `exclude` written in the configuration (a preset leaves it alone)
    respect_gitignore: bool = True
    preset: str | None = None  # "hugo" | "docusaurus" | "mdn" (config/presets.py)
    source_only_fields: tuple[str, ...] = ()  # front matter only the source carries (`reviewers`)
    source_only_set: bool = False
    history: dict = field(default_factory=dict)  # [history]: shortcodes, front_matter, source_commit_field
    base_url: tuple[str, ...] = ()  # the site's own absolute URLs (`https://glossary.cncf.io`): a link there is a site path
    editor_url: str = "vscode://file/{abspath}:{line}:{column}"  # the report's link to a place (config/urls.py)
    repo_url: str = ""  # the repository's web view (`https://github.com/org/site`): the report links there too
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)  # as written (checked against the rules)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    required_fields: tuple[str, ...] = ("title",)
    languages: list[str] | None = None  # the languages the corpus is written in (names, codes or tags)
    discovered: tuple[str, ...] = ()  # what discovery found when `languages` is not set (language/discovery.py)
    source_language: str = "en"
    path_patterns: list[str] = field(default_factory=list)  # e.g. "{language}/{key}.md"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> selectors
    severities: dict[str, Severity] = field(default_factory=dict)  # rule name -> severity
    rule_options: dict[str, dict] = field(default_factory=dict)  # rule name -> options
    blame: str = "consensus"  # who a parity difference is reported on (blame.py)
    # terms translations keep as written: "*" for every language, else by language code
    do_not_translate: dict[str, tuple[str, ...]] = field(default_factory=dict)
    baseline: str | None = None
    config_root: str = "."  # folder of the configuration file; globs are relative to it
    content_paths: list[str] = field(default_factory=list)  # the content root, before PATHS on the command line
    roots: tuple[str, ...] = ()  # real folders articles may live in (discover.roots); () : anywhere

    unsafe_fixes: bool = False
    packs: list[str] = field(default_factory=list)  # folders of the team's own pattern rules
    rule_tables: dict[str, dict] = field(default_factory=dict)  # [rules.NAME] tables, checked by rules/configure.py
    source: str | None = None  # the configuration file read, for messages
    written_selection: list[str] = field(default_factory=list)  # its select/ignore lines, for a warning

    def excluded(self) -> list[str]:
        return list(self.exclude) + list(self.extend_exclude)

    def kept_terms(self, language: str | None) -> tuple[str, ...]:
        """The do-not-translate terms of a language: the global ones and its own."""
        return tuple(self.do_not_translate.get("*", ())) + tuple(self.do_not_translate.get(language or "", ()))

    def option(self, rule, key: str):
        return self.rule_options.get(rule.name, {}).get(key, rule.options[key])
