"""What counts as a code that must stand unchanged, and as the same code in a translation."""

from contentlint.parity.tokens import inflected, tokens


def test_an_escape_left_in_a_text_is_no_code():
    assert tokens("at age 59\\u00bd, a prot\\u00e9g\\u00e9 files Form 10-Q") == ("10-Q",)
    assert tokens("rated Aa2 and BBB-") == ("Aa2", "BBB-")


def test_a_code_with_an_ending_of_the_language():
    assert inflected("10-Q", "memfailkan 10-Qnya pada")
    assert not inflected("10-Q", "memfailkan 10-QX pada")  # capitals: another code
    assert not inflected("10-Q", "memfailkan 10-Q pada")  # the code itself: `contains` reads that
    assert not inflected("Aa2", "x 1Aa2nya")  # part of a longer code


def test_the_parser_writes_no_debug_records(caplog):
    """markdown-it-py logs every rule it tries at debug level; contentlint's parser is
    silenced (those calls were an eighth of a block parse), even when debug logging is on."""
    import logging

    from contentlint.load import markdown

    with caplog.at_level(logging.DEBUG):
        markdown.parser().parse("# Title\n\n- item\n\n> quote\n\ntext\n")
        markdown.block_parser().parse("# Title\n\n```\ncode\n```\n")
    assert not [r for r in caplog.records if r.name.startswith("markdown_it")]
