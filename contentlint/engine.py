"""Run the selected rules over loaded documents and collect their findings."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from contentlint.config import Config
from contentlint.document import Document
from contentlint.findings import Finding
from contentlint.registry import Rule


@dataclass
class Context:
    config: Config
    corpus: object = None  # groups.Corpus, once the grouping stage has run


def check_document(doc: Document, rules: list[Rule], ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope != "document" or (doc.problem and rule.needs_content):
            continue
        try:
            findings.extend(rule.check(doc, ctx))
        except Exception as exc:  # a bug in one rule must not hide the other rules' findings
            print(f"contentlint: internal error in {rule.name} on {doc.path}: {exc!r}", file=sys.stderr)
    findings.sort(key=Finding.sort_key)
    return findings


def check_corpus(corpus, rules: list[Rule], ctx: Context) -> list[Finding]:
    """Rules that read the groups: corpus rules once, group rules once per group."""
    findings: list[Finding] = []
    for rule in rules:
        targets = [corpus] if rule.scope == "corpus" else corpus.groups if rule.scope == "group" else []
        for target in targets:
            try:
                findings.extend(rule.check(target, ctx))
            except Exception as exc:
                print(f"contentlint: internal error in {rule.name}: {exc!r}", file=sys.stderr)
    return findings
