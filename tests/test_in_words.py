"""Whole numbers written in words, as num2words spells them (parity/in_words.py)."""

from __future__ import annotations

import pytest

from contentlint.parity.in_words import in_words


@pytest.mark.parametrize("values, text, code, found", [
    (["66", "6", "60"], "Soixante-six pays utilisent l'euro.", "fr", {"66"}),  # no part of a compound
    (["66"], "yaklaşık altmışaltı yıl", "tr", {"66"}),  # glued or spaced: `altmış altı`
    (["66"], "yaklaşık altmış altı yıl", "tr", {"66"}),
    (["11"], "Он сделал это одиннадцать раз", "ru", {"11"}),
    (["22"], "le vingt-deuxième jour", "fr", {"22"}),  # an ordinal too
    (["7"], "syv banker", "nb", {"7"}),  # Bokmål by num2words' Norwegian
    (["6"], "sexton banker", "sv", set()),  # a whole word only: `sexton` is 16
    (["7"], "सात बैंक", "hi", set()),  # a language num2words does not spell: nothing
    (["2021", "1000", "66%", "6.5"], "deux mille vingt et un", "fr", set()),  # whole numbers below a thousand only
    (["66"], "soixante-six", "", set()),  # no language, nothing
])
def test_in_words(values, text, code, found):
    assert in_words(values, text, code) == found
