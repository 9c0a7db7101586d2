"""JSON tables generated from CLDR (through Babel) for every language lingua knows, shipped in
`rules/`: read once at run time, since loading Babel's locale data costs milliseconds and a
megabyte or more a language in each worker (numbering.py: numbers; cldr_words.py: unit words
and month names)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from contentlint.language.profiles import data_dir


@lru_cache(maxsize=None)
def read_table(name: str) -> dict:
    """The shipped table `rules/<name>`, or an empty one where it is missing or broken (the
    callers then ask Babel)."""
    try:
        return json.loads((data_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_table(name: str, row: Callable[[str], dict], path: Path | None = None) -> Path:
    """`rules/<name>`: `row(code)` for every language lingua knows."""
    from lingua import Language

    codes = sorted(lang.iso_code_639_1.name.lower() for lang in Language.all())
    path = path or data_dir() / name
    path.write_text(json.dumps({c: row(c) for c in codes}, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")
    return path
