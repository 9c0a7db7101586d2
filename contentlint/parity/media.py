"""Images, tables and heading anchors of a document, in order, as the parity rules compare
them across languages.

An image is its target (a localized path is the same image: `target_key`; so is the same file
in another image format, `diagram.png` and `diagram.svg`); a table is its
shape, rows and columns; an anchor its id. Both are paired in document order with difflib, so a missing or an
added one is one difference, not a shift of every later one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from contentlint.groups.fingerprint import target_key
from contentlint.parity.blame import Claim, settle
from contentlint.parity.kit import agreeing, related


@dataclass(frozen=True)
class Item:
    value: str | tuple[int, int]  # the image's target key, the table's (rows, columns), the anchor's id
    shown: str  # as the message shows it
    line: int  # 0-based


def images(doc) -> list[Item]:
    out = []
    for inline in doc.inlines:
        for child in inline.children:
            if child.type == "image":
                src = child.attrGet("src") or ""
                out.append(Item(_image_key(target_key(src) or src.strip()), src.strip(), inline.line))
    return out


FORMATS = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".avif")  # one picture, several files


def _image_key(key: str) -> str:
    """An image's key without its format: a translation may show the diagram as SVG where the
    source still has the PNG."""
    stem, dot, ext = key.rpartition(".")
    return stem if dot and "/" not in ext and "." + ext.lower() in FORMATS else key


def anchors(doc) -> list[Item]:
    """Every heading that sets its anchor (`## Title {#an-id}`), in order."""
    return [Item(child.meta["id"], f"'{child.meta['id']}'", heading.line)
            for heading in doc.headings for child in heading.inline.children if child.type == "heading_anchor"]


# `key="value"`, `key=value`, `"positional"`, `positional` inside `{{< name … >}}`
PARAM = re.compile(r"""(?:([A-Za-z_][\w-]*)=)?(?:"([^"]*)"|`([^`]*)`|([^\s"`=]+))""")
TEXT_PARAMS = frozenset({"text", "title", "alt", "caption", "description", "label", "summary", "tooltip", "heading"})


def shortcode_params(written: str) -> tuple[tuple[str, str], ...]:
    """The parameters of a shortcode that are ids, not text: every one but those named like
    text (`title=`, `text=`, `alt=` …) or whose value holds a space or a letter outside ASCII
    (`title="경고"`). Positional ones are named by their place (`1`, `2`)."""
    inner = written.strip()[3:-3].strip()
    name, _, rest = inner.partition(" ") if " " in inner else (inner, "", "")
    out, place = [], 0
    for m in PARAM.finditer(rest):
        key, value = m.group(1), next((g for g in m.group(2, 3, 4) if g is not None), "")
        if key is None:
            place += 1
            key = str(place)
        if key.lower() in TEXT_PARAMS or not value.isascii() or any(c.isspace() for c in value):
            continue
        out.append((key, value))
    return tuple(out)


def shortcodes(doc) -> list[Item]:
    """Every shortcode with id parameters (`{{< glossary_tooltip term_id="pod" >}}`,
    `{{< param "version" >}}`), in order; its name and text parameters are not compared (a
    `note` that became a `caution` reads the same in every language)."""
    out = []
    for inline in doc.inlines:
        for child in inline.children:
            if child.type == "shortcode" and (params := shortcode_params(child.content)):
                shown = " ".join(f'{k}="{v}"' if not k.isdigit() else f'"{v}"' for k, v in params)
                out.append(Item(params, f"{child.meta.get('name', '')} {shown}".strip(), inline.line))
    return out


def tables(doc) -> list[Item]:
    out, rows, columns, line = [], 0, 0, 0
    for token in doc.tokens:
        if token.type == "table_open":
            rows, columns, line = 0, 0, token.map[0] if token.map else 0
        elif token.type == "tr_open":
            rows += 1
        elif token.type in ("th_open", "td_open") and rows == 1:
            columns += 1
        elif token.type == "table_close":
            out.append(Item((rows, columns), f"{rows} rows × {columns} columns", line))
    return out


def differences(ref: list[Item], mine: list[Item]):
    """(reference item or None, translation item or None, translation line to report at) for
    each difference, in order."""
    matcher = difflib.SequenceMatcher(None, [i.value for i in ref], [i.value for i in mine], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        near = mine[j1].line if j1 < len(mine) else mine[-1].line if mine else 0
        for k in range(max(i2 - i1, j2 - j1)):
            got = mine[j1 + k] if j1 + k < j2 else None
            yield (ref[i1 + k] if i1 + k < i2 else None), got, got.line if got else near


def aligned_line(p, line: int) -> int:
    """The translation's line in the place of the source's 0-based `line`: its block aligned
    with the last source block that starts there or before, else its first line."""
    best, found = -1, 0
    for pairs in p.units.values():
        for r, t in pairs:
            if r is not None and t is not None and best < r.block.line <= line:
                best, found = r.block.line, t.block.line
    return found


def check(rule, group, ctx, items_of, noun: str, extras: bool = True, place=None):
    """The findings of a rule that compares `items_of(doc)` (images, tables, heading anchors)
    across the group, through the blame of the parity rules (one finding on the source when
    translations agree). `extras`: report what only the translation has; `place(pairing, item)`:
    the translation's line for a source item it lacks (default: the block aligned with the
    source's)."""
    claims, shown = [], {}
    for p in group.pairings:
        for want, got, line in differences(items_of(p.ref), items_of(p.doc)):
            if want is None and not extras:
                continue
            if got:
                shown[got.value] = got.shown
            elif place is not None:
                line = place(p, want)
            else:
                line = aligned_line(p, want.line)
            if want and got:
                msg = f"{noun} {got.shown} where the source's is {want.shown}"
            elif want:
                msg = f"{noun} {want.shown} of the source is missing"
            else:
                msg = f"{noun} {got.shown} is not in the source"
            finding = rule.finding(p.doc, p.doc.lines.start(line), p.doc.lines.end(line), msg,
                                   related=related(p, want.line if want else 0))
            claims.append(Claim(p, None, want.value if want else None, got.value if got else None, finding,
                                key=(noun, want.line if want else None)))

    def on_source(c, n: int):
        line = c.key[1] or 0
        want = next((i.shown for i in items_of(c.pairing.ref) if i.value == c.want), c.want)
        got = shown.get(c.got, c.got)
        if c.want is not None and c.got is not None:
            msg = f"{noun} {want} where {n} translations agree on {got}"
        elif c.want is not None:
            msg = f"{noun} {want} that {n} translations do not have"
        else:
            msg = f"no {noun} where {n} translations have {got}"
        return rule.finding(c.pairing.ref, c.pairing.ref.lines.start(line), c.pairing.ref.lines.end(line), msg,
                            related=agreeing(c, n))

    return settle(claims, group, ctx.config.blame, on_source)
