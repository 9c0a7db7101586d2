"""What stands around a number and changes what it is: a minus sign, a decade's apostrophe, a
fraction after it, a clock's word beside a time written with a dot (`klo 8.30`), a day and month
(`(28.10.)`)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from contentlint.language.numbering import EXCLUDED, NumberFormat

BLANKS = " \t\n\u00a0\u202f\u2009"
MINUS, OPENING = "-\u2212", "([{"
# A vulgar fraction after a whole number (`59½`, `2 ¼`), its escape left in the text (`59 \\u00bd`),
# or one written in digits after a space (`59 1/2`, `2 3/4`: a numerator below its denominator);
# a half after the number's unit, a short word, ending the phrase or before the unit again (an
# age: French `59 ans 1/2.`, Korean `59세 1/2세`; not `10 km 1/2 marathon`, `3 x 1/2`)
FRACTION = re.compile(r"[ \u00a0]?(?:([\u00bc-\u00be\u2150-\u215e])|\\u(00b[c-e]|215[0-9a-e])(?![0-9a-fA-F]))"
                      r"|[ \u00a0]([1-9])/([2-9]|1[0-6])(?![0-9/])|[ \u00a0]?(?![xX][ \u00a0])(?P<unit>[^\W\d_]{1,4})[ \u00a0](1)/(2)(?![0-9/])"
                      r"(?:(?P=unit)|(?![ \u00a0]*[^\W\d_]))", re.IGNORECASE)


ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")


def unescape(text: str) -> str:
    """`1\\u00d730`: an escape left as text (mangled-markup reports it) is its character, then 30;
    word joiners pad it to the escape's length, so offsets stay valid."""
    return ESCAPE.sub(lambda m: chr(int(m.group()[2:], 16)) + "\u2060" * 5, text) if "\\u" in text else text


def fraction(text: str, start: int, at: int, half: re.Pattern | None = None,
             half_before: re.Pattern | None = None) -> tuple[Decimal, int] | None:
    """(value, end) of a fraction that goes on the whole number from `start` to `at`, or None;
    `half`, `half_before`: the language's words for a half after it (`59 ans et demi`) or
    before it (Hindi `साढ़े 59`). A number of four digits or more takes none: `2021年半ば` is
    mid-2021, not 2021.5."""
    if at - start >= 4:
        return None
    m = FRACTION.match(text, at)
    if m is None:
        found = half.match(text, at) if half is not None else None
        if found:
            return Decimal("0.5"), found.end()
        before = half_before is not None and half_before.search(text, max(0, start - 24), start)
        return (Decimal("0.5"), at) if before else None
    if m.group(3) or m.group(6):  # in digits: a proper fraction only (`59 1/2`; `3 5/4` is no mixed number)
        numerator, denominator = int(m.group(3) or m.group(6)), int(m.group(4) or m.group(7))
        return (Decimal(str(round(numerator / denominator, 4))), m.end()) if numerator < denominator else None
    return Decimal(str(round(unicodedata.numeric(m.group(1) or chr(int(m.group(2), 16))), 4))), m.end()


def decade_parts(m: re.Match, num: str):
    """What a decade's number may stand for: `'70s` for `1970'ler`, `los años 1990` for `the '90s`."""
    values = (num, num[2:]) if len(num) == 4 else (num, str(1900 + int(num)), str(2000 + int(num)))
    return ((v, m.start(), m.end(), None) for v in values)


def decade(text: str, m: re.Match, num: str | None, phrases: tuple[tuple[str, str], ...] = ()) -> bool:
    """`'70s`, `anni '60`: two digits after an apostrophe name a decade, in any language (its
    plural ending is no ordinal's: `'80s` may be 1980, numbers.py); so do
    two digits or a round year in one of the language's phrases for a decade (`los años 90`,
    `1990 के दशक`, `1990er`: `phrases` as (before, after) the number, lower case)."""
    at = m.start("num") if num else -1
    if num is None or at < 0:
        return False
    if len(num) == 2 and at > 0 and text[at - 1] in "'’" and (at < 2 or not text[at - 2].isalnum()):
        return True
    if not phrases or not num.isdigit() or not (len(num) == 2 or len(num) == 4 and num[-1] == "0") \
            or m.group("word") or m.group("pct"):
        return False
    return any(_before(text, at, b) and _after(text, m.end("num"), a) for b, a in phrases)


def decade_plural(ending: str, num: str | None) -> bool:
    """A decade's plural ending read as an ordinal's (`'80s`), not an ordinal (`'21st`)."""
    return len(num or "") == 2 and ending.lstrip("'’") == "s"


def _before(text: str, at: int, words: str) -> bool:
    """Whether `words` end right before `at` (blanks and an apostrophe between), as whole words."""
    words = words.rstrip()
    if not words:
        return True
    low = max(0, at - len(words) - 8)  # a window, not all the text before: numbers are many
    start = low + len(text[low:at].rstrip("'’").rstrip()) - len(words)
    return (start >= low and text[start:start + len(words)].lower() == words
            and not (start and text[start - 1].isalpha()))


def _after(text: str, end: int, words: str) -> bool:
    """Whether `words` follow `end` (after blanks when they start with one; a glued ending
    only as the end of the word: `1990er`, not `90erste`)."""
    if not words:
        return True
    if words[0].isspace():
        return text[end:].lstrip()[:len(words.strip())].lower() == words.strip()
    tail = text[end:end + len(words) + 1].lower()
    return tail.startswith(words) and not tail[len(words):].isalpha()


def continues(char: str) -> bool:
    """Whether `char` goes on a word: a letter, or a mark joined to the one before it."""
    return bool(char) and (char.isalpha() or unicodedata.category(char)[0] == "M")


def wordlike(text: str) -> bool:
    """Whether `text` is one word: letters and the marks that join them (Devanagari `या`, or,
    whose vowel sign `str.isalpha` does not count as a letter)."""
    return text.isalpha() or text[:1].isalpha() and all(map(continues, text))


def spaced(char: str) -> bool:
    """Whether the script of `char` separates words with spaces (Latin, Cyrillic, Bengali…):
    there a short scale word must end where the word does (Bengali `লাখ` is not the start of
    another word); Han, kana, Hangul and Thai words run on (`130万`, `5백만`)."""
    if not char:
        return False
    code = ord(char)
    return not (0x0E00 <= code <= 0x0E7F or 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF
                or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF or 0x1100 <= code <= 0x11FF)


def minus_before(text: str, start: int, last: int) -> tuple[int, bool]:
    """(where a minus sign before the number is, or -1; whether it may be a hyphen). `-5`,
    `(−5%)`, `- 21.55%` are negative. A hyphen after a letter or digit is not a minus
    (`COVID-19`, `12-18`), nor is one with only blanks since the previous number (`10 - 20`);
    a spaced one counts only at the start or after `(`, `: `, `=` or a comma (`2.3%, - 3.4%`; after
    words and a comma, `заявку, - 25 900`, it may be a dash: unsure):
    between words it is a dash, and glued to a colon a list's (`rates are:- 35%`)
    (`(70/50) - 1`, `10.000 $ - 1.000 $`). A hyphen after a word or a closing bracket and a
    space (`top -20%`, `HP -35`, `(1-888-382) -1222`) may be a minus or a hyphen machine translation moved, a spaced hyphen after a
    word (`a return of - 10%`) a minus or a dash, and a hyphen after a word of a script without
    spaces (`出现了-10%`, `2020年-2021年`) a minus or a range: unsure. The minus sign U+2212
    glued to its number, not to a letter or digit before it, is a minus (`IK 95% −4,3`)."""
    if text[start : start + 1] in "%٪％" and text[start + 1 : start + 2] in MINUS:
        return start, False  # Turkish `%-0,1`: the sign after a percent sign written first
    j = start - 1
    gap = j >= 1 and text[j] in BLANKS and text[j - 1] in MINUS
    if gap:
        j -= 1
    elif j < 0 or text[j] not in MINUS:
        return -1, False
    k = j - 1
    while k >= 0 and k >= last and text[k] in BLANKS:
        k -= 1
    if text[j] == "\u2212" and not gap and not (k == j - 1 and text[k : j].isalnum()):
        return j, False  # the minus sign itself, glued to its number, is no range's dash (`95% −4,3`)
    if 0 <= last and k < last:
        return -1, False  # a range
    before = text[k] if k >= 0 else ""
    if gap:  # after a word, `of - 10%`, `आयु - 27` (a vowel sign ends it), may be a minus as well as a dash: unsure
        if (before.isalpha() or before and unicodedata.category(before)[0] == "M") and text[j] in "-\u2212":
            return j, True
        if before == ":" and k == j - 1:  # `rates are:- 35%, …- 32%`: a list run into one line, its dash
            return -1, False
        # `rates: - 35 %`: a minus, or that list's dash with a space put before it (unsure); after
        # words and a comma a dash as well (Russian `подающих заявку в 2023 году, - 25 900`: `, —`),
        # not after a list's number, its unit word read with it (`2,3 Prozent, - 3,4 Prozent`)
        clause = before in ",;，" and k >= 1 and text[k - 1].isalpha() and (last < 0 or text[last:k].strip(BLANKS))
        return (j if before == "" or before in OPENING + ":=,;，、" else -1), before == ":" or clause
    # CJK punctuation takes no space after it (`2.9%、-3.4%`)
    if before == "" or before in OPENING + "，、；：（" or (k < j - 1 and before in ":="):
        return j, False
    if not spaced(before):  # a script without spaces: a minus (`出现了-10%`) or a range (`2020年-2021年`)
        return j, True
    # `एचपी -35` ends in a vowel sign; `(1-888-382) -1222)`: a code's hyphen moved past its bracket
    word = before.isalpha() or unicodedata.category(before)[0] == "M" or before in ")]）"
    return (j, text[j] == "-" and word) if k < j - 1 else (-1, False)


# `&amp;#39;`, `＆＃39;`, `&amp; # 39؛`: what precedes a character's code in a mangled entity
ENTITY_NUMBER = re.compile(r"[&＆][ \u00a0]?(?:amp[ \u00a0]?[;；؛][ \u00a0]?)*[#＃][ \u00a0]?$")


def entity_code(text: str, at: int) -> bool:
    """Whether the number at `at` is a character's code in a mangled entity, no quantity."""
    near = text[max(0, at - 2) : at]
    return ("#" in near or "＃" in near) and ENTITY_NUMBER.search(text, max(0, at - 12), at) is not None


def fold(word: str) -> str:
    """A word as number words are kept: blanks squeezed, lower case, a letter NFC leaves
    precomposed decomposed (`ड़`, numbering.EXCLUDED)."""
    return " ".join(word.split()).lower().translate(EXCLUDED)


YEAR_BEFORE = re.compile(r"(?<![0-9])([12][0-9])([0-9]{2})[-–/]\Z")


def year_like(num: str) -> bool:
    """Whether a number's digits may be a year (`2022`, `1500`)."""
    return len(num) == 4 and num.isdigit() and "1000" <= num <= "2199"


def year_end(text: str, start: int) -> str | None:
    """The end of a range of years written short (`2007-08`, `2007/08`): the year in full
    (2008), a few years after the first (`Revenue Ruling 2004-20` is no range)."""
    end = text[start : start + 2]
    if len(end) == 2 and end.isdigit() and not text[start + 2 : start + 3].isdigit():
        m = YEAR_BEFORE.search(text, max(0, start - 5), start)
        if m and 0 < int(end) - int(m.group(2)) <= 10:
            return m.group(1) + end
    return None


def date_part(text: str, m: re.Match, month_suffixes: tuple[str, ...], date_end: int) -> bool:
    """A number before a date suffix is a date part when it can be a month or a day: on its
    own before a month suffix (`12月`), right after a month for the others (`7월 20일`):
    `183일` and `30日内` are durations."""
    token = m.group("num")
    if not token.isdigit() or not 1 <= int(token) <= 31:
        return False
    if fold(m.group("word")) in month_suffixes:
        return True
    return date_end >= 0 and m.start() - date_end <= 2 and not text[date_end:m.start()].strip()


def clock_time(text: str, m: re.Match, after: re.Match | None) -> tuple[str, ...]:
    """`2:30 p.m.`: an afternoon hour (`hour` read it, its minutes and mark after it) whose
    minutes, the next number `after`, follow its colon is a time of day; its minutes are no
    quantity. Its readings, which another side's time may be read as: the hour and minutes as a
    decimal on both clocks (a dotted time, `14.30 Uhr`, `kl. 14.30`: 14.3) and the minutes
    (`2時30分`); () where `after` is no such minutes. Without the mark `1:30` may be a ratio or
    a score, and `14:30` is compared number by number."""
    h, end = m.group("num"), m.end("num")
    if "." in h:  # `4.30 p.m.`, the British dotted time: its minutes are in its token
        h, _, minutes = h.partition(".")
        return _time_readings(h, minutes) if len(minutes) == 2 and minutes.isdigit() else ()
    if after is None or after.start() != end + 1 or text[end:end + 1] != ":" or m.end() != end:
        return ()
    minutes = after.group("num") or ""
    if not (len(minutes) == 2 and minutes.isdigit() and after.end() == after.end("num")):
        return ()
    return _time_readings(h, minutes)


def _time_readings(h: str, minutes: str) -> tuple[str, ...]:
    hours = {int(h), int(h) % 12 + 12}
    return tuple({format(Decimal(f"{x}.{minutes}").normalize(), "f") for x in hours} | {str(int(minutes))})


def hour(text: str, end: int, value: str, afternoon: re.Pattern | None) -> str | None:
    """`3 p.m.` on the 24-hour clock (15), where the language marks the afternoon; `4.30 p.m.` too."""
    h, dot, minutes = value.partition(".")
    if afternoon is not None and h.isdigit() and 1 <= int(h) <= 12 and (not dot or len(minutes) == 2 and minutes.isdigit()) \
            and afternoon.match(text, end):
        return str(int(h) % 12 + 12)  # `12 p.m.` is noon, 12
    return None


def clock(m: re.Match, fmt: NumberFormat) -> bool:
    """`klo 8.30`, `kl. 16.00`, `14.30 Uhr`: a time of day written with a dot after or before
    one of the language's words for it: an hour and minutes, no decimal number."""
    pair = _dotted(m)
    if not (fmt.clock_words or fmt.clock_words_after) or pair is None or pair[0] > 24 or len(pair[1]) != 2 \
            or int(pair[1]) > 59:
        return False
    before = m.string[max(0, m.start() - 24) : m.start()].lower()
    before = CLOCK_START.sub("", before).split()  # `klo 9.30–16.30`: the range's end too
    after = WORD_AFTER.match(CLOCK_END.sub("", m.string[m.end() : m.end() + 24].lower()))  # `9.30–16.30 Uhr`: the start too
    return bool(before) and before[-1] in fmt.clock_words or bool(after) and after.group(1) in fmt.clock_words_after


CLOCK_START = re.compile(r"\s*[0-9]{1,2}\.[0-9]{2}\s*[-–]\s*\Z")
CLOCK_END = re.compile(r"\A\s*(?:[-–]|[^\W\d_]{1,4}\s)\s*[0-9]{1,2}\.[0-9]{2}")  # `–`, `bis`, `tot` to the range's end
WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")


def day_month(m: re.Match, fmt: NumberFormat) -> bool:
    """`(28.10.)` for `Oct. 28` in a language that writes decimals with a comma and ordinals
    with a dot (Finnish, German, Norwegian): a day and a month, no decimal number."""
    pair, end = _dotted(m), m.end("num")
    if fmt.decimal != "," or pair is None or "." not in fmt.ordinal_suffixes:
        return False
    day, month = pair
    return (1 <= day <= 31 and 1 <= int(month) <= 12 and len(month) <= 2
            and m.string[end : end + 1] == "." and not m.string[end + 1 : end + 2].isdigit())


def _dotted(m: re.Match) -> tuple[int, str] | None:
    """A plain number of two parts joined by one dot (`28.10`, `8.30`): the first as a number,
    the second as written (its width counts); None for any other."""
    first, dot, second = (m.group("num") or "").partition(".")
    if not dot or not first.isdigit() or not second.isdigit() or m.group("word") or m.group("pct"):
        return None
    return int(first), second
