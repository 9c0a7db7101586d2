"""Spans that safe fixes may touch, for checking that --fix changes nothing else."""

from __future__ import annotations

from contentlint.document import load
from contentlint.engine import Context, check_document
from contentlint.config import Config
from contentlint.registry import all_rules


def spans_of_fixable(path) -> list[tuple[int, int]]:
    doc = load(str(path))
    spans = []
    for f in check_document(doc, all_rules(), Context(Config())):
        if f.fix and f.fix.safe:
            for e in f.fix.edits:
                # offsets in the text; the file may carry a BOM before it
                shift = 1 if doc.bom else 0
                spans.append((min(e.start, f.start) + shift, max(e.end, f.end) + shift))
    return spans
