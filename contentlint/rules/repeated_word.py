import operator
import re
from collections import Counter
from functools import lru_cache

from contentlint.language.detection import effective
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule

from contentlint.load.views import MASK, WORD
from contentlint.language.repetition import (Nouns, affixes, bound_after, clause_has, construct_end, glued_particle, governed, grammar_after, letter_list, noun_then_word,
                                             opens_infinitive, phrase_after, qualifiers, two_phrases, word_after, word_before, word_lists)


class RepeatedWord(DocumentRule):
    """The same word twice in a row.

    ## What it does
    Finds a word repeated with only blanks between (`the the`, `og og`), ignoring case; a
    word written three times or more in a row is one finding that says how many.
    Numbers are left alone (`1 1`), and so are a capital letter or an abbreviation that
    names something before the same small word (Spanish `ronda A a cambio`, German `AM am`),
    a small word before the same word capitalized (a sentence or a name starts: `verdienen
    Verdienen Sie`), a rating code after the same small word (`a A+`), an initial after the same small word
    (Spanish `se unió a A. Peltz`), a noun before the verb or adjective spelt the same in a
    language that capitalizes its nouns (German `zu gleichen Teilen teilen`: profile
    `nouns_capitalized`), a pair quoted as a whole (`"unknown unknowns"`: a
    term), a noun before the participle spelt the same after a function word (Spanish `un
    impuesto impuesto por`: a tax imposed by; profile `participle_endings`), a verb that ends a
    subordinate clause opening the sentence before the main clause's same verb (Swedish `När
    räntorna sänks sänks …`; profile `clause_openers`), and a name before
    a longer name or term that starts with it when
    that stands elsewhere in the document too (German `gründete Icahn Icahn
    Enterprises`: Icahn founded Icahn Enterprises; `die Verbindlichkeiten Verbindlichkeiten aus
    Lieferungen … umfassen`: liabilities include trade payables, the verb last), and a pair
    after a word the profile's `repeat_ok_after` names for it (Polish `składki na nie nie są`:
    contributions to them are not; `nie` is `them` after a preposition), a particle written onto
    a closing bracket or markup before the same word standing alone, which `repeat_ok_glued`
    names (Korean `(REIT)이 이 범주`: REIT [subject], this category; `(ETF)는 는`, a particle
    only, and `**이 이 블로그`, after an opening mark, stay stutters), a pair with a case ending
    before a word that governs that case, as `repeat_ok_governed` says (Korean `수익과 수익과
    관련된 비용`: revenue and the costs related to revenue), a pair after a word
    `repeat_ok_in_clause` names for it earlier in its clause (German `mehr Geld verdient als als
    Lehrer`: earns more than as a teacher), a pair after a comma before a word `repeat_ok_phrase`
    names for it, the second starting a fixed phrase (Swedish `kostnaden, som som mest vore
    liten`: the cost, which at most would be small) or before a word `repeat_ok_bound` names and a
    number, the second opening a bound (`skjuta upp upp till 13 500`), a pair inside a sentence before a word
    `repeat_ok_question` names for it, the second opening a question (German `so wichtig wie wie
    viel`: as important as how much), a small letter ending a list of small letters before the
    same letter as a function word (Spanish `los ejes x e y y la intersección`), a pair after a
    verb `repeat_ok_infinitive` names for it, before an infinitive (Swedish `säger att att ha`:
    says that having), and a pair before a word
    the profile's `repeat_ok_before` lists, or two words it lists (Arabic `تشتري شركة شركة أخرى`: a
    company buys another company; `والمقاولين والمقاولين من الباطن`: contractors and subcontractors) or before a word sharing an affix of `repeat_ok_agreeing` with
    it, an adjective agreeing with the object (Arabic `تنشئ شركة شركة مستقلة`: a company creates an
    independent company; after a conjunction, a list's next item: `النقد والنقد المعادل`, cash and
    cash equivalents), or a definite pair after an indefinite noun where the profile's
    `repeat_ok_construct` gives the article (Arabic `إذا باع حامل السند السند`: if the bondholder
    sold the bond). The fix, which removes the second word, is unsafe:
    some repetitions are meant. Languages whose profile says `repetition: true` (Hindi,
    Malay: reduplication and phrases like `से पहले पहले`) are not checked.

    ## Why it matters
    A doubled word is the most common slip that spell checkers let through.

    ## Example
    ```markdown
    Dette er og og en test.
    ```

    ## Use instead
    ```markdown
    Dette er og en test.
    ```
    """

    code = "CL204"
    name = "repeated-word"
    severity = Severity.WARNING
    fixable = True
    options = {"allow": []}  # words that may repeat (`that that`, `Walla Walla`)

    def check(self, doc, ctx):
        profile = ctx.profiles.get(effective(doc))
        if profile is None or profile.repetition:
            return  # no profile to say which repetitions are grammar, or the language repeats by grammar
        allow = {w.casefold() for w in ctx.config.option(self, "allow")} | {w.casefold() for w in profile.repeat_ok}
        inside = frozenset(w.casefold() for w in profile.repeat_ok_inside)
        function = frozenset(w.casefold() for w in profile.function_words)
        names = _Names(doc.text, function)
        nouns = Nouns(doc.inlines) if profile.nouns_capitalized else None
        participle = _participle(profile)
        after, clause_words = word_lists(profile, "repeat_ok_after"), word_lists(profile, "repeat_ok_in_clause")
        phrases, questions = word_lists(profile, "repeat_ok_phrase"), word_lists(profile, "repeat_ok_question")
        bounds, articles = word_lists(profile, "repeat_ok_bound"), tuple(profile.repeat_ok_construct)
        infinitive = word_lists(profile, "repeat_ok_infinitive")
        glued, governing = frozenset(w.casefold() for w in profile.repeat_ok_glued), word_lists(profile, "repeat_ok_governed")
        qualifying, agreeing = qualifiers(profile), affixes(profile)
        for inline in doc.inlines:
            text, previous = inline.masked, None
            words = inline.words
            if not any(map(operator.eq, words, words[1:])):  # the common case, at C speed
                continue
            # Word by word, not one backreferencing pattern: linear on any input. A run of the
            # same word (`유언장에 유언장에 유언장에`) is one defect: one finding, its fix
            # removing every repetition.
            run = None  # (first word, last word, how many) of the run being read
            for m in WORD.finditer(text):
                word = m.group()
                if (previous is not None and word.casefold() == previous.group().casefold()
                        and not any(c.isdigit() for c in word) and word.strip("_")  # `_ _`: markup, not words
                        and word.casefold() not in allow
                        and not (word.casefold() in inside and not _starts_sentence(text, previous.start()))
                        and text[previous.end() : m.start()].isspace()
                        and not _compound_end(text, previous.start())
                        # a code, not a word: `a A+`, `а А-` (a rating after a preposition)
                        and text[m.end() : m.end() + 1] not in ("-", "+")
                        and not _cased_apart(previous.group(), word)
                        and not (nouns is not None and noun_then_word(previous.group(), word, text, previous.start(), m.end(), function, nouns))
                        and not _initial(word, text, m.end())
                        and not _quoted(text, previous.start(), m.end())
                        and not participle.after_noun(word, text, previous.start())
                        and not grammar_after(after.get(word.casefold()), text, previous.start())
                        and not glued_particle(glued, word, text, previous.start(), m.end())
                        and not governed(governing, word, text, m.end())
                        and not clause_has(clause_words.get(word.casefold()), text, previous.start())
                        and not phrase_after(phrases.get(word.casefold()), text, previous.start(), m.end())
                        and not bound_after(bounds.get(word.casefold()), text, previous.start(), m.end(), function)
                        and not construct_end(word, text, previous.start(), articles, function)
                        and not _question(questions.get(word.casefold()), text, previous.start(), m.end())
                        and not letter_list(word, text, previous.start(), function)
                        and not opens_infinitive(infinitive.get(word.casefold()), text, previous.start(), m.end(), profile, function)
                        and not two_phrases(word, text, previous.start(), m.end(), qualifying, agreeing, function)
                        and not _ends_clause(text, previous.start(), profile.clause_openers, function)
                        and not names.longer(word, text, m.end(), previous.start())):
                    run = (run[0], m, run[2] + 1) if run and run[1] is previous else (previous, m, 2)
                elif run:
                    yield self._run(doc, inline, *run)
                    run = None
                previous = m
            if run:
                yield self._run(doc, inline, *run)

    def _run(self, doc, inline, first, last, count: int):
        """The finding of a word written `count` times in a row, from `first` to `last`."""
        word, start, end = last.group(), inline.to_file(first.end()), inline.to_file(last.end())
        if count == 2:
            fix = Fix.replace(start, end, "", safe=False, message=f"remove the second '{word}'")
            return self.finding(doc, inline.to_file(first.start()), end, f"repeated word '{word}'", fix)
        fix = Fix.replace(start, end, "", safe=False, message=f"remove the {count - 1} repetitions of '{word}'")
        return self.finding(doc, inline.to_file(first.start()), end, f"repeated word '{word}' ({count} times)", fix)


def _question(words: frozenset | None, text: str, start: int, end: int) -> bool:
    """The pair's second word opens a question with the word after it (`repeat_ok_question`:
    German `so wichtig wie wie viel`), inside a sentence (`Wie wie viel kostet es?` is a slip)."""
    return bool(words) and word_after(text, end) in words and not _starts_sentence(text, start)


def _compound_end(text: str, at: int) -> bool:
    """The word at `at` is part of a compound or an inflected abbreviation: `10-के के`, `en
    en-til-en`, Danish `CFP'er er` (`CFP'er` is one word: the plural); so after a word cut at its
    hyphen where a link closed inside the compound (Norwegian `[enkle IRA-](/simple-ira) er er`:
    `IRA-er`, then the verb)."""
    before = text[max(0, at - 64):at]
    cut = before.rstrip(SPACES + MASK)  # the link's markup, masked: not a blank alone (`Vor- und und`)
    return before[-1:] in ("-", "'", "’") or (MASK in before[len(cut):] and cut[-1:] == "-" and cut[-2:-1].isalnum())


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens its block or follows a sentence's end, quotes and
    brackets that open before it aside (`„Es es ist gut“`)."""
    before = text[:at].rstrip().rstrip(OPENING + "(").rstrip()
    return not before or before[-1] in ".!?:;"


def _cased_apart(first: str, second: str) -> bool:
    """Case that says two words, not one twice: a label in capitals before the same word in
    small letters (`ronda A a cambio`: series A, then `a`; `AM am besten`: a name's
    abbreviation, then `am`), or a small word before its capitalized form, which starts a
    sentence whose full stop was lost or a name (German `… verdienen Verdienen Sie 40.001 $`:
    "earn. Earn $40,001"; that defect is the lost stop, not a doubled word). A word in title
    case before its small form (`The the`) is a slip; one in capitals (`THE the`) is taken for
    a label too."""
    return (first.isupper() and second.islower()) or (first.islower() and second[:1].isupper())


OPENING, CLOSING = "\"'“‘„‚«‹「『", "\"'”’“‘»›」』"
SPACES = " \u00a0\u202f"


def _quoted(text: str, start: int, end: int) -> bool:
    """The pair quoted as a whole (`"unknown unknowns"`, French `« inconnues inconnues »`):
    a term the text names, repeated on purpose. At most two spaces stand inside the quotes
    (the French ones), so only a few characters are read either side."""
    before, after = text[max(0, start - 3):start].rstrip(SPACES), text[end:end + 3].lstrip(SPACES)
    return before[-1:] != "" and before[-1] in OPENING and after[:1] != "" and after[0] in CLOSING


@lru_cache(maxsize=None)
def _participle(profile) -> "_Participle":
    """One a profile: its word sets are made once a run, not once a document."""
    return _Participle(profile)


class _Participle:
    """A noun, then the past participle spelt the same (Spanish `un impuesto impuesto por un
    país`: a tax imposed by a country; Italian `un prodotto prodotto`): grammar where a function
    word stands before the pair and the word ends as the profile's participles do. A stutter
    after a noun (`intereses devengados devengados`) is still one."""

    def __init__(self, profile) -> None:
        self.endings = tuple(e.casefold() for e in profile.participle_endings)
        self.function = {w.casefold() for w in profile.function_words} if self.endings else set()

    def after_noun(self, word: str, text: str, start: int) -> bool:
        folded = word.casefold()
        if not self.endings or not folded.endswith(self.endings) or folded in self.function:
            return False
        return word_before(text, start) in self.function


SENTENCE_END = re.compile(r"[.!?:;](?=\s)")


def _ends_clause(text: str, start: int, openers: tuple[str, ...], function: frozenset) -> bool:
    """The first of the pair ends a subordinate clause that opens its sentence, and the second
    is the main clause's verb (verb-second order, no comma: Swedish `I takt med att skulden ökar
    ökar räntekostnaderna`, as the debt grows, the interest costs grow): a word between the
    opener and the pair, and the word no function word (`Om du du vill` stays a slip). A
    sentence's first words are read: linear on any input."""
    if not openers:
        return False
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, start - 300), start)]
    sentence = text[ends[-1] if ends else max(0, start - 300):start]
    if not ends and start > 300 or "," in sentence:
        return False
    words, doubled = sentence.casefold().split(), WORD.match(text, start)
    if not words or doubled is None or doubled.group().casefold() in function:
        return False
    return any(words[:len(o)] == o and len(words) > len(o) for o in (x.casefold().split() for x in openers))


def _initial(word: str, text: str, end: int) -> bool:
    """A capital letter and a full stop: an initial (`se unió a A. Peltz`), not the small word."""
    return len(word) == 1 and word.isupper() and text[end : end + 1] == "."


class _Names:
    """A name, then a longer name or term that starts with it (`gründete Icahn Icahn
    Enterprises`: Icahn founded Icahn Enterprises; German, verb last in a clause: `während die
    Verbindlichkeiten Verbindlichkeiten aus Lieferungen … umfassen`, while liabilities include
    trade payables): the second word and the capitalized word after it, or the two words after
    it, stand together elsewhere in the document too. The document's runs of words after a
    capitalized one are counted once, when a doubled name first asks (counting a run in the
    whole text for each doubled word was quadratic: `A A A …` over a megabyte took minutes)."""

    def __init__(self, document: str, function: frozenset = frozenset()) -> None:
        self.document, self.runs, self.function = document, None, function

    def longer(self, word: str, text: str, end: int, first: int) -> bool:
        """`word` doubled, its first at `first`, its second ending at `end`."""
        if not word[:1].isupper():
            return False
        after = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if after is None:
            return False
        if self.runs is None:
            self.runs = _capitalized_runs(self.document)
        if after.group()[:1].isupper():
            return self.runs[(word, after.group())] >= 2
        # a noun's term, not a sentence's first word doubled (`The The company`) nor a function word
        before = text[:first].rstrip()
        if not before or before[-1] in ".!?:;" or word.casefold() in self.function:
            return False
        then = WORD.match(text, after.end() + 1) if text[after.end() : after.end() + 1] == " " else None
        return then is not None and self.runs[(word, after.group(), then.group())] >= 2


def _capitalized_runs(text: str) -> Counter:
    """How often each pair of capitalized words, and each capitalized word with the two words
    after it, stands in `text`, one space between."""
    runs, words = Counter(), list(WORD.finditer(text))
    for k, m in enumerate(words):
        if not m.group()[:1].isupper() or k + 1 == len(words) or text[m.end():words[k + 1].start()] != " ":
            continue
        second = words[k + 1]
        if second.group()[:1].isupper():
            runs[(m.group(), second.group())] += 1
        elif k + 2 < len(words) and text[second.end():words[k + 2].start()] == " ":
            runs[(m.group(), second.group(), words[k + 2].group())] += 1
    return runs
