"""Numbers written in Roman numerals (`Louis XVI`, `siglo XVI`, `XVIe siècle`, `Title XIX`):
a value one side writes in Roman numerals and the other in digits (`루이 16세`) is no
difference. Only numerals with an X (from ten: smaller values are never compared) in their
strict form, in capitals, not inside a word or a code (`XVIe` and `XVI's` are read; `VIX`,
`XXL`, `LXX1`, `XIan`, `XXX-XX-XXXX`, `$XIV` are not), no letter but X, V and I (`CD`, `DC`, `MIX` are words), and two letters at least (`X` is a
letter: `Generation X`, `company X`)."""

from __future__ import annotations

import re
from functools import lru_cache

# not beside a letter, digit, hyphen or sign (`XXX-XX-XXXX`, `$XIV`); an ordinal's ending may
# follow (`XVIe`, `XVIth`, `XIXème`), and an apostrophe (`XVI's`)
ROMAN = re.compile(r"(?<![\w$€£¥-])(X{1,3}(?:IX|IV|V?I{0,3}))(?:e|er|ème|th)?(?![\w-])")
VALUES = {"X": 10, "V": 5, "I": 1}


@lru_cache(maxsize=1024)
def roman_values(text: str) -> frozenset[str]:
    """The values of the Roman numerals of `text` (`XVI`: "16")."""
    if "X" not in text:
        return frozenset()
    return frozenset(str(_value(m.group(1))) for m in ROMAN.finditer(text) if len(m.group(1)) > 1)


def _value(numeral: str) -> int:
    total = 0
    for k, c in enumerate(numeral):
        v = VALUES[c]
        total += -v if k + 1 < len(numeral) and VALUES[numeral[k + 1]] > v else v
    return total
