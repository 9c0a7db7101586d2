"""Language profiles: declarative data from the `rules/` folder (the one source of truth)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from contentlint.base import schema


def data_dir() -> Path:
    """`rules/` of a source checkout, or the copy a wheel carries as `contentlint/_packs`."""
    package = Path(__file__).resolve().parents[1]  # contentlint/
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
    detect_by_default: bool = True  # among the languages detection chooses from when none are configured
    scales: dict = field(default_factory=dict, compare=False, hash=False)  # word -> multiplier


class ProfileError(ValueError):
    pass


# Every key a profile may have, and its type: a misspelt or mistyped key is an error, not a
# profile that quietly lacks its Highlights names.
KEYS = {
    "code": schema.matching(r"[a-z]{2}", "a two-letter ISO 639-1 code"), "name": schema.TEXT,
    "aliases": schema.STRINGS, "highlights": schema.STRINGS, "space_before": schema.STRING,
    "decimal": schema.TEXT, "grouping": schema.STRINGS, "unchanged_allow": schema.STRINGS,
    "repetition": schema.BOOL, "detect_by_default": schema.BOOL, "scales": schema.mapping_of(schema.WHOLE, "whole numbers", "mapping"),
}
LISTS = ("aliases", "highlights", "grouping", "unchanged_allow")


def _read(path: Path) -> dict:
    """A profile's keys, each checked."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a language profile should be a mapping, not {schema.describe(data, yaml=True)}")
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), list(KEYS), n=1)
            raise ProfileError(f"{path}: unknown key '{key}'" + (f"; did you mean '{close[0]}'?" if close else ""))
        problem = KEYS[key].problem(value, yaml=True)
        if problem:
            raise ProfileError(f"{path}: '{key}' {problem}")
    missing = [k for k in ("code", "name") if k not in data]
    if missing:
        raise ProfileError(f"{path}: needs {', '.join(missing)}")
    return data


@lru_cache(maxsize=4)
def load_profiles(folder: str | None = None) -> dict[str, Profile]:
    root = Path(folder) if folder else data_dir() / "languages"
    profiles: dict[str, Profile] = {}
    for path in sorted(root.glob("*.yaml")):
        data = _read(path)
        if data["code"] in profiles:
            raise ProfileError(f"{path}: 'code' {data['code']} is already {profiles[data['code']].name}'s code")
        fields = {k: tuple(v) if k in LISTS else v for k, v in data.items()}
        profiles[data["code"]] = Profile(**fields)
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
