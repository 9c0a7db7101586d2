"""Machine-translation artifacts to inject into a translation, one kind per function.

Each injector gets a file's lines, the line ranges of its prose paragraphs, the text of its
English source and a seeded random generator; it changes one line in place and returns that
line's index, or None where the file offers no place for its kind. Places are found from the
raw text with plain patterns written here, never with contentlint's code, and each kind names
the rule an editor would expect to report it.
"""

from __future__ import annotations

import random
import re

import regex

# Latin capitals and small letters whose Cyrillic twins look the same
CYRILLIC = dict(zip("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху"))
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
THAI = regex.compile(r"\p{Thai}")
CODE = re.compile(r"(?<![\w/.#-])([A-Z][A-Za-z0-9]{1,6})(?![\w/-])")
LINK_THEN_MARK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)([.。।۔,，、])")
SENTENCE_END = regex.compile(r"(?<=\p{L})([.。।۔؟])(?= \S|$)")
CLAUSE_MARK = regex.compile(r"(?<=\p{L})([.,。、，])(?=\s|$)")
HEADING = re.compile(r"^(#{2,4}) (?=\S)")
ITEM = re.compile(r"^- (?=\S)")
APOSTROPHE = regex.compile(r"(?<=\p{L})'(?=\p{L})")
AMPERSAND = regex.compile(r"(?<=\p{Lu})&(?=\p{Lu})")
NEXT_SENTENCE = regex.compile(r"(?<=\p{L}\. )(\p{Lu})(?=\p{Ll}{2})")
INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u2066"]


def _prose_lines(lines: list[str], places: list[tuple[int, int]], used: set[int]) -> list[int]:
    return [i for a, b in places for i in range(a, b) if i not in used and lines[i].strip()]


MARKUP = re.compile(r"\]\([^)]*\)|`[^`]*`|<[^>]*>|https?://\S+")


def _in_markup(line: str, at: int) -> bool:
    """Whether `at` is inside a link target, code, an HTML tag or a URL: not prose."""
    return any(m.start() <= at < m.end() for m in MARKUP.finditer(line))


def _pick(rng: random.Random, lines: list[str], candidates: list[int], pattern) -> tuple[int, object] | None:
    hits = [(i, m) for i in candidates for m in pattern.finditer(lines[i]) if not _in_markup(lines[i], m.start())]
    return rng.choice(hits) if hits else None


def transliterated_code(lines, places, source, used, rng):
    """`AAA` → Cyrillic `ААА` (full-width `ＡＡＡ` in CJK text), a code the source also has."""
    words = set(re.findall(r"[A-Za-z0-9]+", source))
    hits = [(i, m) for i in _prose_lines(lines, places, used) for m in CODE.finditer(lines[i])
            if sum(c.isupper() for c in m.group(1)) >= 2 and m.group(1) in words and not _in_markup(lines[i], m.start())
            and any(c in CYRILLIC for c in m.group(1))]
    if not hits:
        return None
    i, m = rng.choice(hits)
    if CJK.search(lines[i]):
        changed = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in m.group(1))
    else:
        changed = "".join(CYRILLIC.get(c, c) for c in m.group(1))
    lines[i] = lines[i][: m.start(1)] + changed + lines[i][m.end(1):]
    return i


def invisible(lines, places, source, used, rng):
    """A zero-width space, BOM, soft hyphen or bidi isolate after a word (no zero-width space
    in CJK or Thai text, which may use it to mark line breaks)."""
    candidates = _prose_lines(lines, places, used)
    hit = _pick(rng, lines, candidates, regex.compile(r"(?<=\p{L})(?=[ \p{L}])"))
    if not hit:
        return None
    i, m = hit
    choices = INVISIBLE[1:] if CJK.search(lines[i]) or THAI.search(lines[i]) else INVISIBLE
    lines[i] = lines[i][: m.start()] + rng.choice(choices) + lines[i][m.start():]
    return i


def link_punctuation(lines, places, source, used, rng):
    """`[text](/x).` → `[text.](/x)`."""
    hit = _pick(rng, lines, _prose_lines(lines, places, used), LINK_THEN_MARK)
    if not hit:
        return None
    i, m = hit
    lines[i] = lines[i][: m.start()] + f"[{m.group(1)}{m.group(3)}]({m.group(2)})" + lines[i][m.end():]
    return i


def doubled_mark(lines, places, source, used, rng):
    """`end.` → `end..`, `终。` → `终。 。`."""
    hit = _pick(rng, lines, _prose_lines(lines, places, used), SENTENCE_END)
    if not hit:
        return None
    i, m = hit
    mark = m.group(1)
    lines[i] = lines[i][: m.end()] + (mark if mark == "." else " " + mark) + lines[i][m.end():]
    return i


def space_before(lines, places, source, used, rng):
    """`word.` → `word .`, `本文、` → `本文 、`."""
    hit = _pick(rng, lines, _prose_lines(lines, places, used), CLAUSE_MARK)
    if not hit:
        return None
    i, m = hit
    lines[i] = lines[i][: m.start()] + " " + lines[i][m.start():]
    return i


def heading_space(lines, places, source, used, rng):
    """`## Title` → `##Title` (`＃＃Title` in CJK text)."""
    hits = [i for i, line in enumerate(lines) if i not in used and HEADING.match(line)]
    if not hits:
        return None
    i = rng.choice(hits)
    marks = HEADING.match(lines[i]).group(1)
    if CJK.search(lines[i]) and rng.random() < 0.5:
        marks = "＃" * len(marks)
    lines[i] = marks + lines[i][len(marks) + 1:]
    return i


def dash_bullet(lines, places, source, used, rng):
    """`- item` → `– item`, `• item`, or `--item` in CJK text."""
    hits = [i for i, line in enumerate(lines) if i not in used and ITEM.match(line)]
    if not hits:
        return None
    i = rng.choice(hits)
    marker = "--" if CJK.search(lines[i]) else rng.choice(["– ", "— ", "• "])
    lines[i] = marker + lines[i][2:]
    return i


def mangled_entity(lines, places, source, used, rng):
    """`Moody's` → `Moody&amp;#39;s` or `Moody＆＃39;s`; `S&P` → `S＆amp;P`."""
    candidates = _prose_lines(lines, places, used)
    hits = [(i, m) for i in candidates for pattern in (APOSTROPHE, AMPERSAND) for m in pattern.finditer(lines[i])
            if not _in_markup(lines[i], m.start())]
    if not hits:
        return None
    i, m = rng.choice(hits)
    if m.group() == "&":
        mangled = "＆amp;"
    else:
        mangled = rng.choice(["&amp;#39;", "＆＃39;", "&amp; # 39؛ "])
    lines[i] = lines[i][: m.start()] + mangled + lines[i][m.end():]
    return i


CASED = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")


def _cased(line: str) -> bool:
    """Whether the line is written in a script with capitals (a Latin name in Korean is not)."""
    return len(CASED.findall(line)) * 2 > len(regex.findall(r"\p{L}", line))


def lost_start(lines, places, source, used, rng):
    """A capital that starts a sentence after a full stop, or a paragraph, put in lower case,
    in text of a script with capitals."""
    candidates = [i for i in _prose_lines(lines, places, used) if _cased(lines[i])]
    starts = [(i, m) for i in candidates for m in NEXT_SENTENCE.finditer(lines[i]) if not _in_markup(lines[i], m.start())]
    firsts = [(a, regex.match(r"\p{Lu}(?=\p{Ll}{2})", lines[a])) for a, _ in places if a not in used and _cased(lines[a])]
    firsts = [(a, m) for a, m in firsts if m]
    pool = rng.choice([p for p in (starts, firsts) if p]) if starts or firsts else []
    if not pool:
        return None
    i, m = rng.choice(pool)
    lines[i] = lines[i][: m.start()] + m.group().lower() + lines[i][m.end():]
    return i


NUMBER = re.compile(r"(?<![\w.,])[0-9]{1,3}(?:[,. \u00a0\u202f]?[0-9]{3})*(?:[.,][0-9]+)?(?![\w])")
WORD = regex.compile(r"(?<![\p{L}\p{M}\-'’])\p{L}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}\-'’])")


def _source_number(lines, places, source, used, rng):
    """(line, match) of a number of three digits or more in prose that the source also has (its
    digits), drawn at random; None where there is none."""
    digits = {re.sub(r"\D", "", m.group()) for m in NUMBER.finditer(source)}
    hits = [(i, m) for i in _prose_lines(lines, places, used) for m in NUMBER.finditer(lines[i])
            if len(re.sub(r"\D", "", m.group())) >= 3 and re.sub(r"\D", "", m.group()) in digits
            and not _in_markup(lines[i], m.start())]
    return rng.choice(hits) if hits else None


def changed_number(lines, places, source, used, rng):
    """A number of three digits or more that the source also has (its digits), one digit of it
    but the first changed: `3,500` → `3,570`; the value of a fee, a year or a count is wrong."""
    hit = _source_number(lines, places, source, used, rng)
    if hit is None:
        return None
    i, m = hit
    # any digit but the first, to any other digit: translations of one article must not agree on
    # the change (two that do would say the source is the one that differs)
    at = m.start() + rng.choice([k for k, c in enumerate(m.group()) if c.isdigit() and k > 0])
    lines[i] = lines[i][:at] + rng.choice([d for d in "0123456789" if d != lines[i][at]]) + lines[i][at + 1:]
    return i


def dropped_number(lines, places, source, used, rng):
    """A number of three digits or more that the source also has, left out with the blank
    before it: `paid €1,200 more` → `paid € more`; the translation lost a value."""
    hit = _source_number(lines, places, source, used, rng)
    if hit is None:
        return None
    i, m = hit
    start = m.start() - 1 if m.start() and lines[i][m.start() - 1] == " " else m.start()
    lines[i] = lines[i][:start] + lines[i][m.end():]
    return i


def doubled_word(lines, places, source, used, rng):
    """A word of four letters or more written twice (`the the`), in text that spaces its words
    (not Chinese, Japanese or Thai)."""
    candidates = [i for i in _prose_lines(lines, places, used) if not CJK.search(lines[i]) and not THAI.search(lines[i])]
    hit = _pick(rng, lines, candidates, WORD)
    if not hit:
        return None
    i, m = hit
    lines[i] = lines[i][: m.end()] + " " + m.group() + lines[i][m.end():]
    return i


# kind -> (injector, the rule that should report it): a translation's differences from its source
PARITY = {
    "changed-number": (changed_number, "number-mismatch"),
    "dropped-number": (dropped_number, "number-mismatch"),
    "doubled-word": (doubled_word, "repeated-word"),
}

# kind -> (injector, the rule that should report it)
KINDS = {
    "transliterated-code": (transliterated_code, "token-mismatch"),
    "invisible-character": (invisible, "invisible-character"),
    "link-punctuation": (link_punctuation, "link-text-punctuation"),
    "doubled-mark": (doubled_mark, "stray-punctuation"),
    "space-before": (space_before, "space-before-punctuation"),
    "heading-space": (heading_space, "heading-missing-space"),
    "dash-bullet": (dash_bullet, "dash-bullet"),
    "mangled-entity": (mangled_entity, "mangled-markup"),
    "lost-start": (lost_start, "lost-sentence-start"),
}
