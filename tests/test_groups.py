"""Languages and translation groups: the seeds, the corpus by path pattern, flat names."""

from __future__ import annotations

import itertools
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from contentlint.cli import main
from contentlint.config.settings import Config
from contentlint.load.discover import discover
from contentlint.engine.run import analyse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "investorswiki"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


def groups_json(capsys, *args):
    assert main(["groups", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_seeds_languages_and_groups(capsys, in_root):
    data = groups_json(capsys, "seeds")
    assert [(g["source"], sorted(m["path"] for m in g["members"])) for g in data["groups"]] == [
        ("seeds/001_32ba5bcfdd48ab61.txt",
         ["seeds/000_cb491d965fac7142.txt", "seeds/001_32ba5bcfdd48ab61.txt", "seeds/002_dce9bb7f72ffe7cf.txt"])]
    assert data["ungrouped"] == [{"path": "seeds/003_764ec7efd013a5da.txt", "language": "nb"},
                                 {"path": "seeds/004_d422008885b3abe1.txt", "language": "nb"}]
    langs = {m["path"][6:9]: m["language"] for m in data["groups"][0]["members"]}
    assert langs == {"000": "nb", "001": "en", "002": "ms"}
    member = data["groups"][0]["members"][0]
    assert set(member) >= {"path", "language", "confidence"} and 0 < member["confidence"] <= 1
    assert any("/personal-insurance-lines" in e for e in member["evidence"])


def test_explicit_key_beats_inference_and_path(tmp_path, capsys):
    (tmp_path / "English").mkdir()
    (tmp_path / "English" / "x.md").write_text("---\ntranslation_key: k1\n---\n# X\n\nText about [a](/a).\n")
    (tmp_path / "Norwegian").mkdir()
    (tmp_path / "Norwegian" / "y.md").write_text("---\ntranslationKey: k1\n---\n# X\n\nTekst om noe helt annet.\n")
    data = groups_json(capsys, str(tmp_path), "--path-pattern", "{language}/{key}.md")
    assert [(g["key"], g["how"], [m["language"] for m in g["members"]]) for g in data["groups"]] == [
        ("k1", "key", ["en", "nb"])]


def test_key_dot_lang_pattern(tmp_path, capsys):
    for name, text in {"api.en.md": "The text.", "api.nb.md": "Teksten.", "ais.nb.md": "Annen."}.items():
        (tmp_path / name).write_text(f"# T\n\n{text}\n")
    data = groups_json(capsys, str(tmp_path), "--path-pattern", "{key}.{lang}.md")
    assert [(g["key"], g["source"].endswith("api.en.md")) for g in data["groups"]] == [("api", True)]
    assert [d["language"] for d in data["ungrouped"]] == ["nb"]


def test_unknown_language_and_bad_pattern_are_usage_errors(capsys, in_root):
    assert main(["groups", "seeds", "--languages", "en,xx"]) == 2
    assert main(["groups", "seeds", "--path-pattern", "{language}/{slug}.md"]) == 2
    assert "unknown placeholder" in capsys.readouterr().err


def test_languages_option_restricts_detection(capsys, in_root):
    data = groups_json(capsys, "seeds", "--languages", "en,nb")
    langs = {m["language"] for g in data["groups"] for m in g["members"]} | {d["language"] for d in data["ungrouped"]}
    assert langs <= {"en", "nb"}


@needs_corpus
def test_corpus_path_pattern_groups_equal_folders(capsys):
    data = groups_json(capsys, str(CORPUS), "--path-pattern", "{language}/{key}.md")
    folders = defaultdict(set)
    for p in CORPUS.glob("*/*.md"):
        folders[p.stem].add(str(p))
    assert {g["key"]: {m["path"] for m in g["members"]} for g in data["groups"]} == folders
    assert all(g["source"] and "/English/" in g["source"] for g in data["groups"])


@needs_corpus
def test_flattened_corpus_inferred_groups(tmp_path):
    """Hashed flat names like the seeds: groups and languages come from the text alone."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import build

    truth = build(tmp_path / "flat")
    corpus = analyse(discover([str(tmp_path / "flat")]), Config())
    got = {p for g in corpus.groups for p in itertools.combinations(sorted(m.doc.path for m in g.members), 2)}
    by_slug = defaultdict(list)
    for path, (slug, _) in truth.items():
        by_slug[slug].append(path)
    want = {p for members in by_slug.values() for p in itertools.combinations(sorted(members), 2)}
    tp = len(got & want)
    f1 = 2 * tp / (len(got) + len(want))
    assert f1 >= 0.99, f"pairwise F1 {f1:.4f}"
    wrong = [d.path for d in corpus.docs if d.language != truth[d.path][1]]
    assert len(wrong) <= 0.01 * len(corpus.docs), wrong
    shutil.rmtree(tmp_path / "flat")


GLOSSARY = ROOT.parent / "shared" / "corpus" / "cncf-glossary"


@pytest.mark.skipif(not GLOSSARY.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_inferred_groups_do_not_depend_on_the_hash_seed(tmp_path):
    """Sets of link targets and numbers iterate in the hash seed's order; grouping must not:
    on this site, before sums were exact and candidates ranked in a fixed order, seeds 0 and
    2 found different rivals (ambiguous-group). The site's pages are flattened to hashed
    names (its layout would group them by path), so inference groups them."""
    import hashlib
    import os
    import subprocess

    flat = tmp_path / "content"
    flat.mkdir()
    for page in sorted((GLOSSARY / "content").rglob("*.md")):
        name = hashlib.sha256(str(page.relative_to(GLOSSARY)).encode()).hexdigest()[:16]
        shutil.copy(page, flat / f"{name}.md")
    outputs = set()
    for seed in ("0", "2"):
        run = subprocess.run([sys.executable, "-m", "contentlint", "check", "content", "--no-config", "--no-cache",
                              "--jobs", "1", "--format", "json"], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                             env={**os.environ, "PYTHONHASHSEED": seed})  # groups and their rivals
        assert run.returncode == 1, run.stderr
        outputs.add(hashlib.sha256(run.stdout.encode()).hexdigest())  # 2.5 MB each: compare digests
    assert len(outputs) == 1


def test_keywords_kept_alike_are_evidence_and_translated_ones_are_none(tmp_path):
    """Articles with no link and no number, one acronym and one outline alike: what tells
    them apart on a flat site is the front matter's keywords, which investorswiki keeps in
    English in every translation (held-out set 128's `filingstatus`, whose translations joined
    another article's before). Keywords a translation translated, or has not, take nothing away."""
    from contentlint.groups.fingerprint import Scorer, fingerprint
    from contentlint.load.document import load

    kept = "keywords: Taxes,Head of Household,Married Filing Jointly\n"
    heads = {"en": kept, "de": kept, "de-translated": "keywords: Steuern,Haushaltsvorstand\n", "de-none": ""}
    prints = {}
    for name, head in heads.items():
        text = "# Filing Status\n\nThe IRS uses it.\n" if name == "en" else "# Veranlagung\n\nDer IRS nutzt ihn.\n"
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\n{head}---\n{text}", encoding="utf-8")
        prints[name] = fingerprint(load(str(path)))
    scorer = Scorer(list(prints.values()))
    score = {name: scorer.score(prints["en"], prints[name])[0] for name in ("de", "de-translated", "de-none")}
    assert score["de"] > score["de-translated"] == score["de-none"]
