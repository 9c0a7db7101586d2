"""Every language name understood, the corpus' languages discovered with no configuration,
and the `languages` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contentlint.cli import main
from contentlint.config.settings import Config
from contentlint.engine import languages as run_languages
from contentlint.engine.cache import Cache
from contentlint.language import detection, discovery, names

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/corpus")
needs_corpus = pytest.mark.skipif(not (SHARED / "investorswiki-more").is_dir(), reason="the shared corpus is missing")


@pytest.mark.parametrize("written, code, tag", [
    ("German", "de", "de"), ("Deutsch", "de", "de"), ("de", "de", "de"), ("deu", "de", "de"),
    ("Español", "es", "es"), ("espanol", "es", "es"), ("Русский", "ru", "ru"), ("中文", "zh", "zh"),
    ("日本語", "ja", "ja"), ("한국어", "ko", "ko"), ("pt-BR", "pt", "pt-BR"), ("pt_br", "pt", "pt-BR"),
    ("zh-Hans", "zh", "zh-Hans"), ("zh-cn", "zh", "zh-CN"), ("zh-TW", "zh", "zh-TW"), ("en-US", "en", "en-US"),
    ("es-419", "es", "es-419"), ("Norwegian", "nb", "nb"), ("no", "nb", "nb"), ("Bokmål", "nb", "nb"),
    ("Brazilian Portuguese", "pt", "pt-BR"), ("Simplified Chinese", "zh", "zh-Hans"), ("Dutch", "nl", "nl"),
    ("Bahasa Melayu", "ms", "ms"), ("FRENCH", "fr", "fr"), ("Français", "fr", "fr"), ("Türkçe", "tr", "tr"),
])
def test_every_way_of_naming_a_language(written, code, tag):
    assert names.resolve(written) == names.Tag(code, tag)


@pytest.mark.parametrize("written", ["docs", "content", "images", "blog", "xx-YY", "", "a" * 100, "2024"])
def test_what_is_not_a_language(written):
    assert names.resolve(written) is None


@pytest.mark.parametrize("path, tag", [
    ("content/de/docs/intro.md", "de"), ("Dutch/abatement.md", "nl"), ("content/pt-br/cluster.md", "pt-BR"),
    ("i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.md", "zh-Hans"),
    ("files/en-us/web/index.md", "en-US"), ("docs/intro.de.md", "de"), ("Korean/abacus.md", "ko"),
    ("中文/文章.md", "zh"), ("docs/intro.md", None),
])
def test_the_language_a_path_names(path, tag):
    found = detection.from_path(path, None)
    assert (found.tag if found else None) == tag


def test_the_shipped_name_table_is_what_cldr_and_lingua_give():
    """rules/language-names.tsv is generated (python -m contentlint.language.names): never edited by hand."""
    shipped = [tuple(line.split("\t")) for line in (names.data_dir() / names.TABLE).read_text(encoding="utf-8")
               .splitlines() if line and not line.startswith("#")]
    assert shipped == names.build_table()


def _scored(code, runner=None, confidence=0.0):
    return ((code, 0.9), (runner, confidence)) if runner else ((code, 1.0),)


def test_a_close_language_read_in_a_few_files_is_a_shadow_not_a_language():
    entries = [(None, _scored("ms", "id", 0.2))] * 30 + [(None, _scored("id", "ms", 0.3))] * 6
    found = discovery.choose(entries)
    assert found.languages == ("ms",) and found.shadows == {"id": "ms"}


def test_one_file_of_a_distant_language_is_a_language():
    entries = [(None, _scored("en"))] * 50 + [(None, _scored("fr", "it", 0.001))]
    assert discovery.choose(entries).languages == ("en", "fr")


def test_two_close_languages_both_frequent_are_both_languages():
    entries = [("nb", _scored("nb", "da", 0.1))] * 30 + [("nl", _scored("da", "nb", 0.1))] * 30
    assert discovery.choose(entries).languages == ("da", "nb", "nl")  # nl declared: its files are reported


def test_a_declared_file_read_uncertainly_as_another_language_does_not_bring_it_into_the_set():
    # a short English page read as Yoruba 0.66, English 0.26: the declaration stands
    entries = [("en", (("yo", 0.66), ("en", 0.26), ("ts", 0.06))), ("fr", _scored("fr"))]
    found = discovery.choose(entries)
    assert found.languages == ("en", "fr") and found.scored == 2 and not found.detected["yo"]
    # a real contradiction leaves the declared language near zero (Danish under `Dutch/`)
    entries = [("nl", (("da", 1.0), ("nb", 0.0), ("sv", 0.0)))] * 3
    assert discovery.choose(entries).languages == ("da", "nl")


def test_declared_languages_join_the_set_even_unscored():
    assert discovery.choose([("ja", ()), ("en", ())]).languages == ("en", "ja")


def _copy(target: Path, picks: dict[str, int]) -> list[str]:
    """`picks` articles of each language folder, flat, with hashed names."""
    target.mkdir()
    for folder, n in picks.items():
        base = SHARED / ("investorswiki" if (SHARED / "investorswiki" / folder).is_dir() else "investorswiki-more")
        for k, path in enumerate(sorted((base / folder).glob("*.md"))[:n]):
            shutil.copy(path, target / f"{abs(hash((folder, k))) % 10**12:012d}.md")
    return sorted(str(p) for p in target.iterdir())


@needs_corpus
def test_a_mixed_flat_folder(tmp_path):
    files = _copy(tmp_path / "flat", {"English": 3, "German": 2, "Korean": 2, "Turkish": 2, "Norwegian": 3,
                                      "Dutch": 2, "Malay": 3})
    found = run_languages.discover(files, Config())
    assert found.languages == ("da", "de", "en", "ko", "ms", "nb", "tr")


@needs_corpus
def test_the_languages_command_on_a_hugo_site(capsys):
    assert main(["languages", str(SHARED / "cncf-glossary" / "content"), "--no-config", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["language"] for r in data["languages"]] == sorted(
        ["bn", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "pt", "ru", "tr", "ur", "vi", "zh"])
    assert all(r["declared"] for r in data["languages"])


@needs_corpus
def test_the_languages_command_on_the_19_folders(tmp_path, capsys):
    for corpus in ("investorswiki", "investorswiki-more"):
        for folder in (SHARED / corpus).iterdir():
            if folder.is_dir():
                shutil.copytree(folder, tmp_path / folder.name)
    assert main(["languages", str(tmp_path), "--no-config", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    got = {r["language"]: r for r in data["languages"]}
    assert set(got) == {"ar", "da", "de", "en", "es", "fi", "fr", "hi", "it", "ja", "ko", "ms", "nb", "nl", "pl",
                        "pt", "ru", "sv", "tr", "zh"}
    assert got["nl"]["declared"] == 36 and got["nl"]["detected"] == 0  # the folder's name, not its text
    assert got["da"]["declared"] == 0 and got["da"]["detected"] >= 30
    assert data["without_profile"] == []


def test_a_declared_file_misread_on_its_first_words_is_read_again_on_more(capsys):
    """The Hindi page of a sports article opens with transliterated names: over all languages, on
    its first SAMPLE characters, it reads as Marathi (0.996). Read again on SETTLE characters it
    is Hindi, and Marathi does not join the set."""
    probe = Path(__file__).resolve().parent / "data" / "probes" / "berlin-marathon"
    assert main(["languages", str(probe), "--no-config", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["language"] for r in data["languages"]] == sorted(p.stem for p in probe.glob("*.md"))
    assert data["without_profile"] == ["hu"]


def test_one_language_is_enough_when_it_is_given(tmp_path):
    (tmp_path / "a.md").write_text("# 見出し\n\n本文です。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "contentlint", "check", str(tmp_path), "--languages", "ja",
                           "--no-cache", "--no-config", "--format", "json"], capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["summary"]["languages"] == ["ja"]


def test_an_unknown_language_is_a_usage_error(capsys):
    assert main(["check", "--languages", "en,Klingonese", "--no-config"]) == 2
    assert "Klingonese" in capsys.readouterr().err


def test_a_warm_run_scores_nothing_and_a_new_language_drops_the_records(tmp_path, monkeypatch):
    en = "When you pay too much tax, you can ask the tax office to give some of the money back to you. " * 3
    fr = "Si vous payez trop d'impôts, vous pouvez demander au bureau des impôts de vous rendre l'argent. " * 3
    (tmp_path / "a.md").write_text(f"# A\n\n{en}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# B\n\n{en}\n", encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.md"))
    store = Cache(str(tmp_path), "key")
    assert run_languages.discover(files, Config(), store).languages == ("en",)
    store.languages_are(("en",))
    store.save(set(files), set())
    warm = Cache(str(tmp_path), "key")
    monkeypatch.setattr(discovery, "score", lambda texts: pytest.fail("a warm run scored a file again"))
    assert run_languages.discover(files, Config(), warm).languages == ("en",)
    monkeypatch.undo()
    warm.files[files[0]] = "a record made with the set ('en',)"
    warm.languages_are(("en",))
    assert files[0] in warm.files  # the same set: kept
    (tmp_path / "c.md").write_text(f"# C\n\n{fr}\n", encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.md"))
    found = run_languages.discover(files, Config(), warm)
    assert found.languages == ("en", "fr")
    warm.languages_are(found.languages)
    assert warm.files == {}  # made with another set: dropped


def test_a_packs_profile_adds_a_language_and_overrides_keys(tmp_path):
    from contentlint.language.profiles import ProfileError, for_run

    pack = tmp_path / "pack"
    (pack / "languages").mkdir(parents=True)
    (pack / "languages" / "sw.yaml").write_text("code: sw\nname: Swahili\naliases: [Kiswahili-folder]\n"
                                                "highlights: [Mambo muhimu]\n", encoding="utf-8")
    (pack / "languages" / "de.yaml").write_text("code: de\nhighlights: [Kernpunkte]\n", encoding="utf-8")
    profiles = for_run((str(pack),))
    assert profiles.get("sw").highlights == ("Mambo muhimu",)
    assert profiles.get("de").highlights == ("Kernpunkte",) and profiles.get("de").repeat_ok  # merged
    assert detection.from_path("Kiswahili-folder/a.md", None, profiles) == names.Tag("sw", "sw")
    bad = tmp_path / "bad"
    (bad / "languages").mkdir(parents=True)
    (bad / "languages" / "sw.yaml").write_text("code: sw\nhighlight: [x]\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="did you mean 'highlights'"):
        for_run((str(bad),))


def test_an_edited_file_its_path_declares_is_not_scored_again(tmp_path, monkeypatch):
    """Scoring one file loads every language's model: a pre-commit run on an edited file of
    a declared folder keeps the file's earlier answer."""
    (tmp_path / "English").mkdir()
    page = tmp_path / "English" / "a.md"
    page.write_text("# A\n\nWhen you pay too much tax, you can ask the tax office for the money back.\n",
                    encoding="utf-8")
    store = Cache(str(tmp_path), "key")
    assert run_languages.discover([str(page)], Config(), store).languages == ("en",)
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence about taxes.\n", encoding="utf-8")
    monkeypatch.setattr(discovery, "score", lambda texts: pytest.fail("an edited declared file was scored"))
    assert run_languages.discover([str(page)], Config(), store).languages == ("en",)


def test_the_source_a_site_keeps_in_html_comments_is_not_the_page_language():
    """Kubernetes' Chinese pages keep the English they were translated from in comments."""
    head = ("---\ntitle: 对象名称和 ID\n---\n<!--\nEach object in your cluster has a Name that is unique for that type "
            "of resource, and every Kubernetes object also has a UID that is unique across your whole cluster.\n-->\n"
            "集群中的每一个对象都有一个名称来标识在同类资源中的唯一性。<!-- unclosed")
    text = discovery.sample(head)
    assert "cluster" not in text and "集群中的每一个对象" in text and "unclosed" not in text
