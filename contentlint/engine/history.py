"""The run's history stage: after groups, before corpus rules. Reads the repositories that
hold the corpus once, for the rules that ask for it (a rule class with `history = True`)."""

from __future__ import annotations

import os
import sys

from contentlint.engine import history_cache
from contentlint.groups import layout
from contentlint.history import git, stage
from contentlint.history.background import Background
from contentlint.history.lag import Settings, lag


def wanted(rules) -> bool:
    return any(r.history for r in rules)


def settings_of(config) -> Settings:
    table = config.history
    return Settings(shortcodes=bool(table.get("shortcodes", False)),
                    front_matter=bool(table.get("front_matter", False)),
                    pin_field=str(table.get("source_commit_field", "source_commit")))


def source_of(group, source_language: str):
    if group.source is not None:
        return group.source
    return next((m.doc for m in group.members if m.language == source_language), None)


def early(config, cache: bool, jobs: int) -> Background | None:
    """The repositories that hold the run, their logs read by git beside the lint, so that its
    workers compute each article's lags while its documents are loaded (workers.py); None
    when the history cache keeps a result for the repositories as they are (a warm run reads
    nothing it need not), or outside git."""
    roots = config.content_paths or config.paths
    if cache and history_cache.fresh(config.config_root, roots):
        return None
    found = Background(settings_of(config), roots, config.paths, jobs,
                       history_cache.Logs(config.config_root) if cache else None)
    found.launch()  # git reads while this process alone works, before the lint forks
    return found if found.tops else None


ASKED = 64  # files up to which git status reads them alone (pre-commit's), not the content roots
HELD = 256  # documents a worker keeps while git reads the logs (a text and its blocks: ~20 KB each)
WAIT = 30.0  # seconds a worker that keeps HELD documents waits for the logs, before leaving articles to the history stage


def article(group, config, logs: Background) -> dict:
    """The lags of one group's translations, while the lint's worker has its documents. Before
    git has read the logs the worker keeps the article's texts and blocks (up to HELD
    documents), and gives its lags with a later article's; with as many kept, it waits for
    git (up to WAIT seconds). An article it could not keep, or with a file in a repository the
    logs do not cover, the history stage computes."""
    source = source_of(group, config.source_language)
    if source is None:
        return {}
    pairs = [(m.doc.path, source.path, m.doc.meta) for m in group.members if m.doc is not source]
    seeds = stage.seeds_of([m.doc for m in group.members], settings_of(config))
    repos = logs.repositories()
    if repos is None and logs.held_documents + len(seeds) > HELD:
        # waiting leaves the cores to git; an article left behind is computed by the history
        # stage from nothing, every version parsed from git (benchmarks/history.py)
        repos = logs.awaited(WAIT)
    if repos is None:
        if logs.held_documents + len(seeds) <= HELD:
            logs.held.append((pairs, [stage.kept(s) for s in seeds]))
            logs.held_documents += len(seeds)
        return {}
    found: dict = {}
    held, logs.held, logs.held_documents = logs.held, [], 0
    for article_pairs, article_seeds in [*held, (pairs, seeds)]:
        try:
            lags = stage.article_lags(repos, article_pairs, article_seeds)
        except git.GitError:  # the history stage meets it again, and says why (a rule-error)
            return found
        if repos.missed:
            repos.missed = False  # the history stage reads that repository and computes them
        else:
            found.update(lags)
    return found


def read(corpus, config, matches: dict, cache: bool = True, groups=None, jobs: int = 1,
         repos: stage.Repositories | None = None, known: dict | None = None) -> stage.History:
    """Each translation's lag, and the orphans among groups that have no source: from the
    history cache when nothing it depends on changed (history_cache.py). `repos`: the
    repositories `early` opened; `known`: lags the lint's workers computed (translation path
    -> lag), each taken where the run pairs its translation with the same source."""
    pairs, sourceless = [], []
    for group in corpus.groups if groups is None else groups:
        source = source_of(group, config.source_language)
        for m in group.members:
            if source is None:
                sourceless.append(m.doc)
            elif m.doc is not source:
                pairs.append((m.doc.path, source.path, m.doc))
    # an article alone in its language may have lost its source
    sourceless += [d for d in corpus.ungrouped if d.language != config.source_language]
    roots = config.content_paths or config.paths
    settings = settings_of(config)
    repositories = history_cache.state(roots) if cache else None
    want = history_cache.key(repositories, pairs, [d.path for d in sourceless], settings)
    found = history_cache.load(config.config_root, want) if want else None
    if found is None:
        # each repository's log read once; git status of the files asked about when they are few
        asked = list(dict.fromkeys([p for t, s, _ in pairs for p in (t, s)] + [d.path for d in sourceless]))
        repos = repos or stage.Repositories(settings, roots, jobs, history_cache.Logs(config.config_root) if cache else None,
                                            asked if len(asked) <= ASKED else None)
        try:
            # front matter (for pins) read only now: a status run reads it from the file
            found = stage.read([(t, s, doc.meta) for t, s, doc in pairs], repos, jobs, known)
            if sourceless and any(p in matches for p in (d.path for d in sourceless)):
                _orphans(found, sourceless, config, matches, repos)
        except git.GitError as e:  # a damaged repository (an object missing): the lint's findings stand
            found = stage.History(error=f"the history of {', '.join(roots)} cannot be read: {e}")
        finally:
            repos.close()
        if want and not found.error:
            history_cache.save(config.config_root, want, found, repositories)
    elif repos is not None:
        repos.close()
    for top in found.shallow:  # said once a run, whatever the number of translations
        print(f"contentlint: warning: {top} is a shallow clone: the history before its depth is not seen, "
              "so translations may be reported outdated or up to date wrongly; fetch the whole history "
              "(GitHub Actions: actions/checkout with fetch-depth: 0)", file=sys.stderr)
    return found


def _orphans(found: stage.History, docs, config, matches: dict, repos: stage.Repositories) -> None:
    """A source-less translation whose key a deleted (or renamed) source file had."""
    gone: dict[str, tuple[str, str, str | None]] = {}  # absolute path -> (repository path, commit, renamed to)
    for doc in docs:
        hit = repos.reader(doc.path)
        if hit is None:
            continue
        reader = hit[0]
        for rel, (commit, new) in stage.gone(reader).items():
            gone[os.path.join(reader.log.top, rel)] = (rel, commit, new)  # paths as the repository names them
    found.tracked = found.tracked or bool(repos.readers)
    _lost(found, docs, config, matches, repos, gone)


def _lost(found, docs, config, matches: dict, repos, gone: dict) -> None:
    if not gone:
        return
    # the deleted files, written as the run writes its paths, placed by the same layout
    absolute = next(iter(matches)).startswith(os.sep)
    shown = {(p if absolute else os.path.relpath(p)): p for p in gone}
    keys = layout.find(list(matches) + list(shown), config.paths, config.path_patterns,
                       config.source_language).matches
    lost = {}
    for path, match in keys.items():
        if path in shown and match.get("language") == config.source_language:
            lost[match["key"]] = shown[path]
    for doc in docs:
        key = matches.get(doc.path, {}).get("key")
        if key in lost:
            rel, commit, new = gone[lost[key]]
            found.orphans[doc.path] = stage.Orphan(doc.path, rel, commit, new)
            hit = repos.reader(doc.path)
            if new and hit is not None:  # the renamed source is still the one to follow
                reader, t_rel = hit
                if repos.only is not None:  # git status was asked about the run's files alone: this one too
                    reader.modified |= git.parse_status(git.status_of(reader.log.top, [new]))[0]
                source = os.path.join(reader.log.top, new)
                found.lags[doc.path] = lag(reader, t_rel, new, doc.meta, doc.path, source)
