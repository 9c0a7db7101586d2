"""CL511 code-mismatch: a code block missing, added, or holding other commands than the source's."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity import code
from contentlint.parity.blame import Claim, settle
from contentlint.parity.kit import agreeing, related
from contentlint.rules.base import GroupRule


class CodeMismatch(GroupRule):
    """A code block of the source missing in the translation, one it adds, or one whose code differs.

    ## What it does
    Pairs the code blocks of the translation with the source's, in order, and compares
    their code: commands, parameters and values must be the same. Comments and the text
    inside string literals may be translated, so comment lines, a comment after code
    (` # …`, ` // …`) and the content of quoted strings are left out of the comparison.
    Reports a block the source has and the translation lacks, a block only the translation
    has, the first line where a paired block's code differs, and a different language in
    the fence's info string.

    ## Why it matters
    Readers copy commands from the translation. A changed command, a value from an older
    version of the source, or a missing step breaks what they run, and nobody reading one
    language can see it.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    ~~~shell
    kubectl apply -f exec-liveness.yaml
    ~~~

    <!-- file: ko.md -->
    ---
    translation_key: probes
    ---
    # 프로브

    ~~~shell
    kubectl create -f exec-liveness.yaml
    ~~~
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    ~~~shell
    kubectl apply -f exec-liveness.yaml
    ~~~

    <!-- file: ko.md -->
    ---
    translation_key: probes
    ---
    # 프로브

    ~~~shell
    # 파드를 만든다
    kubectl apply -f exec-liveness.yaml
    ~~~
    ```
    """

    code = "CL511"
    name = "code-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            for d in code.differences(code.blocks(p.ref), code.blocks(p.doc)):
                start, end = p.doc.lines.start(d.line), p.doc.lines.end(d.line)
                ref_line = d.ref.line if d.ref else 0
                claims.append(Claim(p, None, d.want, d.got, self.finding(p.doc, start, end, _message(d),
                                                                          related=related(p, ref_line)),
                                    key=(d.kind, d.ref.line if d.ref else None)))

        def on_source(c: Claim, n: int):
            line = c.key[1] if c.key[1] is not None else 0
            return self.finding(c.pairing.ref, c.pairing.ref.lines.start(line), c.pairing.ref.lines.end(line),
                                _on_source(c.key[0], c.want, c.got, n), related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)


def _message(d: code.Difference) -> str:
    if d.kind == "missing":
        return f"code block missing: the source has one at line {d.ref.line + 1} (`{_short(d.want)}`)"
    if d.kind == "extra":
        return f"code block not in the source (`{_short(d.got)}`)"
    if d.kind == "info":
        return f"code block in '{d.got}' where the source's is in '{d.want}'"
    if d.want is None:
        return f"code has a line the source's does not: `{_short(d.got)}`"
    if d.got is None:
        return f"code lacks the source's line `{_short(d.want)}`"
    return f"code `{_short(d.got)}` where the source has `{_short(d.want)}`"


def _on_source(kind: str, want, got, n: int) -> str:
    if kind == "missing":
        return f"code block (`{_short(want)}`) that {n} translations do not have"
    if kind == "extra":
        return f"no code block where {n} translations have one (`{_short(got)}`)"
    return f"code `{_short(want)}` where {n} translations agree on `{_short(got)}`"


def _short(text, width: int = 60) -> str:
    text = str(text or "")
    return text if len(text) <= width else text[:width - 1] + "…"
