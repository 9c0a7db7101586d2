"""One run, one direction: load -> (language -> groups) -> rules -> findings -> fixes."""

from __future__ import annotations

import difflib

from contentlint import document
from contentlint.config import Config
from contentlint.document import Document
from contentlint.engine import Context, check_document
from contentlint.fixer import fix_document, save
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


def check(files: list[str], config: Config, fix: bool = False, diff: bool = False) -> tuple[Result, list[str]]:
    """Lint `files`; with `fix`, write fixes; with `diff`, return unified diffs instead."""
    rules = selected_rules(config)
    ctx = Context(config)
    findings, diffs, fixed, docs = [], [], 0, {}

    def lint(doc: Document):
        return check_document(doc, rules, ctx)

    for path in files:
        doc = load(path)
        if (fix or diff) and doc.problem is None:
            new, count = fix_document(doc, lint, config.unsafe_fixes)
            if new.text != doc.text:
                if diff:
                    diffs.append("".join(difflib.unified_diff(
                        doc.text.splitlines(keepends=True), new.text.splitlines(keepends=True),
                        fromfile=f"a/{path}", tofile=f"b/{path}")))
                    new = doc
                else:
                    save(new)
                    fixed += count
            doc = new
        docs[path] = doc
        findings.extend(lint(doc))
    return Result(findings, files, fixed, config.unsafe_fixes, docs), diffs
