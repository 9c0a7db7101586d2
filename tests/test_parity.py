"""Parity on the seed group: what agrees is not reported, what differs is, and once."""

from __future__ import annotations

import json
from collections import Counter

from contentlint.cli import main


def findings(capsys, *args):
    main(["check", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_seed_group(capsys, in_root):
    found = findings(capsys, "seeds")
    rules = Counter(f["rule"] for f in found)
    assert rules["link-mismatch"] == 0 and rules["number-mismatch"] == 0  # they agree
    real_world = [f for f in found if f["rule"] == "untranslated-segment"]
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in real_world] == [
        ("seeds/000_cb491d965fac7142.txt", 20, 4, 14)]
    assert real_world[0]["related"] == [
        {"path": "seeds/001_32ba5bcfdd48ab61.txt", "line": 20, "message": "source (en)"}]
    # nothing reported twice: one finding per place, and `##Høydepunkter` only as a heading defect
    places = Counter((f["path"], f["line"], f["column"]) for f in found)
    assert [p for p, n in places.items() if n > 1] == []
    assert not any(f["rule"] in ("outline-mismatch", "list-mismatch", "paragraph-mismatch") for f in found)


def test_group_findings_name_their_source_in_text_output(capsys, in_root):
    main(["check", "seeds", "--select", "untranslated-segment"])
    out = capsys.readouterr().out
    assert "seeds/000_cb491d965fac7142.txt:20:4: CL507 untranslated-segment 'Real World'" in out
    assert "    source (en): seeds/001_32ba5bcfdd48ab61.txt:20" in out
