import re

from contentlint.language.detection import effective
from contentlint.base.findings import Severity
from contentlint.load.front_matter import field_line
from contentlint.parity.kit import KINDS, matched_units, related, untranslated, whole_in_source
from contentlint.parity.segments import ADDRESS, SHORTCODES
from contentlint.load.prose import squash
from contentlint.rules.base import GroupRule


NAME_WORD = re.compile(r"[\W\d_]*(?:[a-z]?[A-Z0-9][\w'’.&-]*|[a-z]{1,3})[\W_]*")  # `Chartered`, `ARM)`, `(mTLS)`, `in`
DASHES = re.compile("[\u2013\u2014]")  # an en or em dash between two names
TERM = re.compile(r".*\S\s*[(（]\s*[a-z]?[A-Z][A-Za-z0-9&]*\s*[)）]\s*")  # `Continuous integration (CI)`


def kept_as_is(text: str) -> bool:
    """Text every language keeps: markup, acronyms and numbers (no lowercase letter), one word (a
    cognate: `Application`, `Information`), or a name — every word capitalised but short
    connectors (`Associate in Risk Management (ARM)`, `0x Protocol`), or names a dash joins
    (`Freddie Mac—Federal Home Loan Mortgage Corp. (FHLMC)`). An address is no word
    (`Email: info@museum.se`: one word), nor part of a name (`Questions? Write to info@…`)."""
    words = DASHES.sub(" ", text).split()
    if SHORTCODES.fullmatch(text.strip()):
        return True  # site markup (`{{% sign-language-section rbyBgXqCN2k %}}`) is the same in every language
    lettered = [w for w in DASHES.sub(" ", ADDRESS.sub(" ", text)).split() if any(c.isalpha() for c in w)]
    if not any(c.islower() for c in text) or len(lettered) <= 1:
        return True
    if TERM.fullmatch(text) and len(words) <= 6:  # a term with its acronym, as glossaries keep it
        return True
    return all(NAME_WORD.fullmatch(w) for w in words) and any(w[:1].isupper() for w in words)


class UnchangedTranslation(GroupRule):
    """The title, description or a block of a translation identical to the source.

    ## What it does
    Reports a front-matter `title` or `description`, or an aligned heading, paragraph or
    list item, that is character for character the source's (blanks aside). Text every
    language keeps is not reported: acronyms and numbers, a single word (often the same word
    in both languages: `Application`; an e-mail address or URL beside it is no word), names (every word capitalised but short connectors:
    `Chartered Life Underwriter (CLU)`), and a short term with its acronym (`Continuous
    integration (CI)`). Text a language may keep as it is goes
    in the profile's `unchanged_allow` list in `rules/languages/`. A block already reported
    as untranslated-segment is not reported again, nor is a page written in the source
    language as a whole (one `wrong-language` finding).

    ## Why it matters
    A copied title or heading is often a name that should stay, and often a translation
    that never happened: an editor decides.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    title: How the designation works
    ---
    # API
    <!-- file: ms.md -->
    ---
    translation_key: api
    title: How the designation works
    ---
    # API
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: api
    title: How the designation works
    ---
    # API
    <!-- file: ms.md -->
    ---
    translation_key: api
    title: Cara penetapan ini berfungsi
    ---
    # API
    ```
    """

    code = "CL508"
    name = "unchanged-translation"
    severity = Severity.INFO

    def check(self, group, ctx):
        for p in group.pairings:
            if whole_in_source(p):
                continue  # a page never translated: one wrong-language finding, not one a block
            profile = ctx.profiles.get(effective(p.doc))
            allow = {squash(a) for a in (profile.unchanged_allow if profile else ())}
            for key in ("title", "description"):
                mine, theirs = p.doc.meta.get(key), p.ref.meta.get(key)
                if isinstance(mine, str) and isinstance(theirs, str) and squash(mine) and squash(mine) == squash(theirs) \
                        and squash(mine) not in allow and not kept_as_is(mine):
                    line = field_line(p.doc, key) or 0
                    yield self.finding(p.doc, p.doc.lines.start(line), p.doc.lines.end(line),
                                       f"front-matter {key} is identical to the source's", related=related(p, field_line(p.ref, key) or 0))
            reported = {id(span[0]) for span, _, _ in untranslated(p)}  # untranslated-segment's already
            for r, t in matched_units(p):
                mine, theirs = t.block.prose, r.block.prose
                if mine.split(None, 3)[:3] != theirs.split(None, 3)[:3]:
                    continue  # the usual case, decided by the first words
                text = squash(mine)
                if id(t) in reported or text != squash(theirs) or text in allow or kept_as_is(mine):
                    continue
                yield self.finding(p.doc, t.block.start, t.block.end, f"{KINDS[t.kind]} is identical to the source's",
                                   related=related(p, r.block.line))
