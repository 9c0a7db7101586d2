"""A run holds findings packed and reports them as a stream, file by file: the reports,
counts and exit code are what a list of every finding would give."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from contentlint.language import detection, span_models
from contentlint.config.settings import Config
from contentlint.load.discover import discover
from contentlint.base.findings import Edit, Finding, Fix, Related, Severity
from contentlint.engine.records import GroupResult, pack, unpack
from contentlint.engine.result import Result
from contentlint.load.recent import RecentDocuments
from contentlint.reporters.writers import render
from contentlint.engine.run import check

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture
def result(tmp_path, monkeypatch) -> Result:
    """The fixture corpus with one suppression that is used and one that is not."""
    for folder in CORPUS.iterdir():
        if folder.is_dir():
            shutil.copytree(folder, tmp_path / folder.name)
    target = tmp_path / "English" / "aic.md"
    target.write_text(target.read_text(encoding="utf-8")
                      + "\n<!-- contentlint-disable-next-line stray-punctuation -->\nSee [AIC](/aic),. now\n"
                      + "\n<!-- contentlint-disable-next-line repeated-word -->\nNothing repeated here.\n",
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = Config(path_patterns=["{language}/{key}.md"])
    return check(discover(["."]), config, jobs=1)[0]


def test_stream_reads_the_same_findings_every_time_in_report_order(result):
    first, second = list(result.findings), list(result.findings)
    assert first and first == second
    assert [f.sort_key() for f in first] == sorted(f.sort_key() for f in first)
    assert len(result.findings) == len(first)
    rules = Counter(f.rule for f in first)
    assert rules["unused-suppression"] == 1  # judged afresh on each pass, not marked used by the first
    assert "stray-punctuation" not in {f.rule for f in first if f.path.endswith("English/aic.md")}


def test_summary_and_exit_code_count_the_stream(result):
    found = list(result.findings)
    summary = result.summary()
    assert summary["findings"] == len(found)
    assert summary["by_rule"] == dict(sorted(Counter(f.rule for f in found).items()))
    assert summary["by_severity"] == dict(sorted(Counter(str(f.severity) for f in found).items()))
    assert summary["fixable"] == sum(1 for f in found if f.fix and f.fix.safe)
    assert result.failed() == any(f.severity >= result.fail_on for f in found)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_streamed_json_is_what_one_dump_would_write(result, fmt):
    for findings in (result.findings, []):
        text = render(fmt, Result(findings, result.files, docs=RecentDocuments()))
        data = json.loads(text)
        if fmt == "json":
            assert len(data["findings"]) == data["summary"]["findings"] == len(list(findings))
        else:
            assert len(data["runs"][0]["results"]) == len(list(findings))
            assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_text_report_ends_with_the_summary_of_what_it_listed(result):
    lines = render("text", result).splitlines()
    listed = sum(1 for line in lines if not line.startswith("    ") and ": CL" in line)
    assert lines[-1].startswith(f"Found {listed} findings in {len(result.files)} files")


def test_texts_keeps_only_the_latest_files(tmp_path):
    paths = []
    for k in range(10):
        p = tmp_path / f"{k}.md"
        p.write_text(f"# Title {k}\n", encoding="utf-8")
        paths.append(str(p))
    texts = RecentDocuments()
    texts.LIMIT = 3
    for p in paths + paths[:2]:
        assert texts[p].text == Path(p).read_text(encoding="utf-8")
        assert len(texts) <= 3


def test_packed_findings_keep_every_field():
    findings = [
        Finding("a.md", 3, 9, 1, 4, 1, 10, "CL102", "stray-punctuation", Severity.ERROR, "remove ','",
                Fix((Edit(3, 4, ""), Edit(8, 9, "x")), False, "remove it"), [Related("b.md", 2, "source")]),
        Finding("b.md", 0, 1, 1, 1, 1, 2, "CL201", "link-mismatch", Severity.WARNING, "link differs"),
    ]
    assert unpack(pack(findings)) == findings
    assert unpack(pack([])) == []
    group = GroupResult.of("b.md", findings)
    assert set(group.by_path) == {"a.md", "b.md"}
    assert unpack(group.by_path["a.md"]) == findings[:1]
    unpacked = [f for packed in group.by_path.values() for f in unpack(packed)]
    assert sorted(unpacked, key=Finding.sort_key) == sorted(findings, key=Finding.sort_key)


def test_released_span_models_load_again_when_needed():
    codes, source = ("en", "nb"), "en"
    span_models.preload(codes, source)
    span_models.release()
    [(code, confidence)] = detection.detect(["Dette er en setning skrevet på norsk bokmål om investeringer."],
                                           ("en", "nb"), parallel=False)
    assert code == "nb" and confidence > 0.5
