"""Docs come from each rule's docstring; its Example must trigger it, its Use instead must not."""

from __future__ import annotations

import re
import textwrap

import pytest

from contentlint.rules import catalogue
from contentlint.rules.base import Scope
from helpers import commit_stages, lint_files

SECTIONS = ("What it does", "Why it matters", "Example", "Use instead")


def _snippet(rule, title: str) -> str:
    m = re.search(r"```markdown\n(.*?)```", rule.section(title), re.S)
    assert m, f"{rule.name}: no markdown example under '{title}'"
    return textwrap.dedent(m.group(1))


@pytest.mark.parametrize("rule", catalogue.load().rules, ids=lambda r: r.name)
def test_docstring_sections(rule):
    for title in SECTIONS:
        assert rule.section(title), f"{rule.name} lacks '## {title}'"
    assert rule.summary() and not rule.summary().startswith("#")


def _files(snippet: str) -> dict[str, str]:
    """An example is one article, or several introduced by `<!-- file: NAME -->` lines."""
    parts = re.split(r"^<!-- file: (.+?) -->\n", snippet, flags=re.M)
    if len(parts) == 1:
        return {"example.md": snippet}
    return dict(zip(parts[1::2], parts[2::2]))


def _lint(folder, snippet: str, running: list[str]):
    """A history rule's example is a series of commits (`<!-- commit -->` between them),
    made in a real repository before the run."""
    stages = snippet.split("<!-- commit -->\n")
    if len(stages) == 1:
        return lint_files(folder, _files(snippet), running)
    commit_stages(folder, [_files(s) for s in stages])
    return lint_files(folder, {}, running)


@pytest.mark.parametrize("rule", catalogue.load().rules, ids=lambda r: r.name)
def test_example_triggers_and_use_instead_does_not(rule, tmp_path):
    if rule.scope is Scope.ENGINE:
        pytest.skip("made by the engine when a rule or a fix fails: see test_every_rule_has_cases")
    # unused-suppression judges suppressions of the rules that run: run them all for it
    running = ["ALL"] if rule.scope is Scope.SUPPRESSION else [rule.name]
    bad = [f for f in _lint(tmp_path / "bad", _snippet(rule, "Example"), running) if f.rule == rule.name]
    good = [f for f in _lint(tmp_path / "good", _snippet(rule, "Use instead"), running) if f.rule == rule.name]
    assert bad, f"{rule.name}: its Example finds nothing"
    assert good == [], f"{rule.name}: its Use instead still finds {[f.message for f in good]}"


def test_codes_and_names_are_unique_and_stable():
    rules = catalogue.load().rules
    assert len({r.code for r in rules}) == len({r.name for r in rules}) == len(rules)
    assert all(re.fullmatch(r"CL\d{3}", r.code) for r in rules)
