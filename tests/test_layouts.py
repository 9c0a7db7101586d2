"""Site layouts found from the tree with no configuration, path patterns anchored at the
content root, and which files a folder holds (.gitignore, exclude, extensions)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from contentlint.cli import main
from contentlint.groups import layout, patterns
from contentlint.load.discover import discover

PAGE = "---\ntitle: {title}\n---\n\n{body}\n"


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def page(title: str, body: str = "Some text about the page.") -> str:
    return PAGE.format(title=title, body=body)


def keys(found: layout.Layout, root: Path) -> dict[str, tuple]:
    return {os.path.relpath(p, root): (m["language"], m["key"]) for p, m in found.matches.items()}


def find(root: Path, pattern=()) -> layout.Layout:
    files = discover([str(root)])
    return layout.find(files, [str(root)], list(pattern), "en")


def test_hugo_content_folders_keep_sections_apart(tmp_path):
    write(tmp_path, {"content/en/docs/install.md": page("Install"), "content/en/blog/install.md": page("Installer"),
                     "content/ko/docs/install.md": page("설치"), "content/pt-br/docs/install.md": page("Instalar"),
                     "README.md": page("Readme"), "themes/x/content/a.md": page("Theme")})
    found = find(tmp_path)
    assert found.name == "hugo"
    assert keys(found, tmp_path) == {
        "content/en/docs/install.md": ("en", "docs/install"), "content/en/blog/install.md": ("en", "blog/install"),
        "content/ko/docs/install.md": ("ko", "docs/install"), "content/pt-br/docs/install.md": ("pt-br", "docs/install")}
    assert sorted(os.path.relpath(p, tmp_path) for p in found.not_content) == ["README.md", "themes/x/content/a.md"]


def test_hugo_translation_by_file_name_reads_the_default_language_from_the_site(tmp_path):
    write(tmp_path, {"hugo.toml": 'defaultContentLanguage = "de"\n', "content/about.md": page("Über"),
                     "content/about.fr.md": page("À propos"), "content/about.en.md": page("About")})
    assert keys(find(tmp_path), tmp_path) == {"content/about.md": ("de", "content/about"),
                                              "content/about.fr.md": ("fr", "content/about"),
                                              "content/about.en.md": ("en", "content/about")}


def test_docusaurus_sources_and_i18n_trees_share_keys(tmp_path):
    write(tmp_path, {"docusaurus.config.js": "export default {i18n: {defaultLocale: 'en', locales: ['en', 'fr']}};\n",
                     "docs/guides/install.mdx": page("Install"), "blog/2024-05-01-release.md": page("Release"),
                     "src/pages/about.md": page("About"),
                     "i18n/fr/docusaurus-plugin-content-docs/current/guides/install.mdx": page("Installer"),
                     "i18n/fr/docusaurus-plugin-content-blog/2024-05-01-release.md": page("Version"),
                     "i18n/fr/docusaurus-plugin-content-pages/about.md": page("À propos")})
    found = find(tmp_path)
    assert found.name == "docusaurus"
    got = keys(found, tmp_path)
    assert got["docs/guides/install.mdx"] == ("en", "docs@current/guides/install")
    assert got["i18n/fr/docusaurus-plugin-content-docs/current/guides/install.mdx"] == ("fr", "docs@current/guides/install")
    assert got["blog/2024-05-01-release.md"][1] == got["i18n/fr/docusaurus-plugin-content-blog/2024-05-01-release.md"][1]
    assert got["src/pages/about.md"][1] == got["i18n/fr/docusaurus-plugin-content-pages/about.md"][1] == "pages/about"


def test_mdn_locales_join_whatever_stands_before_files(tmp_path):
    write(tmp_path, {"content/files/en-us/web/api/headers/get/index.md": page("Headers.get()"),
                     "translated-content/files/fr/web/api/headers/get/index.md": page("Headers.get()")})
    found = find(tmp_path)
    assert found.name == "mdn"
    assert set(keys(found, tmp_path).values()) == {("en-us", "mdn: web/api/headers/get"), ("fr", "mdn: web/api/headers/get")}


def test_language_folders_and_a_folder_named_like_a_language_alone(tmp_path):
    write(tmp_path, {"Texts/English/a.md": page("A"), "Texts/Deutsch/a.md": page("A"), "Texts/中文/a.md": page("A")})
    found = find(tmp_path)
    assert found.name == "folders" and {v for v in keys(found, tmp_path).values()} == {
        ("English", "Texts: a"), ("Deutsch", "Texts: a"), ("中文", "Texts: a")}
    other = tmp_path / "one"
    write(other, {"it/a.md": page("IT"), "docs/a.md": page("Docs")})  # one "language" folder is no layout
    assert find(other).name == "none"


def test_patterns_are_anchored_and_take_many_levels(tmp_path):
    write(tmp_path, {"en/docs/install.md": page("Install"), "en/blog/install.md": page("Installer"),
                     "fr/docs/install.md": page("Installer")})
    assert find(tmp_path, ["{language}/{key}.md"]).matches == {}  # one level only: nothing matches whole
    got = keys(find(tmp_path, ["{language}/{key...}.md"]), tmp_path)
    assert got["en/docs/install.md"] == ("en", "docs/install") and got["en/blog/install.md"] == ("en", "blog/install")
    assert keys(find(tmp_path, ["**/{key}.md"]), tmp_path)["fr/docs/install.md"] == (None, "install")


def test_a_pattern_that_reads_a_folder_as_a_language_is_an_error(tmp_path, capsys):
    write(tmp_path, {"content/en/docs/a.md": page("A"), "content/fr/docs/a.md": page("A")})
    with pytest.raises(patterns.PatternError, match="reads 'content' as a language"):
        find(tmp_path, ["{language}/{key...}.md"])
    assert main(["check", str(tmp_path), "--no-config", "--path-pattern", "{language}/{key...}.md"]) == 2
    err = capsys.readouterr().err
    assert "reads 'content' as a language" in err  # and says how to anchor the pattern
    assert 'set `paths = ["content"]`' in err and "'content/{language}/{key...}.md'" in err
    # a folder beside the languages, not above them: no `paths` to suggest
    write(tmp_path / "side", {"en/a.md": page("A"), "fr/a.md": page("A"), "blog/post.md": page("Post")})
    assert main(["check", str(tmp_path / "side"), "--no-config", "--path-pattern", "{language}/{key...}.md"]) == 2
    err = capsys.readouterr().err
    assert "reads 'blog' as a language" in err and "paths = " not in err and "name the folders before it" in err
    with pytest.raises(patterns.PatternError, match="unknown placeholder"):
        patterns.compile_pattern("{lang}/{slug}.md")


def test_layout_command_names_the_layout_and_its_evidence(tmp_path, capsys):
    write(tmp_path, {"content/en/a.md": page("A"), "content/fr/a.md": page("A"), "README.md": page("R")})
    assert main(["layout", str(tmp_path), "--no-config"]) == 0
    out = capsys.readouterr().out
    assert "layout: hugo" in out and "content/<language>/" in out and "not the site's content" in out
    assert main(["layout", str(tmp_path), "--no-config", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["layout"] == "hugo" and data["by_path"] == 2 and len(data["not_content"]) == 1


def test_regional_variants_are_two_translations_of_one_article(tmp_path, capsys):
    body = "Kubernetes runs containers in pods, and the scheduler places them on nodes."
    write(tmp_path, {"content/en/a.md": page("Pod", body), "content/zh-cn/a.md": page("Pod", "Kubernetes 在 Pod 中运行容器，调度器把它们放到节点上。"),
                     "content/zh-tw/a.md": page("Pod", "Kubernetes 在 Pod 中執行容器，排程器把它們放到節點上。")})
    assert main(["check", str(tmp_path), "--no-config", "--no-cache", "--format", "json",
                 "--select", "ambiguous-group,missing-translation"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_folders_honour_gitignore_exclude_and_extensions(tmp_path):
    write(tmp_path, {".gitignore": "build/\n*.draft.md\n", "content/a.md": "x", "content/b.draft.md": "x",
                     "build/c.md": "x", "sub/.gitignore": "d.mdx\n", "sub/d.mdx": "x", "sub/e.mdx": "x",
                     "notes.txt": "x", "deep/f.markdown": "x"})
    rel = lambda found: sorted(os.path.relpath(p, tmp_path) for p in found)  # noqa: E731
    assert rel(discover([str(tmp_path)], base=str(tmp_path))) == ["content/a.md", "deep/f.markdown", "sub/e.mdx"]
    assert rel(discover([str(tmp_path)], exclude=["deep/"], base=str(tmp_path))) == ["content/a.md", "sub/e.mdx"]
    assert rel(discover([str(tmp_path)], extensions=["txt"], base=str(tmp_path))) == ["notes.txt"]
    assert "build/c.md" in rel(discover([str(tmp_path)], gitignore=False, base=str(tmp_path)))
    assert rel(discover([str(tmp_path / "build" / "c.md")])) == ["build/c.md"]  # named: always linted
