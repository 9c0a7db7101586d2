"""Whole numbers a text writes in words that no profile lists (`Soixante-six` for 66, Turkish
`altmış altı`, Russian `одиннадцать`), spelt by num2words, a well-kept library that writes
cardinals and ordinals in some fifty languages: a value one side writes in digits and the
other in words is no difference. Only below a thousand (larger values are written with scale
words, which spelt.py reads) and only where num2words knows the language; elsewhere nothing."""

from __future__ import annotations

import re
from functools import lru_cache

LIMIT = 1000
ALIASES = {"nb": "no", "nn": "no"}  # num2words' code for Norwegian Bokmål
SEPARATORS = re.compile(r"[\s\-\u2010\u2011]+")


@lru_cache(maxsize=64)
def _language(code: str) -> str:
    """num2words' code for a language, or "" where it has none (Hindi, Malay, Czech …)."""
    from num2words import CONVERTER_CLASSES

    for candidate in (code, code.split("-")[0].split("_")[0].lower()):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in CONVERTER_CLASSES:
            return candidate
    return ""


@lru_cache(maxsize=4096)
def _pattern(value: int, language: str) -> re.Pattern | None:
    """The cardinal and the ordinal of `value` as whole words, the blanks and hyphens between
    their parts optional (`soixante six`, `altmışaltı` for `altmış altı`)."""
    from num2words import num2words

    forms = set()
    for kind in ("cardinal", "ordinal"):
        try:
            forms.add(SEPARATORS.sub("", num2words(value, lang=language, to=kind).casefold()))
        except (NotImplementedError, ValueError, TypeError, KeyError, IndexError, OverflowError):
            continue  # a language without ordinals
    forms = [f for f in forms if len(f) > 1]
    if not forms:
        return None
    spelt = "|".join("[\\s\\-\u2010\u2011]*".join(map(re.escape, f)) for f in sorted(forms, key=len, reverse=True))
    # whole words, not a part of a compound number (`six` in `soixante-six`, `soixante` in it)
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_][\-\u2010\u2011])(?:{spelt})(?![^\W\d_])(?![\-\u2010\u2011][^\W\d_])")


def in_words(values: list[str], text: str, code: str) -> set[str]:
    """Those of `values` (canonical numbers) that `text` writes as a whole word or words."""
    wanted = [v for v in values if v.isdigit() and 0 < int(v) < LIMIT]
    language = _language(code) if wanted and code else ""
    if not language:
        return set()
    low = text.casefold()
    return {v for v in wanted if (p := _pattern(int(v), language)) is not None and p.search(low)}
