import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of seeds/, byte for byte."""
    target = tmp_path / "seeds"
    target.mkdir()
    for f in sorted((ROOT / "seeds").iterdir()):
        (target / f.name).write_bytes(f.read_bytes())
    return target


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    os.environ.pop("FORCE_COLOR", None)


@pytest.fixture(autouse=True, scope="session")
def private_cache_secret(tmp_path_factory):
    """The cache's signing secret lives in the user's cache folder: tests use their own,
    and so do the command lines they start (they inherit the environment)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
