"""The run's language set, before any file is checked: configured, or discovered.

Discovery reads the head of the files it scores (every undeclared file, a sample of each
declared language's); what it found for a file stays in the cache while the file's stat is
unchanged, so a warm run scores nothing. Records made with another language set are dropped
(cache.languages_are): a file's language depends on the set detection chose from.
"""

from __future__ import annotations

import os

from contentlint.config.settings import Config
from contentlint.engine.cache import Cache
from contentlint.language import detection, discovery, names
from contentlint.language.discovery import Found
from contentlint.language.profiles import for_run
from contentlint.load import document
from contentlint.load.front_matter import field_pattern

# a run this large scores in a child process (discovery._in_child): its workers want the memory
CHILD_FILES = 256
_FIELD = field_pattern("lang|language")


def _head(path: str) -> str:
    return document.head(path, discovery.HEAD).decode("utf-8", "replace").lstrip("\ufeff")


def _front_matter_language(head: str, profiles) -> names.Tag | None:
    """`lang:`/`language:` at the top level of the front matter in the head (the file stage
    reads the whole front matter; this only decides what discovery counts as declared)."""
    if not head.startswith("---"):
        return None
    end = head.find("\n---", 3)
    m = _FIELD.search(head, 3, end if end > 0 else len(head))
    return names.resolve(m.group(1), profiles) if m else None


def _spread(paths: list[str], n: int) -> set[str]:
    """Up to `n` of `paths`, evenly spread: a sample that sees every part of a folder."""
    if len(paths) <= n:
        return set(paths)
    step = len(paths) / n
    return {paths[int(k * step)] for k in range(n)}


def _score(todo: list[str], samples: dict, declared: dict) -> list:
    """discovery.score of `todo`: each file's sample, and a declared file's longer one, should
    its reading contradict its declaration (its head read again where front matter declared
    it: at most DECLARED_SAMPLE files a language are scored)."""
    texts, settling = [], []
    for p in todo:
        if declared[p]:
            longer = discovery.sample(_head(p), discovery.SETTLE)
            texts.append(longer[: discovery.SAMPLE])  # what sample() gives: the same words, cut shorter
            settling.append((declared[p], longer))
        else:
            texts.append(samples[p])
            settling.append(None)
    return discovery.score(texts, many=len(declared) >= CHILD_FILES, declared=settling)


def discover(files: list[str], config: Config, store: Cache | None = None, matches: dict | None = None,
             outside: frozenset = frozenset()) -> Found:
    """The set detection will choose from, and how each language came into it."""
    if config.languages:
        return Found(languages=detection.languages_of_run(config))
    matches, profiles = matches or {}, for_run(tuple(config.packs))
    declared, known = {}, {}  # path -> declared code or None; path -> candidates
    samples: dict[str, str] = {}  # a head is read once: its front matter, then its sample
    stats = {}
    for path in files:
        if path in outside:
            continue
        try:
            st = stats[path] = os.stat(path)
        except OSError:
            continue
        entry = store.scored_entry(path, st) if store is not None else None
        if entry is not None:
            declared[path], known[path] = entry
            continue
        tag = detection.from_path(path, matches.get(path), profiles)
        before = store.scored_entry(path, st, stale=True) if store is not None and tag is not None else None
        if before is not None and before[0] == tag.code:
            # an edited file its path declares keeps its earlier answer: scoring one file loads
            # every language's model (0.45 s, a pre-commit run's half second); the file stage
            # still detects it among the corpus' languages, and wrong-language reads that
            declared[path], known[path] = before
            store.put_scored(path, st, *before)
            continue
        head = _head(path) if tag is None else None
        tag = tag or _front_matter_language(head or "", profiles)
        declared[path] = tag.code if tag else None
        if head is not None:  # undeclared by its path: scored below unless front matter declares it
            samples[path] = discovery.sample(head)
            known[path] = None
    by_language: dict[str, list[str]] = {}
    for path, code in declared.items():
        if code:
            by_language.setdefault(code, []).append(path)
    chosen = {p for p, c in declared.items() if c is None}
    for paths in by_language.values():
        chosen |= _spread(sorted(paths), discovery.DECLARED_SAMPLE)
    todo = sorted(p for p in chosen if known.get(p) is None)
    scores = _score(todo, samples, declared) if todo else []
    for path, candidates in zip(todo, scores):
        known[path] = candidates
        if store is not None:
            store.put_scored(path, stats[path], declared[path], candidates)
    if store is not None:  # declared files scored earlier keep their entry; unscored ones get one now
        for path, code in declared.items():
            if path not in todo and store.scored_entry(path, stats[path]) is None:
                store.put_scored(path, stats[path], code, known.get(path))
    entries = [(code, (known.get(p) or ()) if p in chosen else ()) for p, code in declared.items()]
    found = discovery.choose(entries)
    if not found.languages:  # nothing to go by (no file with prose): detection's fallback
        found.languages = detection.fallback_languages()
    return found
