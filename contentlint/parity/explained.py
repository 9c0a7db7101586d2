"""Differences of numbers between aligned units that are no differences: the number of a name
(`K-12`, `Covid-19` beside `COVID-19`), a scale word in a form no profile lists, a time of day or
a law's numbered paragraph one side writes with a dot (`19:38`, `19.38`; `12(3)`, `12.3`), or a number inside
text left in another language (untranslated-segment reports that: one defect, one finding)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import regex

from contentlint.language.names import key  # a name's fold: no case, no accents
from contentlint.parity.kit import untranslated
from contentlint.parity.name_digits import named_as, names
from contentlint.parity.number_parity import lost_scale, paired
from contentlint.parity.numbers import DIGITS, iter_numbers
from contentlint.parity.other_forms import HOUR, NOT_AFTER, NOT_BEFORE
from contentlint.parity.signs import spaced as _spaced


def explained(diffs: list, r, t, p, profiles: tuple, formats: tuple) -> list:
    """`diffs` (number_parity.near_differences) less what a name or a missing profile explains.
    `profiles`, `formats`: the source's and the translation's."""
    (source, target), (ref_fmt, fmt) = profiles, formats
    if source and source.spelled_out:
        diffs = _unspelled(diffs, r.text, source.spelled_out, ref_fmt, 0)
    if diffs and target and target.spelled_out:  # a name with a number of the translation's
        diffs = _unspelled(diffs, t.text, target.spelled_out, fmt, 1)
    elif diffs and target is None:  # CLDR lists a language's scale and percent words, not their other forms
        diffs = [d for d in diffs if not (d[0] and d[1] and (lost_scale(d[1], d[0]) or _other_form(d, t.text, fmt)))]
    if diffs:  # `19:38`, `12(3)`, `1-1`, `06/2027` where the other side writes `19.38`, `12.3`, `1.1`, `06.2027`
        diffs = _dotted(diffs, r.text, t.text)
    if diffs and "-" in r.text + t.text:  # `Covid-19` where the other side writes `COVID-19`
        diffs = _unnamed(diffs, r, t, p)
    if diffs and any(d[1] for d in diffs) and (spans := [(a, b) for (u, a, b, *_), _, _ in untranslated(p) if u is t]):
        diffs = _unforeign(diffs, t, spans, fmt)
    return diffs


# Two numbers one side writes apart and the other as one dotted number, read as a decimal: a
# time of day (`19:38`; the Nordic, Catalan, Croatian and Hungarian `kl. 19.38`, a timetable's
# `19.38`), a numbered paragraph of a law or contract (`Article 12(3)`, Swedish `artikel 12.3`;
# a clause `1.1`, Arabic `١-١`) and a month and year (`EXP 06/2027`, Russian `годен до 06.2027`)
_NOT_AFTER, _NOT_BEFORE, _HOUR, _PART = NOT_AFTER, NOT_BEFORE, HOUR, r"([0-9]{1,3})"
APART = (re.compile(_NOT_AFTER + _HOUR + r":([0-5][0-9])" + _NOT_BEFORE),
         re.compile(_NOT_AFTER + _PART + r"[ \u00a0]?\(([0-9]{1,2})\)"),
         re.compile(_NOT_AFTER + _PART + r"-([0-9]{1,2})" + _NOT_BEFORE),
         re.compile(_NOT_AFTER + r"(0?[1-9]|1[0-2])/((?:19|20)[0-9]{2})" + _NOT_BEFORE))
_DOTTED_PART = re.compile(_NOT_AFTER + _PART + r"\.([0-9]{1,2})" + _NOT_BEFORE)  # `12.3`, `1.1`
DOTTED = (re.compile(_NOT_AFTER + _HOUR + r"\.([0-5][0-9])" + _NOT_BEFORE), _DOTTED_PART, _DOTTED_PART,
          re.compile(_NOT_AFTER + r"(0?[1-9]|1[0-2])\.((?:19|20)[0-9]{2})" + _NOT_BEFORE))


def _dotted(diffs: list, r_text: str, t_text: str) -> list:
    """Without two numbers one side writes apart (`19:38`, `12(3)`) that the other writes as one
    dotted number (`19.38`, `12.3`, read as a decimal): the dotted value, and the two numbers
    where they are differences. Only as often as the side has the apart form more than the
    other: `19:38 … 38 EUR` against `19:38 … 19.38 EUR` keeps its time, and the price changed.
    A decimal beside other digits stays a difference."""
    sides = [[d[k] for d in diffs if d[k]] for k in (0, 1)]
    dropped = False
    r_text, t_text = r_text.translate(DIGITS), t_text.translate(DIGITS)  # `١-١`: any script's digits
    for apart, dotted in zip(APART, DOTTED):
        for k, (one, other) in enumerate(((r_text, t_text), (t_text, r_text))):
            pairs = Counter((int(m[1]), m[2]) for m in apart.finditer(one))
            pairs -= Counter((int(m[1]), m[2]) for m in apart.finditer(other)) if pairs else Counter()
            for m in dotted.finditer(other) if pairs else ():
                whole, part = int(m[1]), m[2]
                value = format(Decimal(f"{whole}.{part}").normalize(), "f")
                if pairs[(whole, part)] > 0 and value in sides[1 - k]:
                    pairs[(whole, part)] -= 1
                    sides[1 - k].remove(value)
                    for piece in (str(whole), str(int(part))):
                        if piece in sides[k]:
                            sides[k].remove(piece)
                    dropped = True
    return paired(*sides) if dropped else diffs


def _unforeign(diffs: list, t, spans: list, fmt) -> list:
    """Without a value the translation's unit has only inside its `spans` (file offsets) of text
    left in the source's language, or a third one: an English sentence pasted into a German
    paragraph brings its numbers, and untranslated-segment reports the sentence."""
    inside, outside = set(), set()
    for value, a, _, other in iter_numbers(t.text, fmt):
        at = t.block.file_span(a, a + 1)[0]
        (inside if any(s <= at < e for s, e in spans) else outside).update(v for v in (value, other) if v)
    wanted = [d[0] for d in diffs if d[0]]  # what the source lacks is still told, paired with the rest
    return paired(wanted, [d[1] for d in diffs if d[1] and not (d[1] in inside and d[1] not in outside)])


def _unnamed(diffs: list, r, t, p) -> list:
    """Without a value one side writes only as the number of a name that the other side's
    document writes in upper case (`Covid-19` in a heading, `COVID-19` in the source's body):
    that is the name in another case, no number (a name in upper case is none already). A
    value the unit also writes on its own (`Covid-19 … 19 maahan`) stays."""
    sides = [[d[k] for d in diffs if d[k]] for k in (0, 1)]
    dropped = False
    for k, (unit, other) in enumerate(((r, p.doc), (t, p.ref))):
        if any(v.isdigit() for v in sides[k]):
            known, before = _names(other), len(sides[k])
            sides[k] = [v for v in sides[k] if not (v.isdigit() and named_as(v, unit.text, known, unit.numbers[v]))]
            dropped = dropped or len(sides[k]) < before
    return paired(*sides) if dropped else diffs


def _names(doc) -> frozenset[str]:
    """name_digits.names of a document, read once per document."""
    if getattr(doc, "_names", None) is None:
        doc._names = names(doc.text)
    return doc._names


def _unspelled(diffs, text: str, spelled: tuple[str, ...], fmt, side: int) -> list:
    """Without a value that stands only in a name of the profile's `spelled_out`: of the source
    (`side` 0), an abbreviation translations write in words (the 12 of `K-12`); of the
    translation (`side` 1), a name of its language the others write without a number
    (Japanese `ダウ工業株30種平均`, the Dow Jones Industrial Average)."""
    masked = text
    for word in spelled:
        if word in masked:  # a word of a script without spaces has no word boundary
            before, after = ("(?<!\\w)" if _spaced(word[0]) else ""), ("(?!\\w)" if _spaced(word[-1]) else "")
            masked = re.sub(before + re.escape(word) + after, lambda m: " " * len(m.group()), masked)
    if masked == text:
        return diffs
    left = {v for value, _, _, other in iter_numbers(masked, fmt) for v in (value, other) if v}
    sides = [[d[k] for d in diffs if d[k] and (k != side or d[k] in left)] for k in (0, 1)]
    return paired(*sides)


def _other_form(d: tuple, text: str, fmt) -> bool:
    """Whether a language without a profile writes the source's value `d[0]` as the translation's
    `d[1]` with a scale word in a form CLDR lacks after it, or one CLDR writes before it (Swahili
    `dola bilioni 240`), or with its percent word inflected (Marathi `टक्क्यांनी` for CLDR's `टक्के`,
    Persian `درصدی` for `درصد`)."""
    want, got = d
    if want == got + "%":
        return _percent_after(got, text, fmt)
    return lost_scale(want, got) and (_scale_after(got, text, fmt) or _scale_before(want, got, text, fmt))


def _percent_after(value: str, text: str, fmt) -> bool:
    """Whether `text` writes `value` before a word that opens as one of the language's percent
    words does, less its last letter (an ending in its place or after it)."""
    stems = {key(w)[: max(3, len(key(w)) - 1)] for w in fmt.percent_words if " " not in w}
    for v, _, end, _ in iter_numbers(text, fmt):
        after = WORD_AFTER_ANY.match(text, end)
        if v == value and after and any(key(after.group(1)).startswith(stem) for stem in stems):
            return True
    return False


def _scale_before(want: str, got: str, text: str, fmt) -> bool:
    """Whether `text` writes `got` right after a scale word CLDR puts before its number, whose
    multiple of `got` is `want` (Swahili `bilioni 240` for 240 billion)."""
    if not fmt.scales_before:
        return False
    for v, start, _, _ in iter_numbers(text, fmt):
        before = WORD_BEFORE.search(text[max(0, start - 40):start])
        factor = fmt.scales_before.get(before.group(1).lower()) if v == got and before else None
        if factor and Decimal(got) * factor == Decimal(want):
            return True
    return False


# a word with its marks (Devanagari vowel signs and virama are no letters to `re`)
WORD_AFTER_ANY = regex.compile(r"[ \u00a0\u202f]*(\p{L}[\p{L}\p{M}]+)")
WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}\p{M}]*)[ \u00a0\u202f]+$")


def _scale_after(value: str, text: str, fmt) -> bool:
    """Whether `text` writes `value` before a word that opens as one of the language's scale
    words does, accents aside (Greek genitive `340 δισεκατομμυρίων`, CLDR's `δισεκατομμύρια`):
    a form the table lacks, not a scale word lost (`340 dollárt` for `$340 billion`)."""
    stems = {key(w)[:5] for w in fmt.scales if len(w) >= 5 and " " not in w}
    for v, _, end, _ in iter_numbers(text, fmt):
        after = WORD_AFTER.match(text, end)
        if v == value and after and key(after.group(1))[:5] in stems:
            return True
    return False


WORD_AFTER = re.compile(r"[ \u00a0\u202f]*([^\W\d_]{5,})")
