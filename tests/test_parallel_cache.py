"""Worker processes and the content cache change how fast a run is, never what it finds."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from contentlint.load import document
from contentlint.engine.cache import FOLDER
from contentlint.cli import main
from contentlint.config.settings import Config
from contentlint.load.discover import discover
from contentlint.engine.run import check

CORPUS = Path(__file__).parent / "data" / "corpus"
PATTERN = 'path_patterns = ["{language}/{key}.md"]\n'


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """Four real articles in eight languages, with a configuration, as the working folder."""
    for folder in CORPUS.iterdir():
        if folder.is_dir():
            shutil.copytree(folder, tmp_path / folder.name)
    (tmp_path / "contentlint.toml").write_text('paths = ["."]\n' + PATTERN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def flat(tmp_path, monkeypatch) -> Path:
    """The same files under hashed names in one folder: groups must be inferred."""
    for k, path in enumerate(sorted(CORPUS.glob("*/*.md"))):
        (tmp_path / f"{k:03}_{abs(hash(path.name)) % 10**8:08}.md").write_bytes(path.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(capsys, *args: str) -> dict:
    main(["check", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def count_parses(monkeypatch) -> list:
    seen: list = []
    real = document.parse

    def counting(doc):
        seen.append(doc.path)
        return real(doc)

    monkeypatch.setattr(document, "parse", counting)
    return seen


@pytest.mark.parametrize("layout", ["corpus", "flat"])
def test_jobs_give_the_serial_output(layout, request, capsys):
    request.getfixturevalue(layout)
    serial = run_json(capsys, ".", "--jobs", "1", "--no-cache")
    assert serial["findings"], "the corpus has findings to compare"
    assert run_json(capsys, ".", "--jobs", "2", "--no-cache") == serial
    assert run_json(capsys, ".", "--jobs", "3", "--no-cache") == serial


def test_a_large_run_of_one_job_checks_in_one_worker(corpus, capsys, monkeypatch):
    from contentlint.engine import workers

    serial = run_json(capsys, ".", "--jobs", "1", "--no-cache")
    pools = []
    real = workers.multiprocessing.get_context

    def spy(method):
        context = real(method)
        pools.append(method)
        return context

    monkeypatch.setattr(workers, "ONE_WORKER_TASKS", 2)  # the four articles make a large run
    monkeypatch.setattr(workers.multiprocessing, "get_context", spy)
    assert run_json(capsys, ".", "--jobs", "1", "--no-cache") == serial
    assert pools == ["fork"]


def test_file_order_does_not_change_findings(corpus):
    files = discover(["."])
    config = Config(path_patterns=["{language}/{key}.md"])
    first, _ = check(files, config)
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    second, _ = check(shuffled, config)
    assert [f.sort_key() for f in first.findings] == [f.sort_key() for f in second.findings]


def test_warm_run_parses_nothing_and_finds_the_same(corpus, capsys, monkeypatch):
    cold = run_json(capsys, "--jobs", "1")
    assert (corpus / FOLDER).is_dir()
    parsed = count_parses(monkeypatch)
    assert run_json(capsys, "--jobs", "1") == cold
    assert parsed == []


def test_a_changed_file_is_checked_again_with_its_group_only(corpus, capsys, monkeypatch):
    run_json(capsys, "--jobs", "1")
    target = corpus / "Norwegian" / "aic.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nEn ny linje ,. her.\n", encoding="utf-8")
    parsed = count_parses(monkeypatch)
    warm = run_json(capsys, "--jobs", "1")
    assert sorted(Path(p).parent.name for p in parsed) == sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert {Path(p).name for p in parsed} == {"aic.md"}
    assert any(f["path"].endswith("Norwegian/aic.md") and f["rule"] == "stray-punctuation" for f in warm["findings"])
    assert run_json(capsys, "--no-cache") == warm


def test_touching_a_file_without_changing_it_keeps_its_record(corpus, capsys, monkeypatch):
    cold = run_json(capsys, "--jobs", "1")
    target = corpus / "English" / "aic.md"
    target.write_bytes(target.read_bytes())  # new time, same content
    parsed = count_parses(monkeypatch)
    assert run_json(capsys, "--jobs", "1") == cold
    assert parsed == []


def test_no_cache_neither_reads_nor_writes(corpus, capsys):
    run_json(capsys, "--no-cache")
    assert not (corpus / FOLDER).exists()


def test_configuration_is_part_of_the_key(corpus, capsys):
    run_json(capsys)
    (corpus / "contentlint.toml").write_text('paths = ["."]\n' + PATTERN + 'ignore = ["CL2"]\n', encoding="utf-8")
    data = run_json(capsys)
    assert not any(f["code"].startswith("CL2") for f in data["findings"])
    assert len([p for p in (corpus / FOLDER).iterdir() if p.is_dir()]) == 2


def test_a_broken_cache_is_ignored(corpus, capsys):
    cold = run_json(capsys)
    shards = [p for p in (corpus / FOLDER).glob("*/*") if p.name.startswith(("files-", "groups-", "spans"))]
    assert shards
    for shard in shards:
        shard.write_bytes(b"not a cache file")
    assert run_json(capsys) == cold


def test_fix_applies_to_files_whose_record_is_cached(corpus, capsys):
    run_json(capsys)
    target = corpus / "Norwegian" / "aic.md"
    before = target.read_text(encoding="utf-8")
    assert main(["check", "--fix", "--select", "stray-punctuation,space-before-punctuation"]) == 0  # all fixed
    capsys.readouterr()
    assert target.read_text(encoding="utf-8") != before
    after = run_json(capsys, "--select", "stray-punctuation,space-before-punctuation")
    assert not [f for f in after["findings"] if f["fixable"]]


def test_pre_commit_mode_agrees_with_and_without_cache(corpus, capsys):
    run_json(capsys)
    target = corpus / "English" / "80-20-rule.md"
    target.write_text(target.read_text(encoding="utf-8").replace("## ", "##", 1), encoding="utf-8")
    warm = run_json(capsys, "--changed", "English/80-20-rule.md")
    assert warm["findings"] and {Path(f["path"]).name for f in warm["findings"]} == {"80-20-rule.md"}
    assert run_json(capsys, "--changed", "English/80-20-rule.md", "--no-cache") == warm


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--jobs", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_a_record_cached_with_a_key_serves_a_run_that_must_infer_its_article(tmp_path, monkeypatch, capsys):
    """`check content` matches `{language}/{key}.md` below `content` (records keyed: no fingerprint
    kept); `check --changed` runs from the configured root, where the same unchanged files match
    no pattern and are grouped by inference: their records are made again, not reused without one."""
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nsource_language = "en"\n'
                                             'path_patterns = ["{language}/{key}.md"]\n', encoding="utf-8")
    texts = {"en/b.md": "The company made 7 million dollars in 2021.", "de/b.md": "Die Firma verdiente 7 Millionen Dollar 2021.",
             "en/c.md": "The company made 5 million dollars in 2020.", "nb/c.md": "Selskapet tjente 5 millioner dollar i 2020."}
    for name, text in texts.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {name}\n---\n\n# {name}\n\n{text}\n\nIt grew.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) in (0, 1)
    capsys.readouterr()
    code = main(["check", "--changed", "content/en/b.md", "content/nb/c.md"])
    out = capsys.readouterr()
    assert code in (0, 1) and "internal error" not in out.err
    assert main(["check", "--no-cache", "--changed", "content/en/b.md", "content/nb/c.md"]) == code
    assert capsys.readouterr().out == out.out
