"""Configuration files: `[tool.contentlint]` in pyproject.toml, or contentlint.toml.

The nearest file from the working directory upwards wins (contentlint.toml before
pyproject.toml in the same folder). An unknown key, rule or option is an error that says
what was meant.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path

from contentlint.config import Config
from contentlint.findings import Severity

KEYS = {
    "paths": list, "languages": list, "source_language": str, "path_patterns": list, "select": list,
    "ignore": list, "extend_select": list, "per_file_ignores": dict, "rules": dict, "fail_on": str,
    "required_fields": list, "blame": str, "baseline": str, "packs": list,
}


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
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def apply(config: Config, table: dict, where: Path) -> Config:
    """Fill `config` from a configuration table, checking every key."""
    from contentlint.registry import all_rules, unknown_selectors

    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{_suggest(name, KEYS)}")
        if not isinstance(value, KEYS[name]):
            raise ConfigError(f"{where}: '{key}' should be a {KEYS[name].__name__}")
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
    if config.blame not in ("consensus", "source"):
        raise ConfigError(f"{where}: blame must be 'consensus' or 'source', not '{config.blame}'")
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
    return config


def _rule_options(config: Config, rule_name: str, options, where: Path, rules) -> None:
    rule = next((r for r in rules if rule_name in (r.name, r.code)), None)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule '{rule_name}'{_suggest(rule_name, [r.name for r in rules])}")
    if not isinstance(options, dict):
        raise ConfigError(f"{where}: rules.{rule_name} should be a table")
    for key, value in options.items():
        if key == "severity":
            config.severities[rule.name] = Severity.parse(value)
        elif key in rule.options:
            default = rule.options[key]
            if default is not None and not isinstance(value, type(default)):
                raise ConfigError(f"{where}: rules.{rule_name}.{key} should be a {type(default).__name__}")
            config.rule_options.setdefault(rule.name, {})[key] = value
        else:
            choices = ["severity", *rule.options]
            raise ConfigError(f"{where}: rule '{rule.name}' has no option '{key}'{_suggest(key, choices)}")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
