from contentlint.base.findings import Severity
from contentlint.load.front_matter import field_line
from contentlint.parity.kit import KINDS, matched_units, related, untranslated
from contentlint.language.profiles import load_profiles
from contentlint.load.prose import squash
from contentlint.rules.base import GroupRule


class UnchangedTranslation(GroupRule):
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
