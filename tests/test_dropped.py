"""dropped.py: when a translation that lacks a small number lost the words around it."""

from types import SimpleNamespace

import pytest

from contentlint.parity.dropped import quiet, small, words_lost


def unit(text: str):
    return SimpleNamespace(text=text)


SOURCE = unit("Fees rose 56% last year at most banks. The bank said so in March.")


@pytest.mark.parametrize("text, lost", [
    ("Die Gebühren stiegen bei den meisten Banken. Die Bank sagte es im März.", False),  # words kept
    ("Die Bank sagte es im März.", True),  # a sentence dropped, and short
    ("Die Gebühren stiegen bei den meisten Banken im letzten Jahr deutlich und die Bank sagte es.", True),  # fewer sentences
    (", bei den meisten Banken im letzten Jahr. Die Bank sagte es im März, wie immer.", True),  # opens mid-sentence
    ("bei den meisten Banken im letzten Jahr gestiegen. Die Bank sagte es im März.", True),  # lower case for a capital
])
def test_words_lost(text, lost):
    assert words_lost(SOURCE, [unit(text)], 1.0) is lost


def test_a_pairing_that_writes_shorter_is_judged_by_its_own_ratio():
    cjk = unit("手数料は昨年、ほとんどの銀行で上昇した。銀行は3月にそう述べた。")
    assert not words_lost(SOURCE, [cjk], len(cjk.text) / len(SOURCE.text))
    assert words_lost(SOURCE, [cjk], 1.0)


def test_abbreviations_and_decimals_end_no_sentence():
    source = unit("The U.S. economy grew 1.5 percent in the year to March, said the bank.")
    assert not words_lost(source, [unit("Die US-Wirtschaft wuchs bis März um 1,5 Prozent, sagte die Bank.")], 1.0)


@pytest.mark.parametrize("value, expected", [("24", True), ("56%", True), ("-5", True), ("99", True),
                                             ("100", True), ("100%", True), ("101", False), ("2020", False), ("4.95", False), ("12 5", False)])
def test_small(value, expected):
    assert small(value) is expected


def test_quiet():
    kept = [unit("Die Gebühren stiegen bei den meisten Banken. Die Bank sagte es im März.")]
    assert quiet("56%", None, SOURCE, kept, 1.0)  # lacks it, lost no words
    assert not quiet("56%", None, SOURCE, [unit("Die Bank sagte es im März.")], 1.0)
    assert not quiet("560", None, SOURCE, kept, 1.0)  # not small
    assert quiet(None, "20", SOURCE, kept, 1.0)  # adds a small number
    assert not quiet(None, "2020", SOURCE, kept, 1.0)
    assert not quiet("56", "57", SOURCE, kept, 1.0)  # a changed number is always told
