"""How each language writes numbers: CLDR's data (through Babel), with its profile's keys over it.

A format says which mark is the decimal one, whether spaces group digits, which words after
a number multiply it (`Millionen`, `млрд`, `万`), make it a percentage (`Prozent`, `yüzde`
before it), make it a date part (`月`) or an ordinal (`th`, `e`). English words count in every
language (an English sentence left in a Japanese article says `14.3 trillion`); the
language's own win. Only the languages of a run are built, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from contentlint.language import cldr_tables
from contentlint.language.cldr_tables import read_table
from contentlint.language.profiles import Profile

# Han and Hangul scale characters: they multiply each other (`5백만` = 5 x 100 x 10^4, `3千万`).
NUMERALS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12,
            "십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
ORDINALS = ("st", "nd", "rd", "th", "º", "ª")  # English and the ordinal indicators, read in every language
BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))  # marks CLDR puts in Arabic and Hebrew patterns
ARABIC_MARKS = {"٫": ".", "٬": ",", "،": ","}  # numbers.py reads Arabic text with these as `.` and `,`


@dataclass(frozen=True)
class NumberFormat:
    decimal: str = "."
    groups: tuple[str, ...] = (",",)
    space_groups: bool = False  # `1 000 000`: spaces (or NBSP, narrow NBSP) group digits
    scales: dict = field(default_factory=dict, hash=False)  # lowercase word -> multiplier
    # CLDR's one-letter short forms (`$3.4M`, `1,2 M$`, `5 k€`), lowercase -> (multiplier, English's
    # multiplier): a scale only beside a currency sign, where nothing else reads so
    letters: dict = field(default_factory=dict, hash=False)
    percent_words: tuple[str, ...] = ()  # after a number: `Prozent`, `pour cent`
    percent_prefixes: tuple[str, ...] = ()  # before a number: `yüzde`, `asilimia`
    date_suffixes: tuple[str, ...] = ()  # `月`, `일`: the number is a date part, not a quantity
    month_suffixes: tuple[str, ...] = ()  # CLDR's (`7月`): a date part on its own; a day (`20일`) needs one before it
    ordinal_suffixes: tuple[str, ...] = ()
    numerals: dict = field(default_factory=dict, hash=False)  # NUMERALS where the language writes them
    borrowed: frozenset = frozenset()  # English words not the language's own: read as whole words only
    words: dict = field(default_factory=dict, hash=False)  # number words (`fifty`, `half`) -> canonical value
    word_endings: tuple[str, ...] = ()  # written joined to a number word (`zwölfmal`, `altısı`), lower case
    # num2words' spellings (parity/in_words.py): of which language, what the language writes
    # otherwise in them (Malay `lapan`), and the last part's stem before an ending (Finnish)
    cardinals_like: str = ""
    respellings: tuple[tuple[str, str], ...] = ()
    stems: tuple[tuple[str, str], ...] = ()
    afternoon: tuple[str, ...] = ()  # after an hour: the 12-hour clock's afternoon (`p.m.`)
    clock_words: tuple[str, ...] = ()  # before a time written with a dot (`klo 8.30`), lower case
    clock_words_after: tuple[str, ...] = ()  # and after one (`14.30 Uhr`)
    half_words: tuple[str, ...] = ()  # after a number and a word: a half more (`59 ans et demi`)
    half_before: tuple[str, ...] = ()  # before a number: a half more (Hindi `साढ़े 59`)
    month_words: tuple[str, ...] = ()  # a month's forms CLDR lacks (`ヶ月`), lower case
    year_words: tuple[str, ...] = ()  # a year's for one (`vuoden`, `साल`), lower case
    scale_endings: bool = True  # a scale word of five letters or more may run on (`миллионами`)
    decades: tuple[tuple[str, str], ...] = ()  # (before, after) the number of a decade, lower case
    proclitics: tuple[str, ...] = ()  # prefixes a number word may carry (`ال`, `و`), longest first
    homographs: frozenset = frozenset()  # scale words also other words after a number (`1040만`: only 1040)
    lookalikes: tuple[str, ...] = ()  # words that open with a scale word and are none (`백분위`)
    # the words that may join the ends of a range (`12 to 18 million`, `10 oder 20 Mio.`): the
    # language's function words and English ones; empty where the language has none listed
    connectors: frozenset = field(default_factory=frozenset, hash=False)
    language: str = ""  # the language's code, for number words no profile lists (parity/in_words.py)
    spelt_values: frozenset = field(init=False, hash=False, compare=False)  # what the words stand for
    # the percentages of words that name a fraction no whole percent is (`two thirds`: 66.67%)
    fractions: bool = field(init=False, hash=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spelt_values", frozenset(self.words.values()))
        object.__setattr__(self, "fractions", any(v.endswith("%") and "." in v for v in self.spelt_values))


NEUTRAL = NumberFormat()


def number_format_for(code: str | None, profile: Profile | None = None,
                      english: Profile | None = None) -> NumberFormat:
    """The format of language `code`: CLDR's, the profile's keys overriding or adding, and the
    English words (CLDR's and the `english` profile's) under the language's own. A code Babel
    does not know gets the neutral marks (`.` and `,`) and only the English words."""
    return _built(code or "", _key(profile), _key(english))


def _key(profile: Profile | None):
    # A Profile's equality ignores its scales: they must be part of the cache key.
    return None if profile is None else (profile, tuple(profile.scales.items()))


@lru_cache(maxsize=64)
def _built(code: str, profile_key, english_key) -> NumberFormat:
    profile, english = (k[0] if k else None for k in (profile_key, english_key))
    own, borrowed = _cldr(code), _cldr("en")
    english_words = {**borrowed["scales"], **_words(english.scales if english else {})}
    own_words = {**own["scales"], **_words(profile.scales if profile else {})}
    scales = {**english_words, **own_words}
    own_percent = _unique(own["percent"], profile.percent_words if profile else (), fold=True)
    english_percent = _unique(borrowed["percent"], english.percent_words if english else (), fold=True)
    decimal = (profile.decimal if profile and profile.decimal else own["decimal"]).translate(BIDI)
    groups = tuple(g.translate(BIDI) for g in (profile.grouping if profile and profile.grouping else own["groups"]))
    numerals = NUMERALS if any(all(c in NUMERALS for c in w) for w in own_words) else {}  # zh, ja, ko
    return NumberFormat(
        decimal=ARABIC_MARKS.get(decimal, decimal),
        groups=tuple(ARABIC_MARKS.get(g, g) for g in groups),
        space_groups=any(g.isspace() for g in groups),
        scales=scales,
        letters=_letters(own.get("letters", {}), borrowed.get("letters", {})),
        percent_words=_unique(english_percent, own_percent),
        borrowed=frozenset(w for w in (*english_words, *english_percent) if w not in (*own_words, *own_percent)),
        percent_prefixes=own["percent_prefixes"],
        date_suffixes=_unique(own["months"], profile.date_suffixes if profile else (), fold=True),
        month_suffixes=own["months"],
        ordinal_suffixes=_unique(ORDINALS, english.ordinal_suffixes if english else (),
                                 profile.ordinal_suffixes if profile else ()),
        numerals=numerals,
        words=_number_words(profile),  # the language's own: English `ten`, `all` are Polish, Italian words
        word_endings=_unique(profile.number_word_suffixes, profile.cardinal_endings, fold=True) if profile else (),
        cardinals_like=profile.cardinals_like if profile else "",
        respellings=_pairs(profile.cardinal_respellings) if profile else (),
        stems=_pairs(profile.cardinal_stems) if profile else (),
        afternoon=profile.afternoon if profile else (),
        clock_words=_unique(profile.clock_words, fold=True) if profile else (),
        clock_words_after=_unique(profile.clock_words_after, fold=True) if profile else (),
        half_words=_unique(english.half_words if english else (), profile.half_words if profile else (), fold=True),
        half_before=profile.half_before if profile else (),
        month_words=_unique(profile.month_words, fold=True) if profile else (),
        year_words=_unique(profile.year_words, fold=True) if profile else (),
        scale_endings=profile.scale_endings if profile else True,
        homographs=frozenset(_unique(profile.scale_homographs, fold=True)) if profile else frozenset(),
        lookalikes=tuple(sorted(_unique(profile.scale_lookalikes, fold=True), key=len, reverse=True)) if profile else (),
        decades=tuple(tuple(p.lower().split("{}")) for p in profile.decades) if profile else (),
        proclitics=tuple(sorted(_unique(profile.proclitics, fold=True), key=len, reverse=True)) if profile else (),
        connectors=frozenset(_unique(profile.function_words, english.function_words if english else (), fold=True))
        if profile and profile.function_words else frozenset(),
        language=code,
    )


def _exclusions() -> dict[int, str]:
    """Letters NFC never composes (Unicode's composition exclusions) of the Indic, Tibetan and
    Hebrew blocks, to their decomposed form: Hindi writes `ड़` as one code point (U+095C) or as
    `ड` and a nukta, the same letter; number words are matched in the decomposed one."""
    import unicodedata

    chars = (*range(0x0900, 0x1000), *range(0xFB1D, 0xFB50))
    return {c: unicodedata.normalize("NFD", chr(c)) for c in chars
            if unicodedata.normalize("NFC", chr(c)) != chr(c)}


EXCLUDED = _exclusions()


def _number_words(profile: Profile | None) -> dict:
    """A profile's number words, folded, with canonical values (`50%`, `12`, `0.5`)."""
    if profile is None:
        return {}
    out = {}
    for word, value in profile.number_words.items():
        text = str(value)
        number = Decimal(text.rstrip("%")).normalize()
        key = " ".join(word.split()).lower().translate(EXCLUDED)
        out[key] = format(number, "f") + ("%" if text.endswith("%") else "")
        if not text.endswith("%") and " " not in key:  # `elfmal`: a count's word with its ending
            out.update({key + ending.lower(): out[key] for ending in profile.number_word_suffixes})
    return out


def _pairs(mapping: dict) -> tuple[tuple[str, str], ...]:
    return tuple((str(k).casefold(), str(v).casefold()) for k, v in mapping.items())


def _letters(own: dict, english: dict) -> dict:
    """Letter -> (the language's multiplier, else English's; English's, else the language's)."""
    return {k: (own.get(k, english.get(k)), english.get(k, own.get(k))) for k in {**english, **own}}


def _unique(*groups, fold: bool = False) -> tuple[str, ...]:
    words = (" ".join(w.split()).lower().translate(EXCLUDED) if fold else w for group in groups for w in group)
    return tuple(dict.fromkeys(w for w in words if w))


def _words(scales: dict) -> dict:
    return {" ".join(w.split()).lower(): int(n) for w, n in scales.items()}


TABLE = "language-numbers.json"  # CLDR's number data of every language lingua knows, generated


@lru_cache(maxsize=None)
def _cldr(code: str) -> dict:
    """CLDR's number data of one language: from the generated table (loading Babel's locale
    data costs 20 ms a language, a pre-commit run's budget is one second), else from Babel."""
    row = read_table(TABLE).get(code)
    if row is not None:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
    return _from_babel(code)


def _from_babel(code: str) -> dict:
    """CLDR's number data of one language; a neutral one for a code Babel does not know."""
    neutral = {"decimal": ".", "groups": (",",), "scales": {}, "letters": {}, "percent": (), "percent_prefixes": (),
               "months": ()}
    if not code:
        return neutral
    from babel import Locale, UnknownLocaleError  # here: a run without translations never loads Babel

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return neutral
    symbols = locale.number_symbols
    symbols = symbols.get("latn", symbols)  # Babel >= 2.14 keys the symbols by numbering system
    after, before = _percent(locale)
    return {"decimal": symbols.get("decimal", "."), "groups": (symbols.get("group", ","),),
            "scales": _scales(locale), "letters": _scales(locale, letters=True), "percent": after,
            "percent_prefixes": before, "months": _months(locale)}


def _scales(locale, letters: bool = False) -> dict:
    """Word -> multiplier from the compact decimal formats: `0 Millionen` under 1000000 and
    `00万` under 100000 both say the word multiplies by magnitude / 10^(zeros - 1). Long
    forms, then the short ones of two letters or more (`Mio.`, `млрд`; not `M`, `K`).
    `letters`: the short forms of one letter alone, lower case (`M`, `k`, Finnish `t.`)."""
    words: dict = {}
    for length in ("short",) if letters else ("long", "short"):
        for plural in locale.compact_decimal_formats.get(length, {}).values():
            for magnitude, pattern in sorted(plural.items(), key=lambda kv: int(kv[0])):
                text = pattern.pattern.split(";")[0].translate(BIDI)
                zeros = re.search(r"0+", text)
                if zeros is None or text[: zeros.start()].strip():
                    continue  # no number, or the word comes first (Swahili `elfu 0`): not read
                word = " ".join(re.sub(r"'([^']*)'", r"\1", text[zeros.end():]).split()).lower()
                factor = int(magnitude) // 10 ** (len(zeros.group()) - 1)
                if letters:  # a Han character is a numeral (`京`), and runs with the others (numbers.py)
                    if len(word.rstrip(".")) == 1 and word[0].isalpha() and word not in NUMERALS \
                            and not "\u2e80" <= word[0] <= "\u9fff":
                        words.setdefault(word.rstrip("."), factor)
                    continue
                if not word or (length == "short" and len(word.rstrip(".")) < 2 and word not in NUMERALS):
                    continue
                for form in (word, word.rstrip(".")):  # `Mio.` is often written `Mio`
                    if form:
                        words.setdefault(form, factor)
    return words


def _percent(locale) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the percent unit after a number (`21,5 Prozent`) and before one
    (`yüzde 21,5`), in each plural form."""
    from babel.numbers import format_decimal
    from babel.units import UnknownUnitError, format_unit, get_unit_name

    after, before = {}, {}
    try:
        names = [get_unit_name("concentr-percent", length="long", locale=locale) or ""]
        for n in (0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5):
            text, number = format_unit(n, "concentr-percent", length="long", locale=locale), format_decimal(n, locale=locale)
            head, found, tail = text.translate(BIDI).partition(number)
            if found:
                into, word = (before, head) if head.strip() else (after, tail)
                into[" ".join(word.split()).lower()] = None
    except (UnknownUnitError, KeyError, ValueError):
        return (), ()
    if not before:  # the unit's name stands after the number unless the patterns put words first
        after.update(dict.fromkeys(" ".join(w.split()).lower() for w in names))
    # `%` is read as a sign; words only
    return (tuple(w for w in after if w and not w.startswith("%")),
            tuple(w for w in before if w and not w.startswith("%")))


def _months(locale) -> tuple[str, ...]:
    """What follows the number of a month written in digits (`7月`, `7월`)."""
    found = {}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for name in locale.months.get(context, {}).get(width, {}).values():
                m = re.fullmatch(r"\d+(\D+)", name)
                if m:
                    found[m.group(1).strip()] = None
    return tuple(found)


def write_table(path: Path | None = None) -> Path:
    """`rules/language-numbers.json` from Babel, for every language lingua knows."""
    return cldr_tables.write_table(TABLE, _from_babel, path)


if __name__ == "__main__":
    print(write_table())
