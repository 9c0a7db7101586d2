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


def within(path: str, roots) -> bool:
    """Whether `path` is one of `roots` or lies under one (paths compared as given)."""
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def roots(config_root: str, content_paths: list[str], named: list[str]) -> tuple[str, ...]:
    """The folders articles may really live in: the configured content paths (else the
    configuration's folder), and the paths named on the command line. Each is taken as
    written, its parents resolved but not itself, so a link in that place (`content -> $HOME`)
    does not carry the root elsewhere; and a configured path counts only inside the
    configuration's folder, since the configuration comes with the checkout (`paths =
    ["/home"]` must not reach outside it)."""
    base = os.path.realpath(config_root)
    configured = [r for r in map(_as_written, content_paths) if within(r, (base,))]
    return tuple(dict.fromkeys((configured or [base]) + [_as_written(p) for p in named]))


def _as_written(path: str) -> str:
    a = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(a)), os.path.basename(a))


def outside(files: list[str], root_paths: tuple[str, ...]) -> frozenset[str]:
    """The files whose real path is under none of `root_paths`: links (or files in linked
    folders) that lead out of the checkout. They are reported, never read. One realpath and
    one scandir a folder (which names its links), realpath only for a file that is a link."""
    folders: dict[str, tuple[str, set[str]] | None] = {}  # None: no link in it, and inside
    out = set()
    for f in files:
        d, _, name = f.rpartition(os.sep)
        if d not in folders:
            a = os.path.abspath(d or ("." if not f.startswith(os.sep) else os.sep))
            try:
                links = {e.name for e in os.scandir(a) if e.is_symlink()}
            except OSError:
                links = set()
            real = os.path.realpath(a).rstrip(os.sep) + os.sep
            folders[d] = None if not links and within(real, root_paths) else (real, links)
        known = folders[d]
        if known is not None:
            real = os.path.realpath(f) if name in known[1] else known[0] + name
            if not within(real, root_paths):
                out.add(f)
    return frozenset(out)
