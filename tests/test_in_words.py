"""Whole numbers written in words, as num2words spells them (parity/in_words.py)."""

from __future__ import annotations

import pytest

from contentlint.parity.in_words import in_words


@pytest.mark.parametrize("values, text, code, found", [
    (["66", "60"], "Soixante-six pays utilisent l'euro.", "fr", {"66"}),  # no part of a hyphenated one
    (["66"], "yaklaşık altmışaltı yıl", "tr", {"66"}),  # glued or spaced: `altmış altı`
    (["66"], "yaklaşık altmış altı yıl", "tr", {"66"}),
    (["11"], "Он сделал это одиннадцать раз", "ru", {"11"}),
    (["17"], "dezessete bancos", "pt-BR", {"17"}),  # a region's spelling where num2words has one
    (["132", "32"], "cento e trinta e dois bancos", "pt", {"132", "32"}),  # five words; `trinta e dois` too (a known limit)
    (["16"], "seksten banker", "nb", {"16"}),  # Bokmål by num2words' Norwegian
    (["16"], "sextonde banken", "sv", set()),  # a whole word only
    (["20"], "বিশেষ সুবিধা", "bn", set()),  # a vowel sign goes on the word: `বিশেষ` (special) is no `বিশ`
    (["100"], "yüz yüze görüşme", "tr", set()),  # a spelling of three letters is too short to tell
    (["22"], "le vingt-deuxième jour", "fr", set()),  # cardinals only: ordinals are left out of parity
    (["77"], "सतहत्तर बैंक", "hi", set()),  # a language num2words does not spell: nothing
    (["2021", "1000", "66%", "6.5", "6"], "deux mille vingt et un, six", "fr", set()),  # 10 to 999, whole
    (["66"], "soixante-six", "", set()),  # no language, nothing
])
def test_in_words(values, text, code, found):
    assert in_words(values, text, code) == found
