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
from contentlint.parity.alignment import summarize


def _template(name: str) -> str:
    return resources.files("contentlint").joinpath("templates", name).read_text(encoding="utf-8")


def _fix_text(doc, fix) -> str:
    parts = []
    for e in fix.edits:
        old = doc.text[e.start : e.end] if doc and doc.text else ""
        if old and e.content:
            parts.append(f"replace «{old}» with «{e.content}»")
        elif old:
            parts.append(f"delete «{old}»")
        else:
            parts.append(f"insert «{e.content}»")
    return ("safe fix: " if fix.safe else "unsafe fix: ") + "; ".join(parts)


def _finding(f, doc) -> dict:
    return {
        "code": f.code, "rule": f.rule, "severity": str(f.severity), "message": f.message,
        "where": f"{f.path}:{f.line}:{f.column}", "fix": _fix_text(doc, f.fix) if f.fix else "",
        "related": [f"{r.message}: {r.path}:{r.line}" for r in f.related],
    }


def _section_cell(info, findings) -> dict:
    return {
        "heading": info.title, "level": info.level, "paragraphs": info.paragraphs, "lists": info.lists,
        "item_count": info.items, "links": sum(len(u.links) for u in info.units), "findings": findings,
    }


def _place(doc, findings) -> tuple[list, list[list]]:
    """Findings of one file split into (before the body, per section)."""
    sections = summarize(doc) if doc is not None and doc.problem is None else []
    starts = [s.section.heading.line if s.section.heading else (s.section.blocks[0].line if s.section.blocks
              and hasattr(s.section.blocks[0], "line") else 0) for s in sections]
    body = doc.front.body_line if doc is not None and doc.front else 0
    top, per = [], [[] for _ in sections]
    for f in findings:
        line = f.line - 1
        if not sections or line < body or line < starts[0]:
            top.append(f)
            continue
        k = max(i for i, s in enumerate(starts) if s <= line)
        per[k].append(f)
    return top, per


def _rows(ref, pairings) -> tuple[list, dict]:
    """Row keys aligned across the group: the reference's sections, and extra sections of a
    translation placed after the reference section they follow."""
    keys = [(i, 0) for i in range(len(summarize(ref)))]
    where: dict = {id(ref): {(i, 0): i for i in range(len(keys))}}
    for p in pairings:
        last, extra, mine = -1, 0, {}
        for k, (r, t) in enumerate(p.sections):
            if r is not None:
                last, extra = summarize(ref).index(r), 0
            if t is not None:
                key = (last, 0) if r is not None else (last, extra + 1)
                if r is None:
                    extra += 1
                    if key not in keys:
                        keys.append(key)
                mine[key] = summarize(p.doc).index(t)
        where[id(p.doc)] = mine
    return sorted(keys), where


def build_context(result) -> dict:
    corpus = result.corpus
    by_file = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    languages = sorted({d.language for d in corpus.docs if d.language} if corpus else set())
    groups = []
    units = [(g.key, g.reference or g.members[0].doc, [m.doc for m in g.members], g.pairings) for g in corpus.groups]
    units += [(os.path.basename(d.path), d, [d], []) for d in corpus.ungrouped]
    units += [(os.path.basename(d.path), d, [d], []) for d in corpus.docs if d.problem]
    for key, ref, members, pairings in units:
        title = ref.meta.get("title") if isinstance(ref.meta.get("title"), str) else key
        columns = []
        for doc in sorted(members, key=lambda d: (d is not ref, d.language or "")):
            found = by_file[doc.path]
            worst = max((f.severity for f in found), default=None)
            columns.append({"doc": doc, "lang": doc.language or "??", "path": doc.path, "is_ref": doc is ref,
                            "count": len(found), "worst": str(worst) if worst else "clean"})
        rows = []
        if ref.problem is None:
            keys, where = _rows(ref, pairings)
            placed = {c["path"]: _place(c["doc"], by_file[c["path"]]) for c in columns}
            rows.append({"label": "file and front matter", "cells": [
                {"findings": [_finding(f, c["doc"]) for f in placed[c["path"]][0]]} for c in columns]})
            for key_ in keys:
                cells = []
                for c in columns:
                    idx = where.get(id(c["doc"]), {}).get(key_)
                    if idx is None:
                        cells.append(None)
                    else:
                        info = summarize(c["doc"])[idx]
                        cells.append(_section_cell(info, [_finding(f, c["doc"]) for f in placed[c["path"]][1][idx]]))
                rows.append({"label": "", "cells": cells})
        else:
            rows.append({"label": "file", "cells": [{"findings": [_finding(f, ref) for f in by_file[ref.path]]}]})
        present = {c["lang"] for c in columns}
        groups.append({"key": key, "title": title, "anchor": f"g-{len(groups)}", "columns": columns, "rows": rows,
                       "missing": [lang for lang in languages if lang not in present] if len(columns) > 1 else []})
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
