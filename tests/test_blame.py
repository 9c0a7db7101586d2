"""The source as the outlier, on real articles whose English links were rewritten after
translation (tests/data/corpus: `aic`, `80-20-rule` and `1-10net30` are three of the 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config.settings import Config
from contentlint.load.discover import discover
from contentlint.engine.run import check

CORPUS = Path(__file__).parent / "data" / "corpus"


def findings(blame: str):
    files = [p for p in discover([str(CORPUS)]) if p.endswith(".md") and "README" not in p]
    config = Config(path_patterns=["{language}/{key}.md"], blame=blame, select=["link-mismatch"])
    return check(files, config)[0].findings


@pytest.mark.parametrize("slug, agreed", [("aic", "/common-law"), ("1-10net30", "/debit"),
                                          ("80-20-rule", "/pareto-efficiency")])
def test_a_rewritten_english_target_is_one_finding_on_the_english_file(slug, agreed):
    about = [f for f in findings("consensus") if Path(f.path).name == f"{slug}.md" and f"'{agreed}'" in f.message]
    assert len(about) == 1
    assert Path(about[0].path).parent.name == "English"
    assert "7 translations agree" in about[0].message or "7 translations have" in about[0].message


def test_blame_source_reports_every_translation_instead():
    about = [f for f in findings("source") if Path(f.path).name == "aic.md" and "'/common-law'" in f.message]
    assert sorted(Path(f.path).parent.name for f in about) == [
        "Arabic", "Finnish", "Hindi", "Japanese", "Malay", "Norwegian", "Swedish"]
