"""Rule tests as data: tests/rules/<rule-name>.yaml lists fail / fix / pass cases.

A case gives its text (or `files`, a fixture folder run through the whole pipeline), the
expected `findings` as positions, optionally their `messages` and `related` places (the
first of each finding: [file, line]), the `fixed` text, and the
rule's `options` as a configuration would set them ([tool.contentlint.rules.NAME])."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import yaml

from contentlint.config.settings import Config
from contentlint.rules import catalogue
from contentlint.rules.base import Scope
from helpers import fix, lint, lint_files, make_doc

RULES = catalogue.load()

CASES = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}")


def _bytes(case) -> bytes:
    if "bytes" in case:
        return codecs.escape_decode(case["bytes"].encode("latin-1"))[0]
    return case["text"].encode("utf-8")


def _config(rule: str, case) -> Config:
    config = Config(**case.get("config", {}))
    options = case.get("options", {})
    unknown = set(options) - set(RULES.find(rule).options)
    assert not unknown, f"{rule} has no option {sorted(unknown)}"
    config.rule_options = {RULES.find(rule).name: dict(options)}
    return config


@pytest.mark.parametrize("rule, case", list(_cases()))
def test_case(rule, case, tmp_path):
    assert RULES.find(rule) is not None, f"unknown rule {rule}"
    config = _config(rule, case)
    if "files" in case:  # a fixture folder: the whole pipeline, languages and groups included
        everything = lint_files(tmp_path, case["files"], [rule, *case.get("also", [])], config)
        assert [f.message for f in everything if f.rule == "rule-error"] == []  # a rule that stopped found nothing
        found = [f for f in everything if f.rule == rule]
        assert [[f.path[len(str(tmp_path)) + 1 :], f.line, f.column] for f in found] == case["findings"]
        if "messages" in case:
            assert [f.message for f in found] == case["messages"]
        if "related" in case:  # where each finding points in the source: [file, line]
            assert [[r.path[len(str(tmp_path)) + 1:], r.line] for f in found for r in f.related[:1]] == case["related"]
        return
    doc = make_doc(_bytes(case), case.get("language"))
    found = lint(doc, [rule], config)
    assert [[f.line, f.column] for f in found] == case["findings"]
    if "messages" in case:
        assert [f.message for f in found] == case["messages"]
    if "fixed" in case:
        fixed = fix(doc, [rule], unsafe=case.get("unsafe", False))
        assert fixed.text == case["fixed"]
        assert lint(fixed, [rule]) == [] or not case.get("findings_after_fix", True)


def _pattern_cases():
    from contentlint.rules.packs import PatternRule

    for rule in catalogue.load().rules:
        if isinstance(rule, PatternRule):
            for n, case in enumerate(rule.examples):
                yield pytest.param(rule, case, id=f"{rule.name}: example {n + 1}")


@pytest.mark.parametrize("rule, case", list(_pattern_cases()))
def test_pattern_rule_examples(rule, case):
    """A pack's examples are its test cases: fail finds, fixed is the fix, pass finds nothing."""
    text = (case.get("fail") or case.get("pass")) + "\n"
    language = rule.languages[0] if rule.languages else None
    doc = make_doc(text.encode("utf-8"), language)
    found = lint(doc, [rule.name])
    assert bool(found) == ("fail" in case)
    if "fixed" in case:
        assert fix(doc, [rule.name], unsafe=True).text == case["fixed"] + "\n"


def test_every_rule_option_has_a_case():
    set_by_cases: dict[str, set] = {}
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            set_by_cases.setdefault(data["rule"], set()).update(case.get("options", {}))
    missing = [f"{r.name}.{key}" for r in catalogue.load().rules for key in r.options if key not in set_by_cases.get(r.name, set())]
    assert not missing, f"options without a case: {missing}"


def test_every_rule_has_cases():
    from contentlint.rules.packs import PatternRule

    covered = {yaml.safe_load(p.read_text(encoding="utf-8"))["rule"] for p in CASES.glob("*.yaml")}
    covered |= {r.name for r in catalogue.load().rules if isinstance(r, PatternRule) and r.examples}
    # rules the engine makes when a rule or a fix fails are driven through the command line
    # by the hostile-checkout tests, which must name them
    hostile = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py")
                      if p.name in ("test_untrusted_checkout.py", "test_pattern_bounds.py", "test_output_safety.py"))
    covered |= {r.name for r in catalogue.load().rules if r.scope is Scope.ENGINE and f'"{r.name}"' in hostile}
    # rules that read the repository's history are driven through real repositories by
    # test_history.py, which must name them
    built = (Path(__file__).parent / "test_history.py").read_text(encoding="utf-8")
    covered |= {r.name for r in catalogue.load().rules if r.history and f'"{r.name}"' in built}
    assert {r.name for r in catalogue.load().rules} <= covered
