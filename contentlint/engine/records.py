"""What a run keeps of a file once its own stage is done: a few hundred bytes, not its tokens.

The per-file stage (load, language, document rules, suppressions, a fingerprint for grouping)
runs in workers and is cached; the rest of the run (grouping, corpus rules, suppressions,
reports) reads these records. A record stands in for its document wherever grouping reads
one: path, problem, meta, language and fingerprint.
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass, field

import msgpack

from contentlint.base.findings import Edit, Finding, Fix, Related, Severity
from contentlint.groups.fingerprint import Fingerprint
from contentlint.history.lag import PIN, source_pin
from contentlint.load.document import Document
from contentlint.load.front_matter import salvaged_key
from contentlint.load.suppressions import Suppression, Suppressions
from contentlint.parity.outline import Outline

# front matter keys grouping and the corpus rules read; the rest stays with the document
META_KEYS = ("translation_key", "translationKey", "title", "lang", "language")
LANGUAGE_FIELDS = ("language", "language_confidence", "language_source", "detected", "detected_confidence",
                   "detected_chars", "language_tag")


@dataclass(eq=False, slots=True)  # one per file of the corpus, all held by the run
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
    language_tag: str | None = None
    fingerprint: Fingerprint | None = None  # for files grouping must infer
    packed: bytes = b""  # document rules' findings, policy applied, unsuppressed: see pack()
    marks: Suppressions = field(default_factory=Suppressions)
    fixable: bool = False  # a fix applies to one of its findings (so --fix must load it)
    stat: tuple = ()  # (size, mtime, ctime, inode) when read (see stat_of): unchanged files are not read again
    transient: bool = False  # holds a finding of this run's circumstances: never cached (TRANSIENT)
    packed_outline: bytes = b""  # parity/outline.Outline as a packed row: what the report shows of the file
    votes: tuple = ()  # (rule name, follows?) for the convention rules that could tell (Pipeline.votes)

    @property
    def outline(self) -> Outline | None:
        return Outline.from_row(unpackb(self.packed_outline)) if self.packed_outline else None

    @property
    def findings(self) -> list[Finding]:
        """Made afresh on each read and not kept: the run holds every file's findings packed."""
        return unpack(self.packed)

    def languages(self) -> tuple:
        return languages_of(self)


class GroupResult:
    """A group's findings, packed per member (the run reports them file by file), the path of
    its reference (source or consensus member), and its rows: which section of each member
    stands beside which of the reference (parity/outline.rows), for the report."""

    __slots__ = ("reference", "by_path", "packed_rows", "transient")

    def __init__(self, reference: str, by_path: dict[str, bytes] | None = None, packed_rows: bytes = b"") -> None:
        self.reference, self.by_path, self.packed_rows = reference, by_path or {}, packed_rows
        self.transient = False  # holds a finding of this run's own (TRANSIENT): checked again next run

    @classmethod
    def of(cls, reference: str, findings: list[Finding], rows: dict | None = None) -> "GroupResult":
        by_path: dict[str, list] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        result = cls(reference, {p: pack(found) for p, found in by_path.items()}, packb(rows) if rows else b"")
        result.transient = any(f.rule in TRANSIENT for f in findings)
        return result

    @property
    def rows(self) -> dict:
        """Packed while the run holds it (as objects, 50,000 articles' rows took 50 MB): made
        when the report asks."""
        return unpackb(self.packed_rows) if self.packed_rows else {}

    def to_row(self) -> tuple:
        return (self.reference, self.by_path, self.packed_rows)


def _plain(value):
    """A front-matter value as the cache can store it: YAML dates and the like become text."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def record(doc: Document, findings: list[Finding], marks: Suppressions, features: Fingerprint | None = None,
           unsafe: bool = False, shape: Outline | None = None, votes: tuple = (),
           pin_field: str = "source_commit") -> FileRecord:
    meta = {k: _plain(doc.meta[k]) for k in META_KEYS if k in doc.meta}
    pin = source_pin(doc.meta, pin_field)
    if pin:
        meta[PIN] = pin
    if not isinstance(doc.meta.get("translation_key", ""), (str, int)):
        meta.pop("translation_key")  # grouping ignores a key that is a list or a mapping
    if (key := salvaged_key(doc.front)) is not None:
        meta["translation_key"] = key  # invalid YAML: the key from its own line, for grouping only
    if "title" in meta and not isinstance(doc.meta["title"], str):
        meta["title_not_text"] = True  # stored as text for grouping; the report shows the key instead
    findings = sorted(findings, key=Finding.sort_key)  # so a report need not sort them again
    rec = FileRecord(doc.path, doc.digest, doc.problem, meta, fingerprint=features, packed=pack(findings), marks=marks,
                     stat=doc.stat)
    set_language(rec, languages_of(doc))
    rec.fixable = any(f.fix and (f.fix.safe or unsafe) for f in findings)
    rec.transient = any(f.rule in TRANSIENT for f in findings)
    rec.packed_outline = packb(shape.to_row()) if shape is not None else b""
    rec.votes = votes
    return rec


# Findings that say what happened in this run, not what the file holds: a rule past its time
# bound (the machine's load), fixes not written (a concurrent edit, a hard link). A record
# with one is checked again next run.
TRANSIENT = ("rule-error", "fix-not-written")

def languages_of(doc) -> tuple:
    """The language fields of a document or a record, in LANGUAGE_FIELDS order."""
    return tuple(getattr(doc, name) for name in LANGUAGE_FIELDS)


def set_language(doc, fields: tuple) -> None:
    """The fields in LANGUAGE_FIELDS order; the codes interned: a few strings, shared by every
    record (spelt out, not a loop of setattr: a warm run does this for every file)."""
    language, doc.language_confidence, source, detected, doc.detected_confidence, doc.detected_chars, tag = fields
    doc.language = _intern(language) if language.__class__ is str else language
    doc.language_tag = _intern(tag) if tag.__class__ is str else tag
    doc.language_source = _intern(source) if source.__class__ is str else source
    doc.detected = _intern(detected) if detected.__class__ is str else detected


_intern = sys.intern


# Findings travel and stay packed: compressed msgpack of plain rows per file (data only: the
# cache stores these bytes, and reading them can never run code). The parent
# of a run over 50,000 files holds half a million findings; as objects they take 1 GB, packed
# a tenth of that, and the cache stores the bytes as they are (loading them creates nothing).
_SEVERITY = {int(s): s for s in Severity}


def finding_row(f: Finding) -> tuple:
    fix = (tuple((e.start, e.end, e.content) for e in f.fix.edits), f.fix.safe, f.fix.message) if f.fix else None
    return (f.path, f.start, f.end, f.line, f.column, f.end_line, f.end_column, f.code, f.rule, int(f.severity),
            f.message, fix, tuple((r.path, r.line, r.message) for r in f.related))


def finding_from(row: tuple) -> Finding:
    """Indexed, not star-unpacked: a warm run makes every finding of the corpus this way, and
    this form takes 40 % less time."""
    fix, related = row[11], row[12]
    if fix is not None:
        fix = Fix(tuple([Edit(*e) for e in fix[0]]), fix[1], fix[2])
    return Finding(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], _SEVERITY[row[9]], row[10],
                   fix, [Related(*r) for r in related] if related else [])


def pack(findings: list[Finding]) -> bytes:
    """Rows, packed and compressed (zlib's fastest level: messages and paths repeat)."""
    if not findings:
        return b""
    return zlib.compress(packb([finding_row(f) for f in findings]), 1)


def rows_of(packed: bytes) -> tuple:
    return unpackb(zlib.decompress(packed)) if packed else ()


def packb(value) -> bytes:
    """msgpack; file names that are not UTF-8 (surrogate-escaped) survive the round trip."""
    return msgpack.packb(value, use_bin_type=True, unicode_errors="surrogateescape")


def unpackb(data: bytes):
    return msgpack.unpackb(data, raw=False, use_list=False, strict_map_key=False, unicode_errors="surrogateescape")


def unpack(packed: bytes) -> list[Finding]:
    return [finding_from(row) for row in rows_of(packed)]


def to_row(rec: FileRecord) -> tuple:
    fp = rec.fingerprint
    features = (fp.links, tuple(fp.numbers), tuple(fp.acronyms), fp.title, fp.outline, fp.keywords) if fp else None
    marks = tuple((s.kind, tuple(s.selectors), s.line, s.start, s.end, s.first, s.last, s.position, s.end_position)
                  for s in rec.marks.items)
    return (rec.path, rec.digest, rec.problem, rec.meta, rec.languages(), features, rec.packed, marks, rec.fixable,
            rec.stat, rec.packed_outline, rec.votes)


_ROW = (str, str, (str, type(None)), dict, tuple, (tuple, type(None)), bytes, tuple, bool, tuple, bytes, tuple)


def from_row(row) -> FileRecord | None:
    """The record a cache row holds, or None if the row is not one (a foreign or older
    format): the file is then read again."""
    if not (isinstance(row, tuple) and len(row) == len(_ROW) and all(map(isinstance, row, _ROW))):
        return None
    try:
        return _from_row(row)
    except (TypeError, ValueError):
        return None


def _from_row(row: tuple) -> FileRecord:
    path, digest_, problem, meta, languages, features, packed, marks, fixable, stat, packed_outline, votes = row
    if not all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], bool) for v in votes):
        raise ValueError("not a record")
    if len(languages) != len(LANGUAGE_FIELDS) or len(stat) not in (0, 4):
        raise ValueError("not a record")
    rec = FileRecord(path, digest_, problem, meta, packed=packed, fixable=fixable, stat=stat,
                     packed_outline=packed_outline, votes=votes)
    set_language(rec, languages)
    if features is not None:
        links, numbers, acronyms, title, outline, keywords = features
        rec.fingerprint = Fingerprint(links, frozenset(numbers), frozenset(acronyms), title, outline, keywords)
    if marks:
        rec.marks = Suppressions([Suppression(k, list(sel), *rest) for k, sel, *rest in marks])
    return rec
