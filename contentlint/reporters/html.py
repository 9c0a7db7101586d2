"""The translators' report: one self-contained HTML file rendered by Jinja2.

Every piece of article text goes through Jinja2's autoescaping; the page's only script is
ours, allowed by a Content-Security-Policy hash, so nothing in an article can run in it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from importlib import resources

from contentlint.base import escape
from contentlint.base.findings import Severity
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
    """The page in pieces, as Jinja2 makes them: written article by article. (Jinja2 is
    imported here: every command lists the formats, and only this one needs it.)"""
    from jinja2 import Environment, select_autoescape
    from markupsafe import Markup

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True, finalize=_shown)
    script = _template("report.js")
    style = _template("report.css")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    page = env.from_string(_template("report.html.j2"))
    # our own script and stylesheet, not article text: inserted as they are
    ctx = build_context(result, options.links if options else None)
    return page.generate(ctx=ctx, csp=csp, script=Markup(script), style=Markup(style),
                         severity_order=[str(s) for s in sorted(Severity, reverse=True)])


def render(result) -> str:
    return "".join(write(result, None))
