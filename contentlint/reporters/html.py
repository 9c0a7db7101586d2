"""The translators' report: one self-contained HTML file. Its top (summary, filters) is
rendered by Jinja2; the articles are data (JSON blocks the browser never runs) that the
page's script draws with DOM text nodes, only the articles shown, so 10,000 articles open
as fast as ten.

Nothing from a checkout is ever markup: the top goes through Jinja2's autoescaping, the data
through html_json.py, and the script never parses HTML. The page's only script is ours,
allowed by a Content-Security-Policy hash, so nothing in an article can run in it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from collections.abc import Iterator
from importlib import resources

from contentlint.base import escape
from contentlint.reporters.html_article import SEVERITIES
from contentlint.reporters.html_context import build_context


def _template(name: str) -> str:
    return resources.files("contentlint").joinpath("templates", name).read_text(encoding="utf-8")


def _shown(value):
    """Every value the page shows passes here: names and messages from a checkout lose their
    control, bidi and undecodable characters (escaped, as in every report); our own script
    and stylesheet (Markup, which is a str) stay as they are."""
    return escape.message(value) if type(value) is str else value  # noqa: E721 (a Markup is a str subclass)


FORMAT = "html"


def write(result, options) -> Iterator[str]:
    """The page in pieces: its top, made by Jinja2, then its data, one article at a time, and
    the script that draws what is shown. (Jinja2 is imported here: every command lists the
    formats, and only this one needs it.)"""
    from jinja2 import Environment, select_autoescape
    from markupsafe import Markup

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True, finalize=_shown)
    # one script: drawing an article, then the page's list, matrix and filters, in one scope
    script = '"use strict";\n(function () {\n' + _template("report-article.js") + _template("report.js") + "})();\n"
    style = _template("report.css")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    top = env.from_string(_template("report.html.j2"))
    ctx = build_context(result, options.links if options else None)
    # our own stylesheet, not article text: inserted as it is
    yield from top.generate(ctx=ctx, csp=csp, style=Markup(style), severity_order=SEVERITIES)
    page = ctx["page"]
    yield from _index(page)
    yield from _chunks(page, 0, CHUNK)
    # the script draws the first articles while the browser still reads the others
    yield f"<script>{script}</script>\n"
    yield from _chunks(page, CHUNK, len(page.units))
    yield "</body>\n</html>\n"


CHUNK = 20  # articles per data block: the page draws as many at a time


def _index(page) -> Iterator[str]:
    """The index the matrix and the filters read at once, and the tables it refers to.
    (Data blocks: html_json.py writes them so that nothing in them can end a block.)"""
    yield '<script type="application/json" id="index-data">['
    for n, line in enumerate(page.index()):
        yield ("," if n else "") + line + "\n"
    yield "]</script>\n"
    yield f'<script type="application/json" id="tables-data">{page.tables(chunk=CHUNK)}</script>\n'


def _chunks(page, start: int, stop: int) -> Iterator[str]:
    """The articles' details CHUNK at a time, with their files' patches (block k holds
    articles k * CHUNK ..). After the first, each block is gzip in base64: the browser reads a
    fifth of the bytes, and inflates a block only when it draws one of its articles."""
    for first in range(start, stop, CHUNK):
        details, patches = [], []
        for n, line, made in page.articles(first, min(first + CHUNK, stop)):
            details.append(line)
            patches.extend(f"[{k},{p}]" for k, p in made)
        if not details:
            continue
        data = '{"a":[' + ",".join(details) + '],"p":[' + ",".join(patches) + "]}"
        if first:  # the first block is plain JSON: the script draws it before the page's end is read
            data = '"' + base64.b64encode(gzip.compress(data.encode("utf-8"), compresslevel=6, mtime=0)).decode() + '"'
        yield f'<script type="application/json" class="chunk" id="c{first // CHUNK}">{data}</script>\n'


def render(result) -> str:
    return "".join(write(result, None))
