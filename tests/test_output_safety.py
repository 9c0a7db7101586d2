"""A checkout is untrusted input: file names chosen by a stranger must not inject anything
into any report (a workflow command, a terminal sequence, invalid XML or JSON), names that
are not UTF-8 must be written losslessly, and the CLI must end cleanly however it ends.

The real CLI runs in a subprocess with a strict UTF-8 standard output, so an undecodable
name that reached a writer unescaped would fail the run instead of slipping through."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote_to_bytes

import jsonschema
import pytest

from contentlint import cli
from contentlint.cli import commands
from contentlint.base import escape
from helpers import report_data

ARTICLE = b"# T\n\nTekst ,. her .\n"
HOSTILE = [
    b"x\n::error file=x,line=1::owned.md",  # a newline, then a workflow command
    b"esc\x1b[2J\x1b]0;title\x07.md",  # terminal sequences: clear the screen, set the title
    b"bell\x07del\x7f\xc2\x85.md",  # a C0 control, DEL, a C1 control (NEL)
    b"caf\xe9.md",  # Latin-1: not UTF-8
    "rtl\u202egpj.md".encode(),  # a bidi override that shows "jpg.md"
    b"back\\x41slash.md",  # a real backslash: the escape must stay reversible
]
FORMATS = ["text", "json", "github", "junit", "sarif"]
ENV = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "CONTENTLINT_DEBUG")}
ENV["PYTHONIOENCODING"] = "utf-8"  # strict: a surrogate reaching stdout is an error, not a byte


def contentlint(cwd, *args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "contentlint", "check", *args, "--no-cache", "--no-config",
                           "--jobs", "1"], cwd=cwd, env=ENV, capture_output=True, **kw)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("checkout")
    (root / "c").mkdir()
    for name in HOSTILE:
        with open(os.path.join(os.fsencode(root), b"c", name), "wb") as fh:
            fh.write(ARTICLE)
    return root


@pytest.fixture(scope="module")
def reports(checkout) -> dict[str, str]:
    """Each format's report on the hostile checkout, decoded strictly as UTF-8."""
    out = {}
    for fmt in FORMATS:
        run = contentlint(checkout, "c", "--format", fmt, "--ignore", "CL4")
        assert run.returncode == 1, run.stderr
        assert run.stderr == b""
        out[fmt] = run.stdout.decode("utf-8")
    return out


def originals() -> set[bytes]:
    return {b"c/" + name for name in HOSTILE}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_control_character_survives_in_any_format(reports, fmt):
    # only the newlines that end lines; no ESC, BEL, DEL, NEL, bidi override, surrogate
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", reports[fmt])


def test_text_lines_cannot_be_forged(reports):
    lines = reports["text"].splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert all(line.startswith("c/") for line in lines[:-1]) and lines[-1].startswith("Found ")
    # every name shown escaped, and the escapes give back its bytes
    shown = {line.split(":1:1: ")[0] for line in lines if ":1:1: CL002 " in line}
    assert {escape.unescape(s) for s in shown} == originals()
    assert "c/caf\\xe9.md" in shown and "c/rtl\\u202egpj.md" in shown and "c/back\\\\x41slash.md" in shown


def test_github_commands_are_one_per_finding_and_escaped(reports):
    lines = reports["github"].splitlines()
    command = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                         r"title=CL\d{3} [a-z-]+::[^\n]*$")
    assert len(lines) == len(json.loads(reports["json"])["findings"])
    assert all(command.match(line) for line in lines)
    files = {command.match(line).group(2) for line in lines}
    # GitHub's toolkit escaping on top of ours: ':' and ',' of the name cannot end the property
    assert "c/x\\n%3A%3Aerror file=x%2Cline=1%3A%3Aowned.md" in files
    unescaped = {f.replace("%3A", ":").replace("%2C", ",").replace("%25", "%") for f in files}
    assert {escape.unescape(f) for f in unescaped} == originals()


def test_junit_parses_and_names_every_file(reports):
    root = ET.fromstring(reports["junit"].encode("utf-8"))
    cases = list(root.iter("testcase"))
    assert {escape.unescape(c.get("name")) for c in cases} == originals()
    # each failure's text names its case's file, escaped the same way
    assert all(f.text.startswith(c.get("file") + ":") for c in cases for f in c.iter("failure"))


def test_sarif_uris_are_percent_encoded_and_valid(reports):
    log = json.loads(reports["sarif"])
    schema = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"] for loc in r["locations"]}
    assert all(re.fullmatch(r"[A-Za-z0-9._~/%-]+", u) for u in uris)  # unreserved, "/" and escapes only
    assert {unquote_to_bytes(u) for u in uris} == originals()  # relative, and exactly the bytes


def test_json_paths_decode_to_the_original_bytes(reports):
    findings = json.loads(reports["json"])["findings"]
    assert {escape.unescape(f["path"]) for f in findings} == originals()


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_of_a_hostile_checkout(checkout, tmp_path, reports, fmt):
    # before: an undecodable name made every --output fail with exit 2 and a truncated file
    target = tmp_path / f"report.{fmt}"
    run = contentlint(checkout, "c", "--format", fmt, "--ignore", "CL4", "--output", str(target))
    assert run.returncode == 1 and run.stderr == b""
    assert target.read_text(encoding="utf-8") == reports[fmt]
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left beside it


def test_a_committed_link_as_output_is_replaced_not_written_through(checkout, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = tmp_path / "reports" / "findings.json"
    target.parent.mkdir()
    target.symlink_to(victim)  # `reports/findings.json -> ~/.bashrc` in a pull request
    assert contentlint(checkout, "c", "--format", "json", "--output", str(target)).returncode == 1
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not target.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_a_device_or_pipe_as_output_is_written_into(checkout, tmp_path):
    run = contentlint(checkout, "c", "--output", os.devnull)
    assert run.returncode == 1 and run.stderr == b""
    assert Path(os.devnull).is_char_device()  # never replaced by a regular file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    run = contentlint(checkout, "c", "--format", "json", "--output", str(fifo))
    assert run.returncode == 1 and json.loads(reader.communicate(timeout=60)[0])["findings"]
    assert fifo.is_fifo()


def test_a_failing_report_leaves_the_previous_one_whole(tmp_path, monkeypatch, capsys):
    p = tmp_path / "a.md"
    p.write_bytes(ARTICLE)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("the previous report\n", encoding="utf-8")

    def failing(fmt, result, color=False):  # the report fails after its first piece
        yield "{\n"
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(commands, "chunks", failing)
    assert cli.main(["check", str(p), "--no-cache", "--format", "json", "--output", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert os.listdir(target.parent) == ["report.json"]
    assert capsys.readouterr().err == "contentlint: internal error: RuntimeError('disk on fire')\n"


def test_a_closed_pipe_ends_quietly(tmp_path):
    # about 1.5 MB of report: more than any pipe buffer holds, so the writer must meet the closed pipe
    name = "a" * 200 + ".md"
    (tmp_path / name).write_bytes(b"# T\n\n" + b"Tekst ,. her .\n\n" * 5000)
    proc = subprocess.Popen([sys.executable, "-m", "contentlint", "check", name, "--no-cache", "--no-config",
                             "--jobs", "1", "--select", "stray-punctuation", "--languages", "nb"], cwd=tmp_path, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(name.encode())
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 1
    assert err == b""  # no traceback, no "Exception ignored", no "error: Broken pipe"


def test_an_internal_error_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    p = tmp_path / "a.md"
    p.write_bytes(ARTICLE)

    def broken(*args, **kwargs):
        raise RuntimeError("bug\nwith a newline")

    monkeypatch.setattr(commands, "check", broken)
    monkeypatch.delenv("CONTENTLINT_DEBUG", raising=False)
    assert cli.main(["check", str(p), "--no-cache"]) == 2
    assert capsys.readouterr().err == "contentlint: internal error: RuntimeError('bug\\nwith a newline')\n"
    monkeypatch.setenv("CONTENTLINT_DEBUG", "1")  # for whoever debugs it: the traceback too
    assert cli.main(["check", str(p), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("contentlint: internal error: ") and "Traceback (most recent call last)" in err


def test_an_interrupt_replaced_on_its_way_up_still_ends_as_interrupted(tmp_path, monkeypatch, capsys):
    """A signal whose exception is raised inside a lock's release comes up as RuntimeError
    ('release unlocked lock', from the pool's machinery): the run still ends as interrupted."""
    import signal
    import time

    from contentlint.base.interrupt import Interrupted

    def interrupted_inside_a_lock(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        except Interrupted:
            raise RuntimeError("release unlocked lock") from None

    p = tmp_path / "a.md"
    p.write_bytes(ARTICLE)
    monkeypatch.setattr(commands, "check", interrupted_inside_a_lock)
    assert cli.main(["check", str(p), "--no-cache"]) == 130
    assert capsys.readouterr().err == "contentlint: interrupted (SIGINT)\n"
    monkeypatch.setattr(commands, "check", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("a bug")))
    assert cli.main(["check", str(p), "--no-cache"]) == 2  # no signal this run: an internal error


@pytest.mark.parametrize("module, name, code", [
    ("stray_punctuation", "StrayPunctuation", "CL201"),  # a document rule
    ("unused_suppression", "UnusedSuppression", "CL003"),  # the last scope, on a file's suppressions
])
def test_a_rule_that_fails_makes_exit_2_after_the_report(tmp_path, monkeypatch, capsys, module, name, code):
    import importlib

    rule = getattr(importlib.import_module(f"contentlint.rules.{module}"), name)

    def broken(self, target, ctx):
        raise ZeroDivisionError("inside the rule")

    p = tmp_path / "a.md"
    p.write_bytes(ARTICLE + b"\n<!-- contentlint-disable-next-line whitespace -->\nText.\n")
    monkeypatch.setattr(rule, "check", broken)
    assert cli.main(["check", str(p), "--no-cache", "--jobs", "1", "--format", "json"]) == 2
    findings = json.loads(capsys.readouterr().out)["findings"]  # the report is whole
    assert [(f["message"], f["line"]) for f in findings if f["rule"] == "rule-error"] == [
        (f"rule '{rule.name}' ({code}) stopped on this file: internal error: ZeroDivisionError('inside the rule')", 1)]


def test_escapes_are_reversible_and_leave_nothing_xml_forbids():
    every_byte = bytes(range(256))
    assert escape.unescape(escape.path(os.fsdecode(every_byte))) == every_byte
    text = "".join(map(chr, range(0x10000))) + "\U000e0041\U0001f600"
    xml_forbidden = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    for escaped in (escape.path(text), escape.message(text)):
        assert not xml_forbidden.search(escaped)
        assert "\u202e" not in escaped and "\U000e0041" not in escaped and "\U0001f600" in escaped
    # messages are prose: a quoted backslash stays one backslash
    assert escape.message("byte 3: b'\\xe9'\x1b") == "byte 3: b'\\xe9'\\x1b"


def test_the_printable_fast_path_never_skips_an_escape():
    """escape.message returns printable text as it is: nothing it escapes may be printable."""
    assert not [hex(c) for c in range(0x110000) if escape._MESSAGE.match(chr(c)) and chr(c).isprintable()]


def test_the_html_report_of_a_hostile_checkout(checkout, tmp_path):
    out = subprocess.run([sys.executable, "-m", "contentlint", "report", "c", "--no-config", "--output",
                          str(tmp_path / "r.html")], cwd=checkout, env=ENV, capture_output=True)
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "\x1b" not in page and "\u202e" not in page
    assert any(c[3].endswith("caf\\xe9.md") for entry in report_data(page)["index"] for c in entry[2])


def test_output_to_dev_stdout_redirected_to_a_file(checkout, tmp_path):
    with open(tmp_path / "out.txt", "wb") as fh:
        run = subprocess.run([sys.executable, "-m", "contentlint", "check", "c", "--no-cache", "--no-config",
                              "--output", "/dev/stdout"], cwd=checkout, env=ENV, stdout=fh, stderr=subprocess.PIPE)
    assert run.returncode == 1 and run.stderr == b""
    assert b"Found" in (tmp_path / "out.txt").read_bytes()
