"""Baselines: fingerprints that do not depend on where contentlint runs, any file name, and a
malformed baseline file (it may come with an untrusted checkout) as a clean error."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from contentlint.cli import main
from contentlint.base import escape

ARTICLE = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\nA [x](/x),. b.\n\n## Highlights\n\n- a\n"
ENV = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CONTENTLINT_DEBUG")}


def contentlint(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "contentlint", "check", *args, "--no-cache", "--jobs", "1"],
                          cwd=cwd, env=ENV, capture_output=True, text=True)


def test_the_same_fingerprints_from_any_folder(tmp_path):
    # the configuration's folder is the root: `content/a.md` whether run from it or below it
    (tmp_path / "contentlint.toml").write_text('paths = ["content"]\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert contentlint(tmp_path, "--write-baseline", "top.json").returncode == 0
    assert contentlint(tmp_path / "sub", "--write-baseline", "../below.json").returncode == 0
    top = json.loads((tmp_path / "top.json").read_text(encoding="utf-8"))
    below = json.loads((tmp_path / "below.json").read_text(encoding="utf-8"))
    assert top["findings"] and top == below
    assert {row["path"] for row in top["findings"]} == {"content/a.md"}
    # a baseline adopted at the top hides everything when run from below
    run = contentlint(tmp_path / "sub", "--baseline", "../top.json", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(run.stdout)
    assert data["findings"] == [] and data["summary"]["baselined"] == len(top["findings"])


def test_a_name_that_is_not_utf8_is_baselined(tmp_path, capsys):
    # before: json.dump of the name failed half-way, exit 2 and a truncated baseline
    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.md"))
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(ARTICLE)
    base = tmp_path / "b.json"
    assert main(["check", name, "--no-config", "--no-cache", "--write-baseline", str(base)]) == 0
    rows = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert rows and {escape.unescape(r["path"]).endswith(b"/caf\xe9.md") for r in rows} == {True}
    assert main(["check", name, "--no-config", "--no-cache", "--baseline", str(base)]) == 0
    capsys.readouterr()


MALFORMED = {
    "not json": b"{nope",
    "not utf-8": b"\xff\xfe{}",
    "a list": b"[]",
    "another version": b'{"version": 2, "findings": []}',
    "true is not 1": b'{"version": true, "findings": []}',
    "findings not a list": b'{"version": 1, "findings": {"fingerprint": "x"}}',
    "a row not a mapping": b'{"version": 1, "findings": [1]}',
    "a row without fingerprint": b'{"version": 1, "findings": [{"path": "a.md"}]}',
    "a fingerprint not a string": b'{"version": 1, "findings": [{"fingerprint": ["x"]}]}',
    "nested too deep for json": b"[" * 100_000,
}


@pytest.mark.parametrize("content", MALFORMED.values(), ids=list(MALFORMED))
def test_a_malformed_baseline_is_a_clean_error(tmp_path, capsys, content):
    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main(["check", str(p), "--no-config", "--no-cache", "--fix", "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"contentlint: error: {bad}: ") and err.count("\n") == 1  # not "internal error"
    assert p.read_text(encoding="utf-8") == ARTICLE  # read before --fix could write anything


def test_a_folder_as_baseline_is_a_clean_error(tmp_path, capsys):
    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", str(p), "--no-config", "--no-cache", "--baseline", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"contentlint: error: {tmp_path}: ")


def test_a_rule_failure_is_never_adopted(tmp_path, monkeypatch, capsys):
    from contentlint.rules.stray_punctuation import StrayPunctuation

    def broken(self, doc, ctx):
        raise ZeroDivisionError("inside the rule")

    p = tmp_path / "a.md"
    p.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(StrayPunctuation, "check", broken)
    base = tmp_path / "b.json"
    args = ["check", str(p), "--no-config", "--no-cache", "--jobs", "1"]
    assert main([*args, "--write-baseline", str(base)]) == 2  # written, but the run failed
    assert "rule-error" not in {r["rule"] for r in json.loads(base.read_text(encoding="utf-8"))["findings"]}
    capsys.readouterr()
    assert main([*args, "--baseline", str(base), "--format", "json"]) == 2
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["rule-error"]
