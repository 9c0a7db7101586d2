"""How numbers.py finds numbers in a language's text: one pattern per format, for dates,
numbers and what follows them (a percent sign, a scale or date word, an ordinal suffix)."""

from __future__ import annotations

import re
import unicodedata

from contentlint.language.numbering import NumberFormat
from contentlint.parity.signs import BLANKS, continues, fold as _fold, spaced, wordlike, year_like

SPACE = "[ \u00a0\u202f\u2009]"  # between digit groups, and between a number and its sign or word
SPACES = " \u00a0\u202f\u2009"
CURRENCY = "".join(chr(c) for c in range(0x20, 0x10000) if unicodedata.category(chr(c)) == "Sc")  # `$`, `€`, `₹` …
COMPOUND = r"(?!il|iel|ил)[^\W\d_]*"  # letters that make a percent word a compound of it
PERCENT, RANGE = "%％٪", "-–—~〜～"
# what stands before a number whose one letter after it is a scale: a currency sign, or a
# range's first end that has one, and the same letter if any (`$50K–80K`, `$1–2M`)
LETTER_BEFORE = re.compile(rf"[{re.escape(CURRENCY)}]{SPACE}?(?:[0-9][0-9.,]*{SPACE}?(?P<letter>[^\W\d_])?{SPACE}?"
                           rf"[{RANGE}]{SPACE}?)?\Z")
LIST_MARKS = ",、，"  # between the numbers of a list
# Numeric dates, in any language: 2016-07-20, 2016.07.20, 20.7.2016, 7/20/2016, 20-07-2016.
# The 365 of `24/7/365` (always: `rund um die Uhr`, `年中無休`) is no quantity, as a date is none.
DATE = (r"(?P<date>(?<![0-9.,])(?:(?<=24/7/)365(?![0-9/])|[0-9]{4}(?P<iso>[-./])[0-9][0-9]?(?P=iso)[0-9][0-9]?"
        r"|[0-9][0-9]?(?P<dmy>[./])[0-9][0-9]?(?P=dmy)(?:[0-9]{4}|[0-9]{2})|[0-9][0-9]?-[0-9][0-9]?-[0-9]{4})"
        r"(?![0-9]|[.,][0-9]))")
LETTERS = r"[^\s\d.,;:!?()\[\]{}<>\"'،؛。、，]+"  # a word, its marks (Arabic vowel signs) included
CLAUSE_END = re.compile(r"[.;:!?。！？；।॥؟۔]")  # what ends a clause, in any script


class Reader:
    """A format's patterns, compiled once: one scan finds each date or number with its suffix."""

    def __init__(self, fmt: NumberFormat) -> None:
        self.fmt, self.kinds = fmt, {}
        for kind, words in (("scale", fmt.scales), ("percent", fmt.percent_words), ("date", fmt.date_suffixes)):
            self.kinds.update({_fold(w): (kind, fmt.scales.get(w, 1)) for w in words})
        self.percents = [w for w, (kind, _) in self.kinds.items() if kind == "percent"]
        self.loose = frozenset(map(_fold, fmt.loose_percents))  # after one a number may be plain
        self.cut = frozenset(map(_fold, fmt.cut_percents))  # likewise
        self.compounds = tuple(w for w in self.percents if " " not in w and len(w) >= 5)  # `prosentti` in `Äänestysprosentti`
        self.named = re.compile("|".join(map(re.escape, self.compounds)), re.IGNORECASE) if self.compounds else None
        self._last: tuple = (None, False)  # the last text named_before read, and whether it names a percentage
        # a percent word one or two short words after a plain number (`10 or more percent`,
        # `10 и более процентов`), or a compound of one (`2.5 more percentage points`; a percentile
        # is no percentage: `percentile`, `процентиль`): it may be a percentage
        later = "|".join(SPACE.join(map(re.escape, w.split())) + (COMPOUND if len(w) >= 5 and " " not in w else "")
                         for w in sorted(self.percents, key=len, reverse=True))
        # or after the last of a list (`50, 60, 70 percent`, `50, 60 or 70 percent`)
        listed = rf"(?:{SPACE}*(?:[{LIST_MARKS}]|{SPACE}[^\W\d_]{{1,5}}){SPACE}*[0-9]+(?:[.,][0-9]+)?)+{SPACE}*"
        self.later = re.compile(rf"(?:(?:{SPACE}+[^\W\d_]{{1,6}}){{1,2}}{SPACE}+(?:{later})|{listed}(?:{later}))(?![^\W\d_])"
                                rf"|{listed}[{PERCENT}]", re.IGNORECASE) if later else None
        numerals = "".join(fmt.numerals)  # one class matches their runs (`백만`, `千万`): no words for them
        words = sorted((w for w in self.kinds if not (numerals and all(c in numerals for c in w))), key=len)[::-1]
        # Hangul, written with spaces between words: a run ends the word, or is glued to the
        # digits (`1억원`); after a space, a word that only starts with one is none (`3 십대`, three
        # teenagers). Han numerals need no end: Chinese sets spaces around digits (`10 亿美元`).
        hangul = "".join(c for c in numerals if "\uac00" <= c <= "\ud7af")
        han = "".join(c for c in numerals if c not in hangul)
        # a word that only opens with one is none (`55백분위수`: the 55th percentile)
        unlike = f"(?!{'|'.join(map(re.escape, fmt.lookalikes))})" if fmt.lookalikes else ""
        runs = ([f"{unlike}[{han}]+"] if han else []) + \
            ([rf"{unlike}[{hangul}]+(?![^\W\d_])|(?<=[0-9]){unlike}[{hangul}]+"] if hangul else [])
        word = "|".join([_word(w, w in fmt.borrowed, " " in w or not fmt.scale_endings and self.kinds[w][0] == "scale")
                         for w in words] + runs)
        ordinal = "|".join(_ordinal(w) for w in sorted(fmt.ordinal_suffixes, key=lambda w: -len(w)))
        extra = "".join(g for g in fmt.groups if len(g) == 1 and not g.isspace() and g not in ".,")  # `’`
        plain = rf"[0-9]+(?:[{re.escape('.,' + extra)}][0-9]+)*"
        # a no-break space groups digits in every language (`5 000` in a Portuguese text whose
        # CLDR format groups with a dot: Portugal's grouping); a plain space only where the format does
        groups = SPACE if fmt.space_groups else "[\u00a0\u202f]"
        core = rf"[0-9]{{1,3}}(?:{groups}[0-9]{{3}}(?![0-9]))+(?:[.,][0-9]+)?|{plain}"
        # `$.50`, `.04`: English drops the zero before its decimal dot (numbers._scan), and
        # translations copy it (`(.02 / 1)` in a Finnish formula): nothing before it to group
        core = rf"\.[0-9]+(?![0-9]|[.,][0-9])|{core}"
        # `(?!)` never matches: a format without words or ordinals still has the groups. A hyphen
        # may join them: `51-%-Angriff`, `25-procentsregeln`, `a 5-million-dollar house`.
        # `18.92\%`: TeX escapes its percent sign (a formula's text left in the prose)
        # a spaced sign before a digit is the next number's (Turkish `S&P 500 %1`: `%1` is 1 %)
        suffix = (rf"(?P<pct>{SPACE}\\?[{PERCENT}](?![0-9])|-?\\?[{PERCENT}])|(?:{SPACE}*|-)(?P<word>{word or '(?!)'})"
                  rf"|(?P<ord>{ordinal or '(?!)'})")
        self.pattern = re.compile(rf"{DATE}|(?P<num>{core})(?:{suffix})?", re.IGNORECASE)
        self.strip = dict.fromkeys(map(ord, " \u00a0\u202f\u2009" + extra))  # out of a token: only grouping
        prefixes = "|".join(("(?<![^\\W\\d_])" if spaced(w[0]) else "") + re.escape(w) + SPACE + ("+" if spaced(w[-1]) else "*") for w in sorted(fmt.percent_prefixes, key=len, reverse=True))
        self.prefix = re.compile(rf"(?:{prefixes})\Z", re.IGNORECASE) if prefixes else None  # Thai: `คิดเป็นร้อยละ 63.9`, `ร้อยละ63.9`
        # an hour of the 12-hour clock's afternoon (`3 p.m.`): 15 for another language's 24-hour clock
        pm = "|".join(re.escape(w) for w in sorted(fmt.afternoon, key=lambda w: -len(w)))
        # its minutes may stand between (`4:00 PM`)
        self.afternoon = re.compile(rf"(?::[0-5][0-9])?{SPACE}?(?:{pm})(?![^\W\d_])", re.IGNORECASE) if pm else None
        self.half = _half(fmt)
        before = "|".join(re.escape(w) for w in fmt.half_before)
        self.half_before = re.compile(rf"(?<!\w)(?:{before}){SPACE}+\Z") if before else None

    def percent_before(self, text: str, start: int, last: int) -> int:
        """Where a percent sign or word before the number starts (`%21,55`, `yüzde 21,5`), or -1.
        A `%` the previous number took (`50% 30`) is not this one's."""
        j = start - 1
        if j >= 1 and (text[j] in BLANKS or text[j] in "-\u2212") and text[j - 1] in PERCENT:  # `% 21,55`, `%-0,1`
            j -= 1
        if j >= 0 and j >= last and text[j] in PERCENT:
            return j
        minus = j >= 1 and text[j] in "-\u2212" and text[j - 1] in BLANKS  # `yüzde -1,83`: the sign's own
        if minus and j >= 2 and j - 2 >= last and text[j - 2] in PERCENT:  # `% -1,83`
            return j - 2
        if self.prefix is not None and j >= 0 and (text[j] in BLANKS or not spaced(text[j]) or minus):  # `ร้อยละ63.9`
            found = self.prefix.search(text, max(last, start - 40, 0), j if minus else start)
            if found:
                return found.start()
        return -1

    def named_before(self, text: str, start: int, last: int) -> bool:
        """A word that is, or ends in, a percent word at most two words before the number in
        its clause (`Äänestysprosentti oli 84,6`: the turnout percentage was 84.6): the number
        may be a percentage."""
        seen, named = self._last
        if text is not seen:  # most texts have no percent word: one look a text
            named = self.named is not None and self.named.search(text) is not None
            self._last = (text, named)  # one assignment: a reader shared by threads stays consistent
        lo = max(last, start - 48, 0)
        if not named or self.named.search(text, lo, start) is None:
            return False
        words = CLAUSE_END.split(text[lo:start])[-1].split()[-2:]
        return any(_fold(w).endswith(p) for w in words for p in self.compounds)

    def joined(self, text: str, m: re.Match, between: str) -> bool:
        """Two words between two numbers, the second the word before the first (`entre un 22
        y un 30 %`, `tra il 22 e il 30 %`: each end with its article): a range whose percent
        sign the first shares, maybe."""
        words = between.split()
        if len(words) != 2 or len(between) > 12 or not all(map(wordlike, words)):
            return False
        before = text[max(0, m.start() - 12):m.start()].split()
        return bool(before) and before[-1].casefold() == words[1].casefold()

    def percent_after(self, text: str, end: int) -> bool:
        """A percent sign or word right after a scale word, or one short linking word later
        (`313 million percent`, `313 millions de pour cent`, `3億1300万パーセント`): the scaled
        number is a percentage."""
        rest = text[end : end + 40].lstrip(" \u00a0\u202f\u2009")
        if rest[:1] and rest[0] in PERCENT:
            return True
        rest = " ".join(rest.split()).lower()
        link = re.match(r"[^\W\d_]{1,3} ", rest)  # `de`, `di`: a word that only links
        for at in (0, link.end()) if link else (0,):
            for word in self.percents:
                after = rest[at + len(word) : at + len(word) + 1]
                if rest.startswith(word, at) and not (spaced(word[-1]) and continues(after)):
                    return True
        return False

    def letter_scale(self, text: str, m: re.Match, english: bool = False) -> int:
        """The multiplier of a one-letter short form right after a number (CLDR's `M`, `K`,
        French `k`, Finnish `t.`), where a currency sign stands before the number (or before a
        range's first end: `$50K–80K`) or after the letter (`$3.4M`, `€5m`, `1,2 M$`, `5 k€`):
        elsewhere such a letter is a unit, a name or a word's start (`5 m`, `3M`, `$5 T-shirt`).
        `english`: the letter's English multiplier where the language's own differs (a
        translation copies `$5M` as it stands; Indonesian `M` is a billion). 1 when there is none."""
        num = m.group("num")
        if not num or not self.fmt.letters or m.group("pct") or m.group("word"):
            return 1
        at = m.end("num") + (text[m.end("num"):m.end("num") + 1] in tuple(SPACES))
        letter = text[at:at + 1].lower()
        factors = self.fmt.letters.get(letter)
        rest = text[at + 1:at + 4]
        rest = rest[1:] if rest[:1] == "." else rest  # `5 t. €`
        if factors is None or _word_goes_on(rest) or english and factors[1] == factors[0]:
            return 1
        after = rest[1:2] if rest[:1] in SPACES else rest[:1]
        before = LETTER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if (after and after in CURRENCY) or before and (before.group("letter") or letter).lower() == letter:
            return factors[english]
        return 1

    def word(self, text: str) -> tuple[str, int]:
        """(kind, multiplier) of the word after a number; CJK scale characters multiply."""
        found = self.kinds.get(_fold(text))
        if found is not None:
            return found
        factor = 1
        for c in text:
            factor *= self.fmt.numerals.get(c, 1)
        return "scale", factor


def _half(fmt: NumberFormat) -> re.Pattern | None:
    """A half after the number and at most one word, its unit, no function word: `59 ans et demi`,
    `59 عامًا ونصف`, `59岁半`; not Malay `$25 setiap setengah tahun` ($25 every half year)."""
    half = "|".join(("" if not spaced(w[0]) else r"(?<![^\W\d_])") + SPACE.join(map(re.escape, w.split()))
                    + ("" if "\u3400" <= w[-1] <= "\u9fff" else r"(?![^\W\d_])")  # a Han `半` runs on (`3年半`)
                    for w in sorted(fmt.half_words, key=lambda w: -len(w)))  # whole words: not `person|e mezzo` (`2년반`: Hangul runs on)
    function = "|".join(re.escape(w) for w in sorted(fmt.connectors, key=len, reverse=True))
    unit = rf"(?!(?:{function})(?![^\W\d_])){LETTERS}" if function else LETTERS
    return re.compile(rf"(?:{SPACE}*{unit})?{SPACE}*(?:{half})", re.IGNORECASE) if half else None


def _word_goes_on(rest: str) -> bool:
    """A letter, digit, mark or joined word after the letter: it starts a word (`T-shirt`, `M&M`)."""
    first = rest[:1]
    return bool(first) and (first.isalnum() or first == "_" or unicodedata.category(first).startswith("M")
                            or first in "-&'’" and rest[1:2].isalnum())


def _word(word: str, borrowed: bool = False, whole: bool = False) -> str:
    """A word after a number; a short one must end where the word does (`mil` is not `milagro`),
    a longer one may be inflected (`milyonluk`, `миллионами`); CJK ones never need to end. An
    English word in another language is whole, or plural: Danish `billioner` is not `billion`.
    `whole`: a scale word of a language whose scale words take no endings (profile
    `scale_endings: false`; CLDR's forms are all): French `200 milles` is 200 miles, not 200
    `mille`. (Percent words still run on into compounds: Swedish `25-procentsregeln`.)"""
    body = (SPACE + "+").join(re.escape(p) for p in word.split())
    if borrowed:
        return body + r"s?(?![^\W\d_])"
    bare = word.rstrip(".")
    end = (whole or len(bare) < 5) and not word.endswith(".") and spaced(bare[-1:])
    # a compound ends before a hyphen too: `thousand million-dollar homes` is no 10⁹
    return body + (r"(?![^\W\d_]|-)" if " " in word else r"(?![^\W\d_])") if end else body


def sentence_end(text: str, m: re.Match, fmt: NumberFormat) -> bool:
    """Whether the dot after `m`'s number ends its sentence, not making it an ordinal: after a
    year or a longer number (`im Jahr 2011. Die …`), or before a capital where only a sentence
    opens with one (Norwegian `i trinn på $100. Statspapirer`; not German: `der 183. Tag`)."""
    num = m.group("num")
    return not (num.isdigit() and len(num) <= 3) or not fmt.nouns_capitalized and text[m.end():].lstrip(" \u00a0")[:1].isupper()


def _ordinal(suffix: str) -> str:
    if suffix == ".":  # `im 12. Jahrhundert`, `det 12. århundrede`: a dot, then a word
        return r"\.(?=[ \u00a0]+[^\W\d_])"
    # Turkish `1970'ler`, `1970'lerdeki`; Swedish `1800-talet`; Danish `1800-tallets`: a compound's ending inflects
    # on (English `'s` ends: Turkish `%20'si` is no decade; Russian `-м`, `-го` are none: `5-месячный`, five months)
    if suffix[:1] in "'’-" and len(suffix) > 3:
        return re.escape(suffix)
    if suffix[-1:].isascii() and suffix[-1:].isalpha():
        return re.escape(suffix) + r"(?!\w)"  # `21st`, `3e`; not `3em`
    if suffix in ("°", "º"):  # Spanish, Italian `1°`, `2º`; not a temperature's `175°C`
        return re.escape(suffix) + r"(?![CF](?![^\W\d_]))"
    return (SPACE + "?" if len(suffix) > 1 else "") + re.escape(suffix)  # `20 वीं`, `2번째`, `2º`


_READERS: dict[int, tuple[NumberFormat, Reader]] = {}


def reader(fmt: NumberFormat) -> Reader:
    cached = _READERS.get(id(fmt))
    if cached is None or cached[0] is not fmt:
        if len(_READERS) > 256:  # formats are cached per language; only tests make many
            _READERS.clear()
        cached = _READERS[id(fmt)] = (fmt, Reader(fmt))
    return cached[1]


def suspended(text: str, m: re.Match, matches: list, i: int) -> str | None:
    """The ordinal suffix `m` shares with the next number when a hyphen ends it (a suspended
    compound: Norwegian `1800- og 1900-tallet`, Swedish `1800- och 1900-talet`, German
    `1970er- und 1980er-Jahre`, Finnish `1500-1700-luvuilla`): the first number is what the second one is. A value stays
    one (`5- und 10-Euro-Scheine`: the second has no ordinal suffix). `matches[i]`: the next number.
    A list of them takes its last one's suffix (`1800-, 1900- ja 2000-lukujen`, `1800-, 20- og 21-tallet`)."""
    if not m.group("num") or m.group("word") or m.group("pct"):
        return None
    for n in matches[i:i + 8]:  # a list shares its last one's ending (`1800-, 1900- ja 2000-lukujen`); a few at most
        end = m.end("num")
        if text[end : end + 1] not in ("-", "–") or n.start() - end > 40:
            return None
        if text[end + 1 : end + 2] not in (" ", "\u00a0", ",") and n.start() != end + 1:
            return None  # `1500-1700-luvuilla` (in the 1500s to 1700s): a range of them is one too
        suffix = n.group("ord")
        if suffix or not n.group("num") or n.group("word") or n.group("pct"):
            # an ending that is the word's whole rest: Russian `-м` opens `-минутными` (minutes), a count
            whole = suffix and not text[n.end("ord") : n.end("ord") + 1].isalpha()
            return suffix if whole and suffix[0] in "-'’" else None
        m = n
    return None


def connected(text: str, m: re.Match, n: re.Match, connectors: frozenset | tuple = (), listed: bool = False) -> str:
    """What joins two numbers into one range or choice: a dash, or one short word (`12 to 18
    million`, `70 or 80 percent`, `75–700 miljoonaa`; currency signs aside); "" for anything
    else. In a script without spaces a connector is a character or two (`至`, `から`), not
    `年間毎年`; where the profile lists its connectors, only those (`10 Tagen 150 Milliarden`,
    `10日間で1,500億`: a counted noun). `listed`: a comma too (`yüzde 50, 60, 70`)."""
    if n.start() - m.end() > 12 or not n.group("num"):
        return ""  # more than one short word apart
    raw = text[m.end() : n.start()]
    between = "".join(c for c in raw if c not in CURRENCY).strip()
    if raw.strip() and raw.rstrip()[-1] in CURRENCY and year_like(m.group("num") or ""):
        return ""  # an amount after a year is no end of its range (`el año 2020 de $14 500 millones`)
    if between in ("-", "–", "—") or listed and between in LIST_MARKS:
        return between
    if not (wordlike(between) and len(between) <= (5 if spaced(between[0]) else 2)):
        return ""
    return between if not connectors or _fold(between) in connectors else ""
