"""Built-in rules, one module each. Importing this package registers them."""

from contentlint.rules import (  # noqa: F401
    ambiguous_group,
    dash_bullet,
    fix_not_written,
    fragment_start,
    frontmatter,
    frontmatter_mismatch,
    heading_missing_space,
    heading_structure,
    link_mismatch,
    link_text_punctuation,
    list_mismatch,
    malformed_link,
    mangled_markup,
    missing_highlights,
    missing_translation,
    number_mismatch,
    outline_mismatch,
    paragraph_mismatch,
    repeated_word,
    rule_error,
    space_before_punctuation,
    stray_punctuation,
    unchanged_translation,
    ungrouped_article,
    unreadable_file,
    untranslated_segment,
    unused_suppression,
    whitespace,
    wrong_language,
)

# Pattern rules from the packs in the rules/ data folder (the one source of truth).
from contentlint.patterns import load as _load_packs  # noqa: E402
from contentlint.profiles import data_dir as _data_dir  # noqa: E402

_load_packs(_data_dir() / "patterns")
