"""What each command does, once its arguments are read (main.py)."""

from __future__ import annotations

import difflib
import json
import os
import sys

from contentlint.base import escape
from contentlint.base.findings import Severity
from contentlint.config.settings import Config
from contentlint.cli.settings import UsageError, check_selectors, run_settings, split_list
from contentlint.engine.languages import discover as discover_languages
from contentlint.engine.run import analyse, check, layout_of
from contentlint.groups.grouping import slot
from contentlint.language.names import language_name
from contentlint.language.profiles import for_run
from contentlint.load.discover import absolute, discover
from contentlint.reporters import baseline, links
from contentlint.reporters.output import write_atomic
from contentlint.reporters.writers import chunks


def _use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(stream, "isatty") and stream.isatty())


def articles(config: Config, paths: list[str] | None = None) -> list[str]:
    """The articles under `paths` (default: the run's), as the configuration selects them."""
    return discover(config.paths if paths is None else paths, config.extensions, config.excluded(),
                    config.respect_gitignore, config.config_root)


def note_lacking(result) -> None:
    """Say once which of the run's languages have no profile: rules that need one stay quiet there."""
    if result.lacking:
        print(f"contentlint: note: no language profile for {', '.join(result.lacking)}: rules that need one "
              "(missing-highlights, repeated-word, …) stay quiet for these languages; a profile in a pack's "
              "languages/ folder adds one", file=sys.stderr)


def cmd_check(args) -> int:
    config, catalogue = run_settings(args)
    if args.select:
        config.select = split_list(args.select)
    if args.ignore:
        config.ignore = config.ignore + split_list(args.ignore)
    check_selectors(catalogue, (config.select or []) + config.ignore)
    if args.fail_on:
        config.fail_on = Severity.parse(args.fail_on)
    config.unsafe_fixes = args.unsafe_fixes
    # a malformed baseline is an error before any work, and before --fix writes anything
    known_path = None if args.write_baseline else args.baseline or config.baseline
    known = baseline.read(known_path) if known_path else None
    if args.changed or _named_in_content(args.paths, config):
        # pre-commit names the changed files, as a user may name a few: the groups need the
        # whole content root, and only the named files (with their groups' findings) are reported
        changed = [p for p in articles(config, args.paths) if not os.path.isdir(p)]
        config.paths = config.content_paths
        files = articles(config, [p for p in config.paths if os.path.exists(p)])
        seen = set(absolute(files).values())
        files += [p for p, a in absolute(changed).items() if a not in seen]
        result, diffs = check(files, config, fix=args.fix, diff=args.diff, changed=changed, jobs=args.jobs,
                              cache=not args.no_cache, catalogue=catalogue)
    else:
        files = articles(config)
        result, diffs = check(files, config, fix=args.fix, diff=args.diff, jobs=args.jobs, cache=not args.no_cache,
                              catalogue=catalogue)
    note_lacking(result)
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
    pieces = chunks(args.format, result, color=args.format == "text" and not args.output and _use_color(sys.stdout),
                    **({"links": links.of(config)} if args.format == "html" else {}))
    if args.output:
        write_atomic(args.output, pieces, _checkout(config))  # all or nothing: never a truncated report
    else:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()  # a closed pipe raises here, inside main(), not at interpreter exit
    return 2 if _rule_failed(result) else 1 if result.failed() else 0


def _named_in_content(paths: list[str] | None, config: Config) -> bool:
    """Files named on the command line, each inside the content root: they are checked as in
    a full run (their translations found there), not alone."""
    if not paths or any(os.path.isdir(p) for p in paths):
        return False
    roots = [os.path.abspath(r) for r in config.content_paths if os.path.isdir(r)]
    return bool(roots) and all(any(os.path.abspath(p).startswith(r.rstrip(os.sep) + os.sep) for r in roots)
                               for p in paths)


def _checkout(config: Config) -> tuple[str, ...]:
    """The folders a report written inside must really stay inside (reporters/output.leads_out)."""
    return (config.config_root, os.getcwd())


def _rule_failed(result) -> bool:
    """A rule stopped on a file (rule-error): exit 2, so it is never taken for mere findings."""
    return result.stats().by_rule.get("rule-error", 0) > 0  # contentlint/rules/rule_error.py


def groups_dict(corpus) -> dict:
    """Paths escaped as in every report (reversibly: base/escape.py)."""
    return {
        "groups": [
            {
                "key": escape.message(g.key),
                "source": escape.path(g.source.path) if g.source else None,
                "how": g.joined_by,
                "members": [{"path": escape.path(m.doc.path), "language": m.language, "tag": slot(m.doc),
                             "confidence": m.confidence,
                             "evidence": [escape.message(e) for e in m.evidence]} for m in g.members],
            }
            for g in corpus.groups
        ],
        "ungrouped": [{"path": escape.path(d.path), "language": d.language} for d in corpus.ungrouped],
    }


def cmd_groups(args) -> int:
    config, _ = run_settings(args)
    corpus = analyse(articles(config), config)
    data = groups_dict(corpus)
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for g in data["groups"]:
        print(f"{g['key']}  ({g['how']}; source: {g['source'] or 'none'})")
        for m in g["members"]:
            print(f"  {m['tag'] or '??':<5} {m['confidence']:.2f}  {m['path']}")
            for line in m["evidence"]:
                print(f"        {line}")
    if data["ungrouped"]:
        print("ungrouped")
        for d in data["ungrouped"]:
            print(f"  {d['language'] or '??':<3}       {d['path']}")
    print(f"{len(data['groups'])} groups, {len(data['ungrouped'])} articles alone.")
    return 0


def cmd_layout(args) -> int:
    """Which layout the tree shows (or the patterns configured), on what evidence, and the files it leaves to inference."""
    config, _ = run_settings(args)
    files = articles(config)
    found = layout_of(files, config)
    left = [p for p in found.content(files) if p not in found.matches]
    if args.format == "json":
        print(json.dumps({"layout": found.name, "evidence": found.evidence, "files": len(files),
                          "by_path": len(found.matches), "left": [escape.path(p) for p in left],
                          "not_content": [escape.path(p) for p in found.not_content]},
                         indent=2, ensure_ascii=False))
        return 0
    print(f"layout: {found.name}")
    for line in found.evidence:
        print(f"  {escape.message(line)}")
    print(f"{len(found.matches)} of {len(files)} files placed by their path"
          + (f"; {len(left)} grouped by front matter keys or inference, e.g. {escape.path(left[0])}" if left else "")
          + (f"; {len(found.not_content)} not the site's content, not linted unless named, e.g. "
             f"{escape.path(found.not_content[0])}" if found.not_content else "") + ".")
    return 0


def cmd_languages(args) -> int:
    config, _ = run_settings(args)
    files = articles(config)
    site = layout_of(files, config)
    files = site.content(files)  # a README beside a site's content is no article
    found = discover_languages(files, config, None, site.matches)
    profiles = for_run(tuple(config.packs))
    rows = []
    for code in found.languages:
        profile = profiles.get(code)
        rows.append({"language": code, "name": profile.name if profile else language_name(code),
                     "declared": found.declared[code], "detected": found.detected[code],
                     "how": found.how(code) or ("configured" if config.languages else ""),
                     "profile": profile is not None})
    shadows = [{"language": c, "taken_for": t, "detected": found.detected[c]} for c, t in sorted(found.shadows.items())]
    if args.format == "json":
        print(json.dumps({"files": len(files), "scored": found.scored, "languages": rows, "shadows": shadows,
                          "without_profile": [r["language"] for r in rows if not r["profile"]]},
                         indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        print(f"{r['language']:<4} {r['name']:<22} {'profile' if r['profile'] else 'no profile':<11} {r['how']}")
    for s in shadows:
        print(f"     (also read {s['detected']} file(s) as '{s['language']}': taken for close '{s['taken_for']}')")
    lacking = [r["language"] for r in rows if not r["profile"]]
    print(f"{len(rows)} languages in {len(files)} files ({found.scored} scored)"
          + (f"; without a profile: {', '.join(lacking)}" if lacking else "") + ".")
    return 0


def cmd_report(args) -> int:
    config, catalogue = run_settings(args)
    files = articles(config)
    # the same run as `check`, its cache included: records carry each file's outline and each
    # group's result its rows, so nothing is loaded or aligned again for the page
    result, _ = check(files, config, jobs=args.jobs, cache=not args.no_cache, catalogue=catalogue)
    note_lacking(result)
    target = args.output
    pieces = chunks("html", result, links=links.of(config))
    write_atomic(target, pieces, _checkout(config))  # a committed link there is replaced, not followed
    print(f"Wrote {escape.path(target)}: {len(result.findings)} findings in {len(result.files)} files.")
    return 0


def cmd_rules(args) -> int:
    _, catalogue = run_settings(args)  # a configuration may add pattern rules from its packs
    rules = catalogue.rules
    if args.format == "json":
        data = [{"code": r.code, "name": r.name, "severity": str(r.severity), "fixable": r.fixable,
                 "summary": r.summary()} for r in rules]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for r in rules:
        print(f"{r.code}  {r.name:<26} {str(r.severity):<8} {'fix' if r.fixable else '   '}  {r.summary()}")
    return 0


def cmd_rule(args) -> int:
    _, catalogue = run_settings(args)
    rule = catalogue.find(args.name)
    if rule is None:
        names = [r.name for r in catalogue.rules]
        close = difflib.get_close_matches(args.name, names, n=1)
        raise UsageError(f"no rule '{args.name}'" + (f"; did you mean '{close[0]}'?" if close else ""))
    print(f"# {rule.name} ({rule.code})\n")
    print(f"Default severity: {rule.severity}. Fixable: {'yes' if rule.fixable else 'no'}.\n")
    print(rule.docs())
    return 0


