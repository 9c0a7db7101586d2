"""One article of the translators' report as the page's data: its detail (a column per
language, a row per aligned section, the findings, the text around them) and its line of the
page's index (the matrix cells and what the filters need). html_text.py makes the text and
html_json.py the JSON; the page's script renders an article only when it is shown.

A finding is `[rule, severity, message, where, fix, editor url, web url, related]`: `rule`
and `severity` index the page's tables, `related` is `[[text, editor url], ...]`.
"""

from __future__ import annotations

from contentlint.base import escape
from contentlint.base.findings import Severity
from contentlint.reporters import html_text

SEVERITIES = tuple(str(s) for s in sorted(Severity, reverse=True))  # the page's table: worst first


def _fix_text(text: str, fix) -> str:
    parts = []
    for e in fix.edits:
        old = text[e.start : e.end] if text else ""
        if old and e.content:
            parts.append(f"replace «{old}» with «{e.content}»")
        elif old:
            parts.append(f"delete «{old}»")
        else:
            parts.append(f"insert «{e.content}»")
    return ("safe fix: " if fix.safe else "unsafe fix: ") + "; ".join(parts)


def _finding(f, page) -> list:
    links, shown = page.links, escape.message
    return [page.rule(f.code, f.rule), SEVERITIES.index(str(f.severity)), shown(f.message),
            shown(f"{f.path}:{f.line}:{f.column}"), shown(_fix_text(page.texts[f.path].text, f.fix)) if f.fix else "",
            links.editor_url(f.path, f.line, f.column), links.web_url(f.path, f.line) or "",
            [[shown(f"{r.message}: {r.path}:{r.line}"), links.editor_url(r.path, r.line, 1)] for r in f.related]]


def _place(shape, findings) -> tuple[list, list[list]]:
    """Findings of one file split into (before the body, per section of its outline)."""
    sections = shape.sections if shape is not None else ()
    starts = [s.line for s in sections]
    body = shape.body_line if shape is not None else 0
    top, per = [], [[] for _ in sections]
    for f in findings:
        line = f.line - 1
        if not sections or line < body or line < starts[0]:
            top.append(f)
            continue
        k = max(i for i, s in enumerate(starts) if s <= line)
        per[k].append(f)
    return top, per


def _title(article, key: str) -> str:
    title = article.meta.get("title")
    return title if isinstance(title, str) and not article.meta.get("title_not_text") else key


class _Numbered:
    """The article's findings in the order they are shown, each with its place in the list."""

    def __init__(self, page) -> None:
        self.page, self.items = page, []

    def add(self, findings: list) -> list[int]:
        start = len(self.items)
        self.items.extend(_finding(f, self.page) for f in findings)
        return list(range(start, len(self.items)))


def _section(info, places: list[int]) -> dict:
    return {"h": escape.message(info.title), "v": info.level,
            "n": [info.paragraphs, info.lists, info.items, info.links], "f": places}


def _rows(ref, columns: list[dict], rows: dict, by_file: dict, numbered: _Numbered, texts) -> list[dict]:
    if ref.problem is not None:
        return [{"b": "file", "c": [{"f": numbered.add(by_file[ref.path])}]}]
    shapes = {c["path"]: c["doc"].outline for c in columns}
    placed = {c["path"]: _place(shapes[c["path"]], by_file[c["path"]]) for c in columns}
    where = {path: dict(pairs) for path, pairs in rows.items()}
    table = [{"b": "file and front matter", "c": [{"f": numbered.add(placed[c["path"]][0])} for c in columns]}]
    for row_key in sorted({k for pairs in where.values() for k in pairs}):
        cells, raws, spans, places = [], [], [], []
        for c in columns:
            idx = where.get(c["path"], {}).get(row_key)
            shape = shapes[c["path"]]
            if idx is None or shape is None:
                cells.append(None)
                raws.append([])
                spans.append(None)
                places.append([])
                continue
            raw = placed[c["path"]][1][idx]
            places.append(numbered.add(raw))
            cells.append(_section(shape.sections[idx], places[-1]))
            raws.append(raw)
            following = shape.sections[idx + 1].line if idx + 1 < len(shape.sections) else 1 << 30
            spans.append((shape.sections[idx].line, following))
        html_text.fill_row(cells, raws, columns, spans, texts, places)
        table.append({"b": "", "c": cells})
    return table


def _columns(ref, members: list) -> list:
    return sorted(members, key=lambda d: (d is not ref, d.language or ""))


def _title_missing(key: str, ref, members: list, page) -> tuple[str, list[str]]:
    present = {m.language or "??" for m in members}
    missing = [lang for lang in page.languages if lang not in present] if len(members) > 1 else []
    return escape.message(_title(ref, key)), missing


def entry(key: str, ref, members: list, page) -> list:
    """The article's line of the page's index: [title, key, cells, missing, kinds]. A cell is
    [language, findings, worst severity or -1, path, history state or 0]; `kinds` lists
    (language, rule, severity) of its findings, flat, for the filters. Made from the counts of
    the run's one pass over the findings: nothing is read."""
    title, missing = _title_missing(key, ref, members, page)
    cells, kinds = [], set()
    for member in _columns(ref, members):
        lang = page.lang(member.language or "??")
        cells.append([lang, page.counts.get(member.path, (0, None))[0], _worst(page, member.path),
                      escape.message(member.path), page.states.get(member.path, 0)])
        kinds.update((lang, page.rule(code, name), SEVERITIES.index(sev)) for code, name, sev in page.kinds.get(member.path, ()))
    return [title, escape.message(key), cells, [page.lang(m) for m in missing], [x for k in sorted(kinds) for x in k]]


def detail(n: int, key: str, ref, members: list, rows, page) -> dict:
    """Article `n` as the page draws it: a column per member, the source first; a row per
    aligned section; its findings; each column's patch (its place in the page's list)."""
    title, missing = _title_missing(key, ref, members, page)
    columns, by_file = [], {}
    for member in _columns(ref, members):
        by_file[member.path] = page.findings_of(member.path)
        columns.append({"doc": member, "path": member.path, "is_ref": member is ref, "lang": member.language or "??"})
    numbered = _Numbered(page)
    table = _rows(ref, columns, rows(), by_file, numbered, html_text.Texts(page.texts))
    shown = [{"l": escape.message(c["lang"]), "p": escape.message(c["path"]), "s": int(c["is_ref"]),
              "w": _worst(page, c["path"]), "d": page.direction(c["lang"]), "x": page.patch(c["path"], by_file[c["path"]])}
             for c in columns]
    return {"n": n, "t": title, "k": escape.message(key), "m": [escape.message(m) for m in missing], "c": shown, "f": numbered.items, "r": table}


def _worst(page, path: str) -> int:
    worst = page.counts.get(path, (0, None))[1]
    return SEVERITIES.index(str(worst)) if worst else -1
