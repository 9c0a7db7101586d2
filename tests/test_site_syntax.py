"""Site syntax in the document model: TOML and JSON front matter, shortcodes, MDN macros,
heading anchors, admonitions and MDX imports are never prose; localized links are equal."""

from __future__ import annotations

import json
from pathlib import Path

from contentlint.cli import main
from contentlint.groups.fingerprint import target_key
from contentlint.load import document
from contentlint.load.front_matter import field_line

HUGO_PAGE = """---
title: Probes
---

## Define startup probes {#define-startup-probes}

{{< note >}}
A {{< glossary_tooltip text="Pod" term_id="pod" >}} runs; see {{domxref("Headers.get()")}} and {{Compat}}.
{{< /note >}}

[download](https://dl.k8s.io/{{< param "version" >}}/bin/) and [Pods]({{< ref "/docs/concepts/pods" >}}).

import Tabs from '@theme/Tabs';

:::tip[Title]
Use the CLI.
:::

`{{< kept >}}` in code.
"""


def test_shortcodes_macros_and_anchors_are_masked_from_prose():
    doc = document.from_text("a.md", HUGO_PAGE)
    assert doc.headings[0].text == "Define startup probes"
    assert [c.meta["id"] for c in doc.headings[0].inline.children if c.type == "heading_anchor"] == [
        "define-startup-probes"]
    note = doc.paragraphs[0].inline
    assert note.text == "A  runs; see  and ."
    assert {c.meta["name"] for c in note.children if c.type in ("shortcode", "macro")} == {
        "note", "glossary_tooltip", "domxref", "Compat", "/note"}
    assert "{{" not in note.masked and "Pod" not in note.words
    links = doc.paragraphs[1].inline.links
    assert [link.text for link in links] == ["download", "Pods"]  # a shortcode inside a target is still a link
    assert target_key(links[1].target) == "/docs/concepts/pods"
    assert [(b.kind, b.line) for b in doc.blocks] == [("mdx_esm", 12), ("admonition", 14), ("admonition", 16)]
    assert doc.paragraphs[2].inline.text == "Use the CLI."
    assert "kept" in doc.paragraphs[3].inline.content  # code spans keep what they hold


def test_toml_and_json_front_matter():
    toml = document.from_text("a.md", '+++\ntitle = "Hi"\nweight = 3\n+++\n\n# Body\n')
    assert toml.front.format == "toml" and toml.meta == {"title": "Hi", "weight": 3}
    assert toml.headings[0].line == 5 and field_line(toml, "weight") == 2
    broken = document.from_text("a.md", "+++\ntitle = Hi\n+++\n\nText.\n")
    assert broken.front.error == "invalid TOML in front matter: Invalid value (line 2)"
    data = document.from_text("a.md", '{\n  "title": "Hi",\n  "weight": 2\n}\n\nText here.\n')
    assert data.front.format == "json" and data.meta == {"title": "Hi", "weight": 2} and data.front.body_line == 4
    assert field_line(data, "weight") == 2


def test_localized_link_targets_are_one_page():
    assert target_key("/ko/docs/concepts/") == target_key("/docs/concepts") == "/docs/concepts"
    assert target_key("/fr/docs/Web/API/Headers") == target_key("/en-US/docs/Web/API/Headers")
    assert target_key("/terms/a/abc.asp") == "/terms/a/abc.asp"


def test_a_hugo_pair_with_site_syntax_and_localized_links_agrees(tmp_path, capsys):
    en = HUGO_PAGE.replace("title: Probes", "title: Probes\nreviewers:\n- a").replace(
        "[Pods]", "[Pods](/docs/concepts/) and [Pods]")
    ko = HUGO_PAGE.replace("## Define startup probes", "## 시작 프로브 정의").replace(
        "A {{", "한 {{").replace("runs; see", "실행됩니다. 참고:").replace("Use the CLI.", "CLI를 사용하세요.").replace(
        "[download]", "[다운로드]").replace("[Pods]", "[파드](/ko/docs/concepts/) 그리고 [파드]").replace(
        "title: Probes", "title: 프로브").replace(" in code.", " 코드 안.")
    for lang, text in (("en", en), ("ko", ko)):
        path = Path(tmp_path, "content", lang, "docs", "probes.md")
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    main(["check", str(tmp_path), "--no-config", "--no-cache", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["message"]) for f in found
            if f["rule"] in ("link-mismatch", "frontmatter-mismatch", "malformed-link", "untranslated-segment",
                             "unchanged-translation")] == []
