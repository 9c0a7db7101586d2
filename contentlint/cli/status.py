"""`contentlint status [PATHS]`: for each article and language, whether the translation is up
to date, outdated (how far behind, since when), missing, an orphan, or untracked."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from contentlint.cli.settings import run_settings
from contentlint.engine import history
from contentlint.engine.run import check, layout_of
from contentlint.language import names
from contentlint.load.document import from_text
from contentlint.reporters import status as formats


@dataclass
class Light:
    """A file placed by its path: what the history stage reads of it, without parsing it."""

    path: str
    language: str | None
    slot: str | None
    pin_field: str

    @property
    def meta(self) -> dict:
        """Front matter, read only where it may hold a pin (the stage reads pins alone)."""
        try:
            with open(self.path, "rb") as f:
                head = f.read(8192)
        except OSError:
            return {}
        if b"sourceCommit" not in head and self.pin_field.encode() not in head:
            return {}
        meta = from_text(self.path, head.decode("utf-8", "replace")).meta
        return meta if isinstance(meta, dict) else {}


def cmd_status(args) -> int:
    from contentlint.cli.commands import articles

    config, _ = run_settings(args)
    files = articles(config)
    found = layout_of(files, config)
    files = found.content(files)
    pin = history.settings_of(config).pin_field
    if files and all(p in found.matches for p in files):  # placed by their paths: no file need be parsed
        rows = _by_path(files, found.matches, config, pin)
        notes = []
    else:  # grouped by keys or inference: a run of the history rule, from the cache when warm
        config.select = ["outdated-translation", "orphan-translation"]
        result, _ = check(files, config, jobs=args.jobs, cache=not args.no_cache)  # its history is read again below
        rows = _by_groups(result.corpus, config)
        notes = ["grouped by front matter or inference: the files were read"]
    seen = history.read(_Corpus(rows, config), config, found.matches, cache=not args.no_cache, jobs=args.jobs)
    if seen.error:
        print(f"contentlint: error: {seen.error}", file=sys.stderr)
        return 2
    data = formats.table(rows, seen, config.source_language, notes)
    out = {"json": formats.json_text, "markdown": formats.markdown}.get(args.format, formats.text)(data)
    sys.stdout.write(out)
    return 0


class _Corpus:
    """Groups as the history stage reads them."""

    def __init__(self, rows, config) -> None:
        self.groups = [_Group(key, members, config.source_language) for key, members in rows.items()]
        self.ungrouped = []


class _Group:
    def __init__(self, key, members, source_language) -> None:
        self.key, self.source = key, None
        self.members = [_Member(d) for d in members.values()]


class _Member:
    def __init__(self, doc) -> None:
        self.doc, self.language = doc, doc.language


def _by_path(files, matches, config, pin) -> dict[str, dict[str, Light]]:
    rows: dict[str, dict[str, Light]] = {}
    for p in files:
        m = matches[p]
        tag = names.resolve(m["language"])
        code = tag.code if tag else None
        # a regional variant (`zh-cn`, `pt-br`) holds its own place, as in groups
        slot = tag.tag.lower() if tag and "-" in tag.tag else code
        rows.setdefault(m["key"], {})[slot or m["language"]] = Light(p, code, slot, pin)
    return rows


def _by_groups(corpus, config) -> dict[str, dict]:
    from contentlint.groups.grouping import slot

    rows: dict[str, dict] = {}
    for g in corpus.groups:
        rows[g.key] = {slot(m.doc) or "??": m.doc for m in g.members}
    for d in corpus.ungrouped:
        rows[d.path] = {slot(d) or "??": d}
    return rows
