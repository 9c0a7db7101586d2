"""The translators' report: one self-contained HTML file rendered by Jinja2.

Every piece of article text goes through Jinja2's autoescaping; the page's only script is
ours, allowed by a Content-Security-Policy hash, so nothing in an article can run in it.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter, defaultdict
from importlib import resources

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from contentlint import __version__
from contentlint.base import escape
from contentlint.base.findings import Severity


def _template(name: str) -> str:
    return resources.files("contentlint").joinpath("templates", name).read_text(encoding="utf-8")


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
    return title if isinstance(title, str) else key


def _article(key: str, ref, members: list, rows: dict, languages: list, by_file, texts, anchor: str) -> dict:
    """One article (a group, or a file alone): a column per member, a row per aligned section."""
    columns = []
    for member in sorted(members, key=lambda d: (d is not ref, d.language or "")):
        found = by_file[member.path]
        worst = max((f.severity for f in found), default=None)
        columns.append({"doc": member, "lang": member.language or "??", "path": member.path, "is_ref": member is ref,
                        "count": len(found), "worst": str(worst) if worst else "clean"})
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
    present = {c["lang"] for c in columns}
    return {"key": key, "title": _title(ref, key), "anchor": anchor, "columns": columns, "rows": table,
            "missing": [lang for lang in languages if lang not in present] if len(columns) > 1 else []}


def _alone_rows(article) -> dict:
    """The rows of an article without translations: its own sections."""
    shape = article.outline if article.problem is None else None
    return {article.path: tuple(((i, 0), i) for i in range(len(shape.sections)))} if shape else {}


def build_context(result) -> dict:
    """The page's data from the run's records, outlines and group rows: nothing is loaded or
    aligned again (a fix's old text is read from its file when shown)."""
    corpus = result.corpus
    by_file = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    languages = sorted({d.language for d in corpus.docs if d.language} if corpus else set())
    units = [(g.key, g.reference or g.members[0].doc, [m.doc for m in g.members], result.group_rows.get(g.key, {}))
             for g in corpus.groups]
    units += [(os.path.basename(d.path), d, [d], _alone_rows(d)) for d in corpus.ungrouped]
    units += [(os.path.basename(d.path), d, [d], {}) for d in corpus.docs if d.problem]
    groups = [_article(key, ref, members, rows, languages, by_file, result.docs, f"g-{n}")
              for n, (key, ref, members, rows) in enumerate(units)]
    severities = Counter(str(f.severity) for f in result.findings)
    lang_of = {d.path: d.language or "??" for d in (corpus.docs if corpus else [])}
    return {
        "version": __version__,
        "files": len(result.files),
        "total": len(result.findings),
        "severities": [(s, severities.get(s, 0)) for s in ("error", "warning", "info")],
        "by_rule": sorted(Counter((f.code, f.rule, str(f.severity)) for f in result.findings).items()),
        "by_language": sorted(Counter(lang_of.get(f.path, "??") for f in result.findings).items()),
        "languages": languages,
        "rules": [(r.code, r.name) for r in result.rules],
        "groups": groups,
    }


def _shown(value):
    """Every value the page shows passes here: names and messages from a checkout lose their
    control, bidi and undecodable characters (escaped, as in every report); our own script
    and stylesheet (Markup) stay as they are."""
    return escape.message(value) if isinstance(value, str) and not isinstance(value, Markup) else value


FORMAT = "html"


def write(result, options) -> list[str]:
    return [render(result)]


def render(result) -> str:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True, finalize=_shown)
    script = _template("report.js")
    style = _template("report.css")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    page = env.from_string(_template("report.html.j2"))
    # our own script and stylesheet, not article text: inserted as they are
    return page.render(ctx=build_context(result), csp=csp, script=Markup(script), style=Markup(style),
                       severity_order=[str(s) for s in sorted(Severity, reverse=True)])
