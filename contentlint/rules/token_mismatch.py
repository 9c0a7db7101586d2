import unicodedata

from contentlint.base.findings import Severity
from contentlint.parity.kit import matched_units, related
from contentlint.parity.segments import SHORTCODES
from contentlint.parity.tokens import contains, disguised, spaced, tokens
from contentlint.rules.base import GroupRule


class TokenMismatch(GroupRule):
    """A code, rating or identifier of the source is missing from the aligned block, or written in other letters.

    ## What it does
    Reads the tokens no translation changes in each aligned heading, paragraph and list
    item of the source: codes and identifiers with letters and digits (`Aa2`, `12b-1`,
    `v1.35`, `HTTP/2`, `3D`), ratings (`A+`, `BBB-`, `A+/A1`) and acronyms (`CPCU`, `S&P`).
    Each must stand unchanged in the translation's block. A token written with look-alike
    letters of another script (Cyrillic `Аа2`, `ВВВ`, Greek, full-width `ＡＡ２`) or
    transliterated (`एए2`, `أأ 2`) is reported with the form found; a code or rating that is
    missing (and the translation has it fewer times than the source overall) is reported
    as missing. An acronym may be translated (`NATO`, `OTAN`): only its disguised forms are.

    ## Why it matters
    A rating or code in other letters looks right and is wrong: it cannot be searched,
    copied or matched, and `Аа2` is not Moody's rating.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    Moody's rates the [bond](/bond) Aa2.
    <!-- file: ru.md -->
    # API
    Moody's присваивает [облигации](/bond) рейтинг Аа2.
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    Moody's rates the [bond](/bond) Aa2.
    <!-- file: ru.md -->
    # API
    Moody's присваивает [облигации](/bond) рейтинг Aa2.
    ```
    """

    code = "CL510"
    name = "token-mismatch"
    severity = Severity.WARNING

    def check(self, group, ctx):
        for p in group.pairings:
            for r, t in matched_units(p):
                if SHORTCODES.fullmatch(r.text.strip()):
                    continue  # site markup (`{{% sign-language-section rbyBgXqCN2k %}}`), not text
                for token in tokens(r.text):
                    if contains(t.text.casefold(), token.casefold()):
                        continue  # `3d-utskrivning`, `Covid-19`: the same token, in the language's case
                    found = disguised(token, t.text) or spaced(token, t.text)
                    if found is not None:
                        at = t.text.find(found)
                        start, end = t.block.file_span(at, at + len(found))
                        how = f"written in {_script(found)}" if not found.isascii() else "with a space in it"
                        yield self.finding(p.doc, start, end, f"'{found}' is the source's '{token}' {how}: "
                                           "write it as the source does",
                                           related=related(p, r.block.line))
                    elif _code(token) and p.doc.text.count(token) < p.ref.text.count(token):
                        start, end = t.block.file_span(0, len(t.text.rstrip()))
                        yield self.finding(p.doc, start, end, f"'{token}' of the source is missing",
                                           related=related(p, r.block.line))


def _code(token: str) -> bool:
    """A code or rating (digits, or a sign) must be there; an acronym may be translated."""
    return any(c.isdigit() for c in token) or token[-1] in "+-"


def _script(text: str) -> str:
    for c in text:
        if not c.isascii():
            name = unicodedata.name(c, "")
            if name.startswith("FULLWIDTH"):
                return "full-width forms"
            if c.isalpha() and name:
                return f"{name.split()[0].title()} letters"
    return "other letters"
