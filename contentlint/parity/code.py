"""Code blocks compared across languages: what must stay the same, and what may be translated.

A translation may translate the comments, the text in string literals and the words of a
template in a code block (`# Create the pod` -> `# 파드를 만든다`, `echo "Hello"` -> `echo
"Bonjour"`, `title: Definition Template` -> `title: Vorlage für Definition`), nothing else.
So a block is compared by its skeleton: each line without comment lines, without a comment
that follows code after a blank (` # …`, ` // …`), string literals emptied (`"…"`), a line
that is a sentence (words, ending with a full stop) left out, the words after a key
(`key: two words or more`) left out, blanks collapsed. Two blocks with the same skeleton hold the same commands and parameters.
Blocks are paired in document order by their skeletons (difflib), so a missing or added
block is one difference, not a shift of every later one.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

COMMENT_STARTS = ("#", "//", "-- ", ";", "<!--", "/*", "* ", "*/", "% ", "rem ", "REM ", "::")
TRAILING_COMMENT = re.compile(r"\s(?:#|//|--)\s.*$")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
KEY_VALUE = re.compile(r"([\w.-]+:)[ \t]+(.+)")
SENTENCE_END = (".", "!", "?", "。", "！", "？", "।", "؟")


@dataclass(frozen=True)
class CodeBlock:
    line: int  # 0-based line of the opening fence (or first indented line)
    end_line: int
    info: str  # the info string's first word: `yaml`, `shell`, `js` ('' when none)
    skeleton: tuple[str, ...]
    lines: tuple[tuple[int, str], ...]  # (0-based file line, text) of each skeleton line


def _letter(c: str) -> bool:
    return c.isspace() or unicodedata.category(c)[0] in "LM"  # marks: Devanagari and Bengali vowel signs


def _text(value: str, least_words: int) -> bool:
    """Words, not code: letters and blanks (and a final mark) make nearly all of it, and it has
    `least_words` words or is written in another script than Latin (`定义模板` has no blanks)."""
    body = value.rstrip("".join(SENTENCE_END) + "،,")
    if not body or sum(map(_letter, body)) < 0.85 * len(body):
        return False
    return len(value.split()) >= least_words or any(ord(c) > 0x2FF and _letter(c) and not c.isspace() for c in body)


def skeleton_line(raw: str) -> str | None:
    line = raw.strip()
    if not line or line.startswith(COMMENT_STARTS) and not line.startswith("#!"):
        return None
    # text a translation translates: a sentence on its own line (a template's prose), or the
    # words after a key (`title: Definition Template`); the key itself stays
    pair = KEY_VALUE.fullmatch(line)
    if pair and _text(pair.group(2), 2):
        return pair.group(1) + " …"
    if (line.endswith(SENTENCE_END) or not line.isascii()) and _text(line, 3):
        return None
    line = STRING.sub(lambda m: m.group()[0] * 2, line)
    line = TRAILING_COMMENT.sub("", line)
    return " ".join(line.split()) or None


def blocks(doc) -> list[CodeBlock]:
    """The document's code blocks (fenced and indented), in order."""
    out = []
    for token in doc.tokens:
        if token.type not in ("fence", "code_block") or not token.map:
            continue
        first = token.map[0] + (1 if token.type == "fence" else 0)
        kept = []
        for k, raw in enumerate(token.content.split("\n")):
            line = skeleton_line(raw)
            if line is not None:
                kept.append((first + k, line))
        info = token.info.strip().split()[0] if token.type == "fence" and token.info.strip() else ""
        out.append(CodeBlock(token.map[0], token.map[1], info, tuple(t for _, t in kept), tuple(kept)))
    return out


@dataclass(frozen=True)
class Difference:
    kind: str  # "changed" | "missing" | "extra" | "info"
    ref: CodeBlock | None
    mine: CodeBlock | None
    want: str | None = None  # the source's line (or info string)
    got: str | None = None
    line: int = 0  # 0-based line in the translation where it shows


def differences(ref: list[CodeBlock], mine: list[CodeBlock]) -> list[Difference]:
    out = []
    matcher = difflib.SequenceMatcher(None, [b.skeleton for b in ref], [b.skeleton for b in mine], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for r, m in zip(ref[i1:i2], mine[j1:j2]):
                if r.info and m.info and r.info != m.info:
                    out.append(Difference("info", r, m, r.info, m.info, m.line))
            continue
        pairs = min(i2 - i1, j2 - j1)
        for r, m in zip(ref[i1:i1 + pairs], mine[j1:j1 + pairs]):
            out.append(_changed(r, m))
        anchor = mine[j1 - 1].end_line if j1 > 0 else 0
        for r in ref[i1 + pairs:i2]:
            out.append(Difference("missing", r, None, r.skeleton[0] if r.skeleton else r.info, None,
                                  mine[j1 + pairs].line if j1 + pairs < len(mine) else anchor))
        for m in mine[j1 + pairs:j2]:
            out.append(Difference("extra", None, m, None, m.skeleton[0] if m.skeleton else m.info, m.line))
    return out


def _changed(r: CodeBlock, m: CodeBlock) -> Difference:
    """The first line where two blocks' skeletons part."""
    for k in range(max(len(r.skeleton), len(m.skeleton))):
        want = r.skeleton[k] if k < len(r.skeleton) else None
        got = m.skeleton[k] if k < len(m.skeleton) else None
        if want != got:
            line = m.lines[k][0] if k < len(m.lines) else m.line
            return Difference("changed", r, m, want, got, line)
    return Difference("changed", r, m, None, None, m.line)
