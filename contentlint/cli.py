"""Lint multilingual Markdown articles and their machine translations: check, groups, report, rules, rule."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import traceback
from pathlib import Path

from contentlint import __version__, baseline, interrupt
from contentlint.config import Config
from contentlint.discover import absolute, PathError, discover, roots
from contentlint.findings import Severity
from contentlint.language import DEFAULT_LANGUAGES
from contentlint.registry import all_rules, find, unknown_selectors
from contentlint import escape
from contentlint.reporters import FORMATS, chunks, write_atomic
from contentlint.cache import FOLDER
from contentlint.run import analyse, check
from contentlint.workers import default_jobs


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


def _config(args) -> Config:
    from contentlint import settings

    config = Config()
    if getattr(args, "config", None):
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"{path}: no such configuration file")
        table = settings._read(path)
        settings.apply(config, table.get("tool", {}).get("contentlint", {}) if path.name == "pyproject.toml" else table, path)
    elif not getattr(args, "no_config", False):
        found = settings.find()
        if found:
            settings.apply(config, found[1], found[0])
    config.content_paths = list(config.paths)  # configured (or default) content root
    if args.paths:
        config.paths = args.paths
    if args.languages:
        config.languages = _list(args.languages)
    if args.path_pattern:
        config.path_patterns = args.path_pattern
    if args.source_language:
        config.source_language = args.source_language
    # articles are read only where they really live inside the checkout (links never lead out)
    config.roots = roots(config.config_root, config.content_paths, args.paths or [])
    config.detection_languages()  # an unknown language is a usage error, before any work
    return config


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def cmd_check(args) -> int:
    config = _config(args)
    if args.select:
        config.select = _list(args.select)
    if args.ignore:
        config.ignore = config.ignore + _list(args.ignore)
    _check_selectors((config.select or []) + config.ignore)
    if args.fail_on:
        config.fail_on = Severity.parse(args.fail_on)
    config.unsafe_fixes = args.unsafe_fixes
    # a malformed baseline is an error before any work, and before --fix writes anything
    known_path = None if args.write_baseline else args.baseline or config.baseline
    known = baseline.read(known_path) if known_path else None
    if args.changed:
        # pre-commit names the changed files; the groups need the whole content root
        changed = [p for p in discover(args.paths) if not os.path.isdir(p)]
        config.paths = config.content_paths
        files = discover([p for p in config.paths if os.path.exists(p)])
        seen = set(absolute(files).values())
        files += [p for p, a in absolute(changed).items() if a not in seen]
        result, diffs = check(files, config, fix=args.fix, diff=args.diff, changed=changed, jobs=args.jobs,
                              cache=not args.no_cache)
    else:
        files = discover(config.paths)
        result, diffs = check(files, config, fix=args.fix, diff=args.diff, jobs=args.jobs, cache=not args.no_cache)
    root = config.config_root  # fingerprints are relative to it: the same from any folder
    if args.write_baseline:
        count = baseline.write(args.write_baseline, result.findings, result.docs, root)
        print(f"Wrote {args.write_baseline}: {count} findings.", file=sys.stderr)
        return 2 if _rule_failed(result) else 0
    if known is not None:
        result.findings, result.baselined = baseline.subtract(result.findings, result.docs, known, root)
    if args.diff:
        sys.stdout.write("".join(diffs))
        sys.stdout.flush()
        print(f"Would fix {len(diffs)} file{'s' if len(diffs) != 1 else ''}.", file=sys.stderr)
        return 2 if _rule_failed(result) else 1 if diffs else 0
    pieces = chunks(args.format, result, color=args.format == "text" and not args.output and _use_color(sys.stdout))
    if args.output:
        write_atomic(args.output, pieces, _checkout(config))  # all or nothing: never a truncated report
    else:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()  # a closed pipe raises here, inside main(), not at interpreter exit
    return 2 if _rule_failed(result) else 1 if result.failed() else 0


def _checkout(config: Config) -> tuple[str, ...]:
    """The folders a report written inside must really stay inside (reporters.leads_out)."""
    return (config.config_root, os.getcwd())


def _rule_failed(result) -> bool:
    """A rule stopped on a file (rule-error): exit 2, so it is never taken for mere findings."""
    return result.stats().by_rule.get("rule-error", 0) > 0  # contentlint/rules/rule_error.py


def groups_dict(corpus) -> dict:
    """Paths escaped as in every report (reversibly: reporters/escape.py)."""
    return {
        "groups": [
            {
                "key": escape.message(g.key),
                "source": escape.path(g.source.path) if g.source else None,
                "how": g.how,
                "members": [{"path": escape.path(m.doc.path), "language": m.language, "confidence": m.confidence,
                             "evidence": [escape.message(e) for e in m.evidence]} for m in g.members],
            }
            for g in corpus.groups
        ],
        "ungrouped": [{"path": escape.path(d.path), "language": d.language} for d in corpus.ungrouped],
    }


def cmd_groups(args) -> int:
    config = _config(args)
    corpus = analyse(discover(config.paths), config)
    data = groups_dict(corpus)
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for g in data["groups"]:
        print(f"{g['key']}  ({g['how']}; source: {g['source'] or 'none'})")
        for m in g["members"]:
            print(f"  {m['language'] or '??':<3} {m['confidence']:.2f}  {m['path']}")
            for line in m["evidence"]:
                print(f"        {line}")
    if data["ungrouped"]:
        print("ungrouped")
        for d in data["ungrouped"]:
            print(f"  {d['language'] or '??':<3}       {d['path']}")
    print(f"{len(data['groups'])} groups, {len(data['ungrouped'])} articles alone.")
    return 0


def _config_options(p) -> None:
    p.add_argument("--config", help="configuration file (default: the nearest contentlint.toml or pyproject.toml "
                   "with [tool.contentlint])")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.set_defaults(paths=None, languages=None, path_pattern=None, source_language=None)


def _corpus_options(p) -> None:
    _config_options(p)
    p.add_argument("--languages", help="comma-separated ISO 639-1 codes the corpus is written in (detection is "
                   f"restricted to them; default: {','.join(DEFAULT_LANGUAGES)})")
    p.add_argument("--path-pattern", action="append", help="where language and key stand in a path, e.g. "
                   "'{language}/{key}.md', '{lang}/{key}.md', '{key}.{lang}.md' (repeatable)")
    p.add_argument("--source-language", help="the language translations are made from (default: en)")


def cmd_report(args) -> int:
    from contentlint.reporters import html

    config = _config(args)
    files = discover(config.paths)
    result, _ = check(files, config, jobs=default_jobs())
    # the report shows every group side by side: it needs the documents and their alignment
    result.corpus = analyse(files, config)
    result.docs = {d.path: d for d in result.corpus.docs}
    target = args.output
    write_atomic(target, [html.render(result)], _checkout(config))  # a committed link there is replaced, not followed
    print(f"Wrote {escape.path(target)}: {len(result.findings)} findings in {len(result.files)} files.")
    return 0


def cmd_rules(args) -> int:
    _config(args)  # a configuration may add pattern rules from its packs
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
    _config(args)
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
    p.add_argument("--changed", action="store_true", help="PATHS are changed files (pre-commit): load the content "
                   "root of the configuration for grouping, report and fix only these and their translations")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", help="write the report to FILE instead of standard output")
    p.add_argument("--select", help="comma-separated codes, names or code prefixes to run")
    p.add_argument("--ignore", help="comma-separated codes, names or code prefixes to skip")
    p.add_argument("--baseline", help="report only findings that are not in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="write every current finding to FILE as the baseline")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--jobs", "-j", type=_positive, default=default_jobs(),
                   help="worker processes (default: the number of CPUs); the output does not depend on it")
    p.add_argument("--no-cache", action="store_true", help=f"neither read nor write {FOLDER}/")
    _corpus_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("groups", help="show which files are the same article in different languages")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _corpus_options(p)
    p.set_defaults(func=cmd_groups)

    p = sub.add_parser("report", help="write the HTML report for translators")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.add_argument("--output", "-o", default="reports/index.html", help="where to write it (default: reports/index.html)")
    _corpus_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("rules", help="list every rule")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _config_options(p)
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("rule", help="show a rule's documentation")
    p.add_argument("name", help="rule name or code")
    _config_options(p)
    p.set_defaults(func=cmd_rule)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with interrupt.handled():
            return args.func(args)
    except interrupt.Interrupted as exc:  # SIGINT, SIGTERM: no temporary file is left (atomic.py)
        print(f"contentlint: interrupted ({exc})", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `contentlint check | head -1`: the reader has what it wanted
        _quiet_stdout()
        return 1
    except (UsageError, PathError, ValueError, OSError) as exc:
        print(f"contentlint: error: {escape.message(str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line and exit 2, never a traceback with exit 1
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
