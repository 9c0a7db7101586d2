"""CLDR's number data of one language, read from Babel: its decimal and grouping marks, its
scale words (from the compact decimal formats), its percent words, the suffix of a month
written in digits and whether its clock is the 12-hour one. `python -m contentlint.language.numbering` writes every language lingua
knows into rules/language-numbers.json, which runs read instead (language/numbering.py)."""

from __future__ import annotations

import re

# Han and Hangul scale characters: they multiply each other (`5백만` = 5 x 100 x 10^4, `3千万`).
NUMERALS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12,
            "십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))  # marks CLDR puts in Arabic and Hebrew patterns
# Metric unit symbols that some languages' abbreviated scale words spell in another case
# (Catalan `kM`, a thousand millions; `M` or `m`, a million): numbers are read without case, and
# `1.220 km` is a distance far more often than 1,220 thousand millions
UNIT_SYMBOLS = frozenset({"m", "km", "cm", "mm", "g", "kg", "mg", "l", "ml", "w", "kw", "mw", "gw", "kwh", "mwh", "gwh"})


def from_babel(code: str) -> dict:
    """CLDR's number data of one language; a neutral one for a code Babel does not know."""
    neutral = {"decimal": ".", "groups": (",",), "scales": {}, "scales_before": {}, "letters": {}, "percent": (),
               "percent_prefixes": (), "months": (), "clock12": False}
    if not code:
        return neutral
    from babel import Locale, UnknownLocaleError  # here: a run without translations never loads Babel

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return neutral
    symbols = locale.number_symbols
    symbols = symbols.get("latn", symbols)  # Babel >= 2.14 keys the symbols by numbering system
    after, before = _percent(locale)
    return {"decimal": symbols.get("decimal", "."), "groups": (symbols.get("group", ","),),
            "scales": _scales(locale), "scales_before": _scales_before(locale),
            "letters": _scales(locale, letters=True), "percent": after,
            "percent_prefixes": before, "months": _months(locale), "clock12": _clock12(locale)}


def _scales(locale, letters: bool = False) -> dict:
    """Word -> multiplier from the compact decimal formats: `0 Millionen` under 1000000 and
    `00万` under 100000 both say the word multiplies by magnitude / 10^(zeros - 1). Long
    forms, then the short ones of two letters or more (`Mio.`, `млрд`; not `M`, `K`).
    `letters`: the short forms of one letter alone, lower case (`M`, `k`, Finnish `t.`)."""
    words: dict = {}
    for length in ("short",) if letters else ("long", "short"):
        for plural in locale.compact_decimal_formats.get(length, {}).values():
            for magnitude, pattern in sorted(plural.items(), key=lambda kv: int(kv[0])):
                text = pattern.pattern.split(";")[0].translate(BIDI)
                zeros = re.search(r"0+", text)
                if zeros is None or text[: zeros.start()].strip():
                    continue  # no number, or the word comes first (Swahili `elfu 0`): not read
                word = " ".join(re.sub(r"'([^']*)'", r"\1", text[zeros.end():]).split()).lower()
                factor = int(magnitude) // 10 ** (len(zeros.group()) - 1)
                if letters:  # a Han character is a numeral (`京`), and runs with the others (numbers.py)
                    if len(word.rstrip(".")) == 1 and word[0].isalpha() and word not in NUMERALS \
                            and not "\u2e80" <= word[0] <= "\u9fff":
                        words.setdefault(word.rstrip("."), factor)
                    continue
                if not word or (length == "short" and len(word.rstrip(".")) < 2 and word not in NUMERALS) \
                        or word in UNIT_SYMBOLS:
                    continue
                for form in (word, word.rstrip(".")):  # `Mio.` is often written `Mio`
                    if form:
                        words.setdefault(form, factor)
    return words


def _scales_before(locale) -> dict:
    """Word -> multiplier of the long compact forms whose word comes first (Swahili `bilioni 0`,
    `elfu 0`): a scale word before its number, which the number reader does not read; a
    difference in a language without a profile that such a word explains is none (explained.py)."""
    words: dict = {}
    for plural in locale.compact_decimal_formats.get("long", {}).values():
        for magnitude, pattern in sorted(plural.items(), key=lambda kv: int(kv[0])):
            text = pattern.pattern.split(";")[0].translate(BIDI)
            zeros = re.search(r"0+", text)
            word = " ".join(text[: zeros.start()].split()).lower() if zeros else ""
            if word and word.isalpha():
                words.setdefault(word, int(magnitude) // 10 ** (len(zeros.group()) - 1))
    return words


def _percent(locale) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the percent unit after a number (`21,5 Prozent`) and before one
    (`yüzde 21,5`), in each plural form."""
    from babel.numbers import format_decimal
    from babel.units import UnknownUnitError, format_unit, get_unit_name

    after, before = {}, {}
    try:
        names = [get_unit_name("concentr-percent", length="long", locale=locale) or ""]
        for n in (0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5):
            text, number = format_unit(n, "concentr-percent", length="long", locale=locale), format_decimal(n, locale=locale)
            head, found, tail = text.translate(BIDI).partition(number)
            if found:
                into, word = (before, head) if head.strip() else (after, tail)
                into[" ".join(word.split()).lower()] = None
    except (UnknownUnitError, KeyError, ValueError):
        return (), ()
    if not before:  # the unit's name stands after the number unless the patterns put words first
        after.update(dict.fromkeys(" ".join(w.split()).lower() for w in names))
    # `%` is read as a sign; words only
    return (tuple(w for w in after if w and not w.startswith("%")),
            tuple(w for w in before if w and not w.startswith("%")))


def _clock12(locale) -> bool:
    """Whether the short time format is on the 12-hour clock (`h:mm a`, Hindi, English)."""
    pattern = locale.time_formats["short"].pattern
    return "h" in pattern or "K" in pattern


def _months(locale) -> tuple[str, ...]:
    """What follows the number of a month written in digits (`7月`, `7월`)."""
    found = {}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for name in locale.months.get(context, {}).get(width, {}).values():
                m = re.fullmatch(r"\d+(\D+)", name)
                if m:
                    found[m.group(1).strip()] = None
    return tuple(found)
