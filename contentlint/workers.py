"""The run's two parallel stages, in worker processes (`--jobs`) or in this one.

1. Files, in batches: load, language, fixes, document rules, suppressions, a fingerprint
   where grouping must infer. A batch whose files a path pattern already names as one
   article is checked as a group too, while its documents are in memory ("speculative":
   the run keeps the result only if the real grouping forms the same group).
2. Groups the first stage could not check: their members are loaded again.

Workers are forked, so they share the parent's configuration and rules; lingua runs in each
worker on one thread. A worker returns records and findings, never documents, so memory
stays flat however large the corpus.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from contentlint import document, groups, interrupt, language, parity, policy, suppress
from contentlint.config import Config
from contentlint.document import Document
from contentlint.engine import Context, check_document, check_groups
from contentlint.fingerprint import fingerprint
from contentlint.fixer import NotWritten, fix_document, save
from contentlint.groups import Corpus, Group, Member
from contentlint.readahead import ReadAhead
from contentlint.records import FileRecord, GroupResult, languages_of, record, set_language
from contentlint.registry import Rule
from contentlint import escape
from contentlint.rules.fix_not_written import FixNotWritten


@dataclass
class Job:
    """What every task of one run shares."""

    config: Config
    rules: list[Rule]
    matches: dict  # path -> its path-pattern match
    targets: set  # absolute paths --fix / --diff may change
    fix: bool = False
    diff: bool = False
    spans: dict = field(default_factory=dict)  # known span languages: (languages, text) -> answer
    outside: frozenset = frozenset()  # files that lead out of the content root: never read


@dataclass
class BatchResult:
    records: list[FileRecord]
    diffs: dict  # path -> unified diff
    fixed: int
    groups: dict  # signature -> GroupResult, for batches checked as a group
    spans: dict = field(default_factory=dict)  # span languages detected in this batch


_job: Job | None = None  # set before workers fork, so they inherit it


def signature(group: Group) -> tuple:
    """Everything a group's findings depend on besides the configuration: (how, key, members'
    paths, a hash of the source, members' contents, languages and confidences). A hash, not
    the values: the cache holds one signature per group of the corpus."""
    source = group.source.path if group.source is not None else None
    members = tuple((m.doc.path, m.doc.digest, languages_of(m.doc), m.confidence)
                    for m in group.members)
    state = hashlib.blake2b(repr((source, members)).encode("utf-8", "surrogateescape"), digest_size=16).digest()
    return (group.how, group.key, tuple(m.doc.path for m in group.members), state)


_last: tuple = (None, [])  # the last document linted and its findings


def _raw(doc: Document) -> list:
    """The document rules' findings, policy applied. A fixed document was linted by the fix
    loop's last round already (and found to need nothing more): that is not done twice."""
    global _last
    if _last[0] is not doc:
        _last = (doc, policy.apply(check_document(doc, _job.rules, Context(_job.config)), _job.config))
    return list(_last[1])


def _lint(doc: Document) -> list:  # what fixes may act on: nothing suppressed
    return suppress.apply(_raw(doc), suppress.parse(doc))


def _fix(doc: Document, result: BatchResult) -> tuple[Document, list]:
    """The document after its fixes (written, or shown as a diff), and a `fix-not-written`
    finding when they could not be written without losing something."""
    if not (_job.fix or _job.diff) or doc.problem is not None or os.path.abspath(doc.path) not in _job.targets:
        return doc, []
    new, count = fix_document(doc, _lint, _job.config.unsafe_fixes)
    if new.text == doc.text:
        return doc, []
    if _job.diff:
        result.diffs[doc.path] = "".join(difflib.unified_diff(
            doc.text.splitlines(keepends=True), new.text.splitlines(keepends=True),
            fromfile=f"a/{escape.path(doc.path)}", tofile=f"b/{escape.path(doc.path)}"))
        return doc, []
    try:
        save(new, doc.digest)
    except (NotWritten, OSError) as exc:  # the file keeps its text and its findings, unfixed
        why = str(exc) if isinstance(exc, NotWritten) else exc.strerror or str(exc)
        return doc, policy.apply([FixNotWritten().because(doc, why)], _job.config)
    result.fixed += count
    return new, []


def files_task(task: tuple[list[str], bool, dict]) -> BatchResult:
    """`task`: paths, whether they are one article, and the records still valid for some of
    them (their documents are loaded for the group, but not detected or checked again)."""
    paths, speculate, known = task
    config = _job.config
    docs = [document.load(p, _job.outside) for p in paths]
    reused = {d.path: known[d.path] for d in docs if d.path in known and known[d.path].digest == d.digest}
    for doc in docs:
        if doc.path in reused:
            set_language(doc, reused[doc.path].languages())
    matches = {p: _job.matches[p] for p in paths if p in _job.matches}
    language.assign([d for d in docs if d.path not in reused], config.detection_languages(), matches, parallel=False)
    result = BatchResult([], {}, 0, {})
    for k, doc in enumerate(docs):
        if doc.path in reused:
            result.records.append(reused[doc.path])
            continue
        doc, notes = _fix(doc, result)
        docs[k] = doc
        keyed = groups.explicit_key(doc, matches.get(doc.path)) is not None
        print_ = fingerprint(doc) if doc.problem is None and not keyed else None
        result.records.append(record(doc, _raw(doc) + notes, suppress.parse(doc), print_, config.unsafe_fixes))
    if speculate and all(d.problem is None for d in docs):
        corpus = groups.build(docs, config.source_language, matches)
        if len(corpus.groups) == 1 and len(corpus.groups[0].members) == len(docs):
            group = corpus.groups[0]
            result.groups[signature(group)], result.spans = check_group(group, docs)
    return result


def check_group(group: Group, docs: list[Document]) -> tuple[GroupResult, dict]:
    """The group's findings, and the span languages it had to detect."""
    corpus = Corpus(docs, [group])
    parity.prepare(corpus)
    spans = language.detect_spans(corpus, parallel=False, known=_job.spans)
    findings = check_groups([group], _job.rules, Context(_job.config, corpus))
    return GroupResult.of(group.reference.path, policy.apply(findings, _job.config)), spans


def group_task(spec: tuple) -> tuple[tuple, tuple[GroupResult, dict]]:
    """`spec`: the parent's group over records, as (how, key, source path, members)."""
    how, key, source, members = spec
    docs = []
    for path, languages, confidence, evidence in members:
        doc = document.load(path, _job.outside)
        set_language(doc, languages)
        docs.append(doc)
    by_path = {d.path: d for d in docs}
    group = Group(key, how, [Member(by_path[m[0]], m[2], m[3]) for m in members], by_path.get(source))
    return signature(group), check_group(group, docs)


def group_spec(group: Group) -> tuple:
    source = group.source.path if group.source is not None else None
    return (group.how, group.key, source,
            [(m.doc.path, m.doc.languages(), m.confidence, m.evidence) for m in group.members])


# A run of one job this large still checks in one forked worker: this process then never
# holds lingua's span models and every record at once (at 50,000 articles: 319 MB in one
# process, 207 MB at most with one worker). Below it, forking and loading the models up
# front cost more than they save.
ONE_WORKER_TASKS = 256


def execute(fn: Callable, tasks: list, job: Job, jobs: int, *, spans: bool,
            files: Callable[[object], list[str]]) -> Iterator:
    """`fn` over `tasks`, results in any order: forked workers, or here for a small run of one
    job, or one task. `spans`: the tasks detect untranslated spans, whose models are loaded
    once, before forking. `files`: the paths a task reads, which the kernel is asked to fetch
    ahead while workers check (readahead.py)."""
    global _job, _last
    _job = job
    try:
        small = jobs <= 1 and len(tasks) < ONE_WORKER_TASKS
        if small or len(tasks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from map(fn, tasks)
            return
        if spans:
            language.preload(job.config.detection_languages(), job.config.source_language)
        gc.freeze()  # workers then neither walk nor write to the objects they share with this process
        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks)), initializer=interrupt.in_worker) as pool:
            gc.unfreeze()
            if spans:
                language.release(job.config.detection_languages(), job.config.source_language)
            # Up to 8 tasks a message: each message wakes this process's result thread, and
            # one a task cost the parent 3.6 s of CPU on 10,000 articles (2.1 s so), taken
            # from the workers' cores. At least eight chunks a worker, so workers end together.
            chunk = max(1, min(8, len(tasks) // (8 * jobs)))
            with ReadAhead([files(t) for t in tasks]) as ahead:
                for result in pool.imap_unordered(fn, tasks, chunksize=chunk):
                    ahead.advance()
                    yield result
    finally:
        _job = None
        _last = (None, [])


@contextmanager
def rare_collections(threshold: int = 50_000) -> Iterator[None]:
    """Collect cycles rarely during a run. Checking a file leaves no reference cycles
    (measured: none over 800 files), yet with the default threshold the collector walked
    the young objects every 700 allocations and the run's records on every full pass: 7% of
    a worker's time, for nothing."""
    before = gc.get_threshold()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def batches(files: Iterable[str], matches: dict, size: int = 16) -> list[tuple[list[str], bool]]:
    """Files a path pattern names as one article go together (checked as a group at once);
    the others in batches of `size`."""
    by_key: dict[str, list[str]] = {}
    rest: list[str] = []
    for path in files:
        key = (matches.get(path) or {}).get("key")
        if key:
            by_key.setdefault(key, []).append(path)
        else:
            rest.append(path)
    out = [(paths, len(paths) > 1) for paths in by_key.values()]
    out += [(rest[i : i + size], False) for i in range(0, len(rest), size)]
    return out
