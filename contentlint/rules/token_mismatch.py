import re
import unicodedata

from contentlint.language.detection import effective
from contentlint.base.findings import Severity
from contentlint.load.views import WORD
from contentlint.parity.blame import Claim, message, settle
from contentlint.parity.alignment import number_format
from contentlint.parity.kit import agreeing, matched_with_neighbours, related, split_place
from contentlint.parity.segments import SHORTCODES, units_of
from contentlint.parity.han import han_values
from contentlint.parity.letter_names import by_any_names, by_names, in_latin
from contentlint.parity.spelt import worded
from contentlint.parity.acronyms import own_acronym, renamed, said, spoken
from contentlint.language.cldr_words import and_word
from contentlint.parity.tokens import (contains, disguised, folded, inflected, look_alike, mixed_words, range_apart, respelt, spaced,
                                      tokens, versions_of, written)
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
    as missing, unless the aligned block is too short to be that passage (a few words paired
    with a long paragraph: the alignment slipped) or the token stands, in any form below, in a
    block beside it that no source block pairs with (a source paragraph whose lines the
    translation made two paragraphs of: `OPEP+` in the second). A version stands in any of its forms
    (`v1.20+`, "1.20 or later", as `v1.20 이상` or `la version 1.20`). An acronym may be
    translated (`NATO`, `OTAN`): only its disguised forms are; so may the acronym of a name
    with a number or sign, where the translation translates the acronym alone (`UE8`, `ЕС8`,
    `OPEP+` for `EU8`, `OPEC+`), or keep it with a hyphen (`EU-8-Bürger`). An acronym in
    look-alike letters that the translation writes far more often than the source writes the
    token is the language's own (Russian `ЕС`, the EU, where the source has `EC`), and so is
    one it spells out in its own words, never writing the source's letters, as the source
    spells out its own (`ММ` beside `маркет-мейкер`, for `MM` beside `market maker`). A product
    of two numbers (`100x500`, written `100 x 500` or `100 × 500`) is no token: number-mismatch
    compares its numbers.
    An acronym read as a word (`COVID-19`: four letters or more, two of them vowels, no three
    consonants or vowels in a row) may be spelled by its sound in another script (`كوفيد-19`);
    a code read letter by letter may not, unless the language's profile lists it as its own
    beside a word of its sense (`own_tokens`: Russian `М2` beside `денежной массы`, the money
    supply, as the Bank of Russia writes it). A language whose profile says it writes Latin
    abbreviations by their letters' names (`letter_names`: Hindi `एसईसी` for SEC) may write a
    code so (`10-के`), unless the article also writes that code in Latin letters.
    Not missing: a code with an ending of the language glued on (Malay `10-Qnya`), and an
    abbreviation the source language's profile lists as `spelled_out`, which translations
    write in words (`Q1`: `primer trimestre`). A `\u00bd` left in the source is an escape,
    not a code. Style is no defect: a slash spaced on both sides (`A- / A3`), a sign in its
    full-width form (`S＆P`); a space on one side of a sign is (`A+ /A1`, `AA +`). A token
    most translations lack, or carry only in another script, is reported once, on the source
    (`blame = "consensus"`): `1970Source`, a year glued to the next word.

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
        claims = []
        for p in group.pairings:
            source = ctx.profiles.get(p.ref.language)
            spelled = frozenset(source.spelled_out) if source else frozenset()
            target = ctx.profiles.get(effective(p.doc))
            formats = (number_format(p.ref, ctx.profiles), number_format(p.doc, ctx.profiles))
            for r, t, _, t_near in matched_with_neighbours(p):
                mixed, named = mixed_words(t.text), set()
                if not (mixed or tokens(r.text)) or SHORTCODES.fullmatch(r.text.strip()):
                    continue  # most pairs: nothing to compare; site markup is not text
                if mixed:
                    yield from self._mixed(p, r, t, mixed, named)
                claims += [Claim(p, r, token, got, f)
                           for token, got, f in self._tokens(p, r, t, named, spelled, target, t_near, formats)]
            yield from self._unaligned(p, target)
        yield from settle(claims, group, ctx.config.blame, self._on_source)

    def _on_source(self, c: Claim, n: int):
        r = c.element
        at = r.text.find(c.want)
        start, end = r.block.file_span(at, at + len(c.want)) if at >= 0 else (r.block.start, r.block.end)
        return self.finding(c.pairing.ref, start, end, message("token", c.want, c.got, n, quote="'"),
                            related=agreeing(c, n))

    def _mixed(self, p, r, t, mixed: list[str], named: set):
        """Words of the source written partly in look-alike letters (`СFРs`, `SWIFТ`), added to
        `named`, so a token is not reported again for them."""
        for word in mixed:
            latin = folded(word)
            if contains(r.text, latin) and word not in named:
                named.add(word)
                at = t.text.find(word)
                start, end = t.block.file_span(at, at + len(word))
                yield self.finding(p.doc, start, end, f"'{word}' is the source's '{latin}' written partly "
                                   f"in {_script(word)}: write it as the source does",
                                   related=related(p, r.block.line))

    def _tokens(self, p, r, t, named, spelled: frozenset = frozenset(), target=None, near=(), formats=None):
        found_in = None
        common = frozenset(w.casefold() for w in target.function_words) if target else frozenset()
        for token in tokens(r.text):
            found_in = found_in or t.text.casefold()  # once a block, and only where the source has tokens
            # a pair's slash may be spaced on both sides, a style (`A- / A3`)
            paired = "/" in token and contains(found_in, token.casefold().replace("/", " / "))
            if paired or contains(found_in, token.casefold()):
                # `3d-utskrivning`, `Covid-19`: the same token, in the language's case; but a copy
                # in look-alike letters beside it is still wrong (`ＺＲＸ 是… ZRX 所有者`)
                found = look_alike(token, t.text)
                if found is None:
                    continue
            else:
                if look_alike(token, t.text) is None and renamed(token, t.text, p.ref.text, p.doc.text, common):
                    continue  # a name the language writes its own way (`UE8`, `OPEP+`)
                found = disguised(token, t.text, named, common, lambda f: by_names(f, token, target), lambda f: by_any_names(f, target)) \
                    or spaced(token, t.text) or respelt(token, t.text)
                if found is not None and GROUP.fullmatch(token) and found == token.replace("-", ""):
                    continue  # `G7` for `G-7`: the group's name is written both ways (the hyphen is an older style)
                if found is None and versions_of(token, t.text):
                    continue  # the version, written the language's way (`v1.20 이상` for `v1.20+`)
            if found is not None:
                if _by_letter_names(found, token, p.doc, target):
                    named.add(found)  # the language's spelling of this token: no other token's
                    continue
                if found in named or own_acronym(found, token, p.ref.text, p.doc.text) \
                        or own_token(found, t.text, target) \
                        or (spoken(token) and not found.isascii() and look_alike(token, t.text) is None):
                    continue  # the translation's own: its acronym, its listed code, a name spelled by sound (`كوفيد-19`)
                named.add(found)
                at = t.text.find(found)
                start, end = t.block.file_span(at, at + len(found))
                how = f"written in {_script(found)}" if not found.isascii() else _respelling(token, found)
                # in another script, the token is gone as much as a missing one (`1970 المصدر` for the
                # source's `1970Source`): translations that lack it agree; a respelling agrees with its like
                got = None if not found.isascii() else found
                yield token, got, self.finding(p.doc, start, end, f"'{found}' is the source's '{token}' {how}: "
                                               "write it as the source does", related=related(p, r.block.line))
            elif _code(token) and token not in spelled and not inflected(token, t.text) and not _in_words(token, r, t, formats) \
                    and not said(token, t.text) and not range_apart(token, t.text, and_word(effective(p.doc))) \
                    and _fewer(p, token) and same_passage(r.text, t.text) and not _beside(token, r, near, p, common, target):
                # where the translation made paragraphs of the source's one, the token's place in
                # the source says which of them lost it (`COVID … 19 महामारी`): the first place
                # whose paragraph does not write it
                places = [split_place(p, r, [t, *near], m.start())[0] for m in re.finditer(re.escape(token), r.text)]
                where = next((u for u in places if not contains(u.text.casefold(), token.casefold())), places[0] if places else t)
                start, end = where.block.file_span(0, len(where.text.rstrip()))
                yield token, None, self.finding(p.doc, start, end, f"'{token}' of the source is missing",
                                                related=related(p, r.block.line))

    def _unaligned(self, p, target=None):
        """A block alignment found no source for (a section out of place) still must not hold a
        source token in look-alike letters: `ВТС` for the article's `BTC`."""
        loose = [t for pairs in p.units.values() for r, t in pairs if r is None and t is not None]
        loose += [u for r, t in p.sections if r is None and t is not None for u in units_of(t)]
        if not loose:
            return
        source = dict.fromkeys(token for r, _ in p.sections if r is not None for u in units_of(r)
                               for token in tokens(u.text))
        for t in loose:
            for token in source:
                found = look_alike(token, t.text)
                if found is not None and not own_acronym(found, token, p.ref.text, p.doc.text) \
                        and not own_token(found, t.text, target):
                    at = t.text.find(found)
                    start, end = t.block.file_span(at, at + len(found))
                    yield self.finding(p.doc, start, end, f"'{found}' is the source's '{token}' written in "
                                       f"{_script(found)}: write it as the source does")


def own_token(found: str, text: str, profile) -> bool:
    """`found` is a code the language writes in its own letters (the profile's `own_tokens`),
    with a word of its sense in the block (Russian `М2` beside `денежной массы`)."""
    stems = profile.own_tokens.get(found) if profile is not None else None
    return bool(stems) and any(w.startswith(tuple(stems)) for w in WORD.findall(text.casefold()))


def _by_letter_names(found: str, token: str, doc, profile) -> bool:
    """`found` spells `token` by its letters' names (parity/letter_names.py: Hindi `10-के` for
    10-K) and the article never writes the token in Latin letters: the language's way."""
    return by_names(found, token, profile) and not in_latin(token, doc)


def _beside(token: str, r, near, p, common: frozenset, target=None) -> bool:
    """The token as often in the units beside the pair that no source unit pairs with as in the
    source's unit, in any form the translation may write it (`OPEP+`, `OPEP +`, by its letters'
    names as in the pair itself: `डब्ल्यू-2`): the translation made two paragraphs of the
    source's one (its lines had no blank line between), and the token is in the other."""
    def other_letters(text: str) -> bool:
        return disguised(token, text, set(), common, lambda f: by_names(f, token, target),
                         lambda f: by_any_names(f, target)) is not None

    have = sum(written(token, u.text) or any((renamed(token, u.text, p.ref.text, p.doc.text, common),
                                              other_letters(u.text), spaced(token, u.text),
                                              respelt(token, u.text))) for u in near)
    return have >= max(1, r.text.count(token))


def _fewer(p, token: str) -> bool:
    """Whether the translation writes the token fewer times than the source (a version in any
    of its forms): where it has them all, one is elsewhere, not missing."""
    count = versions_of(token, p.doc.text)
    if count is None:  # a copy with spaces beside its signs is there (`COVID- 19`), if not where the alignment looked
        return written(token, p.doc.text) < p.ref.text.count(token)
    return count < versions_of(token, p.ref.text)


GROUP = re.compile(r"G-?([0-9]+)")  # `G20`, `G-7`: the Group of Twenty, of Seven — a group named by its count


def _in_words(token: str, r, t, formats) -> bool:
    """A group named by its count (`G20`, `G-7`) that the translation names in words, as many
    languages do: the count's word in the language's profile's `number_words` (`مجموعة
    العشرين`, `Группа двадцати`: the Group of Twenty), in Han numerals (`七国集团`), or in digits
    (`주요 20개국`, the twenty major countries). Only the groups (`K-1`, `W-2`, `F-35` are codes,
    and a `35` elsewhere is no `F-35`), and not where the source has that number besides, in
    digits or words (`after 20 years`, `ten years`): the translation's may be that one. Counts
    below ten in other words (`مجموعة السبع`, `Большой семёрки`) are not read: a stem of a
    count's word is in too many words (`settore`, `septembre`)."""
    m = GROUP.fullmatch(token)
    if not m or formats is None:
        return False
    count, (r_fmt, t_fmt) = m.group(1), formats
    besides = r.numbers[count] > r.text.count(token) or count in worded(r.text, r_fmt)  # the token's own digits read too
    if besides:
        return False
    return count in worded(t.text, t_fmt) or count in t.numbers or count in han_values(t.text)


def _respelling(token: str, found: str) -> str:
    return "without its hyphen" if "-" in token and "-" not in found and " " not in found else "with a space in it"


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


SHORTEST = 0.15  # a translation under this share of its source block's length is another passage


def same_passage(source: str, translation: str) -> bool:
    """Whether an aligned pair can be one passage in two languages: a translation is rarely
    under a third of its source's length (Chinese of English), and a few words standing for a
    long paragraph (`Source : investisseur.gov` paired with a paragraph of 280 characters, where
    a table the translation replaced threw the alignment off) say the alignment slipped; what
    is missing there is not missing from that block."""
    return len(translation.strip()) >= SHORTEST * len(source.strip())
