"""Numbers as each locale writes them (CLDR through Babel, profile keys over it), as data.

PAIRS: (language, text of an English source, text of its translation into that language,
whether number-mismatch finds their numbers equal). The formats come from CLDR alone, with
the few profile keys a case needs given here (PROFILES), so the cases do not depend on the
shipped profiles, which are data that changes; a smaller set runs with those too.
"""

from __future__ import annotations

import pytest

from contentlint.language.numbering import NEUTRAL, NumberFormat, number_format_for
from contentlint.language.profiles import Profile, for_run
from contentlint.parity.alignment import Unit
from contentlint.parity.number_parity import number_differences, unit_numbers
from contentlint.parity.significance import significant
from contentlint.parity.numbers import iter_numbers

PROFILES = {
    "fr": Profile("fr", "French", ordinal_suffixes=("e", "er", "ème")),
    "zh": Profile("zh", "Chinese", date_suffixes=("月", "日")),
    "ko": Profile("ko", "Korean", date_suffixes=("월", "일")),
    "nb": Profile("nb", "Norwegian", grouping=(" ", "\u00a0", "."), percent_words=("prosent",)),
    "es": Profile("es", "Spanish", ordinal_suffixes=("º", "ª", ".º", ".ª")),
}

PAIRS = [
    # scale words: CLDR's long and short forms, the locale's decimal mark, with or without a space
    ("de", "1.3 million users", "1,3 Millionen Nutzer", True),
    ("de", "1.3 million users", "1,3 Mio. Nutzer", True),
    ("de", "2.5 billion euros", "2,5 Mrd. Euro", True),
    ("de", "2.5 billion euros", "2,5 Milliarden Euro", True),
    ("de", "1.3 million users", "1,4 Millionen Nutzer", False),
    ("zh", "1.7 billion dollars", "17亿美元", True),
    ("ja", "Shari'ah had 5 rules", "Shari＆＃39;ah には 5 つの規則", True),
    ("ar", "Moody's rated 7 banks", "صنفت Moody &amp; # 39؛ s 7 بنوك", True),
    ("de", "Shari'ah had 250 rules", "Shari&amp;#39;ah hatte 260 Regeln", False),
    ("zh", "11.7 million dollars", "1170万美元", True),
    ("zh", "20 million dollars", "2000 万美元", True),
    ("zh", "30 million", "3千万", True),
    ("zh", "1.4 trillion dollars", "1.4 万亿美元", True),
    ("ja", "20 million dollars", "2,000万ドル", True),
    ("ja", "5 million yen", "5百万円", True),
    ("ja", "a debt of 14.3 trillion", "14.3 trillion の債務", True),  # English words in every language
    ("ko", "1.3 million dollars", "130만 달러", True),
    ("ko", "5 million dollars", "5백만 달러", True),
    ("ko", "$12 million", "$12백만", True),
    ("ko", "1.4 trillion dollars", "1조 4,000억 달러", True),
    ("ko", "from 10.6 trillion to 14.3 trillion", "10조 6천억 달러에서 14조 3천억 달러로", True),
    ("ko", "1.4 trillion dollars", "1조 5,000억 달러", False),
    ("ru", "2.5 billion rubles", "2,5 млрд рублей", True),
    ("ru", "12 million", "12 миллионов", True),
    ("pl", "3 million zlotys", "3 mln zł", True),
    ("tr", "5 million lira", "5 milyon lira", True),
    ("es", "3 billion", "3 mil millones", True),
    ("pt", "3 billion", "3 bilhões", True),
    ("it", "3 billion", "3 miliardi", True),
    ("hi", "500,000 rupees, 500,000", "5 लाख रुपये, 5,00,000", True),
    ("ar", "20 million dollars", "20 مليون دولار", True),
    ("nb", "20 million kroner", "20 millioner kroner", True),
    ("ro", "20 million lei", "20 de milioane de lei", True),  # a language without a profile: CLDR's words
    # digits grouped by spaces (space, NBSP, narrow NBSP) where the locale does that
    ("ru", "1,000,000 rubles", "1 000 000 рублей", True),
    ("ru", "1,000,000 rubles", "1\u00a0000\u00a0000 рублей", True),
    ("ru", "1,000,000 rubles", "1\u202f000\u202f000 рублей", True),
    ("ru", "1,234.5 rubles", "1 234,5 рубля", True),
    ("pl", "1,234.5 zlotys", "1\u00a0234,5 zł", True),
    ("pl", "1,234.5 zlotys", "1 243,5 zł", False),
    ("fr", "1,234.5 euros", "1\u202f234,5 euros", True),
    ("nb", "It costs 1,000.5 dollars", "Det koster 1 000,5 dollar", True),
    ("de", "1,234.5 euros", "1.234,5 Euro", True),
    ("it", "12,950 euros", "12.950 euro", True),
    ("ar", "12,950 dollars", "12.950 دولار", True),  # one mark before three digits: either reading
    ("sw", "1,000,000 shillings", "1,000,000 shilingi", True),
    # numeric dates, in any language, and date suffixes
    ("de", "on 7/20/2016, 15 people", "am 20.7.2016, 15 Personen", True),
    ("fr", "on 2016-07-20", "le 20/07/2016", True),
    ("ru", "on 20.07.2016", "20.07.2016", True),
    ("en", "on 2016-07-20", "on 7/20/2016", True),
    ("zh", "in December, 15 people", "12月，15人", True),
    ("zh", "on July 20, 2016", "2016年7月20日", True),  # a date part stands for a number of the other side
    ("ko", "by April 15", "4월 15일까지", True),
    ("de", "on July 20, 2016", "am 20.7.2016", True),
    ("zh", "on July 20, 2016", "2016年7月21日", False),
    ("zh", "within 30 days", "30日内", True),  # a day count is not a date
    ("ko", "in July 2011", "2011년 7월", True),
    ("ko", "the 183-day rule", "183일 규칙", True),
    ("ja", "in December", "12月に", True),
    # ordinals
    ("en", "the 21st century", "the 21st century", True),
    ("fr", "the 21st century", "le 21e siècle", True),
    ("fr", "the 21st century", "le XXIe siècle", True),
    ("es", "the 21st floor", "el 21.º piso", True),
    ("pt", "the 21st floor", "o 21º andar", True),
    ("it", "the 21st floor", "il 21º piano", True),
    ("de", "the 183rd day", "der 183. Tag", True),  # an ordinal stands for the number of the other side
    ("zh", "the 183rd day", "第 183 天", True),
    ("ru", "the 21st century", "21-го века", True),
    ("de", "the 183rd day", "der 183. Tag", True),  # ordinals on both sides: left out, never compared
    # percentages: sign before or after, with or without a space, or a word
    ("de", "21.55% growth", "21,55 % Wachstum", True),
    ("de", "21.55% growth", "21,55 Prozent Wachstum", True),
    ("de", "21.55% growth", "21,55 Wachstum", False),
    ("fr", "21.55% growth", "21,55\u00a0% de croissance", True),
    ("fr", "21.55% growth", "21,55 pour cent de croissance", True),
    ("tr", "21.55% growth", "%21,55 büyüme", True),
    ("tr", "21.55% growth", "yüzde 21,55 büyüme", True),
    ("tr", "21.55% growth", "21,55 büyüme", False),
    ("en", "21.55% growth", "21.55 percent growth", True),
    ("ar", "21.55% growth", "نمو 21.55٪", True),
    ("ru", "21.55% growth", "рост на 21,55 процента", True),
    ("pl", "21.55% growth", "wzrost o 21,55 procent", True),
    ("nb", "21.55% growth", "21,55 prosent vekst", True),
    ("es", "21.55% growth", "21,55 % de crecimiento", True),
    ("pt", "21.55% growth", "21,55% de crescimento", True),
    ("ja", "21.55% growth", "21.55%の成長", True),
    ("ja", "21.55% growth", "21.55パーセントの成長", True),
    ("sw", "21.55% growth", "ukuaji wa asilimia 21.55", True),
    ("fi", "between 0.25% and 0.75%", "0,25–0,75 %", True),  # the range's sign is both ends'
    ("de", "a 51% attack", "ein 51-%-Angriff", True),  # a hyphen joins a sign or word to the number
    ("sv", "the 25% rule", "25-procentsregeln", True),
    ("en", "a $20 million estate", "a $20-million estate", True),
    # minus signs, ranges and hyphens
    ("de", "- 21.55%", "21,55 %", False),
    ("de", "- 21.55%", "- 21,55 %", True),
    ("en", "- 21.55%", "−21.55%", True),
    ("fr", "a change of (-21.55%)", "une variation de (−21,55 %)", True),
    ("es", "fell -15%", "cayó 15 %", False),
    ("en", "12-18 months, $1800-2500", "12 - 18 months, $1800 - 2500", True),
    ("hi", "12-18 months", "12-18 महीने", True),
    # a connecting word whose vowel sign str.isalpha counts as no letter: `या` (or)
    ("hi", "70 or 80 percent of income", "आय का 70 या 80 प्रतिशत", True),
    ("en", "COVID-19 and the F-35", "COVID 19 and the F 35", True),
    ("de", "($10,000 - $1,000) x 20%", "(10.000 $ - 1.000 $) x 20 %", True),
    ("en", "(70/50) - 10 = 0.40", "(70/50) - 10 = 0.40", True),
    ("fi", "($1 million - $10,000)", "(1 miljoona - 10 000 dollaria)", True),
    ("nb", "-5% and -15%", "-5 % og -15 %", True),
    ("nb", "-5% and -15%", "5 % og 15 %", False),
    ("hi", "my top-20% readers", "मेरे शीर्ष -20% पाठक", True),  # machine translation moved a hyphen
    ("pl", "my top-20% readers", "moich najlepszych -20% czytelników", True),
    ("pl", "my top-20% readers", "moich najlepszych −20% czytelników", False),  # a real minus sign
    ("hi", "the HP-35 calculator", "एचपी -35 कैलकुलेटर", True),
    ("de", 'if "$1000 - 1%/10 net 30"', "wenn „1000 $ – 1 %/10 netto 30“", True),  # a subtraction, not a range
    ("ja", 'if "$1000 - 1%/10 net 30"', "「$ 1000-1％/ 10 net 30」", True),
    ("es", "worth $1,000 and $0.001 each", "vale $1,000 y $0.001 cada una", True),  # either reading
    # other digits and small numbers
    ("ar", "It takes 12 to 18 months", "لمدة ١٢-١٨ شهرًا", True),
    ("ar", "1000.5", "١٠٠٠٫٥", True),
    ("hi", "12 months", "१२ महीने", True),
    ("ja", "two exams", "2つの試験", True),
    ("ko", "1,200 dollars", "1,200 달러", True),
    ("en", "12 to 18 months", "12 to 19 months", False),
    # an English-format number kept in a decimal-comma language, beside the same value in its own format
    ("es", "a $100,000 gift, then $100,000 more", "un regalo de $100 000, luego $100,000 más", True),
    ("sv", "the $10,000 limit and $10,000 fee", "gränsen på 10 000 dollar och avgiften $10,000", True),
    # a range shares its scale word across a currency sign
    ("fr", "as little as $1 or $2 million", "aussi peu que 1 ou 2 millions de dollars", True),
    ("it", "as little as $1 or $2 million", "appena 1 o 2 milioni di dollari", True),
    ("de", "as little as $1 or $2 million", "nur 1 oder 2 Millionen Dollar", True),
    ("nb", "as little as $1 or $2 million", "så lite som 1 eller 2 millioner dollar", True),
]

# A number one side spells out, with the number words of the shipped profiles.
SPELT = [
    ("de", "down from half in 1979", "gegenüber 50 % im Jahr 1979", True),
    ("fi", "a fifty inquiry exam", "50 kysymyksen koe", True),
    ("de", "100% of traffic", "des gesamten Datenverkehrs", True),
    ("de", "half of the 30 users", "die Hälfte der 50 Nutzer", False),
    ("de", "half of the 30 users", "die Hälfte der 40 Nutzer", False),
    ("en", "the Olympics of 1980", "the 50 Olympics of 1980", False),
    ("en", "fifty-fifty", "50% to 50%", False),
    ("ru", "50% of the votes", "половина голосов", True),
    ("ja", "acquainted with Europe in the twelfth century", "12世紀にヨーロッパに導入", True),
    ("ko", "one of around two dozen designations", "약 24개의 전문 명칭 중 하나", True),
    ("ja", "one of around two dozen designations", "約20の専門資格の1つ", False),
    ("ru", "Shifting 100% of traffic", "Переключение сразу всего трафика", True),
    ("de", "down from half in 1979", "von 50 [%](/x) im Jahr 1979", True),
    ("tr", "two oil price shocks during the '70s", "1970'lerdeki iki petrol fiyat şoku", True),
    ("pl", "two oil price shocks during the '70s", "dwa szoki cen ropy w latach 70. ubiegłego wieku", True),
    ("it", "the 10-year Treasury note", "il Treasury decennale", True),
    ("tr", "the crisis of 2011", "2011'de kriz 2012'de bitti", False),
    ("tr", "80% of results come from 20% of causes", "sonuçların %80'i, nedenlerin %20'sinden gelir", True),
    ("ja", "200,000 shares every year for 5 years", "5年間毎年20万株", True),
    ("pl", "one of two oil price shocks during the 1970s", "jednym z dwóch szoków cen ropy w latach 70. – drugi", True),
    ("zh", "cut $900 billion over 10 years", "在 10 年内削减 9000 亿美元", True),
    ("ja", "50% of the votes", "票の半分", True),
]


@pytest.mark.parametrize("code, source, translation, equal", SPELT, ids=[f"{c}: {t}" for c, _, t, _ in SPELT])
def test_spelt_numbers(code, source, translation, equal):
    diffs = _equal(code, source, translation, profiles=for_run())
    assert (diffs == []) is equal, diffs


def _unit(text: str, fmt: NumberFormat) -> Unit:
    return Unit("paragraph", None, (), *unit_numbers(text, fmt), text)


def _equal(code: str, source: str, translation: str, profiles=None) -> list:
    get = profiles.get if profiles is not None else PROFILES.get
    english = number_format_for("en", get("en"), get("en"))
    fmt = number_format_for(code, get(code), get("en"))
    return number_differences(_unit(source, english), _unit(translation, fmt), english, fmt)


@pytest.mark.parametrize("code, source, translation, equal", PAIRS,
                         ids=[f"{c}: {t}" for c, _, t, _ in PAIRS])
def test_pairs(code, source, translation, equal):
    diffs = _equal(code, source, translation)
    assert (diffs == []) is equal, diffs


def test_every_case_language_is_covered():
    codes = {c for c, *_ in PAIRS}
    assert codes >= {"de", "fr", "ru", "pl", "tr", "zh", "ja", "ko", "hi", "ar", "en", "nb", "es", "pt", "it", "ro", "sw"}


SHIPPED = [p for p in PAIRS if p[0] not in PROFILES]  # cases that need no profile key


@pytest.mark.parametrize("code, source, translation, equal", SHIPPED, ids=[f"{c}: {t}" for c, _, t, _ in SHIPPED])
def test_pairs_with_the_shipped_profiles(code, source, translation, equal):
    diffs = _equal(code, source, translation, for_run())
    assert (diffs == []) is equal, diffs


VALUES = [
    ("en", "1,000.5 and 12 060 000", ["1000.5", "12", "60", "0"]),  # spaces group nothing in English
    ("ru", "12 060 000 и 2016 300", ["12060000", "2016", "300"]),  # a year is not a first group
    ("de", "1,3 Millionen", ["1300000"]),
    ("de", "12.950", ["12950"]),
    ("en", "- 21.55% and 21.55%", ["-21.55%", "21.55%"]),
    ("en", "−4 and -0", ["-4", "0"]),
    ("en", "1st, 2nd, 3rd, 4th and 5 th", ["5"]),
    ("en", "20.7.2016, 2016-07-20, 7/20/2016, 20/07/2016, 2016.07.20", []),
    ("en", "24/7 and 1/10", ["24", "7", "1", "10"]),
    ("en", "24/7/365", ["24", "7"]),  # the 365 of always is no quantity
    ("ko", "5백만, 2천만, 1억 2천만", ["5000000", "20000000", "120000000"]),
    ("zh", "3千万 and 10月", ["30000000"]),
    ("ja", "一二三 and 十", []),  # numerals written in characters are left alone
    ("tr", "%21,55 and 50% 30", ["21.55%", "50%", "30"]),
    ("en", "top -20% and (-20%)", ["-20%", "-20%"]),
    ("fr", "5 000 et 5 mille", ["5000", "5000"]),
    ("en", "$1800-2500 and 12–18", ["1800", "2500", "12", "18"]),
    ("fi", "75–700 miljoonaa dollaria", ["75000000", "700000000"]),  # a range shares its scale word
    ("ru", "от 1,2 до 1,5 триллиона", ["1200000000000", "1500000000000"]),
    ("it", "negli anni '60 e '90", []),  # a decade after an apostrophe, in any language
]


@pytest.mark.parametrize("code, text, values", VALUES, ids=[t for _, t, _ in VALUES])
def test_values(code, text, values):
    fmt = number_format_for(code, PROFILES.get(code), None)
    assert [v for v, *_ in iter_numbers(text, fmt)] == values


def test_parts_are_the_dates_and_ordinals():
    fmt = number_format_for("zh", PROFILES["zh"])
    text = "2016年7月20日，第21st，20.7.2016，12 people"
    assert [v for v, *_ in iter_numbers(text, fmt, parts=True)] == ["7", "20", "21", "20", "7", "2016"]
    assert [v for v, *_ in iter_numbers(text, fmt)] == ["2016", "12"]


def test_an_unsure_minus_reads_both_ways():
    fmt = number_format_for("en")
    assert list(iter_numbers("top -20%", fmt)) == [("-20%", 4, 8, "20%")]
    assert list(iter_numbers("(-20%)", fmt)) == [("-20%", 1, 5, None)]


def test_offsets_point_at_the_number_with_its_sign():
    text = "Change: - 21.55% to %30, then 1,3 Mio."
    fmt = number_format_for("tr")
    assert [text[a:b] for _, a, b, _ in iter_numbers(text, fmt)] == ["- 21.55%", "%30", "1,3"]


def test_significance_reads_the_magnitude():
    assert [significant(v) for v in ("9", "10", "-9", "-10", "9%", "-12%", "0.5", "-0.5%")] == [
        False, True, False, True, False, True, True, True]


def test_formats_from_cldr():
    de, ru, zh, ko = (number_format_for(c) for c in ("de", "ru", "zh", "ko"))
    assert (de.decimal, de.space_groups, de.scales["millionen"], de.scales["mio."]) == (",", False, 10**6, 10**6)
    assert (ru.decimal, ru.space_groups, ru.scales["млрд"]) == (",", True, 10**9)
    assert zh.scales["万"] == 10**4 and zh.scales["亿"] == 10**8 and zh.date_suffixes == ("月",)
    assert ko.scales["억"] == 10**8 and "m" not in de.scales  # one-letter short forms are not read
    assert number_format_for("tr").percent_prefixes == ("yüzde",)


def test_the_languages_own_words_win_and_english_counts_everywhere():
    nb, de, sw = number_format_for("nb"), number_format_for("de"), number_format_for("sw")
    assert nb.scales["billion"] == 10**12 and de.scales["billion"] == 10**12  # `Billion` is 10^12 there
    assert sw.scales["billion"] == 10**9 and sw.scales["million"] == 10**6


def test_a_profile_overrides_and_adds():
    profile = Profile("de", "German", decimal=".", grouping=(" ",), scales={"Mille": 1000},
                      percent_words=("vH",), ordinal_suffixes=("te",))
    fmt = number_format_for("de", profile)
    assert (fmt.decimal, fmt.space_groups, fmt.scales["mille"], fmt.scales["millionen"]) == (".", True, 1000, 10**6)
    assert "vh" in fmt.percent_words and "te" in fmt.ordinal_suffixes
    assert [v for v, *_ in iter_numbers("5 Mille, 12 vH, 3te", fmt)] == ["5000", "12%"]
    other = Profile("de", "German", decimal=".", grouping=(" ",), scales={"Mille": 10**6},
                    percent_words=("vH",), ordinal_suffixes=("te",))
    assert number_format_for("de", other).scales["mille"] == 10**6  # equal profiles, other scales: not the cached one


@pytest.mark.parametrize("code", [None, "", "xx", "zz-ZZ", "!"])
def test_an_unknown_language_gets_the_neutral_marks(code):
    fmt = number_format_for(code)
    assert (fmt.decimal, fmt.groups, fmt.space_groups) == (".", (",",), False)
    assert set(fmt.scales) == set(number_format_for("en").scales)  # the English words only


def test_every_shipped_profile_builds_a_format():
    profiles = for_run()
    for code, profile in profiles.by_code.items():
        fmt = number_format_for(code, profile, profiles.get("en"))
        assert fmt.decimal in ".," and list(iter_numbers("It was 1,234.5 or -12% on 20.7.2016", fmt))


def test_the_neutral_format_reads_plain_numbers():
    assert [v for v, *_ in iter_numbers("It costs 1,000.5 dollars or 12 million", NEUTRAL)] == ["1000.5", "12"]
    assert list(iter_numbers("no digits here", NEUTRAL)) == []


@pytest.mark.parametrize("code, text", [("en", "in the '70s and the 1990s"), ("nb", "på 1100-tallet og 1990-årene"),
                                        ("sv", "i början av 1900-talet"), ("ru", "в 12-м веке и в 1990-е годы")])
def test_the_shipped_profiles_leave_decades_and_centuries_out(code, text):
    shipped = for_run()
    assert list(iter_numbers(text, number_format_for(code, shipped.get(code), shipped.get("en")))) == []


def test_the_shipped_number_table_is_what_cldr_gives():
    """rules/language-numbers.json is generated (python -m contentlint.language.numbering)."""
    import json

    from contentlint.language import cldr_numbers, numbering
    from contentlint.language.profiles import data_dir

    shipped = json.loads((data_dir() / numbering.TABLE).read_text(encoding="utf-8"))
    assert shipped == {code: json.loads(json.dumps(cldr_numbers.from_babel(code))) for code in shipped}
    assert len(shipped) == 75


def test_the_shipped_unit_and_month_table_is_what_cldr_gives():
    """rules/language-words.json is generated (python -m contentlint.language.cldr_words), for the
    units parity/units.py converts between."""
    import json

    from contentlint.language import cldr_words
    from contentlint.language.profiles import data_dir
    from contentlint.parity.units import CONVERSIONS

    shipped = json.loads((data_dir() / cldr_words.TABLE).read_text(encoding="utf-8"))
    assert shipped == {code: cldr_words._from_babel(code) for code in shipped}
    assert len(shipped) == 75
    assert set(cldr_words.UNITS) == {u for a, b, *_ in CONVERSIONS for u in (a, b)}
    assert "quilômetros" in cldr_words.unit_words("pt")["length-kilometer"]
    assert "syyskuuta" in cldr_words.month_names("fi")[9]
    assert (cldr_words.and_word("fr"), cldr_words.and_word("zh"), cldr_words.and_word("xx")) == ("et", "和", "")
    # a duration's words of two letters or more: not English `m`, `y`; Arabic's one year keeps its blank
    assert cldr_words.duration_words("en") == (("month", "months"), ("mth", "mths"), ("year", "yr"), ("years", "yrs"))
    assert cldr_words.duration_words("ar")[2] == ("سنة", "سنة واحدة")
    assert cldr_words.duration_words("ko") == (("개월",), (), ("년",), ())
    assert "miesiące" in cldr_words.duration_words("pl")[0] and cldr_words.duration_words("ru")[1] == ("мес",)


def test_a_changed_value_is_paired_with_the_missing_one_of_its_digits_nearest_in_size():
    from contentlint.parity.number_parity import paired
    assert paired(["10", "300000000"], ["300"]) == [("300000000", "300"), ("10", None)]  # a scale word lost
    assert paired(["15", "150"], ["1500"]) == [("150", "1500"), ("15", None)]
    assert paired(["-21.55%", "7"], ["21.55%"]) == [("-21.55%", "21.55%"), ("7", None)]  # a minus dropped
    assert paired(["10 20", "102"], ["1020"]) == [("10 20", "1020"), ("102", None)]  # run together: in order
    assert paired(["5", "50"], ["7"]) == [("5", "7"), ("50", None)]  # no digits in common: in order
