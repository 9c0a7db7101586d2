"""One run, one direction: load -> language -> groups -> rules -> findings -> fixes."""

from __future__ import annotations

import copy
import os

from contentlint import discover, document, groups, language, parity, policy, suppress, workers
from contentlint.cache import Cache
from contentlint.cache import key as cache_key
from contentlint.config import Config
from contentlint.engine import Context, check_corpus
from contentlint.findings import Finding
from contentlint.groups import Corpus
from contentlint.records import FileRecord, GroupResult, digest, set_language, unpack
from contentlint.progress import Progress
from contentlint.registry import Rule, all_rules, select
from contentlint.reporters import Result, Texts
from contentlint.stream import FindingStream


def selected_rules(config: Config) -> list[Rule]:
    return select(all_rules(), config.select, config.ignore)


def analyse(files: list[str], config: Config, progress: Progress | None = None) -> Corpus:
    """Load every file once, give each its language, and group translations."""
    docs = []
    outside = discover.outside(files, config.roots) if config.roots else frozenset()
    for p in files:
        docs.append(document.load(p, outside))
        if progress:
            progress.update("loading", len(docs))
    matches = groups.match_paths(files, config.path_patterns) if config.path_patterns else {}
    language.assign(docs, config.detection_languages(), matches)
    corpus = groups.build(docs, config.source_language, matches)
    parity.prepare(corpus)
    language.detect_spans(corpus)
    return corpus


def check(files: list[str], config: Config, fix: bool = False, diff: bool = False,
          changed: list[str] | None = None, jobs: int = 1, cache: bool = False) -> tuple[Result, list[str]]:
    """Lint `files`; with `fix`, write fixes; with `diff`, return unified diffs instead.

    With `changed` (pre-commit's list), `files` is the whole content root, so groups form as
    usual, but only the changed files are fixed and reported, with the group findings of
    their translations (the change may have broken their parity). `jobs` worker processes
    share the work; `cache` reuses what earlier runs found for unchanged files and groups."""
    with workers.rare_collections():
        return _check(files, config, fix, diff, changed, jobs, cache)


def _check(files, config, fix, diff, changed, jobs, cache) -> tuple[Result, list[str]]:
    rules = selected_rules(config)
    touched = set(discover.absolute(changed).values()) if changed is not None else None
    matches = groups.match_paths(files, config.path_patterns) if config.path_patterns else {}
    store = Cache(config.config_root if cache else None, cache_key(config, rules))
    targets = touched if touched is not None else {os.path.abspath(p) for p in files} if fix or diff else set()
    outside = discover.outside(files, config.roots) if config.roots else frozenset()
    job = workers.Job(config, rules, matches, targets, fix, diff, store.spans, outside)
    progress = Progress(len(files))
    records, diffs, fixed = _file_stage(files, job, store, jobs, progress)
    corpus = groups.build([records[p] for p in files], config.source_language, matches)
    wanted = corpus.groups  # the groups whose findings this run reports
    related = set(touched or ())
    if touched is not None:
        absolute = discover.absolute(files)
        wanted = [g for g in corpus.groups if any(absolute[m.doc.path] in touched for m in g.members)]
        related |= {absolute[m.doc.path] for g in wanted for m in g.members}
    signatures = {g.key: workers.signature(g) for g in wanted}
    used = _group_stage(wanted, signatures, job, store, jobs, records)
    progress.close()
    ctx = Context(config, corpus)
    shown = files if touched is None else [p for p in files if absolute[p] in related]
    reported = set(shown)
    corpus_found = GroupResult.of("", [f for f in policy.apply(check_corpus(corpus, rules, ctx), config)
                                       if f.path in reported])
    extra: dict[str, list] = {}  # path -> its packed group and corpus findings
    for result in [used[g.key] for g in wanted] + [corpus_found]:
        for path, packed in result.parts.items():
            extra.setdefault(path, []).append(packed)
    unused = next((r for r in rules if r.scope == "suppression"), None)
    scopes = {r.name: r.scope for r in rules}

    def produce(path: str) -> list[Finding]:
        rec = records[path]
        own = rec.findings  # sorted when recorded: only what joins them needs sorting again
        more = extra.get(path, ())
        for packed in more:
            own += unpack(packed)
        if rec.marks.items:
            marks = copy.deepcopy(rec.marks)  # `used` flags are this pass's, not the cache's
            own = suppress.apply(own, marks)
            if unused is not None:
                own += policy.apply(list(unused.report(rec, marks, ctx, rules)), config)
        if touched is not None and absolute[path] not in touched:
            own = [f for f in own if scopes.get(f.rule) in ("group", "corpus")]
        if more or rec.marks.items:
            own.sort(key=Finding.sort_key)
        return own

    store.save(set(records), set(signatures.values()), complete=touched is None)
    return Result(FindingStream(sorted(shown), produce), shown, fixed, config.unsafe_fixes, Texts(outside), corpus, config.fail_on), \
        [diffs[p] for p in sorted(diffs)]


def _digest(path: str) -> str | None:
    try:
        return digest(document.read_file(path))
    except (OSError, document.Unreadable):
        return None


def _file_stage(files, job, store: Cache, jobs: int, progress: Progress):
    """Records of every file: from the cache when its content is unchanged, else from workers."""
    records: dict[str, FileRecord] = {}
    todo = []
    for paths, speculate in workers.batches(files, job.matches):
        found = [store.record(p, lambda: _digest(p)) if p not in job.outside else None for p in paths]
        valid = {p: r for p, r in zip(paths, found) if r is not None
                 and not (r.fixable and (job.fix or job.diff) and os.path.abspath(p) in job.targets)}
        if len(valid) == len(paths):
            records.update(valid)
        elif speculate:  # one article: all its documents, for its group check
            todo.append((paths, True, valid))
        else:
            records.update(valid)
            todo.append(([p for p in paths if p not in valid], False, {}))
    progress.update("checking", len(records))
    diffs, fixed = {}, 0
    batches = workers.execute(workers.files_task, todo, job, jobs, spans=any(t[1] for t in todo),
                              files=lambda task: [p for p in task[0] if p not in job.outside])
    for batch in batches:
        for rec in batch.records:
            set_language(rec, rec.languages())  # the same few codes for every record: one string each
            records[rec.path] = rec
            if not batch.diffs.get(rec.path) and rec.path not in job.outside and not rec.transient:
                store.put_record(rec)
        for sig, result in batch.groups.items():
            store.put_group(sig, result)
        store.put_spans(batch.spans)
        diffs.update(batch.diffs)
        fixed += batch.fixed
        progress.update("checking", len(records))
    return records, diffs, fixed


def _group_stage(wanted: list, signatures: dict, job, store: Cache, jobs: int, records) -> dict:
    """Each group's findings and reference: cached, checked by the file stage, or checked now."""
    results, todo = {}, []
    for g in wanted:
        hit = store.group(signatures[g.key])
        if hit is not None:
            results[g.key] = hit
        else:
            todo.append(workers.group_spec(g))
    checked = workers.execute(workers.group_task, todo, job, jobs, spans=True,
                              files=lambda spec: [m[0] for m in spec[3] if m[0] not in job.outside])
    for sig, (result, spans) in checked:
        store.put_group(sig, result)
        store.put_spans(spans)
        results[sig[1]] = result
    for g in wanted:
        g.reference = records.get(results[g.key].reference)
    return results
