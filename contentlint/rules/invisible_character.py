import re
import unicodedata

from contentlint.base.findings import Fix, Severity
from contentlint.load import prose
from contentlint.rules.base import DocumentRule

# Characters that show nothing: zero-width space, word joiner, byte-order mark, soft hyphen,
# the bidi embeddings and isolates, and zero-width (non-)joiners.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200c\u200d]+")  # a run: one finding
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
JOINERS = set("\u200c\u200d")
ENDS = ".!?。！？।॥؟۔:;,"
NAMES = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark",
         "\u00ad": "soft hyphen", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner"}


class InvisibleCharacter(DocumentRule):
    """An invisible character inside prose: a zero-width space, a soft hyphen, a bidi control.

    ## What it does
    Finds characters that show nothing but change the text: U+200B (zero-width space), U+2060
    (word joiner), U+FEFF anywhere but the start of the file, U+00AD (soft hyphen), the bidi
    embeddings, overrides and isolates (U+202A–202E, U+2066–2069), and the zero-width
    (non-)joiners U+200C/U+200D between Latin letters or digits (Persian, Devanagari and emoji
    need them). A zero-width space between letters of a script written without spaces (Thai,
    Khmer, Lao, Myanmar, Chinese, Japanese) marks a word boundary there and is left alone. The
    fix removes the character, or puts a space where it stood between a sentence's end and the
    next word; a bidi control's removal is an unsafe fix (right-to-left text may want it).

    ## Why it matters
    Invisible characters break search, spell checking and copy-paste (`Moody's` with a
    zero-width space is not found), join sentences without a visible space, and a bidi
    override can reorder what the reader sees.

    ## Example
    ```markdown
    The fund pays interest.​It matures in 2030.
    ```

    ## Use instead
    ```markdown
    The fund pays interest. It matures in 2030.
    ```
    """

    code = "CL207"
    name = "invisible-character"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc, ctx):
        for inline, m in prose.matches(doc, INVISIBLE, tuple(NAMES) + tuple(BIDI)):
            text, run = inline.masked, m.group()
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            kinds = set(run)
            if kinds == {"\u200b"} and (_unspaced(before) or _unspaced(after)):
                continue  # a word boundary in Thai, Khmer or Japanese
            if kinds <= JOINERS and not (_latin(before) and _latin(after)):
                continue  # the script needs it (Persian, Devanagari conjuncts, emoji)
            start, end = prose.span(inline, m)
            if start == 0 and run == "\ufeff":
                continue  # a byte-order mark at the start of the file is the loader's
            names = ", ".join(f"{NAMES.get(c) or unicodedata.name(c, 'bidi control').lower()} (U+{ord(c):04X})"
                              for c in dict.fromkeys(run))
            between = before in ENDS and after.isalnum()  # `interest.<U+200B>It`: it stood for a space
            fix = Fix.replace(start, end, " " if between else "", safe=not kinds & BIDI,
                              message="replace it with a space" if between else "remove it")
            count = f"{len(run)} invisible characters" if len(run) > 1 else "invisible character"
            yield self.finding(doc, start, end, f"{count} in the text: {names}", fix)


def _unspaced(c: str) -> bool:
    """A letter of a script written without spaces between words."""
    if not c:
        return False
    o = ord(c)
    return (0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF
            or 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF)


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()
