"""Numbers one side writes apart and the other runs together (`$200,000 41` as
`$200,00041`; `529` as `52 9`; Hindi `1 9 74` for 1974): one defect, a space lost or added between digits, reported
once and named so, not as a changed number and a missing one."""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.language.numbering import NEUTRAL, NumberFormat
from contentlint.parity.numbers import DIGITS, iter_numbers
from contentlint.parity.significance import significant

DIGIT_RUN = re.compile(r"[0-9](?:[0-9.,\u00a0\u202f]*[0-9])?")  # digits and the marks inside a number
# where a language groups with a blank, a plain space before three digits too (French `11 324`)
SPACED_RUN = re.compile(r"[0-9](?:[0-9.,\u00a0\u202f]*[0-9])?(?: [0-9]{3}(?![0-9]))*")


# what may part a number's pieces: blanks, a comma, the ideographic and full-width commas, and
# the ideographic full stop a CJK translation puts for a decimal point (`78。99`; the full-width
# full stop between digits is a decimal point, numbers.DIGITS)
APART = ("", ",", "\u3001", "\uff0c", "\u3002")
# A run a no-break space parts was read as one number because that space groups digits in every
# language (number_reader), but the reader sees it parted: `iPhone 15\u00a0128 Go` for `iPhone 15
# 128 GB` is two numbers kept, nothing run together (DIGIT_RUN's runs hold no other blank)
BLANKS = "\u00a0\u202f"


def joins(spaced: str, glued: str, fmt_s: NumberFormat, fmt_g: NumberFormat) -> list[tuple[set, set, str, str, bool]]:
    """For two to four numbers of `spaced` that only blanks (or a comma) part and whose digits `glued` writes
    as one run (`$200,000 41`, Hindi `1 9 74` for 1974): (their values, the run's values, their
    values written `a b`, the run's value, whether no-break spaces part the run where the numbers
    end: `_parted`). Longer runs first; a number joins one run at most."""
    found = _numbers(spaced, fmt_s)
    if len(found) < 2:
        return []
    s, g = spaced.translate(DIGITS), glued.translate(DIGITS)
    runs = {re.sub("[^0-9]", "", m.group()): m.span() for m in (SPACED_RUN if fmt_g.space_groups else DIGIT_RUN).finditer(g)}
    numbers = _numbers(glued, fmt_g)
    out, used = [], set()
    for k in (4, 3, 2):
        for first in range(len(found) - k + 1):
            window = found[first : first + k]
            # blanks between them, or a comma (`Jan. 31, 2020`: `31.2020`; `4、000`)
            if used & set(range(first, first + k)) or any(
                    b[1] <= a[2] or s[a[2] : b[1]].strip() not in APART for a, b in zip(window, window[1:])):
                continue
            digits = re.sub("[^0-9]", "", "".join(s[x[1] : x[2]] for x in window))
            span = runs.get(digits)
            inside = [x for x in numbers if span and span[0] <= x[1] and x[2] <= span[1]]
            if inside:
                used |= set(range(first, first + k))
                values = {v for x in inside for v in (x[0], x[3]) if v}
                # the run's reading that is the pieces' digits (`$11,324` in Spanish: 11324, not 11.324)
                value = digits.lstrip("0") if digits.lstrip("0") in values else inside[0][0]
                out.append(({v for x in window for v in (x[0], x[3]) if v}, values,
                            " ".join(_written(spaced, x) for x in window), value,
                            _parted(g[span[0] : span[1]], [s[x[1] : x[2]] for x in window])))
    return out


def zeros_kept(value: str, written: str) -> str:
    """A decimal run's value with the zeros it ends with as `written` has them (`24.2020` for
    `December 24, 2020`, not `24.202`): the value the message names keeps the text's digits."""
    whole, digits = value.replace(".", ""), re.sub("[^0-9]", "", written.translate(DIGITS))
    if "." not in value or not digits.startswith(whole) or digits[len(whole):].strip("0"):
        return value
    return value + digits[len(whole):]


def _parted(run: str, pieces: list[str]) -> bool:
    """Whether no-break spaces part `run` right where the other side's `pieces` end (`15\u00a0128`
    for `15` and `128`; not `151\u00a028`): digits grouped so read as one number, kept apart."""
    parts = [re.sub("[^0-9]", "", p) for p in re.split(f"[{BLANKS}]", run)]
    return len(parts) > 1 and parts == [re.sub("[^0-9]", "", p) for p in pieces]


def _written(text: str, number: tuple) -> str:
    """A piece's value, or its digits where it has leading zeros (`000` of `250, 000`, not `0`)."""
    digits = text[number[1] : number[2]].translate(DIGITS)
    return digits if digits[:1] == "0" and digits.isdigit() else number[0]


@lru_cache(maxsize=512)  # a group's units are read together; a larger cache held 5 MB a worker
def _numbers(text: str, fmt: NumberFormat) -> tuple:
    """iter_numbers of a unit's text, read once: a source's unit is compared with each of its
    translations, both ways (a tenth of a cold run's number work, read again and again)."""
    return tuple(iter_numbers(text, fmt))


def run_together(r, t, r_fmt: NumberFormat | None, t_fmt: NumberFormat | None,
                 missing: list, extra: list) -> list[tuple[str, str]]:
    """(expected, found) pairs for numbers run together or split, each taken out of `missing`
    and `extra` (in place): the source's `a b` written as one number (`200000 41`, `200.00041`),
    or the source's number written as two (`529`, `52 9`). Pieces all below ten are none of
    `missing` or `extra` (significance.py): a whole they make is enough (`4、000` for `4,000`).
    Each join takes one copy of its values: a second `4,000` the translation changed is still
    a difference."""
    out = []
    r_fmt, t_fmt = r_fmt or NEUTRAL, t_fmt or NEUTRAL
    for apart, together, written, value, blank in joins(r.text, t.text, r_fmt, t_fmt):
        if _pieces(apart, missing, t.text, t_fmt) and together & set(extra):
            _take(missing, apart)
            _take(extra, together)
            out += [] if blank else [(written, value)]
    for apart, together, written, value, blank in joins(t.text, r.text, t_fmt, r_fmt):
        if together & set(missing) and _pieces(apart, extra, r.text, r_fmt):
            _take(missing, together)
            _take(extra, apart)
            out += [] if blank else [(value, written)]
    return out


def _pieces(apart: set, differing: list, other: str, fmt: NumberFormat) -> bool:
    """Whether the pieces of a split number are among the side's differences, or all too small
    to be counted, and not all numbers the other side writes too (`Steps 1, 2 and 3` in both
    is a list, not a split `12`)."""
    if apart & set(differing):
        return True
    return not any(significant(v) for v in apart) and not apart <= {x[0] for x in _numbers(other, fmt)}


def _take(values: list, taken: set) -> None:
    """One copy of each of `taken` out of `values` (in place)."""
    for v in taken:
        if v in values:
            values.remove(v)
