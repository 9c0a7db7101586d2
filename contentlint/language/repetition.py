"""Repetition a language's grammar makes, as its profile says (rules/languages): the words
around a doubled word that make two phrases of it, not a stutter."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from contentlint.load.views import MASK, WORD


WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]+\Z")  # the word before a doubled one


def word_before(text: str, start: int) -> str:
    """The word before the pair starting at `start`, folded ("" if none)."""
    found = WORD_BEFORE.search(text, max(0, start - 40), start)  # a word's length: linear on any input
    return found.group(1).casefold() if found else ""


BLANKS_AFTER = re.compile(r"\s+")


def word_after(text: str, end: int) -> str:
    """The word after the pair ending at `end`, folded ("" if none)."""
    blanks = BLANKS_AFTER.match(text, end)
    found = WORD.match(text, blanks.end()) if blanks else None
    return found.group().casefold() if found else ""


def governed(endings: dict, word: str, text: str, end: int) -> bool:
    """The pair's word ends with a case ending `endings` names (`-과`), and the word after the
    pair is one it lists, which governs that case (`repeat_ok_governed`: Korean `수익과 수익과
    관련된 비용`, revenue and the costs related to revenue: a list's item, then the complement of
    `관련된`). A pair of any other ending there is a stutter (`시장에서 시장에서 같은`)."""
    if not endings:
        return False
    folded, after = word.casefold(), None
    for ending, words in endings.items():
        if len(ending) > 1 and ending[0] == "-" and folded.endswith(ending[1:]) and len(folded) > len(ending) - 1:
            after = word_after(text, end) if after is None else after
            if after in words:
                return True
    return False


def grammar_after(before: frozenset | None, text: str, start: int) -> bool:
    """The word before the pair starting at `start` is one after which the pair is grammar
    (Polish `na nie nie są`: to them are not)."""
    return bool(before) and word_before(text, start) in before


CLOSERS = ")]}」』”’》〉"  # marks that close what stands before them


def glued_particle(words: frozenset, word: str, text: str, start: int, end: int) -> bool:
    """The pair's first is a particle written onto a closing bracket or quote, or onto markup that
    closes after text (a link, `**bold**`), the second the same word standing alone before
    another word (`repeat_ok_glued`: Korean `(REIT)이 이 범주`, REIT [subject] this category). After
    an opening mark (`**이 이 블로그`, `“이 이 회사`, `[이 이 범주](…)`) the pair is a stutter, and so
    is a particle that is never a word of its own doubled (`는`), or the pair at a sentence's end."""
    if word.casefold() not in words or start == 0:
        return False
    mark = text[start - 1]
    if mark not in CLOSERS:
        if mark not in (MASK, "*", "_"):
            return False
        opened = len(text[:start].rstrip(mark))  # the markup closes after text, not before it
        if opened == 0 or text[opened - 1].isspace():
            return False
    return word_after(text, end) != ""


def two_phrases(word: str, text: str, start: int, end: int, qualifiers: frozenset, agreeing, function: frozenset) -> bool:
    """The pair from `start` to `end` ends the subject and starts the object, a verb first: the
    word after it qualifies the second (`repeat_ok_before`: `شركة شركة أخرى`), or agrees with it
    (`repeat_ok_agreeing`: `شركة شركة مستقلة`) where no function word precedes the pair (`في
    الأسواق الأسواق الناشئة`, in the markets the markets: a stutter). A function word doubled
    is a stutter whatever follows (`إلى إلى أخرى`)."""
    if not (qualifiers or agreeing[0] or agreeing[1]) or word.casefold() in function:
        return False
    after = word_after(text, end)
    if after in qualifiers and after != word.casefold():
        return True
    # a qualifier of two words makes a list's next item (`والمقاولين والمقاولين من الباطن`): the
    # second after its conjunction and agreeing prefix (`و` + `ال`; not `وسطاء`, whose `و` is its
    # root's), the pair after no function word
    lead, prefixes = agreeing[2], agreeing[0]
    if any(word.casefold().startswith(c + p) for c in lead for p in prefixes) and word_before(text, start) not in function \
            and _phrase_after(text, end, qualifiers):
        return True
    return agrees(word, after, agreeing) and word_before(text, start) not in function


def _phrase_after(text: str, end: int, qualifiers: frozenset) -> bool:
    """A qualifier of two words right after the pair (Arabic `من الباطن`, sub-)."""
    words = WORD.findall(text, end, end + 60)[:2]
    return len(words) == 2 and " ".join(words).casefold() in qualifiers


@lru_cache(maxsize=None)
def affixes(profile) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The profile's `repeat_ok_agreeing`: (prefixes, suffixes), and the `proclitics` that may
    stand before such a prefix and are words of their own, the profile's function words: a
    conjunction (Arabic `و` in `والنقد`, and the cash; not the preposition `ب` of `بالبنك`)."""
    found = profile.repeat_ok_agreeing
    prefixes = tuple(a[:-1] for a in found if a.endswith("-"))
    own = {w.casefold() for w in profile.function_words}
    lead = tuple(p for p in profile.proclitics if p in own and p not in prefixes and not p.endswith(prefixes)) if prefixes else ()
    return prefixes, tuple(a[1:] for a in found if a.startswith("-")), tuple(sorted(lead, key=len, reverse=True))


def agrees(word: str, after: str, affixes: tuple[tuple[str, ...], ...]) -> bool:
    """`after`, another word, shares an affix with the doubled `word` and has each prefix just
    when it does: an adjective agreeing with the second, the object (Arabic `شركة شركة مستقلة`:
    a company [creates] an independent company), or, the pair joined by a conjunction, the
    second item of a list (`النقد والنقد المعادل`: cash and cash equivalents); a word of the
    other definiteness makes a genitive of the pair (`قيمة قيمة الشركة`: a stutter)."""
    prefixes, suffixes, lead = affixes
    word = word.casefold()
    # the conjunction before the agreeing prefix is the pair's, not the word's
    word = next((word[len(p):] for p in lead if word.startswith(p) and word[len(p):].startswith(prefixes)), word)
    if after == word or any(word.startswith(a) != after.startswith(a) for a in prefixes):
        return False
    return any(word.startswith(a) and len(after) > len(a) for a in prefixes) \
        or any(word.endswith(a) and after.endswith(a) and len(after) > len(a) for a in suffixes)


CLAUSE_END = re.compile(r"[.!?:;,](?=\s)")


@lru_cache(maxsize=None)
def word_lists(profile, key: str) -> dict[str, frozenset]:
    """A profile's mapping of words to words, folded, once a run (`repeat_ok_after`: word ->
    the words right after which its pair is grammar; `repeat_ok_in_clause`: … earlier in its
    clause)."""
    return {w.casefold(): frozenset(x.casefold() for x in before) for w, before in getattr(profile, key).items()}


@lru_cache(maxsize=None)
def qualifiers(profile) -> frozenset:
    """The profile's `repeat_ok_before`, folded."""
    return frozenset(w.casefold() for w in profile.repeat_ok_before)


def clause_has(words: frozenset | None, text: str, start: int) -> bool:
    """One of `words` stands before `start` in its clause (since the last comma or sentence
    end; the 200 characters before at most: linear on any input). German `mehr Geld verdient
    als als Lehrer`: earns more than as a teacher."""
    if not words:
        return False
    ends = [m.end() for m in CLAUSE_END.finditer(text, max(0, start - 200), start)]
    clause = text[ends[-1] if ends else max(0, start - 200):start]
    return any(m.group().casefold() in words for m in WORD.finditer(clause))


def opens_infinitive(before: frozenset | None, text: str, start: int, end: int, profile, function: frozenset) -> bool:
    """The pair after one of `before` (a verb or phrase that takes a that-clause; one ending in
    a comma, `är,`, only with that comma), before a verb in small letters with one of the
    profile's `infinitive_endings`, none of its `noun_endings`, that is neither a function word
    nor one of its `not_infinitives`: the first word opens the clause, the second marks the
    infinitive that is its subject
    (`repeat_ok_infinitive`; Swedish `säger att att ha specialister`, says that having
    specialists; Danish `er, at at forlade EU`). After anything else (`för att att minska`,
    `vigtigt at at spare`), or before a noun or pronoun (`säger att att företaget`, `kunderna`,
    `vi`), the pair is a stutter."""
    if not before:
        return False
    after = word_after(text, end)
    if not after.endswith(tuple(profile.infinitive_endings)) or after.endswith(tuple(profile.noun_endings)) \
            or after in function or after in profile.not_infinitives or not text[end:].lstrip()[:1].islower():
        return False
    lead = text[max(0, start - 40):start].rstrip(" \u00a0").casefold()
    bare = lead.rstrip(",").rstrip(" \u00a0")
    return any(_ends(lead if phrase.endswith(",") else bare, phrase) for phrase in before)


def phrase_after(words: frozenset | None, text: str, start: int, end: int) -> bool:
    """The pair's second word starts a fixed phrase with the word after it (`repeat_ok_phrase`),
    the first opening a clause after its comma (Swedish `kostnaden, som som mest vore liten`:
    the cost, which at most would be small); after anything else the pair is a stutter."""
    return bool(words) and word_after(text, end) in words and text[:start].rstrip().endswith(",")


# a number after the bound's word: digits, maybe after a sign or markup (`$5`, `**10**`, `US$5`)
NUMBER_AFTER = re.compile(r"\s+[^\s0-9]{0,3}[0-9]")


def bound_after(words: frozenset | None, text: str, start: int, end: int, function: frozenset) -> bool:
    """The pair's second word opens a bound with the word after it, before a number
    (`repeat_ok_bound`: Swedish `skjuta upp upp till 13 500`), the first ending a particle verb:
    a word before it that is no function word. Elsewhere the pair is a stutter (`upp upp till
    toppen`, `comes with up up to 5 GB`). Known limit: a bound in words (`up to five`) is told."""
    if not words or word_after(text, end) not in words or word_before(text, start) in function | {""}:
        return False
    after = WORD.match(text, BLANKS_AFTER.match(text, end).end())
    return bool(NUMBER_AFTER.match(text, after.end()))


def construct_end(word: str, text: str, start: int, articles: tuple, function: frozenset) -> bool:
    """A pair with the bare article (`repeat_ok_construct`: the article, then its forms after a
    proclitic) after an indefinite noun that is no function word: the first ends the subject, a
    construct (`حامل السند`, the holder of the bond), the second is the verb's object (`إذا باع
    حامل السند السند`, if the bondholder sold the bond). After a definite word (`الدخل الإجمالي
    المعدل المعدل`) or a function word (`في الأسواق الأسواق`), indefinite (`قروض قروض`) or after a
    preposition's proclitic (`أودعها بالبنك بالبنك`: no object), the pair is a stutter."""
    if not articles or not word.startswith(articles[0]):
        return False
    before = word_before(text, start)
    return bool(before) and before not in function and not before.startswith(articles)


def letter_list(word: str, text: str, start: int, function: frozenset) -> bool:
    """The pair's first word is a letter that ends a list of letters, the second a small
    function word of the language, the next word (Spanish `los ejes x e y y la intersección`:
    the x and y axes, and the intersection): a Latin letter, a function word (the conjunction)
    before it, and before that another Latin letter of the same case that is no function word
    and no unit after a number. Not a doubled word after a conjunction that is a letter too
    (Portuguese `o projeto e ajudar a a contribuir`), nor after a name's capital (`vitamina D y a
    a menudo`), nor after a unit (Czech `5 m a v v roce`), nor a letter no function word (`x and
    y y axes`, `a, b e c c`): stutters."""
    if len(word) != 1 or not ("a" <= word <= "z") or word not in function:
        return False
    found = list(WORD.finditer(text, max(0, start - 40), start))[-2:]
    if len(found) != 2:
        return False
    letter, joint = (m.group() for m in found)
    unit = text[max(0, found[0].start() - 3):found[0].start()].strip(" \u00a0")[-1:].isdigit()
    return len(letter) == 1 and "a" <= letter.casefold() <= "z" and letter.islower() and letter != word \
        and letter not in function and joint.casefold() in function and not unit


def _ends(lead: str, phrase: str) -> bool:
    """Whether `lead` ends with the whole words of `phrase`."""
    return lead.endswith(phrase) and not lead[-len(phrase) - 1:-len(phrase)].isalnum()


def noun_then_word(first: str, second: str, text: str, start: int, end: int, function: frozenset,
                   nouns: "Nouns") -> bool:
    """In a language that capitalizes every noun (profile `nouns_capitalized`), a capitalized
    word before its small form is a noun, then a verb or an adjective (German `zu gleichen
    Teilen teilen`: to share in equal parts; `das Leben leben`). Inside a sentence, where a
    word in small letters or a comma stands right before it. After a stop, a colon, a bold
    lead-in, a quote, a bracket, a link or a line's start the capital may be the sentence's
    (`**Hinweis:** Investieren investieren Sie`), and the pair a slip, unless the document
    writes both elsewhere, the capital inside a sentence (a noun) and the small form (a verb or
    an adjective), and no function word follows the pair: the noun as subject, its verb, then
    the rest (`Unternehmen unternehmen große Anstrengungen` where `ein Unternehmen unternehmen
    kann` stands too; not `Aktien aktien schwanken`, nor `Teilen teilen sie ihn nie`, a verb
    opening a sentence and its pronoun). Never a function word's capital (`Ihre ihre`, the
    polite pronoun)."""
    if not (first[:1].isupper() and not first.isupper() and second.islower()) or second in function:
        return False
    before = text[max(0, start - 40):start]
    stripped = before.rstrip(" \u00a0")
    if len(stripped) < len(before) and "\n" not in before[len(stripped):] and stripped[-1:] != "" \
            and (stripped[-1].islower() or stripped[-1] == ","):
        return True  # inside a sentence
    after = word_after(text, end)
    return after != "" and after not in function and nouns.elsewhere(first, second)


class Nouns:
    """What a document's prose says of a word's case: the capitalized words it writes inside its
    sentences (after a word in small letters, not their own small form, or a comma and one
    space), in a language that capitalizes every noun its nouns; and how often it writes each
    word in small letters, not counting a small form right after its capital at a sentence's
    start (another pair, maybe a stutter: `Aktien aktien fallen`). `inlines`: the document's,
    whose texts have code and link targets blanked (`tags: [aktien]`, `(/de/aktien)` are none).
    Read in one pass, when a pair first asks."""

    def __init__(self, inlines: list) -> None:
        self.inlines, self.words, self.small = inlines, None, None

    def elsewhere(self, noun: str, small: str) -> bool:
        """`noun` written as a noun inside a sentence, and `small` in small letters elsewhere (the
        asking pair, at a sentence's start, is not counted)."""
        if self.words is None:
            self._read()
        return noun in self.words and self.small[small] >= 1

    def _read(self) -> None:
        prose = "\n".join(inline.masked for inline in self.inlines)
        self.words, self.small, previous, inside = set(), Counter(), None, False
        for m in WORD.finditer(prose):
            w, was_inside = m.group(), inside
            gap = prose[previous.end():m.start()] if previous is not None else ""
            # after a comma, or a word in small letters, and one space: inside a sentence
            inside = gap in (", ", ",\u00a0") or gap in (" ", "\u00a0") and previous.group()[-1:].islower()
            if w.islower():
                paired = previous is not None and previous.group() != w and previous.group().lower() == w
                if not paired or was_inside:
                    self.small[w] += 1
            # not after its own small form: a pair is no evidence (`sie Sie`)
            elif inside and w[:1].isupper() and not w.isupper() and previous.group() != w.lower():
                self.words.add(w)
            previous = m
