"""Acronyms a translation names its own way: a compound of an acronym and a number or sign
(`EU8` as `UE8`, `OPEC+` as `ОПЕК+`), an acronym in look-alike letters that is the
language's own (`ЕС`, `ММ`), or one read as a word and spelled by its sound (`كوفيد-19`,
`코로나19`), not a disguised code (tokens.py, token-mismatch)."""

from __future__ import annotations

import re
import unicodedata

from contentlint.parity.third import ANY_UNSPACED
from contentlint.parity.tokens import contains, count

# A name made of an acronym and a number or sign (`EU8`, `OPEC+`, `G20` has one letter: a
# code); not a rating's letters (`AA+`, `BBB-`: their letters are no name to translate)
ACRONYM_NAME = re.compile(r"([A-Z]{2,})(-?)([0-9]+|\+)")
RATING_LETTERS = frozenset("ABCD")


def renamed(token: str, block: str, source: str, translation: str, common: frozenset = frozenset()) -> bool:
    """Whether the translation's block names an acronym's compound its own way: the acronym
    kept with a hyphen (`EU-8-Bürger` for `EU8`), or the translation's own name of the
    acronym right before the number or sign (`UE8`, `AB8`, `ЕС8`, `欧盟 8 国`; `OPEP+`, `ОПЕК+`,
    `أوبك +`, `एचपी-35`), where the translation names the acronym so throughout: it writes the
    source's acronym in under half the places the source does, and that name elsewhere too.
    `common`: the translation's function words, never a name (`de 27 mai`, `من 10`)."""
    m = ACRONYM_NAME.fullmatch(token)
    if m is None or set(m.group(1)) <= RATING_LETTERS:
        return False
    acronym, tail = m.group(1), m.group(3)
    if tail.isdigit() and contains(block, f"{acronym}-{tail}"):
        return True
    alone = count(source, acronym)
    if 2 * count(translation, acronym) >= alone:
        return False
    return any(w.casefold() not in common and _a_name(w, translation, alone) for w in _words_before(block, tail))


def own_acronym(found: str, token: str, source: str, translation: str) -> bool:
    """Whether an acronym in look-alike letters is the language's own word (Russian `ЕС`, the
    EU, for the source's `EC`): letters only, no rating's, not full width (no language's),
    and the translation writes it throughout (five times at least, more than three times as
    often as the source writes the token), where a disguised code (`ВТС` for `BTC`) stands
    about where the source's does; or, never writing the source's letters, it spells the
    acronym out in its own words as the source does in its (`ММ` beside `маркет-мейкер`, the
    source's `MM` beside `market maker`), where a code (`ВТС` for `BTC`) or an acronym the
    translation does not spell out (`ОТМ`, out of the money) has none."""
    if not token.isalpha() or set(token) <= RATING_LETTERS or found.isascii() or FULL_WIDTH.search(found):
        return False
    mine = count(translation, found)
    return mine >= 5 and mine > 3 * count(source, token) \
        or not count(translation, token) and _spelt_out(token, source, 2) and _spelt_out(found, translation, 3)


def _spelt_out(acronym: str, text: str, least: int) -> bool:
    """Words of `text` in a row, `least` letters each or more (no one-letter preposition: `в
    том случае` is no `ВТС`), a space or hyphen between, whose first letters spell `acronym`:
    the source's (`market maker`) and the translation's own (`маркет-мейкер`)."""
    if not 2 <= len(acronym) <= 6:
        return False
    words = r"[\s-]+".join(rf"{re.escape(c)}\w{{{least - 1},}}" for c in acronym)
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def _words_before(text: str, tail: str):
    """The word right before each `tail` (a number or sign) of a text, a space or hyphen
    between at most, or a space before the hyphen as machine translation spaces it (`l'UE8`,
    `ОПЕК+`, `أوبك +`, `欧盟 8 国`, `كوفيد -19`); a number that runs on is none."""
    at = text.find(tail)
    while at >= 0:
        digit_on = tail[0].isdigit() and (text[at - 1:at].isdigit() or text[at + len(tail):at + len(tail) + 1].isdigit())
        j = at - 1
        if j >= 0 and text[j] in " -":  # a spaced minus before a percentage is a sign (`PIB -19 %`)
            j -= 1 + (text[j] == "-" and text[j - 1 : j] == " " and not PERCENT_AFTER.match(text, at + len(tail)))
        k = j
        while k >= 0 and unicodedata.category(text[k])[0] in "LM":
            k -= 1
        if not digit_on and k < j:
            yield text[k + 1 : j + 1]
        at = text.find(tail, at + 1)


PERCENT_AFTER = re.compile(r"\s*[%％٪]")


def _a_name(word: str, text: str, alone: int) -> bool:
    """Whether a word before a compound's number is a name the text uses as the source uses
    the acronym alone (`alone` times): capitals (`UE`, `ОПЕК`, `LHBTQ`) written elsewhere too
    where the source writes the acronym more than once; in a script without case, a word or
    (without spaces) its last two to four characters, three times where the source has it
    three times or more (`أوبك`, `欧盟`, `코로나`)."""
    if word.upper() != word.lower():  # a script with case
        return len(word) >= 2 and word.isupper() and count(text, word) >= min(2, alone)
    if ANY_UNSPACED.search(word[-1]):
        return any(text.count(word[-n:]) >= min(3, alone) for n in range(2, min(4, len(word)) + 1))
    return len(word) >= 2 and text.count(word) >= min(3, alone)


def spoken(token: str) -> bool:
    """The token's letters are an acronym read as a word (`COVID-19`, `NASDAQ-100`: four
    letters or more, two of them vowels, no three consonants or vowels in a row), which a script
    spells by its sound, as its readers say it (Arabic `كوفيد-19`); a code read letter by
    letter (`10-K`, `CPCU`, `1099-DIV`, `AIFMD2`, `Aa2`) is not: spelled in another script it is
    a disguised code. (`OECD`, `USAA` pass for words: a known limit.)"""
    return any(len(run) >= 4 and sum(c in "AEIOU" for c in run) >= 2 and not CLUSTER.search(run)
               for run in CAPITALS.findall(token))


def said(token: str, text: str) -> bool:
    """Whether `text` names a spoken token (`COVID-19`) by a word of its own script with the
    token's digits joined to it (`코로나19`, Korean's name of the disease): the translation's
    name, as much as a spelling by sound (`كوفيد-19`) is. Joined only: `около 19` (about 19)
    is a number."""
    digits = re.search(r"[0-9]+$", token)
    return bool(digits) and spoken(token) and any(
        m.group(1) == digits.group() and not m.group().isascii() for m in OWN_NAME.finditer(text))


OWN_NAME = re.compile(r"[^\W\d_]{2,}([0-9]+)(?![0-9])")  # a word and the digits joined to its end
CLUSTER = re.compile(r"[^AEIOU]{3}|[AEIOU]{3}")  # no word says `FMD` or `IAE` (`AIFMD`, `IAEA` are spelled)
CAPITALS = re.compile(r"(?<![a-z])[A-Z]+(?![a-z])")  # an acronym's letters (not `1970Source`, a glued word)
