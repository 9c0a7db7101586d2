"""One run, one direction: load -> language -> groups -> rules -> findings -> fixes."""

from __future__ import annotations

import difflib

from contentlint import document, groups, language, parity
from contentlint.config import Config
from contentlint.document import Document
from contentlint.engine import Context, check_corpus, check_document
from contentlint.findings import Finding
from contentlint.fixer import fix_document, save
from contentlint.groups import Corpus
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


def analyse(files: list[str], config: Config) -> Corpus:
    """Load every file once, give each its language, and group translations."""
    docs = [load(p) for p in files]
    matches = groups.match_paths(files, config.path_patterns) if config.path_patterns else {}
    language.assign(docs, config.detection_languages(), matches)
    corpus = groups.build(docs, config.source_language, matches)
    parity.prepare(corpus)
    language.detect_spans(corpus)
    return corpus


def check(files: list[str], config: Config, fix: bool = False, diff: bool = False) -> tuple[Result, list[str]]:
    """Lint `files`; with `fix`, write fixes; with `diff`, return unified diffs instead."""
    rules = selected_rules(config)
    corpus = analyse(files, config)
    ctx = Context(config, corpus)
    findings: list[Finding] = []
    diffs, fixed, docs = [], 0, {}

    def lint(doc: Document):
        return check_document(doc, rules, ctx)

    for i, doc in enumerate(corpus.docs):
        if (fix or diff) and doc.problem is None:
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
        findings.extend(lint(doc))
    findings.extend(check_corpus(corpus, rules, ctx))
    findings.sort(key=Finding.sort_key)
    return Result(findings, files, fixed, config.unsafe_fixes, docs, corpus, config.fail_on), diffs
