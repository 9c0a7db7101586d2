"""A translation's changed values paired with the source's: which found value stands for which
expected one (the same significant digits, a scale word lost, digits transposed), and what is
only missing or extra."""

from __future__ import annotations

from decimal import Decimal


def paired(missing: list, extra: list) -> list[tuple[str | None, str | None]]:
    """(expected, found) in order: a changed value, then what is only missing or extra. A
    found value with an expected one's digits is that one changed (`300` for `300000000`: a
    scale word lost; `21.55%` for `-21.55%`), whatever stands between them in the text; so is
    one with its digits transposed (`7,900億` for `$709 billion`)."""
    pairs, missing, extra, order = [], list(missing), list(extra), list(missing)
    together = any(isinstance(v, str) and " " in v for v in missing + extra)  # a run-together pair: in order
    for e in [e for e in extra if not together and digits_of(e)]:
        if e not in extra:
            continue  # a scale word `_drop_scale` took for a changed value's part
        same = [m for m in missing if digits_of(m) == digits_of(e)] or [m for m in missing if _transposed(m, e)]
        m = min(same, key=lambda m: _apart(e, m)) if same else None  # `1500` is `150`'s, not `15`'s
        if m is not None:
            pairs.append((m, e))
            missing.remove(m)
            extra.remove(e)
            _drop_scale(m, e, extra)
    pairs.sort(key=lambda pair: order.index(pair[0]))  # in the source's order, as before
    return pairs + [(missing[k] if k < len(missing) else None, extra[k] if k < len(extra) else None)
                    for k in range(max(len(missing), len(extra)))]


def _drop_scale(want: str, got: str, extra: list) -> None:
    """A scale word that machine translation moved away from its number (`200ドル … 100万` for
    `$200 million`) reads as a number of its own: the changed value's part, not another extra.
    Only the values are known here: an extra value of exactly that power of ten in digits
    (`1,000,000人`) is taken for it too — rare, and the changed value is still reported."""
    if "%" in want + got or float(got) == 0:
        return
    ratio = abs(Decimal(want) / Decimal(got))
    scale = format(ratio.normalize(), "f")
    if ratio >= 1000 and scale.rstrip("0") == "1" and scale in extra:  # a power of ten: a scale word
        extra.remove(scale)


def lost_scale(want, got) -> bool:
    """Whether `got` is `want` without a scale word (`13.9` for `13900000000000`): the same
    digits, a thousand times smaller or more, and under a thousand (`13.9 Milliarden` for
    `$13.9 trillion` changed the word: the source may be the one wrong)."""
    d = digits_of(want)
    return d is not None and d == digits_of(got) and "%" not in want + got and _apart(want, got) >= 3 \
        and abs(float(got)) < min(1000, abs(float(want)))


def _apart(a: str, b: str) -> int:
    """How many places of ten two values of the same digits lie apart."""
    def place(v: str) -> int:
        whole, _, part = v.lstrip("-").rstrip("%").partition(".")
        return len(whole.lstrip("0")) or -(len(part) - len(part.lstrip("0")))
    return abs(place(a) - place(b))


def digits_of(value) -> str | None:
    """A number's significant digits (`300000000`, `300`, `3%`, `0.3`: `3`); None for another value."""
    if not isinstance(value, str):
        return None
    core = value.lstrip("-").rstrip("%")
    if not core.replace(".", "", 1).isdigit():
        return None
    return core.replace(".", "").strip("0") or "0"


def _transposed(a: str, b: str) -> bool:
    """Two whole numbers of as many digits, the same digits in another order (`790` for `709`)."""
    return a.isdigit() and b.isdigit() and len(a) == len(b) and a != b and sorted(a) == sorted(b)
