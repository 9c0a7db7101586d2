"""Typed views over markdown-it tokens, every one with exact offsets in the whole file."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from markdown_it.token import Token

from contentlint.load.lines import LineIndex

# Replaces code, URLs and HTML in prose so that prose rules never see them; offsets stay put.
# markdown-it turns NUL into U+FFFD, so NUL never occurs in parsed content.
MASK = "\x00"

# A word: letters and digits plus the combining marks that Indic and Arabic scripts write
# inside words (Python's \\w stops at a Devanagari vowel sign).
WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
                  r"\u0900-\u0963\u0966-\u0dff\u3099\u309a]+")


@dataclass(eq=False)
class Link:
    text: str  # the label as written
    target: str  # the href the parser resolved
    start: int  # file offsets of `[text](target)`
    end: int
    text_start: int
    text_end: int
    autolink: bool = False


@dataclass(eq=False)
class Inline:
    """The inline content of a heading, paragraph or table cell, mapped back to the file."""

    kind: str  # "heading" | "paragraph" | "cell"
    content: str
    line: int  # 0-based first line
    children: list[Token]
    segments: list[tuple[int, int]]  # (content offset, file offset) at each content line
    masked: str = ""
    links: list[Link] = field(default_factory=list)
    context: str = ""  # "heading" | "paragraph" | "list-item" | "cell" | "quote"
    _words: list[str] | None = field(default=None, repr=False)

    def to_file(self, offset: int) -> int:
        i = bisect_right(self.segments, (offset, 1 << 62)) - 1
        cstart, fstart = self.segments[max(i, 0)]
        return fstart + offset - cstart

    @property
    def start(self) -> int:
        return self.segments[0][1]

    @property
    def words(self) -> list[str]:
        """The casefolded words of the masked text (masked code and URLs are no words); made
        once: a document rule reads them, and again the untranslated-text candidates."""
        if self._words is None:
            self._words = WORD.findall(self.masked.casefold())
        return self._words

    @property
    def end(self) -> int:
        return self.to_file(len(self.content))

    @property
    def text(self) -> str:
        """Plain text as a reader sees it (markup removed, soft breaks as spaces)."""
        parts = []
        for child in self.children:
            if child.type in ("text", "text_special", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        return "".join(parts).strip()


@dataclass(eq=False)
class Heading:
    level: int
    inline: Inline
    line: int
    start: int  # the whole heading line(s)
    end: int

    @property
    def text(self) -> str:
        return self.inline.text


@dataclass(eq=False)
class Paragraph:
    inline: Inline
    line: int
    end_line: int  # exclusive
    top: bool  # a direct child of the document (not in a list or quote)


@dataclass(eq=False)
class ListItem:
    marker: str
    line: int
    end_line: int
    start: int  # offset of the marker
    paragraphs: list[Paragraph] = field(default_factory=list)
    lists: list[ListView] = field(default_factory=list)  # lists nested in it
    number: str = ""  # an ordered item's number (`15` of `15. februar`)


@dataclass(eq=False)
class ListView:
    ordered: bool
    marker: str
    line: int
    end_line: int
    top: bool
    items: list[ListItem] = field(default_factory=list)


@dataclass(eq=False)
class Block:
    """Any other block: code, table, html, quote, rule. `kind` is the token type's stem."""

    kind: str
    line: int
    end_line: int
    top: bool


def _segments(content: str, first_line: int, lines: LineIndex, cursor: dict[int, int]) -> list:
    """Where each line of an inline token's content stands in the file.

    markdown-it strips indentation, list markers and heading marks from block lines, so
    each content line is a suffix of its source line (or of it without trailing blanks);
    heading text and table cells are found after what the same line already gave.
    """
    segments, offset = [], 0
    for j, piece in enumerate(content.split("\n")):
        number = first_line + j
        src, base = lines.line_text(number), lines.start(number)
        stripped = src.rstrip()
        if piece and src.endswith(piece) and len(src) - len(piece) >= cursor.get(number, 0):
            k = len(src) - len(piece)
        elif piece and stripped.endswith(piece) and len(stripped) - len(piece) >= cursor.get(number, 0):
            k = len(stripped) - len(piece)
        else:
            k = max(src.find(piece, cursor.get(number, 0)), 0)
        cursor[number] = k + len(piece)
        segments.append((offset, base + k))
        offset += len(piece) + 1
    return segments


def make_inline(kind: str, token: Token, lines: LineIndex, cursor: dict[int, int]) -> Inline:
    line = token.map[0] if token.map else 0
    inline = Inline(kind, token.content, line, token.children or [], [])
    inline.segments = _segments(token.content, line, lines, cursor)
    hidden: list[tuple[int, int]] = []
    for child in inline.children:
        meta = child.meta or {}
        if "span" not in meta:
            continue
        start, end = meta["span"]
        if meta["rule"] == "link":
            label_start, label_end = meta["label"]
            hide = [(start, label_start), (label_end, end)]
            inline.links.append(
                Link(
                    text=token.content[label_start:label_end],
                    target=child.attrGet("href") or "",
                    start=inline.to_file(start),
                    end=inline.to_file(end),
                    text_start=inline.to_file(label_start),
                    text_end=inline.to_file(label_end),
                )
            )
        else:
            hide = [(start, end)]
            if meta["rule"] == "autolink":
                at = inline.to_file(start)
                inline.links.append(
                    Link(child.attrGet("href") or "", child.attrGet("href") or "", at, inline.to_file(end), at, at, True)
                )
        hidden += hide
    hidden += _opaque(inline.children, token.content)
    inline.masked = _mask(token.content, hidden) if hidden else token.content
    return inline


# Inline HTML elements whose content is no prose: formulas (MathML, and TeX as KaTeX or
# MathJax render it: every letter of `AAGR = …` in its own element), pictures, scripts and
# styles. (Not `<code>`: its content, like a code span's, is compared by the code rules, and a
# `<code>` named in prose is common.)
OPAQUE = frozenset({"math", "svg", "script", "style"})
RENDERED_TEX = re.compile(r"""\bclass\s*=\s*["'][^"']*\b(?:katex|MathJax)""", re.IGNORECASE)
TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>\Z""", re.DOTALL)


def _opaque(children: list[Token], content: str) -> list[tuple[int, int]]:
    """Content ranges of opaque elements, from the tag that opens one to the tag that closes
    it. A close tag machine translation broke with a blank (`< /span>`, `</ span>`, `<​/span>`
    with a zero-width space: three of a KaTeX formula's 65) still closes; without any close tag
    (`</ math>` gone, or the tag named in prose) only the opening tag is hidden, as every tag is."""
    tags = _tags(children)
    out, unclosed = _walk(tags)
    if unclosed:  # rare: read the broken close tags the parser left as text, and walk again
        seen = {t[0] for t in tags}
        tags = sorted(tags + [(m.start(), m.end(), True, m.group(1).lower(), "", "")
                              for m in BROKEN_CLOSE.finditer(content) if m.start() not in seen])
        out, _ = _walk(tags)
    return out


def _walk(tags: list[tuple]) -> tuple[list[tuple[int, int]], bool]:
    """The opaque elements' ranges, and whether one is left open at the end."""
    out, start, name, depth = [], -1, "", 0
    for at, end, closing, tag_name, attrs, empty in tags:
        if start < 0:
            if not closing and not empty and (tag_name in OPAQUE or RENDERED_TEX.search(attrs)):
                start, name, depth = at, tag_name, 1
        elif tag_name == name and not empty:
            depth += -1 if closing else 1
            if depth == 0:
                out.append((start, end))
                start = -1
    return out, start >= 0


_GAP = "[ \t\u00a0\u200b\u200c\u200d\u2060\ufeff]"
BROKEN_CLOSE = re.compile(f"<{_GAP}*/{_GAP}*([A-Za-z][A-Za-z0-9-]*){_GAP}*>")


def _tags(children: list[Token]) -> list[tuple[int, int, bool, str, str, str]]:
    """(start, end, closing, name, attributes, self-closing) of each inline HTML tag, in order."""
    tags = []
    for child in children:
        meta = child.meta or {}
        if child.type != "html_inline" or "span" not in meta:
            continue
        tag = TAG.match(child.content.strip())
        if tag is not None:
            tags.append((*meta["span"], tag.group(1) == "/", tag.group(2).lower(), tag.group(3), tag.group(4)))
    return tags


def _mask(content: str, hidden: list[tuple[int, int]]) -> str:
    """`content` with each hidden range replaced by as many MASK characters."""
    pieces, at = [], 0
    for a, b in sorted(hidden):
        a = max(a, at)
        if b > a:
            pieces += (content[at:a], MASK * (b - a))
            at = b
    pieces.append(content[at:])
    return "".join(pieces)
