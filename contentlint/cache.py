"""The content cache, `.contentlint_cache/` beside the configuration (like `.ruff_cache`).

One folder per key: contentlint's version and source, the configuration and the rules in
force. In it, one file maps each path to its last `FileRecord` (valid while the content hash
matches) and each group signature (members' paths, hashes and languages) to that group's
findings. Unchanged files are neither parsed nor detected again; a group is checked again
only when one of its members changed. The cache is written atomically, and only when the
run added something; a cache that cannot be read is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import contentlint

FOLDER = ".contentlint_cache"
FORMAT = 1


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
    h.update(repr((FORMAT, contentlint.__version__, _source_stamp(), sorted(settings.items()), ruleset)).encode())
    return h.hexdigest()


class Cache:
    """`files`: path -> FileRecord; `groups`: signature -> (reference path, findings)."""

    def __init__(self, root: str | None, key: str) -> None:
        self.path = os.path.join(root, FOLDER, key, "cache.pickle") if root is not None else None
        self.files: dict = {}
        self.groups: dict = {}
        self.changed = False
        if self.path and os.path.exists(self.path):
            try:
                with open(self.path, "rb") as fh:
                    data = pickle.load(fh)
                self.files, self.groups = data["files"], data["groups"]
            except Exception:  # a cache from an interrupted or foreign write: start afresh
                self.files, self.groups = {}, {}

    def record(self, path: str, digest) -> object:
        """The cached record of `path` if its content hash is `digest()` (read only when needed)."""
        rec = self.files.get(path)
        if rec is None:
            return None
        digest = digest()
        return rec if rec is not None and digest is not None and rec.digest == digest else None

    def put_record(self, rec) -> None:
        self.files[rec.path] = rec
        self.changed = True

    def group(self, signature):
        return self.groups.get(signature)

    def put_group(self, signature, result) -> None:
        self.groups[signature] = result
        self.changed = True

    def save(self, run_paths: set, used_groups: set) -> None:
        """Write if anything was added; keep records of files that still exist and the groups
        this run used or could not see (their members lie outside this run's files)."""
        if not self.path or not self.changed:
            return
        self.files = {p: r for p, r in self.files.items() if os.path.exists(p)}
        self.groups = {s: g for s, g in self.groups.items()
                       if s in used_groups or not all(m[0] in run_paths for m in s[3])}
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            top = os.path.dirname(folder)
            tag = os.path.join(top, ".gitignore")
            if not os.path.exists(tag):
                with open(tag, "w", encoding="utf-8") as fh:
                    fh.write("# written by contentlint\n*\n")
            fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump({"files": self.files, "groups": self.groups}, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:  # a read-only checkout still lints; it only lints slower next time
            pass
