"""The digits of a name (`base64`, `COVID-19`): no quantity, which number parity leaves out and
pairs with the same digits written as a number on the other side (`Form1040` for `Form 1040`)."""

from __future__ import annotations

import re

# The digits that end a name of two Latin letters or more (`base64`, `Base64`, `sha256`,
# `ipv6`): a code, which token-mismatch compares, no quantity. Not a version's `v1.20` nor
# `x10`, nor digits after the letters of a script written without blanks (`約20`), nor of one
# whose prepositions join the number (Arabic `و10،000`, `ب5`). Korean parts its words with
# blanks and joins to a number the prefix `제` (`제16조`), a numeral (`1억5000만`), or a word
# machine translation failed to part from it (`전년대비12%`, `직원50,000명`, `영업이익1조`):
# digits after two syllables that are no numeral end a name (`코로나19`, COVID-19) only where
# nothing of a quantity follows — no decimal, group, percent sign, scale or counter — but a
# blank, a mark or a case particle that ends the word (`코로나19로`, `코로나19의`).
PARTICLES = "으로|에서|부터|까지|처럼|보다|은|는|이|가|을|를|의|에|로|와|과|도"
NAME_DIGITS = re.compile(r"(?<=[A-Za-z]{2})[0-9]+(?:[,.][0-9]{3}(?![0-9]))*"  # `Wilshire5,000`: grouped too
                         r"|(?<=[\uac00-\ud7a3]{2})(?<![십백천만억조])[0-9]+(?![0-9]|[.,][0-9]|\s*%)"
                         rf"(?=$|[\s)\]}}.,;:!?'\"”’」』…·~-]|(?:{PARTICLES})(?![\uac00-\ud7a3]))")
LATIN_BEFORE = frozenset("-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def name_before(c: str) -> bool:
    """Whether a name's digits may follow `c` (a Latin letter, a hyphen, a Hangul syllable):
    where numbers.py looks for one."""
    return c in LATIN_BEFORE or "\uac00" <= c <= "\ud7a3"
# The number after a hyphen that ends an upper-case name (`COVID-19`, `CAC-40`, `HP-35`): the
# name's, which token-mismatch compares as a token (a dropped `COVID-19` is one finding, not
# two), and which a translation may write in its own words (`新冠`). Not after a word in lower
# or mixed case (`mid-2021`, `Mid-2021`, `Jan-10`, `Top-20`: quantities and dates).
NAMED = re.compile(r"(?<=[^\W\d_]{2}-)[0-9]+")  # the digits after two letters and a hyphen: named() decides
TAIL = re.compile(r"[0-9]+(?:[.,:][0-9]|%)")


def name_start(text: str, hyphen: int) -> int:
    """Where the letters right before `text[hyphen]` start (`hyphen` itself if none do)."""
    i = hyphen
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def after_name(text: str, at: int) -> bool:
    """Whether the digits at `at` follow a hyphen and a word of two letters or more, in any
    case (`Covid-19`)."""
    return text[at - 1:at] == "-" and at - 1 - name_start(text, at - 1) >= 2


def named(text: str, start: int) -> bool:
    """Whether the digits at `start` follow an upper-case name and a hyphen (NAMED); not a unit
    after a number (`10 AM-4 PM`, a range of hours), nor a time or a decimal (`AM-4:00`)."""
    i = name_start(text, start - 1)  # the name's first letter, before the hyphen
    return (text[start - 1:start] == "-" and start - i > 2 and text[i:start - 1].isupper()
            and not text[:i].rstrip()[-1:].isdigit() and not TAIL.match(text, start))


def glued(text: str) -> set[str]:
    """The values of the digits that end a name in `text`, which iter_numbers leaves out."""
    if not text:
        return set()
    hyphened = {str(int(m.group())) for m in NAMED.finditer(text) if named(text, m.start())} if "-" in text else set()
    return {str(int(re.sub("[,.]", "", m.group()))) for m in NAME_DIGITS.finditer(text)} | hyphened


HYPHENED = re.compile(r"-([0-9]+)\b")  # a hyphen, then digits: the letters before are read apart


def _hyphened(text: str, value: str | None = None):
    """(name folded with its number, where the digits start) of each `Name-19` in `text` whose
    name has two letters or more, in any case; only those of `value` where given."""
    for m in HYPHENED.finditer(text):
        if value is not None and m.group(1) != value:
            continue
        if after_name(text, m.start(1)):
            yield text[name_start(text, m.start()):m.end()].casefold(), m.start(1)


def names(text: str) -> frozenset[str]:
    """The upper-case names with a number after a hyphen that a document writes anywhere
    (`COVID-19`), folded: `Covid-19` in a block of the other side is that name, not a number."""
    return frozenset(name for name, at in _hyphened(text) if named(text, at))


def named_as(value: str, text: str, known: frozenset[str], count: int) -> bool:
    """Whether `text`, which writes `value` `count` times, writes it only as the number of one of
    the `known` names, in any case (`Covid-19-stimulussjekker` where the source writes
    `COVID-19`); not where it also writes it on its own (`Covid-19 … 19 maahan`)."""
    found = [name for name, _ in _hyphened(text, value)]
    return bool(found) and len(found) >= count and all(name in known for name in found)
