"""Front matter through python-frontmatter, with its exact place in the file."""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from dataclasses import dataclass
from itertools import islice

import yaml
from frontmatter.default_handlers import YAMLHandler

from contentlint.load.lines import LineIndex

# What YAML front matter can hold: safe_load's types (dates become datetime.date).
YamlValue = dict | list | str | int | float | bool | datetime.date | None

_HANDLER = YAMLHandler()


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml composes ten times faster


def _strict(node: yaml.Node) -> None:
    """Refuse what the safe loader would accept but an article never needs: aliases (an alias
    bomb expands to gigabytes as soon as anything reads the value) and duplicate keys (YAML
    keeps the last silently; an editor meant one of them). Checked on the composed node
    graph, where an alias is a node met twice, before anything is constructed."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in front matter",
                                       problem_mark=n.start_mark)
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            keys = set()
            for key, value in n.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if (key.tag, key.value) in keys:
                        raise yaml.MarkedYAMLError(problem=f"duplicate key '{key.value}'", problem_mark=key.start_mark)
                    keys.add((key.tag, key.value))
                stack += (key, value)
        elif isinstance(n, yaml.SequenceNode):
            stack += n.value


def _load(raw: str):
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _strict(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


@dataclass
class FrontMatter:
    start: int  # offset of the opening `---`
    end: int  # offset just past the closing `---` line's text
    body_line: int  # 0-based first line after the front matter
    raw: str
    data: YamlValue = None  # the parsed YAML (normally a dict); None when invalid
    error: str | None = None  # what is wrong, with its file line
    error_line: int | None = None  # 0-based
    terminated: bool = True
    format: str = "yaml"  # "yaml" (`---`), "toml" (`+++`, Hugo) or "json" (`{` … `}`, Hugo)


LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+")
TOML_BOUNDARY = re.compile(r"^\+{3,}[ \t]*\r?$", re.MULTILINE)  # python-frontmatter's TOMLHandler's


def read(text: str, lines: LineIndex, parse: bool = True) -> FrontMatter | None:
    """Front matter at the very start of `text`, or None when there is none; `parse=False`:
    its bounds only, YAML not read (`data` stays None)."""
    if text.startswith("+++"):
        return _toml(text, lines)
    if text.startswith("{") and lines.line_text(0).strip() == "{":
        return _json(text, lines)
    bounds = _yaml_boundaries(text)
    if bounds is None:
        return None
    first_line = lines.line_of(bounds[0].start())
    if len(bounds) < 2:
        return FrontMatter(0, len(text), len(lines), text, None, "front matter is not terminated by '---'", 0, False)
    open_end_line = lines.line_of(bounds[0].start()) + 1
    close_line = lines.line_of(bounds[1].start())
    raw = text[lines.start(open_end_line) : lines.start(close_line)]
    fm = FrontMatter(0, lines.end(close_line), close_line + 1, raw)
    if not parse:
        return fm
    try:
        fm.data = _load(raw)  # what python-frontmatter's handler does, stricter
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        fm.error_line = open_end_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        fm.error = f"invalid YAML in front matter: {problem} (line {fm.error_line + 1})"
    except Exception as exc:  # any YAML construction failure is still the file's defect
        fm.error_line = first_line
        fm.error = f"invalid YAML in front matter: {exc}"
    return fm


def field_pattern(names: str) -> re.Pattern:
    """A top-level `name: value` line of YAML front matter, one of `names` (a regex
    alternation), read on its own: where the YAML is not parsed yet (discovery reads a file's
    head) or does not parse. The value is the first group, quotes and a comment left out."""
    return re.compile(rf"^(?:{names})[ \t]*:[ \t]*['\"]?([^'\"#\r\n]+?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


KEY_LINE = field_pattern("translation_?[kK]ey")


def salvaged_key(fm: FrontMatter | None) -> str | None:
    """The translation key of front matter whose YAML is invalid, from its own line (a title
    with an unquoted colon must not cut its article from its translations: one defect, the
    front-matter finding, not a missing translation in every language); None otherwise."""
    if fm is None or fm.error is None or fm.format != "yaml":
        return None
    m = KEY_LINE.search(fm.raw)
    return m.group(1).strip() if m else None


def _yaml_boundaries(text: str) -> list[re.Match] | None:
    """The opening `---` line and the closing one if any, or None when the text opens with no
    `---` (Hugo, like most site generators, skips blank lines before it)."""
    lead = LEADING_BLANK_LINES.match(text)
    lead = lead.end() if lead else 0
    if not _HANDLER.FM_BOUNDARY.match(text, lead):
        return None
    return list(islice(_HANDLER.FM_BOUNDARY.finditer(text, lead), 2))


def yaml_bounds(text: str) -> tuple[int, int] | None:
    """(first body line, offset where the closing `---` line ends) of YAML front matter, as
    `read` finds them, for a text without CR that starts with neither `+++` nor `{`; None when
    it has none or it is not terminated. The history asks this of every version of a file:
    no line index, no YAML."""
    bounds = _yaml_boundaries(text)
    if bounds is None or len(bounds) < 2:
        return None
    close = bounds[1].start()
    end = text.find("\n", close)
    return text.count("\n", 0, close) + 1, len(text) if end < 0 else end


def _toml(text: str, lines: LineIndex) -> FrontMatter | None:
    bounds = list(islice(TOML_BOUNDARY.finditer(text), 2))
    if not bounds or bounds[0].start() != 0:
        return None
    if len(bounds) < 2:
        return FrontMatter(0, len(text), len(lines), text, None, "front matter is not terminated by '+++'", 0, False,
                           "toml")
    close_line = lines.line_of(bounds[1].start())
    raw = text[lines.start(1): lines.start(close_line)]
    fm = FrontMatter(0, lines.end(close_line), close_line + 1, raw, format="toml")
    try:
        fm.data = tomllib.loads(raw.replace("\r\n", "\n"))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        fm.error_line = 1 + (int(m.group(1)) - 1 if m else 0)
        fm.error = f"invalid TOML in front matter: {str(exc).split(' (at ')[0]} (line {fm.error_line + 1})"
    return fm


def _json(text: str, lines: LineIndex) -> FrontMatter | None:
    """Hugo's JSON front matter: an object at the start, ended by a line that closes it."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        return FrontMatter(0, len(text), len(lines), text, None,
                           f"invalid JSON in front matter: {exc.msg} (line {exc.lineno})", exc.lineno - 1, False, "json")
    close_line = lines.line_of(max(end - 1, 0))
    fm = FrontMatter(0, lines.end(close_line), close_line + 1, text[:end], data, format="json")
    return fm


def field_line(doc, key: str) -> int | None:
    """0-based line where `key:` is set in `doc`'s front matter; None when no line sets it.
    The one reader of front-matter lines: findings about a field point at its line."""
    fm = doc.front
    if fm is None:
        return None
    starts = {"yaml": (f"{key}:",), "toml": (f"{key} =", f"{key}="), "json": (f'"{key}"',)}[fm.format]
    for n in range(doc.lines.line_of(fm.start) + 1, fm.body_line):
        line = doc.lines.line_text(n)
        if line.startswith(starts) or (fm.format != "yaml" and line.lstrip().startswith(starts)):
            return n
    return None


def is_empty(value) -> bool:
    """A field that is set but says nothing: null, blank text, an empty list or mapping."""
    return value is None or (isinstance(value, (str, list, dict)) and not (value.strip() if isinstance(value, str) else value))
