"""Configuration files: `[tool.contentlint]` in pyproject.toml, or contentlint.toml.

The nearest file from the working directory upwards wins (contentlint.toml before
pyproject.toml in the same folder). An unknown key, rule or option is an error that says
what was meant; a value of the wrong type, one that names the key and the type expected.
"""

from __future__ import annotations

import difflib
import os
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from contentlint import schema
from contentlint.config import Config
from contentlint.findings import Severity

KEYS = {
    "paths": schema.STRINGS, "languages": schema.STRINGS, "source_language": schema.TEXT,
    "path_patterns": schema.STRINGS, "select": schema.STRINGS, "ignore": schema.STRINGS,
    "extend_select": schema.STRINGS, "per_file_ignores": schema.mapping_of(schema.STRINGS, "lists of strings"),
    "rules": schema.mapping_of(schema.TABLE, "tables"), "fail_on": schema.SEVERITY,
    "required_fields": schema.STRINGS, "blame": schema.one_of("consensus", "source"), "baseline": schema.TEXT,
    "packs": schema.STRINGS,
}
_OPTION_KINDS = {bool: (schema.BOOL, "booleans"), int: (schema.WHOLE, "whole numbers"),
                 float: (schema.NUMBER, "numbers"), str: (schema.STRING, "strings")}
# Paths that every glob meaning "all files" matches (policy.py matches globs with fnmatch).
_ANY_PATHS = ("a.md", "a.txt", "A", "content/nb/a.markdown")


class ConfigError(ValueError):
    pass


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def find(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest configuration: (file, its contentlint table)."""
    folder = (start or Path.cwd()).resolve()
    for d in [folder, *folder.parents]:
        own = d / "contentlint.toml"
        if own.is_file():
            return own, _read(own)
        project = d / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("contentlint")
            if table is not None:
                return project, table
    return None


def _read(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name == "pyproject.toml":  # the CLI reads data["tool"]["contentlint"]: both must be tables
        tool = data.get("tool", {})
        own = tool.get("contentlint", {}) if isinstance(tool, dict) else {}
        for key, value in (("tool", tool), ("tool.contentlint", own)):
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: '{key}' should be a table, not {schema.describe(value)}")
    return data


def apply(config: Config, table: dict, where: Path) -> Config:
    """Fill `config` from a configuration table, checking every key."""
    from contentlint.registry import all_rules, unknown_selectors

    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{_suggest(name, KEYS)}")
        problem = KEYS[name].problem(value)
        if problem:
            raise ConfigError(f"{where}: '{key}' {problem}")
    t = {k.replace("-", "_"): v for k, v in table.items()}
    base = where.parent
    from contentlint.patterns import PackError, load

    for folder in t.get("packs", []):  # the team's own pattern rules, before rules are named below
        pack = base / folder
        if not pack.is_dir():
            raise ConfigError(f"{where}: packs: no folder {pack}")
        try:
            load(pack / "patterns" if (pack / "patterns").is_dir() else pack)
        except PackError as exc:
            raise ConfigError(str(exc)) from None
    if "paths" in t:  # relative to the configuration file; shown relative to where contentlint runs
        config.paths = [_shown(base / p) for p in t["paths"]]
    for name in ("languages", "path_patterns", "source_language", "blame"):
        if name in t:
            setattr(config, name, t[name])
    selectors = list(t.get("select", [])) + list(t.get("ignore", [])) + list(t.get("extend_select", []))
    for patterns in t.get("per_file_ignores", {}).values():
        selectors += list(patterns)
    names = [r.name for r in all_rules()] + [r.code for r in all_rules()]
    for bad in unknown_selectors(selectors):
        raise ConfigError(f"{where}: unknown rule '{bad}'{_suggest(bad, names)}")
    if "select" in t:
        config.select = list(t["select"])
    if "extend_select" in t:
        config.select = (config.select or ["ALL"]) + list(t["extend_select"]) if config.select else None
    config.ignore = list(t.get("ignore", config.ignore))
    config.per_file_ignores = {str(k): list(v) for k, v in t.get("per_file_ignores", {}).items()}
    config.config_root = str(base)
    if "fail_on" in t:
        config.fail_on = Severity.parse(t["fail_on"])
    if "required_fields" in t:
        config.required_fields = tuple(t["required_fields"])
    if "baseline" in t:
        config.baseline = str(base / t["baseline"])
    for rule_name, options in t.get("rules", {}).items():
        _rule_options(config, rule_name, options, where, all_rules())
    _warn_silenced(config, t, where, all_rules())
    return config


def _warn_silenced(config: Config, t: dict, where: Path, rules) -> None:
    """A selector that silences every rule for every file is allowed (a team may want it
    for a while), but never by accident: say so."""
    from contentlint.registry import matches, select

    rules = [r for r in rules if r.scope != "engine"]  # rule-error is made by the engine, never selected

    def every_rule(selectors) -> bool:
        return bool(rules) and all(any(matches(r, s) for s in selectors) for r in rules)

    said = []
    chosen = [f"{k} = {t[k]}" for k in ("select", "extend_select", "ignore") if k in t]
    if chosen and not select(rules, config.select, config.ignore):
        said.append(f"{', '.join(chosen)} silences every rule")
    everywhere = {g: s for g, s in config.per_file_ignores.items() if all(fnmatch(p, g) for p in _ANY_PATHS)}
    if every_rule([s for sels in everywhere.values() for s in sels]):
        globs = ", ".join(f'"{g}" = {sels}' for g, sels in everywhere.items())
        said.append(f"per_file_ignores {globs} silences every rule for every file")
    for what in said:
        print(f"contentlint: warning: {where}: {what}; nothing will be reported", file=sys.stderr)


def _rule_options(config: Config, rule_name: str, options, where: Path, rules) -> None:
    rule = next((r for r in rules if rule_name in (r.name, r.code)), None)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule '{rule_name}'{_suggest(rule_name, [r.name for r in rules])}")
    for key, value in options.items():
        kind = schema.SEVERITY if key == "severity" else _option_kind(rule.options.get(key))
        if key != "severity" and key not in rule.options:
            choices = ["severity", *rule.options]
            raise ConfigError(f"{where}: rule '{rule.name}' has no option '{key}'{_suggest(key, choices)}")
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


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
