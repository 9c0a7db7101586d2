"""CL517 inline-code-mismatch: a code span of the source missing, changed or added in the aligned translation block."""

from __future__ import annotations

from collections import Counter

from contentlint.base.findings import Severity
from contentlint.parity.blame import Claim, message, settle
from contentlint.parity.inline import code_spans, one_to_one, translated
from contentlint.parity.kit import KINDS, agreeing, differences, related
from contentlint.rules.base import GroupRule


def _compared(source: list[str], translation: list[str]) -> tuple[Counter, Counter]:
    """The source's code spans the translation lacks and those it adds. A span the translator
    wrote in their own script (`<파드-이름>`) stands for one of the source's spans with letters
    (`<pod-name>`): placeholders and phrases set in code may be translated."""
    want, got = Counter(source), Counter(translation)
    missing, extra = want - got, got - want
    for span in [s for s in extra.elements() if translated(s)]:
        lettered = next((s for s in missing if any(c.isalpha() for c in s)), None)
        extra[span] -= 1
        if lettered is not None:
            missing[lettered] -= 1
    return +missing, +extra


EDGES = "/\\.,:;'\"()[]<> "


def _formatted(span: str, source_text: str) -> bool:
    """A span only the translation has, holding words the source block writes as plain text
    (`` `content/` `` for `content/`): the translator set the source's own term in code."""
    words = span.strip().strip(EDGES).casefold()  # `content/`, `"en"`: the term without its marks
    return bool(words) and words in source_text.casefold()


class InlineCodeMismatch(GroupRule):
    """A code span of the source missing, changed or added in the aligned block of the translation.

    ## What it does
    Compares the code spans (`` `kubectl` ``, `` `--port` ``, `` `PATH` ``) of each block
    the alignment pairs with a block of the source: they are commands, names, paths and
    values, which a translation keeps as the source writes them. Reports a span the
    translation lacks, one it has instead (`` `kubectl create` `` for `` `kubectl apply`
    ``), and one only it has. A span written in the translation's own script (`` `<파드-이름>`
    `` for `` `<pod-name>` ``) is a translated placeholder and stands for one of the
    source's spans with letters; a span only the translation has, of words the source block
    writes as plain text, is the translator's formatting. Sections whose blocks do not pair
    one to one are left to paragraph-mismatch and list-mismatch, and a section whose blocks
    carry the same as the source's in another order was reordered, not changed.

    ## Why it matters
    A reader copies what a code span holds. A changed or lost command, flag or path sends
    the reader of that language to run something else than the source says, and a span
    the source changed since shows a translation that was not updated.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    The `periodSeconds` field sets how often the kubelet runs the probe.

    <!-- file: de.md -->
    ---
    translation_key: probes
    ---
    # Proben

    Das Feld `Periodensekunden` legt fest, wie oft das Kubelet die Probe ausführt.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    The `periodSeconds` field sets how often the kubelet runs the probe.

    <!-- file: de.md -->
    ---
    translation_key: probes
    ---
    # Proben

    Das Feld `periodSeconds` legt fest, wie oft das Kubelet die Probe ausführt.
    ```
    """

    code = "CL517"
    name = "inline-code-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            for r, t in one_to_one(p, code_spans):
                source = code_spans(r)
                if not source and not code_spans(t):
                    continue
                missing, extra = _compared(source, code_spans(t))
                noun = KINDS[r.kind]
                for want, got in differences(missing, extra):
                    if want is None and _formatted(got, r.text):
                        continue
                    if want is not None and got is not None:
                        msg = f"code `{got}` where the source's {noun} has `{want}`"
                    elif want is not None:
                        msg = f"code `{want}` of the source's {noun} is missing"
                    else:
                        msg = f"code `{got}` is not in the source's {noun}"
                    finding = self.finding(p.doc, t.block.start, t.block.end, msg, related=related(p, r.block.line))
                    claims.append(Claim(p, r, want, got, finding, key=("code", r.block.line)))

        def on_source(c: Claim, n: int):
            r = c.element
            return self.finding(c.pairing.ref, r.block.start, r.block.end,
                                message("code", c.want, c.got, n, quote="`") + ": changed after translation",
                                related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
