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


OUTSIDE = "a link to a file outside the content root: not read"


def roots(config_root: str, named: list[str]) -> tuple[str, ...]:
    """The folders articles may really live in: the configuration's folder, and the paths
    named on the command line — each as named, its parents resolved but not itself, so a
    named link to elsewhere does not widen the root. The configured `paths` add nothing: the
    configuration comes with the checkout, and `paths = ["/home"]` must not reach outside."""
    out = [os.path.realpath(config_root)]
    for p in named:
        a = os.path.abspath(p)
        out.append(os.path.join(os.path.realpath(os.path.dirname(a)), os.path.basename(a)))
    return tuple(dict.fromkeys(out))


def outside(files: list[str], root_paths: tuple[str, ...]) -> frozenset[str]:
    """The files whose real path is under none of `root_paths`: links (or files in linked
    folders) that lead out of the checkout. They are reported, never read. One realpath and
    one scandir a folder (which names its links), realpath only for a file that is a link."""
    prefixes = tuple(r.rstrip(os.sep) + os.sep for r in root_paths)
    folders: dict[str, tuple[str, set[str]]] = {}
    out = set()
    for f, a in absolute(files).items():
        d, _, name = a.rpartition(os.sep)
        known = folders.get(d)
        if known is None:
            try:
                links = {e.name for e in os.scandir(d or os.sep) if e.is_symlink()}
            except OSError:
                links = set()
            known = folders[d] = (os.path.realpath(d or os.sep), links)
        real = os.path.realpath(a) if name in known[1] else os.path.join(known[0], name)
        if real not in root_paths and not real.startswith(prefixes):
            out.add(f)
    return frozenset(out)
