"""Two versions of a file compared once, parsed only as far as they differ.

A translation's versions are compared with each other once (did this edit touch the
sections where the source changed?), so nothing parsed for them serves another
comparison, and a full parse of each (versions.py parses a source's versions, which many
comparisons share) would read the whole file for an edit in its first paragraph. Here the
older version is parsed from its start to just past the change, the newer one only over
the change, and the answer is the one full parses give (tests compare them):

- the change is bounded by top-level blocks both versions share: one before the first
  changed line that follows a blank line (nothing after it reaches back past the blank),
  one after the last that follows a blank line in the lines both end with;
- a block starts at a line after a blank line whatever follows it, so a parse cut two
  lines past that block's start (a table or a setext heading is known by its second line)
  says whether the block starts there, and every block before it is whole.
"""

from __future__ import annotations

from itertools import islice

from contentlint.history.model import Block, blank, changed_sections, common, front_matter_blocks, split, to_blocks, \
    top_starts
from contentlint.load import markdown

TRIES = 3  # places after the change tried for the block that ends it, before parsing to the end


def compare(a: str, b: str, shortcodes: bool = False, front_matter: bool = False) -> set[int] | None:
    """The sections (heading ordinals) of the blocks that differ in substance from `a` to
    `b`, or None when they read the same."""
    (_, body_a), meta_a = split(a, front_matter)
    (_, body_b), meta_b = split(b, front_matter)
    old, new = body_a.split("\n"), body_b.split("\n")
    x, y = front_matter_blocks(meta_a, front_matter), front_matter_blocks(meta_b, front_matter)
    if old != new:
        p, q = common(old, new)
        region_a, region_b = _regions(old, new, p, q, shortcodes)
        x, y = region_a + x, region_b + y
    return changed_sections(x, y, shortcodes) or None


def _regions(old: list[str], new: list[str], p: int, q: int, shortcodes: bool) -> tuple[list[Block], list[Block]]:
    """The blocks of each version from a shared block before the change to one after it."""
    delta = len(new) - len(old)
    ends = (k for k in range(len(old) - q + 1, len(old)) if blank(old[k - 1]) and not blank(old[k]))
    for end in [*islice(ends, TRIES), len(old)]:
        cut = min(end + 2, len(old))
        tokens = markdown.block_parser().parse("\n".join(old[:cut]))
        tops = top_starts(tokens)
        start = max((t for t in tops if t < p and (t == 0 or blank(old[t - 1]))), default=0)
        blocks = to_blocks(tokens, shortcodes, 0, 0)
        section = sum(1 for blk in blocks if blk.line < start and blk.kind == "heading")
        region = markdown.block_parser().parse("\n".join(new[start:min(end + delta + 2, len(new))]))
        if end < len(old) and not (end in tops and end + delta in top_starts(region, start)):
            continue  # the block after the change does not start there in one of them
        before = [blk for blk in blocks if start <= blk.line < end]
        after = [blk for blk in to_blocks(region, shortcodes, start, section) if blk.line < end + delta]
        return before, after
    raise AssertionError("the end of both versions bounds any change")
