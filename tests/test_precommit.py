"""The real pre-commit tool, in a temporary git repository that takes this repository as
the hook source (at its current commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
pytestmark = pytest.mark.skipif(not Path(PRE_COMMIT).exists() or not shutil.which("git"),
                                reason="pre-commit or git is not installed")
NB = "000_cb491d965fac7142.txt"


def git(repo, *args, check=True):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    e = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
             GIT_COMMITTER_EMAIL="t@example.invalid", PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")))
    e.pop("PYTHONPATH", None)
    e["PATH"] = str(Path(PRE_COMMIT).parent) + os.pathsep + e["PATH"]
    return e


def make_repo(tmp_path, env, hook: str) -> Path:
    rev = git(ROOT, "rev-parse", "HEAD").stdout.strip()
    repo = tmp_path / "content"
    (repo / "seeds").mkdir(parents=True)
    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, repo / "seeds" / f.name)
    (repo / "contentlint.toml").write_text('paths = ["seeds"]\nextensions = ["md", "txt"]\n', encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "seeds", "--no-verify"], cwd=repo, check=True, env=env)
    subprocess.run([PRE_COMMIT, "install"], cwd=repo, check=True, env=env, capture_output=True)
    return repo


def edit_norwegian(repo: Path) -> None:
    path = repo / "seeds" / NB
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Vanligvis tar kandidater", "Vanligvis tar [kandidater](/candidates),. kandidater"),
                    encoding="utf-8")


def test_commit_runs_the_hook_on_the_group(tmp_path, env):
    repo = make_repo(tmp_path, env, "contentlint")
    edit_norwegian(repo)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    run = subprocess.run(["git", "commit", "-m", "edit"], cwd=repo, capture_output=True, text=True, env=env)
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert f"seeds/{NB}:24:" in out and "stray-punctuation" in out  # the new defect
    assert "link-mismatch" in out and "'/candidates' is not in the source" in out  # parity with the English source
    assert "untranslated-segment" in out  # the group's findings on the changed article
    assert "003_764ec7efd013a5da.txt" not in out and "004_d422008885b3abe1.txt" not in out  # other articles
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1  # the commit was stopped


def test_fix_hook_fixes_and_reports_the_file_modified(tmp_path, env):
    repo = make_repo(tmp_path, env, "contentlint-fix")
    edit_norwegian(repo)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    run = subprocess.run([PRE_COMMIT, "run", "--files", f"seeds/{NB}"], cwd=repo, capture_output=True, text=True,
                         env=env)
    out = run.stdout + run.stderr
    assert run.returncode != 0
    assert "files were modified by this hook" in out, out
    text = (repo / "seeds" / NB).read_text(encoding="utf-8")
    assert ",." not in text and "## Høydepunkter" in text and "\n- API er" in text
    # other articles are not touched
    assert (repo / "seeds" / "004_d422008885b3abe1.txt").read_bytes() == (ROOT / "seeds" / "004_d422008885b3abe1.txt").read_bytes()
