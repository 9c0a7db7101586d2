"""The numbers of aligned units compared as values: what one side has and the other has not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from contentlint.language.numbering import NEUTRAL, NumberFormat
from contentlint.parity.inline import code_spans
from contentlint.parity.month_day import dotted_slashes, month_day, names_month, slashed_dates
from contentlint.parity.name_digits import glued
from contentlint.parity.roman import roman_values
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.other_forms import dashed, era_year, in_cents, in_hours, in_hours_or_parts, negated, twelve_hours
from contentlint.parity.run_together import run_together
from contentlint.parity.significance import significant
from contentlint.parity.spelt import unmatched
from contentlint.parity.units import Conversions
from contentlint.parity.value_pairs import digits_of, lost_scale, paired  # lost_scale: read from here too
from contentlint.parity.verbatim import copied
from contentlint.parity.year_months import years_for_months


def unit_numbers(text: str, fmt: NumberFormat) -> tuple[Counter, dict]:
    """The significant numbers of a unit's text, and the other reading of the ambiguous ones."""
    counted, readings = Counter(), {}
    for value, _, _, other in iter_numbers(text, fmt):
        if not significant(value):
            if other is None or not significant(other):
                continue
            value, other = other, value  # `$1,000` in Spanish: 1 or 1000, and only 1000 is compared
        counted[value] += 1
        if other is not None:
            readings[value] = other
    return counted, readings


def number_differences(r, t, r_fmt: NumberFormat | None = None,
                       t_fmt: NumberFormat | None = None) -> list[tuple[str | None, str | None]]:
    """(expected, found) pairs of values one side has and the other has not at all. An
    ambiguous number matches by either reading: `12.950` against 12,950, and the translation's
    `top -20%` against 20% (machine translation moves hyphens), but not the source's `top -20%`
    against 20% (a dropped minus).
    Given the formats, a date part or ordinal of one side stands for a number of the other
    (`183rd` for `183.`, `7月20日` for `July 20`); on its own it is never a difference."""
    if dict.__eq__(r.numbers, t.numbers):  # the usual case, without building two Counters
        return []
    # a value the other side has at least once is not a difference: a translation repeats a number
    # where the source says "it" (`52 周区间` twice), or the reverse
    missing = [v for v in (r.numbers - t.numbers).elements() if v not in t.numbers]
    extra = [v for v in (t.numbers - r.numbers).elements() if v not in r.numbers]
    if (missing or extra) and r_fmt is not None and t_fmt is not None:  # `+46 8 123 456 70` copied as it is
        missing, extra = copied(r, t, r_fmt, t_fmt, missing, extra)
    units = Conversions(r.text, t.text, r_fmt, t_fmt)  # read only if asked
    for m in list(missing):  # paired by a reading, as a month's day (`9.11`), converted (`20 miles`, `32 km`)
        for e in extra:
            if t.readings.get(e) == m or (r.readings.get(m) == e and m != "-" + e) \
                    or _dated(e, m, r, r_fmt) or _dated(m, e, t, t_fmt) or units.pair(m, e) \
                    or era_year(m, e, t_fmt) or era_year(e, m, r_fmt) or negated(m, e, t, t_fmt) or negated(e, m, r, r_fmt) \
                    or in_hours(m, t.text) == e or twelve_hours(m, e, r.text, t.text, t_fmt) \
                    or in_cents(m, e, r.text, t.text, t_fmt) or in_cents(e, m, t.text, r.text, r_fmt):
                missing.remove(m)
                extra.remove(e)
                break
    if missing:  # the conversion the source gives beside a quantity, left out: `27 °C (80 °F)` as `27 °C`
        missing = [m for m in units.given_twice(missing, t.numbers) if not in_hours_or_parts(m, t.text)]
    if (missing or extra) and "/" in r.text + t.text:
        missing, extra = _slashed(r, t, r_fmt, t_fmt, missing, extra)
    # nor is one the other side has by its other reading (`$100,000` in Spanish: 100 or 100000)
    missing, extra = dashed(missing, extra, r, t, t_fmt)
    missing = [m for m in missing if r.readings.get(m) not in t.numbers or m == "-" + r.readings[m]]
    if missing and t.readings:  # the translation's other reading (`10-procentową`: 10, or 10%)
        others = set(t.readings.values())
        missing = [m for m in missing if m not in others]
    # nor one a scale word's homograph makes a number too small to compare (`$1만큼`: by $1, not
    # $10,000); not a grouping mark's other reading (`5.000` is 5000 in German, not 5)
    extra = [e for e in extra if t.readings.get(e) not in r.numbers and not _small(e, t.readings.get(e))]
    # the same for the source: `1 billionth of a metre` (a fraction, or the 10^9th) said in words
    missing = [m for m in missing if not _small(m, r.readings.get(m))]
    if (missing or extra) and r_fmt is not None and t_fmt is not None:
        missing, extra = (unmatched(missing, _seen(t, r), t_fmt, not extra, (r.text, r_fmt)),
                          unmatched(extra, _seen(r, t), r_fmt, not missing, (t.text, t_fmt)))
        # by a value's other reading too: Korean `제16조` (16 trillion, or article 16) for the 16th
        missing = _by_reading(missing, r.readings, _seen(t, r), t_fmt)
        extra = _by_reading(extra, t.readings, _seen(r, t), r_fmt)
        # a count of months the other side says in years (`12 months` for `a year`)
        missing = years_for_months(missing, r.text, r_fmt, t.text, t_fmt)
        extra = years_for_months(extra, t.text, t_fmt, r.text, r_fmt)
    # a Roman numeral of one side the other does not write so (`Louis XVI` as `루이 16세`)
    roman, t_roman = (roman_values(r.text), roman_values(t.text)) if extra or missing else ((), ())
    if extra:  # one side's code span (`403 FORBIDDEN`) or name (`Form1040`) the other writes as text
        written = _aside(r, r_fmt, t) | (roman - t_roman)  # `HP -35` in Hindi for `HP-35`: the hyphen read as a minus
        extra = [e for e in extra if e not in written and e.lstrip("-") not in written]
    if missing:
        written = _aside(t, t_fmt, r) | (t_roman - roman)
        missing = [m for m in missing if m not in written and m.lstrip("-") not in written]
    return _joined_apart(r, t, r_fmt, t_fmt, missing, extra) + paired(missing, extra)


def _slashed(r, t, r_fmt, t_fmt, missing: list, extra: list) -> tuple[list, list]:
    """`missing` and `extra` less a month and day written with a slash (`9/11`) that the other
    side names in words, or writes with a dot (`9.11事件`)."""
    dated, t_dated = slashed_dates(r.text, t.text, _code(t_fmt)), slashed_dates(t.text, r.text, _code(r_fmt))
    missing, extra = [m for m in missing if m not in dated], [e for e in extra if e not in t_dated]
    for parts, dotted, (a, b) in ((missing, extra, (r, t)), (extra, missing, (t, r))):
        for month, day, value in dotted_slashes(a.text, b.text):  # once for each
            if value in dotted:
                dotted.remove(value)
                for v in (month, day):
                    if v in parts:
                        parts.remove(v)
    return missing, extra


def _joined_apart(r, t, r_fmt, t_fmt, missing: list, extra: list) -> list[tuple[str, str]]:
    """Numbers run together or split (run_together.py), taken out of `missing` and `extra` (in
    place). The whole may be a value the other side has fewer times, not none: a source's
    `$250,000` twice, the translation's `$ 250, 000` and `$ 250,000` (one split, one kept)."""
    if not (missing or extra):
        return []
    fewer = [v for v in (r.numbers - t.numbers).elements() if v in t.numbers]
    more = [v for v in (t.numbers - r.numbers).elements() if v in r.numbers]
    wanted, found = [*missing, *fewer], [*extra, *more]
    joined = run_together(r, t, r_fmt, t_fmt, wanted, found)
    missing[:], extra[:] = _left(missing, wanted), _left(extra, found)
    return joined


def _left(values: list, kept: list) -> list:
    """`values`, in their order, as many copies of each as a join left in `kept`."""
    room, out = Counter(kept), []
    for v in values:
        if room[v]:
            room[v] -= 1
            out.append(v)
    return out


def _dated(value: str, day: str, other, fmt: NumberFormat | None) -> bool:
    """`9.11` for the other side's `September 11` (month_day.py)."""
    return month_day(value, day, other.text, _code(fmt))


def _code(fmt: NumberFormat | None) -> str:
    return fmt.language if fmt is not None else ""


def _small(value: str, other: str | None) -> bool:
    """Whether a scale word's homograph reads `value` as a number too small to compare."""
    return _homograph(value, other) and not significant(other)


def _homograph(value: str, other: str | None) -> bool:
    """Whether `other` is the bare number of a scale word's homograph (`1만큼`, `제16조`), not a
    grouping mark's other reading (`5.000`: 5000 or 5, a thousandth), a percentage's or a year's."""
    if other is None or not other.lstrip("-").isdigit() or digits_of(value) is None or "%" in value:
        return False
    # a homograph's scale is ten thousand or more (`만`, `억`, `조`); a grouping mark's, exactly a thousand
    return float(value) / max(float(other), 1) >= 10_000 and float(value) != float(other) * 1000


def _by_reading(values: list, readings: dict, text: str, fmt: NumberFormat) -> list:
    """`values` less those whose homograph's bare number a date part, ordinal or number word of
    `text` stands for (`제16조`: article 16, for the 16th)."""
    if not any(_homograph(v, readings.get(v)) for v in values):
        return values
    return [v for v in values if not _homograph(v, readings.get(v)) or unmatched([readings[v]], text, fmt)]


def _seen(unit, other) -> str:
    """A unit's text as a reader sees it: an ordered item with its number, where a day that
    opens a paragraph (`15. februar 2021 valgte …`) became a list's marker (list-mismatch
    reports the list; the day is not missing); not where the other side's item has it too."""
    number = _number(unit)
    return f"{number}. {unit.text}" if number and number != _number(other) else unit.text


def _number(unit) -> str:
    return getattr(unit.block, "number", "") if unit.kind == "item" else ""


def _aside(unit, fmt: NumberFormat | None, other) -> set[str]:
    """The values a unit writes where its numbers leave them out: in its code spans, as the end of
    a name (`Form1040`, which Japanese text runs together), and as an ordered item's number that
    `other`'s block has not (a line's first number made a list's, `2026. február` unescaped, in a
    paragraph or a bullet item: list-mismatch's defect)."""
    code = " ".join(code_spans(unit))
    marked = {n for n in _number(unit).replace(" ", "").split(".") if n} - set(_number(other).replace(" ", "").split("."))
    return ({v for v, *_ in iter_numbers(code, fmt or NEUTRAL)} if code else set()) | glued(unit.text) | marked


def near_differences(r, t, r_near: list, t_near: list, r_fmt: NumberFormat, t_fmt: NumberFormat,
                     spare: Callable[[], tuple[Counter, Counter]] | None = None) -> list[tuple[str | None, str | None]]:
    """number_differences, without a value of the source that the translation has in an
    unpartnered unit next to the pair, or one of the translation's that the source has there
    (kit.matched_with_neighbours: a paragraph split or merged); nor one a pair next to it has
    as a difference of its own (`spare()`: what their sources hold beyond their translations,
    what their translations hold beyond their sources; read only where this pair differs:
    kit.spare)."""
    diffs = number_differences(r, t, r_fmt, t_fmt)
    if not diffs:
        return diffs
    r_spare, t_spare = spare() if spare is not None else (Counter(), Counter())
    if not (r_near or t_near or r_spare or t_spare):
        return diffs
    missing, extra = [w for w, _ in diffs if w and w not in t_spare], [g for _, g in diffs if g and g not in r_spare]
    if t_near:
        still = {w for w, _ in number_differences(r, _joined(t, t_near, t_fmt), r_fmt, t_fmt)}
        missing = [w for w in missing if w in still]
    if r_near:
        still = {g for _, g in number_differences(_joined(r, r_near, r_fmt), t, r_fmt, t_fmt)}
        extra = [g for g in extra if g in still]
    return paired(missing, extra)


def _joined(unit, near: list, fmt: NumberFormat | None):
    """One unit of `unit` and its neighbours, for comparing values only (its block is `unit`'s).
    A neighbour item whose number a month's name follows is read with it: `17. september 2021 …`
    after `18. juni 2021 …`, two paragraphs Markdown made one list, keeps its day (a list's own
    numbers, `12. Opsjoner`, stay markers)."""
    numbers, readings = Counter(unit.numbers), dict(unit.readings)
    for u in near:
        numbers.update(u.numbers)
        readings.update(u.readings)
    return replace(unit, numbers=numbers, readings=readings,
                   text="\n".join([unit.text, *(_dated_item(u, fmt) for u in near)]))


def _dated_item(unit, fmt: NumberFormat | None) -> str:
    """A unit's text, with its list number before it where the text opens with a month's name
    in the language (CLDR's, through month_day): the number is a day that became a marker."""
    number, first = _number(unit), unit.text.split(maxsplit=1)[:1]
    if number and first and fmt is not None and names_month(first[0], _code(fmt)):
        return f"{number}. {unit.text}"
    return unit.text
