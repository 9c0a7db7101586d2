"""The progress line: on stderr when it is a terminal, never otherwise."""

from __future__ import annotations

import os
import pty
import subprocess
import sys


def make_corpus(folder, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.md").write_text(f"---\ntitle: T{i}\ndescription: D\nkeywords: K\n---\n# T{i}\n\nText {i}.\n",
                                             encoding="utf-8")


def test_progress_on_a_terminal_only(tmp_path):
    make_corpus(tmp_path / "c", 220)
    cmd = [sys.executable, "-m", "contentlint", "check", str(tmp_path / "c"), "--select", "whitespace"]
    plain = subprocess.run(cmd, capture_output=True, text=True)
    assert plain.stderr == ""
    master, slave = pty.openpty()
    tty = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert tty.returncode == plain.returncode
    assert b"checking" in seen and b"220/220 files" in seen
    assert tty.stdout == plain.stdout  # the report itself is unchanged
