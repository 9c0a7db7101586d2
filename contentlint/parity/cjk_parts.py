"""A CJK number written in parts is one number: each part a digit run and its units, read in
descending order (`1조 4,000억`, `10조 6천억`). Within one myriad group the parts below ten thousand
take the group's myriad, written after the last of them only (`2억 9천 5백만`: 2 × 10⁸ + (9 × 1000
+ 5 × 100) × 10⁴, 295,000,000; `9千5百万`, 95,000,000) — how Korean, Chinese and Japanese
group digits by ten thousands (CLDR's `10000` patterns: 만, 万, 萬)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from contentlint.language.cldr_words import duration_words
from contentlint.parity.number_reader import RANGE, connected

MYRIAD = 10_000


def myriad_of(scale: int) -> int:
    """The power of ten thousand in a scale (`백만`, 100 × 만: 10⁴; `천`: 1)."""
    found = 1
    while scale >= found * MYRIAD:
        found *= MYRIAD
    return found


def continued(text: str, m: re.Match, matches: list, i: int, reader, value: Decimal, scale: int,
              read: Callable[[re.Match, int], Decimal], ranged: bool = True) -> tuple[Decimal, re.Match, int, int]:
    """The number `m` begins (its value and scale) with the parts after it that continue it:
    (value, the last part's match, its scale, the index after it). `read(part, scale)`: a
    part's value. `ranged`: a range's first end may take the second's myriad."""
    n, bound = m, myriad_of(scale)
    pending = value if scale < MYRIAD else Decimal(0)  # the open group's parts below its myriad
    while i < len(matches) and _adjacent(text, n, part := matches[i], scale, reader):
        if not part.group("word"):  # the units after the ten thousands: `1万2,000`, `1만 2,000`
            value, n, scale, i = value + read(part, 1), part, 1, i + 1
            break
        kind, next_scale = reader.word(part.group("word"))
        if kind != "scale" or part.group("word")[-1] not in reader.fmt.numerals:
            break
        group = myriad_of(next_scale)
        if next_scale < scale:  # a smaller part: `1조 4,000억`, `2억 9천`
            add = read(part, next_scale)
            value, pending = value + add, (pending + add if next_scale < MYRIAD else Decimal(0))
        elif scale < MYRIAD <= next_scale and next_scale // group < scale and (bound == 1 or group < bound):
            # the group's myriad after its last part: `9천 5백만`, the 9천 is 9천만
            value, pending = value + pending * (group - 1) + read(part, next_scale), Decimal(0)
        else:
            break
        bound = group if group > 1 else bound
        n, scale, i = part, next_scale, i + 1
    if ranged and n is m and scale < MYRIAD:  # `9천~9천 5백만`, `3천~5천만`: a range's first end, in the second's group
        value *= _range_myriad(text, m, matches, i, reader, value, scale, read)
    return value, n, scale, i


def _range_myriad(text: str, m: re.Match, matches: list, i: int, reader, value: Decimal, scale: int,
                  read: Callable[[re.Match, int], Decimal]) -> int:
    """The myriad that closes a range's second end (`9천 5백만`: 10⁴) when the first end, a part
    below ten thousand, is written as the second's first part (`9천~9천 5백만`, `3천~5천만`: thirty to
    fifty million) and so stays below it: the first end leaves the myriad to the second, as `12
    to 18 million`. 1 else (`9천~3천만`: nine thousand to thirty million)."""
    if i >= len(matches) or not (word := matches[i].group("word")) or word[-1] not in reader.fmt.numerals:
        return 1
    between = text[m.end():matches[i].start()]
    if not (between.strip() and between.strip() in RANGE and len(between) <= 3
            or connected(text, m, matches[i], reader.fmt.connectors)):  # `至`, `から`, `에서`
        return 1
    kind, first = reader.word(word)
    if kind != "scale" or first // myriad_of(first) != scale:
        return 1
    end, _, last, _ = continued(text, matches[i], matches, i + 1, reader, read(matches[i], first), first, read, False)
    group = myriad_of(last)
    return group if group > 1 and value * group < end else 1


def _adjacent(text: str, m: re.Match, n: re.Match, scale: int, reader) -> bool:
    """`n` a part right after `m` (a blank at most between), no percent: with a unit word, or
    after ten thousands (`만`, `万`: the scale Korean, Japanese and Chinese write units after)
    the units themselves, three or four digits glued to it (`1万2000`, `97만800`: 970,800) or
    after a blank, as Korean spacing puts one (`4만 7900명`), or grouped as thousands (`1만
    2,000`): a number with a date's or a year's word after it is another (`100만 2020년에`,
    `100만2020년`), so is a shorter one after a space (`3万 2`), and fewer digits glued are no
    units written so (`1万2` is colloquial for 12,000, `1万2時間`)."""
    if n.group("pct") or n.start() - m.end() > 1 or text[m.end():n.start()].strip():
        return False
    if n.group("word"):
        return True
    num = n.group("num") or ""
    grouped = len(num) == 5 and num[1] == "," and num.replace(",", "", 1).isdigit()  # `2,000`
    return scale == MYRIAD and not n.group("date") and not n.group("ord") and num[:1] not in ("0", "") \
        and (grouped or len(num) in (3, 4) and num.isdigit() and not _dated(text, n, reader))


def _year_words(code: str) -> tuple[str, ...]:
    """CLDR's words for one year and several in language `code` (`년`, `年`)."""
    _, _, one, many = duration_words(code) if code else ((), (), (), ())  # a run with no language: none
    return tuple(one) + tuple(many)


def _dated(text: str, n: re.Match, reader) -> bool:
    """Whether a date's or a year's word follows `n`'s digits (`2020년`, `7월`, `2020年`)."""
    after = text[n.end():n.end() + 2]
    return after.startswith(tuple(reader.fmt.date_suffixes) + _year_words(reader.fmt.language))
