"""The blocks of a file's versions, each parsed from the version read before it.

A history holds tens of thousands of versions, and two versions of one file differ in a few
lines: a full parse of each (about 2 ms) would be most of a status run. So a version is
parsed once in full, and each later one only where it differs: from the start of a top-level
block before the first changed line to the start of a top-level block after the last,
the rest taken over from the version parsed before (lines shifted, sections renumbered).

Why that is the parse a full one would give: a top-level block that starts after a blank
line, at a line both versions share, is a boundary for both (everything before it is the
same text and ended at the blank line). At the end, the region is parsed with the first two lines
of the block after it (a block after a blank line starts there whatever follows, and its
second line tells a table or a setext heading), and taken only if the parser starts a
top-level block exactly where that block starts;
a fence left open, a list that now takes in the next lines, or any other reach past the
region makes it parse the whole file instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from contentlint.history.model import Block, blank, common, front_matter_blocks, split, to_blocks, top_starts
from contentlint.load import markdown, site_syntax


@dataclass
class Parsed:
    blocks: list[Block]  # the body's blocks, then the front matter's when it counts
    lines: list[str]  # the body's lines
    tops: list[int]  # body lines where top-level blocks start, in order
    offset: int  # the body's first line in the file
    head: int  # how many of `blocks` are the body's


def parse(text: str, shortcodes: bool = False, front_matter: bool = False) -> Parsed:
    (offset, body), meta = split(text, front_matter)
    tokens = markdown.block_parser().parse(body)
    blocks = to_blocks(tokens, shortcodes, offset, 0)
    return Parsed(blocks + front_matter_blocks(meta, front_matter), body.split("\n"), top_starts(tokens), offset,
                  len(blocks))


def from_tokens(text: str, tokens, body_line: int, shortcodes: bool = False,
                front_matter: bool = False) -> Parsed | None:
    """`text`'s Parsed from tokens the lint already has (a document's: its body from
    `body_line`, line maps in the file's lines): what `parse` gives, without parsing again.
    None when the history reads the front matter's end elsewhere (a broken one, say)."""
    (offset, body), meta = split(text, front_matter)
    if offset != body_line:
        return None
    blocks = to_blocks(tokens, shortcodes, 0, 0)
    return Parsed(blocks + front_matter_blocks(meta, front_matter), body.split("\n"), top_starts(tokens, -offset),
                  offset, len(blocks))


def _changed(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """(lines in common at the start, at the end), or None when equal."""
    if old == new:
        return None
    return common(old, new)


def reparse(prev: Parsed, text: str, shortcodes: bool = False, front_matter: bool = False) -> Parsed:
    """`text`'s Parsed, reading only what differs from `prev` (another version of the file)."""
    (offset, body), meta = split(text, front_matter)
    lines = body.split("\n")
    fm = front_matter_blocks(meta, front_matter)
    moved = offset - prev.offset
    found = _changed(prev.lines, lines)
    if found is None:
        body_blocks = [b.moved(moved) for b in prev.blocks[:prev.head]] if moved else prev.blocks[:prev.head]
        return Parsed(body_blocks + fm, lines, prev.tops, offset, prev.head)
    spliced = _in_paragraph(prev, lines, *found) if offset == prev.offset else None
    spliced = spliced or _splice(prev, lines, offset, *found, shortcodes)
    if spliced is None:
        return parse(text, shortcodes, front_matter)
    blocks, tops = spliced
    return Parsed(blocks + fm, lines, tops, offset, len(blocks))


def _in_paragraph(prev: Parsed, lines: list[str], p: int, q: int) -> tuple[list[Block], list[int]] | None:
    """The blocks and tops when only lines of one top-level paragraph changed, and every new
    line starts with a letter and holds no pipe or brace: no block rule starts at such a line
    (a heading, list, quote, fence, HTML, table, rule or underline starts with a mark or a
    digit; code needs four spaces and cannot break a paragraph), so the blocks are the old ones
    with that paragraph's text made again from its lines, as the parser joins a top-level
    paragraph's lines, and the blocks after it moved. The commonest edits (words changed in a
    sentence, a paragraph rewrapped) then cost no parse; anything else is parsed."""
    old, delta = prev.lines, len(lines) - len(prev.lines)
    k = bisect_right(prev.tops, p) - 1
    if k < 0:
        return None
    start = prev.tops[k]
    following = prev.tops[k + 1] if k + 1 < len(prev.tops) else len(old)
    end = next((j for j in range(start, following) if blank(old[j])), following)  # the blank or block after it
    changed = lines[p:len(lines) - q]
    if not (start <= p <= end and len(old) - q <= end and end + delta > start) or not _plain_line(old[start]) \
            or not _plain_line(lines[start]) \
            or not all(_plain_line(x) for x in changed) or _indent(lines[start]) != _indent(old[start]) \
            or any("|" in old[j] for j in range(start, end)):
        return None
    body = prev.blocks[:prev.head]
    at = [i for i, b in enumerate(body) if start <= b.line - prev.offset < end]  # not in line order: table cells
    if len(at) != 1 or body[at[0]].kind != "paragraph" or body[at[0]].line - prev.offset != start:
        return None
    block = body[at[0]]
    text = " ".join(" ".join(lines[start:end + delta]).split())
    if "{" in text:
        return None  # it may be site syntax alone, which is no block
    after = [b.moved(delta) for b in body[at[0] + 1:]] if delta else body[at[0] + 1:]
    tops = prev.tops[:k + 1] + [t + delta for t in prev.tops[k + 1:]] if delta else prev.tops
    return body[:at[0]] + [Block("paragraph", text, block.line, block.section)] + after, tops


def _indent(line: str) -> int:
    """A paragraph's first line indented anew may join a list above it."""
    return len(line) - len(line.lstrip(" "))


def _plain_line(line: str) -> bool:
    """A line no block rule starts at (site syntax's MDX lines, `import …`, included)."""
    first = line.lstrip(" ")
    return len(line) - len(first) < 4 and first[:1].isalpha() and "|" not in line and "{" not in line \
        and not site_syntax.ESM.match(first)


def _bounds(prev: Parsed, p: int, q: int) -> tuple[int, int]:
    """(start, end) of the region to parse, in the old version's lines."""
    old, tops = prev.lines, prev.tops
    k = bisect_right(tops, p) - 1
    while k >= 0 and (tops[k] >= p or tops[k] > 0 and not blank(old[tops[k] - 1])):
        k -= 1
    start = tops[k] if k >= 0 else 0
    k = bisect_left(tops, len(old) - q + 1)
    while k < len(tops) and not blank(old[tops[k] - 1]):
        k += 1
    return start, tops[k] if k < len(tops) else len(old)


def _splice(prev: Parsed, lines: list[str], offset: int, p: int, q: int,
            shortcodes: bool) -> tuple[list[Block], list[int]] | None:
    start, end = _bounds(prev, p, q)
    delta = len(lines) - len(prev.lines)
    new_end = end + delta
    tokens = markdown.block_parser().parse("\n".join(lines[start:new_end + 2]))
    region_tops = top_starts(tokens, start)
    if end < len(prev.lines) and new_end not in region_tops:
        return None  # the region reaches past its end in the new version
    old_body = prev.blocks[:prev.head]
    body_lines = [b.line - prev.offset for b in old_body]
    first, last = bisect_left(body_lines, start), bisect_left(body_lines, end)
    before = old_body[:first]
    section = before[-1].section if before else 0
    region = [b for b in to_blocks(tokens, shortcodes, offset + start, section) if b.line - offset < new_end]
    headings = sum(b.kind == "heading" for b in region) - sum(b.kind == "heading" for b in old_body[first:last])
    moved = offset - prev.offset + delta
    tail = [b.moved(moved, headings) if moved or headings else b
            for b in old_body[last:]]
    if offset != prev.offset:  # the front matter grew or shrank: every line moved
        before = [b.moved(offset - prev.offset) for b in before]
    tops = [t for t in prev.tops if t < start] + [t for t in region_tops if t < new_end] + \
           [t + delta for t in prev.tops if t >= end]
    return before + region + tail, tops
