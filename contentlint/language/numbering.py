"""How each language writes numbers: CLDR's data (through Babel), with its profile's keys over it.

A format says which mark is the decimal one, whether spaces group digits, which words after
a number multiply it (`Millionen`, `млрд`, `万`), make it a percentage (`Prozent`, `yüzde`
before it), make it a date part (`月`) or an ordinal (`th`, `e`). English words count in every
language (an English sentence left in a Japanese article says `14.3 trillion`); the
language's own win. Only the languages of a run are built, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from contentlint.language import cldr_tables
from contentlint.language.cldr_numbers import BIDI, NUMERALS, from_babel
from contentlint.language.cldr_tables import read_table
from contentlint.language.profiles import Profile

ORDINALS = ("st", "nd", "rd", "th", "º", "ª")  # English and the ordinal indicators, read in every language
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
    # CLDR's scale words written before their number (Swahili `bilioni 240`), lowercase -> multiplier
    scales_before: dict = field(default_factory=dict, hash=False)
    percent_words: tuple[str, ...] = ()  # after a number: `Prozent`, `pour cent`
    percent_prefixes: tuple[str, ...] = ()  # before a number: `yüzde`, `asilimia`
    loose_percents: tuple[str, ...] = ()  # percent words after which a number may be plain (folded)
    cut_percents: tuple[str, ...] = ()  # percent words cut short (`proc.`): the same, a homograph's risk
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
    twelve_hours: bool = False  # CLDR's short time format is on the 12-hour clock (`h:mm a`)
    clock_words: tuple[str, ...] = ()  # before a time written with a dot (`klo 8.30`), lower case
    clock_words_after: tuple[str, ...] = ()  # and after one (`14.30 Uhr`)
    half_words: tuple[str, ...] = ()  # after a number and a word: a half more (`59 ans et demi`)
    cent_words: tuple[str, ...] = ()  # after a count of cents (`60 cents`, `৬০ সেন্ট`), lower case
    half_before: tuple[str, ...] = ()  # before a number: a half more (Hindi `साढ़े 59`)
    month_words: tuple[str, ...] = ()  # a month's forms CLDR lacks (`ヶ月`), lower case
    year_words: tuple[str, ...] = ()  # a year's for one (`vuoden`, `साल`), lower case
    era_offsets: tuple[int, ...] = ()  # a year counted from another era: Gregorian + offset (Thai 543)
    negative_words: tuple[str, ...] = ()  # beside a number, its minus (`minus 18`, `מינוס 18`), lower case
    scale_endings: bool = True  # a scale word of five letters or more may run on (`миллионами`)
    nouns_capitalized: bool = False  # German: a capital after `12.` opens a noun, not only a sentence
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
    english_words = {**_compounds(english_words), **english_words}
    own_words = {**own["scales"], **_words(profile.scales if profile else {})}
    own_words = {**_compounds(own_words), **own_words}
    scales = {**english_words, **own_words}
    scales = {**_cut(scales), **scales}  # `εκατ.`: cut short, where no other value's word starts so
    own_percent = _unique(own["percent"], profile.percent_words if profile else (), fold=True)
    # cut short as scale words are (`proc.` for `procentas`), maybe another word's too (`odst.`, paragraph)
    cut = tuple(w for w in _cut(dict.fromkeys(own_percent, 100)) if w not in scales and w not in own_percent)
    own_percent = _unique(own_percent, cut)
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
        scales_before=dict(own.get("scales_before", {})),
        percent_words=_unique(english_percent, own_percent),
        borrowed=frozenset(w for w in (*english_words, *english_percent) if w not in (*own_words, *own_percent)),
        percent_prefixes=_unique(own["percent_prefixes"], profile.percent_prefixes if profile else (), fold=True),
        loose_percents=_unique(profile.loose_percent_words if profile else (), fold=True),
        cut_percents=cut,
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
        twelve_hours=bool(own.get("clock12")),
        clock_words=_unique(profile.clock_words, fold=True) if profile else (),
        clock_words_after=_unique(profile.clock_words_after, fold=True) if profile else (),
        half_words=_unique(english.half_words if english else (), profile.half_words if profile else (), fold=True),
        cent_words=_unique(english.cent_words if english else (), profile.cent_words if profile else (), fold=True),
        half_before=profile.half_before if profile else (),
        month_words=_unique(profile.month_words, fold=True) if profile else (),
        year_words=_unique(profile.year_words, fold=True) if profile else (),
        era_offsets=tuple(profile.era_offsets) if profile else (),
        negative_words=_unique(english.negative_words if english else (), profile.negative_words if profile else (), fold=True),
        scale_endings=profile.scale_endings if profile else True,
        nouns_capitalized=profile.nouns_capitalized if profile else False,
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


def _compounds(words: dict) -> dict:
    """A thousand or a lakh of a larger scale, in words (`34 हज़ार करोड़`: 34 × 10³ × 10⁷, how
    Hindi and Bengali say 340 billion; `mille milliards`, `tisíc miliard`): CLDR lists a few of
    these (`mil millones`, `লাখ কোটি`), the language says all of them. Words only, not
    abbreviations (`mio`, `mrd`, `млрд`: no vowel, or three letters for the larger) or CJK
    numerals (parity/cjk_parts.py multiplies those); the compound must end where its words do
    (number_reader: `5 тысяч миллионеров` is 5,000 millionaires)."""
    def word(w: str, least: int) -> bool:
        return len(w) >= least and " " not in w and not w.endswith(".") and not all(c in NUMERALS for c in w) \
            and not (all(c in CASED for c in w) and not any(c in VOWELS for c in w))
    return {f"{a} {b}": va * vb for a, va in words.items() if word(a, 3) and 1000 <= va <= 100_000
            for b, vb in words.items() if word(b, 4) and vb > va}


def _cut(words: dict) -> dict:
    """A scale word cut short with a full stop, as the press writes it (Greek `εκατ.` for
    `εκατομμύρια`, of which CLDR lists only `εκ.`): three letters at least, two cut at least, a
    consonant before a vowel, and no scale word of another value starts with them (`milliar.` is
    no million)."""
    out = {}
    for w, value in words.items():
        if not (len(w) >= 6 and all(c in CASED for c in w)):
            continue
        for n in range(3, len(w) - 1):
            # cut after a consonant before a vowel, as abbreviations are (`thous.`, `milh.`); not after a
            # doubled letter, where the cut is a word of its own (`a $2 bill.`, `mill.`)
            cut = w[:n]
            if cut[-1] not in VOWELS and w[n] in VOWELS and cut[-1] != cut[-2] and cut not in words \
                    and all(v == value for o, v in words.items() if o.startswith(cut)):
                out[cut + "."] = value
    return out


# letters of the cased scripts, and their vowels: a word of them without a vowel is an abbreviation
CASED = frozenset("abcdefghijklmnopqrstuvwxyzáàâäãåæçéèêëíìîïñóòôöõøœúùûüýÿąćęłńśźżčďěňřšťůžőűğışабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
                  "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ")
VOWELS = frozenset("aeiouyáàâäãåæéèêëíìîïóòôöõøœúùûüýÿąęěůőűıаеёиоуыэюяіїєαεηιουωάέήίόύώ")


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
    return from_babel(code)


def write_table(path: Path | None = None) -> Path:
    """`rules/language-numbers.json` from Babel, for every language lingua knows."""
    return cldr_tables.write_table(TABLE, from_babel, path)


if __name__ == "__main__":
    print(write_table())
