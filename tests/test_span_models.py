"""Span models kept within a memory budget: a run whose models do not fit defers the groups
that need them, answers their spans one pair of languages at a time, and reports exactly
what a run with every model loaded reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from contentlint.cli import main
from contentlint.language import span_models

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/corpus")
FOLDERS = {"English": "investorswiki", "Norwegian": "investorswiki", "Swedish": "investorswiki",
           "Finnish": "investorswiki", "Malay": "investorswiki", "Dutch": "investorswiki-more",
           "German": "investorswiki-more", "Russian": "investorswiki-more"}
SLUGS = ["associate-risk-management", "1913-federal-reserve-act", "cfp"]  # each has short spans to decide


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    if not (SHARED / "investorswiki-more").is_dir():
        pytest.skip("the shared corpus is missing")
    root = tmp_path_factory.mktemp("span-models")
    for folder, corpus in FOLDERS.items():
        (root / folder).mkdir()
        for slug in SLUGS:
            shutil.copy(SHARED / corpus / folder / f"{slug}.md", root / folder / f"{slug}.md")
    return root


def _findings(tree: Path, jobs: int, capsys) -> list:
    main(["check", str(tree), "--no-config", "--no-cache", "--jobs", str(jobs), "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_models_that_do_not_fit_give_the_same_findings(tree, jobs, capsys, monkeypatch):
    everything = _findings(tree, jobs, capsys)
    asked = []
    answer = span_models.answer
    monkeypatch.setattr(span_models, "answer", lambda requests: asked.extend(requests) or answer(requests))
    monkeypatch.setattr(span_models, "PROCESS_MB", 0)  # no model fits: every pair but a free one is deferred
    span_models.release()
    assert _findings(tree, jobs, capsys) == everything
    if jobs == 1:  # the run's own process: answered one pair at a time, nothing kept, nothing loaded again
        assert not span_models._loaded
    assert asked and {codes for codes, _ in asked} >= {("en", "nb"), ("en", "sv")}
    assert not any(span_models.free(codes) for codes, _ in asked)
    assert any(f["rule"] == "untranslated-segment" for f in everything)


def test_languages_told_apart_by_their_letters_load_nothing():
    assert span_models.free(("en", "ru")) and span_models.free(("ar", "en")) and span_models.free(("en", "ko"))
    assert not span_models.free(("en", "nb")) and not span_models.free(("ja", "zh"))
    assert not span_models.free(("en", "ja", "zh")) and not span_models.free(("ru", "uk"))
    assert not span_models.free(("en", "xx"))  # unknown: not assumed free


def test_a_deferred_answer_is_the_loaded_answer():
    requests = [(("en", "nb"), "Forstå Associate in Risk Management"), (("en", "sv"), "Bottom Line"),
                (("en", "fi"), "Bottom Line")]
    from contentlint.language.detection import detect

    expected = {(codes, text): detect([text], codes, parallel=False)[0] for codes, text in requests}
    answers = span_models.answer(requests)
    assert answers.keys() == expected.keys()
    for key, (code, confidence) in answers.items():  # lingua's sums vary in their last digit
        assert code == expected[key][0] and confidence == pytest.approx(expected[key][1], abs=1e-9)
    assert not span_models._loaded  # nothing kept once answered


def test_the_shipped_script_table_is_what_cldr_gives():
    """rules/language-scripts.json is generated (python -m contentlint.language.span_models), so
    that a run reads the scripts without loading Babel's global data in every worker."""
    from contentlint.language.profiles import data_dir

    shipped = json.loads((data_dir() / span_models.SCRIPTS).read_text(encoding="utf-8"))
    assert shipped == {code: span_models.script_from_babel(code) for code in shipped}
    assert len(shipped) == 75 and shipped["ru"] == "Cyrl" and shipped["ja"] == "Jpan"
