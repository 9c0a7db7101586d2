"""Lint multilingual Markdown articles and their machine translations: check, groups, report, rules, rule."""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from contentlint import __version__
from contentlint.base import escape, interrupt
from contentlint.cli import commands, status
from contentlint.cli.settings import UsageError
from contentlint.engine.cache import FOLDER
from contentlint.engine.workers import default_jobs
from contentlint.load.discover import PathError
from contentlint.reporters import writers


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _config_options(p) -> None:
    p.add_argument("--config", help="configuration file (default: the nearest contentlint.toml or pyproject.toml "
                   "with [tool.contentlint])")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.set_defaults(paths=None, languages=None, path_pattern=None, source_language=None)


def _run_options(p) -> None:
    p.add_argument("--jobs", "-j", type=_positive, default=default_jobs(),
                   help="worker processes (default: the number of CPUs); the output does not depend on it")
    p.add_argument("--no-cache", action="store_true", help=f"neither read nor write {FOLDER}/")


def _corpus_options(p) -> None:
    _config_options(p)
    p.add_argument("--languages", help="comma-separated languages the corpus is written in, as codes, names or "
                   "tags (en, German, pt-BR); detection is restricted to them. Default: discovered from the files "
                   "(see `contentlint languages`)")
    p.add_argument("--path-pattern", action="append", help="where language and key stand in a path, e.g. "
                   "'{language}/{key}.md', '{lang}/{key}.md', '{key}.{lang}.md' (repeatable)")
    p.add_argument("--source-language", help="the language translations are made from (default: en)")


def _corpus_parsers(sub) -> None:
    """The commands that show what contentlint makes of a corpus."""
    p = sub.add_parser("groups", help="show which files are the same article in different languages")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _corpus_options(p)
    p.set_defaults(func=commands.cmd_groups)

    p = sub.add_parser("layout", help="show the layout found in the tree (Hugo, Docusaurus, MDN, language folders) "
                       "and its evidence")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _corpus_options(p)
    p.set_defaults(func=commands.cmd_layout)

    p = sub.add_parser("languages", help="show the corpus' languages: how each was found, which lack a profile")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _corpus_options(p)
    p.set_defaults(func=commands.cmd_languages)

    _status_parser(sub)


def _status_parser(sub) -> None:
    p = sub.add_parser("status", help="show each translation's state: up to date, outdated (from the repository's "
                       "history), missing, orphan or untracked")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    _run_options(p)
    _corpus_options(p)
    p.set_defaults(func=status.cmd_status)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="contentlint", description=__doc__)
    parser.add_argument("--version", action="version", version=f"contentlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="lint articles (default: seeds/)")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    p.add_argument("--diff", action="store_true", help="show what --fix would change; write nothing")
    p.add_argument("--changed", action="store_true", help="PATHS are changed files (pre-commit): load the content "
                   "root of the configuration for grouping, report and fix only these and their translations")
    p.add_argument("--format", choices=writers.names(), default="text")
    p.add_argument("--output", "-o", help="write the report to FILE instead of standard output")
    p.add_argument("--select", help="comma-separated codes, names or code prefixes to run")
    p.add_argument("--ignore", help="comma-separated codes, names or code prefixes to skip")
    p.add_argument("--baseline", help="report only findings that are not in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="write every current finding to FILE as the baseline")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    _run_options(p)
    _corpus_options(p)
    p.set_defaults(func=commands.cmd_check)

    _corpus_parsers(sub)

    p = sub.add_parser("report", help="write the HTML report for translators")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--output", "-o", default="reports/index.html", help="where to write it (default: reports/index.html)")
    _run_options(p)
    _corpus_options(p)
    p.set_defaults(func=commands.cmd_report)

    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _config_options(p)
    p.set_defaults(func=commands.cmd_rules)

    p = sub.add_parser("rule", help="show a rule's documentation")
    p.add_argument("name", help="rule name or code")
    _config_options(p)
    p.set_defaults(func=commands.cmd_rule)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with interrupt.handled():
            return args.func(args)
    except interrupt.Interrupted as exc:  # SIGINT, SIGTERM: no temporary file is left (atomic.py)
        return _interrupted(exc)
    except Exception as exc:
        signalled = interrupt.received()
        if signalled is not None:  # the interrupt, replaced on its way up by another exception
            return _interrupted(signalled)
        return _failed(exc)


def _interrupted(exc: interrupt.Interrupted) -> int:
    print(f"contentlint: interrupted ({exc})", file=sys.stderr)
    return exc.code


def _failed(exc: Exception) -> int:
    if isinstance(exc, BrokenPipeError):  # `contentlint check | head -1`: the reader has what it wanted
        _quiet_stdout()
        return 1
    if isinstance(exc, (UsageError, PathError, ValueError, OSError)):
        print(f"contentlint: error: {escape.message(str(exc))}", file=sys.stderr)
        return 2
    # a bug: one line and exit 2, never a traceback with exit 1
    print(f"contentlint: internal error: {escape.message(repr(exc))}", file=sys.stderr)
    if os.environ.get("CONTENTLINT_DEBUG"):
        traceback.print_exc()
    return 2


def _quiet_stdout() -> None:
    """As Python's docs advise for SIGPIPE: point standard output at os.devnull, so the flush
    of what is still buffered at exit cannot fail again ("Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a file descriptor (a test's capture)
        pass
