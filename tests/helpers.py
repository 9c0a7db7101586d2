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


def git(folder, *args: str, when: str | None = None) -> str:
    """Run git in `folder` as a test's author (no user configuration is read); `when`: the
    commit's author and committer date."""
    import os
    import subprocess

    dates = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | dates | {
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "Tester",
        "GIT_AUTHOR_EMAIL": "tester@example.com", "GIT_COMMITTER_NAME": "Tester",
        "GIT_COMMITTER_EMAIL": "tester@example.com"}
    done = subprocess.run(["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit_stages(folder, stages: list[dict[str, str | None]], start: int = 1_700_000_000) -> list[str]:
    """A real repository in `folder` with one commit a stage: each stage writes its files
    (None deletes one; `a.md -> b.md` as a name renames). Commit times step by a day.
    Returns the commit ids, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / ".git").exists():
        git(folder, "init", "-q", "-b", "main")
    ids = []
    for k, stage in enumerate(stages):
        for name, text in stage.items():
            if " -> " in name:
                old, new = name.split(" -> ")
                (folder / new).parent.mkdir(parents=True, exist_ok=True)
                git(folder, "mv", old, new)
                if not text:  # a rename alone
                    continue
                name = new
            path = folder / name
            if text is None:
                git(folder, "rm", "-q", name)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            git(folder, "add", name)
        git(folder, "commit", "-q", "--allow-empty", "-m", f"stage {k + 1}", when=f"@{start + k * 86400} +0000")
        ids.append(git(folder, "rev-parse", "HEAD"))
    return ids


def report_data(page: str) -> dict:
    """The data blocks of an HTML report (what its script draws from): `tables`, `index` (a
    line per article), `articles` (their details) and `patches` ([path, [kind, text]]), read
    as the page's script reads them (a block after the first is gzip in base64)."""
    import base64
    import gzip
    import json
    import re

    blocks = dict(re.findall(r'<script type="application/json"[^>]* id="([^"]+)">(.*?)</script>', page, re.S))
    chunks = []
    for k in sorted((k for k in blocks if re.fullmatch(r"c\d+", k)), key=lambda k: int(k[1:])):
        data = json.loads(blocks[k])
        chunks.append(json.loads(gzip.decompress(base64.b64decode(data))) if isinstance(data, str) else data)
    return {"tables": json.loads(blocks["tables-data"]), "index": json.loads(blocks["index-data"]),
            "articles": [a for c in chunks for a in c["a"]],
            "patches": [p for _k, p in sorted((k, p) for c in chunks for k, p in c["p"])]}
