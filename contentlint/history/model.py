"""What of a document counts when its history is read: its blocks as a reader sees them.

Two versions of a file differ substantively when their block sequences differ. A block is
its kind and its text as rendered: whitespace collapsed (a reflow is no change), emphasis
markers gone (`*x*` is `_x_`), a link as the page it leads to (`/ko/docs/x` is `/docs/x`),
site shortcodes and front matter left out unless configured. Code blocks keep every
character but trailing spaces: a changed command is a change.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from itertools import compress, count
from operator import ne
from dataclasses import dataclass
from typing import NamedTuple

from contentlint.groups.fingerprint import target_key
from contentlint.history.visible import plain_words, plainly_differ
from contentlint.load import front_matter, markdown
from contentlint.load.lines import LineIndex

MARKERS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")  # emphasis left in a block's raw prose
SITE = ("shortcode", "macro")
WANTED = frozenset({"heading_open", "list_item_open", "paragraph_open", "inline", "list_item_close",
                    "bullet_list_close", "ordered_list_close", "fence", "code_block", "tr_open"})
LOW_WORDS = 3  # a change of at most this many words in place is "low"


class Block(NamedTuple):
    """A tuple, not a frozen dataclass: a version parsed from the one before it moves every
    block after an added line, and a tuple is made in a fifth of the time."""

    kind: str  # "heading" | "paragraph" | "item" | "code" | "front matter"
    text: str  # as the history compares it
    line: int  # 0-based, in its version
    section: int  # how many headings stand before it

    def moved(self, lines: int, sections: int = 0) -> Block:
        return Block(self.kind, self.text, self.line + lines, self.section + sections)


def _inline_text(inline, shortcodes: bool) -> str:
    out = []
    for c in inline.children or ():
        if c.type in ("text", "html_inline"):
            out.append(c.content)
        elif c.type == "code_inline":
            out.append(f"`{c.content}`")
        elif c.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif c.type == "link_open":
            href = c.attrGet("href") or ""
            out.append(f"[{target_key(href) or href.strip()}]")
        elif c.type == "image":
            src = c.attrGet("src") or ""
            out.append(f"![{target_key(src) or src.strip()}]")
        elif c.type == "heading_anchor":
            out.append(f"{{#{c.meta['id']}}}")
        elif c.type in SITE and shortcodes:
            out.append(c.content)
    return _norm("".join(out))


# the characters where an inline rule of the parser can start (escape, code, emphasis, link,
# image, autolink and inline HTML, entity, site syntax) or that it rewrites (NUL): text
# without any of them is plain text to the parser, and reads as it is
INLINE_START = re.compile(r"[\\`*_\[!<&{\x00]")


@lru_cache(maxsize=65536)
def rendered(raw: str, shortcodes: bool = False) -> str:
    """A block's raw inline text as the reader sees it (emphasis markers gone, links as the
    pages they lead to, shortcodes left out)."""
    if not INLINE_START.search(raw):  # most prose: nothing for the inline parser to do
        return _norm(raw)
    tokens = markdown.text_parser().parseInline(raw)
    return _inline_text(tokens[0], shortcodes) if tokens else ""


def blocks(text: str, shortcodes: bool = False, front_matter: bool = False) -> list[Block]:
    """The blocks of a file's text in order, their raw inline text with whitespace collapsed
    (`rendered` says what a reader sees of it). Read from the parser's block tokens: two
    versions of one file share whatever damage they carry, so no recovered views are built.
    (versions.py reads a history's versions, each from the one before.)"""
    (offset, body), meta = split(text, front_matter)
    return to_blocks(markdown.block_parser().parse(body), shortcodes, offset, 0) + \
        front_matter_blocks(meta, front_matter)


def to_blocks(tokens, shortcodes: bool, offset: int, section: int) -> list[Block]:
    """Blocks of block tokens; `offset`: the file line of the tokens' first line; `section`:
    headings before them. Inline markup is parsed only where versions differ (`rendered`)."""
    out: list[Block] = []
    kind, start = "paragraph", 0
    for t in tokens:
        if t.type not in WANTED:  # most tokens: closing paragraphs, tables' rows and cells
            continue
        if t.type == "heading_open":
            section += 1
            kind, start = "heading", t.map[0] if t.map else 0
        elif t.type == "list_item_open":
            kind, start = "item", t.map[0] if t.map else 0
        elif t.type == "paragraph_open" and kind != "item":
            kind, start = "paragraph", t.map[0] if t.map else 0
        elif t.type == "tr_open" and t.map:  # a table's cells stand on their row's line (blocks in line order)
            start = t.map[0]
        elif t.type == "inline" and kind in ("heading", "paragraph", "item"):
            raw = _norm(t.content)
            # site syntax opens with `{`: other text is never a paragraph of site markup only
            if raw and (kind == "heading" or shortcodes or "{" not in raw or rendered(raw, shortcodes)):
                out.append(Block(kind, raw, start + offset, section))  # a paragraph of shortcodes only is site markup
            elif kind == "heading":
                out.append(Block(kind, raw, start + offset, section))
            kind = "paragraph" if kind == "heading" else kind
        elif t.type in ("list_item_close", "bullet_list_close", "ordered_list_close"):
            kind = "paragraph"
        elif t.type in ("fence", "code_block") and t.map:
            code = "\n".join(line.rstrip() for line in t.content.strip("\n").split("\n"))
            out.append(Block("code", f"{t.info.strip()}\n{code}", t.map[0] + offset, section))
    return out


def front_matter_blocks(meta: dict, counts: bool) -> list[Block]:
    if not counts:
        return []
    return [Block("front matter", f"{k}: {v}", 0, 0) for k, v in sorted(meta.items(), key=lambda kv: str(kv[0]))]


def _same_block(a: Block, b: Block, shortcodes: bool) -> bool:
    if a.kind != b.kind:
        return False
    if a.text == b.text:
        return True
    return a.kind not in ("code", "front matter") and not plainly_differ(a.text, b.text) and \
        rendered(a.text, shortcodes) == rendered(b.text, shortcodes)


def same_blocks(a: list[Block], b: list[Block], shortcodes: bool = False) -> bool:
    return len(a) == len(b) and all(_same_block(x, y, shortcodes) for x, y in zip(a, b))


def split(text: str, meta: bool) -> tuple[tuple[int, str], dict]:
    """((first body line, body), front matter) of a file's text; its YAML is read only when
    `meta` (front matter counts): its bounds are enough to find the body."""
    if not meta and "\r" not in text and not text.startswith(("+++", "{")):  # the usual file: bounds only
        found = front_matter.yaml_bounds(text)
        if found is None:
            return (0, text), {}
        return (found[0], text[found[1] + 1:]), {}
    lines = LineIndex(text)
    fm = front_matter.read(text, lines, parse=meta)
    if fm is None or fm.data is None and fm.error:
        return (0, text), {}
    data = fm.data if isinstance(fm.data, dict) else {}
    return (fm.body_line, text[fm.end:].split("\n", 1)[1] if "\n" in text[fm.end:] else ""), data


def same_text(x: list[str], y: list[str]) -> bool:
    """Two texts' lines equal but for whitespace: a reflow or trailing spaces, known without
    parsing (only the lines between those both share at the start and at the end are compared)."""
    p, q = common(x, y)
    return " ".join(x[p:len(x) - q]).split() == " ".join(y[p:len(y) - q]).split()


def blank(line: str) -> bool:
    return not line.strip(" \t\r")  # markdown's blank line: spaces and tabs only


def top_starts(tokens, offset: int = 0) -> list[int]:
    """Lines where the parser starts top-level blocks, in order (`offset`: the tokens' first line)."""
    return [t.map[0] + offset for t in tokens if t.level == 0 and t.nesting >= 0 and t.map]


def common(a: list, b: list) -> tuple[int, int]:
    """(items equal at the start, items equal at the end, not overlapping)."""
    limit = min(len(a), len(b))  # the first unequal pair from each end, found in C
    p = next(compress(count(), map(ne, a, b)), limit)
    return p, min(next(compress(count(), map(ne, reversed(a), reversed(b))), limit), limit - p)


def _opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, the equal start and end left out of the matcher (versions of one
    file share most blocks, and the matcher's cost grows with what it is given)."""
    p, q = common(a, b)
    x, y = len(a) - q - p, len(b) - q - p
    if not x or not y or x == y == 1:  # the commonest edits, which need no matcher
        op = "replace" if x and y else "delete" if x else "insert" if y else ""
        return [(op, p, p + x, p, p + y)] if op else []
    ops = difflib.SequenceMatcher(None, a[p:len(a) - q], b[p:len(b) - q], autojunk=False).get_opcodes()
    return [(op, i1 + p, i2 + p, j1 + p, j2 + p) for op, i1, i2, j1, j2 in ops]


def _norm(text: str) -> str:
    return " ".join(text.split())  # whitespace collapsed (str.split's whitespace is re's \\s)


@dataclass(frozen=True)
class Change:
    kind: str  # the block's kind
    what: str  # "changed" | "added" | "removed"
    line: int  # 0-based line in the newer version (for a removal: where the block was)
    old: str
    new: str
    section: int  # the section ordinal of the block, in the version it belongs to
    words: int  # words added or removed


def changes(old: list[Block], new: list[Block], shortcodes: bool = False) -> list[Change]:
    """What differs from `old` to `new`, block by block (a block whose raw text changed but
    reads the same is no change)."""
    return [_change(o, n, new, at, shortcodes) for o, n, at in _paired(old, new, shortcodes)]


def changed_sections(old: list[Block], new: list[Block], shortcodes: bool = False) -> set[int]:
    """The sections of `changes(old, new)`, without counting the words each changed."""
    return {(n or o).section for o, n, _ in _paired(old, new, shortcodes)}


def _paired(old: list[Block], new: list[Block], shortcodes: bool):
    """(old block or None, new block or None, index in `new`) of each change: in each run of
    blocks that match nothing, the k-th old block against the k-th new one (two of another
    kind are a removal and an addition). Blocks are matched by their raw text first: only the
    runs left unmatched are rendered (inline parsing is most of the cost) and matched again."""
    def key(x: Block) -> tuple:
        return (x.kind, x.text if x.kind in ("code", "front matter") else rendered(x.text, shortcodes))

    for op, i1, i2, j1, j2 in _opcodes([(x.kind, x.text) for x in old], [(x.kind, x.text) for x in new]):
        if op == "equal":
            continue
        if i2 - i1 == 1 and j2 - j1 == 1 and _unlike(old[i1], new[j1]):  # one block for another, known apart
            if old[i1].kind != new[j1].kind:
                yield old[i1], None, j1
                yield None, new[j1], j1
            else:
                yield old[i1], new[j1], j1
            continue
        a, b = [key(x) for x in old[i1:i2]], [key(x) for x in new[j1:j2]]
        for op2, k1, k2, l1, l2 in _opcodes(a, b):
            if op2 == "equal":
                continue
            for k in range(max(k2 - k1, l2 - l1)):
                o = old[i1 + k1 + k] if k1 + k < k2 else None
                n = new[j1 + l1 + k] if l1 + k < l2 else None
                if o is not None and n is not None and o.kind != n.kind:
                    yield o, None, j1 + l1 + k
                    o = None
                yield o, n, j1 + l1 + k


def _unlike(a: Block, b: Block) -> bool:
    """Two blocks whose keys in `_paired` differ, known without rendering them."""
    return a.kind != b.kind or a.kind in ("code", "front matter") or plainly_differ(a.text, b.text)


def _change(o: Block | None, n: Block | None, new: list[Block], at: int, shortcodes: bool) -> Change:
    line = n.line if n else (new[at].line if at < len(new) else new[-1].line if new else 0)
    if o and n:
        plain = o.kind == "code" or n.kind != "code" and plain_words(o.text, n.text)  # known without rendering
        words = _words(*(x.text if plain else rendered(x.text, shortcodes) for x in (o, n)))
        return Change(n.kind, "changed", line, o.text, n.text, n.section, words)
    if n:
        return Change(n.kind, "added", line, "", n.text, n.section, len(n.text.split()))
    return Change(o.kind, "removed", line, o.text, "", o.section, len(o.text.split()))


def _words(old: str, new: str) -> int:
    ops = _opcodes(old.split(), new.split())
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in ops if op != "equal")


def level(found: list[Change]) -> str:
    """"low" for a change of headings only, or of a few words in place; else "normal"."""
    if all(c.kind == "heading" for c in found):
        return "low"
    if all(c.what == "changed" and c.kind != "code" for c in found) and sum(c.words for c in found) <= LOW_WORDS:
        return "low"
    return "normal"


def summary(c: Change) -> str:
    """`paragraph changed (3 words)`, `code block added`."""
    noun = "code block" if c.kind == "code" else "list item" if c.kind == "item" else c.kind
    return f"{noun} {c.what}" + (f" ({c.words} word{'s' if c.words != 1 else ''})" if c.what == "changed" and c.kind != "code" else "")
