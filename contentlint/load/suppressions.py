"""Inline suppressions in HTML comments, found among the parser's HTML tokens:

    <!-- contentlint-disable RULE … -->          until `contentlint-enable` (or the end)
    <!-- contentlint-enable RULE … -->
    <!-- contentlint-disable-next-line RULE … -->
    <!-- contentlint-disable-file RULE … -->

RULE is a code, a name or a code prefix, separated by blanks or commas; none means every
rule. Suppressed findings are dropped before fixes are chosen, so fixes never touch what a
suppression covers; a suppression that covers nothing is reported (unused-suppression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from contentlint.config import selectors as selector

COMMENT = re.compile(r"<!--\s*contentlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")


@dataclass(eq=False)
class Suppression:
    kind: str
    selectors: list[str]  # empty: every rule
    line: int  # 0-based line of the comment
    start: int
    end: int
    first: int = 0  # 0-based lines it covers: first..last inclusive
    last: int = 1 << 30
    used: bool = False
    position: tuple[int, int] = (1, 1)  # (line, column) of start, 1-based: where unused-suppression points
    end_position: tuple[int, int] = (1, 1)

    def covers(self, rule, line: int) -> bool:
        """Whether this suppression covers `rule` (anything with a code and a name) at `line`."""
        return self.first <= line <= self.last and (
            not self.selectors or any(selector.matches(rule.code, rule.name, s) for s in self.selectors))


@dataclass
class Suppressions:
    items: list[Suppression] = field(default_factory=list)


def _comments(doc):
    """(offset in file, text) of every HTML the parser saw: blocks and inline."""
    for tok in doc.tokens:
        if tok.type == "html_block" and tok.map:
            start = doc.lines.start(tok.map[0])
            yield start, doc.text[start : doc.lines.end(tok.map[1] - 1)]
    for inline in doc.inlines:
        for child in inline.children:
            if child.type == "html_inline" and child.meta and "span" in child.meta:
                a, b = child.meta["span"]
                yield inline.to_file(a), inline.content[a:b]


def parse(doc) -> Suppressions:
    out = Suppressions()
    if doc.problem is not None:
        return out
    open_: list[Suppression] = []
    found = sorted((base + m.start(), base + m.end(), m.group(1), m.group(2))
                   for base, text in _comments(doc) for m in COMMENT.finditer(text))
    for start, end, kind, rest in found:
        selectors = [s for s in re.split(r"[\s,]+", rest.strip()) if s]
        line = doc.lines.line_of(start)
        s = Suppression(kind, selectors, line, start, end, position=doc.position(start),
                        end_position=doc.position(end))
        if kind == "disable-next-line":
            s.first = s.last = line + 1
        elif kind == "disable-file":
            s.first = 0
        elif kind == "disable":
            s.first = line
            open_.append(s)
        else:  # enable closes the matching disables
            for d in open_:
                if d.last == 1 << 30 and (not selectors or set(selectors) & set(d.selectors) or not d.selectors):
                    d.last = line
            continue
        out.items.append(s)
    return out
