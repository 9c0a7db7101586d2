"""Front matter through python-frontmatter, with its exact place in the file."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import yaml
from frontmatter.default_handlers import YAMLHandler

from contentlint.lines import LineIndex

_HANDLER = YAMLHandler()


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (an alias bomb expands to gigabytes as soon as
    anything reads the value; articles never need one) and without duplicate keys (YAML
    keeps the last silently; an editor meant one of them)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in front matter",
                                       problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)):
                if key in seen:
                    raise yaml.MarkedYAMLError(problem=f"duplicate key '{key}'", problem_mark=key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep)


@dataclass
class FrontMatter:
    start: int  # offset of the opening `---`
    end: int  # offset just past the closing `---` line's text
    body_line: int  # 0-based first line after the front matter
    raw: str
    data: object = None  # the parsed YAML (normally a dict); None when invalid
    error: str | None = None  # what is wrong, with its file line
    error_line: int | None = None  # 0-based
    terminated: bool = True


def read(text: str, lines: LineIndex) -> FrontMatter | None:
    """Front matter at the very start of `text`, or None when there is none."""
    if not _HANDLER.detect(text):
        return None
    bounds = list(islice(_HANDLER.FM_BOUNDARY.finditer(text), 2))
    first_line = lines.line_of(bounds[0].start())
    if len(bounds) < 2:
        return FrontMatter(0, len(text), len(lines), text, None, "front matter is not terminated by '---'", 0, False)
    open_end_line = lines.line_of(bounds[0].start()) + 1
    close_line = lines.line_of(bounds[1].start())
    raw = text[lines.start(open_end_line) : lines.start(close_line)]
    fm = FrontMatter(0, lines.end(close_line), close_line + 1, raw)
    try:
        fm.data = yaml.load(raw, Loader=_StrictLoader)  # what python-frontmatter's handler does, stricter
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        fm.error_line = open_end_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        fm.error = f"invalid YAML in front matter: {problem} (line {fm.error_line + 1})"
    except Exception as exc:  # any YAML construction failure is still the file's defect
        fm.error_line = first_line
        fm.error = f"invalid YAML in front matter: {exc}"
    return fm
