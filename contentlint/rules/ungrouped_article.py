from contentlint.findings import Severity
from contentlint.registry import Rule, register


@register
class UngroupedArticle(Rule):
    """No translation of this article was found.

    ## What it does
    Reports an article that no explicit key, path pattern or inferred evidence joins with
    a version in another language.

    ## Why it matters
    Either the translations are missing, or they differ so much (other links, other
    numbers) that nothing ties them together: both are worth an editor's look.

    ## Example
    ```markdown
    # Associate in Insurance Services (AIS)

    Associate in Insurance Services (AIS) er en profesjonell sertifisering.
    ```

    ## Use instead
    ```markdown
    <!-- file: nb/ais.md -->
    ---
    translation_key: associate-insurance-services-ais
    ---
    # Associate in Insurance Services (AIS)

    Associate in Insurance Services (AIS) er en profesjonell sertifisering.
    <!-- file: en/ais.md -->
    ---
    translation_key: associate-insurance-services-ais
    ---
    # Associate in Insurance Services (AIS)

    Associate in Insurance Services (AIS) is a professional certification.
    ```
    """

    code = "CL401"
    name = "ungrouped-article"
    severity = Severity.INFO
    scope = "corpus"

    def check(self, corpus, ctx):
        for doc in corpus.ungrouped:
            yield self.finding(doc, 0, 0, f"no translation of this article found (language '{doc.language}')")
