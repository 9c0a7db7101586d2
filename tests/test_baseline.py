"""Baseline: adopt on an old corpus; only new findings fail; edits above do not matter."""

from __future__ import annotations

import json

from contentlint.cli import main

ARTICLE = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\nA [x](/x),. b.\n\n## Highlights\n\n- a\n"


def findings(capsys, *args):
    code = main(["check", *args, "--format", "json", "--ignore", "CL4"])
    return code, json.loads(capsys.readouterr().out)


def test_baseline_hides_known_and_keeps_new(tmp_path, capsys):
    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert main(["check", str(p), "--write-baseline", str(base)]) == 0
    capsys.readouterr()
    code, data = findings(capsys, str(p), "--baseline", str(base))
    assert code == 0 and data["findings"] == [] and data["summary"]["baselined"] == 1
    # an unrelated edit above the finding moves it down two lines: still known
    p.write_text(ARTICLE.replace("# T\n", "# T\n\nA new first paragraph.\n"), encoding="utf-8")
    code, data = findings(capsys, str(p), "--baseline", str(base))
    assert code == 0 and data["findings"] == []
    # the same defect once more is new
    p.write_text(ARTICLE.replace("- a\n", "- a [y](/y),. c\n"), encoding="utf-8")
    code, data = findings(capsys, str(p), "--baseline", str(base))
    assert code == 1 and [(f["line"], f["rule"]) for f in data["findings"]] == [(12, "stray-punctuation")]


def test_bad_baseline_is_a_usage_error(tmp_path, capsys):
    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.json").write_text("{nope", encoding="utf-8")
    assert main(["check", str(p), "--baseline", str(tmp_path / "b.json")]) == 2
    assert "not a baseline file" in capsys.readouterr().err
    assert main(["check", str(p), "--baseline", str(tmp_path / "missing.json")]) == 2
