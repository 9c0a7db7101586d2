"""Which source state each translation follows, and what changed in the source since.

For a translation, walk its versions from the first: it follows the source as it was when
it was written; a later version of the translation follows the source as it then was only
if it changed where the source had changed since (a section the source changed: a typo
fixed elsewhere is not a sync). A pin in front matter (MDN's `l10n.sourceCommit`, or the
configured `source_commit_field`) names the followed source commit outright. The
translation is outdated when the source it follows and the source now differ in substance
(model.py). Uncommitted edits are the newest version of a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from contentlint.history import model, pair, versions
from contentlint.history.git import Blobs, Log, Version

WORKTREE = -1  # the index of the working tree's version: newer than any commit


@dataclass
class Lag:
    path: str  # the translation
    source: str | None  # its source now (after renames)
    state: str  # "up to date" | "outdated" | "untracked"
    behind: int = 0  # commits that changed the source in substance since the followed state
    since: int | None = None  # commit time of the first of them
    commits: tuple[str, str] = ("", "")  # (followed source commit, newest source commit)
    level: str = ""  # "low" | "normal" for an outdated translation
    changes: list[model.Change] = field(default_factory=list)  # in the source's current version
    uncommitted: bool = False  # the source's uncommitted edits are among the changes
    pinned: str = ""  # the pin the translation names, if any
    note: str = ""


@dataclass
class Settings:
    shortcodes: bool = False  # a shortcode-only edit counts
    front_matter: bool = False  # a front-matter-only edit counts
    pin_field: str = "source_commit"


class Reader:
    """One repository's versions of files as block lists, each version parsed once."""

    def __init__(self, log: Log, modified: set[str], settings: Settings) -> None:
        self.log, self.modified, self.settings = log, modified, settings
        self.blobs = Blobs(log.top)
        self.texts: dict[str, str] = {}
        self.split: dict[str, list[str]] = {}  # by blob: its lines
        self.parsed: dict[str, versions.Parsed] = {}  # by blob
        self.seeds: dict[str, Callable[[], versions.Parsed | None]] = {}  # by blob: a parse the lint has (stage.py)
        self.lines: dict[str, list[Version]] = {}  # by path: its versions with content, newest first
        self.judged: dict[tuple[str, str], bool] = {}  # (blob, blob) -> the same in substance
        self.found: dict[tuple[str, str], list[model.Change]] = {}  # (blob, blob) -> changes
        self.parts: dict[tuple[str, str], set[int]] = {}  # (blob, blob) -> the sections that differ

    def versions(self, rel: str) -> list[Version]:
        """Newest first; uncommitted edits first of all."""
        if rel in self.lines:
            return self.lines[rel]
        found = self.log.history(rel)
        if rel in self.modified and found and os.path.exists(os.path.join(self.log.top, rel)):
            found = [Version(WORKTREE, "", 0, f"worktree:{rel}", rel)] + found
        self.lines[rel] = found
        return found

    def forget(self, keep: int = 4096) -> None:
        """Drop the versions read so far once they are many: the next translations have
        another source (memory stays bounded; identical files of other articles still share)."""
        if len(self.texts) > keep:
            self.texts.clear()
            self.split.clear()
            self.parsed.clear()
            self.seeds.clear()
            self.lines.clear()
            self.judged.clear()
            self.found.clear()
            self.parts.clear()

    def text(self, v: Version) -> str:
        key = v.blob or ""
        if key not in self.texts:
            if key.startswith("worktree:"):
                with open(os.path.join(self.log.top, v.path), "rb") as f:
                    data = f.read()
            else:  # with the file's other versions near it, which the walk reads next
                wanted = self._near(v)
                for blob, content in self.blobs.get_many(wanted).items():
                    self.texts[blob] = content.decode("utf-8", "replace")
                return self.texts[key]
            self.texts[key] = data.decode("utf-8", "replace")
        return self.texts[key]

    def _near(self, v: Version) -> list[str]:
        """`v`'s blob and those of its file's versions around it not read yet (one round trip
        to git for them all: one a version would cost more than git's own work)."""
        line = [x.blob for x in self.versions(v.path) if x.blob and x.index != WORKTREE]
        k = line.index(v.blob) if v.blob in line else 0
        return [v.blob, *(b for b in line[max(0, k - NEAR // 2):k + NEAR // 2] if b != v.blob and b not in self.texts)]

    def blocks(self, v: Version) -> list[model.Block]:
        key = v.blob or ""
        if key not in self.parsed:
            self._parse(v)
        return self.parsed[key].blocks

    def _parse(self, v: Version) -> None:
        """Parse `v` from the nearest version of its file already parsed, through the versions
        between: each differs from the next in a few lines (versions.py), two far apart all over."""
        args = (self.settings.shortcodes, self.settings.front_matter)
        if self._seeded(v.blob):
            return
        line, k = self._placed(v)
        near = None if k is None else next(
            (j for d in range(1, NEAR) for j in (k - d, k + d) if 0 <= j < len(line) and self._seeded(line[j].blob)), None)
        if near is None:
            self.parsed[v.blob or ""] = versions.parse(self.text(v), *args)
            return
        step = 1 if k > near else -1
        for j in range(near + step, k + step, step):
            if line[j].blob not in self.parsed:
                before = self.parsed[line[j - step].blob]
                self.parsed[line[j].blob] = versions.reparse(before, self.text(line[j]), *args)

    def _seeded(self, blob: str | None) -> bool:
        """`blob` parsed, or made so from the lint's parse of it (only when asked: most files'
        newest versions are never compared)."""
        if blob in self.parsed:
            return True
        made = self.seeds.pop(blob)() if blob in self.seeds else None
        if made is not None:
            self.parsed[blob] = made
        return made is not None

    def _placed(self, v: Version) -> tuple[list[Version], int | None]:
        """`v`'s file's versions with content, newest first, and where `v` stands among them."""
        line = [x for x in self.versions(v.path) if x.blob is not None]
        return line, next((j for j, x in enumerate(line) if x.blob == v.blob), None)

    def _reachable(self, v: Version) -> bool:
        """A version of `v`'s file near it (what `_parse` walks from) is parsed, or has the
        lint's parse at hand (a seed): `v` and its neighbours are then parsed from it, each
        over the lines it changed."""
        line, k = self._placed(v)
        return k is not None and any(x.blob in self.parsed or x.blob in self.seeds
                                     for x in line[max(0, k - NEAR + 1):k + NEAR])

    def same(self, a: Version, b: Version) -> bool:
        """The same in substance: the same blob, the same words, or the same blocks (judged
        once: a source's translations ask about the same versions)."""
        if a.blob == b.blob:
            return True
        key = (a.blob or "", b.blob or "")
        if key not in self.judged:
            self.judged[key] = self.same_text(a, b) or \
                model.same_blocks(self.blocks(a), self.blocks(b), self.settings.shortcodes)
        return self.judged[key]

    def touched(self, a: Version, b: Version) -> set[int] | None:
        """The sections of `b` that differ in substance from `a` (None: none): a translation's
        versions, compared once, so parsed only as far as they differ (pair.py)."""
        if a.blob == b.blob or self.same_text(a, b):
            return None
        if self._reachable(b):  # `b` parsed from a version near it, `a` from `b` (versions.py)
            return self.sections(a, b) or None
        return pair.compare(self.text(a), self.text(b), self.settings.shortcodes, self.settings.front_matter)

    def same_text(self, a: Version, b: Version) -> bool:
        return not self.settings.front_matter and model.same_text(self.lines_of(a), self.lines_of(b))

    def lines_of(self, v: Version) -> list[str]:
        key = v.blob or ""
        if key not in self.split:
            self.split[key] = self.text(v).split("\n")
        return self.split[key]

    def sections(self, a: Version, b: Version) -> set[int]:
        """The sections where `b` differs from `a` (what `changes` finds, without counting words)."""
        key = (a.blob or "", b.blob or "")
        if key not in self.parts:
            self.parts[key] = model.changed_sections(self.blocks(a), self.blocks(b), self.settings.shortcodes)
        return self.parts[key]

    def changes(self, a: Version, b: Version) -> list[model.Change]:
        key = (a.blob or "", b.blob or "")
        if key not in self.found:
            self.found[key] = model.changes(self.blocks(a), self.blocks(b), self.settings.shortcodes)
        return list(self.found[key])


NEAR = 64  # versions of a file walked to parse one from another already parsed


def _at(versions: list[Version], index: int) -> Version | None:
    """The version a file had at log index `index` (its newest at or before that commit)."""
    return next((v for v in versions if v.index >= index), None)


PIN = "_source_pin"  # where a file's record keeps the source commit it names (engine/records.py)


def source_pin(meta: dict, field_name: str) -> str:
    """MDN's `l10n.sourceCommit`, else the configured field's value."""
    l10n = meta.get("l10n")
    if isinstance(l10n, dict) and isinstance(l10n.get("sourceCommit"), str):
        return l10n["sourceCommit"]
    value = meta.get(field_name)
    return value if isinstance(value, str) else ""


def _pin(meta: dict, field_name: str) -> str:
    """The pin a record kept (engine/records.py), else the one the front matter names."""
    return meta.get(PIN) or source_pin(meta, field_name)


def lag(reader: Reader, t_rel: str, s_rel: str, meta: dict, t_path: str, s_path: str) -> Lag:
    t_versions = reader.versions(t_rel)
    s_versions = [v for v in reader.versions(s_rel) if v.blob is not None]
    if not t_versions or not s_versions:
        return Lag(t_path, s_path, "untracked", note="not committed")
    # the translation's current life: from its newest creation on
    alive = []
    for v in t_versions:
        if v.blob is None:
            break
        alive.append(v)
    head = s_versions[0]
    pin, note = _pin(meta, reader.settings.pin_field), ""
    follows = None
    if pin:
        k = reader.log.index_of(pin)
        follows = _at(s_versions, k) if k is not None else None
        if follows is None:
            note = f"pinned source commit {pin[:12]} is not in the history"
    if follows is None:
        follows = _follows(reader, list(reversed(alive)), s_versions)
    if follows is None:  # written before the source existed: it follows the first source version
        follows = s_versions[-1]
    result = Lag(t_path, s_path, "up to date", pinned=pin, commits=(follows.commit, head.commit), note=note)
    if reader.same(follows, head):
        return result
    found = reader.changes(follows, head)
    if not found:
        return result
    newer = [v for v in s_versions if v.index < follows.index]
    substantive, previous = [], follows
    for v in reversed(newer):
        if not reader.same(previous, v):
            substantive.append(v)
        previous = v
    result.state, result.changes, result.level = "outdated", found, model.level(found)
    result.behind = sum(1 for v in substantive if v.index != WORKTREE)
    result.uncommitted = any(v.index == WORKTREE for v in substantive)
    result.since = next((v.time for v in substantive if v.index != WORKTREE), None)
    return result


def _follows(reader: Reader, alive: list[Version], s_versions: list[Version]) -> Version | None:
    """The source version the translation's newest version follows (alive: oldest first)."""
    if not alive:
        return None
    follows = _at(s_versions, alive[0].index)
    for previous, v in zip(alive, alive[1:]):
        now = _at(s_versions, v.index)  # the source unchanged since: the edit follows what it did
        if follows is None or now is None or reader.same(follows, now):
            follows = now if now is not None else follows
            continue
        touched = reader.touched(previous, v)
        if touched is None:
            continue  # a cosmetic edit of the translation
        pending = reader.sections(follows, now)
        if not pending or pending & touched:
            follows = now
    return follows
