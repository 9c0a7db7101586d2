from contentlint.base.findings import Severity
from contentlint.rules.base import CorpusRule


class AmbiguousGroup(CorpusRule):
    """Two articles of one language compete for one group, or a membership is uncertain.

    ## What it does
    Reports an article that shares its group's language with another candidate almost as
    similar, two articles of one language with the same `translation_key` or path key, and
    an article that joined its group with low confidence.

    ## Why it matters
    Every cross-language check compares a translation with its source: comparing it with
    the wrong article gives wrong findings everywhere.

    ## Example
    ```markdown
    <!-- file: a.md -->
    ---
    translation_key: api
    lang: nb
    ---
    # Associate in Personal Insurance (API)
    <!-- file: b.md -->
    ---
    translation_key: api
    lang: nb
    ---
    # Associate in Personal Insurance (API)
    ```

    ## Use instead
    ```markdown
    <!-- file: a.md -->
    ---
    translation_key: api
    lang: nb
    ---
    # Associate in Personal Insurance (API)
    <!-- file: b.md -->
    ---
    translation_key: api
    lang: en
    ---
    # Associate in Personal Insurance (API)
    ```
    """

    code = "CL402"
    name = "ambiguous-group"
    severity = Severity.WARNING

    def check(self, corpus, ctx):
        for doc, why in corpus.conflicts:
            yield self.at_start(doc, why)
