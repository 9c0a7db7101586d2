"""Who a parity difference is reported on (`blame = "consensus"`, the default).

The source is not always right: when an English text was rewritten after translation, every
translation differs from it in the same way and agrees with the others. Reporting that on
each translation would be N findings for one defect, in the wrong files. A rule states each
difference as a claim (the reference element, the value the source has, the value the
translation has); when at least two translations, and at least two thirds of them, make the
same claim, it is reported once, on the source, naming how many translations agree; their
own findings are dropped. A difference no translation would make alike by chance (a number
the source lacks), made by a quarter of them (at least three) but fewer than blame the
source, is the source's meaning in another form, and reported on nobody; so is a value prose
says in words (`90 days` as `three months`, a `worded` claim) that every translation lacks. A
translation that disagrees with the source and with the rest is still reported on itself.
`blame = "source"` keeps every finding on the translations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.base.findings import Finding

if TYPE_CHECKING:  # alignment is the module that makes pairings; blame only reads them
    from contentlint.parity.alignment import Pairing, SectionInfo, Unit

SHARE = 2 / 3  # of the translations that must agree to blame the source
# of the translations, and how many at least, that make an `implied` difference for it to be
# one the source's words imply: chance makes two languages' errors coincide, not a quarter
IMPLIED, IMPLIED_LEAST = 1 / 4, 3


@dataclass(eq=False)
class Claim:
    pairing: "Pairing"  # of the translation
    element: "Unit | SectionInfo | None"  # what of the reference it is about
    want: Hashable  # the source's value (None: the source has none)
    got: Hashable  # the translation's value (None: the translation has none)
    finding: Finding  # as reported on the translation
    key: Hashable = None  # what translations must share to agree (default: the element itself)
    # a difference a translation would not make on its own (a percent sign the source lacks):
    # two translations that agree are enough to blame the source
    suspect: bool = False
    # a difference translations make each on their own (a scale word lost: `13.9` for the
    # source's `$13.9 trillion`): however many agree, the source is not the odd one
    own: bool = False
    # a difference machine translation would not make the same way in many languages on its
    # own (a number the source does not have): when several translations make it, the source's
    # words imply it (`in a fortnight` as `in 14 Tagen`, `14日後`), and below the share that
    # blames the source nobody is told
    implied: bool = False
    # a value of the source that prose says in words as often as in digits, the block's only
    # difference (a round number: `in 90 days` as `in three months`, `66%` as `two thirds`):
    # when every translation lacks it, they all say it otherwise, and nobody is told; when some
    # keep it, those that lack it blame the source as any other claim would
    worded: bool = False
    # translations that make no such claim because they say the value in words (`vingt ans`
    # where others write `20年`, the source `a long time back`): they count towards blaming the
    # source, never towards telling nobody (`implied`: a word is weaker evidence than a digit)
    witnesses: int = 0
    # a difference the translation is not told on its own (dropped.py: a number it may say in
    # words); it counts towards blaming the source, which is told only of a number it lacks
    quiet: bool = False
    # the finding of a part of a changed value (`part(want, None)`: only the source's value is
    # missing), where the other part is one the source is blamed for: a translation that has the
    # `99%` the others agree on and lacks the source's `52000` is told only of the `52000`
    part: Callable[[Hashable, Hashable], Finding] | None = None

    def __post_init__(self) -> None:
        if self.key is None:
            self.key = id(self.element)


def settle(claims: list[Claim], group, mode: str,
           on_source: Callable[[Claim, int], Finding]) -> Iterator[Finding]:
    """The findings to report: translations' own, and one per claim the source is blamed for
    (`on_source(claim, agreeing)` makes that finding)."""
    translations = [p for p in group.pairings if not p.consensus]
    if mode != "consensus" or len(translations) < 2:
        yield from (c.finding for c in claims if not c.quiet)
        return
    agree: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        agree[(c.key, c.want, c.got)].append(c)
    blamed: set[int] = set()
    explained: set[tuple] = set()  # (key, want, got) of claims the source is blamed for, or nobody
    for same in agree.values():
        n = len({id(c.pairing) for c in same})
        agreeing = n + max(c.witnesses for c in same)  # those that say it in words too; never to silence
        if not same[0].pairing.consensus and not same[0].own and agreeing >= 2 and \
                (same[0].suspect or agreeing >= SHARE * len(translations)):
            blamed.update(id(c) for c in same)
            explained.add((same[0].key, same[0].want, same[0].got))
            if not (n == len(translations) and all(c.worded for c in same)) and \
                    not (same[0].want is not None and all(c.quiet for c in same)):
                yield on_source(same[0], agreeing)  # else nobody's: every translation words it
        elif same[0].implied and n >= max(IMPLIED_LEAST, IMPLIED * len(translations)):
            blamed.update(id(c) for c in same)  # nobody's: the translations render what the source says
            explained.add((same[0].key, same[0].want, same[0].got))
    seen = set()  # a claim told only of its part may say what another claim says
    for c in claims:
        if id(c) not in blamed and not c.quiet:
            f = _own(c, explained)
            if (f.path, f.start, f.end, f.message) not in seen:
                seen.add((f.path, f.start, f.end, f.message))
                yield f


def _own(c: Claim, explained: set[tuple]) -> Finding:
    """A claim's finding, or the finding of its part the source's blame leaves to it."""
    if c.part is not None and c.want is not None and c.got is not None:
        if (c.key, None, c.got) in explained:
            return c.part(c.want, None)
        if (c.key, c.want, None) in explained:
            return c.part(None, c.got)
    return c.finding


def message(noun: str, want, got, n: int, quote: str = "") -> str:
    """What the source is told: `link to '/charge' where 7 translations agree on '/debit'`."""
    w, g = f"{quote}{want}{quote}", f"{quote}{got}{quote}"
    if want is not None and got is not None:
        return f"{noun} {w} where {n} translations agree on {g}"
    if want is not None:
        return f"{noun} {w} that {n} translations do not have"
    return f"no {noun.split()[0]} where {n} translations have {g}"
