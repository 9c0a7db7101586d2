"""Build benchmark corpora from ../shared/corpus: flat hashed names (like the seeds), and
larger sets of renamed copies whose links, numbers and titles vary per copy."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "investorswiki"
MORE = ROOT.parent / "shared" / "corpus" / "investorswiki-more"
LANGS = {"English": "en", "Norwegian": "nb", "Malay": "ms", "Swedish": "sv", "Finnish": "fi",
         "Arabic": "ar", "Hindi": "hi", "Japanese": "ja"}
# the same slugs in 11 more languages; the source's folder `Dutch/` holds Danish text
LANGS_MORE = {"Chinese": "zh", "Dutch": "da", "French": "fr", "German": "de", "Italian": "it", "Korean": "ko",
              "Polish": "pl", "Portuguese": "pt", "Russian": "ru", "Spanish": "es", "Turkish": "tr"}
LINK = re.compile(r"\]\((/[^)\s]+)\)")
NUMBER = re.compile(r"(?<![\d.,])([0-9]{2,})(?![\d.,])")
TITLE = re.compile(r"^title: (.*)$", re.M)


def articles(source: Path = SHARED, langs: dict | None = None):
    """(language code, slug, text) of every article of the sample."""
    for folder, code in (langs or LANGS).items():
        for path in sorted((source / folder).glob("*.md")):
            yield code, path.stem, path.read_text(encoding="utf-8")


def all_articles():
    """The 19-language corpus: the sample and its 11 more languages."""
    yield from articles()
    yield from articles(MORE, LANGS_MORE)


def _h(*parts) -> str:
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:16]


def vary(text: str, copy: int) -> str:
    """Copy `copy` of an article: half its link targets renamed, numbers shifted, title marked.
    The same change in every language, so translations of one copy still agree."""
    if copy == 0:
        return text

    def link(m):
        target = m.group(1)
        return f"]({target}-v{copy})" if int(_h(target, copy), 16) % 2 else m.group(0)

    text = LINK.sub(link, text)
    text = NUMBER.sub(lambda m: str(int(m.group(1)) + copy), text)
    return TITLE.sub(lambda m: f"title: {m.group(1)} {copy}", text, count=1)


DEFECTS = (
    (re.compile(r"^## (?=\S)", re.M), "##"),  # heading-missing-space
    (re.compile(r"(\]\(/[^)\s]+\))\.", re.M), r"\1,."),  # stray-punctuation after a link
    (re.compile(r"^- ", re.M), "– "),  # dash-bullet
    (re.compile(r"(\w)\. ", re.M), r"\1 . "),  # space-before-punctuation
)


def inject(text: str, n: int) -> str:
    """A defect of the kinds machine translation leaves in one copy in ten (deterministic)."""
    if int(_h("defect", n), 16) % 10:
        return text
    pattern, replacement = DEFECTS[n % len(DEFECTS)]
    return pattern.sub(replacement, text, count=1)


def build(target: Path, size: int | None = None, flat: bool = True,
          defects: bool = False, languages: int = 8) -> dict[str, tuple[str, str]]:
    """Write a corpus; returns path -> (true group, true language). `defects`: inject a few.
    `languages`: 8 (the sample) or 19 (with investorswiki-more)."""
    target.mkdir(parents=True, exist_ok=True)
    base = list(articles() if languages == 8 else all_articles())
    truth = {}
    count = size or len(base)
    for n in range(count):
        lang, slug, text = base[n % len(base)]
        copy = n // len(base)
        group = f"{slug}@{copy}"
        if flat:
            path = target / f"{n:06d}_{_h(group, lang)}.md"
        else:
            folder = target / [k for k, v in {**LANGS, **LANGS_MORE}.items() if v == lang][0]
            folder.mkdir(exist_ok=True)
            path = folder / f"{slug}-{copy}.md" if copy else folder / f"{slug}.md"
        text = vary(text, copy)
        path.write_text(inject(text, n) if defects and copy else text, encoding="utf-8")
        truth[str(path)] = (group, lang)
    return truth


def build_articles(target: Path, count: int) -> int:
    """`count` articles, each an English source and one translation (the sample's other seven
    languages in turn): the shape of a large site whose articles are translated into some
    languages. Returns the number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    by_lang: dict[str, dict[str, str]] = {}
    for lang, slug, text in articles():
        by_lang.setdefault(lang, {})[slug] = text
    slugs = sorted(by_lang["en"])
    others = [lang for lang in LANGS.values() if lang != "en"]
    folder_of = {code: name for name, code in LANGS.items()}
    written = 0
    for n in range(count):
        slug, copy = slugs[n % len(slugs)], n // len(slugs)
        translations = [lang for lang in others[n % len(others):] + others if slug in by_lang[lang]][:1]
        for lang in ["en", *translations]:
            folder = target / folder_of[lang]
            folder.mkdir(exist_ok=True)
            text = vary(by_lang[lang][slug], copy)
            (folder / f"{slug}-{copy}.md").write_text(inject(text, n) if lang != "en" else text, encoding="utf-8")
            written += 1
    return written
