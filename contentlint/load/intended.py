"""The structure an author meant, recovered from machine-translation damage.

CommonMark reads `##Høydepunkter` and `– item` lines as plain paragraphs. Here they become
what they mean: a level-2 heading written without its space, and list items drawn with the
wrong marker. Parity checks compare this structure, so the defect is reported once, by the
rule named after its cause, and not again as a structural difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contentlint.load.views import MASK, Block, Heading, Inline, ListView, Paragraph

HASHES = "#＃"  # ASCII and fullwidth number signs
WRONG_MARKERS = "–—•"  # en dash, em dash, bullet
ORDERED = re.compile(r"[0-9]{1,9}[.)]")  # CommonMark's ordered list marker
HEADING_GAPS = " \t\u3000"  # a space CommonMark does not accept is still a gap we can see
# What a heading's text may open with besides a letter or digit: quotes, brackets, emphasis,
# and the CJK brackets (`##「A-Note」の制限`)
HEADING_OPENERS = "\"'(«“[*_¿¡%$€£¥「『（【〈《〔［"


@dataclass(eq=False)
class ProseSpan:
    """Where a block's prose stands in its inline token: `inline.masked[prose_start:prose_end]`."""

    inline: Inline | None = None
    prose_start: int = 0
    prose_end: int = 0

    @property
    def prose(self) -> str:
        """The block's text with code, URLs, HTML and link targets removed."""
        if self.inline is None:
            return ""
        return self.inline.masked[self.prose_start : self.prose_end].replace(MASK, "")

    def file_span(self, a: int, b: int) -> tuple[int, int]:
        """Offsets `a`..`b` in the block's prose (`prose`, `unit_text`) as offsets in the file."""
        return self.inline.to_file(self.prose_start + a), self.inline.to_file(self.prose_start + b)

    def links(self) -> list:
        if self.inline is None:
            return []
        a, b = self.inline.to_file(self.prose_start), self.inline.to_file(self.prose_end)
        return [link for link in self.inline.links if a <= link.start < b]


@dataclass(eq=False)
class IntendedHeading(ProseSpan):
    level: int = 0
    text: str = ""
    line: int = 0
    start: int = 0  # offset of the first mark
    end: int = 0
    malformed: bool = False  # written as `##Title` (or with fullwidth marks)
    marks_end: int = 0  # offset just past the marks and any gap


@dataclass(eq=False)
class IntendedItem(ProseSpan):
    text: str = ""
    line: int = 0
    start: int = 0  # offset of the marker
    end: int = 0
    marker: str = "-"
    wrong_marker: bool = False  # `– item`, `• item`
    missing_space: bool = False  # `-item`
    number: str = ""  # an ordered item's number, which a reader sees (`15. februar 2021 …`)


@dataclass(eq=False)
class IntendedList:
    ordered: bool
    items: list[IntendedItem] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.items[0].line if self.items else 0

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


@dataclass(eq=False)
class IntendedParagraph(ProseSpan):
    text: str = ""
    line: int = 0
    start: int = 0
    end: int = 0


@dataclass(eq=False)
class Section:
    heading: IntendedHeading | None
    blocks: list = field(default_factory=list)


@dataclass(eq=False)
class Intended:
    blocks: list
    headings: list[IntendedHeading]
    sections: list[Section]
    lists: list[IntendedList]


def heading_marks(piece: str) -> tuple[int, int] | None:
    """(level, length of marks plus gap) when a paragraph line is a heading missing its space."""
    n = 0
    while n < len(piece) and piece[n] in HASHES and n < 7:
        n += 1
    if not 1 <= n <= 6 or n == len(piece):
        return None
    gap = n
    while gap < len(piece) and piece[gap] in HEADING_GAPS:
        gap += 1
    fullwidth = "＃" in piece[:n]
    if gap == len(piece) or (gap > n and not fullwidth and piece[n] != "\u3000"):
        return None  # a real heading, or nothing after the marks
    following = piece[gap]
    if not (following.isalnum() or following in HEADING_OPENERS):
        return None
    if n == 1 and not fullwidth and not following.isalpha():
        return None  # `#1` is a number, not a heading
    return n, gap


def item_marker(piece: str) -> tuple[int, bool] | None:
    """(length of marker plus space, missing_space) when a line is a list item drawn wrong."""
    if len(piece) >= 3 and piece[0] in WRONG_MARKERS and piece[1] in " \t\u3000" and not piece[2].isspace():
        return 2, False
    # `-- item` and `--AFSBは…`: a doubled hyphen is no list marker to CommonMark
    if piece.startswith("-- ") and len(piece) > 3 and not piece[3].isspace() and piece[3] != "-":
        return 3, False
    dashes = 2 if piece.startswith("--") else 1
    if len(piece) > dashes and piece[0] == "-" and not piece[dashes].isspace() and piece[dashes] != "-":
        # `-今年…`, `-51％の攻撃…`, `-CLUは…`: in scripts written without spaces a hyphen glued
        # to the line is a bullet; elsewhere only before a non-Latin word (`-5 %` is a number,
        # `--verbose` an option)
        rest = piece[dashes:]
        if any(_cjk(c) for c in rest[: 40 * dashes]) or (rest[0].isalpha() and not rest[0].isascii()):
            return dashes, True
    # `1.一般的に…`, `1.她重写了…`: an ordered marker glued to a line of a script written without
    # spaces (Latin `1.The` or `2.Juni` may be anything, and `1.5` is a number)
    number = ORDERED.match(piece)
    if number and len(piece) > number.end() and _cjk(piece[number.end()]):
        return number.end(), True
    return None


def _marker(piece: str, width: int) -> str:
    """The marker a drawn-wrong item opens with: `–`, `--`, `-`, or an ordered `12.`."""
    return piece[:width] if piece[:1].isdigit() else piece[: min(width, 2)].strip()


def _mid_sentence(before: str, line: str, first: str, alone: bool) -> bool:
    """Whether a dash line continues the text of the line before (in the same paragraph, not in
    a list, where a dash line after an item is another item): that
    line stops on a letter or comma and the dash line goes on in lower case; or the line is a
    single em-dash clause (no dash line follows, and the line before does not announce a list
    with a colon: `… un único punto de fallo\n— Si este ordenador falla, …`, `… в Slack-канале
    CNCF [#glossary](…)\n— мы будем рады`, `…できません。\n— ダウンタイムは…`). A single en-dash
    line after a sentence stays an item (`Les points clés.\n– premier point`)."""
    end = before.rstrip()[-1:]
    if (end.isalpha() or end in ",،、") and first.islower():
        return True
    dash = line.lstrip()  # a single `--` (a typed dash) after a line that stops on a letter: `…组合到一起 / -- 它们必须`
    return alone and ((dash.startswith("—") and end not in ":：" and end != "") or (dash.startswith("--") and end.isalpha()))


def _cjk(c: str) -> bool:
    return "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" or "\uac00" <= c <= "\ud7af"


def _split_paragraph(inline: Inline, first_item_line: bool):
    """Yield intended blocks for the lines of one paragraph (top level, or a list item's)."""
    out: list = []
    para: list[int] = []  # content line numbers of the open paragraph
    item: IntendedItem | None = None
    pieces = inline.content.split("\n")

    def close_para():
        if para:
            a, b = inline.segments[para[0]][1], inline.to_file(inline.segments[para[-1]][0] + len(pieces[para[-1]]))
            text = " ".join(pieces[j].strip() for j in para)
            begin, finish = inline.segments[para[0]][0], inline.segments[para[-1]][0] + len(pieces[para[-1]])
            out.append(IntendedParagraph(inline, begin, finish, text=text, line=inline.line + para[0], start=a, end=b))
            para.clear()

    for j, piece in enumerate(pieces):
        start = inline.segments[j][1]
        end = start + len(piece)
        marks = heading_marks(piece)
        marker = None if marks else item_marker(piece)
        if j == 0 and first_item_line:
            marker = None  # the item's own first line
        elif marker and not marker[1] and para and para[-1] == j - 1 and inline.context != "list-item" and \
                _mid_sentence(pieces[j - 1], piece, piece[marker[0]], j + 1 >= len(pieces) or not item_marker(pieces[j + 1])):
            marker = None  # `… de connexion\n— pensez à …`: a dash clause of a reflowed sentence
        if marks:
            close_para()
            item = None
            level, gap = marks
            title = piece[gap:].rstrip(" #＃")
            begin = inline.segments[j][0]
            out.append(IntendedHeading(inline, begin + gap, begin + len(piece), level=level, text=title, line=inline.line + j,
                                start=start, end=end, malformed=True, marks_end=start + gap))
        elif marker:
            close_para()
            width, glued = marker
            begin = inline.segments[j][0]
            item = IntendedItem(inline, begin + width, begin + len(piece), text=piece[width:].strip(), line=inline.line + j,
                         start=start, end=end, marker=_marker(piece, width), wrong_marker=not glued,
                         missing_space=glued)
            out.append(item)
        elif item is not None:
            item.text += " " + piece.strip()
            item.end = end
            item.prose_end = inline.segments[j][0] + len(piece)
        else:
            para.append(j)
    close_para()
    return out


def _from_list(lv: ListView) -> list:
    out: list = []
    for it in lv.items:
        first = it.paragraphs[0] if it.paragraphs else _on_marker_line(it)
        # `- 30. Okt. 2017`: a bullet item's inner list's number is its text's first word, as a
        # reader sees it; an ordered item's is read after its own (`1. 30. Okt.`: `1. 30`)
        inner = "" if it.paragraphs or first is None else it.lists[0].items[0].number
        number = f"{it.number}. {inner}" if it.number and inner else it.number or inner
        if first is None:
            out.append(IntendedItem(text="", line=it.line, start=it.start, end=it.start + len(it.marker), marker=it.marker))
            continue
        parts = _split_paragraph(first.inline, True)
        head = parts[0] if parts and isinstance(parts[0], IntendedParagraph) else None
        out.append(IntendedItem(first.inline, head.prose_start if head else 0, head.prose_end if head else 0, text=head.text if head else "",
                         line=it.line, start=it.start, end=head.end if head else first.inline.end, marker=it.marker,
                         number=number))
        out.extend(parts[1:] if head else parts)
    return out


def _on_marker_line(it):
    """The text of an item that opens with another list's marker on its own line: `- 1. Yıl
    …`, machine translation's `1. Jahr` for `Year 1`, is one item whose text starts with a
    number, not an empty item around a list (CommonMark's reading)."""
    inner = it.lists[0] if it.lists else None
    if inner is None or inner.line != it.line or not inner.items or not inner.items[0].paragraphs:
        return None
    first = inner.items[0].paragraphs[0]
    return first if first.line == it.line else None


def build(doc) -> Intended:
    flat: list = []
    for view in doc.top:
        if isinstance(view, Heading):
            h = IntendedHeading(view.inline, 0, len(view.inline.content), level=view.level, text=view.text,
                         line=view.line, start=view.start, end=view.end, marks_end=view.start + view.level)
            flat.append(h)
        elif isinstance(view, Paragraph):
            flat.extend(_split_paragraph(view.inline, False))
        elif isinstance(view, ListView):
            flat.extend(_from_list(view))
        elif isinstance(view, Block):
            flat.append(view)
    blocks: list = []
    for b in flat:  # consecutive items, whatever their marker, form one list
        if isinstance(b, IntendedItem):
            if not (blocks and isinstance(blocks[-1], IntendedList)):
                blocks.append(IntendedList(ordered=b.marker[-1:] in ".)"))
            blocks[-1].items.append(b)
        else:
            blocks.append(b)
    sections: list[Section] = []
    for b in blocks:
        if isinstance(b, IntendedHeading):
            sections.append(Section(b))
        else:
            if not sections:
                sections.append(Section(None))
            sections[-1].blocks.append(b)
    headings = [b for b in blocks if isinstance(b, IntendedHeading)]
    return Intended(blocks, headings, sections, [b for b in blocks if isinstance(b, IntendedList)])
