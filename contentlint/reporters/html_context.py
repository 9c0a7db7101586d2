"""The data of the translators' report, made from the run's records, outlines, group rows
and finding stream (html.py writes it)."""

from __future__ import annotations

import base64
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache, partial

from contentlint import __version__
from contentlint.engine.stream import FindingStream
from contentlint.config.urls import EDITOR
from contentlint.engine import patch
from contentlint.history.model import summary
from contentlint.reporters import html_text
from contentlint.reporters.links import Links


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


def _finding(f, texts, links: Links) -> dict:
    """`texts`: the run's RecentDocuments, for the text a fix replaces (read only for fixes)."""
    return {
        "code": f.code, "rule": f.rule, "severity": str(f.severity), "message": f.message,
        "where": f"{f.path}:{f.line}:{f.column}", "fix": _fix_text(texts[f.path].text, f.fix) if f.fix else "",
        "editor": links.editor_url(f.path, f.line, f.column), "web": links.web_url(f.path, f.line),
        "related": [{"text": f"{r.message}: {r.path}:{r.line}", "editor": links.editor_url(r.path, r.line, 1),
                     "web": links.web_url(r.path, r.line)} for r in f.related],
    }


def _section_cell(info, findings) -> dict:
    return {
        "heading": info.title, "level": info.level, "paragraphs": info.paragraphs, "lists": info.lists,
        "item_count": info.items, "links": info.links, "findings": findings,
    }


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


def _patch(path: str, page: "Articles") -> dict:
    """The patch of a file's safe fixes, made when the page is written, as its exact bytes in
    base64: the page copies or saves them, and shows them (escaped) when asked."""
    found = page.findings_of(path) if path in page.patched else []
    text = patch.of_findings(page.texts[path].text, found, page.links.relative(path)) if found else ""
    return {"patch_b64": base64.b64encode(text.encode("utf-8", "surrogateescape")).decode() if text else ""}


def _columns(ref, members: list, page: "Articles") -> list[dict]:
    """`page.counts`: path -> (findings, worst severity) from the pass that counted the totals;
    `page.states`: path -> its history state, where the run read the history."""
    columns = []
    for member in sorted(members, key=lambda d: (d is not ref, d.language or "")):
        count, worst = page.counts.get(member.path, (0, None))
        columns.append({"doc": member, "lang": member.language or "??", "path": member.path, "is_ref": member is ref,
                        "count": count, "worst": str(worst) if worst else "clean", "state": page.states.get(member.path),
                        "dir": direction(member.language), **({} if page.light else _patch(member.path, page))})
    return columns


@lru_cache(maxsize=256)
def direction(code: str | None) -> str:
    """"rtl" or "ltr", from CLDR (Babel): Arabic, Hebrew, Persian, Urdu … set right to left."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).text_direction if code else "ltr"
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"


def _states(history) -> dict:
    """path -> {"kind", "label", "note"} of each translation the history says is behind or
    orphaned: the matrix shows them, with what changed in the source."""
    if history is None:
        return {}
    out = {}
    for path, lag in history.lags.items():
        if lag.state == "outdated":
            changed = "; ".join(f"{summary(c)} at source line {c.line + 1}" for c in lag.changes[:5])
            behind = f"{lag.behind} commit{'s' if lag.behind != 1 else ''} behind" if lag.behind else "uncommitted"
            out[path] = {"kind": "outdated", "label": f"outdated {lag.behind or ''}".strip() +
                         (" (low)" if lag.level == "low" else ""), "note": f"{behind}: {changed}"}
    for path, orphan in history.orphans.items():
        where = f"renamed to {orphan.renamed_to}" if orphan.renamed_to else "deleted"
        out[path] = {"kind": "orphan", "label": "orphan", "note": f"source {orphan.source} {where}"}
    return out


def _article(key: str, ref, members: list, rows: dict, page: "Articles", anchor: str) -> dict:
    """One article (a group, or a file alone): a column per member, a row per aligned section
    (for the overview matrix, the columns only)."""
    columns = _columns(ref, members, page)
    present = {c["lang"] for c in columns}
    article = {"key": key, "title": _title(ref, key), "anchor": anchor, "columns": columns,
               "missing": [lang for lang in page.languages if lang not in present] if len(columns) > 1 else []}
    if not page.light:
        by_file = {m.path: page.findings_of(m.path) for m in members}
        article["rows"] = _table(ref, columns, rows(), by_file, partial(_finding, texts=page.texts, links=page.links),
                                 html_text.Texts(page.texts), anchor)
    return article


def _table(ref, columns: list[dict], rows: dict, by_file: dict, shown, texts: html_text.Texts,
           anchor: str) -> list[dict]:
    table = []
    if ref.problem is None:
        shapes = {c["path"]: c["doc"].outline for c in columns}
        placed = {c["path"]: _place(shapes[c["path"]], by_file[c["path"]]) for c in columns}
        where = {path: dict(pairs) for path, pairs in rows.items()}
        table.append({"label": "file and front matter", "cells": [
            {"findings": [shown(f) for f in placed[c["path"]][0]]} for c in columns]})
        for row_key in sorted({k for pairs in where.values() for k in pairs}):
            cells, raws, spans = [], [], []
            for c in columns:
                idx = where.get(c["path"], {}).get(row_key)
                shape = shapes[c["path"]]
                if idx is None or shape is None:
                    cells.append(None)
                    raws.append([])
                    spans.append(None)
                else:
                    raw = placed[c["path"]][1][idx]
                    cells.append(_section_cell(shape.sections[idx], [shown(f) for f in raw]))
                    raws.append(raw)
                    following = shape.sections[idx + 1].line if idx + 1 < len(shape.sections) else 1 << 30
                    spans.append((shape.sections[idx].line, following))
            html_text.fill_row(cells, raws, columns, spans, texts, anchor)
            table.append({"label": "", "cells": cells})
    else:
        table.append({"label": "file", "cells": [{"findings": [shown(f) for f in by_file[ref.path]]}]})
    return table


def _alone_rows(article) -> dict:
    """The rows of an article without translations: its own sections."""
    shape = article.outline if article.problem is None else None
    return {article.path: tuple(((i, 0), i) for i in range(len(shape.sections)))} if shape else {}


class Articles:
    """The page's articles, made one at a time whenever the template iterates them (twice:
    the overview matrix, then the articles): the page of a large corpus is never held as
    data, only each article while it is written."""

    def __init__(self, units: list, languages: list[str], counts: dict, findings_of, texts, light: bool,
                 states: dict | None = None, links: Links | None = None, patched: set | None = None) -> None:
        self.units, self.languages, self.counts, self.light = units, languages, counts, light
        self.states, self.links, self.patched = states or {}, links or Links(EDITOR), patched or set()
        self.findings_of, self.texts = findings_of, texts

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self) -> Iterator[dict]:
        for n, (key, ref, members, rows) in enumerate(self.units):
            yield _article(key, ref, members, rows, self, f"g-{n}")


def _findings_of(findings):
    """path -> its findings: from the run's stream on demand, or from a list grouped once."""
    if isinstance(findings, FindingStream):
        return findings.of
    by_file = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    return lambda path: by_file.get(path, [])


def _no_rows() -> dict:
    return {}


def _units(result) -> list[tuple]:
    """(key, reference, members, rows) of every article the run reports: its groups, the files
    alone and the files that could not be read. `rows()` unpacks them when the article is made."""
    corpus, shown = result.corpus, set(result.files)
    checked = result.group_rows
    units = [(g.key, g.reference or g.members[0].doc, [m.doc for m in g.members],
              (lambda c=checked.get(g.key): c.rows if c is not None else {}))
             for g in corpus.groups if any(m.doc.path in shown for m in g.members)]
    units += [(os.path.basename(d.path), d, [d], partial(_alone_rows, d)) for d in corpus.ungrouped if d.path in shown]
    units += [(os.path.basename(d.path), d, [d], _no_rows) for d in corpus.docs if d.problem and d.path in shown]
    return units


def build_context(result, links: Links | None = None) -> dict:
    """The page's data from the run's records, outlines and group rows: nothing is loaded or
    aligned again (a fix's old text is read from its file when shown), and the articles are
    made as they are written."""
    corpus = result.corpus
    languages = sorted({d.language for d in corpus.docs if d.language} if corpus else set())
    lang_of = {d.path: d.language or "??" for d in (corpus.docs if corpus else [])}
    severities, by_rule, by_language, total = Counter(), Counter(), Counter(), 0
    counts: dict[str, tuple] = {}  # path -> (findings, worst severity), for the matrix
    patched: set[str] = set()  # files with a safe fix
    for f in result.findings:  # one pass for the totals; no finding kept
        total += 1
        severities[str(f.severity)] += 1
        by_rule[(f.code, f.rule, str(f.severity))] += 1
        by_language[lang_of.get(f.path, "??")] += 1
        if f.fix is not None and f.fix.safe:
            patched.add(f.path)  # its column offers a patch
        n, worst = counts.get(f.path, (0, None))
        counts[f.path] = (n + 1, f.severity if worst is None or f.severity > worst else worst)
    units, findings_of = _units(result), _findings_of(result.findings)
    states = _states(result.history)
    return {
        "version": __version__,
        "files": len(result.files),
        "total": total,
        "severities": [(s, severities.get(s, 0)) for s in ("error", "warning", "info")],
        "by_rule": sorted(by_rule.items()),
        "by_language": sorted(by_language.items()),
        "languages": languages,
        "rules": [(r.code, r.name) for r in result.rules],
        "matrix": Articles(units, languages, counts, findings_of, result.docs, light=True, states=states),
        "groups": Articles(units, languages, counts, findings_of, result.docs, light=False, states=states,
                           links=links, patched=patched),
        "patched": len(patched),
    }
