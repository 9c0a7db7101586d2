"""The content cache, `.contentlint_cache/` beside the configuration (like `.ruff_cache`).

One folder per key: contentlint's version and source, the configuration and the rules in
force. In it, files map each path to its last `FileRecord` (valid while the file's stat, or
else its content hash, is unchanged) and each group signature (members' paths, hashes and
languages) to that group's findings. Unchanged files are neither parsed nor detected again;
a group is checked again only when one of its members changed. What is read from the folder
is data, signed with a secret outside the checkout (cache_store.py): a planted, foreign or
damaged entry is a miss, never code that runs nor a wrong result.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import zlib
from pathlib import Path

import contentlint
from contentlint.engine import records
from contentlint.language.profiles import data_dir
from contentlint.load import document
from contentlint.engine.cache_store import Store, own_folder, secret, tidy

FOLDER = ".contentlint_cache"
FORMAT = 13
SHARDS = 16
KEEP = 4  # cache folders (configurations, versions) kept side by side
SPAN_LIMIT = 500_000  # remembered span answers; past this the memo starts afresh


def _source_stamp() -> str:
    """Sizes and times of contentlint's own files and data (`rules/`: profiles, language
    tables, shipped packs): a development change invalidates the cache."""
    root = Path(contentlint.__file__).parent
    h = hashlib.blake2b(digest_size=8)
    for folder in (root, data_dir()):
        for p in sorted(folder.rglob("*")):
            if p.suffix in (".py", ".yaml", ".yml", ".tsv", ".json") and p.is_file():
                st = p.stat()
                h.update(f"{p.relative_to(folder)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def key(config, rules) -> str:
    """What findings depend on besides content: version, source, configuration, rules."""
    settings = {k: v for k, v in vars(config).items() if k not in ("paths", "content_paths", "roots", "baseline", "fail_on", "discovered")}
    ruleset = [(r.code, r.name, r.severity, r.scope, r.docs(),
                sorted((k, repr(v)) for k, v in vars(type(r)).items() if not k.startswith("__") and not callable(v)))
               for r in rules]
    h = hashlib.blake2b(digest_size=10)
    h.update(repr((FORMAT, sys.version, contentlint.__version__, _source_stamp(), sorted(settings.items()), ruleset)).encode())
    return h.hexdigest()


def _shard(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % SHARDS


class Cache:
    """`files`: path -> FileRecord; `groups`: signature -> GroupResult; `spans`: (languages,
    text) -> lingua's answer. Files and groups are kept in shards (by path, by group key), so
    a pre-commit run that changed one article rewrites two small files, not the whole cache."""

    def __init__(self, root: str | None, key: str) -> None:
        self.store: Store | None = None
        self.key = key
        self.files: dict = {}
        self.groups: dict = {}
        self.spans: dict = {}
        self.scored: dict = {}  # path -> (stat, declared code, candidates): discovery's, per file
        self.corpus_languages: tuple = ()  # the language set the records were made with
        self.dirty: set = set()  # ("files" | "groups", shard) and "spans"
        self.loaded: set = set()  # shards of groups read so far
        self.top = os.path.join(root, FOLDER) if root is not None else None
        folder = os.path.join(self.top, key) if self.top else None
        if folder and os.path.lexists(folder) and own_folder(self.top, False) and own_folder(folder, False):
            mac_key = secret()
            if mac_key is not None:
                self.store = Store(folder, mac_key)
                gc.disable()  # loading makes a million small objects and no garbage: skip the collector
                try:
                    self._load()
                finally:
                    gc.freeze()  # and never traverse them: they live as long as the run
                    gc.enable()

    def _load(self) -> None:
        for n in range(SHARDS):
            rows = self.store.read(f"files-{n:02}")
            for row in rows if isinstance(rows, tuple) else ():
                rec = records.from_row(row)
                if rec is not None:
                    self.files[rec.path] = rec
        spans = self.store.read("spans")
        self.spans = spans if isinstance(spans, dict) else {}
        found = self.store.read("languages")
        if isinstance(found, dict) and isinstance(found.get("set"), tuple) and isinstance(found.get("files"), dict):
            self.corpus_languages, self.scored = found["set"], found["files"]

    def _groups(self, n: int) -> None:
        """Load a shard of groups when first needed: pre-commit needs the changed file's only."""
        if n in self.loaded or self.store is None:
            return
        self.loaded.add(n)
        rows = self.store.read(f"groups-{n:02}")
        for sig, value in rows.items() if isinstance(rows, dict) else ():
            if _valid_group(sig, value):
                self.groups.setdefault(sig, records.GroupResult(*value))

    def record(self, path: str, digest) -> records.FileRecord | None:
        """The cached record of `path` if its content is unchanged: the same stat as when it
        was read (as git's index decides), else the same hash `digest()`."""
        rec = self.files.get(path)
        if rec is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        if rec.stat and rec.stat == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino):
            return rec  # what was trusted then is unchanged (stat_of's tuple, without its clock)
        now = document.stat_of(st)
        if rec.digest != digest():
            return None
        if rec.stat != now:  # touched, not changed (or no longer too recent to trust)
            rec.stat = now
            self.dirty.add(("files", _shard(path)))
        return rec

    def put_record(self, rec) -> None:
        self.files[rec.path] = rec
        self.dirty.add(("files", _shard(rec.path)))

    def group(self, signature):
        self._groups(_shard(signature[1]))
        return self.groups.get(signature)

    def put_group(self, signature, result) -> None:
        if result.transient:  # a finding of the run's own (records.TRANSIENT): compared again next run
            return
        n = _shard(signature[1])
        self._groups(n)
        self.groups[signature] = result
        self.dirty.add(("groups", n))

    def scored_entry(self, path: str, st, stale: bool = False) -> tuple | None:
        """Discovery's (declared code, candidates) for `path` if its stat is unchanged (or,
        with `stale`, whatever it was)."""
        entry = self.scored.get(path)
        if entry is None or not isinstance(entry, tuple) or len(entry) != 3:
            return None
        stamp, declared, candidates = entry
        fresh = stamp == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        return (declared, candidates) if fresh or stale else None

    def put_scored(self, path: str, st, declared, candidates) -> None:
        self.scored[path] = ((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino), declared, candidates)
        self.dirty.add("languages")

    def languages_are(self, codes: tuple) -> None:
        """The run's language set. Records and groups made with another set are dropped: a file's
        language, and so its findings, depend on the set detection chose from."""
        if codes == self.corpus_languages:
            return
        if self.files or self.groups or self.store is not None:
            self.files.clear()
            self.groups.clear()
            self.loaded = set(range(SHARDS))  # no shard of old groups is read, and every shard is rewritten
            self.dirty |= {(kind, n) for kind in ("files", "groups") for n in range(SHARDS)}
        self.corpus_languages = codes
        self.dirty.add("languages")

    def put_spans(self, spans: dict) -> None:
        if spans:
            self.spans.update(spans)
            self.dirty.add("spans")

    def save(self, run_paths: set, used_groups: set, complete: bool = True) -> None:
        """Write the shards this run changed. Records of files that no longer exist are dropped;
        so are groups a newer signature of the same key replaced and, after a run over every
        file (`complete`), groups it did not form."""
        if not self.top or not self.dirty:
            return
        used_keys = {s[1] for s in used_groups}

        def keep(s) -> bool:
            return s in used_groups or not (s[1] in used_keys or complete and all(p in run_paths for p in s[2]))

        try:
            store = self.store or self._open()
            if store is None:
                return
            store.mark()
            tidy(self.top, store.folder, store.key, KEEP)
            files: dict[int, list] = {n: [] for n in range(SHARDS) if ("files", n) in self.dirty}
            for p, r in self.files.items():
                rows = files.get(_shard(p))
                if rows is not None and os.path.exists(p):
                    rows.append(records.to_row(r))
            groups: dict[int, dict] = {n: {} for n in range(SHARDS) if ("groups", n) in self.dirty}
            for s, g in self.groups.items():
                rows = groups.get(_shard(s[1]))
                if rows is not None and keep(s):
                    rows[s] = g.to_row()
            for n, rows in files.items():
                store.write(f"files-{n:02}", rows)
            for n, rows in groups.items():
                store.write(f"groups-{n:02}", rows)
            if "languages" in self.dirty:
                scored = {p: e for p, e in self.scored.items() if p in run_paths or not complete}
                store.write("languages", {"set": tuple(self.corpus_languages), "files": scored})
            if "spans" in self.dirty:
                store.write("spans", self.spans if len(self.spans) <= SPAN_LIMIT else {})
        except (OSError, ValueError):  # a read-only checkout still lints; it only lints slower next time
            pass

    def _open(self) -> Store | None:
        """The key folder for a first write: made 0700, never through a link."""
        mac_key = secret()
        folder = os.path.join(self.top, self.key)
        if mac_key is None or not own_folder(self.top, True) or not own_folder(folder, True):
            return None
        return Store(folder, mac_key)


def _valid_group(sig, value) -> bool:
    """(joined by, key, member paths, state) -> (reference, {path: packed findings}, packed rows)."""
    return (isinstance(sig, tuple) and len(sig) == 4 and isinstance(sig[1], str) and isinstance(sig[2], tuple)
            and isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], str)
            and isinstance(value[1], dict) and all(isinstance(v, bytes) for v in value[1].values())
            and isinstance(value[2], bytes))
