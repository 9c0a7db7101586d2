from contentlint.base.findings import Severity
from contentlint.parity.kit import CONFIDENT, KINDS, aligned_line, related, untranslated, whole_in_source
from contentlint.rules.base import GroupRule


class UntranslatedSegment(GroupRule):
    """A heading, paragraph, list item or link text of a translation left in the source language.

    ## What it does
    Finds text of a translation that may still be in the source language, wherever it stands
    (not only where the alignment expects it): every sentence whose words are nearly all words
    of the source document (a pasted paragraph or sentence; in a translation written in
    another script, a Latin run of several words), and runs of two or more words repeated
    from the aligned source block ("Real World Eksempel på …": the span "Real World"). lingua,
    restricted to the two languages, then decides. A block that is untranslated as a whole is
    one finding, and the structure rules do not count it again as an extra paragraph. A
    paragraph or list item in a third language, that of another translation of the group (a
    Danish paragraph in the Norwegian article), is found by the function words of that
    language the document's lacks, and judged by lingua between the two.
    In running text a run needs two function words of the source language that the
    translation's language lacks (`that the value of the shares`); without them it is a term
    the language keeps (`cloud computing`), and a language without a profile gets none.
    Names are not flagged: capitalised words in running text, among them a work's title (its
    small words up to four letters: "An Inquiry into the Nature and Causes of the Wealth of
    Nations"), a run followed by an acronym in brackets ("Associate in Personal Insurance
    (API)", "Point-of-service planer (POS)"), the original term in brackets or quotes
    beside its translation, or a short term the group's other translations keep too ("The
    Institutes"). Terms the project keeps as written are listed in the configuration's
    `do_not_translate` (for every language, or by language code); a span of nothing else is
    not reported. A page written in the source language as a whole (copied, never
    translated) is one `wrong-language` finding, not one here for each of its blocks.

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
    options = {"min_confidence": CONFIDENT}

    def check(self, group, ctx):
        least = ctx.config.option(self, "min_confidence")
        for p in group.pairings:
            if whole_in_source(p):
                continue  # the whole page: one wrong-language finding
            kept = [t.casefold() for t in ctx.config.kept_terms(p.doc.language)]
            for (unit, start, end, text, whole, *_), code, confidence in untranslated(p, least):
                if kept and _only_terms(text, kept):
                    continue  # the project's `do_not_translate` terms, and nothing else
                # a link's target is blanked in the span's text: quoted as it reads (`at-the-money call`)
                what = f"{KINDS[unit.kind]} is" if whole else f"'{' '.join(text.split())}' is"
                if code == p.ref.language:
                    yield self.finding(p.doc, start, end, f"{what} in '{code}', the source language "
                                       f"(confidence {confidence:.2f}): translate it", related=related(p, aligned_line(p, unit)))
                else:  # a block of another translation's language (parity/third.py)
                    yield self.finding(p.doc, start, end, f"{what} in '{code}', not in the document's language "
                                       f"(confidence {confidence:.2f}): translate it from the source",
                                       related=related(p, aligned_line(p, unit)))


def _only_terms(text: str, kept: list[str]) -> bool:
    """Whether `text` is do-not-translate terms and what joins them (`kubectl and Helm`)."""
    rest = text.casefold()
    for term in sorted(kept, key=len, reverse=True):
        rest = rest.replace(term, " ")
    return sum(c.isalpha() for c in rest) < 4
