"""The rules of a run, loaded by an explicit call: every built-in rule (a module of this
folder each), the packs shipped in `rules/patterns/`, and a configuration's own packs.
Nothing is registered globally: two configurations in one process see their own rules."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from contentlint.language.profiles import data_dir
from contentlint.rules import base, packs
from contentlint.rules.base import Rule

MACHINERY = ("base", "catalogue", "packs", "configure")  # modules of this folder that are not rules


def _builtin_classes() -> list[type[Rule]]:
    """The rule classes the modules of this folder define (one module, one rule)."""
    import contentlint.rules as folder

    found = []
    for info in pkgutil.iter_modules(folder.__path__):
        if info.name in MACHINERY:
            continue
        module = importlib.import_module(f"{folder.__name__}.{info.name}")
        found += [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Rule)
                  and c.__module__ == module.__name__ and c.code]
    return found


@lru_cache(maxsize=1)
def builtin() -> tuple[Rule, ...]:
    """Built-in rules and the shipped packs' rules: the same for every run of the process."""
    rules = [cls() for cls in _builtin_classes()]
    rules += packs.read(data_dir() / "patterns")
    return tuple(_checked(rules))


def _checked(rules: list[Rule], where: dict[str, str] | None = None) -> list[Rule]:
    """`rules` sorted by code; a bad identity or two rules with one code or name is an error
    naming where the later one comes from."""
    seen: dict[str, Rule] = {}
    for rule in rules:
        try:
            base.check_identity(rule)
            for other in seen.values():
                if other.code == rule.code or other.name == rule.name:
                    raise ValueError(f"rule {rule.code} {rule.name} collides with {other.code} {other.name}")
        except ValueError as exc:
            if where and rule.code in where:
                raise packs.PackError(f"{where[rule.code]}: {exc}") from None
            raise
        seen[rule.code] = rule
    return sorted(seen.values(), key=lambda r: r.code)


class Catalogue:
    """Every rule a run knows, by code; selection and lookup by selector."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: list[Rule] = sorted(rules, key=lambda r: r.code)
        self._by_name = {r.name: r for r in self.rules}

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def named(self, name: str) -> Rule:
        return self._by_name[name]

    def find(self, name_or_code: str) -> Rule | None:
        return next((r for r in self.rules if name_or_code in (r.code, r.name)), None)

    def select(self, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
        chosen = [r for r in self.rules if select is None or any(r.selected_by(s) for s in select)]
        return [r for r in chosen if not any(r.selected_by(s) for s in ignore or [])]

    def unknown(self, selectors: Iterable[str]) -> list[str]:
        return [s for s in selectors if not any(r.selected_by(s) for r in self.rules)]

    def names_and_codes(self) -> list[str]:
        return [r.name for r in self.rules] + [r.code for r in self.rules]


def load(pack_folders: Iterable[str | Path] = ()) -> Catalogue:
    """The built-in rules and the pattern rules of `pack_folders` (a configuration's packs;
    a folder holding `patterns/` means that subfolder). A pack rule whose code or name is
    taken is a PackError naming the pack and rule."""
    extra: list[Rule] = []
    where: dict[str, str] = {}
    for folder in pack_folders:
        folder = Path(folder)
        folder = folder / "patterns" if (folder / "patterns").is_dir() else folder
        for rule, place in packs.read_with_places(folder):
            extra.append(rule)
            where[rule.code] = place
    if not extra:
        return Catalogue(builtin())
    return Catalogue(_checked([*builtin(), *_unique(extra)], where))


def _unique(rules: list[Rule]) -> list[Rule]:
    """The same pack named twice (or one pack in two configurations) adds its rules once."""
    seen: dict[str, Rule] = {}
    out = []
    for rule in rules:
        same = seen.get(rule.code)
        if same is not None and getattr(same, "spec", None) == getattr(rule, "spec", object()):
            continue
        seen[rule.code] = rule
        out.append(rule)
    return out
