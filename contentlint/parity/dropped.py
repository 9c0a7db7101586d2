"""Whether a number one side lacks is news, or the other side's words for it.

A small number (a whole number up to 100: `24`, `56%`, `100%`) is said in words as often as in
digits: at the start of a sentence (`Fifty-six percent of Russians`), in a grammatical case a
reader of number words does not know, or in an idiom that has no number at all (`24/7` as
`rund um die Uhr`, `catch-22` as `der Haken`, `the top 10` as `первую десятку`, `100% sure` as
`quasi certi`). Reported wherever a translation lacks its digits, such a number was wrong
as often wrong as right in the held-out samples (README, "Held out"): 86 of 173 judged findings
of sets 1–97 false, and 67 of 88 of a small number a translation adds. It was right where the
translation lost the words around it too: a sentence or a clause machine translation dropped.
So a translation that lacks such a number is told only when its unit is shorter than its
other units are, for their sources, or has fewer sentences than the source's unit, or opens
mid-sentence; and a translation that adds one (`20年前` for `a long time back`, `10대` for
`teenage`) is never told on its own: the consensus of the translations may still blame the
source (blame.py). Larger round numbers (`200`, `$80 million`) stay reported: their judged
findings were mostly true, dropped with their clause.
"""

from __future__ import annotations

from statistics import median

# a unit this much shorter than the pairing's units are, for the same source text, lost words:
# a dropped clause of one sentence in three; the ratio of two languages' lengths is the
# pairing's own, so a language that writes longer or shorter than the source is judged by itself
SHORT = 0.8
MIN_CHARS = 40  # units shorter than this say little about the pairing's ratio
# sentence ends of every script; one followed by a lower-case letter is an abbreviation (`U.S. economy`)
ENDS = frozenset(".!?。！？।؟")
CJK_ENDS = frozenset("。！？")  # need no space after them
CLAUSE_MARKS = frozenset(",、，;；.。")


def sayable(value: str) -> bool:
    """A value prose says in words as often as in digits: whole, two significant digits at most,
    no year (`90`, `66%`, `11`, `2000000`; not `34567.89`, `4.95`, `2020`)."""
    digits = value.rstrip("%").lstrip("-")
    return digits.isdigit() and len(digits.rstrip("0")) <= 2 and not (len(digits) == 4 and 1000 <= int(digits) <= 2100)


def typical_ratio(p, matched) -> float:
    """The median length of the pairing's translation units over their source units' (once
    per pairing; `matched`: its (source unit, translation unit, …) tuples)."""
    known = getattr(p, "_length_ratio", None)
    if known is None:
        ratios = [len(t.text) / len(r.text) for r, t, *_ in matched if len(r.text) >= MIN_CHARS and t.text]
        known = p._length_ratio = median(ratios) if ratios else 1.0
    return known


def words_lost(r, units: list, ratio: float) -> bool:
    """Whether the translation's `units` (its unit and the unpartnered ones beside it) lost
    words of source unit `r`: they are shorter than the pairing's ratio says, or count fewer
    sentences."""
    text = "\n".join(u.text for u in units)
    return len(text) < SHORT * ratio * len(r.text) or _sentences(text) < _sentences(r.text) or \
        _cut(r.text, units[0].text)


def _cut(source: str, text: str) -> bool:
    """Whether the translation's unit opens in the middle of a sentence where the source's
    opens one: with a comma (`、絶対的または`, `, sonraki yıllarda`) or a lower-case letter
    where the source has a capital (`[pinjaman jangka pendek](…) maya` for `Discount terms
    like 1%/10 net 30 …`): machine translation dropped the words before."""
    first, own = next((c for c in source if not c.isspace()), ""), text.lstrip()[:1]
    if not first.isupper() or not own:
        return False
    return own in CLAUSE_MARKS or own.islower()


def small(value: str) -> bool:
    """A whole number up to 100, or such a percentage (`24`, `56%`, `100%`): one prose says in
    words, or in an idiom (`100% sure` as `quasi certi`, almost certain)."""
    digits = value.rstrip("%").lstrip("-")
    return digits.isdigit() and int(digits) <= 100


def quiet(want, got, r, units: list, ratio: float) -> bool:
    """Whether a difference is one the translation is not told on its own: a small number it
    adds, or one it lacks without losing the words around it."""
    if got and not want:
        return small(got)
    if want and not got:
        return small(want) and not words_lost(r, units, ratio)
    return False


def _sentences(text: str) -> int:
    """Sentences of `text`: one more than the ends of any script before a space (CJK ones
    before anything) that are not the last thing of the text, nor before a lower-case letter
    (`U.S. economy`, `e.g. this`)."""
    count = 0
    for i, ch in enumerate(text):
        if ch in ENDS:
            after = text[i + 1:]
            rest = after.lstrip()
            if rest and (ch in CJK_ENDS or after[0].isspace()) and not rest[0].islower():
                count += 1
    return count + 1 if text.strip() else 0
