"""The corpus' languages, found with no configuration.

Every undeclared file, and a sample of the files each declared language names, is read
(its first few hundred characters of prose) and scored by lingua over all of its languages.
A language joins the corpus set when some file is written in it — unless it is only the
shadow of a close language that is much more frequent (a few Malay files read as Indonesian,
Norwegian as Nynorsk, Hindi as Marathi: lingua confuses close languages on short samples,
and the run then detects every file restricted to the set, where it does not). Languages
that folders, suffixes or front matter declare join the set too, so that a declaration
that detection contradicts (Danish text under `Dutch/`) can be reported by wrong-language.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from contentlint.base import heap

SAMPLE = 300  # characters of prose a file is scored on: 400 read every language of the corpus
# right but two (Norwegian as Nynorsk), 200 misread 5 % (measured on 667 articles, 19 languages)
HEAD = 4096  # bytes read of each file for it
MIN_SAMPLE = 40  # fewer characters say nothing reliable about a language
DECLARED_SAMPLE = 64  # files scored per declared language: enough to see a folder is mislabelled
SHADOW_SHARE = 0.25  # a language winning at most this share of a close language's files is its shadow
SHADOW_CONFIDENCE = 0.005  # ... when that language is the runner-up with at least this confidence
TOP = 3  # candidates kept per file
# a file whose declared language still has this confidence beside another that wins is too
# short or mixed to contradict its declaration (`Sales. In Q2, sales rose by 5 %.`, declared
# English: Yoruba 0.66, English 0.26); a real contradiction leaves the declared one near zero
# (Danish under `Dutch/`: Danish 1.0, Dutch not among the three)
DECLARED_HOLDS = 0.1
# characters a declared file is read again on where the first reading contradicts it (of the
# HEAD bytes read: a Hindi head gives about 1,400)
SETTLE = 2000
_MARKUP = re.compile(r"[#*_>\[\]()|`=~<>{}]+")


def sample(head: str, size: int = SAMPLE) -> str:
    """The first words of a file's body: front matter dropped, HTML comments (where sites keep
    the source a translation was made from: `<!-- Each object in your cluster… -->`), URLs,
    HTML and code-ish tokens dropped, Markdown marks blanked. Not a parse: a few hundred
    characters to score, no more."""
    text = head
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4 :] if end > 0 else ""
    text = _without_comments(text)
    words = [w for w in text.split() if "://" not in w and "](" not in w and "/" not in w
             and not w.startswith(("<", "{", "`", "|", "!["))]
    return _MARKUP.sub(" ", " ".join(words))[:size]


def _without_comments(text: str) -> str:
    """`text` less its HTML comments (one left open runs to the end of the head read)."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        out.append(text[at:start])
        end = text.find("-->", start + 4)
        at = len(text) if end < 0 else end + 3
    return "".join(out) + text[at:]


def score(texts: list[str], many: bool = False, declared: list | None = None) -> list[tuple[tuple[str, float], ...]]:
    """The TOP candidates (code, confidence) of each text among all of lingua's languages;
    () for a text too short to say. `declared`: per text, (its declared language, a longer
    sample to read again should the first reading contradict it), or None. The models are
    dropped afterwards: the run's own detection is restricted to the set and needs far fewer of
    them. `many`: the run is large (its workers will want the memory): scored in a child
    process where that is safe."""
    todo = [k for k, t in enumerate(texts) if len(t) >= MIN_SAMPLE]
    out: list[tuple] = [()] * len(texts)
    if not todo:
        return out
    sampled = [(texts[k], *(declared[k] if declared and declared[k] else (None, None))) for k in todo]
    for k, top in zip(todo, _in_child(_top, sampled) if many else _here(_top, sampled)):
        out[k] = top
    return out


def _top(sampled: list[tuple[str, str | None, str | None]]) -> list[tuple[tuple[str, float], ...]]:
    from lingua import LanguageDetectorBuilder

    from contentlint.language.detection import THREADS_STARTED

    THREADS_STARTED[0] = True
    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    tops = _read(detector, [text for text, _, _ in sampled])
    # a declared file read as another language is read again on a longer sample: on SAMPLE
    # characters a Hindi page full of transliterated names reads as Marathi (0.996 against
    # 0.004), on SETTLE (about 1,400 of its 4 KB head) as Hindi; Danish under `Dutch/` stays Danish
    again = [k for k, (_, declared, longer) in enumerate(sampled)
             if declared and longer and tops[k] and tops[k][0][0] != declared and not _holds(declared, tops[k])]
    for k, top in zip(again, _read(detector, [sampled[k][2] for k in again]) if again else ()):
        tops[k] = top or tops[k]
    detector.unload_language_models()
    return tops


def _read(detector, texts: list[str]) -> list[tuple[tuple[str, float], ...]]:
    results = detector.compute_language_confidence_values_in_parallel(texts)
    return [tuple((v.language.iso_code_639_1.name.lower(), round(float(v.value), 4)) for v in values[:TOP])
            for values in results]


def _here(work, texts: list[str]):
    results = work(texts)
    heap.trim()  # workers fork from this process: they should not share the freed models
    return results


def _in_child(work, texts: list[str]):
    """`work(texts)` in a forked child: lingua keeps about 80 MB of the models of all its
    languages after unloading them (measured: 141 MB loaded, 98 MB once unloaded and trimmed),
    which the run's workers would not share; a child gives it all back. Here instead where a
    fork is unsafe or refused: once lingua's thread pool runs in this process (a forked copy
    inherits it without its threads and waits for ever), in a daemonic worker, without fork."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from contentlint.language.detection import THREADS_STARTED

    if THREADS_STARTED[0] or "fork" not in multiprocessing.get_all_start_methods() \
            or multiprocessing.current_process().daemon:
        return _here(work, texts)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_quiet) as pool:
            return pool.submit(work, texts).result()
    except (BrokenProcessPool, OSError):
        return _here(work, texts)


def _quiet() -> None:
    """In the child: Ctrl-C is the parent's to handle (no traceback from here)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class Found:
    """The corpus set and how each language came into it, for `contentlint languages`."""

    languages: tuple[str, ...] = ()
    declared: Counter = field(default_factory=Counter)  # code -> files declaring it
    detected: Counter = field(default_factory=Counter)  # code -> scored files it won
    shadows: dict = field(default_factory=dict)  # code -> the language it was taken for a shadow of
    scored: int = 0

    def how(self, code: str) -> str:
        ways = []
        if self.declared[code]:
            ways.append(f"declared by {self.declared[code]} file(s)")
        if self.detected[code]:
            ways.append(f"detected in {self.detected[code]} of {self.scored} scored file(s)")
        return ", ".join(ways)


def choose(entries) -> Found:
    """`entries`: (declared code or None, candidates) per scored or declared file."""
    found = Found()
    won: dict[str, list] = defaultdict(list)
    for declared, candidates in entries:
        if declared:
            found.declared[declared] += 1
        if candidates:
            found.scored += 1
            if declared and _holds(declared, candidates):
                continue  # an uncertain reading does not contradict the declaration
            found.detected[candidates[0][0]] += 1
            won[candidates[0][0]].append(candidates)
    chosen = set(found.declared)
    strength = found.declared + found.detected
    for code, _ in sorted(found.detected.items(), key=lambda kv: (-kv[1], kv[0])):
        if code in chosen:
            continue
        runners = Counter(c[1][0] for c in won[code] if len(c) > 1 and c[1][1] >= SHADOW_CONFIDENCE)
        close = runners.most_common(1)[0][0] if runners else None
        if (close in chosen and runners[close] * 2 >= len(won[code])
                and found.detected[code] <= SHADOW_SHARE * strength[close]):
            found.shadows[code] = close
            continue
        chosen.add(code)
    found.languages = tuple(sorted(chosen))
    return found


def _holds(declared: str, candidates) -> bool:
    """Whether a declared file's reading leaves its declaration standing: another language
    wins, but the declared one keeps DECLARED_HOLDS of the confidence."""
    return candidates[0][0] != declared and any(code == declared and confidence >= DECLARED_HOLDS
                                                for code, confidence in candidates[1:])
