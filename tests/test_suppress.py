"""Inline suppressions: scope, rules named, and that fixes never touch what they cover."""

from __future__ import annotations

import json

import pytest

from contentlint.cli import main

HEAD = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n"


def check(tmp_path, capsys, body: str, *args):
    p = tmp_path / "a.md"
    p.write_text(HEAD + body, encoding="utf-8")
    main(["check", str(p), "--format", "json", "--select", "CL1,CL2,CL003", "--ignore", "missing-highlights", *args])
    return p, [(f["line"], f["rule"]) for f in json.loads(capsys.readouterr().out)["findings"]]


@pytest.mark.parametrize("body, expected", [
    # next line only
    ("<!-- contentlint-disable-next-line stray-punctuation -->\nA [x](/x),. b.\n\nC [y](/y),. d.\n",
     [(11, "stray-punctuation")]),
    # a region, closed by enable; a code and a prefix work as selectors
    ("<!-- contentlint-disable CL201 -->\nA [x](/x),. b.\n<!-- contentlint-enable CL201 -->\n\nC [y](/y),. d.\n",
     [(12, "stray-punctuation")]),
    ("<!-- contentlint-disable CL2 -->\nA [x](/x),. b .\n",
     []),
    # the whole file, one rule only
    ("<!-- contentlint-disable-file stray-punctuation -->\nA [x](/x),. b .\n\nC [y](/y),. d.\n",
     [(9, "space-before-punctuation")]),
    # no rule named: every rule on the next line
    ("<!-- contentlint-disable-next-line -->\nA [x](/x),. b .\n",
     []),
    # inline comment form
    ("A [x](/x),. b. <!-- contentlint-disable-next-line -->\nC [y](/y),. d.\n",
     [(8, "stray-punctuation")]),
])
def test_scopes(tmp_path, capsys, body, expected):
    _, found = check(tmp_path, capsys, body)
    assert found == expected


def test_unused_and_unknown_are_reported(tmp_path, capsys):
    _, found = check(tmp_path, capsys, "<!-- contentlint-disable-next-line dash-bullet -->\nA clean line.\n"
                                       "<!-- contentlint-disable nope -->\n")
    assert found == [(8, "unused-suppression"), (10, "unused-suppression")]


def test_fix_leaves_suppressed_text_alone(tmp_path, capsys):
    body = "<!-- contentlint-disable-next-line stray-punctuation -->\nA [x](/x),. b.\n\nC [y](/y),. d.\n"
    p, _ = check(tmp_path, capsys, body)
    main(["check", str(p), "--fix", "--select", "stray-punctuation"])
    assert p.read_text(encoding="utf-8") == HEAD + body.replace("C [y](/y),. d.", "C [y](/y), d.")
