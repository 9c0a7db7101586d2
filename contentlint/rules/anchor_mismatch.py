"""CL512 anchor-mismatch: a heading anchor (`{#id}`) of the source missing or different in the translation."""

from __future__ import annotations

import difflib

from contentlint.base.findings import Severity
from contentlint.parity.blame import Claim, settle
from contentlint.parity.kit import agreeing, related
from contentlint.rules.base import GroupRule


def anchors(doc) -> list[tuple[str, object]]:
    """(id, heading) of every heading that sets its anchor (`## Title {#an-id}`), in order."""
    out = []
    for heading in doc.headings:
        for child in heading.inline.children:
            if child.type == "heading_anchor":
                out.append((child.meta["id"], heading))
    return out


def _counterpart(p, heading):
    """The translation's heading in the place of the source's (the same rank among headings)."""
    rank = next((k for k, h in enumerate(p.ref.headings) if h is heading), None)
    return p.doc.headings[rank] if rank is not None and rank < len(p.doc.headings) else None


class AnchorMismatch(GroupRule):
    """A heading anchor of the source missing, renamed or added in the translation.

    ## What it does
    Compares the explicit heading anchors (`## Define probes {#define-probes}`, as Hugo,
    Docusaurus and other site generators write them) of the translation with the source's,
    in order. Anchors are ids, not text: every translation keeps them as the source writes
    them. Reports an anchor the translation lacks, and one it has instead of the source's
    (the source renamed its heading). An anchor only the translation sets breaks no link.

    ## Why it matters
    Links from other pages and from the table of contents use the anchor. A translation
    whose anchor differs from the source's breaks every link to that section, and one left
    behind by a renamed heading shows that the section was not translated again.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    ## Define a liveness HTTP request {#define-a-liveness-http-request}

    <!-- file: ko.md -->
    ---
    translation_key: probes
    ---
    ## 활성 커맨드 정의하기 {#define-a-liveness-command}
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    ## Define a liveness HTTP request {#define-a-liveness-http-request}

    <!-- file: ko.md -->
    ---
    translation_key: probes
    ---
    ## 활성 HTTP 요청 정의하기 {#define-a-liveness-http-request}
    ```
    """

    code = "CL512"
    name = "anchor-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        claims = []
        for p in group.pairings:
            ref, mine = anchors(p.ref), anchors(p.doc)
            if not ref and not mine:
                continue
            matcher = difflib.SequenceMatcher(None, [a for a, _ in ref], [a for a, _ in mine], autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal":
                    continue
                for k in range(max(i2 - i1, j2 - j1)):
                    want = ref[i1 + k] if i1 + k < i2 else None
                    got = mine[j1 + k] if j1 + k < j2 else None
                    if want is None:
                        continue  # an anchor only the translation sets breaks no link
                    heading = got[1] if got else _counterpart(p, want[1])
                    start, end = (heading.start, heading.end) if heading else (0, 0)
                    if want and got:
                        msg = f"heading anchor '{got[0]}' where the source's is '{want[0]}'"
                    elif want:
                        msg = f"heading anchor '{want[0]}' of the source is missing"
                    else:
                        msg = f"heading anchor '{got[0]}' is not in the source"
                    claims.append(Claim(p, None, want[0] if want else None, got[0] if got else None,
                                        self.finding(p.doc, start, end, msg,
                                                     related=related(p, want[1].line if want else 0)),
                                        key=("anchor", want[0] if want else None)))

        def on_source(c: Claim, n: int):
            found = next((h for a, h in anchors(c.pairing.ref) if a == c.want), None)
            start, end = (found.start, found.end) if found else (0, 0)
            if c.want and c.got:
                msg = f"heading anchor '{c.want}' where {n} translations agree on '{c.got}'"
            elif c.want:
                msg = f"heading anchor '{c.want}' that {n} translations do not have"
            else:
                msg = f"no heading anchor where {n} translations have '{c.got}'"
            return self.finding(c.pairing.ref, start, end, msg, related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
