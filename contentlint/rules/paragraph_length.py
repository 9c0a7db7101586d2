"""CL513 paragraph-length: a paragraph out of proportion to the source's."""

from __future__ import annotations

import math
import re
import statistics

from contentlint.base.findings import Severity
from contentlint.parity.blame import Claim, settle
from contentlint.parity.kit import agreeing, related, untranslated
from contentlint.rules.base import GroupRule


NOT_ALNUM = re.compile(r"[\W_]+")  # `\w` is str.isalnum() and `_`: what is left is letters and digits


def letters(text: str) -> int:
    """Letters and digits of `text`: one substitution in C, not a loop over characters."""
    return len(NOT_ALNUM.sub("", text))


SIGN_CHARS = "$€£¥₹₩₽₺₪"  # currency signs a language may write as a word
FIGURES, SIGNS = re.compile(f"[0-9{SIGN_CHARS}]"), re.compile(f"[{SIGN_CHARS}]")


def figures(text: str, size: int) -> float:
    """The share of `text`'s `size` letters and digits that are digits or currency signs."""
    return len(FIGURES.findall(text)) / size if size else 0.0


def allowed(share: float, longer: bool, usual: float, source: str, translation: str) -> float:
    """How much longer than the usual ratio a paragraph dense with sums may be: by its share of
    digits and signs where its translation writes signs as words (`$75,000` as `75,000美元`,
    `1000 долларов США`) or where the language is the shorter (digits, alike in every language,
    weigh more in Chinese than in English); nothing for a shorter paragraph, nor where the signs
    stay (`75.000 $`): added or lost sentences there are told."""
    if not (longer and share) or (usual >= 0 and len(SIGNS.findall(translation)) >= len(SIGNS.findall(source))):
        return 0.0
    return share


# a term in brackets: `（Maria Lindqvist）`, `(Northwind Logistics)`
BRACKETED = re.compile(r"[(（]([^()（）]{2,80})[)）]")


def glossed(text: str, source: str) -> int:
    """Letters of `text`'s bracketed copies of the source's words, which the source has without
    brackets: a name or term glossed after its transliteration or translation, not added text."""
    if "(" not in text and "（" not in text:
        return 0
    return sum(letters(m.group(1)) for m in BRACKETED.finditer(text)
               if m.group(1).strip() in source and f"({m.group(1).strip()})" not in source)


class ParagraphLength(GroupRule):
    """A paragraph much longer or shorter than the source's, in proportion to the article's other paragraphs.

    ## What it does
    Measures each aligned paragraph against the source's: the ratio of their letters.
    Languages differ in length (German runs longer than English, Japanese far shorter), so
    the ratio is calibrated on the article pair itself: its median over the article's
    paragraphs is the language pair's usual ratio, and their median absolute deviation
    how much it usually varies. A paragraph whose ratio lies farther from the median than
    `spread` deviations (and at least `least` in log ratio; for a longer paragraph whose
    translation writes currency signs as words, or of a language shorter than the source's, more
    by the share of digits and signs in the source's paragraph; either side at least
    `min_letters` letters) was likely extended, truncated or rewritten on one
    side. A bracketed copy of the source's words (a glossed name) is not counted. An info: a
    measure, not a proof.
    Sections whose paragraphs do not pair one to one are paragraph-mismatch's.

    ## Why it matters
    A source paragraph extended after translation leaves the new sentences unread in
    every other language; a truncated translation drops them. Counts of links and numbers
    do not change when plain sentences are added or lost.

    ## Example
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    Kubernetes restarts a container when its liveness probe fails, and reports the failure in the Pod's events.

    You need a cluster, and kubectl must be configured to talk to it. If you have no cluster yet, you can create a local one with minikube or kind on your own workstation, in a few minutes. Check that you have the rights to create pods.

    A probe runs in the kubelet at a fixed period, which you set in the Pod's manifest.

    <!-- file: fr.md -->
    ---
    translation_key: probes
    ---
    # Sondes

    Kubernetes redémarre un conteneur quand sa sonde d'activité échoue, et signale l'échec dans les événements du Pod.

    Il vous faut un cluster, et kubectl doit être configuré pour lui parler.

    Une sonde s'exécute dans le kubelet à une période fixe, que vous définissez dans le manifeste du Pod.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    ---
    translation_key: probes
    ---
    # Probes

    Kubernetes restarts a container when its liveness probe fails, and reports the failure in the Pod's events.

    You need a cluster, and kubectl must be configured to talk to it.

    A probe runs in the kubelet at a fixed period, which you set in the Pod's manifest.

    <!-- file: fr.md -->
    ---
    translation_key: probes
    ---
    # Sondes

    Kubernetes redémarre un conteneur quand sa sonde d'activité échoue, et signale l'échec dans les événements du Pod.

    Il vous faut un cluster, et kubectl doit être configuré pour lui parler.

    Une sonde s'exécute dans le kubelet à une période fixe, que vous définissez dans le manifeste du Pod.
    ```
    """

    code = "CL513"
    name = "paragraph-length"
    severity = Severity.INFO  # a measure, not a proof: an editor compares the two paragraphs
    options = {"spread": 2.5, "least": 0.45, "min_letters": 60}

    def check(self, group, ctx):
        spread, least = ctx.config.option(self, "spread"), ctx.config.option(self, "least")
        shortest = ctx.config.option(self, "min_letters")
        claims, known = [], {}

        def _size(unit) -> tuple[int, float]:  # the source's paragraphs are measured once, not once a translation
            if id(unit) not in known:
                size = letters(unit.text)
                known[id(unit)] = (size, figures(unit.text, size))
            return known[id(unit)]

        for p in group.pairings:
            pairs = []
            for units in p.units.values():
                paragraphs = [(r, t) for r, t in units if (r or t) is not None and (r or t).kind == "paragraph"]
                if all(r is not None and t is not None for r, t in paragraphs):  # one to one only
                    pairs += paragraphs
            # a paragraph with text left in another language is untranslated-segment's: one defect, one finding
            foreign = {id(span[0]) for span, _, _ in untranslated(p)}
            sized = [(r, t, *_size(r), letters(t.text) - glossed(t.text, r.text)) for r, t in pairs if id(t) not in foreign]
            sized = [(r, t, a, share, b) for r, t, a, share, b in sized if a and b]
            if len(sized) < 3:  # too few paragraphs to know the pair's usual ratio
                continue
            logs = [math.log(b / a) for _, _, a, _, b in sized]
            middle = statistics.median(logs)
            deviation = statistics.median(abs(x - middle) for x in logs)
            bound = max(spread * deviation, least)
            for (r, t, a, share, b), x in zip(sized, logs):
                if abs(x - middle) <= bound + allowed(share, x > middle, middle, r.text, t.text) or max(a, b) < shortest:
                    continue
                side = "shorter" if x < middle else "longer"
                factor = math.exp(x - middle)
                msg = (f"paragraph is {side} than the source's in proportion ({factor:.1f}× the article's usual "
                       "ratio): extended, truncated or rewritten on one side")
                claims.append(Claim(p, r, "length", side, self.finding(p.doc, t.block.start, t.block.end, msg,
                                                                     related=related(p, r.block.line))))

        def on_source(c: Claim, n: int):
            r = c.element
            return self.finding(c.pairing.ref, r.block.start, r.block.end,
                                f"paragraph is {'longer' if c.got == 'shorter' else 'shorter'} in proportion than "
                                f"{n} translations agree on: extended or rewritten after translation",
                                related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)
