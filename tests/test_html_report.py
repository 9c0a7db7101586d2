"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

Checks the DOM (summary, matrix, side-by-side columns, every finding at its place), that the
filters and the search work without a server, and that scripts hidden in articles never run.
Screenshots go to reports/ for review.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from contentlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright's Python driver is not installed")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

HOSTILE = """---
title: "Hostile <script>window.__pwned = 'title'</script>"
description: Forsøk <img src=x onerror="window.__pwned = 'description'">
keywords: Careers,Degrees and Certifications
translation_key: hostile
---

# Hostile <script>window.__pwned = 'title'</script>

## Hva er det <img src=x onerror="window.__pwned = 'heading'">

Tekst med <script>window.__pwned = 'body'</script> og [klikk](javascript:window.__pwned='link'),. og 12 måneder .

##Høydepunkter

– <img src=x onerror="window.__pwned = 'item'">
"""

HOSTILE_EN = """---
title: "Hostile <script>window.__pwned = 'title'</script>"
description: Attempt
keywords: Careers,Degrees and Certifications
translation_key: hostile
---

# Hostile

## What is it

Text with a [link](/x) and 18 months.

## Highlights

- Item
"""


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path, errors: list):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    drawn(page)
    return page


def drawn(page) -> None:
    """Wait until every article the list shows has been drawn from its data."""
    page.wait_for_selector("#article-list[aria-busy='false']", state="attached")


def whole_page(page, path: Path) -> None:
    """A screenshot of the whole page. An article out of view is not painted until it comes
    into view (`content-visibility: auto`), and a whole-page capture does not bring it there:
    for the picture, every article is painted as if in view."""
    page.add_style_tag(content="article.group { content-visibility: visible; }")
    page.screenshot(path=str(path), full_page=True)


def shown(page, selector: str) -> int:
    """How many elements match and are not hidden by a filter. (Articles out of view are not
    laid out, `content-visibility: auto`, so a browser's own visibility says nothing there.)"""
    return page.evaluate("(s) => Array.from(document.querySelectorAll(s)).filter(e => !e.closest('.hidden')).length",
                         selector)


FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def matrix(page) -> dict[str, list[str]]:
    """Every row of the matrix, which draws only the rows in view: scrolled through, each
    article's link -> its cells' classes."""
    rows: dict = {}
    height = page.locator("#matrix-scroll").evaluate("s => s.scrollHeight")
    for top in range(0, height + 200, 200):
        page.locator("#matrix-scroll").evaluate(f"s => {{ s.scrollTop = {top}; }}")
        page.evaluate(FRAME)
        rows.update(page.evaluate("() => Object.fromEntries(Array.from(document.querySelectorAll('.matrix-row'), "
                                  "r => [r.querySelector('th a').getAttribute('href'), "
                                  "Array.from(r.querySelectorAll('td'), t => t.className)]))"))
    return rows


def test_seeds_report(browser, tmp_path, capsys, in_root):
    out = tmp_path / "index.html"
    assert main(["report", "seeds", "-o", str(out)]) == 0
    capsys.readouterr()
    main(["check", "seeds", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    errors: list = []
    page = open_page(browser, out, errors)
    assert page.locator("article.group").count() == 3  # the API group; AIS and AIM alone
    api = page.locator("article.group").first
    assert [t.strip().split()[0] for t in api.locator("thead th").all_inner_texts()] == ["en", "ms", "nb"]
    assert api.locator("thead th").first.locator(".src").inner_text() == "source"
    # every finding is shown once, at its file:line:column, in its file's column
    where = page.locator(".finding .where").all_text_contents()
    assert sorted(w.split(" · ")[0] for w in where) == sorted(f"{f['path']}:{f['line']}:{f['column']}" for f in findings)
    # rows: front matter, then the aligned sections; the English "Real World" is found in its section
    nb_cells = api.locator("td[data-lang='nb']").all_text_contents()
    assert "## Real World Eksempel" in nb_cells[4] and "untranslated-segment" in nb_cells[4]
    assert "safe fix: replace «##Høydepunkter»" not in nb_cells[5] and "heading-missing-space" in nb_cells[5]
    # summary and matrix
    assert page.locator("#by-severity").inner_text().split()[2:] == ["error", "4", "warning", "24", "info", "2"]
    assert page.locator(".matrix-row").count() == 3
    whole_page(page, ROOT / "reports" / "report-seeds.png")
    assert errors == []


def test_filters_and_search_work_without_a_server(browser, tmp_path, capsys, in_root):
    out = tmp_path / "index.html"
    main(["report", "seeds", "-o", str(out)])
    errors: list = []
    page = open_page(browser, out, errors)
    visible = lambda sel: shown(page, sel)  # noqa: E731
    total = visible(".finding")
    page.locator("#filter-rule").select_option("dash-bullet")
    drawn(page)
    rules = page.evaluate("() => Array.from(document.querySelectorAll('.finding:not(.hidden) .rule'), e => e.textContent)")
    assert visible(".finding") == 6 and rules == ["dash-bullet"] * 6
    page.locator("#filter-rule").select_option("")
    page.locator("#filter-severity input[value='warning']").uncheck()
    drawn(page)
    assert visible(".finding.warning") == 0 and visible(".finding") == total - 24
    page.locator("#filter-severity input[value='warning']").check()
    page.locator("#filter-language input[value='nb']").uncheck()
    drawn(page)
    assert visible("td[data-lang='nb']") == 0 and visible("th[data-lang='nb']") == 0 and visible("td[data-lang='en']") > 0
    page.locator("#filter-language input[value='nb']").check()
    page.locator("#search").fill("services")
    drawn(page)
    # the heading's text, not its rendering: an article out of view is not laid out (`content-visibility: auto`)
    assert visible("article.group") == 1 and "Insurance Services" in page.locator("article.group h3").text_content()
    page.locator("#search").fill("")
    drawn(page)
    assert visible("article.group") == 3
    assert errors == []


def test_scripts_in_articles_never_run(browser, tmp_path, capsys):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "nb.md").write_text(HOSTILE, encoding="utf-8")
    (folder / "en.md").write_text(HOSTILE_EN, encoding="utf-8")
    out = tmp_path / "index.html"
    main(["report", str(folder), "-o", str(out)])
    capsys.readouterr()
    errors: list = []
    page = open_page(browser, out, errors)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("article.group script, article.group img, a[href^='javascript:']").count() == 0
    # the hostile text is there, as text
    assert "<script>window.__pwned = 'title'</script>" in page.locator("article.group h3").text_content()
    assert page.locator(".finding").count() > 0
    whole_page(page, ROOT / "reports" / "report-hostile.png")
    assert errors == []


CORPUS = ROOT.parent / "shared" / "corpus" / "investorswiki"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_corpus_report(browser, tmp_path, capsys):
    out = tmp_path / "corpus.html"
    pattern = ["--path-pattern", "{language}/{key}.md"]
    main(["report", str(CORPUS), "-o", str(out), *pattern])
    capsys.readouterr()
    main(["check", str(CORPUS), "--format", "json", *pattern])
    findings = json.loads(capsys.readouterr().out)["findings"]
    errors: list = []
    page = open_page(browser, out, errors)
    assert page.locator(".matrix thead th[data-lang]").all_inner_texts() == ["ar", "en", "fi", "hi", "ja", "ms", "nb", "sv"]
    # 36 articles and the sample's README alone: drawn 20 at a time
    assert page.locator("#list-note").inner_text().startswith("37 articles listed of 37")
    assert page.locator("article.group").count() == 20
    page.locator("#more").click()
    drawn(page)  # the articles after the first two are drawn each in a task of its own
    assert page.locator("article.group").count() == 37 and not page.locator("#more").is_visible()
    assert page.locator(".finding").count() == len(findings)
    rows = matrix(page)
    assert len(rows) == 37
    heights = page.evaluate("() => Array.from(document.querySelectorAll('.matrix-row'), r => r.getBoundingClientRect().height)")
    assert set(heights) == {30}  # what the script counts on to draw only the rows in view
    assert sum(cells.count("cell missing") for cells in rows.values()) == 5  # Finnish and Malay omit 3 and 2
    page.screenshot(path=str(ROOT / "reports" / "report-corpus.png"))
    assert errors == []


def test_a_long_report_draws_only_what_is_shown(browser, tmp_path, capsys):
    """150 articles: the matrix draws the rows in view, the list 20 articles at a time; a row
    far down opens its article; a rule filter lists only the articles with that rule."""
    folder = tmp_path / "c"
    folder.mkdir()
    for n in range(150):
        heading = "##Close" if n % 10 == 0 else "## Close"
        (folder / f"a{n:03}.md").write_text(f"---\ntitle: Article {n:03}\n---\n\n# Article {n:03}\n\nText {n} ,.\n\n"
                                            f"{heading}\n\nThe end.\n", encoding="utf-8")
    out = tmp_path / "long.html"
    main(["report", str(folder), "-o", str(out), "--no-cache", "--no-config"])
    capsys.readouterr()
    errors: list = []
    page = open_page(browser, out, errors)
    assert page.locator("#list-note").inner_text().startswith("150 articles listed of 150")
    assert page.locator("article.group").count() == 20 and page.locator(".matrix-row").count() < 60
    assert len(matrix(page)) == 150
    page.locator("article.group").last.locator(".finding").last.focus()
    page.keyboard.press("j")  # past the last finding drawn: the next articles are drawn, then focused
    page.wait_for_function("() => (document.activeElement.closest('article')?.querySelector('h3')?.textContent || '')"
                           ".startsWith('Article 020')", timeout=30000)
    assert page.locator("article.group").count() == 40
    last = page.locator(".matrix-row th a", has_text="Article 149")
    assert last.count() == 1  # scrolled to the end by matrix()
    last.click()
    article = page.locator("article.group", has_text="Article 149")
    assert article.count() == 1 and article.is_visible() and page.evaluate("location.hash") == last.get_attribute("href")
    page.locator("#filter-rule").select_option("heading-missing-space")
    assert page.locator("#list-note").inner_text().startswith("15 articles listed of 150")
    assert page.locator("article.group").count() == 15
    drawn(page)
    rules = page.evaluate("() => Array.from(document.querySelectorAll('.finding:not(.hidden) .rule'), e => e.textContent)")
    assert rules == ["heading-missing-space"] * 15
    assert errors == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_every_script_is_set_in_its_direction_and_shot(browser, tmp_path, capsys):
    """One article in English, Arabic, Hindi and Japanese: the Arabic text is right to left (our
    messages and paths stay left to right); a screenshot of each script beside the English
    goes to reports/ to be looked at."""
    for folder, code in (("English", "en"), ("Arabic", "ar"), ("Hindi", "hi"), ("Japanese", "ja")):
        (tmp_path / "c" / code).mkdir(parents=True)
        shutil.copy(CORPUS / folder / "10-k.md", tmp_path / "c" / code / "10-k.md")
    out = tmp_path / "scripts.html"
    main(["report", str(tmp_path / "c"), "-o", str(out), "--no-cache"])
    capsys.readouterr()
    errors: list = []
    page = open_page(browser, out, errors)
    assert page.locator("td[data-lang='ar'] .heading[dir='rtl']").count() > 0
    assert page.locator("td[data-lang='hi'] .heading[dir='ltr']").count() > 0
    assert page.locator("td[data-lang='ar'] .finding[dir], td[data-lang='ar'][dir]").count() == 0
    for code, name in (("ar", "arabic"), ("hi", "hindi"), ("ja", "japanese")):
        for other in ("ar", "hi", "ja"):
            box = page.locator(f"#filter-language input[value='{other}']")
            box.check() if other == code else box.uncheck()
        page.locator("article.group").first.screenshot(path=str(ROOT / "reports" / f"report-{name}.png"))
    assert errors == []


def test_both_texts_side_by_side_with_each_span_marked(browser, tmp_path, capsys, in_root):
    """In a section with findings: the translation's lines with each finding's span marked
    (hover: message, rule, severity, fix; the mark leads to the finding), the source's lines a
    group finding compares with, and the section's whole text to unfold beside them."""
    out = tmp_path / "index.html"
    main(["report", "seeds", "-o", str(out)])
    capsys.readouterr()
    main(["check", "seeds", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    errors: list = []
    page = open_page(browser, out, errors)
    api = page.locator("article.group").first
    stray = next(f for f in findings if f["rule"] == "stray-punctuation" and f["path"].startswith("seeds/000"))
    mark = api.locator("td[data-lang='nb'] a.mark").first
    assert mark.inner_text() == ",."  # the span, as the finding's columns give it
    assert stray["end_column"] - stray["column"] == 2
    title = mark.get_attribute("title")
    assert title.startswith("CL201 stray-punctuation (warning): stray punctuation") and "safe fix: delete «.»" in title
    target = page.locator(mark.get_attribute("href"))
    assert target.locator(".where").inner_text().startswith(f"{stray['path']}:{stray['line']}:{stray['column']}")
    mark.click()
    assert page.evaluate("location.hash") == mark.get_attribute("href")
    # the source's line a group finding compares with is marked in the source column
    related = api.locator("td[data-lang='en'] .line.related")
    assert related.count() >= 1 and related.first.get_attribute("title").startswith("compared with: ")
    whole = api.locator("td[data-lang='en'] details.whole").first
    assert not whole.locator(".text").is_visible()
    whole.locator("summary").click()
    assert "The Associate in Personal Insurance (API) is a professional" in whole.locator(".text").inner_text()
    # a translation's section whose shown lines leave some out unfolds whole too
    folded = api.locator("td[data-lang='nb'] details.whole").first
    shown_lines = folded.locator("xpath=..").locator(":scope > .text .line").count()
    folded.locator("summary").click()
    assert folded.locator(".text .line").count() > shown_lines
    # a section without findings shows no text
    assert api.locator("tbody tr").nth(1).locator(".text").count() == 0
    assert errors == []


AXE = ROOT / "tests" / ".node" / "node_modules" / "axe-core" / "axe.min.js"  # `make test` installs it


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (make browser installs it with npm)")
@pytest.mark.parametrize("what", ["seeds", "corpus"])
def test_no_serious_or_critical_accessibility_violation(browser, tmp_path, capsys, what):
    """axe-core, injected through Playwright (the page's CSP would refuse it: the test's
    context bypasses the CSP, the page itself is unchanged)."""
    if what == "corpus" and not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    out = tmp_path / "index.html"
    args = ["seeds"] if what == "seeds" else [str(CORPUS), "--path-pattern", "{language}/{key}.md"]
    main(["report", *args, "-o", str(out)])
    capsys.readouterr()
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(out.as_uri())
    drawn(page)
    # every article laid out: axe measures colours where text lies, and an article out of
    # view has no place until it comes into view (content-visibility: auto)
    page.add_style_tag(content="article.group { content-visibility: visible; }")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations"
                          ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
    context.close()
    assert [v for v in found if v["impact"] in ("serious", "critical")] == []


def test_keys_move_between_the_findings_shown(browser, tmp_path, capsys, in_root):
    out = tmp_path / "index.html"
    main(["report", "seeds", "-o", str(out)])
    capsys.readouterr()
    errors: list = []
    page = open_page(browser, out, errors)
    page.locator("#filter-language input[value='nb']").uncheck()
    drawn(page)
    shown = [f for f in page.locator(".finding").all() if f.is_visible()]
    assert len(shown) > 2
    focused = "() => Array.from(document.querySelectorAll('.finding')).indexOf(document.activeElement)"
    index = [page.evaluate(f"(el) => Array.from(document.querySelectorAll('.finding')).indexOf(el)", f.element_handle())
             for f in shown[:2]]
    page.evaluate("document.activeElement.blur()")  # off the checkbox just clicked
    page.keyboard.press("j")
    assert page.evaluate(focused) == index[0]
    page.keyboard.press("j")
    assert page.evaluate(focused) == index[1]
    page.keyboard.press("k")
    assert page.evaluate(focused) == index[0]
    # severity is written, not only coloured
    assert shown[0].locator(".sev-word").inner_text() in ("error", "warning", "info")
    page.locator("#search").focus()
    page.keyboard.press("j")  # typing in the search box moves nothing
    assert page.evaluate("document.activeElement.id") == "search"
    assert errors == []


@pytest.mark.parametrize("what", ["seeds", "corpus"])
def test_a_translator_opens_the_editor_link_and_applies_the_downloaded_patch(browser, tmp_path, capsys, monkeypatch,
                                                                              what):
    """Filter to one language and its source, open a finding from its mark in the text (the
    source's text beside it), follow its editor link (the URL asserted), download the
    report's patch, `git apply` it to the checkout, run `check` again: the fixed findings are
    gone."""
    import subprocess

    from helpers import git

    if what == "corpus" and not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    folder = tmp_path / "site"
    if what == "seeds":
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        config = 'extensions = ["txt"]\nrequired_fields = ["title", "description", "keywords"]\n'
    else:
        shutil.copytree(CORPUS, folder / "seeds")
        config = 'path_patterns = ["{language}/{key}.md"]\n'
    (folder / "contentlint.toml").write_text(config, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "content")
    monkeypatch.chdir(folder)
    main(["check", "seeds", "--format", "json", "--no-cache"])
    before = json.loads(capsys.readouterr().out)["findings"]
    out = folder / "out" / "index.html"
    assert main(["report", "seeds", "-o", str(out), "--no-cache"]) == 0
    capsys.readouterr()
    errors: list = []
    page = open_page(browser, out, errors)
    for box in page.locator("#filter-language input").all():
        if box.get_attribute("value") not in ("en", "nb"):
            box.uncheck()
    drawn(page)
    mark = page.locator("td[data-lang='nb'] a.mark").first
    mark.click()  # the finding the mark stands for
    target = mark.get_attribute("href")
    assert page.evaluate("location.hash") == target
    row = page.locator(f"tr:has({target})")
    assert row.locator("td[data-lang='en'] .text").count() >= 1  # the source's text beside it
    link = page.locator(f"{target} a.at")
    path, line, column = link.inner_text().rsplit(":", 2)
    assert link.get_attribute("href") == f"vscode://file/{folder.resolve()}/{path}:{line}:{column}"
    shown = page.locator("th[data-lang='nb'] details.patch").first
    shown.locator("summary").click()  # the patch, shown as text when asked
    # its text is filled on the `toggle` event, which the browser fires after the click returns
    page.wait_for_function("() => document.querySelector(\"th[data-lang='nb'] details.patch pre.patch-text\")"
                           ".textContent.length > 0")
    assert shown.locator("pre.patch-text").inner_text().startswith("--- a/seeds/")
    with page.expect_download() as caught:
        page.locator("#download-all").click()
    saved = tmp_path / "contentlint-fixes.patch"
    caught.value.save_as(saved)
    assert caught.value.suggested_filename == "contentlint-fixes.patch"
    subprocess.run(["git", "apply", str(saved)], cwd=folder, check=True)
    main(["check", "seeds", "--format", "json", "--no-cache"])
    after = json.loads(capsys.readouterr().out)["findings"]
    fixable = [f for f in before if f["fixable"]]
    assert fixable and not [f for f in after if f["fixable"]]
    assert errors == []
