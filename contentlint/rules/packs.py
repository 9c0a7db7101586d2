"""Declarative pattern rules from YAML packs (`rules/patterns/*.yaml`), rules like the
built-in ones: a code, a name, generated documentation, scope, an optional fix.

A pack may come from a stranger's checkout, so a pattern is checked before it runs (type,
size, never an empty match) and runs within a time bound per file."""

from __future__ import annotations

import difflib
import math
import re
import textwrap
import time
import warnings
from pathlib import Path

import regex
import yaml

from contentlint.base import schema
from contentlint.base.findings import Fix, Severity
from contentlint.rules.base import DocumentRule, RuleFailed
from contentlint.load.views import MASK

# Pack patterns run on the `regex` package with its `timeout=`, not on RE2. On the shipped
# pack over the 283 corpus articles the pattern rules cost 45 µs a file on `re`, 77 on
# `regex` with the deadline and 62 on RE2: speed does not decide. RE2 needs no bound, but its
# \w \b \d \s are ASCII-only (`\w+` finds `p` in `på`), its `$` ignores a final newline and
# its expand() garbles non-ASCII replacements: a team's pattern would not mean what it means
# in Python, and the patterns RE2 refuses (look-arounds, \1) would need the bound anyway.
BOUND = 1.0  # seconds each pattern rule may spend on one file, all its inlines together

SCOPES = ("heading", "paragraph", "list-item", "link-text", "cell", "quote")
REQUIRED = ("code", "name", "summary", "what", "why", "message")
FIELDS = {
    "code": schema.matching(r"CL9\d\d", "a code from CL900 to CL999"),
    "name": schema.matching(r"[a-z]+(-[a-z]+)*", "a kebab-case name such as real-world-heading"),
    "summary": schema.TEXT, "what": schema.TEXT, "why": schema.TEXT, "message": schema.TEXT,
    "severity": schema.SEVERITY,
    "regex": schema.STRING, "literal": schema.STRING, "ignore_case": schema.BOOL,
    "replacement": schema.STRING, "fix": schema.one_of("safe", "unsafe"),
    "languages": schema.list_of(schema.TEXT, "language codes"),
    "scope": schema.list_of(schema.one_of(*SCOPES), "scopes"),
    "examples": schema.list_of(schema.mapping_of(schema.STRING, "strings", "mapping"), "mappings"),
}


class PackError(ValueError):
    pass


class PatternRule(DocumentRule):
    pattern: regex.Pattern
    source: str = ""  # the regex or literal as the pack wrote it, for messages
    message: str = ""
    replacement: str | None = None
    languages: tuple[str, ...] = ()
    scopes: tuple[str, ...] = SCOPES
    safe_fix: bool = True
    examples: list = []
    spec: str = ""  # the pack's entry: the same pack named twice adds its rules once

    def check(self, doc, ctx) -> list:
        # A list, not a generator: a rule stopped by its bound reports nothing but the
        # rule-error, so the output never depends on how far a slow machine got.
        if self.languages and doc.language not in self.languages:
            return []
        deadline = time.monotonic() + BOUND
        links = [(lk.text_start, lk.text_end) for lk in doc.links]
        found = []
        for inline in doc.inlines:
            for m in self._matches(inline.masked, deadline):
                if m.start() == m.end() or MASK in m.group():
                    continue  # empty (load refuses such patterns; this is the second guard), or code, URLs, HTML
                start, end = inline.to_file(m.start()), inline.to_file(m.end())
                where = "link-text" if any(a <= start and end <= b for a, b in links) else inline.context
                if where in self.scopes:
                    found.append(self.finding(doc, start, end, self.message, self._fix(m, start, end, deadline)))
        return found

    def _fix(self, m, start: int, end: int, deadline: float) -> Fix | None:
        if self.replacement is None:
            return None
        new = m.expand(self.replacement)
        if any(r.end() > r.start() for r in self._matches(new, deadline)):
            return None  # the pattern finds its own replacement: --fix would grow the text every round
        return Fix.replace(start, end, new, safe=self.safe_fix, message=f"write '{new}'")

    def _matches(self, text: str, deadline: float) -> list:
        """Every match in `text`, within what is left of the file's time bound."""
        try:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            return list(self.pattern.finditer(text, timeout=left))
        except TimeoutError:
            raise RuleFailed(f"pattern '{self.source}' ran past its time bound of {BOUND:g} s") from None


# Counted repeats are unrolled by `regex`'s compiler: `(?:(?:(?:a{100}){100}){100}){10}` takes
# 14 s to compile and one more level minutes. 100,000 units compile in about 0.05 s.
MAX_SIZE = 100_000
_REPEATS = {re._parser.MAX_REPEAT, re._parser.MIN_REPEAT, getattr(re._parser, "POSSESSIVE_REPEAT", None)}
# Where re's parser cannot read a pattern (`\p{L}`, `\m`), these texts probe for an empty match.
_PROBES = ("", "a", "A", "a b", "1", " ", ".", "\n", "a\nb", "é", "あ", "Real World.")


def _size(tree) -> int:
    """How many units `regex` compiles `tree` (re's parse of a pattern) into, repeats unrolled."""
    total = 0
    for op, av in tree.data:
        if op in _REPEATS:
            low, high, sub = av
            total += max(low if high == re._parser.MAXREPEAT else high, 1) * _size(sub)
        else:
            parts = [x for a in (av if isinstance(av, (tuple, list)) else (av,))
                     for x in (a if isinstance(a, list) else (a,))]
            total += 1 + sum(_size(x) for x in parts if isinstance(x, re._parser.SubPattern))
    return total


def _shape(source: str) -> tuple[int | None, int]:
    """(least width or None, size) of a pattern, from re's parser where it reads the pattern,
    else guessed from its text: its length times every counted repeat, as if nested."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # re's FutureWarning on `[[`: `regex` reads it otherwise anyway
            tree = re._parser.parse(source)
        return tree.getwidth()[0], _size(tree)
    except (re.error, OverflowError, RecursionError, ValueError):
        counts = [int(b or a or 1) for a, b in re.findall(r"\{(\d*),?(\d*)\}", source)]
        return None, len(source) * math.prod(counts)


def check_pattern(source: str, flags: int) -> regex.Pattern:
    """The compiled pattern; ValueError when it is too large, invalid or can match the empty
    string (a finding between every two characters: a replacement there grew a 48-byte file
    to 49 KB under --fix)."""
    width, size = _shape(source)
    if size > MAX_SIZE:
        raise ValueError(f"is too large: its counted repeats make {size:,} steps (at most {MAX_SIZE:,})")
    try:
        pattern = regex.compile(source, flags)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise ValueError(f"is not a valid regex: {exc}") from None
    if width is None:
        width = 0 if any(_matches_empty(pattern, probe) for probe in _PROBES) else 1
    if width == 0:
        raise ValueError(f"can match the empty string ('{source}'): it must find at least one character")
    return pattern


def _matches_empty(pattern: regex.Pattern, probe: str) -> bool:
    try:
        return any(m.start() == m.end() for m in pattern.finditer(probe, timeout=0.05))
    except TimeoutError:
        return False


def _check_replacement(pattern: regex.Pattern, template: str) -> None:
    """Expand `template` once, so that `\\3` for a missing group or a bad escape fails at load,
    not on every match: `regex` reads a template only at a match, so an empty-matching
    pattern with the same groups supplies one."""
    names = {i: n for n, i in pattern.groupindex.items()}
    groups = "".join(f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, pattern.groups + 1))
    regex.compile(groups).sub(template, "")


def _docs(spec: dict) -> str:
    fails = [e for e in spec.get("examples", []) if "fail" in e]
    passes = [e for e in spec.get("examples", []) if "pass" in e]
    example = fails[0]["fail"] if fails else ""
    instead = fails[0].get("fixed") if fails and "fixed" in fails[0] else (passes[0]["pass"] if passes else "")
    scope = ", ".join(spec.get("scope", SCOPES))
    langs = ", ".join(spec.get("languages", [])) or "every language"
    return "\n\n".join([
        spec["summary"],
        f"## What it does\n{textwrap.fill(spec['what'], 88)}\n\nA pattern rule from a `rules/` pack; it looks in: "
        f"{scope}; languages: {langs}.",
        f"## Why it matters\n{textwrap.fill(spec['why'], 88)}",
        f"## Example\n```markdown\n{example}\n```",
        f"## Use instead\n```markdown\n{instead}\n```",
    ])


def _check_fields(spec: dict, where: str) -> None:
    unknown = sorted(set(spec) - set(FIELDS), key=str)
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), list(FIELDS), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise PackError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}{hint}")
    missing = [k for k in REQUIRED if k not in spec]
    if missing or ("regex" in spec) == ("literal" in spec):
        raise PackError(f"{where}: needs {', '.join(missing) or 'exactly one of regex and literal'}")
    for key, kind in FIELDS.items():
        problem = kind.problem(spec[key], yaml=True) if key in spec else None
        if problem:
            raise PackError(f"{where}: field '{key}' {problem}")
    for n, example in enumerate(spec.get("examples", []), 1):
        if set(example) not in ({"fail"}, {"fail", "fixed"}, {"pass"}):
            keys = ", ".join(sorted(map(str, example))) or "nothing"
            raise PackError(f"{where}: field 'examples' item {n} should have one of fail and pass (and fixed only "
                            f"with fail), not {keys}")


def _languages(values: list[str], where: str) -> tuple[str, ...]:
    """ISO codes, as articles' languages are: `Norwegian` and `no` would never match `nb`."""
    from contentlint.language.detection import normalize

    codes = []
    for value in values:
        code = normalize(value)
        if code is None:
            raise PackError(f"{where}: field 'languages': unknown language '{value}' (use ISO 639-1 codes such as "
                            "en, nb, ms)")
        codes.append(code)
    return tuple(codes)


def _class(spec: dict, where: str) -> type[PatternRule]:
    _check_fields(spec, where)
    field = "regex" if "regex" in spec else "literal"
    source = spec["regex"] if field == "regex" else re.escape(spec["literal"])
    flags = regex.IGNORECASE if spec.get("ignore_case") else 0
    try:
        pattern = check_pattern(source, flags)
        if "replacement" in spec:
            _check_replacement(pattern, spec["replacement"])
    except ValueError as exc:
        raise PackError(f"{where}: field '{field}' {exc}") from None
    except (regex.error, IndexError) as exc:
        raise PackError(f"{where}: field 'replacement' is not a valid replacement: {exc}") from None
    return type(spec["name"].title().replace("-", ""), (PatternRule,), {
        "__doc__": _docs(spec), "code": spec["code"], "name": spec["name"],
        "severity": Severity.parse(spec.get("severity", "warning")), "fixable": "replacement" in spec,
        "pattern": pattern, "source": spec[field], "message": spec["message"], "replacement": spec.get("replacement"),
        "languages": _languages(spec.get("languages", []), where), "scopes": tuple(spec.get("scope", SCOPES)),
        "safe_fix": spec.get("fix", "safe") == "safe", "examples": spec.get("examples", []), "spec": repr(spec),
    })


def _pack(path: Path) -> list[tuple[type[PatternRule], str]]:
    try:
        specs = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: invalid YAML: {exc}") from None
    if specs is None:
        return []
    if not isinstance(specs, list):
        raise PackError(f"{path}: a pack should be a list of rules, not {schema.describe(specs, yaml=True)}")
    classes = []
    for n, spec in enumerate(specs, 1):
        name = spec.get("name") if isinstance(spec, dict) else None
        where = f"{path}, rule {n}" + (f" ({name})" if isinstance(name, str) else "")
        if not isinstance(spec, dict):
            raise PackError(f"{where}: a rule should be a mapping, not {schema.describe(spec, yaml=True)}")
        classes.append((_class(spec, where), where))
    return classes


def read_with_places(folder: Path) -> list[tuple[PatternRule, str]]:
    """The pattern rules of every pack in `folder`, each with where it was written. Every
    rule is checked (fields, pattern, replacement) before any is returned."""
    return [(cls(), where) for path in sorted(Path(folder).glob("*.yaml")) for cls, where in _pack(path)]


def read(folder: Path) -> list[PatternRule]:
    return [rule for rule, _ in read_with_places(folder)]
