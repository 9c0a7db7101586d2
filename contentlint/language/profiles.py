"""Language profiles: declarative data from `rules/languages/` (the one source of truth), to
which a configuration's pack folders add languages or override keys (`<pack>/languages/*.yaml`).

A profile holds what a rule cannot know from the text: the local names of the Highlights
section, which repetitions are grammar, which marks take a space before them. Number formats
come from CLDR (numbering.py) unless a profile says otherwise. A language without a profile
gets conservative behaviour: rules that need profile data stay quiet for it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import yaml

from contentlint.base import schema


def data_dir() -> Path:
    """`rules/` of a source checkout, or the copy a wheel carries as `contentlint/_packs`."""
    package = Path(__file__).resolve().parents[1]  # contentlint/
    for candidate in (package.parent / "rules", package / "_packs"):
        if (candidate / "languages").is_dir():
            return candidate
    raise FileNotFoundError("contentlint's rules/ data folder is missing")


@dataclass(frozen=True)
class Profile:
    code: str  # ISO 639-1 (639-3 where the language has no two-letter code)
    name: str  # English name
    aliases: tuple[str, ...] = ()  # more names folders and front matter use for it
    highlights: tuple[str, ...] = ()  # local names of the Highlights section, preferred first
    space_before: str = ""  # marks that take a space before them in this language (French ;:!?)
    punctuation: str = ""  # the language's own sentence marks besides .,;:!? (`。、，！？`, `।`, `،؟`)
    decimal: str | None = None  # None: CLDR's
    grouping: tuple[str, ...] | None = None  # None: CLDR's
    scales: dict = field(default_factory=dict, compare=False, hash=False)  # word -> multiplier, over CLDR's
    percent_words: tuple[str, ...] = ()  # `prosent`, `Prozent`: a number before one is a percentage
    percent_prefixes: tuple[str, ...] = ()  # before a number, besides CLDR's: Thai `ร้อยละ 63.9`
    loose_percent_words: tuple[str, ...] = ()  # percent words that are a noun too: Arabic `النسبة المئوية`
    date_suffixes: tuple[str, ...] = ()  # `月`, `월`: a number before one is a date part, not a quantity
    ordinal_suffixes: tuple[str, ...] = ()  # `th`, `e`, `º`: a number before one is an ordinal
    unchanged_allow: tuple[str, ...] = ()  # text this language may keep unchanged from the source
    repetition: bool = False  # a word twice in a row is often grammar here (reduplication)
    repeat_ok: tuple[str, ...] = ()  # words that may stand twice in a row (`sie sie`, `hemen hemen`)
    # every noun is written with a capital: `Teilen teilen` inside a sentence is a noun, then a verb
    nouns_capitalized: bool = False
    # and those that may only inside a sentence: a pronoun before an article of the same form
    # (`beholder de de foretrekker`); at a sentence's start the pair is a stutter (`De de ansatte`)
    repeat_ok_inside: tuple[str, ...] = ()
    # word -> the words after which its pair is grammar: a pronoun after a preposition spelt like
    # the next word (Polish `składki na nie nie są`: contributions to them are not)
    repeat_ok_after: dict = field(default_factory=dict, compare=False, hash=False)
    # word -> words after one of which in its clause the pair is grammar (German `als`, than, after
    # a comparative, then `als`, as: `mehr wert als als Teile`)
    repeat_ok_in_clause: dict = field(default_factory=dict, compare=False, hash=False)
    # word -> the words right after its pair, after a comma, that make the second the start of a
    # fixed phrase (Swedish `kostnaden, som som mest …`: the relative pronoun, then `som mest`)
    repeat_ok_phrase: dict = field(default_factory=dict, compare=False, hash=False)
    # word -> the words right after its pair that, before a number, make the second open a bound: a
    # particle verb, then `up to` (Swedish `skjuta upp upp till 13 500`: defer up to 13,500)
    repeat_ok_bound: dict = field(default_factory=dict, compare=False, hash=False)
    repeat_ok_construct: tuple[str, ...] = ()  # the article's forms (`ال`): a construct's end, then the object
    # words that are a particle written onto a closing bracket, a word of their own after a blank
    # (Korean `(REIT)이 이 범주`: REIT [subject], this category)
    repeat_ok_glued: tuple[str, ...] = ()
    # a case ending (`-과`) -> words after a pair ending so that govern the case: a list's item,
    # then their complement (Korean `수익과 수익과 관련된 비용`: revenue and costs related to revenue)
    repeat_ok_governed: dict = field(default_factory=dict, compare=False, hash=False)
    # word -> the words right after its pair, inside a sentence, with which the second opens a
    # question (German `so wichtig wie wie viel`: as important as how much)
    repeat_ok_question: dict = field(default_factory=dict, compare=False, hash=False)
    # word -> the verbs and phrases after which its pair, before an infinitive, opens a clause
    # whose subject is that infinitive (Swedish `säger att att ha`: says that having); the
    # endings an infinitive of the language has (`infinitive_endings`), those of nouns that end
    # like one (`noun_endings`: `kunderna`), and the words that end like one and are none
    # (`not_infinitives`: `vi`, `många`)
    repeat_ok_infinitive: dict = field(default_factory=dict, compare=False, hash=False)
    infinitive_endings: tuple[str, ...] = ()
    noun_endings: tuple[str, ...] = ()
    not_infinitives: tuple[str, ...] = ()
    # words that never open a sentence (Korean particles `은`, `를`): a translation's paragraph that
    # opens with one lost its beginning (parity/dropped.py)
    fragment_openers: tuple[str, ...] = ()
    # a word or two-word phrase after a pair that qualifies the second (Arabic `أخرى`, other;
    # `من الباطن`, sub-): subject and object, or a list's item and its sub-kind
    repeat_ok_before: tuple[str, ...] = ()
    # affixes (`ال-` a prefix, `-ة` a suffix) that a word after the pair sharing one with it
    # agrees by: an adjective qualifying the second, the object (Arabic `شركة شركة مستقلة`: a
    # company [creates] an independent company)
    repeat_ok_agreeing: tuple[str, ...] = ()
    # endings of past participles spelt like a noun (Spanish `un impuesto impuesto`: a tax
    # imposed; Italian `un prodotto prodotto`): after a function word, the pair is grammar
    participle_endings: tuple[str, ...] = ()
    # words that open a subordinate clause first in a sentence, in a verb-second language that
    # sets no comma after it: the clause's last verb and the main clause's verb may be the
    # same word (Swedish `När räntorna sänks sänks …`: when rates fall, … fall)
    clause_openers: tuple[str, ...] = ()
    # words for a number the other language may write in digits (`fifty`: 50, `half`: 50%,
    # `Hälfte`): a number the other side has is not missing here when one of them is
    number_words: dict = field(default_factory=dict, compare=False, hash=False)
    # endings written joined to a number word that keep its number (German `elfmal`, eleven
    # times; `zehnfach`): the word with one of them stands for the number too
    number_word_suffixes: tuple[str, ...] = ()
    # endings a cardinal takes joined in running text, read on num2words' spellings only (four
    # letters or more, parity/in_words.py): Turkish `elli altısı`, its fifty-sixth part
    cardinal_endings: tuple[str, ...] = ()
    # num2words' language whose cardinals this one writes (Malay: Indonesian's), the parts of
    # them it writes otherwise (`delapan`: `lapan`), and a cardinal's last part as it stands
    # before a case ending (Finnish `kahdeksan`: `kahdeksa-lla`)
    cardinals_like: str = ""
    cardinal_respellings: dict = field(default_factory=dict, compare=False, hash=False)
    cardinal_stems: dict = field(default_factory=dict, compare=False, hash=False)
    # closed-class words (articles, prepositions, pronouns, auxiliaries): a run of another
    # language's words with several of them is prose left untranslated, without them a term
    function_words: tuple[str, ...] = ()
    # particles written glued to the word before, never alone (Korean `를`, `에서`): one after
    # a space was split off by machine translation
    bound_particles: tuple[str, ...] = ()
    # prefixes written joined to the word after them (Arabic `و` and, `ال` the, `ب` with;
    # Hebrew `ו`, `ה`, `ב`): a number or scale word may carry one (`العشرة` the ten, `وعشر`)
    proclitics: tuple[str, ...] = ()
    # how the language names a decade, `{}` for its number (`los años {}`, `{} के दशक`): that
    # number (`90`, `1990`) is a date, left out like `the 1990s`
    decades: tuple[str, ...] = ()
    # abbreviations of this language that translations write out in words (`Q1`: `premier
    # trimestre`, `第1四半期`): not codes that must stand unchanged
    spelled_out: tuple[str, ...] = ()
    # code -> word stems: a code the language writes in its own letters, as its institutions do,
    # where a word of the block starts with one of the stems (Russian `М2` beside `денежн…`, the
    # money supply; not the `М2` of a chip): not a disguised token of the source
    own_tokens: dict = field(default_factory=dict, compare=False, hash=False)
    # Latin letter -> its names in the language's script, where the language writes Latin
    # abbreviations by them (Hindi `एसईसी` for SEC, `10-के` for 10-K): a code so written is its
    # way, wrong only where the document also writes that code in Latin letters
    letter_names: dict = field(default_factory=dict, compare=False, hash=False)
    # after an hour, the 12-hour clock's afternoon (`3 p.m.`): read as 15 too
    afternoon: tuple[str, ...] = ()
    # before a time of day written with a dot (`klo 8.30`): its hour and minutes, no decimal
    clock_words: tuple[str, ...] = ()
    # after a time of day written with a dot (`14.30 Uhr`, `9.30 uur`): likewise
    clock_words_after: tuple[str, ...] = ()
    # after a whole number and at most one word, a half (`59 ans et demi`, `59 anni e mezzo`): 59.5
    half_words: tuple[str, ...] = ()
    half_before: tuple[str, ...] = ()  # before a number, a half more (Hindi `साढ़े 59`: 59.5)
    cent_words: tuple[str, ...] = ()  # after a count of a currency's hundredths: `cents`, `セント`
    # forms of the duration words CLDR does not list (parity/year_months.py): a month's after a
    # count (Japanese `12ヶ月`), a year's for one (Finnish `vuoden`, Hindi `साल`)
    month_words: tuple[str, ...] = ()
    year_words: tuple[str, ...] = ()
    # how far ahead of the Gregorian year the language may count a year (Thai 543: 2566 for
    # 2023, the Buddhist era): a year of the other side so shifted is that year
    era_offsets: tuple[int, ...] = ()
    # words that make a number negative, before or after it (`מינוס 18`, `18 درجة تحت الصفر`,
    # `零下18度`): the other side's `-18`
    negative_words: tuple[str, ...] = ()
    # whether a scale word takes case endings after a number (Russian `миллионами`, Turkish
    # `milyonluk`): then one of five letters or more may run on. False where CLDR's forms are
    # all there are, so a longer word is another word (French `200 milles` is 200 miles)
    scale_endings: bool = True
    # scale words after a number that are as often another word there (Korean `1040만`:
    # "only 1040" or 10.4 million; `341조`: article 341 of a law or 341 trillion): the bare
    # number is another reading, which the other side may have
    scale_homographs: tuple[str, ...] = ()
    # words that open with a scale word and are none, written joined to a number (Korean
    # `55백분위수`, Chinese and Japanese `55百分位`: the 55th percentile, not 5,500)
    scale_lookalikes: tuple[str, ...] = ()


# libyaml's safe loader where PyYAML has it: 28 profiles read in 0.1 s in pure Python, a tenth
# of a pre-commit run's budget
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ProfileError(ValueError):
    pass


WORD_MAP = schema.mapping_of(schema.STRINGS, "lists of words", "mapping")  # a word -> words
# Every key a profile may have, and its type: a misspelt or mistyped key is an error, not a
# profile that quietly lacks its Highlights names.
KEYS = {
    "code": schema.matching(r"[a-z]{2,3}", "an ISO 639-1 (or 639-3) code"), "name": schema.TEXT,
    "aliases": schema.STRINGS, "highlights": schema.STRINGS, "space_before": schema.STRING,
    "punctuation": schema.STRING, "decimal": schema.TEXT, "grouping": schema.STRINGS,
    "scales": schema.mapping_of(schema.WHOLE, "whole numbers", "mapping"), "percent_words": schema.STRINGS, "percent_prefixes": schema.STRINGS,
    "loose_percent_words": schema.STRINGS,
    "date_suffixes": schema.STRINGS, "ordinal_suffixes": schema.STRINGS, "unchanged_allow": schema.STRINGS,
    "repetition": schema.BOOL, "nouns_capitalized": schema.BOOL, "repeat_ok": schema.STRINGS, "repeat_ok_inside": schema.STRINGS,
    "repeat_ok_after": WORD_MAP, "repeat_ok_in_clause": WORD_MAP, "repeat_ok_phrase": WORD_MAP,
    "repeat_ok_bound": WORD_MAP, "repeat_ok_governed": WORD_MAP, "repeat_ok_question": WORD_MAP,
    "repeat_ok_infinitive": WORD_MAP, "repeat_ok_construct": schema.STRINGS, "repeat_ok_glued": schema.STRINGS,
    "infinitive_endings": schema.STRINGS, "noun_endings": schema.STRINGS, "not_infinitives": schema.STRINGS,
    "fragment_openers": schema.list_of(schema.TEXT, "non-empty strings"),
    "repeat_ok_before": schema.STRINGS,
    "repeat_ok_agreeing": schema.list_of(schema.Kind("an affix: a prefix ending or a suffix starting with -",
                                                     lambda v: isinstance(v, str) and len(v.strip("-")) > 0
                                                     and (v.endswith("-") != v.startswith("-"))), "affixes"),
    "participle_endings": schema.STRINGS, "clause_openers": schema.STRINGS,
    "function_words": schema.STRINGS, "bound_particles": schema.STRINGS, "proclitics": schema.STRINGS,
    "decades": schema.list_of(schema.Kind("a phrase with one {} for the number", lambda v: isinstance(v, str)
                                          and v.count("{}") == 1 and v.strip() != "{}"), "phrases with one {}"),
    "spelled_out": schema.STRINGS,
    "own_tokens": schema.mapping_of(schema.STRINGS, "lists of word stems", "mapping"), "letter_names": schema.mapping_of(schema.STRINGS, "lists of names", "mapping"),
    "afternoon": schema.STRINGS, "clock_words": schema.STRINGS, "clock_words_after": schema.STRINGS, "half_words": schema.STRINGS, "half_before": schema.STRINGS,
    "cent_words": schema.STRINGS,
    "month_words": schema.STRINGS, "year_words": schema.STRINGS, "era_offsets": schema.list_of(schema.WHOLE, "whole numbers"),
    "negative_words": schema.STRINGS,
    "scale_endings": schema.BOOL, "scale_homographs": schema.STRINGS, "scale_lookalikes": schema.STRINGS,
    "number_words": schema.mapping_of(schema.QUANTITY, "numbers or percentages", "mapping"),
    "number_word_suffixes": schema.STRINGS, "cardinal_endings": schema.STRINGS,
    "cardinals_like": schema.STRING, "cardinal_respellings": schema.mapping_of(schema.STRING, "words", "mapping"),
    "cardinal_stems": schema.mapping_of(schema.STRING, "words", "mapping"),
}
LISTS = tuple(f.name for f in fields(Profile) if "tuple" in str(f.type))


def _read(path: Path, complete: bool = True) -> dict:
    """A profile's keys, each checked; `complete`: it must name its code and name (a pack's
    profile of a shipped language needs only its code)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise ProfileError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a language profile should be a mapping, not {schema.describe(data, yaml=True)}")
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), list(KEYS), n=1)
            raise ProfileError(f"{path}: unknown key '{key}'" + (f"; did you mean '{close[0]}'?" if close else ""))
        problem = KEYS[key].problem(value, yaml=True)
        if problem:
            raise ProfileError(f"{path}: '{key}' {problem}")
    missing = [k for k in (("code", "name") if complete else ("code",)) if k not in data]
    if missing:
        raise ProfileError(f"{path}: needs {', '.join(missing)}")
    return {k: tuple(v) if k in LISTS else v for k, v in data.items()}


@lru_cache(maxsize=8)
def load_profiles(folder: str | None = None) -> dict[str, Profile]:
    """The profiles of one folder (default: the shipped ones), by code."""
    root = Path(folder) if folder else data_dir() / "languages"
    profiles: dict[str, Profile] = {}
    for path in sorted(root.glob("*.yaml")):
        data = _read(path)
        if data["code"] in profiles:
            raise ProfileError(f"{path}: 'code' {data['code']} is already {profiles[data['code']].name}'s code")
        profiles[data["code"]] = Profile(**data)
    return profiles


class Profiles:
    """The profiles of one run: the shipped ones, with its packs' added or merged over them."""

    def __init__(self, by_code: dict[str, Profile]) -> None:
        self.by_code = by_code

    def get(self, code: str | None) -> Profile | None:
        return self.by_code.get(code) if code else None

    def __contains__(self, code) -> bool:
        return code in self.by_code

    def lacking(self, codes) -> list[str]:
        """The codes among `codes` without a profile, sorted."""
        return sorted(c for c in set(codes) if c and c not in self.by_code)

    def highlight_names(self, code: str | None) -> set[str]:
        """The accepted names of the Highlights section in `code` (none without a profile)."""
        profile = self.get(code)
        return {normalize_title(n) for n in profile.highlights} if profile else set()


@lru_cache(maxsize=8)
def for_run(pack_folders: tuple[str, ...] = ()) -> Profiles:
    """Shipped profiles, then each pack folder's `languages/*.yaml` in order: a new code adds a
    language; a known one overrides the keys it sets."""
    merged = dict(load_profiles())
    for folder in pack_folders:
        for path in sorted((Path(folder) / "languages").glob("*.yaml")):
            data = _read(path, complete=False)
            base = merged.get(data["code"])
            if base is None:
                if "name" not in data:
                    raise ProfileError(f"{path}: needs name (no shipped profile has code '{data['code']}')")
                merged[data["code"]] = Profile(**data)
            else:
                merged[data["code"]] = Profile(**{**{f.name: getattr(base, f.name) for f in fields(Profile)}, **data})
    return Profiles(merged)


def normalize_title(text: str) -> str:
    return " ".join(text.replace("：", ":").rstrip(":").split()).casefold()
