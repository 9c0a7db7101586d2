"""The text the report shows beside each finding: in an aligned section, the lines of each
language's file that hold a finding's span (the span marked), and in the source the lines a
group finding compares with. A section without findings shows no text: the page grows with
what it reports, not with the corpus.

A section's whole text (at most WHOLE lines) comes folded beside it: the source's, and any
section whose shown lines leave some out.

In the page's data (html_json.py) a line is `[number, segments, related]` (`related`: what
compares with it, or ""), a gap between lines `{"g": count}`, and a segment plain text or
`[text, finding]` where a finding's span covers it (`[, finding, 1]`: a point, where a fix
inserts). `finding` is the finding's place in its article's list.
"""

from __future__ import annotations

from contentlint.base import escape
from contentlint.load.lines import LineIndex


class Texts:
    """Line indexes of the files of one article, made once each."""

    def __init__(self, docs) -> None:
        self.docs, self.indexes = docs, {}

    def of(self, path: str) -> tuple[str, LineIndex]:
        if path not in self.indexes:
            text = self.docs[path].text or ""
            self.indexes[path] = (text, LineIndex(text))
        return self.indexes[path]


def fill_row(cells: list, raws: list, columns: list, spans: list, texts: Texts, numbers: list) -> None:
    """Give each cell of a row its text. `raws`: the findings of each cell; `numbers`: their
    places in the article's list, in the same order; `spans`: each cell's (first line, end
    line) of its section, 0-based."""
    if not any(raws):
        return
    related: dict[str, dict[int, list[str]]] = {}  # path -> line -> what compares with it
    for raw in raws:
        for f in raw:
            for r in f.related:
                related.setdefault(r.path, {}).setdefault(r.line - 1, []).append(f"{f.code} {f.rule}: {f.message}")
    for cell, raw, column, bounds, places in zip(cells, raws, columns, spans, numbers):
        if cell is None or bounds is None:
            continue
        text, lines = texts.of(column["path"])
        marks = [(f.start, f.end, n) for f, n in zip(raw, places) if f.end <= len(text)]
        shown = _lines(text, lines, bounds, marks, related.get(column["path"], {}))
        if shown:
            cell["t"] = shown
        if (column["is_ref"] and not shown) or 0 < len(shown) - _gaps(shown) < _filled(lines, bounds):
            # the whole section, folded: the source's to read beside the translations, and a
            # section whose shown lines leave some out
            cell["a"] = _whole(text, lines, bounds)


WHOLE = 40  # lines of a section shown at most (folded: the page opens it on demand)


def _gaps(shown: list) -> int:
    return sum(1 for x in shown if isinstance(x, dict))


def _filled(lines: LineIndex, bounds: tuple[int, int]) -> int:
    """The section's lines that hold text (the whole section shows only those)."""
    return sum(1 for k in range(bounds[0], min(bounds[1], len(lines))) if lines.end(k) > lines.start(k))


def _whole(text: str, lines: LineIndex, bounds: tuple[int, int]) -> list:
    first, end = bounds[0], min(bounds[1], len(lines))
    shown = [[k + 1, [escape.message(text[lines.start(k):lines.end(k)])], ""]
             for k in range(first, min(end, first + WHOLE)) if lines.end(k) > lines.start(k)]
    return shown + ([{"g": end - first - WHOLE}] if end - first > WHOLE else [])


def _lines(text: str, lines: LineIndex, bounds: tuple[int, int], marks: list, related: dict) -> list:
    first, end = bounds
    wanted = {k for k in related if first <= k < end}
    for start, stop, _ in marks:
        wanted.update(range(lines.line_of(start), lines.line_of(max(stop - 1, start)) + 1))
    out, previous = [], None
    for k in sorted(k for k in wanted if first <= k < end):
        if previous is not None and k > previous + 1:
            out.append({"g": k - previous - 1})
        a, b = lines.start(k), lines.end(k)
        out.append([k + 1, _segments(text, a, b, marks), escape.message("; ".join(related.get(k, ())))])
        previous = k
    return out


def _segments(text: str, a: int, b: int, marks: list) -> list:
    """The line [a, b) cut where spans start and end; a segment a span covers is marked with
    the first such finding, and an empty span (a fix that inserts) is a point."""
    cuts = sorted({a, b} | {x for s, e, _ in marks for x in (s, e) if a < x < b})
    out: list = []
    for x, y in zip(cuts, cuts[1:] + [None]):
        out.extend(["", n, 1] for s, e, n in marks if s == e == x)
        if y is None:
            break
        cover = next((n for s, e, n in marks if s <= x and e >= y and s < e), None)
        piece = escape.message(text[x:y])
        out.append(piece if cover is None else [piece, cover])
    return out
