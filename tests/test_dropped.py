"""dropped.py: when a translation that lacks or adds a small number is told of it."""

from types import SimpleNamespace

import pytest

from contentlint.language.profiles import for_run
from contentlint.parity.alignment import number_format
from contentlint.parity.dropped import Judge, _counted, _cut, _ends, _sentences, small


def unit(text: str):
    return SimpleNamespace(text=text)


def judge(ratio_pairs=(), source="en", target="de", openers=()):
    p = SimpleNamespace(ref=SimpleNamespace(language=source), doc=SimpleNamespace(language=target))
    matched = [(unit(a), unit(b)) for a, b in ratio_pairs]
    return Judge(p, matched, fmt(source), fmt(target), openers)


def fmt(code: str):
    """The number format of language `code`, its profile over CLDR's."""
    return number_format(SimpleNamespace(language=code, detected=None, detected_confidence=0.0), for_run())


SOURCE = unit("Fees rose 56% last year at most banks. The bank said so in March.")
KEPT = unit("Die Gebühren stiegen bei den meisten Banken. Die Bank sagte es im März.")


@pytest.mark.parametrize("text, lost", [
    (KEPT.text, False),  # words kept
    ("Die Bank sagte es im März.", True),  # a sentence dropped, and short
    ("Die Gebühren stiegen bei den meisten Banken im letzten Jahr deutlich und die Bank sagte es.", True),  # fewer sentences
    (", bei den meisten Banken im letzten Jahr. Die Bank sagte es im März, wie immer.", True),  # opens mid-sentence
    ("bei den meisten Banken im letzten Jahr gestiegen. Die Bank sagte es im März.", True),  # small letter for a capital
    ("Die Gebühren stiegen am 3. Oktober bei den meisten Banken, sagte die Bank z. B. im März.", True),  # ordinal, abbreviation
])
def test_words_lost(text, lost):
    assert judge().words_lost(SOURCE, [unit(text)]) is lost


def test_a_pairing_that_writes_shorter_is_judged_by_its_own_ratio():
    cjk = unit("手数料は昨年、ほとんどの銀行で上昇した。銀行は3月にそう述べた。")
    pairs = [(SOURCE.text, cjk.text)] * 3
    assert not judge(pairs, target="ja").words_lost(SOURCE, [cjk])
    assert judge(pairs, target="ja").words_lost(SOURCE, [unit("銀行は3月にそう述べた。手数料は上昇した。")])
    assert not judge(pairs[:2], target="ja").words_lost(SOURCE, [unit("銀行は3月にそう述べた。手数料は上昇した。")])  # too few for a ratio


def test_link_targets_blanked_alike_do_not_hide_a_short_unit():
    blanks = " " * 40
    source = unit(f"The firm merged with [AIA]({blanks}) to form APCIA, which covers almost 60 percent of insurers.")
    short = unit(f"그 회사는 [AIA]({blanks})와 합병했다.")
    assert judge([(source.text, short.text.replace("합병했다", "합병하여 APCIA를 구성했으며 보험사의 거의 60퍼센트를 포괄한다"))] * 3,
                 target="ko").words_lost(source, [short])


@pytest.mark.parametrize("text, count", [
    ("One. Two.", 2), ("The U.S. economy grew 1.5 percent. Then it fell", 2), ("日本。東京！", 2), ("क। ख।", 2),
    ("am 3. Oktober stieg es. Dann fiel es.", 2), ("z. B. Aktien sind gut.", 1), ("Mr. Smith came. He left.", 2),
    ("彼は「上がった。」と言った。", 1), ("„Ja.“ Dann ging er.", 2), ("In 2020. The end.", 2), ("یہ ہے۔ وہ ہے۔", 2), ("", 0),
])
def test_sentences(text, count):
    assert _sentences(text, fmt("de")) == count


@pytest.mark.parametrize("source, text, openers, cut", [
    ("In effect, a 83(b) election", "은 다음 해에 자기자본", ("은",), True),
    ("In effect", "은행은 돈을 빌린다", ("은",), False),  # a word that opens with the particle's letter
    ("In the two purposes", "は、絶対的または", ("は",), True),
    ("That said", "とはいえ、上記の表", ("と",), False),
    ("**Fees** rose", "**die** Gebühren", (), True),  # markup before the first letter
    ("Fees rose", "، الرسوم", (), True),  # the Arabic comma
    ("fees rose", ", die Gebühren", (), False),  # the source opens with no capital
])
def test_cut(source, text, openers, cut):
    assert _cut(source, text, openers) is cut


@pytest.mark.parametrize("value, expected", [("24", True), ("56%", True), ("-5", True), ("99", True), ("100", True),
                                             ("100%", True), ("101", False), ("2020", False), ("4.95", False), ("12 5", False)])
def test_small(value, expected):
    assert small(value) is expected


def test_quiet():
    j = judge()
    assert j.quiet("56%", None, SOURCE, [KEPT])  # lacks it, lost no words
    assert not j.quiet("56%", None, SOURCE, [unit("Die Bank sagte es im März.")])
    assert not j.quiet("560", None, SOURCE, [KEPT])  # not small
    assert j.quiet(None, "20", SOURCE, [KEPT])  # adds a small number
    assert not j.quiet(None, "2020", SOURCE, [KEPT])
    assert not j.quiet("56", "57", SOURCE, [KEPT])  # a changed number is always told


@pytest.mark.parametrize("source, text", [
    ("The fund holds 38 stocks and trades them every day of the year.", "Le fonds détient quarante actions et les négocie chaque jour de l'année."),
    ("It reported on March 15, 2020, after the market had closed for the day.", "Es berichtete im März 2020, nachdem der Markt für den Tag geschlossen hatte."),
    ("Trading opens at 9:30 a.m. and closes later in the afternoon every day.", "Der Handel beginnt um 9 Uhr und endet jeden Tag später am Nachmittag."),
    ("Each account pays a $25 fee to the bank at the end of every month.", "Jedes Konto zahlt am Ende jedes Monats eine Gebühr an die Bank."),
])
def test_told_though_no_words_lost(source, text):
    """A number said otherwise in words, a day of a date, the minutes of a time, an amount."""
    lang = "fr" if "fonds" in text else "de"
    want = next(w for w in ("38", "15", "30", "25") if w in source)
    assert not judge(target=lang).quiet(want, None, unit(source), [unit(text)])


def test_an_added_number_is_told_where_a_small_one_of_the_source_went():
    source = unit("Choose one of the 5 plans that the bank offers to its customers.")
    assert not judge().quiet(None, "12", source, [unit("Wählen Sie einen der 12 Pläne, die die Bank ihren Kunden anbietet.")])
    assert judge().quiet(None, "12", source, [unit("Wählen Sie einen der 5 Pläne, die die Bank ihren 12 Kunden anbietet.")])


def test_the_tens_of_a_number_in_words_are_no_other_number():
    """`أربع وعشرون` (twenty-four) where the reader knows only `عشرون` (twenty): the same number."""
    source = unit("Markets trade 24 hours in a day in many places of the world today.")
    text = unit("تتداول الأسواق أربع وعشرون ساعة في اليوم في أماكن كثيرة من العالم اليوم.")
    assert judge(target="ar").quiet("24", None, source, [text])
    assert not judge(target="ar").quiet("24", None, source, [unit(text.text.replace("أربع وعشرون", "ثلاثون"))])


def test_a_day_the_translation_adds_to_a_date_is_told():
    source = unit("The balance sheet below was reported as of Dec. 31, 2021, for the year.")
    text = unit("O balanço abaixo foi relatado em 12 de dezembro. 31, 2021, para o ano.")
    assert not judge(target="pt").quiet(None, "12", source, [text])
    assert judge(target="pt").quiet(None, "12", source, [unit("O balanço abaixo, com 12 linhas, foi relatado para o ano de 2021.")])


@pytest.mark.parametrize("text, value, language, counted", [
    ("Investors may lose 20% of their money in a bad year.", "20%", "en", False),  # `may`, and a percentage
    ("Fees rose 24 in March at most banks.", "24", "en", False),  # a month, not beside the number
    ("It reported on March 15, 2020.", "15", "en", True),
    ("It reported on 15 March 2020.", "15", "en", True),
    ("Foi relatado em 12 de dezembro.", "12", "pt", True),
    ("Fees rose last year: 56 banks said so.", "56", "en", False),  # a label's colon
    ("Trading opens at 9:30 a.m.", "30", "en", True),
    ("Each account pays a $25 fee.", "25", "en", True),
])
def test_counted(text, value, language, counted):
    assert _counted(text, value, fmt(language), language) is counted


def test_number_words_the_source_says_too_are_no_other_number():
    source = unit("Investors can be 100% sure, even after ten years of losses, that it turns.")
    text = unit("Anleger können sich sicher sein, selbst nach zehn Jahren mit Verlusten, dass es dreht.")
    assert judge().quiet("100%", None, source, [text])


def test_a_small_digit_the_translation_spells_is_not_lost():
    source = unit("The 3 largest banks raised their fees a long time back, as they often do.")
    text = unit("Die drei größten Banken erhöhten ihre Gebühren vor 20 Jahren, wie sie es oft tun.")
    assert judge().quiet(None, "20", source, [text])
    assert not judge().quiet(None, "12", unit("Fees rose 5% at most banks this year."), [unit("Die Gebühren stiegen um 12 % bei den meisten Banken.")])


@pytest.mark.parametrize("source, text, cut", [
    ("In 2020, fees rose 24% at most banks.", "2020 a vu les frais augmenter.", False),  # a number opens it
])
def test_cut_after_a_number(source, text, cut):
    assert _cut(source, text, ()) is cut


@pytest.mark.parametrize("text, language, count", [
    ("银行说：“手续费上涨了。”随后它下调了利率。", "zh", 2),
    ("As of Dec. 31, fees had risen at most banks.", "en", 1),
    ("Fees rose to 24. The bank said so in March.", "en", 2),  # English writes no ordinal with a dot
])
def test_sentences_by_language(text, language, count):
    assert _sentences(text, fmt(language)) == count


def test_a_text_that_marks_no_sentence_end_is_not_counted():
    assert not _ends("ค่าธรรมเนียมเพิ่มขึ้น 1.5% ในธนาคารส่วนใหญ่ ธนาคารกล่าวเช่นนั้น")
    assert _ends("Die Bank sagte es.")
