"""What the configuration says about findings once rules have run: severities, per-file
ignores. Applied before fixes too, so an ignored rule's fix is never applied."""

from __future__ import annotations

import os
from fnmatch import fnmatch

from contentlint.config import Config
from contentlint.findings import Finding
from contentlint.registry import all_rules, matches


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


def apply(findings: list[Finding], config: Config) -> list[Finding]:
    if not (config.severities or config.per_file_ignores):
        return findings
    rules = {r.name: r for r in all_rules()}
    out = []
    for f in findings:
        if config.per_file_ignores:
            rel = _relative(f.path, config.config_root)
            ignored = [s for glob, sels in config.per_file_ignores.items() if fnmatch(rel, glob) for s in sels]
            if any(matches(rules[f.rule], s) for s in ignored):
                continue
        if f.rule in config.severities:
            f.severity = config.severities[f.rule]
        out.append(f)
    return out
