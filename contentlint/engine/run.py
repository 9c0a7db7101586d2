"""One run, one direction: load -> language -> groups -> parity -> rules -> findings -> fixes.

The file stage (workers.py) gives every file a record; grouping runs here over the records;
groups are checked where the file stage did not check them already; corpus rules run once;
each file's findings are joined, suppressed and reported as reporters read them.
"""

from __future__ import annotations

import copy
import os
from contextlib import closing

from contentlint.base.findings import Finding
from contentlint.config import presets
from contentlint.config.settings import Config
from contentlint.engine import history, languages, workers
from contentlint.engine.cache import Cache
from contentlint.engine.cache import key as cache_key
from contentlint.engine.pipeline import Pipeline
from contentlint.engine.progress import Progress
from contentlint.engine.records import FileRecord, GroupResult, set_language, unpack
from contentlint.engine.result import Result
from contentlint.engine.stream import FindingStream
from contentlint.groups import grouping, layout
from contentlint.groups.grouping import Corpus, Group
from contentlint.language import detection, span_models
from contentlint.language.profiles import for_run
from contentlint.load import discover, document
from contentlint.load.recent import RecentDocuments
from contentlint.parity import alignment, foreign
from contentlint.rules.base import Scope
from contentlint.rules.catalogue import Catalogue
from contentlint.rules.configure import configure


def analyse(files: list[str], config: Config, progress: Progress | None = None) -> Corpus:
    """Every file loaded and kept, with its language, grouped and aligned: what `groups`
    shows. (`check` keeps records, not documents.)"""
    docs = []
    found_layout = layout_of(files, config)
    files = found_layout.content(files)
    outside = discover.outside(files, config.roots) if config.roots else frozenset()
    for p in files:
        docs.append(document.load(p, outside))
        if progress:
            progress.update("loading", len(docs))
    matches = found_layout.matches
    use_languages(config, languages.discover(files, config, None, matches, outside))
    detection.assign(docs, detection.languages_of_run(config), matches, profiles=for_run(tuple(config.packs)))
    corpus = grouping.build(docs, config.source_language, matches)
    alignment.prepare(corpus, for_run(tuple(config.packs)))
    span_models.detect_spans(corpus)
    foreign.set_aside(corpus)
    return corpus


def layout_of(files: list[str], config: Config) -> layout.Layout:
    """Where language and article stand in the paths: the configured patterns, else the tree's layout."""
    found = layout.find(files, config.paths, config.path_patterns, config.source_language,
                        for_run(tuple(config.packs)))
    presets.for_layout(config, found.name)
    return found


def use_languages(config: Config, found) -> None:
    """The run detects among what discovery found, unless languages are configured."""
    if not config.languages:
        config.discovered = found.languages


def check(files: list[str], config: Config, fix: bool = False, diff: bool = False,
          changed: list[str] | None = None, jobs: int = 1, cache: bool = False,
          catalogue: Catalogue | None = None) -> tuple[Result, list[str]]:
    """Lint `files`; with `fix`, write fixes; with `diff`, return unified diffs instead.

    With `changed` (pre-commit's list), `files` is the whole content root, so groups form as
    usual, but only the changed files are fixed and reported, with the group findings of
    their translations (the change may have broken their parity). `jobs` worker processes
    share the work; `cache` reuses what earlier runs found for unchanged files and groups.
    `catalogue`: the run's rules (default: configure(config))."""
    pipeline = Pipeline(config, catalogue or configure(config))
    with workers.rare_collections():
        return _check(files, pipeline, fix, diff, changed, jobs, cache)


def _check(files, pipeline: Pipeline, fix, diff, changed, jobs, cache) -> tuple[Result, list[str]]:
    config = pipeline.config
    found_layout = layout_of(files, config)
    files = found_layout.content(files)
    touched = set(discover.absolute(changed).values()) if changed is not None else None
    matches = found_layout.matches
    store = Cache(config.config_root if cache else None, cache_key(config, pipeline.rules))
    targets = touched if touched is not None else {os.path.abspath(p) for p in files} if fix or diff else set()
    outside = discover.outside(files, config.roots) if config.roots else frozenset()
    # a whole run's history, unless kept: its logs read by git beside the lint
    early = history.wanted(pipeline.rules) and touched is None and not fix and not diff
    logs = history.early(config, cache, jobs) if early else None
    found = languages.discover(files, config, store, matches, outside)
    use_languages(config, found)
    store.languages_are(detection.languages_of_run(config))
    order = workers.WorkOrder(pipeline, matches, targets, fix, diff, store.spans, outside, history=logs)
    progress = Progress(len(files))
    try:
        records, diffs, fixed, known = _file_stage(files, order, store, jobs, progress)
    except BaseException:
        if logs is not None:
            logs.close()  # its temporary folder gone at once; git's thread ends on its own
        raise
    repos = logs.wait() if logs is not None else None
    corpus = grouping.build([records[p] for p in files], config.source_language, matches)
    wanted, shown = corpus.groups, files  # the groups whose findings this run reports, and the files
    only_groups = None  # files shown only for their group's findings (pre-commit: translations)
    if touched is not None:
        absolute = discover.absolute(files)
        wanted = [g for g in corpus.groups if any(absolute[m.doc.path] in touched for m in g.members)]
        related = touched | {absolute[m.doc.path] for g in wanted for m in g.members}
        shown = [p for p in files if absolute[p] in related]
        only_groups = {p for p in shown if absolute[p] not in touched}
    # the history of the groups this run reports (pre-commit: the changed files' groups only)
    lags = history.read(corpus, config, matches, cache, wanted, jobs, repos, known) \
        if history.wanted(pipeline.rules) else None
    signatures = {g.key: workers.signature(g) for g in wanted}
    results = _group_stage(wanted, signatures, order, store, jobs, records)
    progress.close()
    reported = set(shown)
    corpus_found: dict[str, list[Finding]] = {}  # path -> its corpus findings (this run's alone: never packed)
    for f in pipeline.corpus(corpus, lags):
        if f.path in reported:
            corpus_found.setdefault(f.path, []).append(f)
    extra: dict[str, list] = {}  # path -> its packed group findings
    for result in [results[g.key] for g in wanted]:
        for path, packed in result.by_path.items():
            extra.setdefault(path, []).append(packed)
    produce = _producer(pipeline, records, extra, only_groups, pipeline.unfollowed(records.values()),
                        pipeline.inherited(corpus.groups, records), corpus_found)
    store.save(set(records), set(signatures.values()), complete=touched is None)
    stream = FindingStream(sorted(shown), produce)
    result = Result(stream, shown, fixed, config.unsafe_fixes, RecentDocuments(outside), corpus, config.fail_on,
                    rules=pipeline.catalogue.rules, group_rows={g.key: results[g.key] for g in wanted},
                    languages=found, lacking=pipeline.profiles.lacking(detection.languages_of_run(config)),
                    history=lags)
    return result, [diffs[p] for p in sorted(diffs)]


def _producer(pipeline: Pipeline, records: dict[str, FileRecord], extra: dict[str, list], only_groups: set | None,
              unfollowed: set[str] = frozenset(), inherited: dict | None = None,
              corpus_found: dict[str, list[Finding]] | None = None):
    """How the stream makes a file's findings: its own, its group's (`extra`, packed) and the
    corpus' (`corpus_found`), through the pipeline's suppressions. `only_groups`: files
    reported only for their group's sake (pre-commit: a translation of a changed file), whose
    own findings are not shown. `unfollowed`: rules whose convention the corpus does not
    follow. `inherited`: per translation, rules whose finding its source has too
    (Pipeline.inherited)."""
    corpus_found = corpus_found or {}
    scopes = {r.name: r.scope for r in pipeline.rules}

    def produce(path: str) -> list[Finding]:
        rec = records[path]
        own = rec.findings  # sorted when recorded: only what joins them needs sorting again
        if unfollowed:  # a convention this corpus, or this language in it, does not follow (pipeline.unfollowed)
            own = [f for f in own if f.rule not in unfollowed and (f.rule, rec.language) not in unfollowed]
        if inherited and path in inherited:  # the defect is its source's, reported there
            own = [f for f in own if f.rule not in inherited[path]]
        more = extra.get(path, ())
        for packed in more:
            own += unpack(packed)
        if path in corpus_found:
            own += corpus_found[path]
            more = True
        if rec.marks.items:
            own = pipeline.finish(path, own, copy.deepcopy(rec.marks))  # `used` flags are this pass's
        if only_groups is not None and path in only_groups:
            own = [f for f in own if scopes.get(f.rule) in (Scope.GROUP, Scope.CORPUS)]
        if more or rec.marks.items:
            own.sort(key=Finding.sort_key)
        return own

    return produce


def _digest(path: str) -> str | None:
    try:
        return document.digest(document.read_file(path))
    except (OSError, document.Unreadable):
        return None


def _file_stage(files, order: workers.WorkOrder, store: Cache, jobs: int, progress: Progress):
    """Records of every file: from the cache when its content is unchanged, else from workers."""
    records: dict[str, FileRecord] = {}
    todo = []
    for paths, speculate in workers.batches(files, order.matches):
        found = [store.record(p, lambda: _digest(p)) if p not in order.outside else None for p in paths]
        valid = {p: r for p, r in zip(paths, found) if r is not None and _serves(r, order.matches.get(p))
                 and not (r.fixable and (order.fix or order.diff) and os.path.abspath(p) in order.targets)}
        if len(valid) == len(paths):
            records.update(valid)
        elif speculate:  # one article: all its documents, for its group check
            todo.append((paths, True, valid))
        else:
            records.update(valid)
            todo.append(([p for p in paths if p not in valid], False, {}))
    progress.update("checking", len(records))
    diffs, fixed, deferred, lags = {}, 0, [], {}
    # closed as soon as the loop ends, by a signal too: the workers' pool ends then, not at exit
    with closing(workers.execute("files", todo, order, jobs, spans=any(t[1] for t in todo),
                                 files=lambda task: [p for p in task[0] if p not in order.outside])) as batches:
        for batch in batches:
            for rec in batch.records:
                set_language(rec, rec.languages())  # the same few codes for every record: one string each
                records[rec.path] = rec
                if not batch.diffs.get(rec.path) and rec.path not in order.outside and not rec.transient:
                    store.put_record(rec)
            for sig, result in batch.groups.items():
                store.put_group(sig, result)
            store.put_spans(batch.spans)
            deferred += batch.deferred
            diffs.update(batch.diffs)
            lags.update(batch.lags)
            fixed += batch.fixed
            progress.update("checking", len(records))
    _answer(deferred, order, store)  # those batches' groups are checked in the group stage, answers known
    return records, diffs, fixed, lags


def _serves(rec: FileRecord, match: dict | None) -> bool:
    """A cached record serves this run unless grouping must infer its article and it has no
    fingerprint to infer from: the run that made it knew the file's key (`check content` matches
    `{language}/{key}.md` below `content`; a run from the configured root `.` does not)."""
    return rec.fingerprint is not None or rec.problem is not None or grouping.explicit_key(rec, match) is not None


def _answer(deferred: list, order: workers.WorkOrder, store: Cache) -> None:
    """Answer span requests whose models did not fit in the workers (span_models.py), here,
    one pair of languages at a time; every later task knows the answers."""
    if deferred:
        store.put_spans(span_models.answer(deferred))
        order.spans = store.spans


def _group_stage(wanted: list[Group], signatures: dict, order: workers.WorkOrder, store: Cache, jobs: int,
                 records: dict[str, FileRecord]) -> dict[str, GroupResult]:
    """Each group's findings and reference: cached, checked by the file stage, or checked now.
    The run's groups are over records: a group's reference becomes the record of the member
    the check chose (the source, or the consensus member)."""
    results, todo = {}, []
    for g in wanted:
        hit = store.group(signatures[g.key])
        if hit is not None:
            results[g.key] = hit
        else:
            todo.append(workers.group_spec(g))
    again, deferred = _check_groups(todo, order, store, jobs, results, spans=True)
    if again:  # their span models did not fit: answered here, then checked with every answer known
        _answer(deferred, order, store)
        order.span_limit = None
        _check_groups(again, order, store, jobs, results, spans=False)
    for g in wanted:
        g.reference = records.get(results[g.key].reference)
    return results


def _check_groups(todo: list, order: workers.WorkOrder, store: Cache, jobs: int, results: dict, *,
                  spans: bool) -> tuple[list, list]:
    """Check the groups of `todo` (specs) into `results`; return the specs of the groups
    deferred for their span models, and the span requests they left."""
    specs, again, deferred = {spec[1]: spec for spec in todo}, [], []
    with closing(workers.execute("group", todo, order, jobs, spans=spans,
                                 files=lambda spec: [m[0] for m in spec[3] if m[0] not in order.outside])) as checks:
        for sig, checked in checks:
            store.put_spans(checked.spans)
            if checked.result is None:
                again.append(specs[sig[1]])
                deferred += checked.deferred
            else:
                store.put_group(sig, checked.result)
                results[sig[1]] = checked.result
    return again, deferred
