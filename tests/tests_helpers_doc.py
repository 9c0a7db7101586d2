"""Spans that safe fixes may touch, for checking that --fix changes nothing else."""

from __future__ import annotations

from contentlint.config.settings import Config
from contentlint.engine.pipeline import Pipeline
from contentlint.engine.run import analyse
from contentlint.rules import catalogue


def spans_of_fixable(path, corpus_files=None) -> list[tuple[int, int]]:
    """Through the real pipeline (languages included: some rules apply to one language)."""
    corpus = analyse([str(p) for p in (corpus_files or [path])], Config())
    doc = next(d for d in corpus.docs if d.path == str(path))
    spans = []
    for f in Pipeline(Config(), catalogue.load()).document(doc):
        if f.fix and f.fix.safe:
            for e in f.fix.edits:
                shift = 1 if doc.bom else 0  # offsets are in the text; the file may start with a BOM
                spans.append((min(e.start, f.start) + shift, max(e.end, f.end) + shift))
    return spans
