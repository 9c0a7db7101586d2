"""Which files to lint: articles under the given folders, and files named explicitly.

Under a folder: files with an article suffix (`.md`, `.markdown`, `.mdx` by default;
`extensions` in the configuration), not hidden, not matched by an `exclude` pattern, and
not ignored by a `.gitignore` of the folders walked (gitignore's own rules, through
pathspec). A file named explicitly is always linted, whatever its name.
"""

from __future__ import annotations

import os

import pathspec

ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx")
SKIP_DIRS = {"node_modules", "__pycache__"}
GITIGNORE_LIMIT = 1024 * 1024


class PathError(Exception):
    pass


def suffixes(extensions) -> tuple[str, ...]:
    """`["md", ".txt"]` -> (".md", ".txt"): written with or without the dot."""
    return tuple("." + e.lower().lstrip(".") for e in extensions) if extensions else ARTICLE_SUFFIXES


def discover(paths: list[str], extensions=None, exclude=(), gitignore: bool = True, base: str = ".") -> list[str]:
    """Articles under `paths`. `exclude`: gitignore-style patterns relative to `base` (the
    configuration's folder)."""
    wanted = suffixes(extensions)
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    base_abs = os.path.abspath(base)
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            ignores: dict[str, pathspec.GitIgnoreSpec | None] = {}
            top = os.path.abspath(path)  # .gitignore files apply from the checkout's folder down
            top = base_abs if within(top, (base_abs,)) else top
            for root, dirs, files in os.walk(path):  # does not follow links: no loops
                specs = _ignores(root, top, ignores) if gitignore else []
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                                 and not _ignored(os.path.join(root, d), True, specs, excluded, base_abs))
                found.extend(f for f in (os.path.join(root, n) for n in sorted(files)
                                         if n.lower().endswith(wanted) and not n.startswith("."))
                             if not _ignored(f, False, specs, excluded, base_abs))
        elif os.path.lexists(path):
            found.append(path)  # named explicitly: an article, whatever its name
        else:
            raise PathError(f"{path}: no such file or folder")
    seen: set[str] = set()
    found = [p[2:] if p.startswith("./") else p for p in found]  # `.` walked: `content/a.md`, not `./content/a.md`
    return [p for p in found if not (p in seen or seen.add(p))]


def _ignores(root: str, top: str, known: dict) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    """The .gitignore files that apply in `root`: its own and those of the folders above it
    up to `top` (a deeper file's patterns are relative to its folder), stopping at a
    repository's own folder: as for git, a nested checkout is not ignored by its parent's."""
    out = []
    folder = os.path.abspath(root)
    chain = []
    while True:
        chain.append(folder)
        if folder == top or os.path.lexists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for d in reversed(chain):
        if d not in known:
            known[d] = _read_gitignore(os.path.join(d, ".gitignore"))
        if known[d] is not None:
            out.append((d, known[d]))
    return out


def _read_gitignore(path: str) -> pathspec.GitIgnoreSpec | None:
    try:
        if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > GITIGNORE_LIMIT:
            return None  # a link may lead out of the checkout: not read
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except OSError:
        return None


def _ignored(path: str, is_dir: bool, specs, excluded, base_abs: str) -> bool:
    for folder, spec in specs:
        inner = os.path.relpath(path, folder).replace(os.sep, "/") + ("/" if is_dir else "")
        if spec.match_file(inner):
            return True
    if excluded is not None:
        inner = os.path.relpath(os.path.abspath(path), base_abs).replace(os.sep, "/") + ("/" if is_dir else "")
        if not inner.startswith("../") and excluded.match_file(inner):
            return True
    return False


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
