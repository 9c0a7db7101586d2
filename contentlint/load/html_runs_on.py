"""An HTML block that runs on over the Markdown after its closing tag.

CommonMark ends an HTML block that opens with a block tag (`<table>`, `<div>`) only at a
blank line. Written without one, the lines after `</table>` belong to the block: renderers
print `### Loans` there as text, and a parse sees no heading, so a translation that has the
blank line seems to have a section its source lacks. The author meant the block to end with
its tag: here it does, where the first tag opened is closed and the next line is not HTML,
and the block's token says so (`meta["runs_on"]`) for the rule that reports it
(`html-block-runs-on`). Tags are counted in HTML text, never in Markdown.
"""

from __future__ import annotations

import re

from markdown_it.common.html_blocks import block_names

FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
BLOCK_NAMES = frozenset(block_names)


def install(md) -> None:
    original = md.block.ruler.__rules__[md.block.ruler.__find__("html_block")].fn
    md.block.ruler.at("html_block", _ending_at_its_tag(original), {"alt": ["paragraph", "reference", "blockquote"]})


def _ending_at_its_tag(original):
    def html_block(state, start: int, end: int, silent: bool) -> bool:
        if not original(state, start, end, silent):
            return False
        if silent:
            return True
        cut = closing_line(state, start, state.line)
        if cut is not None:
            token = state.tokens[-1]
            token.map = [start, cut]
            token.content = state.getLines(start, cut, state.blkIndent, True)
            token.meta = {**(token.meta or {}), "runs_on": cut}
            state.line = cut
        return True

    return html_block


def closing_line(state, start: int, stop: int) -> int | None:
    """The first line after the one that closes the block's first tag, when Markdown (a
    line that does not open with `<`) follows it before the block's end; else None."""
    line = _line(state, start)
    first = FIRST_TAG.match(line)
    if first is None or first.group(1).lower() not in BLOCK_NAMES:
        return None
    name = first.group(1).lower()
    opens, closes = re.compile(rf"<{name}(?![A-Za-z0-9-])", re.I), re.compile(rf"</{name}\s*>", re.I)
    depth = 0
    for k in range(start, stop - 1):
        text = _line(state, k)
        depth += len(opens.findall(text)) - len(closes.findall(text))
        if depth <= 0:
            after = _line(state, k + 1)
            if after.strip() and not after.lstrip().startswith("<"):
                return k + 1
            depth = 0
    return None


def _line(state, k: int) -> str:
    return state.src[state.bMarks[k] + state.tShift[k]:state.eMarks[k]]
