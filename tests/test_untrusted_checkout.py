"""A checkout is untrusted input: what it plants in the cache, links out of it, or does to a
file while `--fix` runs must neither run code, reach outside it, nor lose anything.

Each test drives the real command line (a subprocess, or `main` in this process where a
hook or a patched constant must reach the fixer) on a small checkout in a temporary folder.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from contentlint.engine import fixer
from contentlint.engine import records
from contentlint.load import document
from contentlint.engine.cache import FOLDER
from contentlint.cli import main

GOOD = "---\ntitle: T\ndescription: D\nkeywords: k\n---\n\n# T\n\nA sentence ,. with a defect.\n"
CONFIG = 'paths = ["content"]\n'


def cli(cwd: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def findings(cwd: Path, *args: str) -> list[tuple]:
    out = cli(cwd, "check", "--format", "json", *args)
    assert out.returncode == 1, out.stderr  # every checkout here has findings
    return sorted((f["path"], f["line"], f["code"], f["message"]) for f in json.loads(out.stdout)["findings"])


@pytest.fixture
def checkout(tmp_path) -> Path:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "contentlint.toml").write_text(CONFIG, encoding="utf-8")
    for name in ("a.md", "b.md"):
        (repo / "content" / name).write_text(GOOD, encoding="utf-8")
    return repo


class Boom:
    """Unpickling this runs a command that leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_planted_cache_entries_never_run_and_change_nothing(checkout, tmp_path):
    clean = findings(checkout)
    key_folder = next(p for p in (checkout / FOLDER).iterdir() if p.is_dir())
    marker = tmp_path / "owned"
    payload = pickle.dumps([Boom(marker)])
    names = [f"files-{n:02}" for n in range(16)] + [f"groups-{n:02}" for n in range(16)] + ["spans"]
    for name in names:  # under the names of this format and of the pickled one before it
        (key_folder / name).write_bytes(payload)
        (key_folder / f"{name}.pickle").write_bytes(payload)
    assert findings(checkout) == clean
    assert not marker.exists()
    # well-formed rows claiming the articles have no findings, with their true digests (a
    # cache that trusted the rows would serve them), but without the secret's signature
    forged = records.packb([(str(Path("content") / n), document.digest((checkout / "content" / n).read_bytes()), None,
                             {}, ("en", 1.0, "detected", "en", 1.0, 100), None, b"", (), {}, False, ())
                            for n in ("a.md", "b.md")])
    for n in range(16):
        (key_folder / f"files-{n:02}").write_bytes(b"CLC2" + b"\0" * 32 + forged)
    assert findings(checkout) == clean


def test_a_linked_cache_folder_deletes_nothing_outside(checkout, tmp_path):
    elsewhere = tmp_path / "home"
    for k in range(6):  # more folders than the cache keeps: tidying would delete some
        (elsewhere / f"folder{k}").mkdir(parents=True)
        (elsewhere / f"folder{k}" / "keep.txt").write_text("precious", encoding="utf-8")
    (checkout / FOLDER).symlink_to(elsewhere, target_is_directory=True)
    out = cli(checkout, "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == [f"folder{k}" for k in range(6)]
    assert all((elsewhere / f"folder{k}" / "keep.txt").read_text(encoding="utf-8") == "precious" for k in range(6))


def test_tidying_deletes_only_folders_proven_its_own(checkout):
    findings(checkout)
    planted = checkout / FOLDER / "0000planted"
    planted.mkdir()
    (planted / "owner").write_bytes(b"CLC2" + b"\0" * 32 + records.packb(planted.name))  # its name, unsigned
    for k in range(5):  # five configurations: the oldest folders of contentlint's own go
        (checkout / "contentlint.toml").write_text(CONFIG + f'required_fields = ["title{k}"]\n', encoding="utf-8")
        findings(checkout)
    folders = [p for p in (checkout / FOLDER).iterdir() if p.is_dir()]
    assert planted in folders and len(folders) == 4 + 1


def test_cache_folders_and_files_are_private_whatever_the_umask(checkout):
    (checkout / FOLDER).mkdir(mode=0o755)  # left by an older version, or committed
    (checkout / FOLDER).chmod(0o755)
    old = os.umask(0)
    try:
        findings(checkout)
    finally:
        os.umask(old)
    top = checkout / FOLDER
    for path in [top, *top.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_a_file_changed_with_its_mtime_restored_is_checked_again(checkout, monkeypatch, capsys):
    monkeypatch.chdir(checkout)
    monkeypatch.setattr(document, "RACY_NS", 0)  # trust every stat, as for files not touched lately
    article = checkout / "content" / "a.md"
    article.write_text(GOOD.replace(",.", "ok"), encoding="utf-8")
    main(["check", "--jobs", "1", "--format", "json"])
    before = json.loads(capsys.readouterr().out)["findings"]
    assert not [f for f in before if f["path"].endswith("a.md") and f["rule"] == "stray-punctuation"]
    st = article.stat()
    article.write_text(GOOD, encoding="utf-8")  # same size, a new `,.`
    os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns))  # `touch -r`: only the ctime tells
    assert article.stat().st_size == st.st_size
    main(["check", "--jobs", "1", "--format", "json"])
    after = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in after if f["path"].endswith("a.md") and f["rule"] == "stray-punctuation"]


def test_a_file_modified_just_now_is_not_trusted_by_its_stat(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x", encoding="utf-8")
    assert document.stat_of(path.stat()) == ()  # racy: the content hash decides next time
    old = path.stat().st_mtime_ns - 10 * 10**9
    os.utime(path, ns=(old, old))
    assert document.stat_of(path.stat()) == ()  # the ctime is still recent


def test_an_article_linked_outside_the_root_is_not_read(checkout, tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(GOOD.replace("A sentence", "TOPSECRET-VALUE"), encoding="utf-8")
    link = checkout / "content" / "x.md"
    link.symlink_to(secret)
    inside = checkout / "content" / "y.md"
    inside.symlink_to(checkout / "content" / "b.md")  # a link inside the root is read as usual
    for fmt in ("text", "json", "sarif", "junit", "github"):
        out = cli(checkout, "check", "--format", fmt)
        assert "TOPSECRET" not in out.stdout and "TOPSECRET" not in out.stderr, fmt
    data = json.loads(cli(checkout, "check", "--format", "json").stdout)
    about_x = [f for f in data["findings"] if f["path"].endswith("x.md")]
    assert [(f["rule"], f["message"]) for f in about_x] == [("unreadable-file", "a link to a file outside the "
                                                             "content root: not read")]
    assert [f for f in data["findings"] if f["path"].endswith("y.md") and f["rule"] == "stray-punctuation"]
    (checkout / "reports").mkdir()
    (checkout / "reports" / "index.html").symlink_to(secret)  # the report's place, linked out too
    report = cli(checkout, "report")
    assert report.returncode == 0, report.stderr
    assert "TOPSECRET" not in (checkout / "reports" / "index.html").read_text(encoding="utf-8")
    assert not (checkout / "reports" / "index.html").is_symlink()
    for args in (["check", "--fix"], ["check", "--fix", "content/x.md"], ["check", "--changed", "--fix", "content/x.md"]):
        cli(checkout, *args)
        assert link.is_symlink() and os.readlink(link) == str(secret)
        assert "TOPSECRET" in secret.read_text(encoding="utf-8") and ",." in secret.read_text(encoding="utf-8")
    # fixing through the link inside the root rewrites its target and keeps the link
    assert inside.is_symlink() and ",." not in (checkout / "content" / "b.md").read_text(encoding="utf-8")


def test_a_content_path_that_is_a_link_out_is_not_read(checkout, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.md").write_text(GOOD.replace("A sentence", "TOPSECRET-VALUE"), encoding="utf-8")
    (checkout / "content").rename(checkout / "real")
    (checkout / "content").symlink_to(home, target_is_directory=True)  # paths = ["content"]
    (checkout / "other.toml").write_text(f'paths = ["content", "{home}"]\n', encoding="utf-8")
    for args in ([], ["content"], ["--config", "other.toml"]):
        out = cli(checkout, "check", "--format", "json", *args)
        assert "TOPSECRET" not in out.stdout, args
        data = json.loads(out.stdout)
        assert {f["message"] for f in data["findings"]} == {"a link to a file outside the content root: not read"}


def test_the_content_root_is_the_configured_paths(checkout):
    (checkout / "notes.md").write_text(GOOD, encoding="utf-8")  # in the checkout, not in `content`
    (checkout / "content" / "x.md").symlink_to(checkout / "notes.md")
    about_x = [f for f in findings(checkout) if f[0].endswith("x.md")]
    assert [f[3] for f in about_x] == ["a link to a file outside the content root: not read"]
    named = findings(checkout, "notes.md")  # a file named on the command line is read
    assert any(f[2] == "CL201" for f in named)


def test_a_non_utf8_name_is_cached_like_any_other(checkout):
    with open(os.path.join(os.fsencode(checkout), b"content", b"caf\xe9.md"), "wb") as fh:
        fh.write(GOOD.encode())
    cold = findings(checkout)
    names = {p.name for p in next(p for p in (checkout / FOLDER).iterdir() if p.is_dir()).iterdir()}
    assert "files-00" in names or len([n for n in names if n.startswith("files-")]) >= 2
    assert findings(checkout) == cold


def test_a_report_folder_that_links_out_is_not_written(checkout, tmp_path):
    elsewhere = tmp_path / "autostart"
    elsewhere.mkdir()
    (checkout / "reports").symlink_to(elsewhere, target_is_directory=True)
    for args in (["report"], ["check", "--format", "json", "--output", "reports/findings.json"],
                 ["check", "--write-baseline", "reports/baseline.json"]):
        out = cli(checkout, *args)
        assert out.returncode == 2 and "links out of the checkout" in out.stderr, (args, out.stderr)
        assert "Traceback" not in out.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_fix_not_written_is_not_remembered(checkout):
    article = checkout / "content" / "a.md"
    os.link(article, checkout / "twin.md")
    assert any(f[2] == "CL004" for f in findings(checkout, "--fix"))
    assert not any(f[2] == "CL004" for f in findings(checkout))  # a plain check: nothing was attempted


def test_a_hard_link_is_never_split(checkout):
    article = checkout / "content" / "a.md"
    twin = checkout / "twin.md"  # outside the content paths, the same file
    os.link(article, twin)
    out = cli(checkout, "check", "--fix", "--format", "json")
    data = json.loads(out.stdout)
    notes = [f for f in data["findings"] if f["rule"] == "fix-not-written"]
    assert [n["path"] for n in notes] == [str(Path("content") / "a.md")]
    assert "hard links" in notes[0]["message"]
    assert os.path.samefile(article, twin) and ",." in article.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_owner_group_and_mode_are_kept(checkout):
    article = checkout / "content" / "a.md"
    os.chown(article, 4321, 8765)
    article.chmod(0o640)
    cli(checkout, "check", "--fix")
    st = article.stat()
    assert ",." not in article.read_text(encoding="utf-8")
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (4321, 8765, 0o640)


def test_an_edit_made_while_fixing_survives(checkout, monkeypatch, capsys):
    monkeypatch.chdir(checkout)
    article = checkout / "content" / "a.md"

    def someone_appends(path):  # between writing the fixed text and replacing the file
        if os.path.samefile(path, article):
            with open(article, "a", encoding="utf-8") as fh:
                fh.write("A line added meanwhile.\n")

    monkeypatch.setattr(fixer, "before_replace", someone_appends)
    assert main(["check", "--fix", "--jobs", "1", "--no-cache", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    text = article.read_text(encoding="utf-8")
    assert text == GOOD + "A line added meanwhile.\n"  # nothing lost, nothing half-fixed
    notes = [f for f in data["findings"] if f["rule"] == "fix-not-written"]
    assert len(notes) == 1 and notes[0]["path"].endswith("a.md") and "changed" in notes[0]["message"]
    assert ",." not in (checkout / "content" / "b.md").read_text(encoding="utf-8")  # the other file is fixed
    assert not list(checkout.rglob(".contentlint-*"))


@pytest.mark.parametrize("signum, code", [(15, 143), (2, 130)])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_signal_while_fixing_leaves_no_temporary_file(checkout, signum, code, jobs):
    for k in range(40):  # enough files for two workers
        (checkout / "content" / f"n{k}.md").write_text(GOOD, encoding="utf-8")
    # the signal arrives while a fixed text is written but not yet in place: deterministic
    script = (
        "import os, sys, time\n"
        "from contentlint import cli\nfrom contentlint.engine import fixer\n"
        "parent = os.getpid()\n"
        "def hit(path):\n"
        f"    os.kill(parent, {signum})\n"
        "    if os.getpid() != parent: time.sleep(2)\n"  # a worker: the pool's SIGTERM waits for the write
        "    time.sleep(0.5)\n"
        "fixer.before_replace = hit\n"
        f"sys.exit(cli.main(['check', '--fix', '--no-cache', '--jobs', '{jobs}']))\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=checkout, capture_output=True, text=True, timeout=60)
    assert out.returncode == code, out.stderr
    assert "Traceback" not in out.stderr
    assert not list(checkout.rglob(".contentlint-*"))
    for p in (checkout / "content").glob("*.md"):  # each file whole: as it was, or fixed
        text = p.read_text(encoding="utf-8")
        assert text == GOOD or (",." not in text and text.startswith("---\ntitle: T\n") and text.endswith("defect.\n"))
