"""`report` is the check's run written by the HTML writer: the same records and cache, no
second load or alignment, and every format is one module found by the writer interface."""

from __future__ import annotations

import shutil
from pathlib import Path

from contentlint.cli import main
from contentlint.load import document
from contentlint.parity import alignment
from contentlint.reporters import writers

CORPUS = Path(__file__).parent / "data" / "corpus"


def corpus(tmp_path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(CORPUS, root / "content")
    (root / "contentlint.toml").write_text('paths = ["content"]\npath_patterns = ["{language}/{key}.md"]\n',
                                           encoding="utf-8")
    return root


def test_every_format_is_a_writer_module():
    assert set(writers.formats()) == {"github", "html", "json", "junit", "sarif", "text"}
    assert all(callable(m.write) for m in writers.formats().values())


def test_report_is_the_check_written_as_html(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(corpus(tmp_path))
    assert main(["report", "--no-cache", "--jobs", "1", "-o", "a.html"]) == 0
    main(["check", "--no-cache", "--jobs", "1", "--format", "html", "-o", "b.html"])
    assert Path("a.html").read_bytes() == Path("b.html").read_bytes()
    assert b"</html>" in Path("a.html").read_bytes()


def test_a_report_from_a_warm_cache_loads_and_aligns_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(corpus(tmp_path))
    assert main(["report", "--jobs", "1", "-o", "cold.html"]) == 0

    def never(*args, **kwargs):
        raise AssertionError("loaded or aligned again")

    monkeypatch.setattr(document, "load", never)
    monkeypatch.setattr(alignment, "prepare", never)
    assert main(["report", "--jobs", "1", "-o", "warm.html"]) == 0
    assert Path("cold.html").read_bytes() == Path("warm.html").read_bytes()
