"""CLDR's words for measures and months in every language lingua knows: the unit words number
parity pairs a converted quantity by (parity/units.py: `kilometer`, `km`, `километра`, `公里`),
the month names it pairs a date by (parity/month_day.py: `september`, `syyskuuta`), the words
of a duration in months and of one year (parity/year_months.py: `months`, `Monate`, `개월`;
`year`, `Jahr`, `年`), and the word that joins the two items of a list (`et`, `und`, `和`:
parity/tokens.py reads a range by it).

Generated into `rules/language-words.json` (`python -m contentlint.language.cldr_words`), as
the number data is (numbering.py): loading Babel's locale data costs some 7 ms and 1.3 MB a
language in each worker; the table, once, a few milliseconds. Babel itself only for a code the
table lacks."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from contentlint.language import cldr_tables
from contentlint.language.cldr_tables import read_table

TABLE = "language-words.json"
# CLDR unit ids: the imperial units and their metric counterparts (parity/units.py)
UNITS = ("length-mile", "length-kilometer", "length-foot", "length-meter", "length-yard", "length-inch",
         "length-centimeter", "mass-pound", "mass-kilogram", "area-acre", "area-hectare", "area-square-foot",
         "area-square-meter", "volume-gallon", "volume-liter", "temperature-fahrenheit", "temperature-celsius")
COUNTS = (1, 2, 5, 21, 32, 1.5)  # the plural categories CLDR's forms differ by
STRIP = frozenset(".,\u00a0\u202f \u066b\u066c")  # a formatted count's marks and blanks
DURATION_KEYS = ("month_long", "month_short", "year_one", "year_many")  # duration_words


def unit_words(code: str) -> dict[str, tuple[str, ...]]:
    """Each unit's words in language `code`, lower case: its display name and its long, short
    and narrow forms (`kilometer`, `kilometers`, `km`)."""
    return _row(code)["units"]


def month_names(code: str) -> dict[int, tuple[str, ...]]:
    """Each month's names in language `code`, lower case, of three letters or more: the wide and
    abbreviated forms, in the format and stand-alone contexts (`september`, `sep`, `syyskuuta`)."""
    return _row(code)["months"]


def duration_words(code: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Language `code`'s words for a duration, lower case: the month's long forms (`month`,
    `months`, `miesiące`, `miesięcy`), its short ones (`mths`, `mies`), the year's form for one
    (`year`, `Jahr`, `år`, `年`) and its other forms (`years`, `Jahre`). Each of two letters or
    more, or one Han or Hangul character (`年`, `년`): a one-letter form (`m`, `y`) says too little."""
    row = _row(code)
    return row["month_long"], row["month_short"], row["year_one"], row["year_many"]


def and_word(code: str) -> str:
    """The word CLDR's list pattern puts between two items in language `code`, lower case
    (`A et B`: `et`; `A和B`: `和`); "" where CLDR has none."""
    return _row(code)["and"]


@lru_cache(maxsize=None)
def _row(code: str) -> dict:
    row = read_table(TABLE).get(code)
    if row is None:
        row = _from_babel(code)
    return {"units": {u: tuple(w) for u, w in row["units"].items()},
            "months": {int(m): tuple(n) for m, n in row["months"].items()}, "and": row.get("and", ""),
            **{key: tuple(row.get(key, ())) for key in DURATION_KEYS}}


def _from_babel(code: str) -> dict:
    """One language's row; an empty one for a code Babel does not know."""
    from babel import Locale, UnknownLocaleError  # here: a run reads the table, not Babel

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return {"units": {}, "months": {}, "and": "", **{key: [] for key in DURATION_KEYS}}
    months_long = _duration(locale, "duration-month", COUNTS, ("long",))
    year_one = _duration(locale, "duration-year", (1,), ("long", "short"))
    return {"units": _units(locale), "months": _months(locale), "and": _and(locale), "month_long": months_long,
            "month_short": sorted(set(_duration(locale, "duration-month", COUNTS, ("short",))) - set(months_long)),
            "year_one": year_one,
            "year_many": sorted(set(_duration(locale, "duration-year", COUNTS, ("long", "short"))) - set(year_one))}


def _and(locale) -> str:
    pattern = locale.list_patterns.get("standard", {}).get("2", "")
    return pattern.replace("{0}", "").replace("{1}", "").strip().casefold() if "{1}" in pattern else ""


def _units(locale) -> dict[str, list[str]]:
    from babel.units import UnknownUnitError, format_unit, get_unit_name

    out = {}
    for unit in UNITS:
        forms = set()
        try:
            forms.add(get_unit_name(unit, locale=locale) or "")
            for length in ("long", "short", "narrow"):
                for count in COUNTS:
                    text = format_unit(count, unit, length=length, locale=locale)
                    forms.add("".join(c for c in text if not (c.isdecimal() or c in STRIP)).strip())
        except UnknownUnitError:  # a unit CLDR lacks for the locale: none of its words
            continue
        out[unit] = sorted({w.casefold() for w in forms if w and w != "°"})  # `27°` alone may be any scale
    return out


def _duration(locale, unit: str, counts: tuple, lengths: tuple[str, ...]) -> list[str]:
    """The words of a duration unit for `counts` in the forms of `lengths` (`12 months`,
    `12 mths`: `months`, `mths`)."""
    from babel.units import UnknownUnitError, format_unit

    forms = set()
    for length in lengths:
        for count in counts:
            try:
                text = format_unit(count, unit, length=length, locale=locale)
            except UnknownUnitError:
                continue
            # blanks inside stay (Arabic `سنة واحدة`, one year); a short form's full stop goes with the count's marks
            word = " ".join("".join(c for c in text if not (c.isdigit() or c in ".,")).split()).casefold()
            if len(word) >= 2 or word and _ideographic(word):
                forms.add(word)
    return sorted(forms)


def _ideographic(word: str) -> bool:
    """Han or Hangul: one character is a word (`年`, `년`)."""
    return all("\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3" for c in word)


def _months(locale) -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months.get(context, {}).get(width, {}).items():
                name = name.casefold().rstrip(".")
                if len(name) >= 3:  # a one- or two-letter form tells nothing (`9월` is digits)
                    out.setdefault(str(number), set()).add(name)
    return {k: sorted(v) for k, v in out.items()}


def write_table(path: Path | None = None) -> Path:
    """`rules/language-words.json` from Babel, for every language lingua knows."""
    return cldr_tables.write_table(TABLE, _from_babel, path)


if __name__ == "__main__":
    print(write_table())
