"""A checkout is untrusted input: every field of a pattern pack, a language profile and a
configuration file is type-checked, and a wrong one is an error naming the file, the place
and the expected type, never a traceback and never a rule that quietly does nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from contentlint.cli import main
from contentlint.base.findings import Severity
from contentlint.rules import catalogue
from contentlint.rules.packs import PackError
from contentlint.language.profiles import ProfileError, load_profiles
from contentlint.config.files import KEYS

RULE = {
    "code": "CL950", "name": "real-world-heading", "summary": "English in a heading", "what": "Finds it.",
    "why": "Readers meet English.", "message": "English", "severity": "warning", "regex": "Real[- ]World",
    "replacement": "Virkelig", "fix": "safe", "ignore_case": True, "languages": ["nb"], "scope": ["heading"],
    "examples": [{"fail": "## Real World", "fixed": "## Virkelig"}, {"pass": "Real World"}],
}


ARTICLE = "---\ntitle: T\ndescription: D\nkeywords: K\n---\n# T\n\nText.\n"


def load(folder):
    """The rules of a run whose configuration names the pack `folder`."""
    return catalogue.load([folder])


def write_pack(folder, **changes):
    rule = {**RULE, **changes}
    if "literal" in changes:
        del rule["regex"]
    (folder / "team.yaml").write_text(yaml.safe_dump([rule], allow_unicode=True), encoding="utf-8")


def test_the_valid_rule_loads(tmp_path):
    write_pack(tmp_path)
    assert load(tmp_path).find("CL950").name == "real-world-heading"


@pytest.mark.parametrize("field, value, expected", [
    ("code", 12, "a code from CL900 to CL999"),
    ("code", "CL101", "a code from CL900 to CL999"),
    ("summary", 5, "a non-empty string"),
    ("what", ["x"], "a non-empty string"),
    ("why", None, "a non-empty string"),
    ("message", "", "a non-empty string"),
    ("severity", "fatal", "one of 'error', 'warning', 'info'"),
    ("regex", 12, "a string"),
    ("literal", ["x"], "a string"),
    ("ignore_case", "yes", "true or false"),
    ("replacement", 3, "a string"),
    ("fix", "maybe", "one of 'safe', 'unsafe'"),
    ("languages", "en", "a list of language codes"),
    ("languages", [1], "a list of language codes"),
    ("scope", "heading", "a list of scopes"),
    ("scope", ["title"], "a list of scopes"),
    ("examples", "fail: x", "a list of mappings"),
    ("examples", [5], "a list of mappings"),
    ("examples", [{"fail": 1}], "a list of mappings"),
    ("examples", [{"fial": "x"}], "one of fail and pass"),
    ("examples", [{"pass": "x", "fixed": "y"}], "fixed only with fail"),
])
def test_every_pack_field_is_type_checked(tmp_path, field, value, expected):
    write_pack(tmp_path, **{field: value})
    with pytest.raises(PackError) as error:
        load(tmp_path)
    message = str(error.value)
    assert f"team.yaml, rule 1 (real-world-heading): field '{field}'" in message
    assert expected in message


def test_a_rule_without_a_usable_name_is_named_by_its_number(tmp_path):
    write_pack(tmp_path, name=12)
    with pytest.raises(PackError, match=r"team.yaml, rule 1: field 'name' should be a kebab-case name"):
        load(tmp_path)


def test_unquoted_no_is_explained(tmp_path):
    """YAML 1.1 reads `[no]` (Norwegian) as `[false]`: the error says to quote it."""
    write_pack(tmp_path)
    text = (tmp_path / "team.yaml").read_text(encoding="utf-8").replace("- nb", "- no")
    (tmp_path / "team.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match="item 1 should be a non-empty string, not false .*quote"):
        load(tmp_path)


@pytest.mark.parametrize("field, pattern", [
    ("regex", "a*"), ("regex", r"\b"), ("regex", "(?:)"), ("regex", "x?"), ("regex", "^"), ("regex", "$"),
    ("regex", "Real|"), ("regex", "(?=Real)"),
    ("regex", r"\p{L}*"), ("regex", r"\m"),  # only `regex` reads these: found by probing
    ("literal", ""),
])
def test_a_pattern_that_can_match_the_empty_string_is_refused(tmp_path, field, pattern):
    write_pack(tmp_path, **{field: pattern})
    with pytest.raises(PackError) as error:
        load(tmp_path)
    assert f"team.yaml, rule 1 (real-world-heading): field '{field}' can match the empty string" in str(error.value)


def test_an_empty_match_never_grows_a_file_under_fix(tmp_path, monkeypatch):
    """`x?` with a replacement once grew a 48-byte file to 49 KB: now the pack is refused."""
    (tmp_path / "rules").mkdir()
    write_pack(tmp_path / "rules", regex="x?", replacement="y", languages=[], scope=["paragraph"])
    (tmp_path / "contentlint.toml").write_text('packs = ["rules"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--no-cache", "a.md"]) == 2
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("replacement", [r"\3", r"\g<word>", r"\q"])
def test_a_bad_replacement_is_refused_at_load(tmp_path, replacement):
    write_pack(tmp_path, replacement=replacement)
    with pytest.raises(PackError, match="rule 1 .*: field 'replacement' is not a valid replacement"):
        load(tmp_path)


PROFILE = "code: nb\nname: Norwegian\naliases: [nor]\nhighlights: [Høydepunkter]\ndecimal: ','\n"


@pytest.mark.parametrize("line, key, expected", [
    ("code: 12", "code", "an ISO 639-1 (or 639-3) code"),
    ("name: [x]", "name", "a non-empty string"),
    ("aliases: nor", "aliases", "a list of strings"),
    ("highlights: [1]", "highlights", "a list of strings"),
    ("space_before: 1", "space_before", "a string"),
    ("decimal: 1", "decimal", "a non-empty string"),
    ("grouping: ','", "grouping", "a list of strings"),
    ("unchanged_allow: {a: 1}", "unchanged_allow", "a list of strings"),
    ("repetition: 'yes'", "repetition", "true or false"),
    ("scales: {tusen: '1000'}", "scales", "a mapping of whole numbers"),
    ("scales: [1000]", "scales", "a mapping of whole numbers"),
    ("spelled_out: Q1", "spelled_out", "a list of strings"),
    ("own_tokens: [M2]", "own_tokens", "a mapping of lists of word stems"),
    ("own_tokens: {M2: pengemengde}", "own_tokens", "a mapping of lists of word stems"),
    ("afternoon: p.m.", "afternoon", "a list of strings"),
    ("half_words: [{og en halv: 0.5}]", "half_words", "a list of strings"),
    ("half_before: 1", "half_before", "a list of strings"),
    ("scale_endings: 'no'", "scale_endings", "true or false"),
])
def test_every_profile_key_is_type_checked(tmp_path, line, key, expected):
    text = "\n".join(ln for ln in PROFILE.splitlines() if not ln.startswith(key + ":")) + "\n" + line + "\n"
    (tmp_path / "nb.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_profiles(str(tmp_path))
    assert f"nb.yaml: '{key}' should be {expected}" in str(error.value)


@pytest.mark.parametrize("text, expected", [
    (PROFILE + "highlight: [x]\n", "nb.yaml: unknown key 'highlight'; did you mean 'highlights'?"),
    ("name: Norwegian\n", "nb.yaml: needs code"),
    ("- code: nb\n", "nb.yaml: a language profile should be a mapping"),
])
def test_a_profile_is_a_mapping_of_known_keys(tmp_path, text, expected):
    (tmp_path / "nb.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=expected):
        load_profiles(str(tmp_path))


def test_the_shipped_profiles_load():
    assert load_profiles()["nb"].highlights == ("Høydepunkter", "Hovedpunkter")


def test_every_shipped_profile_is_a_language_detection_knows():
    """A profile is found by the language detection gives a document: each must be lingua's."""
    from contentlint.language.detection import check_codes, fallback_languages

    assert check_codes(tuple(load_profiles())) == tuple(sorted(load_profiles()))
    assert set(fallback_languages()) == set(load_profiles())


BAD_CONFIG = [  # (the key the error must name, the configuration)
    ("paths", "paths = [1]"), ("paths", 'paths = "content"'), ("languages", "languages = [1]"),
    ("source_language", "source_language = 1"), ("path_patterns", "path_patterns = [5]"),
    ("select", "select = [1]"), ("ignore", "ignore = [2]"), ("extend_select", "extend_select = [3]"),
    ("per_file_ignores", 'per_file_ignores = {"*" = "C"}'), ("per_file_ignores", 'per_file_ignores = {"*" = [1]}'),
    ("rules", "rules = {x = 1}"), ("rules.whitespace.severity", "[rules.whitespace]\nseverity = 5"),
    ("rules.repeated-word.allow", '[rules.repeated-word]\nallow = [1]'),
    ("rules.link-mismatch.compare_absolute", '[rules.link-mismatch]\ncompare_absolute = "yes"'),
    ("rules.untranslated-segment.min_confidence", '[rules.untranslated-segment]\nmin_confidence = "high"'),
    ("fail_on", "fail_on = 1"), ("fail_on", 'fail_on = "fatal"'), ("required_fields", "required_fields = [1]"),
    ("blame", "blame = 1"), ("blame", 'blame = "author"'), ("baseline", "baseline = 1"), ("packs", "packs = [1]"),
    ("do_not_translate", 'do_not_translate = "kubectl"'), ("do_not_translate", "do_not_translate = {de = [1]}"),
    ("extensions", 'extensions = "md"'), ("exclude", "exclude = [1]"), ("extend_exclude", 'extend_exclude = "x/"'),
    ("respect_gitignore", 'respect_gitignore = "no"'), ("preset", 'preset = "jekyll"'),
    ("source_only_fields", "source_only_fields = [true]"), ("base_url", "base_url = 1"), ("base_url", "base_url = [2]"),
    ("history", "history = 1"), ("history.shortcodes", '[history]\nshortcodes = "yes"'),
    ("history.source_commit_field", "[history]\nsource_commit_field = 3"),
    ("editor_url", "editor_url = 1"), ("editor_url", 'editor_url = "javascript:alert({path})"'),
    ("editor_url", 'editor_url = "vscode://file/{abspath.__class__}"'), ("editor_url", 'editor_url = "file/{path}"'),
    ("editor_url", 'editor_url = "idea://open?file={abspath}&line={line}&x={user}"'),
    ("repo_url", "repo_url = 2"), ("repo_url", 'repo_url = "javascript:alert(1)"'),
    ("repo_url", 'repo_url = "https://example.com/{path}"'),
]


def test_every_configuration_key_has_a_wrong_type_case():
    assert {key.split(".")[0] for key, _ in BAD_CONFIG} == set(KEYS)


@pytest.mark.parametrize("key, toml", BAD_CONFIG, ids=[t for _, t in BAD_CONFIG])
def test_a_wrong_type_in_the_configuration_is_a_clear_error(tmp_path, key, toml):
    (tmp_path / "contentlint.toml").write_text(toml + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "contentlint", "check", "--no-cache", "a.md"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith(f"contentlint: error: {tmp_path / 'contentlint.toml'}: '{key}' should be ")


@pytest.mark.parametrize("toml", ["[tool]\ncontentlint = 1", "tool = 1"])
def test_a_pyproject_whose_table_is_no_table_is_a_clear_error(tmp_path, toml, capsys, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(toml + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 2
    assert "pyproject.toml: 'tool" in capsys.readouterr().err


def test_severity_parse_refuses_what_is_not_a_string():
    with pytest.raises(ValueError, match="unknown severity 5"):
        Severity.parse(5)


@pytest.mark.parametrize("toml, warned", [
    ('per_file_ignores = {"*" = ["C"]}', True),
    ('per_file_ignores = {"**" = ["ALL"]}', True),
    ('per_file_ignores = {"*" = ["CL0", "CL1", "CL2", "CL3", "CL4", "CL5"], "?*" = ["CL9"]}', True),
    ('ignore = ["ALL"]', True),
    ('ignore = ["CL"]', True),
    ('select = []', True),
    ('select = ["CL9"]\nignore = ["CL901"]', True),
    ('per_file_ignores = {"*.md" = ["ALL"]}', False),  # not every file
    ('per_file_ignores = {"*" = ["CL1", "CL2"]}', False),  # not every rule
    ('ignore = ["CL2"]', False),
])
def test_silencing_every_rule_is_a_warning(tmp_path, capsys, monkeypatch, toml, warned):
    (tmp_path / "contentlint.toml").write_text(toml + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 0  # a warning, not an error
    err = capsys.readouterr().err
    warning = f"contentlint: warning: {tmp_path / 'contentlint.toml'}: "
    assert (warning in err and "silences every rule" in err) == warned
