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

import gc
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from contentlint.base import escape, interrupt
from contentlint.engine import history, patch
from contentlint.engine.fixer import NotWritten, fix_document, save
from contentlint.engine.pipeline import Pipeline
from contentlint.engine.readahead import ReadAhead
from contentlint.engine.records import FileRecord, GroupResult, languages_of, record, set_language
from contentlint.groups import grouping
from contentlint.groups.fingerprint import fingerprint
from contentlint.groups.grouping import Corpus, Group, Member
from contentlint.history.background import Background, start as start_history
from contentlint.language import detection, span_models
from contentlint.load import document, suppressions
from contentlint.load.document import Document
from contentlint.parity import alignment, foreign
from contentlint.parity.outline import outline
from contentlint.parity.outline import rows as outline_rows


@dataclass
class WorkOrder:
    """What every task of one run shares; given to each worker when it starts."""

    pipeline: Pipeline
    matches: dict[str, dict]  # path -> its path-pattern match
    targets: set[str]  # absolute paths --fix / --diff may change
    fix: bool = False
    diff: bool = False
    spans: dict = field(default_factory=dict)  # known span languages: (languages, text) -> answer
    outside: frozenset = frozenset()  # files that lead out of the content root: never read
    # the size up to which a process may load span models (span_models.py); None: no bound
    span_limit: float | None = None
    # the repositories' logs, read beside this stage (engine/history.py `early`): an article's
    # lags are computed while its documents are loaded
    history: Background | None = None

    @property
    def config(self):
        return self.pipeline.config


@dataclass
class BatchResult:
    records: list[FileRecord]
    diffs: dict[str, str]  # path -> unified diff
    fixed: int
    groups: dict[tuple, GroupResult]  # signature -> result, for batches checked as a group
    spans: dict = field(default_factory=dict)  # span languages detected in this batch
    deferred: list = field(default_factory=list)  # span requests left to the run (span_models.py)
    lags: dict = field(default_factory=dict)  # translation path -> its lag (WorkOrder.history)


@dataclass
class GroupCheck:
    """A group's findings (None when deferred), the span languages it detected, and the span
    requests whose models did not fit: the group is checked again once they are answered."""

    result: GroupResult | None
    spans: dict
    deferred: list


def signature(group: Group) -> tuple:
    """Everything a group's findings depend on besides the configuration: (joined by, key, members'
    paths, a hash of the source, members' contents, languages and confidences). A hash, not
    the values: the cache holds one signature per group of the corpus."""
    source = group.source.path if group.source is not None else None
    members = tuple((m.doc.path, m.doc.digest, languages_of(m.doc), m.confidence)
                    for m in group.members)
    state = hashlib.blake2b(repr((source, members)).encode("utf-8", "surrogateescape"), digest_size=16).digest()
    return (group.joined_by, group.key, tuple(m.doc.path for m in group.members), state)


class Worker:
    """Checks the tasks of one run: in this process for a small run, or in each forked worker."""

    def __init__(self, order: WorkOrder) -> None:
        self.order, self.pipeline = order, order.pipeline
        self._last: tuple[Document | None, list] = (None, [])  # the last document linted and its findings

    def _findings(self, doc: Document) -> list:
        """The document rules' findings. A fixed document was linted by the fix loop's last
        round already (and found to need nothing more): that is not done twice."""
        if self._last[0] is not doc:
            self._last = (doc, self.pipeline.document(doc))
        return list(self._last[1])

    def _unsuppressed(self, doc: Document) -> list:  # what fixes may act on
        return self.pipeline.suppress(self._findings(doc), suppressions.parse(doc))

    def _apply_fixes(self, doc: Document, result: BatchResult) -> tuple[Document, list]:
        """The document after its fixes (written, or shown as a diff), and a `fix-not-written`
        finding when they could not be written without losing something."""
        order = self.order
        if not (order.fix or order.diff) or doc.problem is not None or os.path.abspath(doc.path) not in order.targets:
            return doc, []
        new, count = fix_document(doc, self._unsuppressed, order.config.unsafe_fixes)
        if new.text == doc.text:
            return doc, []
        if order.diff:
            result.diffs[doc.path] = patch.unified(doc.text, new.text, escape.path(doc.path))
            return doc, []
        try:
            save(new, doc.digest)
        except (NotWritten, OSError) as exc:  # the file keeps its text and its findings, unfixed
            why = str(exc) if isinstance(exc, NotWritten) else exc.strerror or str(exc)
            return doc, self.pipeline.not_written(doc, why)
        result.fixed += count
        return new, []

    def files(self, task: tuple[list[str], bool, dict]) -> BatchResult:
        """`task`: paths, whether they are one article, and the records still valid for some of
        them (their documents are loaded for the group, but not detected or checked again)."""
        paths, speculate, known = task
        order, config = self.order, self.order.config
        docs = [document.load(p, order.outside) for p in paths]
        reused = {d.path: known[d.path] for d in docs if d.path in known and known[d.path].digest == d.digest}
        for doc in docs:
            if doc.path in reused:
                set_language(doc, reused[doc.path].languages())
        matches = {p: order.matches[p] for p in paths if p in order.matches}
        detection.assign([d for d in docs if d.path not in reused], detection.languages_of_run(config), matches,
                         parallel=False, profiles=self.pipeline.profiles)
        result = BatchResult([], {}, 0, {})
        for k, doc in enumerate(docs):
            if doc.path in reused:
                result.records.append(reused[doc.path])
                continue
            doc, notes = self._apply_fixes(doc, result)
            docs[k] = doc
            keyed = grouping.explicit_key(doc, matches.get(doc.path)) is not None
            features = fingerprint(doc) if doc.problem is None and not keyed else None
            shape = outline(doc) if doc.problem is None else None
            result.records.append(record(doc, self._findings(doc) + notes, suppressions.parse(doc), features,
                                         config.unsafe_fixes, shape, self.pipeline.votes(doc, shape),
                                         config.history.get("source_commit_field", "source_commit")))
        if speculate and all(d.problem is None for d in docs):
            corpus = grouping.build(docs, config.source_language, matches)
            if len(corpus.groups) == 1 and len(corpus.groups[0].members) == len(docs):
                group = corpus.groups[0]
                if order.history is not None:  # before the group check sets spans aside in the documents
                    result.lags = history.article(group, config, order.history)
                checked = self.check_group(group, docs)
                if checked.result is not None:
                    result.groups[signature(group)] = checked.result
                result.spans, result.deferred = checked.spans, checked.deferred
        return result

    def check_group(self, group: Group, docs: list[Document]) -> GroupCheck:
        try:
            return self._check_group(group, docs)
        except Exception as exc:  # a bug met in one article's comparison must not stop the run
            return GroupCheck(GroupResult.of("", self.pipeline.stopped(group, exc)), {}, [])

    def _check_group(self, group: Group, docs: list[Document]) -> GroupCheck:
        corpus = Corpus(docs, [group])
        alignment.prepare(corpus, self.pipeline.profiles)
        spans, deferred = span_models.detect_spans(corpus, False, self.order.spans, self.order.span_limit)
        if deferred:
            return GroupCheck(None, spans, deferred)
        foreign.set_aside(corpus)
        rows = outline_rows(group.reference, group.pairings)
        return GroupCheck(GroupResult.of(group.reference.path, self.pipeline.group(group, corpus), rows), spans, [])

    def group(self, spec: tuple) -> tuple[tuple, GroupCheck]:
        """`spec`: the run's group over records, as (joined by, key, source path, members)."""
        joined_by, key, source, members = spec
        docs = []
        for path, languages, confidence, evidence in members:
            doc = document.load(path, self.order.outside)
            set_language(doc, languages)
            docs.append(doc)
        by_path = {d.path: d for d in docs}
        group = Group(key, joined_by, [Member(by_path[m[0]], m[2], m[3]) for m in members], by_path.get(source))
        return signature(group), self.check_group(group, docs)


def group_spec(group: Group) -> tuple:
    source = group.source.path if group.source is not None else None
    return (group.joined_by, group.key, source,
            [(m.doc.path, m.doc.languages(), m.confidence, m.evidence) for m in group.members])


# A run of one job this large still checks in one forked worker: this process then never
# holds lingua's span models and every record at once (at 50,000 articles: 319 MB in one
# process, 207 MB at most with one worker). Below it, forking and loading the models up
# front cost more than they save.
ONE_WORKER_TASKS = 256


_worker: Worker | None = None  # in a forked worker only: made by _start from the pool's initargs


def _start(order: WorkOrder) -> None:
    """A forked worker's first step: signals as workers keep them, and its Worker. With
    "fork" the order is inherited, never pickled."""
    global _worker
    interrupt.in_worker()
    _worker = Worker(order)


def _files(task):
    return _worker.files(task)


def _group(spec):
    return _worker.group(spec)


KINDS = {"files": _files, "group": _group}


def execute(kind: str, tasks: list, order: WorkOrder, jobs: int, *, spans: bool,
            files: Callable[[tuple], list[str]]) -> Iterator:
    """`kind` ("files" or "group") tasks, results in any order: forked workers, or here for a small run
    of one job, or one task. `spans`: the tasks detect untranslated spans, whose models are loaded once,
    before forking. `files`: the paths a task reads, fetched ahead while workers check (readahead.py)."""
    small = jobs <= 1 and len(tasks) < ONE_WORKER_TASKS
    if spans:  # measured now: this process's size before it loads any span model
        order.span_limit = span_models.limit()
    if small or len(tasks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        start_history(order.history)
        yield from map(getattr(Worker(order), kind), tasks)
        return
    codes, source = detection.languages_of_run(order.config), order.config.source_language
    if spans:
        span_models.preload(codes, source, order.span_limit)
    gc.freeze()  # workers then neither walk nor write to the objects they share with this process
    with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks)), initializer=_start,
                                                   initargs=(order,)) as pool:
        gc.unfreeze()
        start_history(order.history)  # git's thread after the forks: no worker holds a pipe of it
        if spans:
            span_models.release()
        # Up to 8 tasks a message: each wakes this process's result thread, and one a task cost the parent
        # 3.6 s of CPU on 10,000 articles (2.1 s so), taken from the workers. At least eight chunks a worker.
        chunk = max(1, min(8, len(tasks) // (8 * jobs)))
        with ReadAhead([files(t) for t in tasks]) as ahead:
            for result in pool.imap_unordered(KINDS[kind], tasks, chunksize=chunk):
                ahead.advance()
                yield result


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
