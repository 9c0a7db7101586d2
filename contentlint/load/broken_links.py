"""Link syntax the parser rejected: what a reader sees as brackets and a bare path.

Machine translation breaks links in a few ways (`[text] (/url)`, `(text)[/url]`, `[text(/url)`,
`](/a b)`); CommonMark then reads them as plain text. The patterns are read in an inline's
masked text, where every parsed link is masked whole, so they see only what is not a link.
`malformed-link` reports each one (the cause); parity rules read them to leave alone the link
they account for (one defect, one finding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

URL = r"(?:/|#|\.{1,2}/|https?://|mailto:)"
SPACED = re.compile(rf"\[([^\[\]\x00\n]+)\]([ \t]+)\({URL}[^()\s\x00]*\)")
SWAPPED = re.compile(rf"\(([^()\x00\n]+)\)\[({URL}[^\[\]\s\x00]*)\]")
UNCLOSED_LABEL = re.compile(rf"\[([^\[\]\x00\n]+)(?=\({URL}[^()\s\x00]*\))")
BROKEN_TARGET = re.compile(rf"\]\({URL}")
LONGEST = 2048  # a target longer than this (or never closed) is not one to name
# marks a link's text may hold and nothing else, where the words it linked went outside it
# (`[.](/treasury-yield)`): a link no reader sees as one
MARKS = set(".,;:!?()、。，．！？・（）।॥،؛؟۔")  # Latin, CJK, Devanagari, Arabic and Urdu marks


@dataclass(frozen=True)
class BrokenLink:
    kind: str  # "spaced" | "swapped" | "unclosed" | "target" (the parser rejected the target)
    start: int  # file offsets of what shows as text
    end: int
    repair: tuple[int, int, str] | None = None  # the edit that makes it the link it was meant to be
    target: str = ""  # as written (`/a b` for a target the parser rejected)


def hollow(doc, link) -> bool:
    """A parsed link with no words in its text (`[](/x)`, `[.](/x)`, `[(](/x)`): malformed-link
    reports it; parity does not count it as a link."""
    text = doc.text[link.text_start : link.text_end].strip()
    return all(c in MARKS or c.isspace() for c in text)


def find(doc) -> list[BrokenLink]:
    """Every broken link of `doc`, in document order within each inline."""
    out: list[BrokenLink] = []
    for inline in doc.inlines:
        if "[" not in inline.masked and "]" not in inline.masked:
            continue  # every pattern needs a bracket; parsed links are masked whole
        text, at = inline.masked, inline.to_file
        for kind, m, a, b in _scan(text):
            target = text[a:b] if b >= 0 else ""
            if kind == "spaced":
                out.append(BrokenLink(kind, at(m.start()), at(m.end()), (at(m.start(2)), at(m.end(2)), ""), target))
            elif kind == "swapped":
                out.append(BrokenLink(kind, at(m.start()), at(m.end()),
                                      (at(m.start()), at(m.end()), f"[{m.group(1)}]({m.group(2)})"), target))
            elif kind == "unclosed":
                out.append(BrokenLink(kind, at(m.start()), at(m.end()), (at(m.end()), at(m.end()), "]"), target))
            else:
                out.append(BrokenLink(kind, at(m.start()), at(b + 1) if b >= 0 else inline.end,
                                      target=target if b - m.start() <= LONGEST else ""))
    return out


def _scan(text: str):
    """(kind, match, where its target starts, where it ends or -1 if never closed) of each broken
    link of a masked text, the patterns in turn; an unclosed label is none where a spaced or
    swapped link starts."""
    seen: set[int] = set()
    for m in SPACED.finditer(text):
        seen.add(m.start())
        yield "spaced", m, m.end(2) + 1, m.end() - 1
    for m in SWAPPED.finditer(text):
        seen.add(m.start())
        yield "swapped", m, m.start(2), m.end(2)
    for m in UNCLOSED_LABEL.finditer(text):
        if m.start() not in seen:
            seen.add(m.start())
            yield "unclosed", m, m.end() + 1, text.find(")", m.end())  # the lookahead's own `)`
    close = 0  # the next `)` found so far: one scan of the text for all the targets (a
    # line of `](/a ](/a …` with no `)` would otherwise be read to its end at each of them)
    for m in BROKEN_TARGET.finditer(text):
        if 0 <= close < m.end():
            close = text.find(")", m.end())
        yield "target", m, m.start() + 2, close


def target_spans(text: str) -> list[tuple[int, int]]:
    """Where a masked text writes the target of a broken link `find` reports (`](/structure
    8282)`, `] (/form-8282)`, `(text)[/a]`, `[text(/a)`): a path, no prose, though it shows as
    text. Number parity leaves it out: the number of `/form-8282` is the link's, which
    malformed-link reports. Read as `find` reads them, so nothing else is left out (a note in
    brackets, `[see note] (#1 in 2019)`, is prose)."""
    if "(" not in text or ("]" not in text and "[" not in text):
        return []
    return [(a, b) for _, _, a, b in _scan(text) if 0 <= b and b - a <= LONGEST]
