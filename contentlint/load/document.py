"""Load: bytes -> text -> front matter + markdown-it tokens -> typed views, once per file."""

from __future__ import annotations

import hashlib
import os
import time
import stat
from dataclasses import dataclass, field

from markdown_it.token import Token

from contentlint.load import broken_links, front_matter
from contentlint.load import markdown
from contentlint.load.front_matter import FrontMatter
from contentlint.load.intended import Intended, build
from contentlint.load.lines import LineIndex
from contentlint.load.discover import OUTSIDE
from contentlint.load.views import Block, Heading, Inline, ListItem, ListView, Paragraph, make_inline

BOM = "\ufeff"
MAX_BYTES = 10 * 2**20



def digest(data: bytes) -> str:
    """The hash of a file's bytes: what says its content is unchanged."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# A file modified this close to when its stat was taken may change again within the same
# timestamp tick without its stat changing (git's "racy" case): its stat is not trusted, and
# the next run compares its content hash instead.
RACY_NS = 3_000_000_000


def stat_of(st: os.stat_result) -> tuple:
    """What says a file is unchanged, as git's index has it: size, mtime, ctime and inode
    (`touch -r` restores the mtime, never the ctime). () when too recent to be trusted."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass(eq=False)
class Document:
    path: str
    text: str = ""  # decoded, without BOM; original line endings kept
    bom: bool = False
    newline: str = "\n"
    lines: LineIndex = field(default_factory=lambda: LineIndex(""))
    problem: str | None = None  # why the file cannot be read as an article
    front: FrontMatter | None = None
    tokens: list[Token] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    lists: list[ListView] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    top: list = field(default_factory=list)  # top-level views in document order
    language: str | None = None
    language_confidence: float = 0.0
    language_source: str = ""  # "front matter" | "path" | "detected"
    detected: str | None = None  # what lingua said, whatever the declared language
    detected_confidence: float = 0.0
    detected_chars: int = 0  # how much text detection read
    language_tag: str | None = None  # the language as a path or front matter wrote it (`pt-BR`), for display
    digest: str = ""  # hash of the file's bytes (the cache's key)
    stat: tuple = ()  # stat_of the file as read: what says it is unchanged since
    _intended: Intended | None = None  # made on first use (intended.build)
    _broken: list | None = None  # made on first use (broken_links.find)

    @property
    def body_line(self) -> int:
        """The line the Markdown body starts at (after terminated front matter)."""
        return self.front.body_line if self.front and self.front.terminated else 0

    @property
    def meta(self) -> dict:
        data = self.front.data if self.front else None
        return data if isinstance(data, dict) else {}

    @property
    def links(self):
        return [link for inline in self.inlines for link in inline.links]

    @property
    def code_lines(self) -> set[int]:
        return {n for b in self.blocks if b.kind in ("fence", "code_block") for n in range(b.line, b.end_line)}

    @property
    def intended(self):
        """The structure the author meant (see contentlint.load.intended); built on first use."""
        if self._intended is None:
            self._intended = build(self)
        return self._intended

    @property
    def broken_links(self) -> list:
        """Link syntax the parser rejected (contentlint.load.broken_links); found on first use."""
        if self._broken is None:
            self._broken = broken_links.find(self)
        return self._broken

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


def decode(path: str, data: bytes) -> Document:
    doc = Document(path, digest=digest(data))
    if not data.strip():
        doc.problem = "file is empty"
        return doc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc.problem = "file is UTF-16 encoded; articles must be UTF-8"
        return doc
    if b"\x00" in data:
        doc.problem = "file is binary (contains NUL bytes)"
        return doc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        doc.problem = f"file is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})"
        return doc
    if text.startswith(BOM):
        doc.bom, text = True, text[1:]
    doc.text = text
    crlf = text.count("\r\n")
    doc.newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    doc.lines = LineIndex(text)
    return doc


def parse(doc: Document) -> Document:
    doc.front = front_matter.read(doc.text, doc.lines)
    # Front matter lines become blank lines so token line maps are file line numbers.
    body = "\n" * doc.body_line + doc.text[doc.lines.start(doc.body_line) :]
    doc.tokens = markdown.parse(body)
    _build_views(doc)
    return doc


class Unreadable(Exception):
    """A path that is not read at all: not a regular file, or too large to be an article."""


def read(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its stat as read. Opened without blocking, so a named
    pipe never hangs the run; a file over MAX_BYTES is refused before it is read (an article
    is a few kilobytes)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable("not a regular file (a named pipe, socket or device): not read")
        if st.st_size > MAX_BYTES:
            raise Unreadable(f"file is {st.st_size / 2**20:.1f} MB: articles over {MAX_BYTES // 2**20} MB are not read")
        return fh.read(), st


def head(path: str, size: int) -> bytes:
    """The first `size` bytes of a regular file (b"" for anything else), read as `read` reads:
    a named pipe never hangs the run."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as fh:
        return fh.read(size) if stat.S_ISREG(os.fstat(fd).st_mode) else b""


def read_file(path: str) -> bytes:
    return read(path)[0]


def load(path: str, outside: frozenset = frozenset()) -> Document:
    """The parsed document, or one whose `problem` says why it could not be read: unreadable,
    deleted meanwhile, a symlink loop, a pipe, a link out of the content root (`outside`,
    see discover.outside) — a finding, never a crash."""
    if path in outside:
        return Document(os.fspath(path), problem=OUTSIDE)
    try:
        data, st = read(path)
    except Unreadable as exc:
        return Document(os.fspath(path), problem=str(exc))
    except OSError as exc:
        return Document(os.fspath(path), problem=f"cannot read file: {exc.strerror or exc}")
    doc = decode(os.fspath(path), data)
    doc.stat = stat_of(st)
    return parse(doc) if doc.problem is None else doc


def from_text(path: str, text: str) -> Document:
    """A document from text in memory (tests, fixes)."""
    doc = decode(path, text.encode("utf-8"))
    return parse(doc) if doc.problem is None else doc


def _build_views(doc: Document) -> None:
    """Typed views of the token stream in one pass: headings, paragraphs, lists and their
    items, other blocks, and the top-level outline (`doc.top`)."""
    lines, cursor = doc.lines, {}
    containers: list = []  # open lists and items
    quote_depth = notes = 0  # notes: inside a footnote's definition, a note no outline compares
    pending = None  # (kind, token) awaiting its inline token
    for tok in doc.tokens:
        t = tok.type
        top = not containers and quote_depth == 0 and notes == 0
        if t in _INLINE_OPENERS:
            pending = (_INLINE_OPENERS[t], tok)
        elif t == "inline" and pending:
            _add_inline(doc, pending, tok, cursor, containers, quote_depth, top)
            pending = None
        elif t in ("bullet_list_open", "ordered_list_open"):
            lv = ListView(t.startswith("ordered"), tok.markup, tok.map[0], tok.map[1], top)
            doc.lists.append(lv)
            if top:
                doc.top.append(lv)
            elif containers and isinstance(containers[-1], ListItem):
                containers[-1].lists.append(lv)
            containers.append(lv)
        elif t == "list_item_open":
            first = tok.map[0]
            src = lines.line_text(first)
            marker_at = lines.start(first) + max(src.find(tok.markup), 0)
            item = ListItem(tok.markup, first, tok.map[1], marker_at, number=tok.info)
            containers[-1].items.append(item)
            containers.append(item)
        elif t in ("bullet_list_close", "ordered_list_close", "list_item_close"):
            containers.pop()
        elif t == "blockquote_open":
            if top:
                doc.top.append(Block("blockquote", tok.map[0], tok.map[1], top))
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t in ("footnote_reference_open", "footnote_reference_close"):
            notes += 1 if t.endswith("open") else -1
        elif t in ("fence", "code_block", "html_block", "table_open", "hr", "admonition", "mdx_esm") and tok.map:
            b = Block(t.removesuffix("_open"), tok.map[0], tok.map[1], top)
            doc.blocks.append(b)
            if top:
                doc.top.append(b)


_INLINE_OPENERS = {"heading_open": "heading", "paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}


def _add_inline(doc: Document, pending: tuple, tok: Token, cursor: dict, containers: list, quote_depth: int,
                top: bool) -> None:
    """The inline token of a heading, paragraph or table cell, with the view it belongs to."""
    kind, opener = pending
    lines = doc.lines
    inline = make_inline(kind, tok, lines, cursor)
    in_item = any(isinstance(c, ListItem) for c in containers)
    inline.context = "list-item" if kind == "paragraph" and in_item else \
        "quote" if kind == "paragraph" and quote_depth else kind
    doc.inlines.append(inline)
    if kind == "heading":
        first, last = opener.map
        h = Heading(int(opener.tag[1]), inline, first, lines.start(first), lines.end(last - 1))
        doc.headings.append(h)
        if top:
            doc.top.append(h)
    elif kind == "paragraph":
        p = Paragraph(inline, opener.map[0], opener.map[1], top)
        doc.paragraphs.append(p)
        if top:
            doc.top.append(p)
        elif containers and isinstance(containers[-1], ListItem):
            containers[-1].paragraphs.append(p)


def with_text(doc: Document, text: str) -> Document:
    """The same file with new text (after fixes): encoding, BOM and language carried over."""
    new = Document(doc.path, text, doc.bom, doc.newline, LineIndex(text))
    new.digest = digest(((BOM if doc.bom else "") + text).encode("utf-8"))
    for name in ("language", "language_confidence", "language_source", "detected", "detected_confidence",
                 "detected_chars", "language_tag"):
        setattr(new, name, getattr(doc, name))
    return parse(new)


def encode(doc: Document) -> bytes:
    return ((BOM if doc.bom else "") + doc.text).encode("utf-8")
