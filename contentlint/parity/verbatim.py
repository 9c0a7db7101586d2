"""Digits a translation copies character for character: the same text is the same numbers.

A phone number `+46 8 123 456 70`, an account number or a reference written in groups of digits
parted by blanks is copied as it is. Read by each side's conventions it may give other values:
French, Swedish or Russian group thousands with a blank, so `8 123 456` is one number there and
three in English. A run both sides write alike is read the source's way on both, and so is a
run of the same shape (a phone number with one digit changed): only the changed digits are told."""

from __future__ import annotations

import re
from collections import Counter

from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.significance import significant

# two or more groups of digits parted by one blank each, not inside a longer number
RUN = re.compile(r"(?<![\d.,])\d+(?:[ \u00a0\u202f]\d+)+(?![\d]|[.,]\d)")
BLANK = re.compile("[ \u00a0\u202f]")


def copied(r, t, r_fmt: NumberFormat, t_fmt: NumberFormat, missing: list, extra: list) -> tuple[list, list]:
    """The values the source (`r`) has and the translation (`t`) has not at all, and the
    reverse, with the translation's copies of the source's runs read the source's way."""
    fixed = _fixed(r.text, t.text, r_fmt, t_fmt, t.numbers)
    if fixed is None:
        return missing, extra
    return ([v for v in (r.numbers - fixed).elements() if v not in fixed],
            [v for v in (fixed - r.numbers).elements() if v not in r.numbers])


def _fixed(r_text: str, t_text: str, r_fmt: NumberFormat, t_fmt: NumberFormat, t_numbers: Counter) -> Counter | None:
    """The translation's significant numbers with its copies of the source's runs read the
    source's way, or None where that changes nothing. A run is a copy if both sides write it
    alike, or if it has the shape of one of the source's (the same groups of digits) and cannot
    be one grouped number (`+46 70 555 01 24`, one digit changed, is still a phone number)."""
    t_runs = [m.group() for m in RUN.finditer(t_text)]
    if not t_runs:
        return None
    r_runs = {m.group() for m in RUN.finditer(r_text)}
    shapes = {_shape(run) for run in r_runs if _odd(run)}
    fixed, changed = Counter(t_numbers), False
    for run in t_runs:
        if run in r_runs or _odd(run) and _shape(run) in shapes:
            ours, theirs = _values(run, r_fmt), _values(run, t_fmt)
            if ours != theirs:
                fixed.subtract(theirs)
                fixed.update(ours)
                changed = True
    return +fixed if changed else None


def _shape(run: str) -> tuple[int, ...]:
    return tuple(len(g) for g in BLANK.split(run))


def _odd(run: str) -> bool:
    """Whether a run has three groups or more and cannot be one number grouped by thousands."""
    groups = BLANK.split(run)
    return len(groups) >= 3 and any(len(g) != 3 for g in groups[1:])


def _values(run: str, fmt: NumberFormat) -> Counter:
    return Counter(value for value, *_ in iter_numbers(run, fmt) if significant(value))
