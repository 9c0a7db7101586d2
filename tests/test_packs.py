"""A content team's own YAML rule: listed, documented, finds its pattern, suppressible, fixable."""

from __future__ import annotations

import json

import pytest

from contentlint.cli import main
from contentlint.registry import unregister


@pytest.fixture(autouse=True)
def forget_team_rules():
    yield
    unregister("CL950")  # the registry lives as long as the process; other tests must not see it

PACK = """
- code: CL950
  name: real-world-heading
  summary: English "Real World" left in a translated heading
  what: Finds the English words "Real World" in Norwegian headings and writes "Virkelig".
  why: Readers of the Norwegian article meet English in its outline.
  message: "'Real World' is English: write 'Virkelig'"
  severity: warning
  regex: "Real[- ]World"
  replacement: Virkelig
  languages: [nb]
  scope: [heading]
  examples:
    - fail: "## Real World Eksempel på API"
      fixed: "## Virkelig Eksempel på API"
    - pass: "Real World in a paragraph is not a heading."
"""

ARTICLE = ("---\ntitle: T\ndescription: D\nkeywords: K\nlang: nb\n---\n# T\n\n## Real World Eksempel på API\n\n"
           "Real World i et avsnitt.\n\n<!-- contentlint-disable-next-line real-world-heading -->\n"
           "## Real-World Eksempel to\n")


def project(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('paths = ["content"]\npacks = ["rules"]\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_custom_rule_end_to_end(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(project(tmp_path))
    assert main(["rules"]) == 0
    assert "CL950  real-world-heading" in capsys.readouterr().out
    assert main(["rule", "real-world-heading"]) == 0
    assert "## Use instead" in capsys.readouterr().out
    main(["check", "--format", "json", "--select", "real-world-heading"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["line"], f["column"], f["fixable"]) for f in found] == [(9, 4, True)]  # the suppressed one is not
    main(["check", "--fix", "--select", "real-world-heading"])
    capsys.readouterr()
    text = (tmp_path / "content" / "a.md").read_text(encoding="utf-8")
    assert "## Virkelig Eksempel på API" in text and "## Real-World Eksempel to" in text
    assert "Real World i et avsnitt." in text  # out of scope: a paragraph


def test_bad_pack_is_a_configuration_error(tmp_path, capsys, monkeypatch):
    project(tmp_path)
    (tmp_path / "rules" / "team.yaml").write_text("- code: CL951\n  name: x\n  regex: '('\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "team.yaml, rule 1: needs summary, what, why, message" in capsys.readouterr().err


def test_unknown_configuration_key_says_what_was_meant(tmp_path, capsys, monkeypatch):
    (tmp_path / "contentlint.toml").write_text('pahts = ["content"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "unknown key 'pahts'; did you mean 'paths'?" in capsys.readouterr().err
    (tmp_path / "contentlint.toml").write_text('[rules.repeated-word]\nalow = ["that"]\n', encoding="utf-8")
    assert main(["check"]) == 2
    assert "rule 'repeated-word' has no option 'alow'; did you mean 'allow'?" in capsys.readouterr().err
    (tmp_path / "contentlint.toml").write_text('select = ["dash-bulet"]\n', encoding="utf-8")
    assert main(["check"]) == 2
    assert "did you mean 'dash-bullet'?" in capsys.readouterr().err
