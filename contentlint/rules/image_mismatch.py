"""CL514 image-mismatch: an image of the source missing, added or pointing elsewhere in the translation."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.parity import media
from contentlint.rules.base import GroupRule


class ImageMismatch(GroupRule):
    """An image of the source missing in the translation, one it adds, or one with another target.

    ## What it does
    Pairs the images of the translation with the source's, in document order, by their
    targets (a target under the language's own path, `/ko/img/a.png`, is the source's
    `/img/a.png`). Reports an image the translation lacks, one only it has, and one whose
    target differs. The alt text is translated and not compared.

    ## Why it matters
    A lost diagram or screenshot removes what the text around it explains; an image from an
    older version of the source shows what the page no longer describes.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: arch
    ---
    # Architecture

    ![Control plane](/img/control-plane.svg)

    <!-- file: fr.md -->
    ---
    translation_key: arch
    ---
    # Architecture

    Le plan de contrôle.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: arch
    ---
    # Architecture

    ![Control plane](/img/control-plane.svg)

    <!-- file: fr.md -->
    ---
    translation_key: arch
    ---
    # Architecture

    ![Plan de contrôle](/fr/img/control-plane.svg)
    ```
    """

    code = "CL514"
    name = "image-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        return media.check(self, group, ctx, media.images, "image")
