"""Every way a folder, a file suffix or front matter names a language, for every language
lingua knows: English name (German), native name (Deutsch, 中文, Русский), ISO 639-1 or
639-3 code, or a BCP-47 tag (`pt-BR`, `zh-Hans`, `en-US`).

The names come from CLDR (through Babel) and lingua, written once to `rules/language-names.tsv`
by `python -m contentlint.language.names`: reading 75 CLDR locales takes 0.35 s, the table
a millisecond. A profile's `aliases` add more names. A name resolves to a `Tag`: the language
detection works with (`pt`) and the tag as written, for display (`pt-BR`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contentlint.language.profiles import Profiles, data_dir, for_run

TABLE = "language-names.tsv"
# `pt-BR`, `zh-Hans`, `zh-Hant-TW`, `en_US`, `es-419`: a language subtag, then script/region
BCP47 = re.compile(r"([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{2,8})*)")


@dataclass(frozen=True)
class Tag:
    code: str  # the language, as lingua and the profiles name it (ISO 639-1)
    tag: str  # as declared, in BCP-47 case: `pt-BR`, `zh-Hans`, `nb`


def key(name: str) -> str:
    """Names compare without case, accents or separators: `Español` = `espanol`, `Bahasa_Melayu`."""
    text = unicodedata.normalize("NFKD", name.strip().casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s_\-()（）]+", text)).strip()


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    rows = {}
    for line in (data_dir() / TABLE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, tag = line.split("\t")
            rows[name] = tag
    return rows


@lru_cache(maxsize=8)
def _names(profiles: Profiles) -> dict[str, str]:
    names = dict(_table())
    for code, profile in profiles.by_code.items():
        for name in (code, profile.name, *profile.aliases):
            names[key(name)] = code
    return names


def bcp47(code: str, rest: str) -> str:
    """`pt` + `_br` -> `pt-BR`; `zh` + `-hans` -> `zh-Hans` (RFC 5646's case conventions)."""
    out = [code]
    for sub in filter(None, re.split(r"[-_]", rest)):
        out.append(sub.title() if len(sub) == 4 and sub.isalpha() else sub.upper() if len(sub) == 2 else sub.lower())
    return "-".join(out)


def resolve(value, profiles: Profiles | None = None) -> Tag | None:
    """The language `value` names, or None. A tag's language must be one detection knows."""
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    return _resolve(value, profiles or for_run())


@lru_cache(maxsize=4096)  # a layout asks for each folder name once per file
def _resolve(value: str, profiles: Profiles) -> Tag | None:
    names = _names(profiles)
    found = names.get(key(value))
    if found is not None:
        code, _, rest = found.partition("-")
        return Tag(code, bcp47(code, rest))
    m = BCP47.fullmatch(value.strip())
    if m and m.group(2):
        base = names.get(m.group(1).casefold())
        if base is not None and len(m.group(1)) <= 3:
            code = base.partition("-")[0]
            return Tag(code, bcp47(code, m.group(2)))
    return None


def code_of(value, profiles: Profiles | None = None) -> str | None:
    tag = resolve(value, profiles)
    return tag.code if tag else None


def language_name(code: str | None, profiles: Profiles | None = None) -> str:
    """The English name of a code (`de` -> German): its profile's, else lingua's."""
    profile = (profiles or for_run()).get(code)
    return profile.name if profile else _lingua_name(code or "")


@lru_cache(maxsize=128)
def _lingua_name(code: str) -> str:
    from lingua import IsoCode639_1, Language

    iso = getattr(IsoCode639_1, code.upper(), None)
    lang = Language.from_iso_code_639_1(iso) if iso is not None else None
    return lang.name.title() if lang else code


def build_table() -> list[tuple[str, str]]:
    """(name key, tag) for every lingua language: its codes and lingua's name, CLDR's English
    and native names, and CLDR's named variants (`Brazilian Portuguese`, `中文 (简体)`)."""
    from babel import Locale, UnknownLocaleError
    from lingua import Language

    english = Locale("en").languages
    rows: dict[str, str] = {}

    def add(name, tag):
        if name and key(name) and key(name) not in rows:
            rows[key(name)] = tag

    languages = sorted(Language.all(), key=lambda lang: lang.iso_code_639_1.name)
    for lang in languages:  # codes first: a code never yields to another language's name
        code = lang.iso_code_639_1.name.lower()
        add(code, code)
        add(lang.iso_code_639_3.name.lower(), code)
    for lang in languages:
        code = lang.iso_code_639_1.name.lower()
        add(lang.name.replace("_", " "), code)
        add(english.get(code), code)
        try:
            add(Locale.parse(code).get_display_name(code), code)
        except (UnknownLocaleError, ValueError):
            pass
        for variant in sorted(k for k in english if k.startswith(code + "_")):
            tag = bcp47(code, variant[len(code):])
            add(english[variant], tag)
            try:
                add(Locale.parse(variant).get_display_name(variant), tag)
            except (UnknownLocaleError, ValueError):
                pass
    return sorted(rows.items())


def write_table(path: Path | None = None) -> Path:
    path = path or data_dir() / TABLE
    lines = ["# Generated by `python -m contentlint.language.names` from CLDR (Babel) and lingua: do not edit.",
             "# name key<TAB>language tag"]
    path.write_text("\n".join(lines + [f"{n}\t{t}" for n, t in build_table()]) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_table())
