"""The data of the translators' report, made from the run's records, outlines, group rows
and finding stream (html.py writes it): the totals the page's top shows, and a `Page` that
makes the articles' data one at a time while it is written (html_article.py)."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache, partial

from contentlint import __version__
from contentlint.base import escape
from contentlint.config.urls import EDITOR
from contentlint.engine import patch
from contentlint.engine.stream import FindingStream
from contentlint.history.model import summary
from contentlint.reporters import html_article, html_json
from contentlint.reporters.links import Links


@lru_cache(maxsize=256)
def direction(code: str | None) -> str:
    """"rtl" or "ltr", from CLDR (Babel): Arabic, Hebrew, Persian, Urdu … set right to left."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).text_direction if code else "ltr"
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"


def _states(history) -> dict:
    """path -> [kind, label, note] of each translation the history says is behind or
    orphaned: the matrix shows them, with what changed in the source."""
    if history is None:
        return {}
    out = {}
    for path, lag in history.lags.items():
        if lag.state == "outdated":
            changed = "; ".join(f"{summary(c)} at source line {c.line + 1}" for c in lag.changes[:5])
            behind = f"{lag.behind} commit{'s' if lag.behind != 1 else ''} behind" if lag.behind else "uncommitted"
            out[path] = ["outdated", f"outdated {lag.behind or ''}".strip() + (" (low)" if lag.level == "low" else ""),
                         escape.message(f"{behind}: {changed}")]
    for path, orphan in history.orphans.items():
        where = f"renamed to {orphan.renamed_to}" if orphan.renamed_to else "deleted"
        out[path] = ["orphan", "orphan", escape.message(f"source {orphan.source} {where}")]
    return out


def _alone_rows(article) -> dict:
    """The rows of an article without translations: its own sections."""
    shape = article.outline if article.problem is None else None
    return {article.path: tuple(((i, 0), i) for i in range(len(shape.sections)))} if shape else {}


class Page:
    """The page's articles, made one at a time as they are written: the page of a large
    corpus is never held as data. The index comes first (from the run's counts), then each
    article's detail with its files' patches."""

    def __init__(self, units: list, languages: list[str], totals: "Totals", findings_of, texts, states: dict,
                 links: Links | None, rules: list) -> None:
        self.units, self.languages, self.states = units, languages, states
        self.counts, self.kinds, self.patched = totals.counts, totals.kinds, totals.patched
        self.links, self.findings_of, self.texts = links or Links(EDITOR), findings_of, texts
        self.rules = {(code, name): n for n, (code, name) in enumerate(rules)}
        self.langs = {lang: n for n, lang in enumerate(languages)}
        self.patches = 0  # patches made so far
        self.made: list[tuple[int, str]] = []  # the patches of the article being made: (place, JSON)
        self.direction = direction

    def rule(self, code: str, name: str) -> int:
        return self.rules.setdefault((code, name), len(self.rules))

    def lang(self, code: str) -> int:
        return self.langs.setdefault(code, len(self.langs))

    def patch(self, path: str, found: list) -> int:
        """The place of the file's patch in the page's list, or -1: made when the page is
        written, kept as its exact bytes (the page copies, saves and shows it)."""
        text = patch.of_findings(self.texts[path].text, found, self.links.relative(path)) if path in self.patched else ""
        if not text:
            return -1
        k, self.patches = self.patches, self.patches + 1
        self.made.append((k, html_json.line([escape.message(self.links.relative(path)), html_json.exact(text)])))
        return k

    def index(self) -> Iterator[str]:
        """A JSON line per article: what the matrix and the filters need."""
        for key, ref, members, _rows in self.units:
            yield html_json.line(html_article.entry(key, ref, members, self))

    def articles(self, start: int, stop: int) -> Iterator[tuple[int, str, list[tuple[int, str]]]]:
        """(number, detail as JSON, its patches (place, JSON)) of articles start .. stop - 1."""
        for n in range(start, min(stop, len(self.units))):
            key, ref, members, rows = self.units[n]
            self.made = []
            line = html_json.line(html_article.detail(n, key, ref, members, rows, self))
            yield n, line, self.made

    def tables(self, **more) -> str:
        """The tables the index refers to (written after it: the index adds to them)."""
        return html_json.line({**more, "languages": [escape.message(x) for x in self.langs],
                               "rules": [[escape.message(c), escape.message(n)] for c, n in self.rules],
                               "severities": list(html_article.SEVERITIES), "shown": len(self.languages)})


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


class Totals:
    """The run's findings counted in one pass (none kept): for the summary, and per file for
    the matrix (count, worst severity), the filters (kinds) and the patches (safe fixes)."""

    def __init__(self, findings, lang_of: dict) -> None:
        self.severities, self.by_rule, self.by_language, self.total = Counter(), Counter(), Counter(), 0
        self.counts: dict[str, tuple] = {}  # path -> (findings, worst severity)
        self.kinds: dict[str, set] = defaultdict(set)  # path -> {(code, rule, severity)}
        self.patched: set[str] = set()  # files with a safe fix
        for f in findings:
            sev = str(f.severity)
            self.total += 1
            self.severities[sev] += 1
            self.by_rule[(f.code, f.rule, sev)] += 1
            self.by_language[lang_of.get(f.path, "??")] += 1
            self.kinds[f.path].add((f.code, f.rule, sev))
            if f.fix is not None and f.fix.safe:
                self.patched.add(f.path)
            n, worst = self.counts.get(f.path, (0, None))
            self.counts[f.path] = (n + 1, f.severity if worst is None or f.severity > worst else worst)


def build_context(result, links: Links | None = None) -> dict:
    """The page's data from the run's records, outlines and group rows: nothing is loaded or
    aligned again (a fix's old text is read from its file when shown), and the articles are
    made as they are written."""
    corpus = result.corpus
    languages = sorted({d.language for d in corpus.docs if d.language} if corpus else set())
    totals = Totals(result.findings, {d.path: d.language or "??" for d in (corpus.docs if corpus else [])})
    units = _units(result)
    return {
        "version": __version__,
        "files": len(result.files),
        "total": totals.total,
        "severities": [(s, totals.severities.get(s, 0)) for s in html_article.SEVERITIES],
        "by_rule": sorted(totals.by_rule.items()),
        "by_language": sorted(totals.by_language.items()),
        "languages": languages,
        "rules": [(r.code, r.name) for r in result.rules],
        "articles": len(units),
        "page": Page(units, languages, totals, _findings_of(result.findings), result.docs, _states(result.history),
                     links, [(r.code, r.name) for r in result.rules]),
        "patched": len(totals.patched),
    }
