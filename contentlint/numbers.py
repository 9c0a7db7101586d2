"""Numbers as values, whatever the locale wrote: `1,000.5`, `1 000,5`, `1.000,5`, `१२`, `١٢`."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Every decimal digit of the scripts in use -> ASCII; the Arabic decimal and thousands marks too.
DIGITS = {c: str(unicodedata.decimal(chr(c))) for r in (range(0x660, 0x66A), range(0x6F0, 0x6FA),
          range(0x966, 0x970), range(0x9E6, 0x9F0), range(0xFF10, 0xFF1A)) for c in r}
DIGITS.update({0x66B: ".", 0x66C: ","})
TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
SPACES = " \u00a0\u202f"


def _value(token: str, decimal: str) -> str:
    seps = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    if not seps:
        return str(int(token))
    if len(set(seps)) == 1 and len(seps) > 1:
        return str(int("".join(groups)))  # `1,00,000`, `1.000.000`: only grouping
    head, tail = "".join(groups[:-1]), groups[-1]
    # Two kinds (`1.000,5`): the last is the decimal mark. One mark once: a decimal mark,
    # unless three digits follow and it is not the language's decimal mark (`1,000` in English).
    if len(set(seps)) == 1 and len(tail) == 3 and seps[0] != decimal:
        return str(int(head + tail))
    fraction = tail.rstrip("0")
    return f"{int(head)}.{fraction}" if fraction else str(int(head))


def iter_numbers(text: str, decimal: str = ".", space_groups: bool = False):
    """(canonical value, start, end) for each number of `text`; ranges give both ends."""
    text = text.translate(DIGITS)  # one character for one: offsets stay valid
    found = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
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
        yield _value(token, decimal), start, end
        i += 1


def numbers(text: str, decimal: str = ".", space_groups: bool = False) -> Counter:
    """The numbers of `text` as canonical strings (`"1000.5"`), counted."""
    return Counter(value for value, _, _ in iter_numbers(text, decimal, space_groups))
