"""Which files to lint: articles under the given folders, and files named explicitly."""

from __future__ import annotations

import os

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
SKIP_DIRS = {"node_modules", "__pycache__"}


class PathError(Exception):
    pass


def discover(paths: list[str]) -> list[str]:
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):  # does not follow links: no loops
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                found.extend(os.path.join(root, f) for f in sorted(files)
                             if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith("."))
        elif os.path.lexists(path):
            found.append(path)  # named explicitly: an article, whatever its name
        else:
            raise PathError(f"{path}: no such file or folder")
    seen: set[str] = set()
    return [p for p in found if not (p in seen or seen.add(p))]


def absolute(paths) -> dict[str, str]:
    """path -> its absolute, normalised form; one getcwd for all, and no normalising of what
    `discover` gave (pre-commit compares the changed files with the whole content root)."""
    cwd = os.getcwd() + os.sep
    out = {}
    for p in paths:
        plain = p[2:] if p.startswith("./") else p
        simple = os.sep == "/" and not plain.startswith("/") and "/." not in "/" + plain and "//" not in plain
        out[p] = cwd + plain if simple else os.path.abspath(p)
    return out
