"""A quantity one side gives in imperial units and the other in metric ones (`20 miles` for
`32 quilômetros`, `5 feet` for `1,5 m`): a translation that converts is no number changed.

The unit words of every language are CLDR's (through Babel): each unit's display name and
its long, short and narrow forms for several plural counts (`kilometer`, `km`, `километра`,
`킬로미터`, `公里`), matched right after the number; a word of six letters or more also by
its stem (all but its last two letters: Finnish `kilometrin` for `kilometriä`). The converted
value must be the other side's rounded to the precision the converted number is written
with (`32` for 32.19, `160` or `150` for 96.56 miles — a rounded number's trailing zeros
widen it). A unit word the language does not use for the unit (`32 mil`, Swedish for 320 km)
is no conversion. Only where both formats name their language; elsewhere nothing."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers

# (imperial unit, metric unit, factor): CLDR unit ids; NIST Handbook 44, appendix C
CONVERSIONS = (("length-mile", "length-kilometer", Decimal("1.609344")),
               ("length-foot", "length-meter", Decimal("0.3048")),
               ("length-yard", "length-meter", Decimal("0.9144")),
               ("length-inch", "length-centimeter", Decimal("2.54")),
               ("mass-pound", "mass-kilogram", Decimal("0.45359237")),
               ("area-acre", "area-hectare", Decimal("0.40468564224")),
               ("area-square-foot", "area-square-meter", Decimal("0.09290304")),
               ("volume-gallon", "volume-liter", Decimal("3.785411784")))
FACTORS = {**{(a, b): f for a, b, f in CONVERSIONS}, **{(b, a): 1 / f for a, b, f in CONVERSIONS}}
UNITS = tuple(dict.fromkeys(u for a, b, _ in CONVERSIONS for u in (a, b)))
COUNTS = (1, 2, 5, 21, 32, 1.5)  # the plural categories CLDR's forms differ by


def converted(expected: str, found: str, r_text: str, t_text: str, r_fmt: NumberFormat | None,
              t_fmt: NumberFormat | None) -> bool:
    """Whether `found` of the translation is `expected` of the source converted between
    imperial and metric units, each named by its language's unit words after it."""
    if not (r_fmt and t_fmt and r_fmt.language and t_fmt.language):
        return False
    for unit in _units_of(expected, r_text, r_fmt):
        for other in _units_of(found, t_text, t_fmt):
            factor = FACTORS.get((unit, other))
            if factor is not None and _rounded(Decimal(expected) * factor, found):
                return True
    return False


def _units_of(value: str, text: str, fmt: NumberFormat) -> set[str]:
    """The units named right after each copy of `value` in `text`."""
    if not value.replace(".", "", 1).isdigit():
        return set()  # a percentage or a negative number is no measure converted
    words = _words(fmt.language)
    out = set()
    for v, _, end, _ in iter_numbers(text, fmt):
        if v == value:
            after = text[end:end + 40].lstrip().casefold()
            out.update(unit for unit, forms in words.items() if any(_names(after, w) for w in forms))
    return out


def _names(after: str, word: str) -> bool:
    """Whether the text after a number opens with a unit's word; an abbreviation in Latin
    letters (`m`, `km`, `ft`) only as a whole word (`m` is not `mil`)."""
    if not after.startswith(word):
        return False
    return not (len(word) <= 3 and word.isascii() and after[len(word):len(word) + 1].isalpha())


def _rounded(exact: Decimal, found: str) -> bool:
    """Whether `found` is `exact` rounded to the place of its last significant digit."""
    digits = found.rstrip("0") if "." not in found else found
    places = len(found) - len(digits) if "." not in found else -len(found.partition(".")[2])
    return abs(exact - Decimal(found)) <= Decimal(5) * Decimal(10) ** (places - 1)


@lru_cache(maxsize=64)
def _words(code: str) -> dict[str, tuple[str, ...]]:
    """Each unit's words in language `code` (lower case, longest first), or none where CLDR
    has no data for it."""
    from babel import Locale, UnknownLocaleError
    from babel.units import UnknownUnitError, format_unit, get_unit_name

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return {}
    out = {}
    for unit in UNITS:
        forms = set()
        try:
            forms.add(get_unit_name(unit, locale=locale) or "")
            for length in ("long", "short", "narrow"):
                for count in COUNTS:
                    text = format_unit(count, unit, length=length, locale=locale)
                    forms.add("".join(c for c in text if not (c.isdigit() or c in ".,\u00a0\u202f \u066b\u066c")).strip())
        except UnknownUnitError:  # a unit CLDR lacks for the locale: none of its words
            continue
        words = {w.casefold() for w in forms if w}
        words |= {w[:-2] for w in words if len(w) >= 6}  # a stem for the other case endings
        out[unit] = tuple(sorted(words, key=len, reverse=True))
    return out
