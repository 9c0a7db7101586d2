"""What a run keeps of a file once its own stage is done: a few hundred bytes, not its tokens.

The per-file stage (load, language, document rules, suppressions, a fingerprint for grouping)
runs in workers and is cached; the rest of the run (grouping, corpus rules, suppressions,
reports) reads these records. A record stands in for its document wherever grouping reads
one: path, problem, meta, language and fingerprint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from contentlint.findings import Finding
from contentlint.suppress import Suppressions

# front matter keys grouping and the corpus rules read; the rest stays with the document
META_KEYS = ("translation_key", "translationKey", "title", "lang", "language")
LANGUAGE_FIELDS = ("language", "language_confidence", "language_source", "detected", "detected_confidence",
                   "detected_chars")


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(eq=False)
class FileRecord:
    path: str
    digest: str
    problem: str | None
    meta: dict
    language: str | None = None
    language_confidence: float = 0.0
    language_source: str = ""
    detected: str | None = None
    detected_confidence: float = 0.0
    detected_chars: int = 0
    fingerprint: object = None  # fingerprint.Fingerprint, for files grouping must infer
    findings: list[Finding] = field(default_factory=list)  # document rules, policy applied, unsuppressed
    marks: Suppressions = field(default_factory=Suppressions)
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)  # offsets run-level findings use
    fixable: bool = False  # a fix applies to one of its findings (so --fix must load it)

    def position(self, offset: int) -> tuple[int, int]:
        return self.positions.get(offset, (1, 1))

    def languages(self) -> tuple:
        return tuple(getattr(self, name) for name in LANGUAGE_FIELDS)


def record(doc, findings: list[Finding], marks: Suppressions, print_=None, unsafe: bool = False) -> FileRecord:
    meta = {k: doc.meta[k] for k in META_KEYS if k in doc.meta}
    rec = FileRecord(doc.path, doc.digest, doc.problem, meta, fingerprint=print_, findings=findings, marks=marks)
    for name in LANGUAGE_FIELDS:
        setattr(rec, name, getattr(doc, name))
    offsets = {0} | {o for s in marks.items for o in (s.start, s.end)}
    rec.positions = {o: doc.position(o) for o in offsets}
    rec.fixable = any(f.fix and (f.fix.safe or unsafe) for f in findings)
    return rec


def set_language(doc, fields: tuple) -> None:
    for name, value in zip(LANGUAGE_FIELDS, fields):
        setattr(doc, name, value)
