"""Configuration files: `[tool.contentlint]` in pyproject.toml, or contentlint.toml.

The nearest file from the working directory upwards wins (contentlint.toml before
pyproject.toml in the same folder). An unknown key, rule or option is an error that says
what was meant; a value of the wrong type, one that names the key and the type expected.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path

from contentlint.base import schema
from contentlint.config import presets, urls
from contentlint.config.settings import Config
from contentlint.base.findings import Severity

KEYS = {
    "paths": schema.STRINGS, "languages": schema.STRINGS, "source_language": schema.TEXT,
    "path_patterns": schema.STRINGS, "select": schema.STRINGS, "ignore": schema.STRINGS,
    "extend_select": schema.STRINGS, "per_file_ignores": schema.mapping_of(schema.STRINGS, "lists of strings"),
    "rules": schema.mapping_of(schema.TABLE, "tables"), "fail_on": schema.SEVERITY,
    "required_fields": schema.STRINGS, "blame": schema.one_of("consensus", "source"), "baseline": schema.TEXT,
    "packs": schema.STRINGS, "extensions": schema.STRINGS, "exclude": schema.STRINGS,
    "extend_exclude": schema.STRINGS, "respect_gitignore": schema.BOOL, "preset": schema.one_of(*presets.names()),
    "source_only_fields": schema.STRINGS, "base_url": schema.either(schema.TEXT, schema.STRINGS),
    "history": schema.TABLE, "editor_url": urls.EDITOR_URL, "repo_url": urls.REPO_URL,
    # terms translations keep as written: for every language, or by language code
    "do_not_translate": schema.either(schema.STRINGS, schema.mapping_of(schema.STRINGS, "lists of strings")),
}


class ConfigError(ValueError):
    pass


def suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def find(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest configuration: (file, its contentlint table)."""
    folder = (start or Path.cwd()).resolve()
    for d in [folder, *folder.parents]:
        own = d / "contentlint.toml"
        if own.is_file():
            return own, read(own)
        project = d / "pyproject.toml"
        if project.is_file():
            table = read(project).get("tool", {}).get("contentlint")
            if table is not None:
                return project, table
    return None


def read(path: Path) -> dict:
    """A configuration file's TOML; in pyproject.toml, `tool` and `tool.contentlint` must be tables."""
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
    """Fill `config` from a configuration table, checking every key and its type. What names
    rules (selectors, `[rules.NAME]` tables) is checked against the run's rules once they are
    loaded with the packs named here (rules/configure.py)."""
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{suggest(name, KEYS)}")
        problem = KEYS[name].problem(value)
        if problem:
            raise ConfigError(f"{where}: '{key}' {problem}")
    t = {k.replace("-", "_"): v for k, v in table.items()}
    base = where.parent
    config.source = str(where)
    for folder in t.get("packs", []):  # the team's own pattern rules
        pack = base / folder
        if not pack.is_dir():
            raise ConfigError(f"{where}: packs: no folder {pack}")
        config.packs.append(str(pack))
    if "paths" in t:  # relative to the configuration file; shown relative to where contentlint runs
        config.paths = [_shown(base / p) for p in t["paths"]]
    for name in ("languages", "path_patterns", "source_language", "blame", "editor_url"):
        if name in t:
            setattr(config, name, t[name])
    if "select" in t:
        config.select = list(t["select"])
    config.extend_select = list(t.get("extend_select", []))
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
    if "do_not_translate" in t:
        terms = t["do_not_translate"]
        config.do_not_translate = {"*": tuple(terms)} if isinstance(terms, list) else \
            {str(k): tuple(v) for k, v in terms.items()}
    if "extensions" in t:
        config.extensions = list(t["extensions"])
    if "exclude" in t:
        config.exclude, config.exclude_set = list(t["exclude"]), True
    config.extend_exclude = list(t.get("extend_exclude", []))
    config.respect_gitignore = t.get("respect_gitignore", True)
    if "source_only_fields" in t:
        config.source_only_fields, config.source_only_set = tuple(t["source_only_fields"]), True
    if "history" in t:
        config.history = _history(t["history"], where)
    _site(config, t)
    if "preset" in t:
        presets.apply(config, t["preset"])
    config.rule_tables = dict(t.get("rules", {}))
    config.written_selection = [f"{k} = {t[k]}" for k in ("select", "extend_select", "ignore") if k in t]
    return config


def _site(config: Config, t: dict) -> None:
    """The site's own URLs, and the repository's web view the report links to."""
    if "base_url" in t:
        found = t["base_url"]
        config.base_url = tuple([found] if isinstance(found, str) else found)
    config.repo_url = t.get("repo_url", config.repo_url).rstrip("/")


HISTORY = {"shortcodes": schema.BOOL, "front_matter": schema.BOOL, "source_commit_field": schema.TEXT}


def _history(table: dict, where: Path) -> dict:
    """`[history]`: what counts as a substantive change, and the front-matter pin's name."""
    for key, value in table.items():
        if key not in HISTORY:
            raise ConfigError(f"{where}: unknown key 'history.{key}'{suggest(key, HISTORY)}")
        problem = HISTORY[key].problem(value)
        if problem:
            raise ConfigError(f"{where}: 'history.{key}' {problem}")
    return dict(table)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
