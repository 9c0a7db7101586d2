"""One run, one direction: load -> language -> groups -> rules -> findings -> fixes."""

from __future__ import annotations

import difflib
import os

from contentlint import document, groups, language, parity, policy, suppress
from contentlint.config import Config
from contentlint.document import Document
from contentlint.engine import Context, check_corpus, check_document
from contentlint.findings import Finding
from contentlint.fixer import fix_document, save
from contentlint.groups import Corpus
from contentlint.progress import Progress
from contentlint.registry import Rule, all_rules, select
from contentlint.reporters import Result


def load(path: str) -> Document:
    try:
        return document.load(path)
    except OSError as exc:  # unreadable, deleted meanwhile, a folder: a finding, not a crash
        doc = Document(path)
        doc.problem = f"cannot read file: {exc.strerror or exc}"
        return doc


def selected_rules(config: Config) -> list[Rule]:
    return select(all_rules(), config.select, config.ignore)


def analyse(files: list[str], config: Config, progress: Progress | None = None) -> Corpus:
    """Load every file once, give each its language, and group translations."""
    docs = []
    for p in files:
        docs.append(load(p))
        if progress:
            progress.update("loading", len(docs))
    matches = groups.match_paths(files, config.path_patterns) if config.path_patterns else {}
    language.assign(docs, config.detection_languages(), matches)
    corpus = groups.build(docs, config.source_language, matches)
    parity.prepare(corpus)
    language.detect_spans(corpus)
    return corpus


def check(files: list[str], config: Config, fix: bool = False, diff: bool = False,
          changed: list[str] | None = None) -> tuple[Result, list[str]]:
    """Lint `files`; with `fix`, write fixes; with `diff`, return unified diffs instead.

    With `changed` (pre-commit's list), `files` is the whole content root, so groups form as
    usual, but only the changed files are fixed and reported, with the group findings of
    their translations (the change may have broken their parity)."""
    rules = selected_rules(config)
    progress = Progress(len(files))
    corpus = analyse(files, config, progress)
    ctx = Context(config, corpus)
    diffs, fixed, docs = [], 0, {}

    def raw(doc: Document) -> list[Finding]:
        return policy.apply(check_document(doc, rules, ctx), config)

    def lint(doc: Document) -> list[Finding]:  # what fixes may act on: nothing suppressed
        return suppress.apply(raw(doc), suppress.parse(doc))

    touched = {os.path.abspath(p) for p in changed} if changed is not None else None
    related = set(touched or ())
    if touched is not None:
        for g in corpus.groups:
            paths = {os.path.abspath(m.doc.path) for m in g.members}
            if paths & touched:
                related |= paths
    own: dict[str, list[Finding]] = {}
    for i, doc in enumerate(corpus.docs):
        mine = touched is None or os.path.abspath(doc.path) in touched
        if (fix or diff) and doc.problem is None and mine:
            new, count = fix_document(doc, lint, config.unsafe_fixes)
            if new.text != doc.text:
                if diff:
                    diffs.append("".join(difflib.unified_diff(
                        doc.text.splitlines(keepends=True), new.text.splitlines(keepends=True),
                        fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}")))
                else:
                    save(new)
                    fixed += count
                    corpus.docs[i] = doc = new
        docs[doc.path] = doc
        own[doc.path] = raw(doc)
        progress.update("checking", i + 1)
    progress.close()
    for f in policy.apply(check_corpus(corpus, rules, ctx), config):
        own[f.path].append(f)
    unused = next((r for r in rules if r.scope == "suppression"), None)
    findings: list[Finding] = []
    for path, doc in docs.items():
        marks = suppress.parse(doc)
        findings.extend(suppress.apply(own[path], marks))
        if unused is not None:
            findings.extend(policy.apply(list(unused.report(doc, marks, ctx, rules)), config))
    if touched is not None:
        scopes = {r.name: r.scope for r in rules}
        findings = [f for f in findings if os.path.abspath(f.path) in touched
                    or (scopes.get(f.rule) in ("group", "corpus") and os.path.abspath(f.path) in related)]
        files = [p for p in files if os.path.abspath(p) in related]
    findings.sort(key=Finding.sort_key)
    return Result(findings, files, fixed, config.unsafe_fixes, docs, corpus, config.fail_on), diffs
