"""Names and terms a translation keeps in the source's words: a title-case run or a
hyphenated compound it writes in more places than the one judged is its own choice (a name,
a term of the trade), not text left untranslated (segments.py); so are a line of figures' units
and acronyms (`460 ppi`, `OLED`)."""

from __future__ import annotations

import re

from contentlint.load.views import WORD

# In running text, capitalised words in a row are a name (`Federal Reserve Act`, `in New York City`),
# and so is the title of a work, its small words of four letters at most (`An Inquiry into the Nature …`);
# in a heading they are English title case and say nothing.
TITLED = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:[a-z]{1,4}|&)\s+){0,3}){1,12}[A-Z][\w'’-]*")

COMPOUND = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)+")
INFLECTED = 3  # places besides this one a term is written in, inflected, to be the translation's
ANY_COMPOUND = re.compile(r"(?<![\w-])[\w'’]+(?:-[\w'’]+)+")


def less_compounds(text: str, mine: str) -> str:
    """A run in running text less the hyphenated compounds the translation writes outside it
    too: its terms (`at-the-money`, `out-of-the-money`), whose words are no sentence's."""
    folded = text.casefold()
    return ANY_COMPOUND.sub(lambda m: " " if written(m.group(), mine) > written(m.group(), folded) else m.group(), text)


def written(word: str, text: str) -> int:
    """How often `text` (casefolded) has `word` as a word of its own, not inside another nor
    a link's target (`/at-the-money`)."""
    word = word.casefold()
    if word not in text:
        return 0  # most words: one scan at C speed, no pattern
    return len(re.findall(rf"(?<![\w/#-]){re.escape(word)}(?![\w-])", text))


# capitalised words in a row, with no connector between them
CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def kept_names(run: str, mine: str, theirs: frozenset, variants: bool = False) -> str:
    """A heading's title-case run less the names the translation writes elsewhere too. The
    run may join such a name to the heading's own words through a short word (`Hva er SEC
    Release IA-1092`, `SEC Release IA-1092 og Investment Advisers Act`): then each of its
    capitalised pieces is a name if the translation writes it elsewhere. `variants`: written
    inflected or as a hyphenated compound counts too (_elsewhere, _places)."""
    if _elsewhere(run, mine, variants):
        return " "
    return CAPITALISED.sub(lambda m: _kept_piece(m.group(), mine, theirs, variants), run)


def _elsewhere(run: str, mine: str, variants: bool = False) -> bool:
    """The translation writes `run` in more places than this one, or throughout with its last
    word's ending changed (`Long Straddles` where it writes `Long Straddle` seven times: an
    inflection of its term; once or twice is a label that kept the source's words)."""
    folded = run.casefold()
    if not variants:
        return mine.count(folded) > 1
    last = folded.rpartition(" ")[2]
    return _places(folded, mine) > 1 or " " in folded and len(last) >= 6 and mine.count(folded[:-2]) > INFLECTED


def _places(folded: str, mine: str) -> int:
    """How often the translation writes a run, its words spaced or joined by hyphens as a
    compound (German `Long-Put-Butterfly-Spread` for the heading's `Long Put Butterfly Spread`)."""
    joined = folded.replace(" ", "-")  # as a word, not a link's target (`/nash-equilibrium`)
    return mine.count(folded) + (written(joined, mine) if joined != folded else 0)


def _kept_piece(piece: str, mine: str, theirs: frozenset, variants: bool = False) -> str:
    """A capitalised piece less the name the translation writes elsewhere too: the whole, or
    all but a first word of the translation's, not the source's (`Forstå Dodd-Frank Wall
    Street Reform`: Understanding, then the Act's name; not `Understanding Associate`)."""
    if (_places(piece.casefold(), mine) if variants else mine.count(piece.casefold())) > 1:
        return " "
    first, _, rest = piece.partition(" ")
    if rest and first.casefold() not in theirs and " " in rest and mine.count(rest.casefold()) > 1:
        return first + " "
    name, _, last = piece.rpartition(" ")  # or the name, then a last word of the translation's (`Freddie Mac Nedir`)
    if name and last.casefold() not in theirs and " " in name and mine.count(name.casefold()) > 1:
        return " " + last
    return piece


def untitled(text: str, a: int, b: int) -> str:
    """`text[a:b]` (a run of running text), or nothing where the run lies inside a work's title
    that goes on after it: the run ended where the translation's words part from the source's
    (`Essay on the Influence of a Low Price of Corn on the` of `… on the Profit of Stock`, the
    source's `Profits`), and its small words are the title's, not prose; or where the run is the
    end of a title set in quotes or emphasis that began before it (`"An Enquiry into the Nature
    and Progress of Rent"`, the source's `An Inquiry`: the run starts at `into`). A capitalized
    stretch the run goes past (`When you buy a Treasury bond from the Fed directly`) is no such
    title, nor one a capitalized word before the run starts (`Vorsitzende said that the Fed`)."""
    for m in TITLED.finditer(text, max(0, a - 200), min(len(text), b + 200)):
        if (m.start() <= a and m.end() > b) or (m.start() < a and m.end() == b and _set_off(text, m.start(), b)):
            return ""
    return text[a:b]


OPENING, CLOSING = "\"“„«‘'*_", "\"”“»’'*_"  # quotes and emphasis marks that set a title off


def _set_off(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands between an opening and a closing quote or emphasis mark."""
    return start > 0 and text[start - 1] in OPENING and text[end:end + 1] in CLOSING and text[end:end + 1] != ""


# a number's unit symbol, of four letters at most (`460 ppi`, `17,0 cm`, `6,7 inch`; not `30 minutes`)
UNIT_AFTER = re.compile(r"[0-9][0-9.,]*[ \u00a0\u202f]?[^\W\d_]{1,4}(?![^\W\d_])")


def worded(text: str) -> int:
    """The words of a block that are neither acronyms nor a number's unit: the ones a language
    translates. A line of figures keeps its units and acronyms in every language (Vietnamese
    `OLED 6,7 inch (17,0 cm), 2.796 × 1.290 pixel, 460 ppi`: none)."""
    return sum(1 for w in WORD.findall(UNIT_AFTER.sub(" ", text)) if not w.isupper() and not w.isdigit())


GLOSS_AFTER = re.compile(r"\s*[(（]")
TERM_WORDS = 6
PROSE_WORDS = 2  # function words of the source that make a run in running text prose, not a term
KEPT_BY = 2  # other translations that keep a term for it to be the languages' usage


def name_like(text: str, after: str, others: list[str]) -> bool:
    """A name or a term the languages keep: brackets follow it (its acronym, or its
    translation as a gloss: `cloud native computing (calcolo nativo su cloud)`), or other
    translations of the group have it too (`The Institutes`, `cloud native`, a title
    `Advance/Decline Ratio (ADR)`). Two others, where there are two: two languages close
    enough to share a machine translation word for word (Danish and Norwegian `Net Worth og
    AB Trusts`) are one coincidence, not a usage."""
    folded = text.casefold()
    if GLOSS_AFTER.match(after):
        return True
    # a term is a few words; a sentence other translations left untranslated too is still one
    if len(folded.split()) > TERM_WORDS or not others:
        return False
    return sum(folded in other for other in others) >= min(KEPT_BY, len(others))


def copied(words: list[str], raw: str, others: list[str], prose: frozenset) -> bool:
    """Whether a block the translation copied from the source word for word (the caller
    compares their `words`) is a sentence, not a name: it opens with two function words of the
    source's language that the translation's does not share, as a question or a clause does
    (`What Is a Chartered Life Underwriter (CLU)?`, `How it helps`) and a name or a title does
    not (`The Wealth of Nations`: an article at most), and none of the group's other
    translations (two at least) has it as written (`raw`, its Markdown: links and all), though
    title case and an acronym make it read as a name. The languages then judge it whole."""
    if len(words) < 2 or words[0] not in prose or words[1] not in prose or len(others) < KEPT_BY:
        return False
    written = " ".join(raw.split()).casefold()
    return not any(written in " ".join(other.split()) for other in others)


def prose_count(text: str, prose: frozenset) -> int:
    return sum(w in prose for w in WORD.findall(text.casefold()))
