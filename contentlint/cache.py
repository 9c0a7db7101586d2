"""The content cache, `.contentlint_cache/` beside the configuration (like `.ruff_cache`).

One folder per key: contentlint's version and source, the configuration and the rules in
force. In it, files map each path to its last `FileRecord` (valid while the content hash
matches) and each group signature (members' paths, hashes and languages) to that group's
findings. Unchanged files are neither parsed nor detected again; a group is checked again
only when one of its members changed. The cache is written atomically, and only when the
run added something; a cache that cannot be read is ignored, never an error.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import zlib
from pathlib import Path

import contentlint
from contentlint import records

FOLDER = ".contentlint_cache"
FORMAT = 7
SHARDS = 16
KEEP = 4  # cache folders (configurations, versions) kept side by side
SPAN_LIMIT = 500_000  # remembered span answers; past this the memo starts afresh


def _source_stamp() -> str:
    """Sizes and times of contentlint's own files: a development change invalidates the cache."""
    root = Path(contentlint.__file__).parent
    h = hashlib.blake2b(digest_size=8)
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml", ".yml") and p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def key(config, rules) -> str:
    """What findings depend on besides content: version, source, configuration, rules."""
    settings = {k: v for k, v in vars(config).items() if k not in ("paths", "content_paths", "baseline", "fail_on")}
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
        self.folder = os.path.join(root, FOLDER, key) if root is not None else None
        self.files: dict = {}
        self.groups: dict = {}
        self.spans: dict = {}
        self.dirty: set = set()  # ("files" | "groups", shard) and "spans"
        self.loaded: set = set()  # shards of groups read so far
        if self.folder and os.path.isdir(self.folder):
            gc.disable()  # loading makes a million small objects and no garbage: skip the collector
            try:
                self._load()
            except Exception:  # a cache from an interrupted or foreign write: start afresh
                self.files, self.groups, self.spans = {}, {}, {}
            finally:
                gc.freeze()  # and never traverse them: they live as long as the run
                gc.enable()

    def _read(self, name: str):
        path = os.path.join(self.folder, name)
        if not os.path.exists(path):
            return None
        with open(path, "rb") as fh:
            return pickle.load(fh)

    def _load(self) -> None:
        for n in range(SHARDS):
            for row in self._read(f"files-{n:02}.pickle") or ():
                self.files[row[0]] = records.from_row(row)
        self.spans = self._read("spans.pickle") or {}

    def _groups(self, n: int) -> None:
        """Load a shard of groups when first needed: pre-commit needs the changed file's only."""
        if n in self.loaded or not self.folder:
            return
        self.loaded.add(n)
        try:
            for sig, (ref, parts) in (self._read(f"groups-{n:02}.pickle") or {}).items():
                self.groups.setdefault(sig, records.GroupResult(ref, parts))
        except Exception:
            pass

    def record(self, path: str, digest) -> object:
        """The cached record of `path` if its content is unchanged: same size and time as when
        it was read (as git's index decides), else the same hash `digest()`."""
        rec = self.files.get(path)
        if rec is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        if rec.stat == (st.st_size, st.st_mtime_ns):
            return rec
        if rec.digest != digest():
            return None
        rec.stat = (st.st_size, st.st_mtime_ns)  # touched, not changed
        self.dirty.add(("files", _shard(path)))
        return rec

    def put_record(self, rec) -> None:
        self.files[rec.path] = rec
        self.dirty.add(("files", _shard(rec.path)))

    def group(self, signature):
        self._groups(_shard(signature[1]))
        return self.groups.get(signature)

    def put_group(self, signature, result) -> None:
        n = _shard(signature[1])
        self._groups(n)
        self.groups[signature] = result
        self.dirty.add(("groups", n))

    def put_spans(self, spans: dict) -> None:
        if spans:
            self.spans.update(spans)
            self.dirty.add("spans")

    def save(self, run_paths: set, used_groups: set, complete: bool = True) -> None:
        """Write the shards this run changed. Records of files that no longer exist are dropped;
        so are groups a newer signature of the same key replaced and, after a run over every
        file (`complete`), groups it did not form."""
        if not self.folder or not self.dirty:
            return
        used_keys = {s[1] for s in used_groups}

        def keep(s) -> bool:
            return s in used_groups or not (s[1] in used_keys or complete and all(p in run_paths for p in s[2]))

        try:
            os.makedirs(self.folder, exist_ok=True)
            self._tidy()
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
                self._write(f"files-{n:02}.pickle", rows)
            for n, rows in groups.items():
                self._write(f"groups-{n:02}.pickle", rows)
            if "spans" in self.dirty:
                self._write("spans.pickle", self.spans if len(self.spans) <= SPAN_LIMIT else {})
        except OSError:  # a read-only checkout still lints; it only lints slower next time
            pass

    def _tidy(self) -> None:
        """Mark the folder as generated, and keep the caches of the last few configurations
        or versions, not every one ever used."""
        top = os.path.dirname(self.folder)
        tag = os.path.join(top, ".gitignore")
        if not os.path.exists(tag):
            with open(tag, "w", encoding="utf-8") as fh:
                fh.write("# written by contentlint\n*\n")
        others = sorted((e for e in os.scandir(top) if e.is_dir() and e.path != self.folder),
                        key=lambda e: e.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1:]:
            shutil.rmtree(old.path, ignore_errors=True)

    def _write(self, name: str, data) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, os.path.join(self.folder, name))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
