"""A quantity one side gives in imperial units and the other in metric ones (`20 miles` for
`32 quilômetros`, `5 feet` for `1,5 m`, `350 °F` for `175 °C`): a translation that converts is
no number changed; nor one that leaves out the conversion the source gives beside a quantity
(`27 °C (80 °F)` as `27 °C`).

The unit words of every language are CLDR's (language/cldr_words.py): each unit's display name
and its long, short and narrow forms for several plural counts (`kilometer`, `km`, `километра`,
`킬로미터`, `公里`), right after the number and ending there (`fuss` is not `Fußball`, `м` not
`млн`); a word of six letters or more also by its stem with at most three letters more (Finnish
`kilometrin` for `kilometriä`; not Spanish `millones` for `millas`). Han, kana and Hangul need no
end: their particles join (`32km를`, `32公里的`). The converted value must be within a tenth of the
other side's and its rounding to the precision it is written with (`32` for 32.19; not `1.000
km` for 320 miles, 515 km). Each copy of a number is paired once, with the unit named after that
copy (`20 miles … 20 schools` against `32 km … 32 Schulen` pairs one). A unit word the language
does not use for the unit (`32 mil`, Swedish for 320 km) is no conversion. Only where both
formats name their language; elsewhere nothing."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from contentlint.language.cldr_words import unit_words
from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers

# (imperial unit, metric unit, factor, offset): metric = (imperial - offset) × factor; CLDR unit
# ids; NIST Handbook 44, appendix C (°C = (°F - 32) × 5/9)
CONVERSIONS = (("length-mile", "length-kilometer", Decimal("1.609344"), 0),
               ("length-foot", "length-meter", Decimal("0.3048"), 0),
               ("length-yard", "length-meter", Decimal("0.9144"), 0),
               ("length-inch", "length-centimeter", Decimal("2.54"), 0),
               ("mass-pound", "mass-kilogram", Decimal("0.45359237"), 0),
               ("area-acre", "area-hectare", Decimal("0.40468564224"), 0),
               ("area-square-foot", "area-square-meter", Decimal("0.09290304"), 0),
               ("volume-gallon", "volume-liter", Decimal("3.785411784"), 0),
               ("temperature-fahrenheit", "temperature-celsius", Decimal(5) / Decimal(9), 32))
WAYS = {**{(a, b): (f, o, True) for a, b, f, o in CONVERSIONS}, **{(b, a): (f, o, False) for a, b, f, o in CONVERSIONS}}


@lru_cache(maxsize=4096)
def _conversions(value: str) -> tuple[tuple[str, Decimal], ...]:
    """(unit, `value` converted into it) for every pair of units: read once per value."""
    return tuple((b, converted(Decimal(value), a, b)) for a, b in WAYS)


def converted(value: Decimal, unit: str, other: str) -> Decimal | None:
    """`value` in `unit` converted to `other`, or None where they are no pair."""
    way = WAYS.get((unit, other))
    if way is None:
        return None
    factor, offset, to_metric = way
    return (value - offset) * factor if to_metric else value / factor + offset


class Conversions:
    """The numbers of a source unit and its translation that name a unit, read once, on the
    first question; each copy pairs once."""

    def __init__(self, r_text: str, t_text: str, r_fmt: NumberFormat | None, t_fmt: NumberFormat | None):
        self._texts, self._formats = (r_text, t_text), (r_fmt, t_fmt)
        self._units: tuple[Counter, Counter] | None = None
        self._scans: tuple[list, list] | None = None

    def _read(self) -> tuple[Counter, Counter]:
        """Each side's numbers with the units named after them: read once, for both questions."""
        if self._units is None:
            self._scans = tuple(_scan(text, fmt) for text, fmt in zip(self._texts, self._formats))
            self._units = tuple(_named_units(scan) for scan in self._scans)
        return self._units

    def pair(self, expected: str, found: str) -> bool:
        """Whether `found` of the translation is `expected` of the source converted between
        imperial and metric units, each named by its language's unit words after it; the
        copies paired are used up."""
        r_fmt, t_fmt = self._formats
        if not (r_fmt and t_fmt and r_fmt.language and t_fmt.language and _plain(expected) and _plain(found)):
            return False
        if not any(_close(exact, found, b) for b, exact in _conversions(expected)):
            return False  # no conversion gives the number: the texts are not read
        r_units, t_units = self._read()
        for (value, unit), left in r_units.items():
            if value != expected or not left:
                continue
            for (other, other_unit), other_left in t_units.items():
                exact = converted(Decimal(expected), unit, other_unit)
                if other == found and other_left and exact is not None and _close(exact, found, other_unit):
                    r_units[value, unit] -= 1
                    t_units[other, other_unit] -= 1
                    return True
        return False

    def given_twice(self, missing: list[str], numbers) -> list[str]:
        """`missing` less the values the source gives in brackets or after a slash right after
        the same quantity in another unit (`27 °C (80 °F)`, `5 miles / 8 km`) where the
        translation keeps that quantity in its unit (`27 °C`), or with no unit word CLDR knows
        (Hebrew `250 מעלות`, degrees; `numbers`: the translation's values): a translation may
        leave out the conversion its readers do not use. Where it lost or changed both, the
        first is told (`230 °C` for `250 °C (480 °F)`: one finding)."""
        r_fmt, t_fmt = self._formats
        if not (r_fmt and t_fmt and r_fmt.language and t_fmt.language):
            return missing
        kept, out = self._read()[1], []
        pairs = _bracketed(self._texts[0], self._scans[0])
        for m in missing:  # in the source's order: of a pair both missing, the first is told
            partners = [(w, u) for (w, u), (v, unit) in pairs if v == m
                        and (exact := converted(Decimal(w), u, unit)) is not None and _close(exact, m, unit)]
            if not any(kept[w, u] or numbers[w] > sum(n for (v, _), n in kept.items() if v == w) or w in out
                       for w, u in partners):
                out.append(m)
        return out


def _bracketed(text: str, scan: list) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """((value, unit), (value, unit)) of each quantity the text (read by `_scan`) follows with
    the same one in another unit, in brackets or after a slash: `27 °C (80 °F)`, `5 miles / 8 km`."""
    out = []
    for (v, units, end), (w, others, _) in zip(scan, scan[1:]):
        u, unit = units[0] if units else None, others[0] if others else None
        if u and unit and u != unit and _plain(v) and _plain(w) and BRACKET.match(text[end:]):
            out.append(((v, u), (w, unit)))
    return out


BRACKET = re.compile(r"[ \u00a0\u202f]?[^\d()/]{0,16}?[ \u00a0\u202f]*[(/][ \u00a0\u202f]*[0-9]")


def _plain(value: str) -> bool:
    """A number with no sign or percent: a measure that may be converted."""
    return value.replace(".", "", 1).isdigit()


def _scan(text: str, fmt: NumberFormat | None) -> list[tuple[str, list[str], int]]:
    """(value, the units whose word follows it, where it ends) for each number of `text`."""
    words = _by_initial(fmt.language) if fmt is not None and fmt.language else {}
    return [(value, _units_after(text, end, words), end) for value, _, end, _ in iter_numbers(text, fmt)] if words else []


def _named_units(scan: list) -> Counter:
    """(value, unit) for each number a unit's word follows (read by `_scan`)."""
    out = Counter()
    for value, units, _ in scan:
        if _plain(value):  # a percentage or a negative number is no measure converted
            for unit in units:
                out[value, unit] += 1
    return out


def _units_after(text: str, end: int, words: dict) -> list[str]:
    """The units whose word follows the number that ends at `end`, or is joined to it by a
    hyphen (`a 60-foot wave`, `18-Meter-Welle`); `words`: `_by_initial`'s."""
    after = text[end:end + 40].lstrip().removeprefix("-").casefold().replace("℃", "°c").replace("℉", "°f")  # one character each (CJK)
    return [unit for unit, forms in words.get(after[:1], ()) if any(opens_with(after, w, 3 if stem else 0) for w, stem in forms)]


def opens_with(after: str, word: str, extra: int = 0) -> bool:
    """Whether the text after a number opens with a unit's word that ends there, or `extra`
    letters of its script on (a stem's case ending: `kilometrin`; a duration's: `Monaten`,
    parity/year_months.py); Han, kana and Hangul need no end (`32km를`)."""
    if not after.startswith(word):
        return False
    if _joins(word[-1]):
        return True
    rest = after[len(word):]
    letters = 0
    while letters < len(rest) and rest[letters].isalpha() and rest[letters].isascii() == word[-1].isascii():
        letters += 1
    return letters <= extra


def _joins(c: str) -> bool:
    """Han, kana and Hangul: a particle may follow a unit with no blank."""
    return "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3"


def _close(exact: Decimal, found: str, unit: str = "") -> bool:
    """Whether `found` is `exact` within a tenth, and rounded to the place of its last
    significant digit; a temperature (`unit`) also to fives where it ends in 5 (`175 °C` for
    350 °F, 176.7)."""
    digits = found.rstrip("0") if "." not in found else found
    places = len(found) - len(digits) if "." not in found else -len(found.partition(".")[2])
    difference = abs(exact - Decimal(found))
    fives = unit.startswith("temperature") and places == 0 and "." not in found and found.endswith("5")
    return difference <= abs(exact) / 10 and difference <= (Decimal("2.5") if fives else Decimal(5) * Decimal(10) ** (places - 1))


@lru_cache(maxsize=64)
def _by_initial(code: str) -> dict[str, tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]]:
    """`_words` by the letter a word opens with: a word follows a number only where the text
    there opens with its first letter, so each number tries a few words, not all (units in order)."""
    out: dict[str, list] = {}
    for unit, forms in _words(code).items():
        for initial in dict.fromkeys(w[0] for w, _ in forms):
            out.setdefault(initial, []).append((unit, tuple(f for f in forms if f[0][0] == initial)))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=64)
def _words(code: str) -> dict[str, tuple[tuple[str, bool], ...]]:
    """Each unit's words in language `code` (language/cldr_words.py), with a stem for the other
    case endings, as (word, whether a stem), longest first."""
    out = {}
    for unit, words in unit_words(code).items():
        stems = {w[:-2] for w in words if len(w) >= 6} - set(words)
        out[unit] = tuple(sorted([(w, False) for w in words] + [(s, True) for s in stems],
                                 key=lambda f: len(f[0]), reverse=True))
    return out
