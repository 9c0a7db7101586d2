"""Lint text in memory, as the engine does for a file."""

from __future__ import annotations

from contentlint import document
from contentlint.config import Config
from contentlint.engine import Context, check_document
from contentlint.fixer import fix_document
from contentlint.registry import all_rules, select


def make_doc(data: bytes, language: str | None = None, path: str = "case.md"):
    doc = document.decode(path, data)
    if doc.problem is None:
        document.parse(doc)
    doc.language = language
    return doc


def lint(doc, rules: list[str] | None = None, config: Config | None = None):
    chosen = select(all_rules(), rules, None)
    return check_document(doc, chosen, Context(config or Config()))


def fix(doc, rules: list[str] | None = None, unsafe: bool = False):
    chosen = select(all_rules(), rules, None)
    ctx = Context(Config(unsafe_fixes=unsafe))
    fixed, _ = fix_document(doc, lambda d: check_document(d, chosen, ctx), unsafe)
    return fixed


def lint_files(folder, files: dict[str, str], rules: list[str] | None = None, config: Config | None = None):
    """Write `files` under `folder` and run the whole pipeline (languages, groups) on them."""
    from contentlint.discover import discover
    from contentlint.run import check

    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    config = config or Config()
    config.select = rules
    result, _ = check(discover([str(folder)]), config)
    return result.findings
