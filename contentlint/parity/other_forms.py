"""A value one side writes in another form than the other's digits: a year counted from another
era (Thai `2566` for 2023), a minus said in words (`מינוס 18`, `18 درجة تحت الصفر` for `-18`),
hours and minutes for a fraction of hours (`4 h 30` for `4½ hours`), a whole number and a
fraction joined by a word (`1と3/4` for `1¾`)."""

from __future__ import annotations

import re
from decimal import Decimal

from contentlint.language.numbering import NEUTRAL, NumberFormat
from contentlint.parity.numbers import DIGITS, iter_numbers
from contentlint.parity.signs import spaced
from contentlint.parity.spelt import starts_word


def era_year(year: str, other: str, fmt: NumberFormat | None) -> bool:
    """Whether `other` is the Gregorian `year` as the other side's language may count it from
    another era (profile `era_offsets`: Thai `2566` for 2023, the Buddhist era)."""
    return bool(fmt and fmt.era_offsets) and year.isdigit() and other.isdigit() \
        and 1000 <= int(year) <= 2999 and int(other) - int(year) in fmt.era_offsets


def negated(signed: str, plain: str, unit, fmt: NumberFormat | None) -> bool:
    """Whether `unit` writes `plain` with a word that makes it `signed` (`-18`), profile
    `negative_words`: right before it (`מינוס 18`, with a proclitic joined: `במינוס 18`), or
    after it and its unit's words with no number or clause mark between, not opening the next
    number (`18 درجة مئوية تحت الصفر`, below zero; not `18 °C … bei minus 12`)."""
    if signed != "-" + plain or not (fmt and fmt.negative_words):
        return False
    text = unit.text
    for value, a, b, _ in iter_numbers(text, fmt):
        if value != plain:
            continue  # each side folded apart: folding may change a text's length (`ß`)
        before, after = text[max(0, a - 16):a].casefold().rstrip(" \u00a0"), text[b:b + 32].casefold()
        if any(before.endswith(w) and _whole(before, len(before) - len(w), len(before), fmt.proclitics)
               for w in fmt.negative_words):
            return True
        stop = AFTER_STOP.search(after)
        end = stop.start() if stop else len(after)
        for w in fmt.negative_words:
            at = after.find(w, 0, end)
            if 0 <= at and at + len(w) <= end and _whole(after, at, at + len(w)) \
                    and not NEXT_NUMBER.match(text[b:].casefold(), at + len(w)):  # read past the window's end
                return True
    return False


AFTER_STOP = re.compile(r"[0-9.,;:!?()\[\]。，、；：！？।؛،]")  # another number, or a clause's end
NEXT_NUMBER = re.compile(r"[ \u00a0]*[0-9]")  # the word opens the next number: its minus, not this one's


def _whole(text: str, at: int, end: int, proclitics: tuple = ()) -> bool:
    """Whether `text[at:end]` is a whole word where its script spaces words (Dutch `min`, not
    `minder`), a proclitic of the language joined before it or not (Hebrew `במינוס`)."""
    return starts_word(text, at, text[at:at + 1], proclitics) and not (
        spaced(text[at:at + 1]) and end < len(text) and text[end].isalpha())


HOURS_MINUTES = re.compile(r"(?<![\w.,])([0-9]{1,2})[ \u00a0\u202f]?h[ \u00a0\u202f]?([0-5][0-9])(?!\w|[.,][0-9])")


def in_hours(value: str, text: str) -> str | None:
    """The minutes of `text`'s `4 h 30` (the hour's symbol between: French, Scandinavian
    usage) where its hours and minutes make `value` (4.5), or None."""
    if "h" not in text or not value.replace(".", "", 1).isdigit() or "." not in value:
        return None
    for m in HOURS_MINUTES.finditer(text):
        if Decimal(m.group(1)) + Decimal(m.group(2)) / 60 == Decimal(value):
            return str(int(m.group(2)))
    return None


# a whole number, a joining word of two letters at most (`と`, `又`, `y`), a fraction (`1と3/4`)
AND_FRACTION = re.compile(r"(?<![0-9.,/])([0-9]{1,3})[ \u00a0]?[^\W\d_]{1,2}[ \u00a0]?([1-9])/([2-9]|1[0-6])(?![0-9/])")


def in_hours_or_parts(value: str, text: str) -> bool:
    """Whether `text` says `value` (a number with a fraction) as hours and minutes or as a whole
    number and a fraction joined by a word."""
    if not value.replace(".", "", 1).isdigit() or "." not in value:
        return False
    return in_hours(value, text) is not None or any(
        Decimal(m.group(1)) + Decimal(m.group(2)) / Decimal(m.group(3)) == Decimal(value)
        for m in AND_FRACTION.finditer(text))


# a number standing on its own (not in a date, a code or a longer number), and a time's hour
NOT_AFTER, NOT_BEFORE, HOUR = r"(?<![0-9.,:/-])", r"(?![0-9]|[.,:/-][0-9])", r"([01]?[0-9]|2[0-4])"
# a time of day: an hour and two digits of minutes after a colon or a dot
CLOCK = re.compile(NOT_AFTER + HOUR + r"[:.]([0-5][0-9])" + NOT_BEFORE)


def twelve_hours(want: str, got: str, r_text: str, t_text: str, fmt: NumberFormat | None) -> bool:
    """Whether the hours `want` and `got` of two times with the same minutes lie twelve apart,
    the translation's on the 12-hour clock that CLDR gives its language (Hindi `रात 11:59 बजे`,
    its word for the time of day before it, for `23:59`; not German `10:30 Uhr` for `22:30`)."""
    if not (want.isdigit() and got.isdigit()) or abs(int(want) - int(got)) != 12 \
            or fmt is None or not fmt.twelve_hours:
        return False
    minutes = {m.group(2) for m in CLOCK.finditer(r_text.translate(DIGITS)) if int(m.group(1)) == int(want)}
    return any(m.group(2) in minutes and int(m.group(1)) == int(got) for m in CLOCK.finditer(t_text.translate(DIGITS)))


DASHES = ("\u2013", "\u2014")


def dashed(missing: list, extra: list, r, t, fmt: NumberFormat | None) -> tuple[list, list]:
    """`missing` and `extra` less the source's number after a spaced hyphen (`Ivory Coast - 60%`,
    a minus or a dash: -60% or 60%) that the translation writes after a spaced en or em dash
    (Russian `Кот-д’Ивуар — 60%`): the hyphen was a dash."""
    if not any(dash in t.text for dash in DASHES):
        return missing, extra
    after = {v for v, start, _, _ in iter_numbers(t.text, fmt or NEUTRAL)
             if t.text[start - 1 : start].isspace() and t.text[:start].rstrip(" \u00a0\u202f").endswith(DASHES)}
    gone = [m for m in missing if m == "-" + str(r.readings.get(m)) and r.readings[m] in after]
    if not gone:
        return missing, extra
    return [m for m in missing if m not in gone], [e for e in extra if e not in {r.readings[m] for m in gone}]


# a sum under one with its currency's sign or code, before or after it (`$0.60`, `US$ 0,27`, `0,27 $`)
CURRENCY = r"(?:[$€£¥₹₩]|(?<![^\W\d_])[A-Z]{3}(?![^\W\d_]))"
UNDER_ONE = re.compile(rf"{CURRENCY}[ \u00a0\u202f]?0[.,]([0-9]{{2}})(?![0-9]|[.,][0-9])"
                       rf"|(?<![0-9.,])0[.,]([0-9]{{2}})[ \u00a0\u202f]?{CURRENCY}")


def in_cents(sum_: str, cents: str, text: str, other: str, fmt: NumberFormat | None) -> bool:
    """Whether `cents` is the other side's count of the cents of `sum_`, which `text` writes
    under one with its currency (`$0.60`), and `other` with a word for cents right after it
    (profile `cent_words`: `60 cents`, Bengali `৬০ সেন্ট`; not `27美元`, 27 dollars)."""
    if not (fmt and fmt.cent_words and cents.isdigit() and sum_.startswith("0.") and sum_[2:].isdigit()) \
            or Decimal(sum_) * 100 != Decimal(cents):
        return False
    # a whole word where the script sets spaces (`cent` is no `centimètres`); Han, kana, Hangul run on
    words = "|".join(re.escape(w) + (r"(?![^\W\d_])" if spaced(w[-1]) else "") for w in fmt.cent_words)
    said = rf"(?<![0-9.,]){cents}[ \u00a0\u202f]?(?:{words})"
    return bool(re.search(said, other.translate(DIGITS), re.IGNORECASE)) and any(
        int(m.group(1) or m.group(2)) == int(cents) for m in UNDER_ONE.finditer(text.translate(DIGITS)))
