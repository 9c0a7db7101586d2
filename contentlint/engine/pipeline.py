"""The order in which a run applies its rules, written once for every scope.

    rules of the scope -> severities and per-file ignores (policy) -> suppressions -> unused suppressions

Document rules run in workers, group rules per article, corpus rules once; what any of them
finds passes the configuration's policy here and nowhere else, and a file's suppressions
are applied here once every scope has reported on it. A rule that raises leaves a
`rule-error` finding instead of stopping the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from fnmatch import fnmatch

from contentlint.groups import fingerprint
from contentlint.base.findings import Finding
from contentlint.config.settings import Config
from contentlint.groups.grouping import Article, Corpus, Group
from contentlint.language.profiles import for_run
from contentlint.load.document import Document
from contentlint.load.suppressions import Suppressions
from contentlint.rules.base import Context, Convention, MarkedFile, Rule, Scope
from contentlint.rules.catalogue import Catalogue
from contentlint.rules.fix_not_written import FixNotWritten
from contentlint.rules.rule_error import RuleError


LANGUAGE_VOTES = 3  # articles of a language before its own share of a convention counts


class Pipeline:
    """The selected rules of one run, its configuration, and every rule it knows (a finding
    of an engine rule, or a suppression, may name a rule that was not selected)."""

    def __init__(self, config: Config, catalogue: Catalogue) -> None:
        self.config, self.catalogue = config, catalogue
        fingerprint.serve(config.base_url)  # before any worker forks: they inherit it
        self.profiles = for_run(tuple(config.packs))  # the run's language profiles, packs' included
        self.rules: list[Rule] = catalogue.select(config.select, config.ignore)
        self.by_scope = {scope: [r for r in self.rules if r.scope is scope] for scope in Scope}

    # -- rules, then policy ------------------------------------------------------------

    def document(self, doc: Document) -> list[Finding]:
        """Document rules on one file, policy applied, sorted; not yet suppressed."""
        rules = [r for r in self.by_scope[Scope.DOCUMENT] if not (doc.problem and r.needs_content)]
        found = self._policy(self._run(rules, [doc], Context(self.config, None, self.profiles), lambda d: d))
        found.sort(key=Finding.sort_key)
        return found

    def group(self, group: Group, corpus: Corpus) -> list[Finding]:
        """Rules that compare an article with its translations."""
        ctx = Context(self.config, corpus, self.profiles)
        return self._policy(self._run(self.by_scope[Scope.GROUP], [group], ctx, lambda g: g.reference))

    def stopped(self, group: Group, exc: Exception) -> list[Finding]:
        """The finding an article's comparison with its translations leaves when it fails:
        its group rules did not run (the other articles' did)."""
        on = group.reference or group.source or group.members[0].doc  # the reference may not be chosen yet
        return self._policy([RuleError().stopped(on, "comparing this article with its translations", exc)])

    def corpus(self, corpus: Corpus, history=None) -> list[Finding]:
        """Rules that read every group and what is alone, once (and the history, if read)."""
        ctx = Context(self.config, corpus, self.profiles, history)
        return self._policy(self._run(self.by_scope[Scope.CORPUS], [corpus], ctx,
                                      lambda c: c.docs[0] if c.docs else None))

    def votes(self, doc: Document, outline) -> tuple:
        """(rule name, follows?) of each convention rule (rules.base.Convention) that can tell
        for this article: made in the file stage, kept in its record (and the cache)."""
        out = []
        for rule in self.by_scope[Scope.DOCUMENT]:
            if isinstance(rule, Convention) and doc.problem is None:
                vote = rule.follows(outline, doc.language, self.profiles)
                if vote is not None:
                    out.append((rule.name, vote))
        return tuple(out)

    def unfollowed(self, articles) -> set:
        """Names of the convention rules most of `articles` (records, with their votes) do not
        follow: their findings do not stand in this corpus; and (name, language) where the
        articles of one language mostly do not (its template names the section otherwise: an
        English `Features` where the translations say Highlights). A language with fewer than
        LANGUAGE_VOTES articles that can tell follows the corpus' decision."""
        yes: dict = {}
        counted: dict = {}
        for a in articles:
            for name, vote in a.votes:
                for key in (name, (name, a.language)):
                    counted[key] = counted.get(key, 0) + 1
                    yes[key] = yes.get(key, 0) + vote
        shares = {r.name: self.config.option(r, "min_share") for r in self.by_scope[Scope.DOCUMENT]
                  if isinstance(r, Convention)}
        out = {name for name, share in shares.items() if not counted.get(name) or yes[name] < share * counted[name]}
        return out | {key for key, n in counted.items() if isinstance(key, tuple) and n >= LANGUAGE_VOTES
                      and yes[key] < shares[key[0]] * n}

    def inherited(self, groups, records) -> dict[str, frozenset]:
        """For each translation, the rules (marked `inherited`) whose finding its group's
        source has too: the translation took the defect from its source, which is where it
        is reported (a section the source lacks is not the translator's to add)."""
        names = {r.name for r in self.by_scope[Scope.DOCUMENT] if r.inherited}
        out: dict[str, frozenset] = {}
        for g in groups if names else ():
            source = records.get(g.source.path) if g.source is not None else None
            shared = frozenset(f.rule for f in source.findings if f.rule in names) if source else frozenset()
            for m in g.members if shared else ():
                if m.doc.path != g.source.path:
                    out[m.doc.path] = shared
        return out

    def not_written(self, doc: Document, why: str) -> list[Finding]:
        """The fixer could not write `doc`'s fixes without losing something."""
        return self._policy([FixNotWritten().because(doc, why)])

    # -- suppressions ------------------------------------------------------------------

    def suppress(self, findings: Iterable[Finding], marks: Suppressions) -> list[Finding]:
        """`findings` without those a suppression covers; the covering suppressions are marked
        used. Fixes only ever see what this returns."""
        if not marks.items:
            return list(findings)
        kept = []
        for f in findings:
            rule = self.catalogue.named(f.rule)
            hit = next((s for s in marks.items if s.covers(rule, f.line - 1)), None)
            if hit is None:
                kept.append(f)
            else:
                hit.used = True
        return kept

    def finish(self, path: str, findings: list[Finding], marks: Suppressions) -> list[Finding]:
        """A file's findings from every scope, suppressed, and then its unused suppressions."""
        kept = self.suppress(findings, marks)
        target = MarkedFile(path, marks, self.rules, self.catalogue.rules)
        rules = self.by_scope[Scope.SUPPRESSION]
        return kept + self._policy(self._run(rules, [target], Context(self.config, None, self.profiles), lambda t: t))

    # -- the one place ------------------------------------------------------------------

    def _run(self, rules: list[Rule], targets: list, ctx: Context, blamed) -> list[Finding]:
        found: list[Finding] = []
        for rule in rules:
            for target in targets:
                try:
                    found.extend(rule.check(target, ctx))
                except Exception as exc:  # a bug in one rule must not hide the other rules' findings
                    where: Article | MarkedFile | None = blamed(target)  # the file the finding is on
                    if where is not None:
                        found.append(RuleError().failed(where, rule, exc))
        return found

    def _policy(self, findings: list[Finding]) -> list[Finding]:
        """Severities and per-file ignores from the configuration; applied before fixes, so
        an ignored rule's fix is never applied."""
        config = self.config
        if not (config.severities or config.per_file_ignores):
            return findings
        out = []
        for f in findings:
            if config.per_file_ignores:
                rel = _relative(f.path, config.config_root)
                ignored = [s for glob, sels in config.per_file_ignores.items() if fnmatch(rel, glob) for s in sels]
                if any(self.catalogue.named(f.rule).selected_by(s) for s in ignored):
                    continue
            if f.rule in config.severities:
                f.severity = config.severities[f.rule]
            out.append(f)
        return out


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")
