"""Every output format on the seeds: golden files, the SARIF schema, JUnit and GitHub syntax.

Regenerate the golden files after an intended change with CONTENTLINT_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from contentlint.cli import main

DATA = Path(__file__).parent / "data"
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "github": "txt"}


def run(capsys, fmt: str) -> str:
    main(["check", "seeds", "--format", fmt])
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt, capsys, in_root):
    out = run(capsys, fmt)
    golden = DATA / "golden" / f"seeds.{fmt}.{FORMATS[fmt]}"
    if os.environ.get("CONTENTLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_sarif_is_valid_and_complete(capsys, in_root):
    log = json.loads(run(capsys, "sarif"))
    schema = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert all(r["help"]["text"].count("## What it does") == 1 for r in rules)
    real_world = [r for r in run_["results"] if r["ruleId"] == "CL507"][0]
    assert real_world["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 20, "startColumn": 4, "endLine": 20, "endColumn": 14}
    related = real_world["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "seeds/001_32ba5bcfdd48ab61.txt"
    assert related["region"]["startLine"] == 20


def test_sarif_columns_are_utf16_code_units(tmp_path, capsys):
    # one astral character (two UTF-16 code units) before the defect
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n𝐀 se [x](/x),. her\n", encoding="utf-8")
    main(["check", str(p), "--select", "stray-punctuation", "--format", "json"])
    column = json.loads(capsys.readouterr().out)["findings"][0]["column"]
    main(["check", str(p), "--select", "stray-punctuation", "--format", "sarif"])
    region = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == column + 1


def test_junit_one_case_per_article(capsys, in_root):
    root = ET.fromstring(run(capsys, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == sorted(str(p) for p in Path("seeds").iterdir())
    failures = root.findall("./testsuite/testcase/failure")
    data = json.loads(run(capsys, "json"))
    assert len(failures) == sum(1 for f in data["findings"] if f["severity"] in ("warning", "error"))


def test_github_annotations_match_the_documented_format(capsys, in_root):
    lines = run(capsys, "github").splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                         r"title=CL\d{3} [a-z-]+::.+$")
    assert lines and all(pattern.match(line) for line in lines)


def test_github_escapes_newlines_and_separators(tmp_path, capsys):
    from contentlint.reporters import github

    assert github._data("a\nb%") == "a%0Ab%25"
    assert github._property("a,b:c") == "a%2Cb%3Ac"


def test_output_file(tmp_path, capsys, in_root):
    out = tmp_path / "sub" / "report.sarif"
    main(["check", "seeds", "--format", "sarif", "--output", str(out)])
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
