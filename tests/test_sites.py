"""Documentation-site fixture trees (tests/data/sites) lint with no configuration, and the
drift cases (tests/data/drift): English/Korean pairs where a change must, or must not, be
reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from contentlint.cli import main

DATA = Path(__file__).resolve().parent / "data"
SITES = DATA / "sites"
DRIFT = DATA / "drift"

# what a correct linter reports on each unmodified tree: the translations a site lacks
EXPECTED = {
    "docusaurus": ("docusaurus", {("missing-translation", "blog/2024-05-01-release.md"),
                                  ("missing-translation", "src/pages/about.md")}),
    "mdn": ("mdn", {("missing-translation", "files/en-us/glossary/cors/index.md")}),
    "hugo": ("hugo", {("missing-translation", "content/en/blog/install.md")}),
    "hugo-suffix": ("hugo", set()),
}
# drift cases not reported yet
NOT_YET: set[str] = set()


def run(capsys, *args) -> dict:
    main([*args, "--no-config", *(["--no-cache"] if args[0] == "check" else []), "--format", "json"])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_a_site_lints_with_no_configuration(site, capsys):
    name, expected = EXPECTED[site]
    root = SITES / site
    assert run(capsys, "layout", str(root))["layout"] == name
    findings = run(capsys, "check", str(root))["findings"]
    assert {(f["rule"], str(Path(f["path"]).relative_to(root))) for f in findings} == expected


def _cases():
    for case in yaml.safe_load((DRIFT / "cases.yaml").read_text(encoding="utf-8")):
        marks = [pytest.mark.xfail(strict=True, reason="not built yet (issue 20)")] if case["case"] in NOT_YET else []
        yield pytest.param(case, id=case["case"], marks=marks)


@pytest.mark.parametrize("case", list(_cases()))
def test_drift_is_reported_only_where_the_meaning_changed(case, capsys):
    findings = run(capsys, "check", str(DRIFT / case["case"]))["findings"]
    if case["expect"]:
        assert findings, f"{case['case']}: nothing reported"
    else:
        assert [(f["rule"], f["message"]) for f in findings] == []


def test_named_files_are_checked_with_their_translations(tmp_path, monkeypatch, capsys):
    """`check FILE…` inside the content root forms groups as a full run does and reports those files."""
    import shutil

    shutil.copytree(SITES / "hugo", tmp_path / "site")
    (tmp_path / "site" / "content" / "ko" / "docs" / "install.md").unlink()  # one translation less
    monkeypatch.chdir(tmp_path / "site")
    findings = run(capsys, "check", "content/en/docs/install.md")["findings"]
    assert [(f["rule"], f["path"], f["message"]) for f in findings] == [
        ("missing-translation", "content/en/docs/install.md", "no 'ko' version of this article (group 'docs/install')")]


@pytest.mark.parametrize("written", ['"https://docs.example.com"', '["https://docs.example.com/", "https://example.org"]'])
def test_base_url_makes_the_sites_own_absolute_links_site_paths(tmp_path, monkeypatch, capsys, written):
    """A translation linking to the site's absolute URL of a page links to the same page as the
    source's site path; configured as one URL or a list."""
    for lang, title, text in (("en", "Start", "Read [the install guide](/docs/install/) first."),
                              ("ko", "시작하기", "먼저 [설치 안내서](https://docs.example.com/ko/docs/install/)를 읽는다.")):
        page = tmp_path / "content" / lang / "docs" / "start.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"---\ntitle: {title}\n---\n\n{text}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert {f["rule"] for f in run(capsys, "check", ".")["findings"]} == {"link-mismatch"}
    (tmp_path / "contentlint.toml").write_text(f"base_url = {written}\n", encoding="utf-8")
    main(["check", "--no-cache", "--format", "json", "."])
    assert json.loads(capsys.readouterr().out)["findings"] == []
