"""A run's rules from its configuration: the catalogue with the configuration's packs, and
every selector and `[rules.NAME]` table of the configuration checked against it."""

from __future__ import annotations

import sys
from fnmatch import fnmatch

from contentlint.base import schema
from contentlint.base.findings import Severity
from contentlint.config.files import ConfigError, suggest
from contentlint.config.settings import Config
from contentlint.rules import catalogue as catalogues
from contentlint.rules.base import Rule, Scope
from contentlint.rules.catalogue import Catalogue
from contentlint.rules.packs import PackError

_OPTION_KINDS = {bool: (schema.BOOL, "booleans"), int: (schema.WHOLE, "whole numbers"),
                 float: (schema.NUMBER, "numbers"), str: (schema.STRING, "strings")}
# Paths that every glob meaning "all files" matches (the pipeline matches globs with fnmatch).
_ANY_PATHS = ("a.md", "a.txt", "A", "content/nb/a.markdown")


def configure(config: Config) -> Catalogue:
    """The rules `config` runs with; a selector or option naming no rule is a ConfigError that
    says what was meant. Sets the configured severities and options on `config`."""
    try:
        catalogue = catalogues.load(config.packs)
    except PackError as exc:
        raise ConfigError(str(exc)) from None
    if config.source is None:
        return catalogue
    where = config.source
    selectors = list(config.select or []) + list(config.ignore) + list(config.extend_select)
    for patterns in config.per_file_ignores.values():
        selectors += list(patterns)
    for bad in catalogue.unknown(selectors):
        raise ConfigError(f"{where}: unknown rule '{bad}'{suggest(bad, catalogue.names_and_codes())}")
    for rule_name, options in config.rule_tables.items():
        _rule_options(config, rule_name, options, where, catalogue.rules)
    _warn_silenced(config, where, catalogue)
    return catalogue


def _warn_silenced(config: Config, where: str, catalogue: Catalogue) -> None:
    """A selector that silences every rule for every file is allowed (a team may want it
    for a while), but never by accident: say so."""
    rules = [r for r in catalogue.rules if r.scope is not Scope.ENGINE]  # made by the engine, never selected

    def every_rule(selectors) -> bool:
        return bool(rules) and all(any(r.selected_by(s) for s in selectors) for r in rules)

    said = []
    chosen = config.written_selection
    if chosen and not Catalogue(rules).select(config.select, config.ignore):
        said.append(f"{', '.join(chosen)} silences every rule")
    everywhere = {g: s for g, s in config.per_file_ignores.items() if all(fnmatch(p, g) for p in _ANY_PATHS)}
    if every_rule([s for sels in everywhere.values() for s in sels]):
        globs = ", ".join(f'"{g}" = {sels}' for g, sels in everywhere.items())
        said.append(f"per_file_ignores {globs} silences every rule for every file")
    for what in said:
        print(f"contentlint: warning: {where}: {what}; nothing will be reported", file=sys.stderr)


def _rule_options(config: Config, rule_name: str, options, where: str, rules: list[Rule]) -> None:
    rule = next((r for r in rules if rule_name in (r.name, r.code)), None)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule '{rule_name}'{suggest(rule_name, [r.name for r in rules])}")
    for key, value in options.items():
        kind = schema.SEVERITY if key == "severity" else _option_kind(rule.options.get(key))
        if key != "severity" and key not in rule.options:
            choices = ["severity", *rule.options]
            raise ConfigError(f"{where}: rule '{rule.name}' has no option '{key}'{suggest(key, choices)}")
        problem = kind.problem(value) if kind else None
        if problem:
            raise ConfigError(f"{where}: 'rules.{rule_name}.{key}' {problem}")
        if key == "severity":
            config.severities[rule.name] = Severity.parse(value)
        else:
            config.rule_options.setdefault(rule.name, {})[key] = value


def _option_kind(default) -> schema.Kind | None:
    """What a rule option must be: the type of its default (a whole number where a number
    is expected is fine; a list's items are of the type of the default's items)."""
    if default is None:
        return None
    if isinstance(default, (list, tuple)):
        item, plural = _OPTION_KINDS.get(type(default[0]) if default else str, (schema.STRING, "strings"))
        return schema.list_of(item, plural)
    kind = _OPTION_KINDS.get(type(default))
    return kind[0] if kind else schema.Kind(f"a {type(default).__name__}", lambda v: isinstance(v, type(default)))
