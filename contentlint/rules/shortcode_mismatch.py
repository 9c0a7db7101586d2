"""CL518 shortcode-mismatch: a shortcode's id parameters differ from the source's."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity import media
from contentlint.rules.base import GroupRule


class ShortcodeMismatch(GroupRule):
    """A shortcode of the source whose id parameters the translation changed, lost or added.

    ## What it does
    Pairs the shortcodes of the translation with the source's, in document order, by their
    id parameters (`term_id="pod"`, `file="pods/probe.yaml"`, `{{< param "version" >}}`).
    Parameters that hold text are translated and not compared: those named like text
    (`text`, `title`, `alt`, `caption`, `description`, `label`, `summary`, `tooltip`,
    `heading`) and any whose value holds a space or a letter outside ASCII. The shortcode's
    name is not compared either: a `note` that became a `caution` in the source reads the
    same in every language. Reports a shortcode the translation lacks, one only it has, and
    one whose parameters differ.

    ## Why it matters
    A shortcode's ids pick what the page shows: the glossary entry a tooltip explains, the
    example file a page includes, the version it prints. A translation with another id
    shows another term or an older example than the source.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    Each {{< glossary_tooltip text="container" term_id="container" >}} has probes.

    <!-- file: fr.md -->
    ---
    translation_key: probes
    ---
    # Sondes

    Chaque {{< glossary_tooltip text="conteneur" term_id="conteneur" >}} a des sondes.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    Each {{< glossary_tooltip text="container" term_id="container" >}} has probes.

    <!-- file: fr.md -->
    ---
    translation_key: probes
    ---
    # Sondes

    Chaque {{< glossary_tooltip text="conteneur" term_id="container" >}} a des sondes.
    ```
    """

    code = "CL518"
    name = "shortcode-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        return media.check(self, group, ctx, media.shortcodes, "shortcode")
