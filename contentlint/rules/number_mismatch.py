from functools import partial

from contentlint.language.detection import effective
from contentlint.parity.blame import Claim, message, settle
from contentlint.base.findings import Severity
from contentlint.parity.numbers import iter_numbers
from contentlint.parity.alignment import number_format
from contentlint.parity.run_together import zeros_kept
from contentlint.parity.number_parity import lost_scale, near_differences
from contentlint.parity.spelt import said_as_words
from contentlint.parity.dropped import Judge, sayable
from contentlint.parity.explained import explained
from contentlint.parity.name_digits import after_name
from contentlint.parity.kit import agreeing, matched_with_neighbours, related, spare, split_place
from contentlint.rules.base import GroupRule


class NumberMismatch(GroupRule):
    """The numbers of an aligned paragraph, list item or heading differ from the source's.

    ## What it does
    Compares the numbers of each aligned block as values, each read the way its language writes numbers (CLDR's
    data, with the language profile's keys over it): `1,000.5`, `1 000,5` and `1.000,5` are one value; `1,3
    Millionen`, `2,5 млрд`, `17亿`, `130만` and `5백만` are multiplied out; `21.55%`, `21,55 %`, `%21,55` and `21.55
    percent` are one percentage, distinct from `21.55`; a minus sign makes a number negative (`-21.55%`, `−5`,
    `- 21.55%` at the start or after `(` or `:`; after a word, `of - 21.55%`, a minus or a dash), while a hyphen
    between numbers is a range (`12-18`, `$1800-2500`: both ends) and one after a letter is part of a name
    (`COVID-19`; `Covid-19` too where the other side's document writes the name in capitals). Arabic-Indic and
    Devanagari digits count as digits. Dates (`20.7.2016`, `2016-07-20`, `12月`) and ordinals (`21st`, `21e`,
    `2º`) are never reported, though a date part or ordinal may stand for a plain number of the other side (`the
    183rd day`, `der 183. Tag`); numbers below ten are left out (often spelled out in one language), and so is
    the number of an abbreviation the source profile lists as `spelled_out` (the 12 of `K-12`); a fraction is
    part of its number (`59½`, `59,5`). A number the translation has in a block next to the aligned one that has
    no partner (a source paragraph whose lines the translation made paragraphs of) is not missing. After a word,
    `-20%`
    may be a hyphen machine translation moved (`top-20%`, `top -20%`): in a translation it
    matches 20%. A number that the translations agree on and the source does not is reported
    once, on the source (`blame = "consensus"`), the translations that say it in words
    counted with those that write it in digits where two or more do (`vingt ans` beside
    `20年前`, the source `a long time back`); two translations are enough when they add a
    percent sign the source lacks (`25%` for `25`), which machine translation does not invent.
    A value the translations have without the source's scale word (`13.9` for `$13.9 trillion`) is each
    translation's own loss, never the source's, however many agree; in a language without a profile it is
    none where a form of a scale word follows the value (Greek genitive `340 δισεκατομμυρίων`: nothing lists
    the forms CLDR lacks), nor is a scale word the source lacks (`32 εκ.`, centimetres, CLDR's million). A
    number the source lacks that a quarter of the translations (at least three) add to a block
    otherwise alike is the source's words in digits (`in a fortnight` as `in 14 Tagen`,
    `14日後`), and reported on nobody. So is a round number of the source (whole, two
    significant digits at most, no year) that every translation lacks where it is the block's
    only difference (`in 90 days` as `in three months`, `66%` as `two thirds`): they say it in
    words; one they all write with the scale word the source lost is the source's slip (`$700 at
    least million`: `700 Millionen`), and so is any other number they all lack.
    A number may be a percentage by what stands near it: a word that is or ends in a percent
    word two words before it (`Äänestysprosentti oli 84,6`), or a range whose other end has
    the sign (`entre un 22 y un 30 %`); a fraction of digits stands for its share (`2/3`, 66%). A whole number up to 100 (`24`, `56%`) is said in words as often as in digits, in an idiom too (`24/7` as
    `rund um die Uhr`): a translation that lacks one is told only where it lost words around it (its unit
    shorter than its others are for their sources, fewer sentences, or opening mid-sentence: `, sonraki
    yıllarda`, a profile's `fragment_openers`) or says another number in words (`quarante` for `38`); one it
    adds, only where a number below ten of the source went (`12 Pläne` for `5 plans`), else by the consensus
    that blames the source. A day beside its month, a time's minutes and an amount (`$25`) are always told;
    `report_small_numbers = true` tells every one (parity/dropped.py). Two numbers of the source that the
    translation runs together (`$200,000 41` as `$200,00041`, `Jan. 31, 2020` as `31.2020`), or one it splits
    (`529` as `52 9`), are one finding that says so: a space lost or added between digits. Months are the years
    the other side names (`12 mois` for `the year period`, `10年` for `120 months`: parity/year_months.py).
    A number only inside text left in another language (an English sentence pasted into a German paragraph)
    is untranslated-segment's finding, not reported again.

    ## Why it matters
    A changed number (a fee, a duration, a year) or a dropped minus sign is a factual error in
    that language only.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    Returns: -21.55% over 12 to 18 months, on 1.3 million shares.
    <!-- file: de.md -->
    # API
    Rendite: 21,55 % über 12 bis 19 Monate, auf 1,3 Millionen Aktien.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    Returns: -21.55% over 12 to 18 months, on 1.3 million shares.
    <!-- file: de.md -->
    # API
    Rendite: -21,55 % über 12 bis 18 Monate, auf 1,3 Millionen Aktien.
    ```
    """

    code = "CL506"
    name = "number-mismatch"
    severity = Severity.WARNING
    options = {"report_small_numbers": False}  # dropped.py: also where a translation lost no words

    def check(self, group, ctx):
        loud = ctx.config.option(self, "report_small_numbers")
        claims, shares = [], {}  # id(claim) -> where its translation's value stands in its units (0..1)
        partners: dict[int, list] = {}  # id(source unit) -> [(pairing, its unit there, neighbours, format)]
        for p in group.pairings:
            fmt, ref_fmt = number_format(p.doc, ctx.profiles), number_format(p.ref, ctx.profiles)
            source, target = ctx.profiles.get(p.ref.language), ctx.profiles.get(effective(p.doc))
            judge = Judge(p, matched := list(matched_with_neighbours(p)), ref_fmt, fmt, target.fragment_openers if target else ())
            for i, (r, t, r_near, t_near) in enumerate(matched):
                partners.setdefault(id(r), []).append((p, t, t_near, fmt))
                diffs = near_differences(r, t, r_near, t_near, ref_fmt, fmt, lambda i=i: spare(matched, i, lambda *m: near_differences(*m, ref_fmt, fmt)))
                if diffs:
                    diffs = explained(diffs, r, t, p, (source, target), (ref_fmt, fmt))
                if not diffs:
                    continue
                spans = _spans(t.text, fmt)
                found = partial(self._found, p, r, [t, *t_near], spans, ref_fmt)  # (want, got) -> finding
                for want, got in dict.fromkeys(diffs):  # a value missing twice is one finding
                    at = spans.get(got) or (spans.get(got.split()[0]) if got else None)
                    # machine translation does not invent a percent sign: `25%` for the source's `25`
                    # says the source lost it, once two translations agree. (Not a whole number two
                    # add: stale translations of a rewritten source share what it dropped.)
                    suspect = bool(want and got) and got == want + "%"
                    # a number the source lacks, the unit's only difference: if many add it, the source
                    # says it in words (`in a fortnight`; stale translations differ by more: `implied`).
                    # A round number of the source lacking, the unit's only difference (not a day, an
                    # amount, one a translation words otherwise: dropped.py), not with a scale the source
                    # lost: if every translation lacks it, they say it in words (`worded`)
                    alone = len(set(diffs)) == 1 and not (want and not got and judge.told(want, r, [t, *t_near]))
                    claims.append(Claim(p, r, want, got, found(want, got), part=found,
                                        suspect=suspect, own=bool(want and got) and (lost_scale(want, got) or _split(want, got) or _joined(want)),
                                        implied=bool(got and not want) and alone,
                                        worded=bool(want and not got) and alone and sayable(want) and not _scaled(want, spans),
                                        quiet=not loud and judge.quiet(want, got, r, [t, *t_near]) and not (want and _scaled(want, spans))))
                    if got and not want and at:
                        shares[id(claims[-1])] = _share(t, t_near, at[0])

        _witness(claims, partners)

        def on_source(c: Claim, n: int):
            r = c.element
            start, end = r.block.start, r.block.end
            if c.want:
                fmt = number_format(c.pairing.ref, ctx.profiles)
                at = _where(r.text, c.want, fmt)
                if at:
                    start, end = r.block.file_span(*at)
            elif id(c) in shares:  # the line of the source's paragraph where the translations have it
                start, end = _line_at(c.pairing.ref, r, shares[id(c)])
            noun, want = _named(c.want)  # `$11, 324`, which the translations write as one number
            return self.finding(c.pairing.ref, start, end, message(noun, want, c.got, n), related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)

    def _found(self, p, r, units: list, spans: dict, ref_fmt, want: str | None, got: str | None):
        """The translation's finding of one difference: at its value, or, for a value it lacks,
        where the source has it and the part of the translation that stands for it."""
        t = units[0]
        at = spans.get(got) or (spans.get(got.split()[0]) if got else None)
        start, end = t.block.file_span(*at) if at else (t.block.start, t.block.end)
        line = r.block.line
        if want and not got:
            (start, end), line = _missing_at(p, r, units, want, ref_fmt)
        shown = zeros_kept(got, t.text[at[0]:at[1]]) if at and want and " " in want else got  # run together
        return self.finding(p.doc, start, end, _message(want, shown), related=related(p, line))


def _spans(text: str, fmt) -> dict:
    """Where `text` writes each value (by either reading): its first place, or its first not at
    the end of a name (`Covid-19 … 19 maahan`: the second `19`)."""
    spans: dict = {}
    for value, a, b, other in iter_numbers(text, fmt):
        for v in (value, other) if other else (value,):
            if v not in spans or after_name(text, spans[v][0]) and not after_name(text, a):
                spans[v] = (a, b)
    return spans


def _witness(claims: list, partners: dict) -> None:
    """Count, for each number two translations or more have and the source lacks, the other
    translations that write it as whole number words of exactly that value in their unit of that
    source block (`vingt ans`, `zwanzig Jahren` where two write `20年`): they agree that the
    source lacks it (blame.py). Each unit is read once for all of its block's numbers. A number
    one translation alone adds is not looked for in the others' words (the common case, a
    translation's own slip: reading every other translation for it costs a run 1 %)."""
    added: dict[int, dict[str, list]] = {}
    for c in claims:
        if c.got and not c.want and " " not in c.got:
            added.setdefault(id(c.element), {}).setdefault(c.got, []).append(c)
    for element, by_value in added.items():
        by_value = {v: same for v, same in by_value.items() if len({id(c.pairing) for c in same}) >= 2}
        if not by_value:
            continue
        units = partners[element]
        counts = dict.fromkeys(by_value, 0)
        for p, t, near, fmt in units:
            if p.consensus:
                continue
            claimed = {v for v, same in by_value.items() if any(c.pairing is p for c in same)}
            wanted = [v for v in by_value if v not in claimed]
            for v in said_as_words(wanted, "\n".join(u.text for u in (t, *near)), fmt) if wanted else ():
                counts[v] += 1
        for v, same in by_value.items():
            for c in same:
                c.witnesses = counts[v]


def _named(want: str | None) -> tuple[str, str | None]:
    """(noun, value) as a message names them: `numbers 11 and 324` for the pieces `11 324`."""
    return ("numbers", " and ".join(want.split())) if want and " " in want else ("number", want)


def _message(want: str | None, got: str | None) -> str:
    if want and got and " " in want:
        return f"{' '.join(_named(want))} of the source run together as {got}"
    if want and got and " " in got:
        return f"number {want} of the source split into {got}"
    if want and got:
        return f"number {got} where the source has {want}"
    return f"number {want} of the source is missing" if want else f"number {got} is not in the source"


def _split(want: str, got: str) -> bool:
    """Whether `got` is the source's digits broken apart (`5 00` for `500`: machine translation
    cut a link's text, `[S&P 5](/sp500) [00](/sp500)`): however many translations break it
    alike, the source is not the one wrong."""
    return " " in got and got.replace(" ", "") == want


def _joined(want: str) -> bool:
    """Whether the translation ran the source's numbers together (`31.2020` for `Jan. 31, 2020`):
    a slip each makes on its own; however many make it alike, the source is not the one wrong.
    Not where each later piece is a group of three digits: the source may be the one that split
    a number (`$11, 324`, which the translations write `11 324 $`)."""
    return any(len(piece) != 3 or not piece.isdigit() for piece in want.split()[1:])


def _scaled(want: str, values) -> bool:
    """The translation has `want` with a scale word (`700 Millionen` for the source's `$700 at
    least million`): the source lost its scale, it does not say the number in words."""
    return any(lost_scale(v, want) for v in values if v)


def _missing_at(p, r, units: list, want: str, fmt) -> tuple[tuple[int, int], int]:
    """(the span of the translation's unit where the source's missing number would stand, the
    source's 0-based line of it): kit.split_place, at the number's place in the source."""
    found = _where(r.text, want, fmt)
    if found is None:
        return (units[0].block.start, units[0].block.end), r.block.line
    unit, line = split_place(p, r, units, found[0])
    return (unit.block.start, unit.block.end), line


def _share(t, near: list, at: int) -> float:
    """Where offset `at` of unit `t` stands in `t` and its unpartnered neighbours, in order
    (0..1): the translations made paragraphs of a source paragraph's lines."""
    units = sorted([t, *near], key=lambda u: u.block.start)
    before = sum(len(u.text) for u in units[:units.index(t)])
    return (before + at) / max(1, sum(len(u.text) for u in units))


def _line_at(ref, r, share: float) -> tuple[int, int]:
    """The span of the line of source unit `r` at `share` of its text (`no number where 18
    translations have 10`: the line of four that the translations' number stands for)."""
    if r.block.inline is None or not r.text:  # an empty item: the block is the place
        return r.block.start, r.block.end
    offset = r.block.file_span(*(2 * [min(len(r.text), int(share * len(r.text)))]))[0]
    line = ref.lines.line_of(offset)
    return max(r.block.start, ref.lines.start(line)), min(r.block.end, ref.lines.end(line))


def _where(text: str, value: str, fmt) -> tuple[int, int] | None:
    """Where `text` writes `value` (by either reading), or None."""
    return next(((a, b) for v, a, b, other in iter_numbers(text, fmt) if value in (v, other)), None)
