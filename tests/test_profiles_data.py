"""The shipped language profiles as data: they load, cover the languages the project supports,
name only Highlights sections the corpus really uses, and say where their facts come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contentlint.language.profiles import data_dir, load_profiles, normalize_title

REQUIRED = ("de es fr it pt nl da pl ru uk cs tr zh ko ja ar he hi id vi th sv nb fi ms en bn ur").split()

# The corpus folder of a profile is its English name, except Danish: the investorswiki folder
# `Dutch/` holds the Danish articles.
FOLDER = {"da": "Dutch", "nl": None}

# Highlights names a profile accepts though the corpus sample has none: the other usual name
# of the section, which the rule's documented cases use. Never a profile's preferred name.
NOT_IN_CORPUS = {"en": {"Key Takeaways"}, "nb": {"Hovedpunkter"}}

# A level-2 heading as the rules read one: ASCII or fullwidth marks, with or without the gap.
LEVEL2 = re.compile(r"^[#＃]{2}(?![#＃])[ \t\u3000]*(.+?)[ \t#＃]*$", re.MULTILINE)


def corpus_root() -> Path | None:
    for root in (Path(__file__).resolve().parents[2] / "shared" / "corpus", Path("/work/shared/corpus")):
        if root.is_dir():
            return root
    return None


def language_folders(root: Path, name: str) -> list[Path]:
    return [d for d in (root / "investorswiki" / name, root / "investorswiki-more" / name) if d.is_dir()]


def level2_headings(folders: list[Path]) -> set[str]:
    found = set()
    for folder in folders:
        for path in folder.glob("*.md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found.update(normalize_title(m.group(1)) for m in LEVEL2.finditer(text))
    return found


def profile_files() -> list[Path]:
    return sorted((data_dir() / "languages").glob("*.yaml"))


def test_every_shipped_profile_loads():
    profiles = load_profiles()
    assert len(profiles) == len(profile_files())
    for code, profile in profiles.items():
        assert profile.code == code and profile.name


def test_every_required_language_has_a_profile():
    assert sorted(set(REQUIRED) - set(load_profiles())) == []


@pytest.mark.parametrize("code", sorted(load_profiles()))
def test_highlights_names_occur_in_the_corpus(code):
    root = corpus_root()
    if root is None:
        pytest.skip("the shared corpus is not beside the repository")
    profile = load_profiles()[code]
    name = FOLDER.get(code, profile.name)
    folders = language_folders(root, name) if name else []
    if not folders:
        assert not profile.highlights, f"{code}: Highlights names without a corpus to find them in"
        return
    assert profile.highlights, f"{code}: the corpus has {name}/ but the profile names no Highlights section"
    assert profile.highlights[0] not in NOT_IN_CORPUS.get(code, set())
    headings = level2_headings(folders)
    missing = [h for h in profile.highlights
               if normalize_title(h) not in headings and h not in NOT_IN_CORPUS.get(code, set())]
    assert missing == [], f"{code}: no level-2 heading in {name}/ is named {missing}"


@pytest.mark.parametrize("code", sorted(load_profiles()))
def test_punctuation_is_the_languages_own(code):
    marks = load_profiles()[code].punctuation
    assert not any(c.isascii() for c in marks), f"{code}: ASCII in punctuation {marks!r}"
    assert len(set(marks)) == len(marks), f"{code}: a mark twice in {marks!r}"


@pytest.mark.parametrize("path", profile_files(), ids=lambda p: p.name)
def test_every_profile_names_its_sources(path):
    assert path.read_text(encoding="utf-8").startswith("# Sources:"), f"{path.name} should begin with '# Sources:'"
