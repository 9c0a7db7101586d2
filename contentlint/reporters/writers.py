"""The one interface every output format has: a module of this folder that defines

    FORMAT = "name"                     # the value of --format
    def write(result, options) -> Iterable[str]   # the report, in pieces written as they come

A new format is one file. A large run's report is never one string: pieces are written as
they are made, and the findings are a stream read file by file (engine/stream.py).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from contentlint.engine.result import Result
from contentlint.reporters.links import Links


@dataclass(frozen=True)
class Options:
    """How a report is written besides the run's result."""

    color: bool = False  # terminal colours (text)
    links: Links | None = None  # where locations lead (html)


@lru_cache(maxsize=1)
def formats() -> dict[str, ModuleType]:
    """--format name -> its module, for every module of this folder that defines FORMAT."""
    import contentlint.reporters as folder

    found = {}
    for info in pkgutil.iter_modules(folder.__path__):
        module = importlib.import_module(f"{folder.__name__}.{info.name}")
        name = getattr(module, "FORMAT", None)
        if isinstance(name, str) and callable(getattr(module, "write", None)):
            found[name] = module
    return dict(sorted(found.items()))


def names() -> tuple[str, ...]:
    return tuple(formats())


def chunks(fmt: str, result: Result, color: bool = False, **more) -> Iterator[str]:
    """The report in `fmt`, in pieces; `more`: the other Options."""
    return iter(formats()[fmt].write(result, Options(color=color, **more)))


def render(fmt: str, result: Result, color: bool = False) -> str:
    return "".join(chunks(fmt, result, color))
