"""A content team's own YAML rule: listed, documented, finds its pattern, suppressible, fixable."""

from __future__ import annotations

import json

import pytest

from contentlint.cli import main
from contentlint.rules import catalogue
from contentlint.rules.packs import PackError
from helpers import lint, make_doc


def load(*folders):
    """The rules of a run whose configuration names the packs `folders`."""
    return catalogue.load(folders)

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
    assert "team.yaml, rule 1 (x): needs summary, what, why, message" in capsys.readouterr().err


def test_a_bad_pack_adds_no_rule(tmp_path):
    """Every rule of a pack is checked before the run has any of them; a run that named the
    pack fails, and no other run of the process (no other configuration) sees its rules."""
    bad = PACK.replace("CL950", "CL951").replace('regex: "Real[- ]World"', "regex: 12")
    (tmp_path / "team.yaml").write_text(PACK + bad, encoding="utf-8")
    with pytest.raises(PackError, match=r"rule 2 \(real-world-heading\): field 'regex' should be a string"):
        load(tmp_path)
    (tmp_path / "team.yaml").write_text(PACK + PACK.replace("CL950", "CL951"), encoding="utf-8")
    with pytest.raises(PackError, match="rule 2 .* collides with CL950"):  # same name, other code
        load(tmp_path)


def test_a_configuration_changes_nothing_global(tmp_path):
    """Rules are loaded per run: a pack one configuration names is not in another's run."""
    (tmp_path / "team.yaml").write_text(PACK, encoding="utf-8")
    assert load(tmp_path).find("CL950").name == "real-world-heading"
    assert load().find("CL950") is None
    assert catalogue.load().find("real-world-heading") is None


def test_a_pack_named_twice_adds_its_rules_once(tmp_path):
    (tmp_path / "team.yaml").write_text(PACK, encoding="utf-8")
    rules = load(tmp_path, tmp_path)
    assert [r.name for r in rules if r.code == "CL950"] == ["real-world-heading"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "team.yaml").write_text(PACK.replace("Real[- ]World", "Real World"), encoding="utf-8")
    with pytest.raises(PackError, match="collides"):  # the same code with another pattern is another rule
        load(tmp_path, other)


def test_languages_are_read_as_iso_codes(tmp_path):
    """`Norwegian` and `no` name the language articles carry as `nb`; an unknown one is an error."""
    (tmp_path / "team.yaml").write_text(PACK.replace("languages: [nb]", "languages: [Norwegian]"), encoding="utf-8")
    assert load(tmp_path).find("CL950").languages == ("nb",)
    (tmp_path / "team.yaml").write_text(PACK.replace("languages: [nb]", "languages: [klingonese]"), encoding="utf-8")
    with pytest.raises(PackError, match="field 'languages': unknown language 'klingonese'"):
        load(tmp_path)


def test_a_replacement_the_pattern_finds_again_is_no_fix(tmp_path):
    """`x` -> `xx` would grow the file every round of --fix: the finding stays, the fix goes."""
    pack = PACK.replace("Real[- ]World", "Real").replace("replacement: Virkelig", "replacement: Really")
    (tmp_path / "team.yaml").write_text(pack, encoding="utf-8")
    doc = make_doc("## Real World\n".encode(), "nb")
    found = lint(doc, ["real-world-heading"], catalogue=load(tmp_path))
    assert [(f.line, f.column, f.fix) for f in found] == [(1, 4, None)]


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
    (tmp_path / "contentlint.toml").write_text('extend_select = ["dash-bulet"]\n', encoding="utf-8")
    assert main(["check"]) == 2  # checked even without `select`
    assert "unknown rule 'dash-bulet'; did you mean 'dash-bullet'?" in capsys.readouterr().err
