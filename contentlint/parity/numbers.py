"""Numbers as values, whatever the locale wrote: `1,000.5`, `1 000,5`, `1.000,5`, `१२`, `١٢`,
`1,3 Millionen`, `5백만`, `21,55 %`, `%21,55`, `−4`. Dates (`20.7.2016`, `12月`) and ordinals
(`21st`) are not quantities: they are left out, and read apart (`parts=True`) so that the
rule may still match them with a plain number of the other language (`183rd` and `183.`)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from contentlint.language.numbering import NEUTRAL, NumberFormat
from contentlint.parity.signs import BLANKS, spaced, clock_time, decade as _decade, decade_parts as _decade_parts, decade_plural as _plural, entity_code as _entity_code, minus_before as _minus_before
from contentlint.parity.signs import date_part as _date_part, fold as _fold, fraction as _fraction, hour as _hour, unescape as _unescape, wordlike, year_end as _year_end, year_like as _year_like, day_month, clock
from contentlint.parity.cjk_parts import continued
from contentlint.parity.scale_parts import summed, unit_symbol as _unit_symbol
from contentlint.parity.name_digits import NAME_DIGITS, name_before, named as _named
from contentlint.parity.number_reader import PERCENT, RANGE, Reader as _Reader, reader as _reader, spaced as _spaced, suspended, connected, sentence_end

# Every decimal digit of the scripts in use -> ASCII; the Arabic decimal and thousands marks too.
DIGITS = {c: str(unicodedata.decimal(chr(c))) for r in (range(0x660, 0x66A), range(0x6F0, 0x6FA),
          range(0x966, 0x970), range(0x9E6, 0x9F0), range(0xFF10, 0xFF1A)) for c in r}
DIGITS.update({0x66B: ".", 0x66C: ",", 0x60C: ",", 0xFF0E: ".",  # `،` between digits groups them; `７８．９９`
               0x200E: " ", 0x200F: " ", 0x61C: " "})  # bidi marks before a sign (`\u200e−1.2%`) are blanks
OTHER_DIGITS = re.compile("[" + "".join(chr(c) for c in sorted(DIGITS)) + "]")  # translate only when needed
ANY_DIGIT = re.compile("[0-9" + "".join(chr(c) for c in sorted(DIGITS) if chr(c).isdigit()) + "]")
DIGIT = re.compile("[0-9]")


def _no_quantity(text: str, m: re.Match, num: str | None, hashes: bool) -> bool:
    """`&amp;#39;`, `＆＃39;`: a character's code in a mangled entity; `base64`, `sha256`, `x86`,
    `COVID-19`: the digits of a name (`Form1040` for `Form 1040`: number parity pairs it by `glued`)."""
    if hashes and num and _entity_code(text, m.start("num")) or NAME_DIGITS.match(text, m.start()):
        return True
    return bool(num) and not (m.group("pct") or m.group("word")) and _named(text, m.start())  # not `Top-20%-Leser`


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _readings(token: str, decimal: str) -> tuple[Decimal, Decimal | None]:
    """The value of a token, and another reading when the token is ambiguous."""
    seps = [c for c in token if c in ".,"]
    groups = re.split(r"[.,]", token)
    if not seps:
        return Decimal(token), None
    if len(set(seps)) == 1 and len(seps) > 1:
        return Decimal("".join(groups)), None  # `1,00,000`, `1.000.000`: only grouping
    head, tail = "".join(groups[:-1]), groups[-1]
    if not head:
        return Decimal(f"0.{tail}"), None  # `.025`: a mark with nothing before it groups nothing
    as_decimal, as_grouped = Decimal(f"{head}.{tail}"), Decimal(head + tail)
    if len(set(seps)) > 1:
        return as_decimal, None  # `1.000,5`: the last mark is the decimal one
    if len(tail) != 3:
        return as_decimal, None
    # One mark before exactly three digits: grouping unless it is the language's decimal mark;
    # machine translation mixes conventions (`12.950` for 12,950), so the other reading counts too.
    return (as_grouped, as_decimal) if seps[0] != decimal else (as_decimal, as_grouped)


@lru_cache(maxsize=1 << 16)
def _values(token: str, decimal: str, factor: int) -> tuple[str, str | None]:
    """Canonical value and other reading of a token: Decimal arithmetic is slow, and the same
    numbers (years, percentages) recur throughout a corpus."""
    value, other = _readings(token, decimal)
    return _canonical(value * factor), (_canonical(other * factor) if other is not None else None)


@lru_cache(maxsize=4096)
def iter_numbers(text: str, fmt: NumberFormat = NEUTRAL, parts: bool = False) -> tuple:
    """(value, start, end, other reading or None) for each quantity of `text`, as canonical strings
    (`"1000.5"`, `"-21.55%"`): a scale word after a number multiplies it (`12 million`, `1170万`, `5백만`,
    `1조 4,000억`); a percent sign or word makes it a percentage; a minus sign before it makes it
    negative; ranges give both ends. Dates and ordinals are left out: `parts=True` gives them (`21st`: 21).
    Read once: parity asks for a unit's numbers from several places (a tuple, never changed)."""
    return tuple(_numbers(text, fmt, parts))


def _numbers(text: str, fmt: NumberFormat, parts: bool):
    first = ANY_DIGIT.search(text)
    if first is None:
        return  # most blocks: one scan
    ascii_digits = first.group().isascii() and not OTHER_DIGITS.search(text, max(0, first.start() - 2))
    text = _unescape(text if ascii_digits else text.translate(DIGITS))  # one character for one: offsets stay
    reader = _reader(fmt)
    matches = _scan(text, max(0, first.start() - 1), reader.pattern)
    hashes = "#" in text or "＃" in text  # a mangled entity's code may be among them
    last = date_end = -1  # where the previous number (its suffix included) and date part end
    prefixed, i = None, 0  # the last number a percent word before it made a percentage (`yüzde 70`)
    while i < len(matches):
        m, i = matches[i], i + 1
        date, num, pct, word, ordinal = m.group("date", "num", "pct", "word", "ord")
        if (hashes or m.start() and name_before(text[m.start() - 1])) and _no_quantity(text, m, num, hashes):
            last = m.end()
            continue
        if ordinal == "." and (sentence_end(text, m, fmt) or reader.percent_before(text, m.start(), last) >= 0):
            ordinal = None  # `im Jahr 2011. Die …`, `%25. Bazı`, `i trinn på $100. Statspapirer`: no ordinal
        ordinal = ordinal or suspended(text, m, matches, i)  # `1800- og 1900-tallet`: a century too
        kind, factor = reader.word(word) if word and not _unit_symbol(word, m) else ("number", reader.letter_scale(text, m))
        hour = _hour(text, m.end("num"), num, reader.afternoon) if num and not word else None
        timed = clock_time(text, m, matches[i] if i < len(matches) else None) if hour else ()
        i += bool(timed) and "." not in num  # `2:30 p.m.`: its minutes are no quantity (`4.30 p.m.`: in its token)
        decade = not (date or hour or ordinal and not _plural(ordinal, num)) and _decade(text, m, num, fmt.decades)
        apart = not (date or ordinal) and (day_month(m, fmt) or clock(m, fmt) and "clock")  # `(28.10.)`, `klo 8.30`
        if decade or date or apart or ordinal or hour or (kind == "date" and _date_part(text, m, fmt.month_suffixes, date_end)):
            if parts:  # a time of day is no quantity either: `3 p.m.` may stand for `15:00`
                yield from _decade_parts(m, num) if decade else _parts(
                    m, fmt.decimal, (hour, *timed, _year_end(text, m.start()) if ordinal else None), apart, ordinal)
            last = date_end = m.end()
            continue
        if parts:  # a quantity is no part, yet its percent sign is its own (`2,817 % 31. marts`)
            last = m.end()
            continue
        factor = _shared_scale(text, m, matches[i], reader) if factor == 1 and i < len(matches) else factor
        value, other = _values(num if num.isdigit() else num.translate(reader.strip), fmt.decimal, factor)
        start, end, n = m.start(), (m.end("pct") if pct else m.end("num")), m
        if num.isdigit() and not (word or pct) and (half := _fraction(text, start, end, reader.half, reader.half_before)):
            value, other, end = _canonical(Decimal(value) + half[0]), None, half[1]  # `59½`: 59.5
            i = next((k for k in range(i, len(matches)) if matches[k].start() >= end), len(matches))  # `59 1/2`: once
        if kind == "scale":  # `1조 4,000억`, `2억 9천 5백만`, `31 کروڑ 80 لاکھ`: one number
            total, n, factor, i = (continued if word[-1] in fmt.numerals else summed)(text, m, matches, i, reader,
                Decimal(value), factor, lambda part, scale: Decimal(_values(_token(part, reader), fmt.decimal, scale)[0]))
            value, other = (value, other) if total == Decimal(value) else (_canonical(total), None)
        other = _homograph(text, m, word, fmt, reader, other, factor) if n is m else other
        percent, maybe = _percent(text, m, n, matches[i] if i < len(matches) else None, kind, reader)
        if not percent and (p := reader.percent_before(text, start, last)) >= 0:
            start, percent, prefixed = p, True, n
        elif maybe or not percent and (prefixed is not None and (connected(text, prefixed, m, fmt.connectors, True)
                                                                 or _split(text, prefixed, m))
                                       or reader.named_before(text, start, last)):
            other = other or value + "%"  # maybe a percentage; `yüzde 70 veya 80`: the first's word is both's
            prefixed = prefixed and m  # and a list's (`yüzde 50, 60, 70`)
        yield _quantity(text, value, other, start, end, last, percent, factor, m.start())
        last = n.end()


def _homograph(text: str, m: re.Match, word: str | None, fmt: NumberFormat, reader: _Reader, other: str | None, factor: int = 1) -> str | None:
    """The other reading: the bare number after a scale word as often another word there (`1040만`: 1040, or
    10.4 million); of an ambiguous mark (`$1,265만`), the likelier; a letter's English scale (`$5M` copied)."""
    if word and _fold(word) in fmt.homographs:
        return _values(_token(m, reader), fmt.decimal, 1)[0]
    english = 1 if word or other or factor == 1 else reader.letter_scale(text, m, english=True)  # a letter read
    return _values(_token(m, reader), fmt.decimal, english)[0] if english > 1 else other


def _quantity(text: str, value: str, other: str | None, start: int, end: int, last: int, percent: bool,
              factor: int, at: int) -> tuple[str, int, int, str | None]:
    """The number as iter_numbers gives it, with the minus sign before it (after a percent word written
    first: `yüzde -1,83`, the number written at `at`), or as a range of years."""
    year = _year_end(text, start) if other is None and not percent and factor == 1 else None
    sign, unsure = _minus_before(text, start, last) if year is None else (-1, False)
    if sign < 0 and year is None and at > start:  # after a percent word, a hyphen is nothing but a minus
        sign = start if _minus_before(text, at, start)[0] >= 0 else -1
    if year is not None:  # `2007-08`, `2007/08`: the end of a range of years, no minus
        other = year
    elif unsure:  # `top -20%`: machine translation's hyphen as often as a minus
        other = value
    return (_signed(value, sign >= 0, percent), sign if sign >= 0 else start, end,
            _signed(other, sign >= 0 and not unsure, percent) if other is not None else None)


def _shared_scale(text: str, m: re.Match, n: re.Match, reader: _Reader) -> int:
    """`75–700 miljoonaa`, `от 1,2 до 1,5 триллиона`, `12 to 18 million`, `$1 or $2 million`:
    the first end of a range takes the scale word of the second (number_reader.connected)."""
    between, letter = connected(text, m, n, reader.fmt.connectors), n.group("word") or reader.letter_scale(text, n)
    if not between or letter == 1 or _a_percentage(m, reader):
        return 1  # `51.9% 또는 1,740만 표`, `51.9퍼센트 또는 …`: a percentage takes no count's scale
    raw, first = text[m.end():n.start()], m.group("num") or ""
    if wordlike(between) and (_year_like(first) or not _spaced(between[0]) and raw[:1].isspace() != raw[-1:].isspace()):
        return 1  # `2022년 2412만`, `2022年に2412万`, Hindi `2022 में 2412 करोड़`: a year, then a count (no `至`, `から`)
    kind, factor = reader.word(letter) if isinstance(letter, str) else ("scale", letter)  # `1–2 M$`
    if kind != "scale":
        return 1
    decimal = reader.fmt.decimal  # a range goes up: `5 000 et 5 mille` is two numbers
    low, high = _values(_token(m, reader), decimal, 1)[0], _values(_token(n, reader), decimal, 1)[0]
    return factor if Decimal(low) < Decimal(high) else 1


def _parts(m: re.Match, decimal: str, readings: tuple = (), apart: bool = False, ordinal=None):
    """The numbers of a date (`20.7.2016`: 20, 7, 2016; `apart`: a day and month, `28.10.`) or of
    a date part or ordinal (`21st`, its fourth item "ordinal"), and `readings` of it: the hour
    on the 24-hour clock, a range's last year (`2007-08.`)."""
    yield from ((r, m.start(), m.end(), None) for r in readings if r)
    if m.group("date") or apart:
        for part in re.finditer("[0-9]+", m.group("date") or m.group("num")):
            yield str(int(part.group())), m.start() + part.start(), m.start() + part.end(), None
        if apart:  # a source may write its time with a dot too (`at 8.30`); a day and month may be a
            # version ending its sentence (`sechs Monate nach 3.1. Sie …` for `after 3.1. It …`)
            yield _values(m.group("num"), ".", 1)[0], m.start(), m.end("num"), None
    else:
        num = m.group("num")
        kind = "ordinal" if ordinal and str(ordinal).lstrip("'’") != "s" and not readings[0] else None  # not a decade's `s`
        yield _values(num, decimal, 1)[0], m.start(), m.end("num"), kind
        if len(num) == 4 and num.endswith("0") and (m.group("ord") or "")[-1:] == "s":
            yield str(int(num[2:])), m.start(), m.end("num"), None  # `1970s` for `w latach 70.`


def _percent_range(text: str, m: re.Match, n: re.Match, reader: _Reader) -> bool:
    """`0,25–0,75 %`: the first end of a range is a percentage when the second is. With spaces
    around, a dash may be a subtraction (`1000 – 1 %`), and so may one going down (`$1000-1%`)."""
    if n.start() - m.end() != 1 or text[m.end()] not in RANGE or not n.group("num"):
        return False
    if not _a_percentage(n, reader):
        return False
    decimal = reader.fmt.decimal
    return Decimal(_values(_token(m, reader), decimal, 1)[0]) <= Decimal(_values(_token(n, reader), decimal, 1)[0])


def _percent(text: str, m: re.Match, n: re.Match, after: re.Match | None, kind: str,
             reader: _Reader) -> tuple[bool, bool]:
    """(a percentage, maybe one): after a percent sign or word, or first in a range of percentages;
    maybe, in a compound of the percent word (`42 percentage points`, `Prozentpunkte`: points, which
    other languages write plain or with `%`) and before a spaced dash and a percentage (`25 - 18.25%`)."""
    if m.group("pct"):
        return True, False
    if kind == "percent":  # a year before the word may end its clause (`2020 النسبة المئوية للبطالة`); a
        end, num, w = m.end("word"), m.group("num"), _fold(m.group("word"))  # particle runs on (`1.83パーセントから`)
        loose = _year_like(num) or w in reader.cut or w in reader.loose and _complement(text, end, reader.fmt.connectors)
        return (False, True) if text[end:end + 1].isalpha() and spaced(text[end]) or loose else (True, False)
    if kind == "scale" and reader.percent_after(text, n.end("word")):
        return True, False
    if after is not None and _percent_range(text, n, after, reader):
        return True, False
    if after is not None and _percent_after(text, n, after, reader):
        return False, True
    return False, kind == "number" and reader.later is not None and bool(reader.later.match(text, m.end("num")))


NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def _complement(text: str, end: int, function: frozenset) -> bool:
    """A word that is no function word right after a loose percent word: its complement, the
    word a noun of percentage (`100 النسبة المئوية للأسهم`, the percentage of stocks); not a
    clause's end nor a preposition (`25 النسبة المئوية في عام 2025`: 25 percent)."""
    found = NEXT_WORD.match(text, end)
    return bool(found) and _fold(found.group(1)) not in function


def _percent_after(text: str, m: re.Match, n: re.Match, reader: _Reader) -> bool:
    """A spaced dash or a connecting word before a percentage (`25 - 18.25%`, `70 or 80 percent`,
    `70 oder 80 Prozent`): the first may be one too, or not (`1000 – 1 %`, `page 7 of 80%`)."""
    between = text[m.end():n.start()]
    spaced_dash = 0 < len(between) <= 3 and between.strip() in tuple(RANGE)
    return bool(n.group("num")) and (spaced_dash or _split(text, m, n) or wordlike(between.strip()) and bool(
        connected(text, m, n, reader.fmt.connectors)) or reader.joined(text, m, between)) and _a_percentage(n, reader)


def _split(text: str, m: re.Match, n: re.Match) -> bool:
    """Two shares of a whole written with one percent sign (`80/20%`, Turkish `%80/20`): the
    sign is both's; not a fraction (`1/2%`, half a percent), whose parts make no hundred."""
    if text[m.end():n.start()] != "/":
        return False
    a, b = m.group("num"), n.group("num")
    return bool(a and b) and a.isdigit() and b.isdigit() and int(a) + int(b) == 100


def _a_percentage(n: re.Match, reader: _Reader) -> bool:
    """Whether a number has a percent sign or word after it."""
    return bool(n.group("pct") or (n.group("word") and reader.word(n.group("word"))[0] == "percent"))


def _scan(text: str, pos: int, pattern: re.Pattern) -> list[re.Match]:
    """Each date or number from `pos` on, matched where a digit is (`finditer` would try every character);
    a number from a dot before it that nothing joins to a word or bracket (`$.50`, `".312"`; not `2015.04`, `v.5`, `(cost).1.`)."""
    found, search, match = [], DIGIT.search, pattern.match
    while (d := search(text, pos)) is not None:
        at = d.start()
        if at > pos and text[at - 1] == "." and (at < 2 or not (text[at - 2].isalnum()
                                                                    or text[at - 2] in "._)]}")):
            at -= 1
        m = (at != d.start() and match(text, at)) or match(text, d.start())
        found.append(m)  # always a match: a digit is a number
        pos = m.end()
    return found


def _token(m: re.Match, reader: _Reader) -> str:
    token = m.group("num")
    return token if token.isdigit() else token.translate(reader.strip)


def _signed(value: str, negative: bool, percent: bool) -> str:
    if negative and value.strip("0."):
        value = "-" + value
    return value + "%" if percent else value
