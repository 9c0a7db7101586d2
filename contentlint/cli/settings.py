"""A run's settings and rules from the command line and the configuration file it names
(or the nearest one)."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from contentlint.config import files
from contentlint.config.settings import Config
from contentlint.language import detection
from contentlint.load.discover import roots
from contentlint.rules.catalogue import Catalogue
from contentlint.rules.configure import configure


class UsageError(Exception):
    pass


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def check_selectors(catalogue: Catalogue, selectors: list[str]) -> None:
    for bad in catalogue.unknown(selectors):
        close = difflib.get_close_matches(bad, catalogue.names_and_codes(), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"unknown rule or code '{bad}'{hint}")


def run_settings(args: argparse.Namespace) -> tuple[Config, Catalogue]:
    """The configuration (file, then command line) and the rules it runs with."""
    config = Config()
    if getattr(args, "config", None):
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"{path}: no such configuration file")
        table = files.read(path)
        files.apply(config, table.get("tool", {}).get("contentlint", {}) if path.name == "pyproject.toml" else table, path)
    elif not getattr(args, "no_config", False):
        found = files.find()
        if found:
            files.apply(config, found[1], found[0])
    catalogue = configure(config)  # the file's packs, selectors and rule options, checked
    config.content_paths = list(config.paths)  # configured (or default) content root
    if getattr(args, "paths", None):
        config.paths = args.paths
    if getattr(args, "languages", None):
        config.languages = split_list(args.languages)
    if getattr(args, "path_pattern", None):
        config.path_patterns = args.path_pattern
    if getattr(args, "source_language", None):
        config.source_language = args.source_language
    # articles are read only where they really live inside the checkout (links never lead out)
    config.roots = roots(config.config_root, config.content_paths, getattr(args, "paths", None) or [])
    detection.languages_of_run(config)  # an unknown language is a usage error, before any work
    return config, catalogue
