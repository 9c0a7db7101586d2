"""CL512 anchor-mismatch: a heading anchor (`{#id}`) of the source missing or different in the translation."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity import media
from contentlint.rules.base import GroupRule


def _counterpart(p, item: media.Item) -> int:
    """The line of the translation's heading in the place of the source's (the same rank among
    headings), else the translation's first line."""
    rank = next((k for k, h in enumerate(p.ref.headings) if h.line == item.line), None)
    return p.doc.headings[rank].line if rank is not None and rank < len(p.doc.headings) else 0


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
        # an anchor only the translation sets breaks no link
        return media.check(self, group, ctx, media.anchors, "heading anchor", extras=False, place=_counterpart)
