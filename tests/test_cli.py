"""The command line: formats, selection, exit codes, docs, and what --fix keeps."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from contentlint.cli import main

ARTICLE = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\nTekst ,. her .\n\n##Høydepunkter\n\n– punkt\n"


def write(tmp_path, name, data: bytes | str):
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


def test_text_output_is_ruff_style(tmp_path, capsys):
    p = write(tmp_path, "a.md", ARTICLE)
    assert main(["check", str(p), "--ignore", "CL4"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{p}:8:7: CL201 stray-punctuation ")
    assert out[0].endswith("[*]")
    assert "\x1b[" not in "".join(out)  # no colour when not a terminal
    assert out[-1].startswith("Found ")


def test_json_shape(tmp_path, capsys):
    p = write(tmp_path, "a.md", ARTICLE)
    main(["check", str(p), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    keys = {"path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "fixable"}
    assert data["findings"] and all(set(f) == keys for f in data["findings"])
    assert data["summary"]["findings"] == len(data["findings"])


@pytest.mark.parametrize("selector, rules", [
    ("CL201", {"stray-punctuation"}),
    ("dash-bullet", {"dash-bullet"}),
    ("CL1", {"heading-missing-space", "dash-bullet"}),
])
def test_select_by_code_name_and_prefix(tmp_path, capsys, selector, rules):
    p = write(tmp_path, "a.md", ARTICLE)
    main(["check", str(p), "--format", "json", "--select", selector])
    assert {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]} == rules


def test_ignore(tmp_path, capsys):
    p = write(tmp_path, "a.md", ARTICLE)
    main(["check", str(p), "--format", "json", "--ignore", "CL2,CL4,dash-bullet"])
    assert {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"heading-missing-space"}


def test_exit_codes(tmp_path, capsys):
    clean = write(tmp_path, "clean.md", "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n## Highlights\n\n- a\n")
    assert main(["check", str(clean)]) == 0
    p = write(tmp_path, "a.md", "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n## Highlights\n\n- a  b\n")
    assert main(["check", str(p)]) == 0  # only an info finding; fail-on is warning
    assert main(["check", str(p), "--fail-on", "info"]) == 1
    assert main(["check", str(tmp_path / "nope.md")]) == 2
    assert main(["check", str(p), "--select", "dash-bulet"]) == 2
    assert "did you mean 'dash-bullet'" in capsys.readouterr().err


def test_fix_keeps_bom_crlf_and_permissions(tmp_path, capsys):
    data = ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode()
    p = write(tmp_path, "a.md", data)
    os.chmod(p, 0o640)
    main(["check", str(p), "--fix"])
    out = p.read_bytes()
    assert out.startswith(b"\xef\xbb\xbf")
    assert out.count(b"\r\n") == data.count(b"\r\n") and b"\n" not in out.replace(b"\r\n", b"")
    assert b"\r\n## H\xc3\xb8ydepunkter\r\n" in out and b"\r\n- punkt\r\n" in out
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert [n for n in os.listdir(tmp_path) if n.startswith(".contentlint-")] == []


def test_bad_files_do_not_stop_the_run(tmp_path, capsys):
    write(tmp_path, "bad.md", b"caf\xe9\n")
    write(tmp_path, "empty.md", b"")
    write(tmp_path, "good.md", ARTICLE)
    main(["check", str(tmp_path), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_file = {os.path.basename(f["path"]) for f in findings}
    assert by_file == {"bad.md", "empty.md", "good.md"}
    assert [f["message"] for f in findings if f["path"].endswith("bad.md")] == [
        "file is not valid UTF-8 (byte 3: b'\\xe9')"]


def test_rules_and_rule_docs(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "CL101  heading-missing-space" in listing
    assert main(["rule", "dash-bullet"]) == 0
    doc = capsys.readouterr().out
    assert "## What it does" in doc and "## Use instead" in doc
    assert main(["rule", "CL201"]) == 0
    assert "stray-punctuation" in capsys.readouterr().out
    assert main(["rule", "nope"]) == 2


def test_python_dash_m(tmp_path):
    p = write(tmp_path, "a.md", ARTICLE)
    run = subprocess.run([sys.executable, "-m", "contentlint", "check", str(p)], capture_output=True, text=True)
    assert run.returncode == 1 and "CL101" in run.stdout
