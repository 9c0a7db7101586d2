from contentlint.base.findings import Severity
from contentlint.rules.base import CorpusRule


class UngroupedArticle(CorpusRule):
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

    def check(self, corpus, ctx):
        for doc in corpus.ungrouped:
            yield self.at_start(doc, f"no translation of this article found (language '{doc.language}')")
