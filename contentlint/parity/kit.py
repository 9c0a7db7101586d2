"""What the parity rules share: how a group finding names the reference's place and the
translations that agree, the kinds of aligned units, and the pairs of units both sides have.
Rules import this, never one another."""

from __future__ import annotations

from collections import Counter

from contentlint.language.detection import contradicted
from contentlint.parity.blame import Claim
from contentlint.load.prose import SENTENCE_MARKS, ends_with_abbreviation
from contentlint.parity.dropped import blankless_length
from contentlint.parity.number_parity import paired
from contentlint.parity.segments import CONFIDENT, suspected
from contentlint.base.findings import Related

KINDS = {"heading": "heading", "paragraph": "paragraph", "item": "list item"}
ENDS = SENTENCE_MARKS + ".!?:;"  # marks a line that is a sentence of its own ends with


def related(p, line: int) -> list[Related]:
    """The reference's place (0-based `line`), named on every group finding."""
    role = "consensus reference" if p.consensus else "source"
    return [Related(p.ref.path, line + 1, f"{role} ({p.ref.language})")]


def aligned_line(p, unit) -> int:
    """The reference's 0-based line for a translation's unit: its aligned unit's, else (no
    partner, or a whole block set aside as untranslated: foreign.py) the start of the
    reference's section that stands beside the unit's, else the unit's own."""
    for k, pairs in p.units.items():
        for r, t in pairs:
            if t is unit and r is not None:
                return r.block.line
    line = unit.block.line
    beside = [r for r, t in p.sections if r is not None and t is not None and t.anchor[0] <= line]
    return beside[-1].anchor[0] if beside else line


def source_of(p, info) -> list[Related]:
    return related(p, info.anchor[0] if info is not None else 0)


def agreeing(claim: Claim, n: int) -> list[Related]:
    """Where the translations that agree say it: the first of them."""
    first = claim.finding
    return [Related(first.path, first.line, f"{n} translations agree, e.g. ({claim.pairing.doc.language})")]


def matched_units(p):
    """(reference unit, translation unit) of every aligned pair where both exist."""
    for pairs in p.units.values():
        for r, t in pairs:
            if r is not None and t is not None:
                yield r, t


def matched_with_neighbours(p):
    """(reference unit, translation unit, reference neighbours, translation neighbours) of
    every aligned pair: the neighbours are the units next to the pair that the alignment left
    without a partner. A paragraph one side split in two (a source whose lines have no blank
    line between them, which translations made paragraphs of) pairs with one part, and the
    other part stands next to it alone: what it holds is not missing. Units alone between two
    pairs are the neighbours of both, unless just one pair's other side is a paragraph of lines,
    its partner one line, and the units are its part (`_part_of`: by the numbers and links they
    hold, else by lengths): `In FY 2018, …`, one line, lost its year; the paragraph before it,
    alone, is the second line of the source's paragraph before, whose translation holds only the
    first."""
    for pairs in p.units.values():
        for i, (r, t) in enumerate(pairs):
            if r is None or t is None:
                continue
            r_near, t_near = [], []
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(pairs) and (pairs[j][0] is None) != (pairs[j][1] is None):
                    j += step
                run = pairs[i + step : j] if step == 1 else pairs[j + 1 : i][::-1]
                other = pairs[j] if 0 <= j < len(pairs) else (None, None)
                alone_t, alone_r = [b for a, b in run if a is None], [a for a, b in run if b is None]
                if not _part_of(other, (r, t), alone_t, p):
                    t_near += alone_t
                if not _part_of(other[::-1], (t, r), alone_r, p, inverse=True):
                    r_near += alone_r
            yield r, t, r_near, t_near


def spare(matched: list, i: int, differ) -> tuple[Counter, Counter]:
    """The values the pairs next to pair `i` of `matched` (matched_with_neighbours' list) hold
    beyond their partners: the source's, the translation's. One side's value the other side has
    too but fewer times counts (with the units alone beside the pair), and so does one of the
    pair's own differences (`differ(r, t, r_near, t_near)`: number differences' (expected,
    found) pairs, so a value the other side says in words, or a year it names, is none). A value
    spare once is spare: a pair's differences are values, not counts (number_differences).
    Read only where the translation split a source paragraph of lines: a line's translation may
    then stand in the pair next to it, as it may stand in an unpartnered neighbour (`… a PMI over
    50 … / Below is a graph …`: the translation's `over 50` paragraph paired with the paragraph
    before). A split is a source paragraph whose lines each end a sentence facing one line, on
    either pair, with a unit left alone beside one of them: not a paragraph wrapped inside its
    sentences, nor one the translation joined (`Adults pay 50 euros.` / `Children pay 20.`
    written as one paragraph keeps its own differences)."""
    r_spare, t_spare = Counter(), Counter()
    for j in (i - 1, i + 1):
        if not 0 <= j < len(matched) or "heading" in (matched[j][0].kind, matched[j][1].kind):
            continue  # a heading: another section
        r, t, r_near, t_near = matched[j]
        if not (_split(matched[i][0], matched[i][1]) or _split(r, t)) or not (r_near or t_near or matched[i][2] or matched[i][3]):
            continue
        have_r = sum((u.numbers for u in r_near), Counter(r.numbers))
        have_t = sum((u.numbers for u in t_near), Counter(t.numbers))
        t_spare.update({v: n for v, n in (have_t - have_r).items() if have_r[v]})
        r_spare.update({v: n for v, n in (have_r - have_t).items() if have_t[v]})
        for want, got in differ(*matched[j]):
            r_spare.update([want] if want else [])
            t_spare.update([got] if got else [])
    return r_spare, t_spare


def _split(r, t) -> bool:
    """A source paragraph of lines that each end a sentence (a closing quote or bracket after
    the stop too; not an abbreviation's stop, `U.S.`), facing a translation of one line."""
    lines = r.text.strip().split("\n")
    return len(lines) > 1 and "\n" not in t.text.strip() and all(_ends_sentence(line) for line in lines[:-1])


def _ends_sentence(line: str) -> bool:
    line = line.rstrip()
    bare = line.rstrip(CLOSERS)
    return bare.endswith(LINE_END) and not ends_with_abbreviation(bare)


# sentence punctuation of the scripts the profiles cover (parity/sentences.py's, with `…`, `：`, `։`, `።`), and what may close after it
LINE_END = (".", "!", "?", ";", ":", "…", "。", "！", "？", "；", "：", "।", "॥", "؟", "۔", "։", "።")
CLOSERS = "\"'”’»›)]）」』*_"


def _length_ratio(p) -> float:
    """The translation's length over the source's, over all units of the pairing's aligned
    sections (a split pair's own ratio is no measure: its part stands alone); once a pairing,
    for the three rules that read neighbours."""
    if p.length_ratio is None:
        pairs = [pair for section in p.units.values() for pair in section]
        r_len = sum(blankless_length(r.text) for r, _ in pairs if r is not None)
        t_len = sum(blankless_length(t.text) for _, t in pairs if t is not None)
        p.length_ratio = t_len / r_len if r_len and t_len else 1.0
    return p.length_ratio


def _part_of(other: tuple, this: tuple, alone: list, p, inverse: bool = False) -> bool:
    """The units `alone` (of the side opposite each pair's first unit) are the split part of the
    `other` pair (lines, partner), not of `this` one: the other's first unit has lines, its
    partner and this pair's first unit none, and they hold a number or link of its first unit
    and none of this one's; or, where they hold neither or both, giving them to it brings its
    partner nearer the length its first unit calls for (× the pairing's length ratio, or its
    inverse where the first units are the translation's) than giving them to this pair would."""
    (lines, partner), (unit, own) = other, this
    if not alone or lines is None or partner is None or "\n" not in lines.text.strip() \
            or "\n" in partner.text.strip() or "\n" in unit.text.strip():
        return False
    said = frozenset().union(*(u.number_keys | u.link_keys for u in alone))
    mine, theirs = bool(said & (unit.number_keys | unit.link_keys)), bool(said & (lines.number_keys | lines.link_keys))
    if mine != theirs:  # a number or link of just one pair's source (`I 2018 …`: the one-line pair's)
        return theirs
    extra = sum(blankless_length(u.text) for u in alone)
    ratio = 1 / _length_ratio(p) if inverse else _length_ratio(p)

    def gain(first, second) -> float:  # how much farther from its length a pair's second gets with them
        want, have = ratio * blankless_length(first.text), blankless_length(second.text)
        return abs(have + extra - want) - abs(have - want)

    return gain(lines, partner) < gain(unit, own)


def differences(expected: Counter, found: Counter):
    """(expected, found) pairs in order: a changed value, then what is only missing or extra."""
    yield from paired(list((expected - found).elements()), list((found - expected).elements()))


def whole_in_source(p) -> bool:
    """Whether the translation as a whole is written in its source's language (a page copied
    and never translated): wrong-language reports it once, not each of its blocks. Only where
    wrong-language can: the page's language is declared (path or front matter), not detected."""
    return (p.doc.language_source in ("front matter", "path") and p.doc.language != p.ref.language
            and contradicted(p.doc) and p.doc.detected == p.ref.language)


def untranslated(p, least: float = CONFIDENT):
    """((unit, start, end, text, whole, …), language, confidence) of the spans lingua places in
    the reference's language, or in the third language suspected (parity/third.py)."""
    for span, (code, confidence) in zip(p.spans, p.detected):
        if code and code in suspected(span, p.ref.language) and confidence >= least:
            yield span, code, confidence


def split_place(p, r, units: list, at: int) -> tuple:
    """(the translation's unit that stands for offset `at` of the source's unit `r`, the
    source's 0-based line of it). `units`: the translation's unit aligned with `r` and its
    unpartnered neighbours. A source paragraph written as lines without blank lines between is
    one paragraph to CommonMark, which translations made paragraphs of: the place in the source's
    text says which of them stands for it (`… until the Nasdaq hit its base around October of
    2002`, the last line of four, is missing from the last of four paragraphs)."""
    line = p.ref.lines.line_of(r.block.file_span(at, at)[0])
    units = sorted(units, key=lambda u: u.block.start)
    first, last = r.block.line, p.ref.lines.line_of(max(r.block.start, r.block.end - 1))
    # a paragraph made of each of its lines, each a sentence (not one wrapped at a width): that
    # line's (a shortened one shifts no share)
    if last - first + 1 == len(units) > 1 and first <= line <= last and all(
            p.ref.lines.line_text(k).rstrip()[-1:] in ENDS for k in range(first, last)):
        return units[line - first], line
    share, total, so_far = at / max(1, len(r.text)), sum(len(u.text) for u in units), 0
    for unit in units:
        so_far += len(unit.text)
        if so_far >= share * total:
            return unit, line
    return units[-1], line
