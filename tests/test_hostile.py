"""Hostile and broken inputs: every one is reported or linted, none crashes or hangs the run,
and the other files are still checked.

One run of the real command line (two workers, no cache) over a folder that holds every
case beside a good article; a hang shows as the subprocess timeout, not as a timing
assertion. Each case is then its own test of what the run said about that file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = ("---\ntitle: Good\ndescription: A good article\nkeywords: good\n---\n# Good\n\n"
        "A sentence with a [link](/good),. here.\n\n## Highlights\n\n- One point.\n")
BODY = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\n"
MB = 2**20
LAUGHS = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]\n" for i in range(1, 10)) + "title: *a9\n---\n# T\n"


def nested_list(depth: int) -> str:
    """`- - - … item`: each marker opens a list inside the item before it (indenting each
    level on its own line instead would make a 100 MB file, refused for its size)."""
    return BODY + "- " * depth + "item\n"


# name -> (content, what the finding on it says: a regex; None: linted like any article)
CASES: dict[str, tuple[bytes | str, str | None]] = {
    "invalid-utf8.md": (b"# T\n\nbad \xff\xfe bytes\n", r"not valid UTF-8 \(byte \d+"),
    "overlong-utf8.md": (b"# T\n\n\xc0\xaf\n", r"not valid UTF-8"),
    "truncated-utf8.md": ("# Tæ".encode()[:-1], r"not valid UTF-8"),
    "utf16-le-bom.md": ("\ufeff# Title\n\nText.\n".encode("utf-16-le"), r"UTF-16"),
    "utf16-be-bom.md": ("\ufeff# Title\n\nText.\n".encode("utf-16-be"), r"UTF-16"),
    "nul-bytes.md": (b"# T\n\nnul \x00 here\n", r"binary \(contains NUL"),
    "binary-png.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), r"binary|UTF-8"),
    "empty.md": (b"", r"file is empty"),
    "blank-only.md": (b"  \n\n\t\n", r"file is empty"),
    "front-matter-only.md": ("---\ntitle: T\ndescription: D\nkeywords: K\n---\n", None),
    "unterminated-front-matter.md": ("---\ntitle: T\n\n# T\n\nText.\n", r"not terminated"),
    "yaml-tabs.md": ("---\ntitle: T\n\tdescription: D\n---\n# T\n", r"invalid YAML .*\(line \d+\)"),
    "yaml-duplicate-keys.md": ("---\ntitle: A\ntitle: B\n---\n# T\n", r"duplicate key 'title' \(line 3\)"),
    "yaml-list.md": ("---\n- a\n- b\n---\n# T\n", r"front matter is a list, not a mapping"),
    "yaml-scalar.md": ("---\njust words\n---\n# T\n", r"front matter is a str, not a mapping"),
    "yaml-empty.md": ("---\n---\n# T\n", r"front matter is empty"),
    "yaml-alias-bomb.md": (LAUGHS, r"aliases \(\*name\) are not allowed"),
    "yaml-python-tag.md": ("---\n!!python/object/apply:os.system [echo]\n---\n# T\n", r"invalid YAML"),
    "yaml-huge-list-title.md": ("---\ntitle: [" + ", ".join(["x"] * 100000) + "]\n---\n# T\n", r"should be text"),
    "fifty-mb.md": (BODY + ("word " * 20 + "\n") * (50 * MB // 101), r"50\.0 MB: articles over 10 MB are not read"),
    "hundred-thousand-lines.md": (BODY + "A line ,. of text .\n" * 100000, r"stray punctuation"),
    "lists-10000-deep.md": (nested_list(10000), None),
    "quotes-10000-deep.md": (BODY + ">" * 10000 + " deep\n", None),
    "quotes-and-lists-5000-deep.md": (BODY + "> - " * 5000 + "deep\n", None),
    "one-mb-single-line.md": (BODY + "word " * (MB // 5) + "\n", None),
    "one-mb-punctuation.md": (BODY + ",." * (MB // 2) + "\n", None),
    "one-mb-spaces.md": (BODY + "a" + " " * MB + ".\n", "space before"),
    "one-mb-brackets.md": (BODY + "[" * MB + "\n", None),
    "one-mb-link-openers.md": (BODY + "[a](" * (MB // 4) + "\n", None),
    "one-mb-broken-targets.md": (BODY + "[a](/b c " * (MB // 9) + "\n", r"link target is not closed"),
    "one-mb-hashes.md": (BODY + "#" * MB + "\n", None),
    "one-mb-en-dashes.md": (BODY + "– " * (MB // 2) + "\n", "en dash"),
    "one-mb-abbreviations.md": (BODY + "a." * (MB // 2) + "x\n", None),
    "one-mb-capitals.md": (BODY + "A " * (MB // 2) + "\n", None),
    "one-mb-numbers.md": (BODY + "1,000," * (MB // 6) + "\n", None),
    "one-mb-comment-openers.md": (BODY + "<!--" * (MB // 4) + "\n", None),
    "one-mb-emphasis.md": (BODY + "*_" * (MB // 2) + "\n", None),
    "one-mb-heading.md": (BODY + "## " + "a" * MB + "\n", None),
    "one-mb-repeated-word.md": (BODY + "the " * (MB // 4) + "\n", r"repeated word 'the'"),
    "table-10000-columns.md": (BODY + "|a" * 10000 + "|\n" + "|-" * 10000 + "|\n" + "|b" * 10000 + "|\n", None),
    "crlf.md": (GOOD.replace("\n", "\r\n"), r"stray punctuation"),
    "mixed-line-endings.md": ("---\r\ntitle: T\ndescription: D\rkeywords: K\n---\n# T\r\n\nText ,. here.\n", None),
    "utf8-bom.md": ("\ufeff" + GOOD, r"stray punctuation"),
    "control-characters.md": (BODY + "Right\u202eto\u200bleft \u0007 bell.\n", None),
}


def _build(folder: Path) -> None:
    for name, (content, _) in CASES.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "loop-a.md").symlink_to("loop-b.md")
    (folder / "loop-b.md").symlink_to("loop-a.md")
    (folder / "dangling.md").symlink_to("nowhere.md")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder loop: never followed
    (folder / "folder.md").mkdir()  # a folder named like an article: its articles are linted
    (folder / "folder.md" / "inside.md").write_text(GOOD, encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")  # not articles: not read
    (folder / "data.json").write_text("{}")
    (folder / ".hidden.md").write_text("# hidden ,.")
    os.mkfifo(folder / "pipe.md")  # reading it would block forever


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    _build(folder)
    # English declared: an article with no prose has no language to discover, and the rules that
    # need a language's profile would stay quiet on it (test_discovery_reads_a_hostile_folder
    # runs discovery itself over this folder)
    # and the Highlights section asked of every article (min_share 0): few of these files follow
    # any template, and the rule's finding is the evidence that an article was parsed
    config = folder.parent / "hostile.toml"
    config.write_text("[rules.missing-highlights]\nmin_share = 0\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "contentlint", "check", str(folder), "--format", "json",
                           "--jobs", "2", "--no-cache", "--config", str(config), "--languages", "en"],
                          capture_output=True, text=True, timeout=900)  # a hang fails here
    proc.folder = folder
    data = json.loads(proc.stdout)
    by_file: dict[str, list[dict]] = {}
    for f in data["findings"]:
        by_file.setdefault(os.path.relpath(f["path"], folder), []).append(f)
    return proc, data, by_file


def test_the_run_finishes_with_the_documented_exit_code(hostile):
    proc, data, _ = hostile
    assert proc.returncode == 1, proc.stderr  # findings: 1 (a crash would be another code)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


def test_the_good_article_is_still_checked(hostile):
    _, _, by_file = hostile
    for name in ("good.md", "folder.md/inside.md"):
        assert [f["line"] for f in by_file[name] if f["rule"] == "stray-punctuation"] == [8]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case(hostile, name):
    _, _, by_file = hostile
    expected = CASES[name][1]
    found = by_file.get(name, [])
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in found)
    rules = {f["rule"] for f in found}
    assert "rule-error" not in rules, found[:5]
    if expected is None:  # linted like any article: read, parsed (its outline judged), not refused
        assert "missing-highlights" in rules and not rules & {"unreadable-file", "frontmatter"}, found[:5]
    else:
        import re

        assert any(re.search(expected, f["message"]) for f in found), found[:5]


@pytest.mark.parametrize("name, message", [
    ("loop-a.md", "cannot read file: Too many levels of symbolic links"),
    ("dangling.md", "cannot read file: No such file or directory"),
    ("pipe.md", "not a regular file"),
])
def test_paths_that_cannot_be_read(hostile, name, message):
    _, _, by_file = hostile
    assert any(message in f["message"] and f["rule"] == "unreadable-file" for f in by_file[name])


def test_what_is_not_an_article_is_not_read(hostile):
    _, _, by_file = hostile
    assert not {"image.png", "data.json", ".hidden.md"} & set(by_file)
    assert not any(name.startswith("sub/") for name in by_file)


def test_line_endings_and_bom_do_not_move_positions(hostile):
    _, _, by_file = hostile

    def where(name):
        return [(f["rule"], f["line"], f["column"]) for f in by_file[name]]

    assert where("crlf.md") == where("utf8-bom.md") == where("good.md")
    assert ("stray-punctuation", 8, 32) in where("good.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_file(tmp_path, capsys):
    from contentlint.cli import main

    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    assert main(["check", str(tmp_path), "--format", "json", "--no-cache"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert any("Permission denied" in f["message"] for f in data["findings"] if f["path"].endswith("locked.md"))


def test_a_file_deleted_during_the_run(tmp_path, monkeypatch):
    from contentlint.load import document
    from contentlint.config.settings import Config
    from contentlint.engine.run import check

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    real = document.read

    def vanishing(path):
        if path.endswith("a.md") and os.path.exists(path):
            os.unlink(path)  # gone between discovery and reading
        return real(path)

    monkeypatch.setattr(document, "read", vanishing)
    result, _ = check([str(tmp_path / "a.md"), str(tmp_path / "b.md")], Config())
    messages = {(os.path.basename(f.path), f.rule): f.message for f in result.findings}
    assert "No such file or directory" in messages[("a.md", "unreadable-file")]
    assert ("b.md", "stray-punctuation") in messages


def test_a_missing_path_is_a_usage_error(tmp_path, capsys):
    from contentlint.cli import main

    assert main(["check", str(tmp_path / "absent.md")]) == 2
    assert "absent.md: no such file or folder" in capsys.readouterr().err


def test_discovery_reads_a_hostile_folder(hostile):
    """Discovery reads the head of every file it scores: a pipe, a loop, a dangling link or a
    1 MB line must neither hang nor crash it."""
    proc = subprocess.run([sys.executable, "-m", "contentlint", "languages", str(hostile[0].folder), "--format",
                           "json", "--no-config"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    assert "en" in {row["language"] for row in data["languages"]}


SOURCE = ("---\ntitle: Funds\n---\n# Funds\n\nThe first fund tracks an index, and it trades today.\n\n*\n"
          "## Understanding funds\n\nA fund is traded on an exchange, just as stocks are, all day long.\n")
TRANSLATION = ("---\ntitle: Fonds\n---\n# Fonds\n\nDer erste Fonds bildet einen Index ab und wird heute gehandelt.\n\n"
               "## Fonds verstehen\n\nEin Fonds wird wie Aktien den ganzen Tag an einer Börse gehandelt.\n")


def _articles(root: Path, names: list[str]) -> None:
    for name in names:
        for lang, text in (("en", SOURCE), ("de", TRANSLATION)):
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"{name}.md").write_text(text, encoding="utf-8")


def _check(root: Path, capsys) -> tuple[int, list[dict]]:
    from contentlint.cli import main

    code = main(["check", str(root), "--no-config", "--no-cache", "--jobs", "1", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["findings"]


def test_a_source_with_an_empty_list_item_is_compared(tmp_path, capsys):
    """A lone `*` (an empty list item, which has no inline text) in the source: the group is
    compared, not stopped (a real article's stray marker once ended the whole run)."""
    _articles(tmp_path, ["funds"])
    code, found = _check(tmp_path, capsys)
    assert code in (0, 1) and not [f for f in found if f["rule"] == "rule-error"]


def test_a_comparison_that_fails_leaves_a_finding_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    """A bug met while one article is compared with its translations is reported on that
    article (rule-error, exit 2); the other articles are still compared."""
    from contentlint.parity import alignment

    _articles(tmp_path, ["bonds", "funds"])
    prepare = alignment.prepare

    def failing(corpus, profiles):
        if any(d.path.endswith("bonds.md") for d in corpus.docs):
            raise AttributeError("a bug")
        return prepare(corpus, profiles)
    monkeypatch.setattr(alignment, "prepare", failing)
    code, found = _check(tmp_path, capsys)
    errors = [(Path(f["path"]).parts[-2:], f["message"]) for f in found if f["rule"] == "rule-error"]
    assert code == 2 and errors == [(("en", "bonds.md"), "comparing this article with its translations stopped: "
                                      "internal error: AttributeError('a bug'); its rules were not run")]
    by_article = {name: sorted(f["rule"] for f in found if f["path"].endswith(name) and f["rule"] != "rule-error")
                  for name in ("bonds.md", "funds.md")}
    assert by_article["funds.md"] and by_article["bonds.md"] != by_article["funds.md"]


def test_a_failed_comparison_is_not_kept_for_the_next_run(tmp_path, capsys, monkeypatch):
    """The rule-error of a comparison that failed says what happened in that run (a bug, a
    lack of memory), not what the files hold: the next run, with the cache, compares again."""
    from contentlint.cli import main
    from contentlint.parity import alignment

    _articles(tmp_path / "site", ["funds"])
    monkeypatch.chdir(tmp_path)
    prepare = alignment.prepare
    args = ["check", "site", "--no-config", "--jobs", "1", "--format", "json"]

    def failing(corpus, profiles):
        raise AttributeError("a bug")
    monkeypatch.setattr(alignment, "prepare", failing)
    assert main(args) == 2 and "rule-error" in capsys.readouterr().out
    monkeypatch.setattr(alignment, "prepare", prepare)
    code = main(args)
    assert code in (0, 1) and "rule-error" not in capsys.readouterr().out
