"""One run, one direction: load -> language -> groups -> rules -> findings -> fixes."""

from __future__ import annotations

import copy
import os

from contentlint import document, groups, language, parity, policy, suppress, workers
from contentlint.cache import Cache
from contentlint.cache import key as cache_key
from contentlint.config import Config
from contentlint.document import Document
from contentlint.engine import Context, check_corpus
from contentlint.findings import Finding
from contentlint.groups import Corpus
from contentlint.records import FileRecord, digest
from contentlint.progress import Progress
from contentlint.registry import Rule, all_rules, select
from contentlint.reporters import Result, Texts


def load(path: str) -> Document:
    try:
        return document.load(path)
    except OSError as exc:  # unreadable, deleted meanwhile, a folder: a finding, not a crash
        doc = Document(path)
        doc.problem = f"cannot read file: {exc.strerror or exc}"
        return doc


def selected_rules(config: Config) -> list[Rule]:
    return select(all_rules(), config.select, config.ignore)


def analyse(files: list[str], config: Config, progress: Progress | None = None) -> Corpus:
    """Load every file once, give each its language, and group translations."""
    docs = []
    for p in files:
        docs.append(load(p))
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
    rules = selected_rules(config)
    touched = {os.path.abspath(p) for p in changed} if changed is not None else None
    matches = groups.match_paths(files, config.path_patterns) if config.path_patterns else {}
    store = Cache(config.config_root if cache else None, cache_key(config, rules))
    job = workers.Job(config, rules, matches, touched if touched is not None else {os.path.abspath(p) for p in files},
                      fix, diff)
    progress = Progress(len(files))
    records, diffs, fixed = _file_stage(files, job, store, jobs, progress)
    corpus = groups.build([records[p] for p in files], config.source_language, matches)
    used = _group_stage(corpus, job, store, jobs, records)
    progress.close()
    ctx = Context(config, corpus)
    related = set(touched or ())
    if touched is not None:
        for g in corpus.groups:
            paths = {os.path.abspath(m.doc.path) for m in g.members}
            if paths & touched:
                related |= paths
    own = {p: list(r.findings) for p, r in records.items()}
    for g in corpus.groups:
        for f in used[g.key].findings:
            own[f.path].append(f)
    for f in policy.apply(check_corpus(corpus, rules, ctx), config):
        own[f.path].append(f)
    unused = next((r for r in rules if r.scope == "suppression"), None)
    findings: list[Finding] = []
    for path in files:
        rec = records[path]
        marks = copy.deepcopy(rec.marks)  # `used` flags are this run's, not the cache's
        findings.extend(suppress.apply(own[path], marks))
        if unused is not None:
            findings.extend(policy.apply(list(unused.report(rec, marks, ctx, rules)), config))
    if touched is not None:
        scopes = {r.name: r.scope for r in rules}
        findings = [f for f in findings if os.path.abspath(f.path) in touched
                    or (scopes.get(f.rule) in ("group", "corpus") and os.path.abspath(f.path) in related)]
        files = [p for p in files if os.path.abspath(p) in related]
    findings.sort(key=Finding.sort_key)
    store.save(set(records), {workers.signature(g) for g in corpus.groups})
    return Result(findings, files, fixed, config.unsafe_fixes, Texts(), corpus, config.fail_on), \
        [diffs[p] for p in sorted(diffs)]


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return digest(fh.read())
    except OSError:
        return None


def _file_stage(files, job, store: Cache, jobs: int, progress: Progress):
    """Records of every file: from the cache when its content is unchanged, else from workers."""
    records: dict[str, FileRecord] = {}
    todo = []
    for paths, speculate in workers.batches(files, job.matches):
        found = [store.record(p, lambda: _digest(p)) for p in paths]
        if all(r is not None and not (r.fixable and (job.fix or job.diff) and os.path.abspath(p) in job.targets)
               for p, r in zip(paths, found)):
            records.update(zip(paths, found))
        else:
            todo.append((paths, speculate))
    progress.update("checking", len(records))
    diffs, fixed = {}, 0
    for batch in workers.execute(workers.files_task, todo, job, jobs):
        for rec in batch.records:
            records[rec.path] = rec
            if not batch.diffs.get(rec.path):
                store.put_record(rec)
        for sig, result in batch.groups.items():
            store.put_group(sig, result)
        diffs.update(batch.diffs)
        fixed += batch.fixed
        progress.update("checking", len(records))
    return records, diffs, fixed


def _group_stage(corpus: Corpus, job, store: Cache, jobs: int, records) -> dict:
    """Each group's findings and reference: cached, checked by the file stage, or checked now."""
    results, todo = {}, []
    for g in corpus.groups:
        hit = store.group(workers.signature(g))
        if hit is not None:
            results[g.key] = hit
        else:
            todo.append(workers.group_spec(g))
    for sig, result in workers.execute(workers.group_task, todo, job, jobs):
        store.put_group(sig, result)
        results[sig[1]] = result
    for g in corpus.groups:
        g.reference = records.get(results[g.key].reference)
    return results
