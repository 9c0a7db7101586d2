"""What prose rules share: pattern matches over inline text with code, URLs and HTML masked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contentlint.views import Inline

ABBREVIATION = re.compile(r"(?:\b\w\.)+$|\b(?:etc|vs|Inc|Ltd|Co|Corp|Jr|Sr|Dr|Mr|Mrs|Ms|St|No|bl\.a|f\.eks|ca|osv|mfl)\.$")


def matches(doc, pattern: re.Pattern) -> Iterator[tuple[Inline, re.Match]]:
    for inline in doc.inlines:
        for m in pattern.finditer(inline.masked):
            yield inline, m


def span(inline: Inline, m: re.Match, group: int = 0) -> tuple[int, int]:
    return inline.to_file(m.start(group)), inline.to_file(m.end(group))


def ends_with_abbreviation(text: str) -> bool:
    """`e.g.`, `U.S.`, `etc.`: a full stop that belongs to a word, not to a sentence."""
    return bool(ABBREVIATION.search(text[-24:]))  # the tail decides; a whole 1 MB text would be quadratic
