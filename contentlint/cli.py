"""Command line: `contentlint check|rules|rule`."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys

from contentlint import __version__
from contentlint.config import Config
from contentlint.discover import PathError, discover
from contentlint.findings import Severity
from contentlint.registry import all_rules, find, unknown_selectors
from contentlint.reporters import FORMATS, render
from contentlint.run import check


class UsageError(Exception):
    pass


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(stream, "isatty") and stream.isatty())


def _check_selectors(selectors: list[str]) -> None:
    for bad in unknown_selectors(selectors):
        names = [r.name for r in all_rules()] + [r.code for r in all_rules()]
        close = difflib.get_close_matches(bad, names, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"unknown rule or code '{bad}'{hint}")


def cmd_check(args) -> int:
    config = Config()
    if args.paths:
        config.paths = args.paths
    config.select = _list(args.select) if args.select else None
    config.ignore = _list(args.ignore) if args.ignore else []
    _check_selectors((config.select or []) + config.ignore)
    config.fail_on = Severity.parse(args.fail_on)
    config.unsafe_fixes = args.unsafe_fixes
    files = discover(config.paths)
    result, diffs = check(files, config, fix=args.fix, diff=args.diff)
    if args.diff:
        sys.stdout.write("".join(diffs))
        print(f"Would fix {len(diffs)} file{'s' if len(diffs) != 1 else ''}.", file=sys.stderr)
        return 1 if diffs else 0
    out = sys.stdout if not args.output else None
    text = render(args.format, result, color=args.format == "text" and out is not None and _use_color(out))
    if args.output:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 1 if any(f.severity >= config.fail_on for f in result.findings) else 0


def cmd_rules(args) -> int:
    rules = all_rules()
    if args.format == "json":
        data = [{"code": r.code, "name": r.name, "severity": str(r.severity), "fixable": r.fixable,
                 "summary": r.summary()} for r in rules]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for r in rules:
        print(f"{r.code}  {r.name:<26} {str(r.severity):<8} {'fix' if r.fixable else '   '}  {r.summary()}")
    return 0


def cmd_rule(args) -> int:
    rule = find(args.name)
    if rule is None:
        names = [r.name for r in all_rules()]
        close = difflib.get_close_matches(args.name, names, n=1)
        raise UsageError(f"no rule '{args.name}'" + (f"; did you mean '{close[0]}'?" if close else ""))
    print(f"# {rule.name} ({rule.code})\n")
    print(f"Default severity: {rule.severity}. Fixable: {'yes' if rule.fixable else 'no'}.\n")
    print(rule.docs())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="contentlint", description=__doc__)
    parser.add_argument("--version", action="version", version=f"contentlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="lint articles (default: seeds/)")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    p.add_argument("--diff", action="store_true", help="show what --fix would change; write nothing")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", help="write the report to FILE instead of standard output")
    p.add_argument("--select", help="comma-separated codes, names or code prefixes to run")
    p.add_argument("--ignore", help="comma-separated codes, names or code prefixes to skip")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("rule", help="show a rule's documentation")
    p.add_argument("name", help="rule name or code")
    p.set_defaults(func=cmd_rule)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (UsageError, PathError, ValueError) as exc:
        print(f"contentlint: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
