"""The one Markdown parser: markdown-it-py (CommonMark + tables, no linkify).

markdown-it-py gives block tokens line maps but inline tokens no positions. We wrap the
inline rules that produce links, images, code spans, autolinks and inline HTML so that each
records where it matched (`token.meta["span"]`, offsets into its inline token's content).
The parser itself decides what is a link; we only remember where it said so.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from contentlint.load import html_runs_on, site_syntax


def _silent(*args, **kwargs) -> None:
    return None


def _quiet_parser_logs() -> None:
    """markdown-it-py's block rules log a debug record on every try (`entering list: ...`):
    asking the logging module whether debug is on, for each line and rule, cost an eighth of
    a block parse and a twentieth of a full one (300 articles: 0.220 s against 0.193 s, and
    0.455 s against 0.433 s). contentlint never shows those records, so the parser's
    loggers get a debug that does nothing."""
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith("markdown_it") and isinstance(logger, logging.Logger):
            logger.debug = _silent


_quiet_parser_logs()

# inline rule name -> token types the rule opens with
_RECORDED = {
    "link": ("link_open",),
    "image": ("image",),
    "backticks": ("code_inline",),
    "autolink": ("link_open",),
    "html_inline": ("html_inline",),
}


def _recording(name, fn, types):
    def rule(state, silent):
        start = state.pos
        first = len(state.tokens)
        if not fn(state, silent):
            return False
        if not silent:
            for token in state.tokens[first:]:
                if token.type in types:
                    token.meta = dict(token.meta or {}, span=(start, state.pos), rule=name)
                    if name == "link":
                        # The parser's own label scanner gives where the text ends.
                        end = state.md.helpers.parseLinkLabel(state, start, True)
                        token.meta["label"] = (start + 1, end)
                    break
        return True

    return rule


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    return _build()


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    """The same parser with inline parsing off: blocks and their raw inline text only."""
    return _build().disable("inline")


@lru_cache(maxsize=1)
def text_parser() -> MarkdownIt:
    """The same parser without recording where inline tokens matched: for reading what a
    text says (the history's versions), a fifth quicker than `parser()`."""
    return _build(record=False)


def _build(record: bool = True) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"linkify": False}).enable("table")
    # footnotes as GitHub, Hugo and Docusaurus read them (`[^1]`, `[^1]: …`), not `^[…]`; a
    # definition stays where it stands, a paragraph among the others: without the plugin,
    # `[^1]: 螺旋压力机…` (no blank in it) is a link reference definition, and `[^1]` a link to it
    md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
    for rule in md.inline.ruler.__rules__ if record else ():
        if rule.name in _RECORDED:
            md.inline.ruler.at(rule.name, _recording(rule.name, rule.fn, _RECORDED[rule.name]))
    site_syntax.install(md)  # shortcodes, macros, heading anchors, admonitions, MDX imports
    html_runs_on.install(md)  # an HTML block ends at its closing tag when Markdown follows
    return md


def parse(text: str) -> list[Token]:
    return parser().parse(text)
