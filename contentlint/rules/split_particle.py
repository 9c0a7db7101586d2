import regex

from contentlint.language.detection import effective
from contentlint.base.findings import Fix, Severity
from contentlint.load import prose
from contentlint.rules.base import DocumentRule

BLANKS = "[ \u00a0]+"
# after the particle: the end of the word (a blank, a mark, a closing bracket)
WORD_END = r"(?=[\s.,!?;:)\]」』]|$)"
# a particle never follows these: the blank is no split; after `_` it is needed, as underscore
# emphasis closes only before a blank or a mark (`_불일치_ 를`)
NOT_BEFORE = set(".,!?;:([{「『\"'_")
# a URL written bare, as GitHub's autolink extension reads one (`www.` or a scheme, then no blank)
BARE_URL = regex.compile(r"(?:https?://|www\.)\S")


class SplitParticle(DocumentRule):
    """A particle split off from the word it belongs to (Korean `보고서 를`).

    ## What it does
    In a language whose profile in `rules/languages/` lists particles that are always written
    glued to the word before (`bound_particles`: Korean 를, 을, 는, 에서, 으로 …), finds one
    that stands after a blank, and removes the blank. Machine translation often splits them
    off after a link or a term it kept (`[안내서](/prospectus) 를`).

    ## Why it matters
    A particle alone reads as a typing slip, and some break a line away from their word.

    ## Example
    ```markdown
    납세자는 [스케줄 A](/schedulea) 를 완료해야 합니다.
    ```

    ## Use instead
    ```markdown
    납세자는 [스케줄 A](/schedulea)를 완료해야 합니다.
    ```
    """

    code = "CL209"
    name = "split-particle"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        profile = ctx.profiles.get(effective(doc))
        if profile is None or not profile.bound_particles:
            return
        pattern = _pattern(profile.bound_particles)
        for inline, m in prose.matches(doc, pattern):
            if m.start() == 0 or inline.masked[m.start() - 1] in NOT_BEFORE or inline.masked[m.start() - 1].isspace() \
                    or _after_bare_url(inline, m.start()) or inline.masked.endswith(m.group(2), 0, m.start()):
                continue  # `(ETF)는 는`: the particle doubled, repeated-word's defect (glued, `는는`, it would stay)
            start, end = prose.span(inline, m, 1)
            fix = Fix.replace(start, end, "", message="remove the space")
            yield self.finding(doc, start, end + len(m.group(2)),
                               f"particle '{m.group(2)}' split off from the word before it", fix)


def _after_bare_url(inline, at: int) -> bool:
    """Whether the blank at `at` follows a URL written bare (`http://localhost:8080/healthz 를`):
    glued, the particle would run into the link where bare URLs are made links (GitHub's
    autolinks extend to the next blank, `https://example.com/healthz를`)."""
    word = inline.masked[:at].rsplit(None, 1)[-1] if inline.masked[:at].strip() else ""
    return BARE_URL.match(word) is not None


_PATTERNS: dict = {}


def _pattern(particles: tuple[str, ...]) -> regex.Pattern:
    """Blanks (group 1), then one of the particles as a whole word (group 2); longest first."""
    if particles not in _PATTERNS:
        words = "|".join(regex.escape(p) for p in sorted(particles, key=len, reverse=True))
        _PATTERNS[particles] = regex.compile(rf"({BLANKS})({words}){WORD_END}")
    return _PATTERNS[particles]
