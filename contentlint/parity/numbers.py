"""Numbers as values, whatever the locale wrote: `1,000.5`, `1 000,5`, `1.000,5`, `१२`, `١٢`."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

# Every decimal digit of the scripts in use -> ASCII; the Arabic decimal and thousands marks too.
DIGITS = {c: str(unicodedata.decimal(chr(c))) for r in (range(0x660, 0x66A), range(0x6F0, 0x6FA),
          range(0x966, 0x970), range(0x9E6, 0x9F0), range(0xFF10, 0xFF1A)) for c in r}
DIGITS.update({0x66B: ".", 0x66C: ",", 0x60C: ","})  # `،` between digits groups them
OTHER_DIGITS = re.compile("[" + "".join(chr(c) for c in sorted(DIGITS)) + "]")  # translate only when needed
ANY_DIGIT = re.compile("[0-9" + "".join(chr(c) for c in sorted(DIGITS) if chr(c).isdigit()) + "]")
TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
SPACES = " \u00a0\u202f"


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _readings(token: str, decimal: str) -> tuple[Decimal, Decimal | None]:
    """The value of a token, and another reading when the token is ambiguous."""
    seps = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    if not seps:
        return Decimal(token), None
    if len(set(seps)) == 1 and len(seps) > 1:
        return Decimal("".join(groups)), None  # `1,00,000`, `1.000.000`: only grouping
    head, tail = "".join(groups[:-1]), groups[-1]
    as_decimal, as_grouped = Decimal(f"{head}.{tail}"), Decimal(head + tail)
    if len(set(seps)) > 1:
        return as_decimal, None  # `1.000,5`: the last mark is the decimal one
    if len(tail) != 3:
        return as_decimal, None
    # One mark before exactly three digits: grouping unless it is the language's decimal mark;
    # machine translation mixes conventions (`12.950` for 12,950), so the other reading counts too.
    return (as_grouped, as_decimal) if seps[0] != decimal else (as_decimal, as_grouped)


def iter_numbers(text: str, decimal: str = ".", space_groups: bool = False, scales: dict | None = None):
    """(value, start, end, other reading or None) for each number of `text`, as canonical
    strings (`"1000.5"`); a scale word after a number multiplies it (`12 million`, `1170万`);
    ranges give both ends."""
    first = ANY_DIGIT.search(text)
    if first is None:
        return  # most blocks: one scan
    if not first.group().isascii() or OTHER_DIGITS.search(text, first.start()):
        text = text.translate(DIGITS)  # one character for one: offsets stay valid
    found = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, first.start())]
    pattern = _scale_pattern(scales) if scales else None
    i = 0
    while i < len(found):
        start, end, token = found[i]
        # `12 060 000`: digits grouped by spaces, where the language does that
        groupable = token.isdigit() and len(token) <= 3
        while (groupable and space_groups and i + 1 < len(found) and found[i + 1][0] == end + 1
               and text[end] in SPACES and re.fullmatch(r"[0-9]{3}(?:[.,][0-9]+)?", found[i + 1][2])):
            i += 1
            end, token = found[i][1], token + found[i][2]
            groupable = token.isdigit()
        m = pattern.match(text, end, end + 24) if pattern else None  # `万`, ` million`, ` juta`
        value, other = _values(token, decimal, scales[m.group(1)] if m else 1)
        yield value, start, end, other
        i += 1


@lru_cache(maxsize=1 << 16)
def _values(token: str, decimal: str, factor: int) -> tuple[str, str | None]:
    """Canonical value and other reading of a token: Decimal arithmetic is slow, and the same
    numbers (years, percentages) recur throughout a corpus."""
    value, other = _readings(token, decimal)
    return _canonical(value * factor), (_canonical(other * factor) if other is not None else None)


_SCALE_PATTERNS: dict[int, tuple[dict, re.Pattern | None]] = {}


def _scale_pattern(scales: dict) -> re.Pattern | None:
    """One alternation of the scale words, longest (then largest) first; an ASCII word must
    end where the word does (`mill` is not `million`), a CJK one need not."""
    cached = _SCALE_PATTERNS.get(id(scales))
    if cached is None or cached[0] is not scales:
        words = sorted(scales, key=lambda w: (-len(w), -scales[w]))
        alternatives = [re.escape(w) + (r"(?![^\W\d_])" if w.isascii() else "") for w in words]
        cached = (scales, re.compile(r"[ \u00a0]*(" + "|".join(alternatives) + ")") if words else None)
        _SCALE_PATTERNS[id(scales)] = cached
    return cached[1]

