"""What documentation sites write inside Markdown, taught to the parser as its own tokens, so
no rule reads it as prose:

- Hugo shortcodes `{{< note >}}`, `{{% alert title="…" %}}`, `{{< /note >}}` (inline token
  `shortcode`), also inside a link's target (`[x]({{< ref "/docs/a" >}})`, `…/{{< param "v" >}}/`);
- MDN macros `{{domxref("Headers.get()")}}`, `{{Compat}}` (inline token `macro`);
- heading anchors `## Title {#an-id}` (inline token `heading_anchor`, its id in `meta["id"]`);
- Docusaurus admonition fences `:::tip`, `:::note[Title]`, `:::` (block token `admonition`);
- MDX `import`/`export` lines at the top level (block token `mdx_esm`).
Each is found by a markdown-it rule at the place the parser reaches it, never by a pattern
over the whole text. Their spans are recorded as the link and code spans are (markdown.py).
"""

from __future__ import annotations

import re

from markdown_it.common.utils import unescapeAll

MACRO = re.compile(r"\{\{[ \t]*[A-Za-z_][\w-]*[ \t]*(?:\((?:[^(){}\n]|\([^(){}\n]*\))*\))?[ \t]*\}\}")
ANCHOR = re.compile(r"[ \t]*\{#([\w\-.:]+)\}[ \t]*$")
ESM = re.compile(r"(?:import[ \t]+(?:[\w*{}\s,]+[ \t]+from[ \t]+)?['\"][^'\"\n]+['\"]|"
                 r"export[ \t]+(?:const|let|var|function|default|\{))")
SHORTCODE_OPEN = ("{{<", "{{%")
REACH = 2000  # a shortcode or a link target is short: no search runs further (a 1 MB line stays linear)


def shortcode_end(src: str, pos: int, maximum: int) -> int:
    """Where the shortcode opening at `pos` ends (past `>}}` or `%}}`), or -1."""
    close = src.find(">}}" if src[pos + 2] == "<" else "%}}", pos + 3, min(maximum, pos + REACH))
    return -1 if close < 0 or "\n\n" in src[pos:close] else close + 3


def inline_rule(state, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("{", pos):
        return False
    if src.startswith(SHORTCODE_OPEN, pos):
        end = shortcode_end(src, pos, state.posMax)
        kind = "shortcode"
    elif src.startswith("{{", pos):
        m = MACRO.match(src, pos, state.posMax)
        end, kind = (m.end() if m else -1), "macro"
    elif src.startswith("{#", pos):
        m = ANCHOR.match(src, pos, state.posMax)
        end, kind = (m.end() if m and m.end() == len(src.rstrip()) else -1), "heading_anchor"
    else:
        return False
    if end < 0:
        return False
    if not silent:
        token = state.push(kind, "", 0)
        token.content = src[pos:end]
        token.meta = {"span": (pos, end), "rule": kind}
        if kind == "heading_anchor":
            token.meta["id"] = m.group(1)
        else:
            token.meta["name"] = name_of(token.content)
    state.pos = end
    return True


def name_of(written: str) -> str:
    """`{{< /note >}}` -> `/note`; `{{domxref("x")}}` -> `domxref`."""
    inner = written.strip("{}<>% \t")
    return re.split(r"[\s(\"'>%]", inner, maxsplit=1)[0] if inner else ""


def link_destination(original):
    """markdown-it's link destination parser, which also reads a shortcode inside a target
    (`https://dl.k8s.io/{{< param "version" >}}/bin/` has spaces CommonMark would stop at)."""

    def parse(src: str, pos: int, maximum: int):
        result = original(src, pos, maximum)
        limit = min(maximum, pos + REACH)
        newline = src.find("\n", pos, limit)
        limit = limit if newline < 0 else newline
        first = min((i for i in (src.find("{{<", pos, limit), src.find("{{%", pos, limit)) if i >= 0), default=-1)
        if first < 0 or (result.ok and result.pos <= first):
            return result
        at, depth = pos, 0
        while at < limit:
            if src.startswith(SHORTCODE_OPEN, at):
                end = shortcode_end(src, at, maximum)
                if end < 0:
                    return result
                at = end
                continue
            c = src[at]
            if c in " \t\n" or ord(c) < 0x20:
                break
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            at += 1
        if at == pos:
            return result
        result.ok, result.pos, result.str = True, at, unescapeAll(src[pos:at])
        return result

    return parse


def block_rule(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A top-level line that is an admonition fence (`:::tip`) or an MDX import/export."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[begin:state.eMarks[start_line]]
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    if line.startswith(":::"):
        kind = "admonition"
    elif state.level == 0 and state.blkIndent == 0 and line.startswith(("import", "export")) and ESM.match(line):
        kind = "mdx_esm"
    else:
        return False
    if silent:
        return True
    token = state.push(kind, "", 0)
    token.map = [start_line, start_line + 1]
    token.content = line
    token.markup = line[:len(line) - len(line.lstrip(":"))] if kind == "admonition" else ""
    token.info = line.lstrip(":").strip() if kind == "admonition" else ""
    state.line = start_line + 1
    return True


def install(md) -> None:
    md.inline.ruler.before("link", "site_syntax", inline_rule)
    md.block.ruler.before("paragraph", "site_syntax", block_rule, {"alt": ["paragraph"]})

    class Helpers:  # this parser's own copy: the module markdown-it shares is left alone
        pass

    helpers = Helpers()
    for name in dir(md.helpers):
        if not name.startswith("_"):
            setattr(helpers, name, getattr(md.helpers, name))
    helpers.parseLinkDestination = link_destination(md.helpers.parseLinkDestination)
    md.helpers = helpers
