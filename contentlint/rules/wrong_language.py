from contentlint.base.findings import Severity
from contentlint.load.front_matter import field_line
from contentlint.language import detection, names
from contentlint.rules.base import DocumentRule



class WrongLanguage(DocumentRule):
    """The declared or path language disagrees with the language the text is written in.

    ## What it does
    Compares the language from front matter (`lang`, `language`) or from the path
    (`Norwegian/…`, `{lang}/{key}.md`) with what detection finds in the body — lingua,
    restricted to the corpus' languages — and reports a disagreement detected with high
    confidence, naming both languages. The corpus' languages include those discovery found
    in the text, so a folder whose name declares one language and whose files are all in
    another (Danish under `Dutch/`) is reported too.

    ## Why it matters
    A file in the wrong folder or with the wrong `lang` is published to the wrong readers
    and compared with the wrong source.

    ## Example
    ```markdown
    ---
    lang: nb
    ---
    # Associate in Personal Insurance (API)

    The Associate in Personal Insurance (API) is a professional certification in the insurance
    industry. It is one of numerous designations presented by The Institutes, an organization
    dedicated to giving certification and continuing education to insurance professionals.
    ```

    ## Use instead
    ```markdown
    ---
    lang: en
    ---
    # Associate in Personal Insurance (API)

    The Associate in Personal Insurance (API) is a professional certification in the insurance
    industry. It is one of numerous designations presented by The Institutes, an organization
    dedicated to giving certification and continuing education to insurance professionals.
    ```
    """

    code = "CL301"
    name = "wrong-language"
    severity = Severity.WARNING
    options = {"min_confidence": detection.CONTRADICTING_CONFIDENCE, "min_chars": detection.CONTRADICTING_CHARS}

    def check(self, doc, ctx):
        if doc.language_source not in ("front matter", "path") or not doc.detected:
            return
        if doc.detected == doc.language or doc.detected_confidence < ctx.config.option(self, "min_confidence"):
            return
        if doc.language not in detection.languages_of_run(ctx.config) or doc.detected_chars < ctx.config.option(self, "min_chars"):
            return  # detection could not have answered the declared language
        where = (0, 0)
        if doc.language_source == "front matter":  # the field language.declared reads
            n = field_line(doc, "lang") if doc.meta.get("lang") else field_line(doc, "language")
            if n is not None:
                where = (doc.lines.start(n), doc.lines.end(n))
        said = "front matter" if doc.language_source == "front matter" else "path"
        declared, found = doc.language_tag or doc.language, doc.detected
        yield self.finding(doc, *where, f"the {said} says '{declared}' ({names.language_name(doc.language, ctx.profiles)}) but the "
                           f"text is '{found}' ({names.language_name(found, ctx.profiles)}), confidence {doc.detected_confidence:.2f}")
