"""The report page's data: what html_json.py writes can never end its block or hide a
character, reads back as written, and grows with what the page shows, not with the corpus."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from contentlint.cli import main
from contentlint.reporters import html_json
from helpers import report_data

TRICKY = ["</script><script>alert(1)</script>", "<!-- a comment", "a & b > c", "\u202eevil\u202c", "\u2028line\u2029",
          "zero\u200bwidth", "\x7f\x85", "\ufeffbom", "tag \U000e0041", "emoji \U0001f600", "quote \" and \\ back"]


def test_a_line_cannot_end_its_block_and_reads_back_as_written():
    rng = random.Random(3)
    pool = "".join(TRICKY) + "abc <>&/\\\"'\n\t\r\x00\u061c\u00ad"
    values = TRICKY + ["".join(rng.choice(pool) for _ in range(rng.randrange(40))) for _ in range(500)]
    for value in values:
        line = html_json.line({"v": value, "list": [value, 1]})
        assert json.loads(line) == {"v": value, "list": [value, 1]}
        assert not re.search(r"[<>&\n\r\u2028\u2029\u202a-\u202e\u200b\ufeff\U000e0000-\U000e007f\x7f-\x9f]", line)


def test_a_lone_surrogate_is_escaped_not_lost():
    line = html_json.line(["caf\udce9"])
    assert line.encode("utf-8") and json.loads(line) == ["caf\udce9"]


def test_a_patch_keeps_its_exact_bytes():
    assert html_json.exact("--- a/x\n+ é\n") == ["t", "--- a/x\n+ é\n"]
    kind, data = html_json.exact("caf\udce9\n")  # a byte that is not UTF-8
    import base64

    assert kind == "b" and base64.b64decode(data) == b"caf\xe9\n"


def test_the_pages_own_script_cannot_end_its_element():
    """The page's script is written as it is (its hash is in the CSP): no `</script` or `<!--`
    in it, which would end the element early."""
    from importlib import resources

    for name in ("report.js", "report-article.js"):
        text = resources.files("contentlint").joinpath("templates", name).read_text(encoding="utf-8")
        assert "</script" not in text.lower() and "<!--" not in text


def _site(folder: Path, paragraphs: int, articles: int = 30) -> Path:
    folder.mkdir()
    body = "\n\n".join(f"Paragraph {k} of a clean article, long enough to weigh something." for k in range(paragraphs))
    for n in range(articles):
        (folder / f"a{n:02}.md").write_text(f"---\ntitle: Article {n}\n---\n\n# Article {n}\n\n{body}\n", encoding="utf-8")
    return folder


def _page(folder: Path, capsys) -> str:
    out = folder.parent / f"{folder.name}.html"
    main(["check", str(folder), "--format", "html", "-o", str(out), "--no-cache", "--no-config",
          "--select", "heading-missing-space"])
    capsys.readouterr()
    return out.read_text(encoding="utf-8")


def test_the_page_grows_with_what_it_shows_not_with_the_corpus(tmp_path, capsys):
    """Clean articles 100 times longer make the same page (within their titles' bytes): a
    section without findings shows no text."""
    short = _page(_site(tmp_path / "short", 2), capsys)
    long = _page(_site(tmp_path / "long", 200), capsys)
    assert len(report_data(long)["articles"]) == 30
    assert abs(len(long) - len(short)) < 0.02 * len(short)
    assert not [a for a in report_data(long)["articles"] for row in a["r"] for c in row["c"] if c and ("t" in c or "a" in c)]
