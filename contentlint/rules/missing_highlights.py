from contentlint.language.detection import effective
from contentlint.base.findings import Fix, Severity
from contentlint.load.intended import IntendedList
from contentlint.language.profiles import normalize_title
from contentlint.rules.base import Convention, DocumentRule


class MissingHighlights(DocumentRule, Convention):
    """The article has no Highlights section.

    ## What it does
    Looks for a section whose heading is one of the language's names for Highlights (from
    the language profiles in `rules/`: English Highlights or Key Takeaways, Norwegian
    Høydepunkter, Malay Sorotan, …). A language whose profile names no Highlights section
    (or that has no profile) is not checked: another language's name would be no evidence.
    A heading written without its space still counts. When the last section is a list
    under another name (`## Features`), the message says so; renaming it is an unsafe fix.

    The section is a convention of the corpus' template, not of the language: the rule
    reports only in a corpus where at least `min_share` (default half) of the articles whose
    language has a name for it have it — a documentation site with another template is
    never told to add one. The same holds for each language with at least three such
    articles: where most English articles close on `## Features` while the translations say
    Höhepunkte, `Features` is that language's name in this corpus.

    A translation whose source lacks the section too is not reported: it took the gap from
    its source, which is where the finding stands (a translator does not add a section the
    source does not have). A translation that lacks what its source has is reported (and
    outline-mismatch names the missing section).

    ## Why it matters
    The closing Highlights list is part of every article's template: readers and the
    site's summary cards rely on it.

    ## Example
    ```markdown
    <!-- file: en/api.md -->
    # Associate in Personal Insurance (API)
    ## Features
    - The API is a professional designation.
    <!-- file: en/cpcu.md -->
    # Chartered Property Casualty Underwriter (CPCU)
    ## Highlights
    - The CPCU is a professional designation.
    ```

    ## Use instead
    ```markdown
    <!-- file: en/api.md -->
    # Associate in Personal Insurance (API)
    ## Highlights
    - The API is a professional designation.
    <!-- file: en/cpcu.md -->
    # Chartered Property Casualty Underwriter (CPCU)
    ## Highlights
    - The CPCU is a professional designation.
    ```
    """

    options = {"min_share": 0.5}  # of the articles whose language names the section: below it, the corpus has another template

    inherited = True  # a translation's finding that its source has too is the source's (Pipeline.inherited)

    code = "CL105"
    name = "missing-highlights"
    severity = Severity.WARNING
    fixable = True

    def follows(self, outline, language, profiles):
        names = profiles.highlight_names(language)
        if not names or outline is None:
            return None
        return any(s.level >= 2 and normalize_title(s.title.lstrip("#")) in names for s in outline.sections)

    def check(self, doc, ctx):
        profile = ctx.profiles.get(effective(doc))
        if profile is None or not profile.highlights:
            return  # the language's name for the section is not known: no guess from another language
        names = ctx.profiles.highlight_names(effective(doc))
        headings = [h for h in doc.intended.headings if h.level >= 2]
        if any(normalize_title(h.text) in names for h in headings):
            return
        # the Highlights under another name: the last section that is nothing but a list
        lists = [s for s in doc.intended.sections if s.heading is not None and s.heading.level >= 2
                 and s.blocks and all(isinstance(b, IntendedList) for b in s.blocks)]
        if lists:
            h = lists[-1].heading
            fix = None
            at = doc.text.find(h.text, h.marks_end, h.end + 1)
            if at >= 0:
                fix = Fix.replace(at, at + len(h.text), profile.highlights[0], safe=False,
                                  message=f"rename to '{profile.highlights[0]}'")
            expected = f" (expected '{profile.highlights[0]}')"
            yield self.finding(doc, h.start, h.end, f"no Highlights section: the list of key points is under "
                               f"'{h.text}'{expected}", fix)
        else:
            yield self.finding(doc, 0, 0, "no Highlights section")
