"""Each article's language: front matter, then a path convention, then detection.

Detection is lingua restricted to the corpus' languages (configured, or found by discovery.py):
restricted, it is both faster and more accurate, and it cannot answer Danish for Norwegian
or Indonesian for Malay when those are not among the choices. Rules never call
lingua; they read what this stage stored on each document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.language import names
from contentlint.language.profiles import Profiles, for_run, load_profiles

# When detection contradicts a declared language: confident, on enough text (shorter texts do not
# say their language reliably). wrong-language's defaults, and what number parity trusts.
CONTRADICTING_CONFIDENCE, CONTRADICTING_CHARS = 0.9, 200
QUARTER_CHARS = 40  # a quarter of a sample with fewer characters has no vote


def effective(doc) -> str | None:
    """The language a document is written in: the detected one where it contradicts the
    declared one (Danish under `Dutch/`), else the declared."""
    return doc.detected if contradicted(doc) else doc.language


def contradicted(doc, language: str | None = None) -> bool:
    """Whether detection confidently finds another language than the document's (or `language`)."""
    return bool(doc.detected and doc.detected != (language or doc.language)
                and doc.detected_confidence >= CONTRADICTING_CONFIDENCE and doc.detected_chars >= CONTRADICTING_CHARS)


SAMPLE_CHARS = 600  # enough for a confident whole-document answer (measured: the same answer as
# 1000 characters on all 10,283 articles of the benchmark and the shared corpus); detection
# time grows with the sample


def normalize(value, profiles: Profiles | None = None) -> str | None:
    """The language code a name, code or tag means (`Norwegian`, `no`, `Deutsch`, `pt-BR`)."""
    return names.code_of(value, profiles)


def fallback_languages() -> tuple[str, ...]:
    """The languages detection chooses among when a caller neither configured nor discovered
    any (the API used directly): the languages with a shipped profile."""
    return tuple(sorted(load_profiles()))


def languages_of_run(config) -> tuple[str, ...]:
    """The configured languages as codes (an unknown one is an error), else the languages
    discovery found in the corpus (discovery.py), else the fallback."""
    if not config.languages:
        return tuple(config.discovered) or fallback_languages()
    codes = []
    for value in config.languages:
        code = normalize(value, for_run(tuple(config.packs)))
        if code is None:
            raise ValueError(f"unknown language '{value}' (use a language name or code: en, German, pt-BR, 中文)")
        codes.append(code)
    return check_codes(codes)


def declared(doc, profiles: Profiles | None = None) -> names.Tag | None:
    meta = doc.meta
    return names.resolve(meta.get("lang") or meta.get("language"), profiles)


def from_path(path: str, pattern_match: dict | None, profiles: Profiles | None = None) -> names.Tag | None:
    """The language a path names: the configured pattern's `{language}`/`{lang}`, else the
    innermost folder named after a language (`Norwegian/`, `de/`, `pt-br/`, `中文/`), a
    `name.nb.md` suffix or a file `nb.md`."""
    if pattern_match:
        return names.resolve(pattern_match.get("language") or pattern_match.get("lang"), profiles)
    parts = re.split(r"[\\/]", path)
    for folder in reversed(parts[:-1]):
        tag = names.resolve(folder, profiles) if folder else None
        if tag:
            return tag
    pieces = parts[-1].split(".")
    # `name.nb.md`, `name.pt-BR.md`, or a file named by its language alone: `nb.md`
    for piece in (pieces[-2:-1] if len(pieces) >= 3 else pieces[:1] if len(pieces) == 2 else []):
        if len(piece) <= 8 and names.BCP47.fullmatch(piece):
            tag = names.resolve(piece, profiles)
            if tag:
                return tag
    return None


@lru_cache(maxsize=64)
def detector(codes: tuple[str, ...], low_accuracy: bool = False):
    """Low-accuracy mode reads trigrams only: as accurate on a document-length sample, and its
    models load in 0.05 s instead of 1.5 s (which a pre-commit run on one file would pay)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in codes]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*isos)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def check_codes(codes) -> tuple[str, ...]:
    from lingua import IsoCode639_1

    bad = [c for c in codes if not hasattr(IsoCode639_1, c.upper())]
    if bad:
        raise ValueError(f"unknown language code(s): {', '.join(bad)} (use ISO 639-1, e.g. en, nb, ms)")
    if not codes:
        raise ValueError("no language to detect")
    return tuple(sorted(set(codes)))


def plain_text(doc) -> str:
    """Body prose for detection: no front matter, link targets, URLs, code or HTML. Drawn from
    each quarter of the document, so that one paragraph left in another language (at the top,
    say) is a quarter of the sample at most, not all of it."""
    return _without_latin_names("\n".join(t for quarter in _quarters(doc) for t in quarter)[:SAMPLE_CHARS])


def _quarters(doc) -> list[list[str]]:
    """The sample's texts, by quarter of the document."""
    inlines, out, budget = doc.inlines, [], 0
    for k in range(4):  # what a quarter leaves unused, the next may take
        budget += SAMPLE_CHARS // 4
        out.append([])
        for inline in inlines[k * len(inlines) // 4 : (k + 1) * len(inlines) // 4]:
            if budget <= 0:
                break
            text = " ".join(c.content for c in inline.children if c.type in ("text", "text_special")).strip()
            if text:
                out[-1].append(text[:budget])
                budget -= len(out[-1][-1])
    return out


def _second_opinion(docs, declared_codes: list[str], codes: tuple[str, ...], parallel: bool) -> None:
    """A document whose sample confidently contradicts its declared language is read again,
    each quarter apart: where the declared language holds half the quarters or more, the
    contradiction was one pasted paragraph that lingua is sure of (letters only Polish has,
    kana) against the rest of the document, and the declared language stands."""
    todo = [(doc, [_without_latin_names(" ".join(q)) for q in _quarters(doc)]) for doc in docs]
    texts = [t for _, quarters in todo for t in quarters if len(t) >= QUARTER_CHARS]
    answers = iter(detect(texts, codes, parallel, low_accuracy=True))
    for (doc, quarters), mine in zip(todo, declared_codes):
        votes = [next(answers)[0] for t in quarters if len(t) >= QUARTER_CHARS]
        if votes and votes.count(mine) * 2 >= len(votes):  # half the quarters or more: it stands
            doc.detected, doc.detected_confidence = mine, 1.0


LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’.-]*")
# A letter of a script other than Latin (one pass of `re`: the `regex` module's script
# properties cost 0.2 ms a sample)
NOT_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff]")


def _without_latin_names(sample: str) -> str:
    """The sample in its main script only. A text mostly in another script less its Latin
    words: the names and terms a Japanese or Russian article keeps in Latin letters count, for
    lingua, as many words against a few long runs of kana, and would make it English. A text
    two thirds in Latin letters less a paragraph in kana or Cyrillic: lingua is sure of a
    script that only one of its languages writes, and one pasted Japanese paragraph would make
    a French article Japanese."""
    if sample.isascii():
        return sample
    latin = sum(map(len, LATIN_RUN.findall(sample)))
    letters = sum(map(str.isalpha, sample))
    if latin * 2 < letters:
        return LATIN_RUN.sub(" ", sample)
    if latin * 3 < letters * 2:
        return sample  # no clear main script (the non-Latin articles of the corpora: Latin ≤ 0.5)
    return NOT_LATIN_LETTER.sub(" ", sample)


# Whether lingua's thread pool runs in this process: a forked copy would inherit it without
# its threads and wait on them for ever (discovery.py forks only before)
THREADS_STARTED = [False]


def detect(texts: list[str], codes: tuple[str, ...], parallel: bool = True,
           low_accuracy: bool = False) -> list[tuple[str | None, float]]:
    """(code, confidence) for each text; lingua's own threads when `parallel` (a worker
    process of the run detects on one thread: the run's processes already use every core).
    With one language there is nothing to choose: every document is in it."""
    if len(codes) == 1:
        return [(codes[0], 1.0 if t.strip() else 0.0) for t in texts]
    det = detector(codes, low_accuracy)
    if parallel:
        THREADS_STARTED[0] = True
        results = det.compute_language_confidence_values_in_parallel(texts)
    else:
        results = [det.compute_language_confidence_values(t) for t in texts]
    out = []
    for text, values in zip(texts, results):
        if not text.strip() or not values:
            out.append((None, 0.0))
        else:
            top = values[0]
            out.append((top.language.iso_code_639_1.name.lower(), float(top.value)))
    return out


def assign(docs, codes: tuple[str, ...], path_matches: dict | None = None, parallel: bool = True,
           profiles: Profiles | None = None) -> None:
    """Set language, its source and confidence on every readable document; keep what
    detection said in `detected` for the wrong-language rule."""
    readable = [d for d in docs if d.problem is None]
    texts = [plain_text(d) for d in readable]
    detected = detect(texts, codes, parallel, low_accuracy=True)
    doubtful = []
    for doc, text, (code, confidence) in zip(readable, texts, detected):
        doc.detected, doc.detected_confidence, doc.detected_chars = code, confidence, len(text)
        decl = declared(doc, profiles)
        path = from_path(doc.path, (path_matches or {}).get(doc.path), profiles)
        if (decl or path) and contradicted(doc, (decl or path).code):
            doubtful.append((doc, (decl or path).code))
        if decl:
            doc.language, doc.language_source, doc.language_confidence = decl.code, "front matter", 1.0
            doc.language_tag = decl.tag
        elif path:
            doc.language, doc.language_source, doc.language_confidence = path.code, "path", 1.0
            doc.language_tag = path.tag
        else:
            doc.language, doc.language_source, doc.language_confidence = code, "detected", confidence
    if doubtful:
        _second_opinion([d for d, _ in doubtful], [c for _, c in doubtful], codes, parallel)
