"""Tokens no translation changes: codes, ratings, identifiers, versions (`Aa2`, `A+`, `BBB-`,
`v1.35`, `HTTP/2`, `12b-1`, `S&P`, `CPCU`), and the forms machine translation makes of them:
the same letters in another script (Cyrillic `Аа2`, `ВВВ`, Greek `Α1`, full-width `ＡＡ２`) or
transliterated (`एए2`, `أأ 2`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from contentlint.parity.number_reader import RANGE
from contentlint.parity.signs import continues


# Letters that look like Latin ones: Cyrillic and Greek capitals and small letters. Full-width
# Latin (`Ａ`) needs no table: NFKC folds it.
LOOK_ALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
})
LOOKS = re.compile("[" + "".join(sorted(chr(c) for c in LOOK_ALIKES)) + "\uff01-\uff5e]")
# A code: letters and digits together (`Aa2`, `v1`, `12b`, `3D`), a rating (`A+`, `BBB-`), or
# an acronym (`CPCU`, `S&P`); a letter before a sign and a bracket of capitals or digits is a
# formula's term (`P-(A-L)`), where a rating's qualifier is in small letters (`A-(mex)`, `A+(sf)`).
PART = r"(?:[A-Za-z]*[0-9][A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z]+[0-9][A-Za-z0-9]*|[A-Z][A-Z&]+|[A-Z][a-z]{1,2}(?=[0-9])|[A-Z](?=[+-](?!\([A-Z0-9]))|[0-9]+(?=-[A-Z]+\b))"
# joined by `/`, `.`, `&` (`HTTP/2`, `v1.35`, `A+/A1`), by `-` before a digit (`12b-1`; `AA-rated`
# is a word), or by `-` before capitals after digits (form numbers: `1040-NR`, `1040-SR`); not
# after a backslash: `\u00bd` left in a text is an escape, not a code; nor is a clock's
# `AM-4` (`9:30 AM-4:00 PM`)
TOKEN = re.compile(rf"(?<![\w&/.+\\-])(?![AaPp][Mm]-[0-9]){PART}[+-]?(?:[/.&][A-Za-z0-9]+[+-]?|-[0-9][A-Za-z0-9]*|(?<=[0-9])-[A-Z]+)*(?![\w&+])")
NOT_SCRIPT = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # a Latin letter: not a transliteration
OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # a letter of another script


@lru_cache(maxsize=512)  # a group's blocks are read together: a few hundred texts, not a run's
def tokens(text: str) -> tuple[str, ...]:
    """The tokens of a text that must stay as written, each once; not the words a list run
    together into one line leaves its markers glued to (`balanced1. Manufacturing`). Cached: a
    source block is read for each of its translations."""
    found = dict.fromkeys(m.group() for m in TOKEN.finditer(text) if not _plain(m.group()))
    if found and "." in text:
        items = list(RUN_ITEMS.finditer(text))
        if len(items) > 2 and _run_together(text, items):
            return tuple(t for t in found if t not in {m.group(1) for m in items})
    return tuple(found)


# A list run together into one line (`… are balanced1. Manufacturing the product1. Gathering …`,
# the markers glued to the last word of each item, as machine translation flattens a list): a
# word in small letters, the item's number and its full stop before the next item's first word
RUN_ITEMS = re.compile(r"(?<![\w&/.+\\-])([a-z]{2,}([0-9]{1,2}))\.[ \u00a0]+(?=[A-Z])")
FIRST_ITEM = re.compile(r"(?<![0-9])1\.[ \u00a0]*(?=[A-Z])")  # `include:1. Planning`: the list's first marker


def _run_together(text: str, items: list) -> bool:
    """The glued numbers are a list's markers: each `1.`, as Markdown numbers a list, or
    counting up from 2 after a first `1.` glued to the words before the list (three
    sentences ending in `web1.`, `web2.`, `web3.` are codes)."""
    numbers = [int(m.group(2)) for m in items]
    if set(numbers) == {1}:
        return True
    return numbers == list(range(2, 2 + len(numbers))) and FIRST_ITEM.search(text, 0, items[0].start()) is not None


def _plain(token: str) -> bool:
    """An ordinary capitalised word is no token (`The`; `USA` is one), nor a number with a
    suffix of the language (`20th`, `1920s`, `5km`, `0x`; before a range's hyphen, `'70s-'80s`):
    number parity reads those; nor a term or unit after a number that languages write their own
    way (`3D`: `3डी`; `16GB`: `16 Go`; `100x500`: `100 x 500`)."""
    return len(token) < 2 or (token.isalpha() and not token.isupper()) or \
        NUMBER_WORD.fullmatch(token.removesuffix("-")) is not None


# `20th`, `3D`, `16GB` (`16 Go`, `16 ГБ`); a product of two numbers (`100x500`, a quote's sizes,
# `100 x 500` or `100 × 500` in languages that space the sign): number parity compares both
NUMBER_WORD = re.compile(r"[0-9]+[a-z]+|[0-9]+[A-Za-z]{1,3}|[1-9][0-9]*[xX][0-9]+")  # not hex: `0x80070005`


def folded(text: str) -> str:
    """The text with look-alike letters and full-width forms read as the Latin ones."""
    return unicodedata.normalize("NFKC", text).translate(LOOK_ALIKES)


def disguised(token: str, text: str, claimed: frozenset | set = frozenset(),
              common: frozenset = frozenset(), named=None, spelled=None) -> str | None:
    """How `text` writes `token` in other letters: look-alikes (`Аа2` for `Aa2`) or full width,
    or transliterated around the same digits (`एए2`, `أأ 2`); None if it does not. `claimed`:
    forms already read as other tokens (`1040-СР` for `1040-SR`, then `1040-НР` for `1040-NR`).
    `common`: the language's function words, which transliterate nothing where a blank parts them
    from the digits (`на 1 квартал`: as of the first quarter, not `Q1`; `10-के` is `10-K`).
    A form is whole: it does not start inside a word (`ल्यू -2`, the end of `डब्ल्यू -2`). Up to four
    characters a letter, where `spelled(form)` says they spell letters (letter_names.by_any_names:
    `10-क्यू`, not `10-वर्ष`); up to eight where `named(form)` says they are the token's letters'
    names in the language (`डब्ल्यू`, seven, for W: letter_names.by_names)."""
    found = look_alike(token, text)
    if found is not None:
        return found
    if not any(c.isdigit() for c in token) or not OTHER_SCRIPT.search(text):
        return None  # no letter of another script to transliterate into: no pattern to compile
    for size, accept in ((4, spelled), (8, named)) if named is not None else ((4, spelled),):
        for m in _skeleton(token, size).finditer(text):
            letters, form = "".join(m.groups("")), m.group().strip()  # a blank after it is the text's, not the code's
            if letters and not NOT_SCRIPT.search(letters) and form not in claimed and not (" " in form and letters.casefold() in common) \
                    and not unicodedata.category(text[m.end() : m.end() + 1] or "a").startswith("M") \
                    and not _inside_word(text, m) and (accept is None or accept(form)):
                return form  # letters of another script, whole (`10-क` is not in `10-के`)
    return None


def _inside_word(text: str, m: re.Match) -> bool:
    """Whether the match's first letters start inside a word: after a mark or a letter (`ल्यू`,
    the end of `डब्ल्यू`); the blank the pattern may take before them is the text's."""
    at = next((m.start(k) for k in range(1, (m.re.groups or 0) + 1) if m.start(k) >= 0), m.start())
    return continues(text[at - 1 : at])


@lru_cache(maxsize=4096)
def _skeleton(token: str, size: int = 4) -> re.Pattern:
    """`12b-1` as a pattern whose letters may be of any script, up to `size` characters a letter,
    a space allowed between letters and digits: `12बी-1`, `एए2`, `أأ 2`, `एचपी-35`."""
    parts = []
    for piece in re.findall(r"[A-Za-z]+|[0-9]+|.", token):
        if piece[0].isalpha():
            # `क्यू` for `Q`: signs too; no Han character spells a Latin letter (`3 比 1`: 3 to 1)
            parts.append(r" ?([^\s\d.,;:!?()\[\]（）【】/。．！？।॥؟۔،、，\u3400-\u4dbf\u4e00-\u9fff-]{1,%d}) ?" % (size * len(piece)))
        else:
            parts.append(re.escape(piece))
    return re.compile(r"(?<![\w])" + "".join(parts) + r"(?![\w])")


def count(text: str, word: str) -> int:
    """How often `text` has `word` apart from the letters and digits around it."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def respelt(token: str, text: str) -> str | None:
    """The token without its hyphen, or with a space for it (`10K`, `10 K` for `10-K`)."""
    for form in (token.replace("-", ""), token.replace("-", " ")):
        if form != token and contains(text, form):
            return form
    return None


def spaced(token: str, text: str) -> str | None:
    """The token with spaces machine translation put beside its signs (`AA +` for `AA+`,
    `A+ /A1` for `A+/A1`)."""
    pattern = _spaced(token)
    m = pattern.search(text) if pattern is not None else None
    # a slash spaced on both sides stands between two tokens, as a style (`A- / A3`)
    return m.group() if m and " " in m.group().replace(" / ", "/") else None


def written(token: str, text: str) -> int:
    """How many times `text` writes the token, in the language's case, spaces beside its signs
    or not (`covid-19`, `COVID- 19`)."""
    pattern = _spaced(token, re.IGNORECASE)
    apart = sum(" " in m for m in pattern.findall(text)) if pattern is not None else 0
    return text.casefold().count(token.casefold()) + apart


@lru_cache(maxsize=4096)
def _spaced(token: str, flags: int = 0) -> re.Pattern | None:
    parts = re.findall(r"[A-Za-z0-9]+|[^A-Za-z0-9 ]", token)
    if len(parts) < 2 or all(p[0].isalnum() for p in parts):
        return None
    return re.compile(r"(?<![A-Za-z0-9])" + " ?".join(map(re.escape, parts)) + r"(?![A-Za-z0-9+-])", flags)


def look_alike(token: str, text: str) -> str | None:
    """The token in `text` written with look-alike letters or full width (`Аа2`, `ＡＡ２`)."""
    if text.isascii():
        return None
    read = _read(text)
    if read is text:
        return None  # no look-alike letter nor full-width form: nothing to find
    n = len(token)
    start = read.find(token)
    while start >= 0:
        found = text[start : start + n]
        # only a sign in its full-width form (`S＆P`) is Japanese and Chinese typography
        if found != token and edges(read, start, start + n) and any(a != b for a, b in zip(found, token) if b.isalnum()):
            return found
        start = read.find(token, start + 1)
    return None


@lru_cache(maxsize=256)
def _read(text: str) -> str:
    """`text` with look-alikes and full-width forms as Latin, one character for one (offsets
    hold); `text` itself when it has none. Cached: a block is read for each of its tokens."""
    if not LOOKS.search(text):
        return text
    return text.translate(ONE_FOR_ONE)


class _OneForOne(dict):
    """A translation table made as characters come: each character's folded form where that is
    one character, else the character itself (str.translate asks `table[ord(c)]`)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        form = folded(c)
        self[code] = form if len(form) == 1 else c
        return self[code]


ONE_FOR_ONE = _OneForOne()


MIXED = re.compile(r"[^\W_]*[A-Za-z][^\W_]*")
TOUCHING = re.compile(r"[A-Za-z][^\W\d_A-Za-z]|[^\W\d_A-Za-z][A-Za-z]")


def mixed_words(text: str) -> list[str]:
    """Words that mix Latin letters with look-alikes of another script (`СFРs`, `SWIFТ`): no
    language writes a word so, machine translation does."""
    if text.isascii() or not LOOKS.search(text) or not TOUCHING.search(text):
        return []  # no Latin letter touches another script's: most texts, quickly
    return [w for w in MIXED.findall(text) if not w.isascii() and LOOKS.search(w) and folded(w).isascii()]


def contains(text: str, token: str) -> bool:
    """Whether `token` stands in `text` apart from Latin letters and digits."""
    at = text.find(token)
    while at >= 0:
        if edges(text, at, at + len(token)):
            return True
        at = text.find(token, at + 1)
    return False


RANGE_END = re.compile(r"([0-9]+)([A-Za-z]+)")  # an end of a range of codes: digits, then letters (`5x`, `10x`)
NEXT_RANGE = re.compile(rf"[ \u00a0]*(?:[{RANGE}]|\S{{1,6}}[ \u00a0]+)?[0-9]")  # `10x-15x`, `10x à 15x`


def range_apart(token: str, text: str, joiner: str = "") -> bool:
    """A range of two codes of one shape (`5x-10x`: digits, then the same letters) that the
    translation writes with a range mark (number_reader.RANGE: `5x〜10x`) or the language's word
    that joins two items of a list (CLDR, `joiner`: `5x et 10x`, `5x und 10x`) between the ends,
    in order and in the source's case, each end whole (not `2,5x`, `3x-5x`) and the second no
    range's start (`5x et 10x à 15x`). Not codes of two shapes (`i7-8700K`, `RTX3080-10G`,
    `10-K`), nor ends parted by other words (`5x sans 10x`, `5x au lieu de 10x`) or a comma."""
    ends = token.split("-")
    shapes = [RANGE_END.fullmatch(end) for end in ends]
    if len(ends) != 2 or not all(shapes) or shapes[0].group(2) != shapes[1].group(2):
        return False
    first, second = map(re.escape, ends)
    for m in re.finditer(rf"(?<![A-Za-z0-9])(?<![0-9][.,])(?<![A-Za-z0-9][{RANGE}]){first}[ \u00a0]*(\S+?)[ \u00a0]*{second}(?![A-Za-z0-9])", text):
        between = m.group(1)
        joined = (len(between) == 1 and between in RANGE) or (bool(joiner) and between.casefold() == joiner)
        if joined and not NEXT_RANGE.match(text, m.end()):
            return True
    return False


def inflected(token: str, text: str) -> bool:
    """Whether `text` has the token with an ending of the language glued on (Malay `10-Qnya`):
    a code that ends in a capital or a digit, then small letters only."""
    if not (token[-1].isupper() or token[-1].isdigit()):
        return False
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(token) + r"[a-z]+(?![A-Za-z0-9])", text) is not None


def edges(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] stands apart from Latin letters and digits (Japanese runs on: `AA+に`)."""
    return (a == 0 or not (text[a - 1].isascii() and text[a - 1].isalnum())) and \
        (b == len(text) or not (text[b].isascii() and text[b].isalnum()))


VERSION = re.compile(r"[vV]?([0-9]+(?:\.[0-9]+)+)\+?")  # `v1.20`, `v1.20+` ("or later")


def versions_of(token: str, text: str) -> int | None:
    """How often `text` writes the version `token` names, in any form: `v1.20+` ("1.20 or
    later") as `v1.20 이상`, `v1.20以降`, `la version 1.20`; None if the token is no version."""
    m = VERSION.fullmatch(token)
    if m is None:
        return None
    return len(re.findall(rf"(?<![0-9.]){re.escape(m.group(1))}(?![0-9]|\.[0-9])", text))
