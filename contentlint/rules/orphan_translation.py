"""CL520 orphan-translation: a translation whose source was deleted or renamed."""

from __future__ import annotations

from contentlint.base.findings import Severity
from contentlint.rules.base import CorpusRule, RuleFailed


class OrphanTranslation(CorpusRule):
    """A translation whose source no longer exists: deleted, or renamed without it.

    ## What it does
    Where articles pair by their paths (a site layout, language folders or path patterns), a
    translation with no source in its group is looked up in the repository's history: if a
    source-language file with the same key existed and a commit deleted it, the
    translation is an orphan; if the commit renamed it, the message names the source's new
    path, so the translation can follow it. Outside git it is silent: a page that exists in
    one language only may be meant so.

    ## Why it matters
    An orphan is published without a source to follow: nobody updates it, links to the
    source's new place miss it, and readers of that language see a page the site no longer
    has.

    ## Example
    ```markdown
    <!-- file: en/install.md -->
    ---
    title: Install
    ---
    Install it.

    <!-- file: de/install.md -->
    ---
    title: Installieren
    ---
    Installieren Sie es.

    <!-- commit -->
    <!-- file: en/install.md -> en/setup.md -->
    ```

    ## Use instead
    ```markdown
    <!-- file: en/install.md -->
    ---
    title: Install
    ---
    Install it.

    <!-- file: de/install.md -->
    ---
    title: Installieren
    ---
    Installieren Sie es.

    <!-- commit -->
    <!-- file: en/install.md -> en/setup.md -->
    <!-- file: de/install.md -> de/setup.md -->
    ```
    """

    code = "CL520"
    name = "orphan-translation"
    severity = Severity.WARNING
    history = True

    def check(self, corpus, ctx):
        history = ctx.history
        if history is None:
            return
        if history.error:  # a rule-error said once, by whichever history rule runs first
            if history.stop():
                raise RuleFailed(history.error)
            return
        articles = {a.path: a for a in corpus.docs}
        for path, orphan in sorted(history.orphans.items()):
            if path not in articles:
                continue
            if orphan.renamed_to:
                msg = (f"the source {orphan.source} was renamed to {orphan.renamed_to} in {orphan.commit[:7]}: "
                       "rename the translation the same way")
            else:
                msg = f"the source {orphan.source} was deleted in {orphan.commit[:7]}: remove or re-source this translation"
            yield self.at_start(articles[path], msg)
