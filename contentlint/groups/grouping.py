"""Which files are the same article: explicit key, then a path pattern, then inference.

Inference never compares all pairs. An inverted index over rare features (link targets,
acronyms, numbers) proposes at most `CANDIDATES` partners per article; those pairs are
scored (fingerprint.py) and merged greedily, best first, by average linkage, never putting
two articles of one language in a group.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from contentlint.groups.fingerprint import Scorer, fingerprint

THRESHOLD = 0.25  # least average score to join a group
SECOND_THRESHOLD = 0.15  # a second pass joins what is left where no language is taken twice
CANDIDATES = 16  # partners scored per article
MAX_POSTING = 64  # a feature shared by more articles than this says nothing about one pair
LOW_CONFIDENCE = 0.6
RIVAL_RATIO = 0.9  # a rival scoring this close to the member it lost to makes a group ambiguous


class Article(Protocol):
    """What grouping and the rules after it read of a file: a loaded Document in workers, its
    record (engine/records.py) in the run. Exactly what both know, nothing invented."""

    path: str
    digest: str
    problem: str | None
    language: str | None
    language_confidence: float
    language_source: str

    @property
    def meta(self) -> dict: ...


@dataclass(eq=False)
class Member:
    doc: Article
    confidence: float
    evidence: list[str] = field(default_factory=list)

    @property
    def language(self) -> str | None:
        return self.doc.language


@dataclass(eq=False)
class Group:
    key: str
    joined_by: str  # "key" | "path" | "inferred": what joined its members
    members: list[Member]
    source: Article | None = None
    # The source, or the consensus member: set by parity (alignment.prepare) where members are
    # documents, and by the run from the group's checked result where they are records.
    reference: Article | None = None
    pairings: list = field(default_factory=list)  # alignment.Pairing per other member, where members are documents


@dataclass(eq=False)
class Corpus:
    docs: list[Article]
    groups: list[Group] = field(default_factory=list)
    ungrouped: list[Article] = field(default_factory=list)
    conflicts: list[tuple[Article, str]] = field(default_factory=list)  # (article, why it is ambiguous)


def slot(doc) -> str | None:
    """The place a document takes in its group: its language, or its regional variant where the
    path or front matter names one (`zh-CN` and `zh-TW`, `pt-BR` and `pt-PT` are two translations)."""
    tag = doc.language_tag
    if tag and doc.language and len(tag) > len(doc.language) and tag.split("-")[0].casefold() == doc.language:
        return tag
    return doc.language


def explicit_key(doc, match: dict | None) -> tuple[str, str] | None:
    """("key", translation_key) from front matter, else ("path", key) from a path pattern."""
    key = doc.meta.get("translation_key") or doc.meta.get("translationKey")
    if isinstance(key, (str, int)) and str(key).strip():
        return ("key", str(key).strip())
    if match and match.get("key"):
        return ("path", match["key"])
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60] or "article"


def build(docs, source_language: str = "en", path_matches: dict | None = None) -> Corpus:
    corpus = Corpus(docs)
    readable = [d for d in docs if d.problem is None]
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    rest = []
    for doc in readable:
        key = explicit_key(doc, (path_matches or {}).get(doc.path))
        if key:
            by_key[key].append(doc)
        else:
            rest.append(doc)
    clusters = [(how, key, [(d, 1.0, [f"{how}: {key}"]) for d in members]) for (how, key), members in by_key.items()]
    for how, key, members in clusters:
        counts = Counter(slot(d) for d, _, _ in members)
        for doc, _, _ in members:
            place = slot(doc)
            if place and counts[place] > 1:
                corpus.conflicts.append((doc, f"{counts[place]} articles in '{place}' share the {how} '{key}'"))
    clusters.extend(_infer(rest, corpus))
    used = set()
    for how, key, members in sorted(clusters, key=lambda c: (c[0] != "inferred", c[1])):
        if len(members) < 2:
            corpus.ungrouped.extend(d for d, _, _ in members)
            continue
        source = next((d for d, _, _ in members if d.language == source_language), None)
        if how == "inferred":
            key = _slug(str((source or members[0][0]).meta.get("title") or os.path.basename(members[0][0].path)))
        base, n = key, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        group = Group(key, how, [Member(d, c, e) for d, c, e in members], source)
        group.members.sort(key=lambda m: (m.doc is not source, m.language or "", m.doc.path))
        corpus.groups.append(group)
        for m in group.members:
            if m.confidence < LOW_CONFIDENCE:
                corpus.conflicts.append((m.doc, f"joined group '{key}' with low confidence ({m.confidence:.2f})"))
    corpus.groups.sort(key=lambda g: g.key)
    corpus.ungrouped.sort(key=lambda d: d.path)
    return corpus


def _candidates(prints, scorer: Scorer, langs) -> dict[tuple[int, int], float]:
    index = defaultdict(list)
    for i, fp in enumerate(prints):
        for f in set(fp.features()):
            index[f].append(i)
    pairs: dict[tuple[int, int], float] = {}
    for i, fp in enumerate(prints):
        acc: Counter = Counter()
        # in sorted order: the sums and most_common's ties must not follow the hash seed
        for f in sorted(set(fp.features())):
            posting = index[f]
            if len(posting) > MAX_POSTING:
                continue
            w = scorer.idf[f]
            for j in posting:
                if j != i and not (langs[i] and langs[i] == langs[j]):
                    acc[j] += w
        for j, _ in acc.most_common(CANDIDATES):
            pair = (min(i, j), max(i, j))
            if pair not in pairs:
                pairs[pair] = scorer.score(prints[i], prints[j])[0]
    return pairs


class _Clusters:
    """Union-find over the articles to infer, with average linkage on the pair scores."""

    def __init__(self, docs: list[Article]) -> None:
        self.docs = docs
        self.prints = [getattr(d, "fingerprint", None) or fingerprint(d) for d in docs]  # records carry theirs
        self.scorer = Scorer(self.prints)
        self.langs = [d.language for d in docs]
        self.pairs = _candidates(self.prints, self.scorer, self.langs)
        self.parent = list(range(len(docs)))
        self.members = {i: [i] for i in range(len(docs))}

    def score(self, i: int, j: int) -> float:
        pair = (min(i, j), max(i, j))
        if pair not in self.pairs:
            self.pairs[pair] = self.scorer.score(self.prints[i], self.prints[j])[0]
        return self.pairs[pair]

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def linkage(self, a: int, b: int) -> float:
        members = self.members
        return sum(self.score(x, y) for x in members[a] for y in members[b]) / (len(members[a]) * len(members[b]))

    def disjoint(self, a: int, b: int) -> bool:
        langs, members = self.langs, self.members
        return not ({langs[x] for x in members[a]} - {None}) & ({langs[x] for x in members[b]} - {None})

    def join(self, a: int, b: int) -> None:
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))

    def best_first(self) -> list[tuple[int, int, float]]:
        """Pairs above the threshold joined best first; the rivals: pairs kept apart because
        their groups share a language."""
        rivals = []
        for s, i, j in sorted(((s, i, j) for (i, j), s in self.pairs.items() if s >= THRESHOLD), reverse=True):
            a, b = self.find(i), self.find(j)
            if a == b:
                continue
            if not self.disjoint(a, b):
                rivals.append((i, j, s))
            elif self.linkage(a, b) >= THRESHOLD:
                self.join(a, b)
        return rivals

    def leftovers(self) -> None:
        """Partial groups and orphans (an English text rewritten with synonyms, an article
        without links) join the best remaining group that lacks their languages."""
        while True:
            best = {}
            for (i, j), s in list(self.pairs.items()):
                a, b = self.find(i), self.find(j)
                if a != b and s >= SECOND_THRESHOLD / 2 and self.disjoint(a, b):
                    key = (min(a, b), max(a, b))
                    if key not in best:
                        best[key] = self.linkage(a, b)
            merges = sorted(((v, k) for k, v in best.items() if v >= SECOND_THRESHOLD), reverse=True)
            done = set()
            for _, (a, b) in merges:
                if a in done or b in done:
                    continue
                done.update((a, b))
                self.join(a, b)
            if not merges:
                return

    def rows(self, idx: list[int]) -> list[tuple[Article, float, list[str]]]:
        """Each member with its confidence and the evidence of its best partner."""
        out = []
        for i in idx:
            others = [j for j in idx if j != i]
            avg = sum(self.score(i, j) for j in others) / len(others) if others else 0.0
            best = max(others, key=lambda j: self.score(i, j), default=None)
            evidence = (_evidence(self.scorer.score(self.prints[i], self.prints[best])[1], self.docs[best])
                        if best is not None else [])
            out.append((self.docs[i], round(min(1.0, avg / 0.5), 2), evidence))
        return out


def _infer(docs: list[Article], corpus: Corpus) -> list:
    if not docs:
        return []
    clusters = _Clusters(docs)
    rivals = clusters.best_first()
    clusters.leftovers()
    _record_rivals(rivals, docs, clusters.langs, clusters.find, clusters.members, clusters.score, corpus)
    return [("inferred", docs[idx[0]].path, clusters.rows(idx)) for idx in clusters.members.values()]


def _record_rivals(rivals, docs, langs, find, members, score, corpus: Corpus) -> None:
    """A rival almost as similar to a group as the member of its language that got in."""
    seen = set()
    for i, j, s in rivals:
        for inside, outside in ((i, j), (j, i)):
            group = members.get(find(inside), [])
            if find(outside) == find(inside) or not langs[outside]:
                continue
            holder = next((m for m in group if langs[m] == langs[outside]), None)
            if holder is None or holder == outside or (holder, outside) in seen:
                continue
            if s >= RIVAL_RATIO * score(inside, holder):
                seen.add((holder, outside))
                why = f"competes with {docs[outside].path} for the '{langs[outside]}' place in its group"
                corpus.conflicts.append((docs[holder], why))
                corpus.conflicts.append((docs[outside], f"competes with {docs[holder].path} for the same group"))


def _evidence(ev: dict, partner) -> list[str]:
    out = [f"best match {partner.path}"]
    for name in ("links", "numbers", "acronyms"):
        if ev[name]:
            out.append(f"{name}: {', '.join(ev[name])}")
    out.append(f"outline {ev['outline']:.2f}, title {ev['title']:.2f}")
    return out
