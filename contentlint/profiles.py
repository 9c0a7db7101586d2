"""Language profiles: declarative data from the `rules/` folder (the one source of truth)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml


def data_dir() -> Path:
    """`rules/` of a source checkout, or the copy a wheel carries as `contentlint/_packs`."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "rules", package / "_packs"):
        if (candidate / "languages").is_dir():
            return candidate
    raise FileNotFoundError("contentlint's rules/ data folder is missing")


@dataclass(frozen=True)
class Profile:
    code: str  # ISO 639-1
    name: str  # English name, as used in folder names
    aliases: tuple[str, ...] = ()
    highlights: tuple[str, ...] = ()
    space_before: str = ""  # marks that take a space before them in this language
    decimal: str = "."
    grouping: tuple[str, ...] = (",",)
    unchanged_allow: tuple[str, ...] = ()
    repetition: bool = False  # a word twice in a row is grammar here (reduplication, `पहले पहले`)
    scales: dict = field(default_factory=dict, compare=False, hash=False)  # word -> multiplier
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@lru_cache(maxsize=4)
def load_profiles(folder: str | None = None) -> dict[str, Profile]:
    root = Path(folder) if folder else data_dir() / "languages"
    profiles = {}
    for path in sorted(root.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        code = data.pop("code")
        profiles[code] = Profile(
            code=code,
            name=data.pop("name"),
            aliases=tuple(data.pop("aliases", ())),
            highlights=tuple(data.pop("highlights", ())),
            space_before=data.pop("space_before", ""),
            decimal=data.pop("decimal", "."),
            grouping=tuple(data.pop("grouping", (",",))),
            unchanged_allow=tuple(data.pop("unchanged_allow", ())),
            repetition=bool(data.pop("repetition", False)),
            scales={str(k): int(v) for k, v in (data.pop("scales", None) or {}).items()},
            extra=data,
        )
    return profiles


def by_name(name: str) -> Profile | None:
    """A profile by ISO code, English name or alias (case-insensitive)."""
    key = name.strip().lower()
    for p in load_profiles().values():
        if key == p.code or key == p.name.lower() or key in (a.lower() for a in p.aliases):
            return p
    return None


def highlight_names(language: str | None) -> set[str]:
    """Accepted names of the Highlights section: the language's own, or every language's."""
    profiles = load_profiles()
    chosen = [profiles[language]] if language in profiles else profiles.values()
    return {normalize_title(n) for p in chosen for n in p.highlights}


def normalize_title(text: str) -> str:
    return " ".join(text.replace("：", ":").rstrip(":").split()).casefold()
