"""Where the language and the article stand in a path: the configured path patterns, else the
layout the tree itself shows.

Each layout claims a file only on its own evidence, so a folder that happens to be named
`it` or `no` is not taken for a language by accident:
- docusaurus: `i18n/<locale>/docusaurus-plugin-content-docs/current/…` (also `-blog/`, `-pages/`,
  versioned docs), and beside that `i18n/` folder the default locale's `docs/`, `blog/`, `src/pages/`;
- mdn: `files/<locale>/…/index.md` (the English may come from a sibling checkout: keys do not
  depend on what stands before `files/`);
- hugo: `content/<language>/…`, or `<name>.<language>.md` beside `<name>.md`;
- folders: one folder level names a language (`<lang>/…`, `Texts/<Language>/…`) in at least two
  languages.
A match is {"language": as written, or None where the layout does not say, "key": the article}.
Files no layout claims are grouped by front matter keys or by inference (grouping.py).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from contentlint.groups import patterns
from contentlint.language import names

PLUGINS = {"docusaurus-plugin-content-docs": "docs", "docusaurus-plugin-content-blog": "blog",
           "docusaurus-plugin-content-pages": "pages"}
DOCUSAURUS_SOURCES = ((("docs",), "docs"), (("blog",), "blog"), (("src", "pages"), "pages"))
SITE_FILES = {  # a site's own configuration, read as text (never run) for its default language
    "docusaurus": (("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"),
                   re.compile(r"""defaultLocale\s*:\s*['"]([\w-]+)['"]""")),
    "hugo": (("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml",
              "config/_default/hugo.toml", "config/_default/config.toml"),
             re.compile(r"""defaultContentLanguage\s*[:=]\s*['"]?([\w-]+)""")),
}
SITE_FILE_LIMIT = 256 * 1024
SITES = ("docusaurus", "mdn", "hugo")


@dataclass
class Layout:
    name: str  # "pattern", "docusaurus", "mdn", "hugo", "folders", a mix ("hugo+folders"), or "none"
    evidence: list[str] = field(default_factory=list)
    matches: dict[str, dict] = field(default_factory=dict)
    # files of a site's folders that are not its content (a README beside `content/`): not articles
    not_content: list[str] = field(default_factory=list)

    def content(self, files: list[str]) -> list[str]:
        if not self.not_content:
            return files
        skip = set(self.not_content)
        return [p for p in files if p not in skip]


def find(files: list[str], roots: list[str], path_patterns: list[str], source_language: str,
         profiles=None) -> Layout:
    """The layout of `files` (found under `roots`, the content paths as given)."""
    rel = relative(files, roots)
    folders = [r for r in roots if os.path.isdir(r)]  # asked once, not once a file
    named = {p for p in files if not _under_folder(p, folders)}
    if path_patterns:
        found = patterns.match(rel, path_patterns, profiles)
        return Layout("pattern", [f"path patterns {', '.join(path_patterns)}: {len(found)} of {len(files)} files"],
                      found)
    layout = Layout("none")
    for name, finder in (("docusaurus", _docusaurus), ("mdn", _mdn), ("hugo", _hugo), ("hugo", _hugo_suffix),
                         ("folders", _folders)):
        left = {p: s for p, s in rel.items() if p not in layout.matches}
        found, evidence = finder(left, source_language, profiles)
        if found:
            layout.matches.update(found)
            layout.evidence.append(f"{name}: {evidence}")
            layout.name = name if layout.name in ("none", name) else f"{layout.name}+{name}"
    if layout.name != "none" and all(n in SITES for n in layout.name.split("+")):
        # a site's content is what its layout places; the rest of its checkout (README, theme) is not
        layout.not_content = [p for p in rel if p not in layout.matches and p not in named]
    return layout


def relative(files: list[str], roots: list[str]) -> dict[str, list[str]]:
    """Each file's path segments below the content path it was found under (as given on the
    command line or in the configuration), else below the working folder."""
    bases = sorted({r.rstrip("/\\") for r in roots if os.path.isdir(r)}, key=len, reverse=True)
    out = {}
    for path in files:
        for base in bases:
            if base in (".", "") or path.startswith(base + os.sep) or path.startswith(base + "/"):
                inner = path if base in (".", "") else path[len(base) + 1:]
                break
        else:
            inner = os.path.normpath(path)
        out[path] = [s for s in re.split(r"[\\/]", inner) if s not in ("", ".")]
    return out


def _under_folder(path: str, folders: list[str]) -> bool:
    return any(r in (".", "") or path.startswith(r.rstrip("/\\") + os.sep) for r in folders)


def _key(site: str, inner: str) -> str:
    """An article's key: its path inside the language's tree, after the site's folder if any
    (two sites in one checkout keep their articles apart)."""
    return f"{site}: {inner}" if site else inner


def _stem(segments: list[str]) -> str:
    *folders, name = segments or [""]
    return "/".join(folders + [name.rsplit(".", 1)[0] if "." in name else name])


def _language(value: str, profiles) -> bool:
    return names.resolve(value, profiles) is not None


def _site_language(path: str, segments_in: list[str], site: list[str], kind: str) -> str | None:
    """The default language a site's configuration names, read as text; None if it says none."""
    depth = len(segments_in) - len(site)
    base = path
    for _ in range(depth):
        base = os.path.dirname(base)
    names_, pattern = SITE_FILES[kind]
    for name in names_:
        candidate = os.path.join(base, name)
        try:
            if os.path.islink(candidate) or not os.path.isfile(candidate) or \
                    os.path.getsize(candidate) > SITE_FILE_LIMIT:
                continue
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                m = pattern.search(handle.read())
        except OSError:
            continue
        if m:
            return m.group(1)
    return None


def _docusaurus(rel: dict[str, list[str]], source_language: str, profiles):
    found, sites, locales = {}, {}, Counter()
    for path, segs in rel.items():
        for i in range(len(segs) - 3):
            if segs[i] != "i18n" or segs[i + 2] not in PLUGINS or not _language(segs[i + 1], profiles):
                continue
            kind, rest = PLUGINS[segs[i + 2]], segs[i + 3:]
            if kind == "docs":  # `current/` or a version folder: part of the key
                kind, rest = f"docs@{rest[0]}", rest[1:]
            site = "/".join(segs[:i])
            sites.setdefault(site, (path, segs))
            found[path] = {"language": segs[i + 1], "key": _key(site, f"{kind}/{_stem(rest)}")}
            locales[segs[i + 1]] += 1
            break
    if not found:
        return {}, ""
    defaults = {site: _site_language(p, s, site.split("/") if site else [], "docusaurus") or source_language
                for site, (p, s) in sites.items()}
    for path, segs in rel.items():
        for site in sites:
            depth = len(site.split("/")) if site else 0
            if path in found or segs[:depth] != (site.split("/") if site else []):
                continue
            rest = segs[depth:]
            if rest[:1] == ["versioned_docs"] and len(rest) > 2:
                found[path] = {"language": defaults[site], "key": _key(site, f"docs@{rest[1]}/{_stem(rest[2:])}")}
                continue
            for prefix, kind in DOCUSAURUS_SOURCES:
                if tuple(rest[:len(prefix)]) == prefix and len(rest) > len(prefix):
                    kind = "docs@current" if kind == "docs" else kind
                    found[path] = {"language": defaults[site], "key": _key(site, f"{kind}/{_stem(rest[len(prefix):])}")}
                    break
    languages = ", ".join(sorted(set(defaults.values()))) + " (default), " + ", ".join(sorted(locales))
    return found, f"i18n/<locale>/docusaurus-plugin-content-*/ and docs/: {len(found)} files in {languages}"


def _mdn(rel: dict[str, list[str]], source_language: str, profiles):
    found, locales = {}, Counter()
    for path, segs in rel.items():
        if len(segs) < 4 or segs[-1].lower() not in ("index.md", "index.mdx"):
            continue
        for i in range(len(segs) - 3):
            if segs[i] == "files" and _language(segs[i + 1], profiles):
                found[path] = {"language": segs[i + 1], "key": _key("mdn", "/".join(segs[i + 2:-1]).casefold())}
                locales[segs[i + 1].casefold()] += 1
                break
    return found, (f"files/<locale>/…/index.md: {len(found)} files in {', '.join(sorted(locales))}" if found else "")


def _hugo(rel: dict[str, list[str]], source_language: str, profiles):
    found, tags = {}, Counter()
    for path, segs in rel.items():
        for i in range(len(segs) - 2):
            if segs[i] == "content" and _language(segs[i + 1], profiles):
                found[path] = {"language": segs[i + 1], "key": _key("/".join(segs[:i]), _stem(segs[i + 2:]))}
                tags[segs[i + 1]] += 1
                break
    if len(tags) < 2:  # one language folder under content/ may be a section named like a language
        return {}, ""
    return found, f"content/<language>/: {len(found)} files in {len(tags)} languages ({', '.join(sorted(tags))})"


SUFFIXED = re.compile(r"(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.(md|markdown|mdx)$")


def _hugo_suffix(rel: dict[str, list[str]], source_language: str, profiles):
    """`about.fr.md` beside `about.md`: Hugo's translation by file name."""
    by_folder = defaultdict(dict)
    for path, segs in rel.items():
        by_folder[tuple(segs[:-1])][segs[-1]] = path
    found, tags, default = {}, Counter(), None
    for folder, files in by_folder.items():
        for name, path in files.items():
            m = SUFFIXED.fullmatch(name)
            if not m or not _language(m.group(2), profiles):
                continue
            plain = f"{m.group(1)}.{m.group(3)}"
            key = "/".join(folder + (m.group(1),))
            found[path] = {"language": m.group(2), "key": key}
            tags[m.group(2)] += 1
            if plain in files and files[plain] not in found:
                if default is None:
                    default = _site_language(path, list(folder) + [name], [], "hugo") or source_language
                found[files[plain]] = {"language": default, "key": key}
    if not tags:
        return {}, ""
    return found, f"<name>.<language>.md: {len(found)} files in {', '.join(sorted(tags))}"


def _folders(rel: dict[str, list[str]], source_language: str, profiles):
    """The folder level that names a language in the most files, if it names two languages or more."""
    by_depth: dict[int, Counter] = defaultdict(Counter)
    cache: dict[str, bool] = {}
    for segs in rel.values():
        for depth, seg in enumerate(segs[:-1]):
            if seg not in cache:
                cache[seg] = _language(seg, profiles)
            if cache[seg]:
                by_depth[depth][seg] += 1
    if not by_depth:
        return {}, ""
    depth, tags = max(by_depth.items(), key=lambda item: (sum(item[1].values()), -item[0]))
    if len(tags) < 2:
        return {}, ""
    found = {}
    for path, segs in rel.items():
        if len(segs) > depth + 1 and segs[depth] in tags:
            found[path] = {"language": segs[depth], "key": _key("/".join(segs[:depth]), _stem(segs[depth + 1:]))}
    shown = "/".join(["…"] * depth + ["<language>"])
    return found, f"{shown}/…: {len(found)} files in {len(tags)} languages ({', '.join(sorted(tags))})"
