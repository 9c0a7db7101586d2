"""The translators' report links out and carries its fixes: each location opens the file in
the editor (and, with `repo_url`, the repository's web view at the commit), and the safe
fixes are patches that `git apply` takes. Read from the written page's data, as its script reads it."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

from contentlint.cli import main
from contentlint.reporters.html_context import direction
from helpers import git, report_data

ROOT = Path(__file__).resolve().parent.parent
CONFIG = 'extensions = ["txt"]\nrequired_fields = ["title", "description", "keywords"]\n'


def site(tmp_path: Path, extra: str = "") -> Path:
    """The seeds in a repository of their own, committed."""
    folder = tmp_path / "site"
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "contentlint.toml").write_text(CONFIG + extra, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "seeds")
    return folder


def page(folder: Path, capsys, monkeypatch) -> str:
    monkeypatch.chdir(folder)
    assert main(["report", "seeds", "-o", "out/index.html", "--no-cache"]) == 0
    capsys.readouterr()
    return (folder / "out" / "index.html").read_text(encoding="utf-8")


def findings(folder: Path, capsys) -> list[dict]:
    main(["check", "seeds", "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["findings"]


def patches(text: str) -> list[str]:
    """The patches the page copies and saves (their bytes, in base64)."""
    out = []
    for _path, (kind, data) in report_data(text)["patches"]:
        out.append(data if kind == "t" else base64.b64decode(data).decode("utf-8", "surrogateescape"))
    return out


def shown_findings(text: str) -> dict[str, list]:
    """where (path:line:column) -> the finding as the page's data holds it."""
    return {f[3]: f for article in report_data(text)["articles"] for f in article["f"]}


def test_locations_link_to_the_editor_and_the_repository(tmp_path, capsys, monkeypatch):
    folder = site(tmp_path, 'repo_url = "https://github.com/org/site/"\n')
    text = page(folder, capsys, monkeypatch)
    commit = git(folder, "rev-parse", "HEAD")
    first = findings(folder, capsys)[0]  # in the site's folder, where page() went
    where = f"{first['path']}:{first['line']}:{first['column']}"
    editor = f"vscode://file/{folder.resolve()}/{first['path']}:{first['line']}:{first['column']}"
    shown = shown_findings(text)[where]
    assert shown[5] == editor
    assert shown[6] == f"https://github.com/org/site/blob/{commit}/{first['path']}#L{first['line']}"


def test_an_editor_template_names_the_place_and_quotes_the_path(tmp_path, capsys, monkeypatch):
    folder = site(tmp_path, 'editor_url = "idea://open?file={abspath}&line={line}"\n')
    (folder / "seeds" / "000_cb491d965fac7142.txt").rename(folder / "seeds" / "000 nb & more.txt")
    text = page(folder, capsys, monkeypatch)
    quoted = f"{folder.resolve()}/seeds/000%20nb%20%26%20more.txt"
    urls = [f[5] for where, f in shown_findings(text).items() if "000 nb & more.txt" in where]
    assert urls and all(u.startswith(f"idea://open?file={quoted}&line=") for u in urls)
    assert "https://github.com" not in text  # no repo_url: no web view


def test_the_reports_patch_applies_and_leaves_only_what_no_safe_fix_mends(tmp_path, capsys, monkeypatch):
    folder = site(tmp_path)
    monkeypatch.chdir(folder)
    before = findings(folder, capsys)
    found = patches(page(folder, capsys, monkeypatch))
    fixable = {f["path"] for f in before if f["fixable"]}
    assert found and len(found) == len(fixable) == 5
    (tmp_path / "fixes.patch").write_text("".join(found), encoding="utf-8")
    subprocess.run(["git", "apply", str(tmp_path / "fixes.patch")], cwd=folder, check=True)
    after = findings(folder, capsys)
    assert not [f for f in after if f["fixable"]]
    assert 0 < len(after) < len(before)
    assert {(f["path"], f["rule"]) for f in after} <= {(f["path"], f["rule"]) for f in before if not f["fixable"]}


def test_a_diff_of_a_last_line_without_a_newline_applies(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "plain"
    folder.mkdir()
    article = "---\ntitle: Probe\n---\n\n# Probe\n\nA sentence ends here ."
    (folder / "a.md").write_text(article, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    monkeypatch.chdir(folder)
    main(["check", "a.md", "--diff", "--no-cache", "--select", "space-before-punctuation"])
    diff = capsys.readouterr().out
    assert diff.endswith("\\ No newline at end of file\n")
    (tmp_path / "fix.patch").write_text(diff, encoding="utf-8")
    subprocess.run(["git", "apply", str(tmp_path / "fix.patch")], cwd=folder, check=True)
    assert (folder / "a.md").read_text(encoding="utf-8").endswith("ends here.")


def test_right_to_left_languages_come_from_cldr():
    assert [direction(c) for c in ("ar", "he", "fa", "ur", "en", "ja", "hi", None, "xx-unknown")] == \
        ["rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr", "ltr"]


def test_a_patch_is_difflibs_diff_of_the_whole_files():
    """patch.unified hands difflib only the part of the files that differs (and a context);
    its hunks, numbered from the files' starts, are difflib's own on the whole files."""
    import difflib
    import random

    from contentlint.engine import patch

    rng = random.Random(5)
    for _ in range(1500):
        lines = [f"line {k} {'x' * rng.randrange(3)}" for k in range(rng.randrange(0, 30))]
        edited = list(lines)
        for _ in range(rng.randrange(1, 4)):
            roll = rng.random()
            if edited and roll < 0.5:
                edited[rng.randrange(len(edited))] += " changed"
            elif roll < 0.75:
                edited.insert(rng.randrange(len(edited) + 1), "new")
            elif edited:
                edited.pop(rng.randrange(len(edited)))
        old = "\n".join(lines) + ("\n" if rng.random() < 0.7 else "")
        new = "\n".join(edited) + ("\n" if rng.random() < 0.7 else "")
        for context in (1, 3):
            whole = difflib.unified_diff(patch._lines(old), patch._lines(new), "a/f", "b/f", n=context)
            want = "".join(x if x.endswith("\n") else x + "\n" + patch.NO_NEWLINE for x in whole) if old != new else ""
            assert patch.unified(old, new, "f", context) == want
