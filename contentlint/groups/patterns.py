"""Path patterns: where language and key stand, anchored at the content root.

`{language}` (or `{lang}`) is one folder or name part; `{key}` one level, `{key...}` any number
of levels; `**` any folders, kept out of the key. `docs/{key...}.{lang}.md`,
`{language}/{key...}.md`, `files/{lang}/{key...}/index.md`. A pattern that reads a folder
that names no language as `{language}` is an error, never a silent mislabel.
"""

from __future__ import annotations

import re

from contentlint.language import names


class PatternError(ValueError):
    pass


def compile_pattern(pattern: str) -> re.Pattern:
    """`{language}/{key...}.md` -> a regex matched against a path below the content root."""
    out = []
    for piece in re.split(r"(\{\w+(?:\.\.\.)?\}|\*\*/?)", pattern.strip("/")):
        if piece.startswith("**"):
            out.append("(?:[^/]+/)*" if piece.endswith("/") else ".*")
            continue
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name in ("language", "lang"):
            out.append(f"(?P<{name}>[^/]+?)")
        elif name == "key":
            out.append("(?P<key>[^/]+?)")
        elif name == "key...":
            out.append("(?P<key>[^/]+?(?:/[^/]+?)*?)")
        elif name is not None:
            raise PatternError(f"unknown placeholder {piece} in path pattern {pattern!r} "
                               "(use {language}, {lang}, {key}, {key...} or **)")
        else:
            out.append(re.escape(piece))
    if "(?P<key>" not in "".join(out):
        raise PatternError(f"path pattern {pattern!r} has no {{key}} or {{key...}}")
    return re.compile("".join(out))


def match(rel: dict[str, list[str]], path_patterns: list[str], profiles=None) -> dict[str, dict]:
    """path -> {"language": …, "key": …} of the first pattern each path (as segments below the
    content root) matches whole."""
    compiled = [(p, compile_pattern(p)) for p in path_patterns]
    found = {}
    for path, segs in rel.items():
        inner = "/".join(segs)
        for written, rx in compiled:
            m = rx.fullmatch(inner)
            if not m:
                continue
            groups = m.groupdict()
            language = groups.get("language") or groups.get("lang")
            if language is not None and names.resolve(language, profiles) is None:
                below = segs[1] if len(segs) > 2 and segs[0] == language else ""
                raise PatternError(f"{path}: path pattern {written!r} reads '{language}' as a language, and it "
                                   f"names none; {_anchor_hint(written, language, names.resolve(below, profiles) is not None)}")
            found[path] = {"language": language, "key": groups["key"]}
            break
    return found


def _anchor_hint(written: str, folder: str, above: bool) -> str:
    """How to anchor a pattern that read the folder above the languages as one (`above`: the
    folder below it names a language): the folder named before it, or the content root set
    (`paths`), which files named alone (pre-commit's) are then placed under too."""
    if above and written.startswith(("{language}", "{lang}")):
        return (f"the patterns start at the content root: set `paths = [\"{folder}\"]` in the configuration, "
                f"or name the folder in the pattern ('{folder}/{written}')")
    return "make the pattern start at the content root (e.g. '{language}/{key...}.md') or name the folders before it"
