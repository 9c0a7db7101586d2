"""The source as the outlier, on real articles whose English links were rewritten after
translation (tests/data/corpus: `80-20-rule` and `1-10net30`), or broken (`aic`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config.settings import Config
from contentlint.load.discover import discover
from contentlint.engine.run import check

CORPUS = Path(__file__).parent / "data" / "corpus"


def findings(blame: str, select=("link-mismatch",)):
    files = [p for p in discover([str(CORPUS)]) if p.endswith(".md") and "README" not in p]
    config = Config(path_patterns=["{language}/{key}.md"], blame=blame, select=list(select))
    return check(files, config)[0].findings


@pytest.mark.parametrize("slug, agreed", [("1-10net30", "/debit"), ("80-20-rule", "/pareto-efficiency")])
def test_a_rewritten_english_target_is_one_finding_on_the_english_file(slug, agreed):
    about = [f for f in findings("consensus") if Path(f.path).name == f"{slug}.md" and f"'{agreed}'" in f.message]
    assert len(about) == 1
    assert Path(about[0].path).parent.name == "English"
    assert "7 translations agree" in about[0].message or "7 translations have" in about[0].message


def test_blame_source_reports_every_translation_instead():
    about = [f for f in findings("source") if Path(f.path).name == "1-10net30.md" and "'/debit'" in f.message]
    assert sorted(Path(f.path).parent.name for f in about) == [
        "Arabic", "Finnish", "Hindi", "Japanese", "Malay", "Norwegian", "Swedish"]


@pytest.mark.parametrize("blame", ["consensus", "source"])
def test_a_broken_english_link_is_one_finding_named_by_its_cause(blame):
    # `[legal system](/precedent-based regulation)`: the parser rejects the target, and every
    # translation links `/common-law`; the link the English lacks is malformed-link's finding
    found = [f for f in findings(blame, ("link-mismatch", "malformed-link")) if Path(f.path).name == "aic.md"
             and (f.rule == "malformed-link" or "'/common-law'" in f.message)]
    assert [(Path(f.path).parent.name, f.rule, f.line) for f in found] == [("English", "malformed-link", 16)]
