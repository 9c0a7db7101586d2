"""CL519 outdated-translation: the source changed in substance since the state the translation follows."""

from __future__ import annotations

import datetime

from contentlint.base.findings import Related, Severity
from contentlint.history.model import summary
from contentlint.rules.base import CorpusRule, RuleFailed

SHOWN = 5  # changes named in a message; the rest are counted


def _how(lag) -> str:
    """`changed in 3 commits since 2026-10-01 (a1b2c3d..e4f5a6b)`, `has uncommitted edits`."""
    parts = []
    if lag.behind:
        day = datetime.datetime.fromtimestamp(lag.since, datetime.timezone.utc).date().isoformat()
        first, last = lag.commits
        parts.append(f"changed in {lag.behind} commit{'s' if lag.behind != 1 else ''} since {day} "
                     f"({first[:7]}..{last[:7]})")
    if lag.uncommitted:
        parts.append("has uncommitted edits")
    return " and ".join(parts) or "changed"


class OutdatedTranslation(CorpusRule):
    """A translation behind its source: the source changed in substance since the translation followed it.

    ## What it does
    Reads the repository's history once per run. For each translation it finds the source
    state the translation follows: the source as it was when the translation was written,
    or when the translation last changed where the source had changed (a typo fixed
    elsewhere is no sync), or the commit a front-matter pin names (MDN's
    `l10n.sourceCommit`, or `source_commit_field`). If the source has changed in substance
    since, it reports the translation with the commits behind, since when, and the blocks
    that changed, each with its line in the source now. Whitespace and reflow, emphasis
    style, localized links, shortcode-only and front-matter-only edits are not substance
    (`[tool.contentlint.history]` `shortcodes` and `front_matter` make them count). A change
    of headings only, or of a few words in place, is "low". Outside git, and for files not
    committed, it is silent.

    ## Why it matters
    A translation that lags its source tells readers of that language what the source no
    longer says, and nothing in its own text shows it: counts, links and numbers can all
    still agree.

    ## Example
    ```markdown
    <!-- file: en/probes.md -->
    ---
    title: Probes
    ---
    A probe restarts a container.

    <!-- file: de/probes.md -->
    ---
    title: Proben
    ---
    Eine Probe startet einen Container neu.

    <!-- commit -->
    <!-- file: en/probes.md -->
    ---
    title: Probes
    ---
    A probe restarts a container that stopped making progress.
    ```

    ## Use instead
    ```markdown
    <!-- file: en/probes.md -->
    ---
    title: Probes
    ---
    A probe restarts a container.

    <!-- file: de/probes.md -->
    ---
    title: Proben
    ---
    Eine Probe startet einen Container neu.

    <!-- commit -->
    <!-- file: en/probes.md -->
    ---
    title: Probes
    ---
    A probe restarts a *container*.
    ```
    Parts separated by `<!-- commit -->` lines are committed one after another to a
    repository; `<!-- file: a -> b -->` renames a file.
    """

    code = "CL519"
    name = "outdated-translation"
    severity = Severity.WARNING
    history = True  # the run reads the repository's history for it

    def check(self, corpus, ctx):
        history = ctx.history
        if history is None:
            return
        if history.error:  # a rule-error, exit 2, said by one history rule: the other rules' findings stand
            if history.stop():
                raise RuleFailed(history.error)
            return
        articles = {a.path: a for a in corpus.docs}
        for path, lag in sorted(history.lags.items()):
            if lag.state != "outdated" or path not in articles:
                continue
            shown = "; ".join(f"{summary(c)} at line {c.line + 1}" for c in lag.changes[:SHOWN])
            more = f"; {len(lag.changes) - SHOWN} more" if len(lag.changes) > SHOWN else ""
            msg = f"outdated ({lag.level}): the source {_how(lag)}: {shown}{more}"
            related = [Related(lag.source, c.line + 1, f"source now: {summary(c)}") for c in lag.changes[:SHOWN]]
            finding = self.at_start(articles[path], msg)
            finding.related.extend(related)
            yield finding
