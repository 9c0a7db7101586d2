"""Whether a number one side lacks is news, or the other side's words for it.

A small number (a whole number up to 100: `24`, `56%`, `100%`) is said in words as often as in
digits: at the start of a sentence (`Fifty-six percent of Russians`), in a grammatical case a
reader of number words does not know, or in an idiom that has no number at all (`24/7` as
`rund um die Uhr`, `catch-22` as `der Haken`, `the top 10` as `первую десятку`, `100% sure` as
`quasi certi`). Reported wherever a translation lacked its digits, such a number was wrong as
often as right in the held-out samples (README, "Held out"): 86 of 173 judged findings of sets
1–97 false, and 67 of 88 of a small number a translation adds. It was right where the
translation lost the words around it too: a sentence or a clause machine translation dropped.
So a translation that lacks such a number is told only when its unit lost words (shorter than
its other units are for their sources, fewer sentences than the source's unit, or opening
mid-sentence), or says another number in words (`quarante` for `38`); and a translation that
adds one (`20年前` for `a long time back`, `10대` for `teenage`) is never told on its own,
unless the source's unit has a number below ten the translation lacks (`12 Pläne` for `5
plans`, a changed number): the consensus of the translations may still blame the source
(blame.py). A day beside a month's name, the minutes of a time and an amount of money are no
such numbers (`March 15` as `im März`: a day lost), nor are larger round ones (`200`, `$80
million`): their judged findings were mostly true, dropped with their clause.
"""

from __future__ import annotations

import re
import unicodedata
from statistics import median

from contentlint.parity.numbers import iter_numbers
from contentlint.parity.in_words import cardinal_spellings, converter_language, in_words
from contentlint.parity.month_day import names_month
from contentlint.parity.spelt import worded

# a unit this much shorter than the pairing's units are, for the same source text, lost words:
# a dropped clause of one sentence in three; the ratio of two languages' lengths is the
# pairing's own, so a language that writes longer or shorter than the source is judged by itself
SHORT = 0.8
MIN_CHARS = 40  # units shorter than this say little about the pairing's ratio
MIN_SAMPLES = 3  # fewer units than this: no ratio of the pairing's own, the lengths are compared as they are
# sentence ends of every script (Latin, CJK, Devanagari, Arabic, Urdu)
ENDS = frozenset(".!?。！？।؟۔")
CJK_ENDS = frozenset("。！？")  # need no space after them
CLOSERS = frozenset("\"'”’»“」』）)]")  # may stand between a sentence's end and the space
CLAUSE_MARKS = frozenset(",、，;；.。،؛")  # a unit that opens with one lost its beginning
NEAR_MONTH = 6  # characters between a day and its month's name (`March 15`, `15. März`, `Dec. 31`)
SMALL = [str(n) for n in range(10, 101)]  # the numbers a translation may say in words instead
BEFORE, AFTER = re.compile(r"([^\W\d_]+)\.?\s*$"), re.compile(r"^\.?\s*(?:(?:de|di|do|da|del|of)\s+)?([^\W\d_]+)")


def small(value: str) -> bool:
    """A whole number up to 100, or such a percentage (`24`, `56%`, `100%`)."""
    digits = value.rstrip("%").lstrip("-")
    return digits.isdigit() and int(digits) <= 100


def sayable(value: str) -> bool:
    """A value prose says in words as often as in digits: whole, two significant digits at most,
    no year (`90`, `66%`, `11`, `2000000`; not `34567.89`, `4.95`, `2020`)."""
    digits = value.rstrip("%").lstrip("-")
    return digits.isdigit() and len(digits.rstrip("0")) <= 2 and not (len(digits) == 4 and 1000 <= int(digits) <= 2100)


class Judge:
    """Whether a pairing's translation is told of a small number, read lazily: the pairing's
    length ratio only once a small number is missing."""

    def __init__(self, p, matched: list, ref_fmt, fmt, openers: tuple[str, ...] = ()):
        self.p, self.matched, self.ref_fmt, self.fmt, self.openers = p, matched, ref_fmt, fmt, openers
        self._ratio: float | None = None

    def quiet(self, want, got, r, units: list) -> bool:
        """Whether the difference is one the translation is not told on its own."""
        if got and not want:
            return small(got) and not self._lost_digit(r, units) and \
                not _counted("\n".join(u.text for u in units), got, self.fmt, self.fmt.language)
        if want and not got:
            return small(want) and not self.words_lost(r, units) and not self.told(want, r, units)
        return False

    def told(self, want: str, r, units: list) -> bool:
        """Whether a number the translation lacks is told however it stands: a date's day, a
        time's minutes, an amount, or one the translation says otherwise in words."""
        return _counted(r.text, want, self.ref_fmt, self.p.ref.language) or \
            bool(small(want) and self._says_other(want, r, units))

    def ratio(self) -> float:
        """The median of the pairing's translation units' lengths over their source units'; 0
        where fewer than `MIN_SAMPLES` paragraphs give one (no length is then short: two
        languages' lengths differ too much to compare as they are)."""
        if self._ratio is None:
            ratios = [blankless_length(t.text) / blankless_length(r.text) for r, t, *_ in self.matched
                      if blankless_length(r.text) >= MIN_CHARS and t.text.strip()]
            self._ratio = median(ratios) if len(ratios) >= MIN_SAMPLES else 0.0
        return self._ratio

    def words_lost(self, r, units: list) -> bool:
        """Whether the translation's `units` (its unit and the unpartnered ones beside it) lost
        words of source unit `r`: shorter than the pairing's ratio says, fewer sentences (where
        it marks its sentences at all), or opening mid-sentence."""
        text = "\n".join(u.text for u in units)
        if blankless_length(text) < SHORT * self.ratio() * blankless_length(r.text):
            return True
        if _ends(text) and _sentences(text, self.fmt) < _sentences(r.text, self.ref_fmt):  # not Thai: no ends
            return True
        return _cut(r.text, units[0].text, self.openers)

    def _says_other(self, want: str, r, units: list) -> bool:
        """Whether the translation says in words a small number other than `want` and its tens
        (`quarante` for `38`, `zwölfmal` for `10 times`): a changed number, not the same one
        worded, nor one whose units word the reader missed."""
        text, plain = "\n".join(u.text for u in units), want.rstrip("%")
        said = _words(text, self.fmt) - _words(r.text, self.ref_fmt)  # `ten years` on both sides is no change
        tens = str(int(plain) // 10 * 10)  # `وعشرون` of `أربع وعشرون`, `halvtreds` of `Halvtreds-seks`: a part of it
        return any(v != plain and v != tens for v in said)

    def _lost_digit(self, r, units: list) -> bool:
        """Whether the source's unit writes a number below ten (`5`, `5%`) that the translation's
        units neither write nor spell (`5 plans` as `12 Pläne`): the number it adds may be that
        one changed."""
        text = "\n".join(u.text for u in units)
        mine = {v for v, *_ in iter_numbers(text, self.fmt)}
        low = text.casefold()
        return any(v.rstrip("%").isdigit() and int(v.rstrip("%")) < 10 and v not in mine
                   and not _spelt_small(int(v.rstrip("%")), low, self.fmt.language)  # `drei` for `3`
                   for v, *_ in iter_numbers(r.text, self.ref_fmt))


def _counted(text: str, value: str, fmt, language: str | None) -> bool:
    """Whether `text` writes `value` as prose never words it: a day right beside a month's name
    (`March 15`, `15. März`, `12 de dezembro`), the minutes of a time (`9:30`), an amount of
    money (`$25`, `25 €`)."""
    for found, a, b, other in iter_numbers(text, fmt):
        if value not in (found, other):
            continue
        before, after = text[max(0, a - 2):a].rstrip(), text[b:b + 2].lstrip()
        if text[max(0, a - 2):a].endswith(":") and text[max(0, a - 2):a][:1].isdigit():
            return True
        if any(unicodedata.category(c) == "Sc" for c in before[-1:] + after[:1]):
            return True
        if value.endswith("%"):
            return False
        words = (*BEFORE.findall(text[max(0, a - NEAR_MONTH - 9):a])[-1:], *AFTER.findall(text[b:b + NEAR_MONTH + 12])[:1])
        return any(names_month(w, language or "") for w in words)
    return False


def _words(text: str, fmt) -> set[str]:
    """The small numbers `text` says in words: its profile's words and num2words' spellings, not
    a profile's share words (`ganz`, whole: 100%) nor Han numerals (`十月`, October; `百度`)."""
    out = {v for v in worded(text, fmt) if not v.endswith("%") and v in SMALL}
    return out | (in_words(SMALL, text, fmt.language, fmt) if fmt.language else set())


def _spelt_small(n: int, low: str, language: str) -> bool:
    """Whether casefolded `low` spells number `n` (below ten) as num2words does (`drei`), in any
    case it writes (in_words' spellings, read once a process)."""
    code = converter_language(language or "en")
    return bool(code) and any(word in low for word in cardinal_spellings(n, code))


def blankless_length(text: str) -> int:
    """Characters that are not blanks: a link's target is blanked alike on both sides, and
    would draw every ratio towards one."""
    return max(1, len(text) - text.count(" ") - text.count("\n"))


def _cut(source: str, text: str, openers: tuple[str, ...]) -> bool:
    """Whether the translation's unit opens in the middle of a sentence where the source's
    opens one: with a comma (`、絶対的または`, `, sonraki yıllarda`), with a word the
    language's `fragment_openers` name (Korean `은 다음 해에`: a particle), or with a small
    letter where the source's first letter is a capital (`[pinjaman jangka pendek](…) maya`
    for `Discount terms like 1%/10 net 30 …`): machine translation dropped the words before."""
    first = next((c for c in source if c.isalnum()), "")
    own = text.lstrip()
    if not first.isupper() or not own:
        return False
    if own[0] in CLAUSE_MARKS or any(own.startswith(o) and not own[len(o):len(o) + 1].isalpha() for o in openers):
        return True
    letter = next((c for c in own if c.isalnum()), "")  # `2020 a vu`: a number opens it, no letter
    return letter.islower()


def _ends(text: str) -> bool:
    """Whether `text` marks a sentence's end anywhere (a full stop not inside a number): a text
    that marks none (Thai) has no sentences to count."""
    return any(ch in ENDS and not text[k + 1:k + 2].isdigit() for k, ch in enumerate(text))


def _sentences(text: str, fmt=None) -> int:
    """Sentences of `text`: one more than the ends of any script (closing quotes after them
    allowed) before a space, or CJK ones before anything but a closing quote, that are not the
    last thing of the text, nor before a small letter (`U.S. economy`), nor after an ordinal's
    digits or a short abbreviation (`am 3. Oktober`, `z. B. Aktien`, `Nr. 5`, `Mr. Smith`)."""
    count, n = 0, len(text)
    for i, ch in enumerate(text):
        if ch not in ENDS:
            continue
        j = i + 1
        while j < n and text[j] in CLOSERS:
            j += 1
        rest = text[j:].lstrip()
        if not rest or rest[0].islower() or rest[0].isdigit() or not (ch in CJK_ENDS or j < n and text[j].isspace()):
            continue  # `Dec. 31`, `Nr. 5`: before a number, no end
        if ch in CJK_ENDS and j > i + 1 and text[j] in "とっ":  # `「上がった。」と言った`: a quote inside one
            continue
        if ch == "." and j == i + 1 and _abbreviation(text, i, fmt):  # not `„Ja.“ Dann`
            continue
        count += 1
    return count + 1 if text.strip() else 0


def _abbreviation(text: str, at: int, fmt=None) -> bool:
    """Whether the full stop at `at` ends an ordinal's digits (`3.`) or a word of one letter or a
    capital and a small letter (`z.`, `B.`, `Nr.`, `Mr.`, `e.g.`; not `One.`)."""
    start = at
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    word = text[start:at]
    if word.isdigit():  # an ordinal only where the language writes them with a dot (`am 3. Oktober`)
        return fmt is not None and "." in fmt.ordinal_suffixes and len(word) <= 3
    return len(word) == 1 or (len(word) == 2 and word[0].isupper() and word[1].islower())
