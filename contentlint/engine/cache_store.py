"""Where the cache's bytes live, and why a checkout cannot use them against the machine.

The cache folder sits in the checkout, so whatever is in it may have come from a pull
request. Three defences:

1. **Data only.** Entries are msgpack (plain lists, maps, strings, numbers, bytes): reading
   one can never run code. msgpack, not JSON or pickle: on 10,000 records it wrote 4.7 MB
   in 16 ms and read them in 22 ms (pickle 28/38 ms, JSON 207/43 ms and 8.4 MB, which has
   no bytes type either).
2. **Signed.** Each file starts with an HMAC-SHA256 of its name and content, made with
   a secret kept outside the checkout (`$XDG_CACHE_HOME/contentlint/secret`, 0600). A file
   planted or altered by anyone without the secret is a miss, never a wrong result; so is a
   file the disk corrupted.
3. **No links followed.** The cache folder and everything in it must be real folders and
   files owned by this user, opened with O_NOFOLLOW; files are 0600 and folders 0700
   whatever the umask; tidying removes only folders whose signed marker proves them ours.
"""

from __future__ import annotations

import hmac
import os
import shutil
import stat
import sys

from contentlint.base import atomic
from contentlint.engine.records import packb, unpackb

MAGIC = b"CLC2"
MAC_BYTES = 32
MAX_FILE = 1 << 30  # a shard is a few MB; anything larger is not ours
MARKER = "owner"  # a key folder's signed name: proof that tidying may delete it
MARKER_LIMIT = 256
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_warned: set[str] = set()


def warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"contentlint: warning: {message}", file=sys.stderr)


def secret_path() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "contentlint", "secret")


def secret() -> bytes | None:
    """This user's cache secret, made on first use; None if it cannot be had safely (no
    home folder, a link, someone else's file): the run then neither reads nor writes a cache."""
    path = secret_path()
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        if not os.path.lexists(path):  # written whole, then linked into place: a second
            with atomic.temporary(os.path.dirname(path), ".secret-") as (fd, tmp):  # process sees all or nothing
                with os.fdopen(fd, "wb") as fh:
                    fh.write(os.urandom(32))
                try:
                    os.link(tmp, path)
                except FileExistsError:  # another run made it first: use theirs
                    pass
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            key = fh.read(64)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o077 or len(key) != 32:
            warn(f"{path} is not a private 32-byte file of this user: the cache is not used")
            return None
        return key
    except OSError:
        return None


def own_folder(path: str, create: bool) -> bool:
    """Whether `path` is a real folder of this user (made 0700 if `create`): never a link."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if not create:
            return False
        try:
            os.mkdir(path, 0o700)
            os.chmod(path, 0o700)  # the umask may have taken bits away; never added any
        except FileExistsError:
            pass
        except OSError:
            return False
        return own_folder(path, False)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
        warn(f"{path} is not a folder of this user (a link, a file or someone else's): the cache is not used")
        return False
    if st.st_mode & 0o077:  # made by an older version or committed: private from now on
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW)
            try:
                os.fchmod(fd, 0o700)
            finally:
                os.close(fd)
        except OSError:
            return False
    return True


class Store:
    """Signed msgpack files in one key folder."""

    def __init__(self, folder: str, key: bytes) -> None:
        self.folder, self.key = folder, key

    def _mac(self, name: str, payload: bytes) -> bytes:
        # HMAC-SHA256: OpenSSL's SHA-256 hashed a 6 MB shard set in 3.3 ms here, keyed BLAKE2b in 9.7
        h = hmac.new(self.key, os.path.basename(self.folder).encode() + b"/" + name.encode() + b"\0", "sha256")
        h.update(payload)
        return h.digest()

    def read(self, name: str, limit: int = MAX_FILE):
        """The value stored under `name`, or None: missing, foreign, altered or malformed."""
        try:
            fd = os.open(os.path.join(self.folder, name), os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                return None
            data = fh.read()
        head, mac, payload = data[:4], data[4 : 4 + MAC_BYTES], data[4 + MAC_BYTES :]
        if head != MAGIC or not hmac.compare_digest(mac, self._mac(name, payload)):
            return None
        try:
            return unpackb(payload)
        except Exception:  # signed by this user, yet not what this version reads: a miss
            return None

    def write(self, name: str, value) -> None:
        """Atomically: a temporary 0600 file, renamed over the entry (a rename replaces a
        link itself, never what it points to)."""
        payload = packb(value)
        with atomic.temporary(self.folder, ".cache-") as (fd, tmp):
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + self._mac(name, payload) + payload)
            os.replace(tmp, os.path.join(self.folder, name))

    def mark(self) -> None:
        """Sign the folder's name into its marker: `tidy` deletes only folders so marked."""
        if self.read(MARKER, MARKER_LIMIT) != os.path.basename(self.folder):
            self.write(MARKER, os.path.basename(self.folder))


def tidy(top: str, current: str, key: bytes, keep: int) -> None:
    """Keep the newest `keep` key folders of `top` (the current one among them); delete
    older ones, but only real folders whose signed marker proves they are this cache's."""
    tag = os.path.join(top, ".gitignore")
    try:
        fd = os.open(tag, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("# written by contentlint\n*\n")
    except OSError:
        pass
    ours = []
    for entry in os.scandir(top):
        if entry.path == current or not entry.is_dir(follow_symlinks=False):
            continue
        if Store(entry.path, key).read(MARKER, MARKER_LIMIT) == entry.name:
            ours.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    for _, path in sorted(ours, reverse=True)[keep - 1 :]:
        shutil.rmtree(path, ignore_errors=True)  # fd-based on Linux: links inside are removed, not followed
