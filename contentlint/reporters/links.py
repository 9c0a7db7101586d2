"""Where a report's locations lead: the file at its line in the user's editor, and, when
`repo_url` is configured, the same line in the repository's web view at the run's commit."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote


@dataclass(frozen=True)
class Links:
    editor: str  # a template checked by config/urls.py: {abspath} {path} {line} {column}
    repo_url: str = ""  # without its trailing slash
    top: str = ""  # the repository's top folder ("" outside git)
    commit: str = ""  # HEAD when the report was written

    def relative(self, path: str) -> str:
        """`path` as the repository names it (`/`-separated), else as the run does."""
        return _relative(self.top, path)

    def editor_url(self, path: str, line: int, column: int) -> str:
        # every value quoted: a file name cannot end the URL or add a parameter to it
        return self.editor.format_map({"abspath": _quoted_abspath(path), "path": _quote(_relative(self.top, path)),
                                       "line": int(line), "column": int(column)})

    def web_url(self, path: str, line: int) -> str | None:
        if not (self.repo_url and self.top and self.commit):
            return None
        return f"{self.repo_url}/blob/{self.commit}/{_quote(self.relative(path))}#L{int(line)}"


def _relative(top: str, path: str) -> str:
    return _within(top, os.path.abspath(path), path)  # absolute here: the cache must not outlive a cwd


@lru_cache(maxsize=65536)  # a report names each file once for each of its findings
def _within(top: str, full: str, path: str) -> str:
    if top and (full == top or full.startswith(top + os.sep)):
        return os.path.relpath(full, top).replace(os.sep, "/")
    return path.replace(os.sep, "/")


def _quoted_abspath(path: str) -> str:
    return _quote(os.path.abspath(path))


@lru_cache(maxsize=65536)
def _quote(path: str) -> str:
    """Percent-encoded, bytes a file name could not decode included (surrogate escapes)."""
    return quote(path.encode("utf-8", "surrogateescape"))


def of(config) -> Links:
    """The run's links: its repository and commit read once (a report outside git has no web view)."""
    from contentlint.history import git

    top, commit = "", ""
    found = git.repository(os.path.abspath(config.config_root))
    if found is not None:
        top = os.path.realpath(found[0])
        try:
            commit = git.run(top, "rev-parse", "HEAD").decode().strip()
        except git.GitError:
            commit = ""  # no commit yet
    return Links(config.editor_url, config.repo_url, top, commit)
