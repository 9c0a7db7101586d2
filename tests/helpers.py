"""Lint text in memory, as the engine does for a file."""

from __future__ import annotations

from contentlint.load import document
from contentlint.config.settings import Config
from contentlint.engine.fixer import fix_document
from contentlint.engine.pipeline import Pipeline
from contentlint.rules import catalogue as catalogues
from contentlint.rules.catalogue import Catalogue


def make_doc(data: bytes, language: str | None = None, path: str = "case.md"):
    doc = document.decode(path, data)
    if doc.problem is None:
        document.parse(doc)
    doc.language = language
    return doc


def pipeline(rules: list[str] | None = None, config: Config | None = None, catalogue: Catalogue | None = None):
    """The engine's pipeline with only `rules` selected (default: every rule)."""
    config = config or Config()
    config.select = rules
    return Pipeline(config, catalogue or catalogues.load())


def lint(doc, rules: list[str] | None = None, config: Config | None = None, catalogue: Catalogue | None = None):
    return pipeline(rules, config, catalogue).document(doc)


def fix(doc, rules: list[str] | None = None, unsafe: bool = False):
    run = pipeline(rules, Config(unsafe_fixes=unsafe))
    fixed, _ = fix_document(doc, run.document, unsafe)
    return fixed


def lint_files(folder, files: dict[str, str], rules: list[str] | None = None, config: Config | None = None):
    """Write `files` under `folder` and run the whole pipeline (languages, groups) on them."""
    from contentlint.load.discover import discover
    from contentlint.engine.run import check

    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    config = config or Config()
    config.select = rules
    result, _ = check(discover([str(folder)]), config)
    return result.findings
