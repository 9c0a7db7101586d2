"""Run the selected rules over loaded documents and collect their findings."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.config import Config
from contentlint.document import Document
from contentlint.findings import Finding
from contentlint.registry import Rule


@dataclass
class Context:
    config: Config
    corpus: object = None  # groups.Corpus, once the grouping stage has run


def _failed(doc, rule: Rule, exc: Exception) -> Finding:
    """A rule that fails on one file leaves a `rule-error` finding on it; the other rules and
    files are still checked, and the run's exit code is 2."""
    from contentlint.rules.rule_error import RuleError

    return RuleError().failed(doc, rule, exc)


def check_document(doc: Document, rules: list[Rule], ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope != "document" or (doc.problem and rule.needs_content):
            continue
        try:
            findings.extend(rule.check(doc, ctx))
        except Exception as exc:  # a bug in one rule must not hide the other rules' findings
            findings.append(_failed(doc, rule, exc))
    findings.sort(key=Finding.sort_key)
    return findings


def check_corpus(corpus, rules: list[Rule], ctx: Context) -> list[Finding]:
    """Rules that read the whole corpus (its groups, what is alone), once."""
    return _run([r for r in rules if r.scope == "corpus"], [corpus], ctx, lambda c: c.docs[0] if c.docs else None)


def check_groups(groups, rules: list[Rule], ctx: Context) -> list[Finding]:
    """Rules that compare an article with its translations, once per group."""
    return _run([r for r in rules if r.scope == "group"], groups, ctx, lambda g: g.reference)


def _run(rules: list[Rule], targets, ctx: Context, blamed) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        for target in targets:
            try:
                findings.extend(rule.check(target, ctx))
            except Exception as exc:  # reported on the group's reference (the corpus' first file)
                doc = blamed(target)
                if doc is not None:
                    findings.append(_failed(doc, rule, exc))
    return findings
