"""A team pattern runs within a time bound per file: a catastrophic pattern stops on the file
that provokes it with one rule-error finding, and the run goes on with the other files."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import types

import pytest
import regex
import yaml

from contentlint.rules import packs
from contentlint.config.settings import Config
from contentlint.engine.pipeline import Pipeline
from contentlint.rules.catalogue import Catalogue
from contentlint.rules.packs import PatternRule, _class
from contentlint.rules.rule_error import RuleFailed
from helpers import make_doc

SPEC = {"code": "CL950", "name": "nested-repeat", "summary": "s", "what": "w", "why": "y", "message": "a run of a",
        "severity": "warning", "scope": ["paragraph"]}
FRONT = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n"


def pack(pattern: str) -> str:
    return yaml.safe_dump([{**SPEC, "regex": pattern}])


@pytest.mark.parametrize("pattern, line, stops", [
    ("(a+)+$", "a" * 1000 + "!", True),   # catastrophic for `regex` too
    ("(a|aa)+$", "a" * 41 + "!", True),
    ("(a+)+$", "a" * 41 + "!", False),    # the line that hung `re` for good: `regex` answers at once
])
def test_a_catastrophic_pattern_stops_on_its_file_and_the_run_goes_on(tmp_path, pattern, line, stops):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(pack(pattern), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('paths = ["content"]\npacks = ["rules"]\n', encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    for name in ("good1.md", "good2.md"):  # a built-in finding (##T2) and a pack finding (a line ending in aa)
        (content / name).write_text(FRONT + "##T2\n\nThe word baa\n", encoding="utf-8")
    (content / "bad.md").write_text(FRONT + line + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "contentlint", "check", "--no-cache", "--format", "json"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert "Traceback" not in run.stderr
    found = json.loads(run.stdout)["findings"]
    for name in ("good1.md", "good2.md"):
        assert {f["code"] for f in found if f["path"].endswith(name)} >= {"CL101", "CL950"}
    errors = [f for f in found if f["code"] == "CL005"]
    if stops:
        assert [f["path"] for f in errors] == ["content/bad.md"]
        assert f"pattern '{pattern}' ran past its time bound of 1 s" in errors[0]["message"]
        assert not any(f["code"] == "CL950" and f["path"] == "content/bad.md" for f in found)
    else:
        assert errors == []


def rule(pattern: str):
    return _class({**SPEC, "regex": pattern}, "test")()


def test_over_its_bound_a_rule_reports_only_the_rule_error(monkeypatch):
    """Not the findings it made before the bound: how far it got depends on the machine."""
    monkeypatch.setattr(packs, "BOUND", 0.05)
    doc = make_doc((FRONT + "baa\n\n" + "a" * 41 + "!\n").encode(), "en")
    with pytest.raises(RuleFailed, match=r"pattern '\(a\|aa\)\+\$' ran past its time bound of 0.05 s"):
        rule("(a|aa)+$").check(doc, None)
    found = Pipeline(Config(), Catalogue([rule("(a|aa)+$")])).document(doc)
    assert [(f.code, f.line) for f in found] == [("CL005", 1)]


class Recorder:
    """A pattern that finds nothing and records the time left it is given."""

    def __init__(self):
        self.timeouts = []

    def finditer(self, text, timeout):
        self.timeouts.append(timeout)
        return iter(())


def test_the_bound_is_a_deadline_for_the_whole_file(monkeypatch):
    """Each inline gets what is left of the file's bound, not a bound of its own: a file of
    many inlines, each under the bound, still stops once their sum passes it."""
    ticks = itertools.count()
    monkeypatch.setattr(packs, "time", types.SimpleNamespace(monotonic=lambda: next(ticks) * 0.3))
    doc = make_doc((FRONT + "".join(f"Paragraph {n}.\n\n" for n in range(10))).encode(), "en")
    recorder = Recorder()
    slow = type("Slow", (PatternRule,), {"code": "CL950", "name": "slow", "pattern": recorder, "source": "x"})()
    with pytest.raises(RuleFailed, match="pattern 'x' ran past its time bound of 1 s"):
        slow.check(doc, None)
    assert recorder.timeouts == pytest.approx([0.7, 0.4, 0.1])  # the clock reads 0.3 s later at each call


def test_an_empty_match_is_never_a_finding():
    """The second guard, behind the check at load: a pattern that matches the empty string
    between every two characters finds only its non-empty matches."""
    rule = type("Maybe", (PatternRule,), {"code": "CL950", "name": "maybe", "pattern": regex.compile("x?"),
                                          "source": "x?", "replacement": "y"})()
    doc = make_doc((FRONT + "axb\n").encode(), "en")
    found = rule.check(doc, None)
    assert [(f.line, f.column, f.fix.edits[0].content) for f in found] == [(8, 2, "y")]


def test_a_pattern_that_would_compile_for_minutes_is_refused(tmp_path):
    """`regex` unrolls counted repeats when it compiles: four nested {100} would take hours."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(pack("(?:(?:(?:a{100}){100}){100}){100}"), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('packs = ["rules"]\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "contentlint", "rules"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=30)
    assert run.returncode == 2
    assert "rule 1 (nested-repeat): field 'regex' is too large" in run.stderr


def test_a_file_a_rule_stopped_on_is_checked_again_next_run(tmp_path, monkeypatch, capsys):
    """A time bound depends on the machine's load: the cache never keeps such a file's result."""
    from contentlint.cli import main

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(pack("aaa"), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('paths = ["content"]\npacks = ["rules"]\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(FRONT + "aaaa\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def rules_found() -> list[str]:
        main(["check", "--jobs", "1", "--format", "json", "--select", "nested-repeat,rule-error"])
        return [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]

    monkeypatch.setattr(packs, "BOUND", 0.0)  # a machine so loaded the bound passes at once
    assert rules_found() == ["rule-error"]
    monkeypatch.setattr(packs, "BOUND", 1.0)
    assert rules_found() == ["nested-repeat"]
