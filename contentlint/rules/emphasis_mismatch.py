"""CL516 emphasis-mismatch: an aligned block with more or fewer bold spans than the source's."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity.blame import Claim, settle
from contentlint.parity.inline import bold, one_to_one, stray_markers
from contentlint.parity.kit import KINDS, agreeing, related, untranslated
from contentlint.rules.base import GroupRule


def _source_terms(spans: list[str], source: str) -> int:
    """How many bold spans of the translation are a term the source block writes as plain
    text (`das **title**-Label` for `the title label`): a translator's emphasis of the
    source's own word, not a change of meaning."""
    folded = source.casefold()
    return sum(1 for s in spans if s.strip() and s.strip().casefold() in folded)


class EmphasisMismatch(GroupRule):
    """An aligned paragraph, item or heading whose bold spans differ in number from the source's.

    ## What it does
    Counts the bold spans of each block the alignment pairs with a block of the source,
    however they are written (`**x**` and `__x__` are both bold), and reports a block whose
    count differs (bold the translation adds only to words the source block writes too is
    the translator's emphasis, not reported). When the block still holds `**` or `__` as
    text, the message says the markers did not render (a space inside them, `** x **`, or a
    closing marker after punctuation and against a letter, `**時間：**考生`). Italic is not
    compared: translators set foreign terms in italic and drop stylistic italics, so its
    count differs in good translations. Sections whose blocks do not pair one to one are
    left to paragraph-mismatch and list-mismatch, and a section whose blocks carry the same
    as the source's in another order was reordered, not changed.

    ## Why it matters
    Bold marks the term a paragraph defines, the label of a list item, the warning a reader
    must not miss. Machine translation often breaks the markers into literal asterisks; a
    source block that gained or lost bold after translation was rewritten, and the
    translation no longer says the same thing.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: exam
    ---
    # Exam

    - **Timing:** two sessions of three hours on one day.

    <!-- file: ar.md -->
    ---
    translation_key: exam
    ---
    # الامتحان

    - ** التوقيت: ** جلستان مدة كل منهما ثلاث ساعات في يوم واحد.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: exam
    ---
    # Exam

    - **Timing:** two sessions of three hours on one day.

    <!-- file: ar.md -->
    ---
    translation_key: exam
    ---
    # الامتحان

    - **التوقيت:** جلستان مدة كل منهما ثلاث ساعات في يوم واحد.
    ```
    """

    code = "CL516"
    name = "emphasis-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            foreign = {id(span[0]) for span, _, _ in untranslated(p)}  # untranslated-segment's: one finding
            for r, t in one_to_one(p, lambda u: len(bold(u))):
                spans = bold(t)
                want, got = len(bold(r)), len(spans)
                if want == got or id(t) in foreign or (got > want and got - _source_terms(spans, r.text) <= want):
                    continue
                msg = f"{got} bold span(s) where the source's {KINDS[r.kind]} has {want}"
                if got < want and stray_markers(t):
                    msg += ": its `**` markers show as text (a space inside them, or a closing one after " \
                           "punctuation and against a letter)"
                finding = self.finding(p.doc, t.block.start, t.block.end, msg, related=related(p, r.block.line))
                claims.append(Claim(p, r, want, got, finding, key=("bold", r.block.line)))

        def on_source(c: Claim, n: int):
            r = c.element
            return self.finding(c.pairing.ref, r.block.start, r.block.end,
                                f"{KINDS[r.kind]} has {c.want} bold span(s) where {n} translations agree on "
                                f"{c.got}: changed after translation", related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
