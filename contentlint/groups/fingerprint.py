"""Language-independent evidence that two articles are the same text in two languages.

Link targets, numbers, Latin acronyms and parenthesised names survive translation; the
outline's shape mostly does; titles do between languages that keep names. Scores are
weighted by rarity (IDF), so `/insurance`, shared by a whole family of articles, says little
and `/personal-insurance-lines` says much.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

import math
import re
from dataclasses import dataclass

from contentlint.language import names
from contentlint.load.intended import IntendedList, IntendedParagraph

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # any script's decimal digits
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9&]{1,7}(?![A-Za-z])")
KEYWORDS = 0.2  # weight of the front matter's keywords shared, beside the rest's 1.0
KEYWORDS_LEAST = 3  # keywords each side lists, fewer being a site's categories
KEYWORDS_WITH = 0.15  # the least score of the rest of the evidence for keywords to count
PAREN = re.compile(r"[(（]([^()（）]{2,40})[)）]")


@dataclass(eq=False)
class Fingerprint:
    links: tuple[str, ...]  # relative targets in order
    numbers: frozenset[str]
    acronyms: frozenset[str]
    title: str
    outline: tuple[tuple[int, int], ...]  # per section: (paragraphs, list items)
    keywords: str
    prepared: dict | None = None  # the Scorer's per-article sets and weights

    def features(self):
        """Keys for blocking: what a translation almost surely shares with its source."""
        yield from (("l", t) for t in set(self.links))
        yield from (("a", a) for a in self.acronyms)
        yield from (("n", n) for n in self.numbers if len(n) >= 2)
        yield from (("k", k) for k in self.keyword_set())

    def keyword_set(self) -> frozenset[str]:
        """The front matter's `keywords`, one by one: a site that keeps them in one language for
        every translation (investorswiki's `2015 Closing Costs,Head of Household`) says so."""
        return frozenset(k.strip() for k in self.keywords.split(",") if k.strip())


def _number(token: str) -> str:
    digits = "".join(str(int(c)) if c.isdigit() else c for c in token)
    return digits.replace(",", "").replace(".", "")


# Hugo's `{{< ref "/docs/a" >}}` and `{{< relref "a" >}}` in a link's target: the page it names
SITE_REF = re.compile(r"""\{\{[<%]\s*(?:rel)?ref\s+"([^"]*)"\s*[>%]\}\}""")


_SITE: tuple[str, ...] = ()  # the site's own absolute URLs, lower-cased, without a trailing `/`


def serve(base_urls) -> None:
    """Set the run's `base_url`s: a link to `https://site.example/ko/docs/x` is then the site
    path `/docs/x`. Set once per run, before workers fork."""
    global _SITE
    site = tuple(sorted({u.strip().lower().rstrip("/") for u in base_urls if u.strip()}, key=len, reverse=True))
    if site != _SITE:
        _SITE = site
        target_key.cache_clear()


@lru_cache(maxsize=4096)
def target_key(target: str) -> str | None:
    """A relative link target as a comparable key; absolute URLs may be localised. The same
    page in another language's tree is the same key: a leading language segment is dropped
    (`/ko/docs/x` = `/docs/x`, MDN's `/fr/docs/…` = `/en-US/docs/…`), and a site's `ref`
    shortcode stands for the page it names."""
    t = unquote(target).strip()
    m = SITE_REF.fullmatch(t)
    t = (m.group(1) if m else t).lower()
    for site in _SITE:
        if t == site or t.startswith((site + "/", site + "#", site + "?")):
            t = t[len(site):] or "/"
            break
    if not t or "://" in t or t.startswith(("mailto:", "#")):
        return None
    t = t.rstrip("/").split("#")[0] or "/"
    first, _, rest = t[1:].partition("/") if t.startswith("/") else ("", "", "")
    if rest and names.resolve(first) is not None:
        t = "/" + rest
    return t


def fingerprint(doc) -> Fingerprint:
    text = "\n".join(i.content for i in doc.inlines)
    links = tuple(k for k in (target_key(link.target) for link in doc.links) if k)
    numbers = frozenset(_number(m.group()) for m in NUMBER.finditer(text))
    acronyms = set(ACRONYM.findall(text))
    acronyms.update(p.strip() for p in PAREN.findall(text) if p.strip().isupper())
    outline = []
    for section in doc.intended.sections:
        paragraphs = sum(isinstance(b, IntendedParagraph) for b in section.blocks)
        items = sum(len(b.items) for b in section.blocks if isinstance(b, IntendedList))
        outline.append((paragraphs, items))
    meta = doc.meta
    keywords = meta.get("keywords")
    keywords = ",".join(keywords) if isinstance(keywords, list) else str(keywords or "")
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    return Fingerprint(links, numbers, frozenset(acronyms), title.casefold().strip(), tuple(outline),
                       keywords.casefold().strip())


class Scorer:
    """Pair scores in [0, 1] with IDF weights over the whole corpus; per-article sets and
    weights are prepared once, so a pair costs a few set intersections."""

    def __init__(self, prints: list[Fingerprint]) -> None:
        n = max(len(prints), 1)
        df: dict = {}
        for fp in prints:
            for f in set(fp.features()):
                df[f] = df.get(f, 0) + 1
        self.idf = {f: math.log(1 + n / c) for f, c in df.items()}
        for fp in prints:
            fp.prepared = self._prepare(fp)

    def _prepare(self, fp: Fingerprint) -> dict:
        sets = {"l": set(fp.links), "n": set(fp.numbers), "a": set(fp.acronyms), "k": set(fp.keyword_set())}
        weights = {k: {x: self.idf.get((k, x), 1.0) for x in v} for k, v in sets.items()}
        return {
            "sets": sets,
            "weights": weights,
            "totals": {k: math.fsum(w.values()) for k, w in weights.items()},
            "words": _slug_words(fp.links),
            "title": {fp.title[i : i + 3] for i in range(max(len(fp.title) - 2, 1))} if fp.title else set(),
        }

    @staticmethod
    def _weighted_jaccard(kind: str, a: dict, b: dict) -> tuple[float, list]:
        shared = a["sets"][kind] & b["sets"][kind]
        w = a["weights"][kind]
        same = math.fsum(w[x] for x in shared)  # exact: a set's order (the hash seed's) changes nothing
        union = a["totals"][kind] + b["totals"][kind] - same
        return (same / union if union else 0.0), sorted(shared, key=lambda x: (-w[x], x))

    def score(self, a: Fingerprint, b: Fingerprint) -> tuple[float, dict]:
        pa, pb = a.prepared, b.prepared
        links, shared_links = self._weighted_jaccard("l", pa, pb)
        # targets rewritten with synonyms (`/valued-marine-arrangement` for `-policy`) keep words
        words = _jaccard(pa["words"], pb["words"])
        numbers, shared_numbers = self._weighted_jaccard("n", pa, pb)
        acronyms, shared_acronyms = self._weighted_jaccard("a", pa, pb)
        outline = _positional(a.outline, b.outline)
        title = _jaccard(pa["title"], pb["title"])
        value = 0.3 * links + 0.15 * words + 0.2 * numbers + 0.15 * acronyms + 0.15 * outline + 0.05 * title
        # keywords kept alike add to other evidence, never stand for it: a site's categories
        # (`Retirement,Taxes`) are shared by articles that are not one; translated or absent ones
        # take nothing away
        if value >= KEYWORDS_WITH and min(len(pa["sets"]["k"]), len(pb["sets"]["k"])) >= KEYWORDS_LEAST:
            value += KEYWORDS * self._weighted_jaccard("k", pa, pb)[0]
        evidence = {
            "links": shared_links[:5],
            "numbers": shared_numbers[:5],
            "acronyms": shared_acronyms[:5],
            "outline": round(outline, 2),
            "title": round(title, 2),
        }
        return value, evidence


def _positional(a: tuple, b: tuple) -> float:
    """Share of sections with the same shape at the same place."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / max(len(a), len(b))


def _slug_words(links) -> set[str]:
    return {w for t in links for w in re.split(r"[-_/]+", t) if len(w) > 2}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
