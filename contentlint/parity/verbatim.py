"""Digits a translation copies character for character: the same text is the same numbers.

A phone number `+46 8 123 456 70`, an account number or a reference written in groups of digits
parted by blanks is copied as it is. Read by each side's conventions it may give other values:
French, Swedish or Russian group thousands with a blank, so `8 123 456` is one number there and
three in English. A run both sides write alike is read the source's way on both. A run changed in
any digit is no copy: it is read each side's way, and told."""

from __future__ import annotations

import re
from collections import Counter

from contentlint.language.numbering import NumberFormat
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.significance import significant

# two or more groups of digits parted by one blank each, not inside a longer number
RUN = re.compile(r"(?<![\d.,])\d+(?:[ \u00a0\u202f]\d+)+(?![\d]|[.,]\d)")


def copied(r, t, r_fmt: NumberFormat, t_fmt: NumberFormat, missing: list, extra: list) -> tuple[list, list]:
    """The values the source (`r`) has and the translation (`t`) has not at all, and the
    reverse, with the translation's copies of the source's runs read the source's way."""
    fixed = _fixed(r.text, t.text, r_fmt, t_fmt, t.numbers)
    if fixed is None:
        return missing, extra
    return ([v for v in (r.numbers - fixed).elements() if v not in fixed],
            [v for v in (fixed - r.numbers).elements() if v not in r.numbers])


def _fixed(r_text: str, t_text: str, r_fmt: NumberFormat, t_fmt: NumberFormat, t_numbers: Counter) -> Counter | None:
    """The translation's significant numbers with its runs that the source writes alike read the
    source's way, or None where that changes nothing. The source's run may go on with another
    number (`+46 8 123 456 70 24 hours`): the translation's run is looked for in its text."""
    fixed, changed = Counter(t_numbers), False
    for run in {m.group() for m in RUN.finditer(t_text)}:
        copies = min(t_text.count(run), len(re.findall(rf"(?<![\d.,]){re.escape(run)}(?![\d]|[.,]\d)", r_text)))
        if not copies:
            continue  # the usual run: the source writes it otherwise, and each side reads its own
        ours, theirs = _values(run, r_fmt), _values(run, t_fmt)
        if ours != theirs:
            fixed.subtract({v: n * copies for v, n in theirs.items()})
            fixed.update({v: n * copies for v, n in ours.items()})
            changed = True
    return +fixed if changed else None


def _values(run: str, fmt: NumberFormat) -> Counter:
    return Counter(value for value, *_ in iter_numbers(run, fmt) if significant(value))
