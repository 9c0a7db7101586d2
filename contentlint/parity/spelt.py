"""Numbers written as words (`fifty`, `half`, `Hälfte`, `половина`): a number one side writes
in digits and the other spells out is not a difference. Each language's words are its
profile's `number_words`."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from contentlint.language.numbering import EXCLUDED, NumberFormat
from contentlint.parity.han import han_values, writes_han
from contentlint.parity.number_reader import SPACE, spaced as _spaced
from contentlint.parity.in_words import in_words, percent_in_words
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.signs import fold as _fold


INDIC = "\u0900-\u0dff"  # Devanagari to Sinhala: vowel signs and viramas are not \w, yet inside a word


def _ending(word: str, whole: bool = False) -> str:
    """What must follow a number word: in an Indic script no letter or sign (`পনের` is not the
    end of `স্থাপনের`); a short word ends where the word does, as a scale word (`number_reader._word`);
    a long one may be inflected (`Hälften`), unless `whole` (scale words of a language whose
    scale words take no endings: `thousands`, `millionaire` are no `thousand`, `million`)."""
    if "\u0900" <= word[:1] <= "\u0dff":
        return rf"(?![\w{INDIC}])"
    if word[-1:].isdigit():  # `3分の2が`: a word ending in a digit ends before the next digit
        return r"(?![0-9])"
    bare = word.rstrip(".")
    return r"(?![^\W\d_])" if (whole or len(bare) < 5) and not word.endswith(".") and _spaced(bare[-1:]) else ""


def _trie(words: list[str], whole: bool = False) -> str:
    """One pattern for many words, as a tree of their letters (`t(?:en|wenty|hirty)`): an
    alternation of whole words is tried word by word at every character, the tree once."""
    root: dict = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = _ending(word, whole)
    return _branch(root)


def _branch(node: dict) -> str:
    # words a blank parts may be hyphenated too (`एक-तिहाई` for `एक तिहाई`, `two-thirds`): _key
    options = [(f"(?:{SPACE}+|-)" if c == " " else re.escape(c)) + _branch(child) for c, child in node.items() if c]
    if "" in node:
        options.append(node[""])  # the word ends here: after its longer neighbours, which win
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def starts_word(text: str, at: int, first: str, proclitics: tuple[str, ...] = ()) -> bool:
    """Whether a number word whose first letter is `first` starts a word at `at`: where the
    script spaces words (`fifty`, not `Olympics`; no Indic letter or sign before `পনের`), or
    after one of the language's prefixes that starts the word (`العشرة`, `وعشر`)."""
    if _word_start(text, at, first):
        return True
    return any(text.startswith(p, at - len(p)) and _word_start(text, at - len(p), p[0])
               for p in proclitics if len(p) <= at)


def _word_start(text: str, at: int, first: str) -> bool:
    if not at or not _spaced(first):
        return True
    before = text[at - 1]
    if first.isdigit():  # `成長の3分の2`: a word with digits needs no digit before it, a space or not
        return not before.isdigit() and before not in ".,"
    if "\u0900" <= first <= "\u0dff":
        return not (before.isalnum() or before == "_" or "\u0900" <= before <= "\u0dff")
    return not before.isalpha()


@lru_cache(maxsize=64)
def _compiled(words: tuple[str, ...], whole: bool = False) -> re.Pattern:
    return re.compile(_trie([_fold(w) for w in words], whole))  # matched in lower-cased text: faster than IGNORECASE


@lru_cache(maxsize=1024)
def worded(text: str, fmt: NumberFormat) -> frozenset[str]:
    """The values the number words of `text` stand for: `half` 50%, `fifty` 50, `Hälfte` 50%.
    Cached: a source block is compared with each of its translations."""
    if not fmt.words:
        return frozenset()
    # the pattern matches a word's stem only (`Hälfte` in `Hälften`): each match is a key
    low = text.lower().translate(EXCLUDED)  # only values come out: offsets need not hold
    return frozenset({_key(fmt.words, m.group()) for m in _compiled(tuple(fmt.words)).finditer(low)
                      if starts_word(low, m.start(), m.group()[0], fmt.proclitics)} - {""})


def _key(words: dict[str, str], found: str) -> str:
    """The value of a number word as matched: as written, or with its hyphens as the blanks
    the profile writes (`एक-तिहाई` is `एक तिहाई`)."""
    word = _fold(found)
    return words.get(word) or words.get(_fold(word.replace("-", " ")), "")


@lru_cache(maxsize=1024)
def scaled(text: str, fmt: NumberFormat) -> frozenset[tuple[int, bool]]:
    """The multipliers of the scale words of `text` that stand without a number: one of them
    (`miljoona dollaria`, `el millón de dólares`, `مليون دولار` for `$1 million`), or some of
    them in words (`deux millions`, `zwei Millionen`, `multiple million`), a CJK one with the
    numerals before it (Korean `천만 달러`, ten million dollars)."""
    if not fmt.scales:
        return frozenset()
    low = text.lower().translate(EXCLUDED)
    folded = {_fold(w): v for w, v in fmt.scales.items()}
    # (multiplier, whether it may stand for more than one): a word of a spaced script; a Han or
    # Hangul character is also a syllable of other words (`하지만`, `万一`): only itself
    found = set()
    for m in _compiled(tuple(fmt.scales), not fmt.scale_endings).finditer(low):
        if m.group() not in folded or not starts_word(low, m.start(), m.group()[0], fmt.proclitics):
            continue
        value, start = _numerals_before(low, m, folded[m.group()], fmt.numerals)
        if not NUMBER_BEFORE.search(low, max(0, start - 4), start):
            found.add((value, _spaced(m.group()[-1])))
    return frozenset(found)


def _numerals_before(low: str, m: re.Match, value: int, numerals: dict) -> tuple[int, int]:
    """(value, start) of a CJK scale word with the numerals before it, when they make a word of
    their own, blanks or punctuation on both sides (Korean `천만 달러`: ten million dollars; not
    `수천만`, tens of millions, nor Chinese `千万不要`, by no means); else the scale word's."""
    start = m.start()
    while start and m.start() - start < 3 and low[start - 1] in numerals:  # `천만`, `백억`: a few at most
        start -= 1
    if start == m.start() or (start and low[start - 1].isalnum()) or low[m.end():m.end() + 1].isalnum():
        return value, m.start()
    for c in low[start:m.start()]:
        value *= numerals[c]
    return value, start


NUMBER_BEFORE = re.compile(rf"[0-9]{SPACE}*-?\Z")  # `3 miljoonaa`, `5-million`: a number's scale


def unmatched(values: list[str], text: str, fmt: NumberFormat, alone: bool = False, own: tuple | None = None) -> list[str]:
    """`values` less those a date part, ordinal or number word (`fifty`, `half`) of `text` stands
    for; a percentage too where `text` has its number as an ordinal that `own` (the text and
    format of the values' side) does not (a percentile: `the 55th percentile` as `yüzde 55'i`,
    the same value, a word changed). `alone`: the other side has no value in their place (none
    changed, only missing): then a scale word in words stands for any value of its size
    (`deux millions`)."""
    read = list(iter_numbers(text, fmt, parts=True))
    parts = Counter(value for value, *_ in read)
    out, spare = [], None
    for value in values:
        if parts[value] > 0:
            parts[value] -= 1
        elif value[-1:] == "%" and own is not None and (
                spare := _ordinals(read) - _ordinals(iter_numbers(*own, parts=True)) if spare is None else spare)[value[:-1]] > 0:
            spare[value[:-1]] -= 1  # `%55'i` for the other side's `55th percentile`
        else:
            out.append(value)
    plain = {v.removesuffix("%") for v in out}
    if out and fmt.words and (fmt.fractions or not fmt.spelt_values.isdisjoint(plain)):
        spelt = worded(text, fmt)
        out = [v for v in out if v not in spelt and v + "%" not in spelt and not _rounded(v, spelt)  # `half` for 50 % written `50 [%](/x)`
               and not (v.endswith("%") and v[:-1] in spelt and _said_percent(v, text, fmt))]  # `छप्पन प्रतिशत`, 56%
    if out and fmt.language and (words := in_words(out, text, fmt.language, fmt)):  # `Soixante-six` for 66
        out = [v for v in out if v not in words]
    if out and writes_han(fmt):  # Chinese and Japanese numerals: `十年` for `10 years`
        written = han_values(text)
        out = [v for v in out if v not in written]
    if out and any(v.endswith("%") for v in out) and (shares := fractions(text)):
        out = [v for v in out if v not in shares and not _rounded(v, shares)]  # `거의 2/3` for `almost 66%`
    if out and fmt.scales:  # a scale word on its own: `miljoona dollaria` for `$1 million`,
        # `deux millions` for 2,000,000: a value from it up to a thousand of it, where no value
        # stands in its place (`In 2016, thousands…` against `En 2019, des milliers…` is a change)
        bare = scaled(text, fmt)
        if bare:
            out = [v for v in out if not _within(v, bare, alone)]
    return out


def said_as_words(values: list[str], text: str, fmt: NumberFormat) -> set[str]:
    """Those of `values` that `text` writes as whole number words of exactly that value:
    num2words' spelling of the language (`vingt ans`; not `vingt-deux`, and not a percent word's
    `cent`) or Han numerals. Stricter than `unmatched`, which also takes a scale word alone
    (`des milliers`) or a profile word with an ending: this one may speak for another text."""
    out = set()
    if fmt.language:
        plain = text
        for word in fmt.percent_words:  # `pour cent`, `per cento`: no hundred
            plain = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", plain, flags=re.IGNORECASE)
        out |= in_words(values, plain, fmt.language, fmt)
    if writes_han(fmt):
        out |= set(values) & han_values(text)
    return out


def _said_percent(value: str, text: str, fmt: NumberFormat) -> bool:
    """Whether a profile's number word of `value`'s number stands beside a percent word."""
    return percent_in_words([w for w, v in fmt.words.items() if v == value[:-1]], text, fmt)


FRACTION = re.compile(r"(?<![0-9/.,])([1-9])/([1-9])(?![0-9/]|[.,][0-9])")  # `2/3`, not `24/7` nor `1/2/2020`


@lru_cache(maxsize=256)
def fractions(text: str) -> frozenset[str]:
    """The shares a text writes as a fraction of digits (`2/3`: 66.67%), which the other side
    may give as a percentage; a fraction of digits is the same in every language."""
    if "/" not in text:
        return frozenset()
    return frozenset(f"{100 * int(a) / int(b):.2f}".rstrip("0").rstrip(".") + "%"
                     for a, b in FRACTION.findall(text) if int(a) < int(b))


def _rounded(value: str, spelt: frozenset[str]) -> bool:
    """Whether a percentage is a rounding of a fraction in words (`66%`, `67 %` for `two thirds`)."""
    if not value.endswith("%"):
        return False
    try:
        number = float(value[:-1])
    except ValueError:
        return False
    return any(s.endswith("%") and "." in s and abs(float(s[:-1]) - number) < 1 for s in spelt)


def _within(value: str, scales: frozenset[tuple[int, bool]], ranged: bool) -> bool:
    """Whether a whole value (no percentage) is one of `scales`, or (`ranged`) at least one
    that may stand for more and below a thousand of it."""
    if value.endswith("%"):
        return False
    try:
        size = abs(float(value))
    except ValueError:
        return False
    return any(scale <= size < scale * 1000 if more and ranged else size == scale for scale, more in scales)


def _ordinals(parts) -> Counter:
    """The numbers among a text's parts (`iter_numbers(parts=True)`) that are ordinals (`55th`,
    `20.`), not a date's, a time's or a decade's."""
    return Counter(value for value, _, _, kind in parts if kind == "ordinal")
