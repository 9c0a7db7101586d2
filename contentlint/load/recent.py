"""The documents reporters quote from: decoded on first use, not parsed, the last few kept."""

from __future__ import annotations

from contentlint.load.document import OUTSIDE, Document, Unreadable, decode, read_file


class RecentDocuments(dict):
    """path -> the file's Document, decoded on first use (not parsed): what reporters quote.
    Findings come path by path, so only the last few texts are kept."""

    LIMIT = 64

    def __init__(self, outside: frozenset = frozenset()) -> None:
        super().__init__()
        self.outside = outside  # links out of the content root: never read (discover.outside)

    def __missing__(self, path: str):
        try:
            if path in self.outside:
                raise Unreadable(OUTSIDE)
            doc = decode(path, read_file(path))
        except (OSError, Unreadable) as exc:
            doc = Document(path, problem=str(exc))
        if len(self) >= self.LIMIT:
            del self[next(iter(self))]
        self[path] = doc
        return doc

    def get(self, path: str, default=None):
        return self[path]
