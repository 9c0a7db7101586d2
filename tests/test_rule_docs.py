"""Docs come from each rule's docstring; its Example must trigger it, its Use instead must not."""

from __future__ import annotations

import re
import textwrap

import pytest

from contentlint.registry import all_rules
from helpers import lint, make_doc

SECTIONS = ("What it does", "Why it matters", "Example", "Use instead")


def _snippet(rule, title: str) -> str:
    m = re.search(r"```markdown\n(.*?)```", rule.section(title), re.S)
    assert m, f"{rule.name}: no markdown example under '{title}'"
    return textwrap.dedent(m.group(1))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.name)
def test_docstring_sections(rule):
    for title in SECTIONS:
        assert rule.section(title), f"{rule.name} lacks '## {title}'"
    assert rule.summary() and not rule.summary().startswith("#")


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.name)
def test_example_triggers_and_use_instead_does_not(rule):
    bad = lint(make_doc(_snippet(rule, "Example").encode()), [rule.name])
    good = lint(make_doc(_snippet(rule, "Use instead").encode()), [rule.name])
    assert bad, f"{rule.name}: its Example finds nothing"
    assert good == [], f"{rule.name}: its Use instead still finds {[f.message for f in good]}"


def test_codes_and_names_are_unique_and_stable():
    rules = all_rules()
    assert len({r.code for r in rules}) == len({r.name for r in rules}) == len(rules)
    assert all(re.fullmatch(r"CL\d{3}", r.code) for r in rules)
