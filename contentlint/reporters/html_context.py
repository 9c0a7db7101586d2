"""The data of the translators' report, made from the run's records, outlines, group rows
and finding stream (html.py writes it)."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import partial

from contentlint import __version__
from contentlint.engine.stream import FindingStream
from contentlint.history.model import summary


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


def _finding(f, texts) -> dict:
    """`texts`: the run's RecentDocuments, for the text a fix replaces (read only for fixes)."""
    return {
        "code": f.code, "rule": f.rule, "severity": str(f.severity), "message": f.message,
        "where": f"{f.path}:{f.line}:{f.column}", "fix": _fix_text(texts[f.path].text, f.fix) if f.fix else "",
        "related": [f"{r.message}: {r.path}:{r.line}" for r in f.related],
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


def _columns(ref, members: list, counts: dict, states: dict) -> list[dict]:
    """`counts`: path -> (findings, worst severity) from the pass that counted the totals;
    `states`: path -> its history state, where the run read the history."""
    columns = []
    for member in sorted(members, key=lambda d: (d is not ref, d.language or "")):
        count, worst = counts.get(member.path, (0, None))
        columns.append({"doc": member, "lang": member.language or "??", "path": member.path, "is_ref": member is ref,
                        "count": count, "worst": str(worst) if worst else "clean", "state": states.get(member.path)})
    return columns


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
    columns = _columns(ref, members, page.counts, page.states)
    present = {c["lang"] for c in columns}
    article = {"key": key, "title": _title(ref, key), "anchor": anchor, "columns": columns,
               "missing": [lang for lang in page.languages if lang not in present] if len(columns) > 1 else []}
    if not page.light:
        by_file = {m.path: page.findings_of(m.path) for m in members}
        article["rows"] = _table(ref, columns, rows(), by_file, page.texts)
    return article


def _table(ref, columns: list[dict], rows: dict, by_file: dict, texts) -> list[dict]:
    table = []
    if ref.problem is None:
        shapes = {c["path"]: c["doc"].outline for c in columns}
        placed = {c["path"]: _place(shapes[c["path"]], by_file[c["path"]]) for c in columns}
        where = {path: dict(pairs) for path, pairs in rows.items()}
        table.append({"label": "file and front matter", "cells": [
            {"findings": [_finding(f, texts) for f in placed[c["path"]][0]]} for c in columns]})
        for row_key in sorted({k for pairs in where.values() for k in pairs}):
            cells = []
            for c in columns:
                idx = where.get(c["path"], {}).get(row_key)
                if idx is None or shapes[c["path"]] is None:
                    cells.append(None)
                else:
                    found = [_finding(f, texts) for f in placed[c["path"]][1][idx]]
                    cells.append(_section_cell(shapes[c["path"]].sections[idx], found))
            table.append({"label": "", "cells": cells})
    else:
        table.append({"label": "file", "cells": [{"findings": [_finding(f, texts) for f in by_file[ref.path]]}]})
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
                 states: dict | None = None) -> None:
        self.units, self.languages, self.counts, self.light = units, languages, counts, light
        self.states = states or {}
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


def build_context(result) -> dict:
    """The page's data from the run's records, outlines and group rows: nothing is loaded or
    aligned again (a fix's old text is read from its file when shown), and the articles are
    made as they are written."""
    corpus = result.corpus
    languages = sorted({d.language for d in corpus.docs if d.language} if corpus else set())
    lang_of = {d.path: d.language or "??" for d in (corpus.docs if corpus else [])}
    severities, by_rule, by_language, total = Counter(), Counter(), Counter(), 0
    counts: dict[str, tuple] = {}  # path -> (findings, worst severity), for the matrix
    for f in result.findings:  # one pass for the totals; no finding kept
        total += 1
        severities[str(f.severity)] += 1
        by_rule[(f.code, f.rule, str(f.severity))] += 1
        by_language[lang_of.get(f.path, "??")] += 1
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
        "groups": Articles(units, languages, counts, findings_of, result.docs, light=False, states=states),
    }
