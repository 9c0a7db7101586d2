from contentlint.findings import Severity
from contentlint.front_matter import field_line
from contentlint.profiles import load_profiles
from contentlint.prose import squash
from contentlint.registry import Rule, register
from contentlint.parity_kit import KINDS, matched_units, related

CONFIDENT = 0.75


def untranslated(p, least: float = CONFIDENT):
    """(unit, start, end, text, whole) of the spans lingua places in the reference's language."""
    for span, (code, confidence) in zip(p.spans, p.detected):
        if code and code == p.ref.language and confidence >= least:
            yield span, confidence


@register
class UntranslatedSegment(Rule):
    """A heading, paragraph, list item or link text of a translation left in the source language.

    ## What it does
    Finds blocks that repeat most of their aligned source block, and runs of two or more
    words repeated from it ("Real World Eksempel på …": the span "Real World"), and asks
    lingua, restricted to the two languages, whether they are in the source language. Names
    are not flagged: a run followed by an acronym in brackets ("Associate in Personal
    Insurance (API)"), or kept by the group's other translations too ("The Institutes").

    ## Why it matters
    Machine translation leaves phrases it did not recognise; readers of the translation
    meet English in the middle of their language.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    ## Real World Example of the API Designation
    There are two paths to the [API](/api).
    <!-- file: nb.md -->
    # API
    ## Real World Eksempel på API-betegnelsen
    Det er to veier til [API](/api).
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    ## Real World Example of the API Designation
    There are two paths to the [API](/api).
    <!-- file: nb.md -->
    # API
    ## Eksempel fra virkeligheten på API-betegnelsen
    Det er to veier til [API](/api).
    ```
    """

    code = "CL507"
    name = "untranslated-segment"
    severity = Severity.WARNING
    scope = "group"
    options = {"min_confidence": CONFIDENT}

    def check(self, group, ctx):
        least = ctx.config.option(self, "min_confidence")
        for p in group.pairings:
            for (unit, start, end, text, whole), confidence in untranslated(p, least):
                what = f"{KINDS[unit.kind]} is" if whole else f"'{text}' is"
                yield self.finding(p.doc, start, end, f"{what} in '{p.ref.language}', the source language "
                                   f"(confidence {confidence:.2f}): translate it", related=related(p, unit.block.line))


@register
class UnchangedTranslation(Rule):
    """The title, description or a block of a translation identical to the source.

    ## What it does
    Reports a front-matter `title` or `description`, or an aligned heading, paragraph or
    list item, that is character for character the source's (blanks aside). Text the
    language may keep as it is goes in the profile's `unchanged_allow` list in
    `rules/languages/`. A block already reported as untranslated-segment is not reported
    again.

    ## Why it matters
    A copied title or heading is often a name that should stay, and often a translation
    that never happened: an editor decides.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    title: Associate in Personal Insurance
    ---
    # API
    <!-- file: ms.md -->
    ---
    translation_key: api
    title: Associate in Personal Insurance
    ---
    # API
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    title: Associate in Personal Insurance
    ---
    # API
    <!-- file: ms.md -->
    ---
    translation_key: api
    title: Bersekutu dalam Insurans Peribadi
    ---
    # API
    ```
    """

    code = "CL508"
    name = "unchanged-translation"
    severity = Severity.INFO
    scope = "group"

    def check(self, group, ctx):
        for p in group.pairings:
            profile = load_profiles().get(p.doc.language or "")
            allow = {squash(a) for a in (profile.unchanged_allow if profile else ())}
            for key in ("title", "description"):
                mine, theirs = p.doc.meta.get(key), p.ref.meta.get(key)
                if isinstance(mine, str) and isinstance(theirs, str) and squash(mine) and squash(mine) == squash(theirs) \
                        and squash(mine) not in allow:
                    line = field_line(p.doc, key) or 0
                    yield self.finding(p.doc, p.doc.lines.start(line), p.doc.lines.end(line),
                                       f"front-matter {key} is identical to the source's", related=related(p, field_line(p.ref, key) or 0))
            reported = {id(span[0]) for span, _ in untranslated(p)}  # untranslated-segment's already
            for r, t in matched_units(p):
                mine, theirs = t.block.prose, r.block.prose
                if mine.split(None, 3)[:3] != theirs.split(None, 3)[:3]:
                    continue  # the usual case, decided by the first words
                text = squash(mine)
                # acronyms and numbers (no lowercase letter) stay the same in every language
                if id(t) in reported or text != squash(theirs) or not any(c.islower() for c in text) or text in allow:
                    continue
                yield self.finding(p.doc, t.block.start, t.block.end, f"{KINDS[t.kind]} is identical to the source's",
                                   related=related(p, r.block.line))
