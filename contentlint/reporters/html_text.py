"""The text the report shows beside each finding: in an aligned section, the lines of each
language's file that hold a finding's span (the span marked), and in the source the lines a
group finding compares with. A section without findings shows no text: the page grows with
what it reports, not with the corpus."""

from __future__ import annotations

from itertools import count

from contentlint.load.lines import LineIndex


class Texts:
    """Line indexes of the files of one article, made once each."""

    def __init__(self, docs) -> None:
        self.docs, self.indexes = docs, {}
        self.ids = count()

    def of(self, path: str) -> tuple[str, LineIndex]:
        if path not in self.indexes:
            text = self.docs[path].text or ""
            self.indexes[path] = (text, LineIndex(text))
        return self.indexes[path]


def fill_row(cells: list, raws: list, columns: list, spans: list, texts: Texts, anchor: str) -> None:
    """Give each cell of a row its text. `raws`: the findings of each cell, in the order of its
    finding dicts; `spans`: each cell's (first line, end line) of its section, 0-based."""
    if not any(raws):
        return
    related: dict[str, dict[int, list[str]]] = {}  # path -> line -> what compares with it
    for raw in raws:
        for f in raw:
            for r in f.related:
                related.setdefault(r.path, {}).setdefault(r.line - 1, []).append(f"{f.code} {f.rule}: {f.message}")
    for cell, raw, column, bounds in zip(cells, raws, columns, spans):
        if cell is None or bounds is None:
            continue
        for d in cell["findings"]:
            d["id"] = f"{anchor}-f{next(texts.ids)}"
        text, lines = texts.of(column["path"])
        marks = [(f.start, f.end, d) for f, d in zip(raw, cell["findings"]) if f.end <= len(text)]
        cell["text"] = _lines(text, lines, bounds, marks, related.get(column["path"], {}))
        if not cell["text"] and column["is_ref"]:  # the source's section, to read beside the translations
            cell["whole"] = _whole(text, lines, bounds)


WHOLE = 40  # lines of a source section shown at most (folded: the page opens it on demand)


def _whole(text: str, lines: LineIndex, bounds: tuple[int, int]) -> list[dict]:
    first, end = bounds[0], min(bounds[1], len(lines))
    shown = [{"number": k + 1, "segments": [{"text": text[lines.start(k):lines.end(k)]}], "related": ""}
             for k in range(first, min(end, first + WHOLE)) if lines.end(k) > lines.start(k)]
    return shown + ([{"gap": end - first - WHOLE}] if end - first > WHOLE else [])


def _lines(text: str, lines: LineIndex, bounds: tuple[int, int], marks: list, related: dict) -> list[dict]:
    first, end = bounds
    wanted = {k for k in related if first <= k < end}
    for start, stop, _ in marks:
        wanted.update(range(lines.line_of(start), lines.line_of(max(stop - 1, start)) + 1))
    out, previous = [], None
    for k in sorted(k for k in wanted if first <= k < end):
        if previous is not None and k > previous + 1:
            out.append({"gap": k - previous - 1})
        a, b = lines.start(k), lines.end(k)
        out.append({"number": k + 1, "segments": _segments(text, a, b, marks),
                    "related": "; ".join(related.get(k, ()))})
        previous = k
    return out


def _title(d: dict) -> str:
    fix = f" — {d['fix']}" if d.get("fix") else ""
    return f"{d['code']} {d['rule']} ({d['severity']}): {d['message']}{fix}"


def _segments(text: str, a: int, b: int, marks: list) -> list[dict]:
    """The line [a, b) cut where spans start and end; a segment a span covers is marked with
    the first such finding, and an empty span (a fix that inserts) is a point."""
    cuts = sorted({a, b} | {x for s, e, _ in marks for x in (s, e) if a < x < b})
    out = []
    for x, y in zip(cuts, cuts[1:] + [None]):
        for s, e, d in marks:
            if s == e == x:
                out.append({"text": "", "id": d["id"], "title": _title(d), "severity": d["severity"], "point": True})
        if y is None:
            break
        cover = next((d for s, e, d in marks if s <= x and e >= y and s < e), None)
        out.append({"text": text[x:y], "id": cover["id"] if cover else "", "title": _title(cover) if cover else "",
                    "severity": cover["severity"] if cover else ""})
    return out
