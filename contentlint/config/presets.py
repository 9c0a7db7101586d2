"""Presets: the settings a kind of site needs, bundled under one name (`preset = "hugo"`).

A preset fills only what the configuration does not set itself. The layout found in the tree
(groups/layout.py) names the preset used when none is configured, so a Hugo, Docusaurus or
MDN checkout needs no configuration. Sources: each project's documentation of its content
folders and of the front matter its localization keeps (Hugo's multilingual mode and the
Kubernetes website's `reviewers`; Docusaurus i18n; MDN's translated-content `l10n` and the
fields only en-US carries).
"""

from __future__ import annotations

PRESETS: dict[str, dict] = {
    "hugo": {
        "exclude": ["public/", "resources/", "themes/", "archetypes/", "layouts/", "static/", "assets/"],
        "source_only_fields": ["reviewers", "approvers"],
    },
    "docusaurus": {
        "exclude": ["build/", ".docusaurus/", "static/"],
        "source_only_fields": [],
    },
    "mdn": {
        "exclude": [],
        # only en-US carries these: translations follow it through `l10n.sourceCommit`
        "source_only_fields": ["browser-compat", "spec-urls", "page-type", "status", "sidebar"],
    },
}
LAYOUT_PRESET = {"hugo": "hugo", "docusaurus": "docusaurus", "mdn": "mdn"}


def names() -> tuple[str, ...]:
    return tuple(PRESETS)


def apply(config, name: str) -> None:
    """Fill `config` from preset `name` where the configuration left the setting alone."""
    preset = PRESETS[name]
    config.preset = name
    if not config.exclude_set:
        config.exclude = list(preset["exclude"])
    if not config.source_only_set:
        config.source_only_fields = tuple(preset["source_only_fields"])


def for_layout(config, layout_name: str) -> None:
    """The preset of the layout the tree shows, when none is configured (a mix of site layouts: none)."""
    if config.preset is None and layout_name in LAYOUT_PRESET:
        apply(config, LAYOUT_PRESET[layout_name])
