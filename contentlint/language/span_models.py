"""The language of untranslated-text candidates, with lingua's large models kept within a budget.

A candidate span is short (a heading, a sentence), and short texts need lingua's
high-accuracy models: about 20 MB for each language written in Latin letters (a pair of
languages in different scripts is told apart by its letters and loads nothing). A corpus
in 19 languages would hold 350 MB of them at once. So a process loads models only while it
stays under a limit: its own size before the first model plus SPAN_MODELS_MB. A group whose
spans need a pair of languages it cannot load is deferred, unchecked: the run then answers
every deferred span itself, one pair of languages at a time, and checks those groups again
with the answers known. Every answer is the same either way; only where it is computed
changes, and a corpus whose models fit is never deferred.
"""

from __future__ import annotations

import os
from functools import lru_cache

from contentlint.base import heap
from contentlint.language import cldr_tables
from contentlint.language.detection import check_codes, detect, detector, effective

SPAN_MODELS_MB = 150  # en, nb, sv, fi, ms (the 8-language sample's Latin ones) take about 120
PROCESS_MB = 220  # nor past this size: one more pair may add 25-90 MB, and a process should stay under 300

_loaded: set[str] = set()  # languages whose models this process holds; forked workers inherit it
_limit = 0.0  # the limit set when this process held none


def rss_mb() -> float:
    """This process's resident size. 0 where /proc is not there: then nothing is deferred."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def limit() -> float:
    """The size up to which this process may load span models: measured when it holds none
    (a process that already holds some keeps the limit it had then)."""
    global _limit
    if not _loaded:
        _limit = min(rss_mb() + SPAN_MODELS_MB, PROCESS_MB)
    return _limit


SCRIPTS = "language-scripts.json"  # CLDR's usual script of every language lingua knows, generated


@lru_cache(maxsize=256)
def _script(code: str) -> str | None:
    """A language's usual script (`ru` -> `Cyrl`): from the generated table, since Babel's
    global data costs each worker 7 MB; from Babel for a code the table lacks."""
    table = cldr_tables.read_table(SCRIPTS)
    script = table[code] if code in table else script_from_babel(code)
    return "Hani" if script in HAN else script


def script_from_babel(code: str) -> str | None:
    """CLDR's likely script of `code`, or None where CLDR has no likely subtags for it."""
    from babel.core import get_global

    parts = get_global("likely_subtags").get(code, "").split("_")
    return parts[1] if len(parts) > 2 else None


HAN = {"Hani", "Hans", "Hant", "Jpan", "Kore"}  # scripts that share Chinese characters: one for this


def free(codes: tuple[str, ...]) -> bool:
    """Whether lingua tells these languages apart by their letters alone, loading no model:
    each in a script of its own, one of them Latin (a span's letters are Latin or not)."""
    scripts = [_script(c) for c in codes]
    return None not in scripts and len(set(scripts)) == len(scripts) and "Latn" in scripts


def _hold(codes: tuple[str, ...]) -> None:
    """Count these languages' models as held here once they have been used (one language, or a
    pair told apart by letters, loads none)."""
    if len(codes) > 1 and not free(codes):
        _loaded.update(codes)


def may_load(codes: tuple[str, ...], size_limit: float | None) -> bool:
    return size_limit is None or set(codes) <= _loaded or free(codes) or rss_mb() < size_limit


def pairs(codes: tuple[str, ...], source: str):
    """The pairs span detection asks about: the source with each other language."""
    for code in codes:
        if code != source:
            try:
                yield check_codes((source, code))
            except ValueError:
                continue


def preload(codes: tuple[str, ...], source: str, size_limit: float | None = None) -> None:
    """Load the pairs' models in this process, before workers fork, while they fit: the
    workers share these pages instead of loading them each."""
    for pair in pairs(codes, source):
        if not free(pair) and may_load(pair, size_limit):
            detector(pair).compute_language_confidence_values("a sample to load every model")
            _hold(pair)


def release(keep: set[str] = frozenset()) -> None:
    """Drop the span models this process holds but those of `keep` (a parent once its
    workers have forked with them; lingua loads a model again if this process needs it)."""
    for language in sorted(_loaded - keep):
        detector(check_codes((language,))).unload_language_models()
    _loaded.intersection_update(keep)
    heap.trim()


def detect_spans(corpus, parallel: bool = True, known: dict | None = None,
                 size_limit: float | None = None) -> tuple[dict, list]:
    """Language of each untranslated-text candidate, lingua restricted to the two languages
    of its pairing (source and translation), stored on the pairing for the rules. `known`:
    earlier answers by (languages, text), used instead of asking again (the cache keeps them:
    span texts repeat from run to run). Returns the new answers, and the (languages, text)
    requests deferred because their models do not fit under `size_limit`: if there are
    any, the corpus' pairings are not all answered and its groups must not be checked."""
    known = known if known is not None else {}
    batches: dict[tuple[str, ...], list] = {}
    for group in corpus.groups:
        for p in group.pairings:
            p.detected = [(None, 0.0)] * len(p.spans)
            src, tgt = p.ref.language, effective(p.doc)  # lingua between the languages written
            if not p.spans or not src or not tgt or src == tgt:
                continue
            for k, span in enumerate(p.spans):
                try:  # the source's language and the document's, or a third one's (parity/third.py)
                    codes = check_codes((src, tgt) if len(span) <= 5 else span[5] + (effective(p.doc),))
                except ValueError:
                    continue
                answer = known.get((codes, span[3]))
                if answer is not None:
                    p.detected[k] = answer
                else:
                    batches.setdefault(codes, []).append((p, k, span[3]))
    new, deferred = {}, []
    for codes, items in batches.items():
        texts = [text for _, _, text in items]
        if not may_load(codes, size_limit):
            deferred += [(codes, text) for text in texts]
            continue
        results = detect(texts, codes, parallel)
        _hold(codes)
        for (p, k, text), result in zip(items, results):
            p.detected[k] = new[(codes, text)] = result
    return new, deferred


def answer(requests) -> dict:
    """Answers to deferred (languages, text) requests, one set of languages at a time: at
    most one set's models in memory, and a language the next set shares (the source) stays."""
    release()
    by_codes: dict[tuple[str, ...], set[str]] = {}
    for codes, text in requests:
        by_codes.setdefault(codes, set()).add(text)
    answers, order = {}, sorted(by_codes)
    for k, codes in enumerate(order):
        texts = sorted(by_codes[codes])
        for text, result in zip(texts, detect(texts, codes, parallel=False)):  # as workers ask: the same digits
            answers[(codes, text)] = result
        _hold(codes)
        release(set(order[k + 1]) if k + 1 < len(order) else set())
    return answers


if __name__ == "__main__":  # rules/language-scripts.json from Babel
    print(cldr_tables.write_table(SCRIPTS, script_from_babel))
