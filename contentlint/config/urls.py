"""The report's links out (`editor_url`, `repo_url`): checked when the configuration is read.

A configuration file is part of the checkout, so it is untrusted: a link that could run
script in the translator's browser (`javascript:`, `data:`, `vbscript:`, `blob:`) or a
template that reaches into Python objects (`{path.__class__}`) is refused.
"""

from __future__ import annotations

import re
import string

from contentlint.base import schema

EDITOR = "vscode://file/{abspath}:{line}:{column}"  # the default: VS Code opens the file at the place
FIELDS = ("abspath", "path", "line", "column")  # what an editor template may name
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
SCRIPTED = ("javascript", "data", "vbscript", "blob")


def _fields(template: str) -> list[str] | None:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return None  # an unmatched brace


def _editor_ok(value) -> bool:
    if not isinstance(value, str) or not SCHEME.match(value):
        return False
    names = _fields(value)
    return names is not None and all(n in FIELDS for n in names) and \
        value.split(":", 1)[0].lower() not in SCRIPTED


EDITOR_URL = schema.Kind("a URL template with a scheme (not javascript:, data:, vbscript: or blob:) naming only "
                         + ", ".join(f"{{{f}}}" for f in FIELDS), _editor_ok)
REPO_URL = schema.Kind("an http(s) URL without braces, such as \"https://github.com/org/site\"",
                       lambda v: isinstance(v, str) and re.fullmatch(r"https?://[^\s{}<>\"']+", v) is not None)
