"""Declarative pattern rules from YAML packs (`rules/patterns/*.yaml`), registered like
built-in rules: a code, a name, generated documentation, scope, an optional fix."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from contentlint.findings import Fix, Severity
from contentlint.registry import Rule, register
from contentlint.views import MASK

SCOPES = ("heading", "paragraph", "list-item", "link-text", "cell", "quote")
FIELDS = {"code", "name", "summary", "what", "why", "message", "severity", "regex", "literal", "ignore_case",
          "replacement", "fix", "languages", "scope", "examples"}


class PackError(ValueError):
    pass


class PatternRule(Rule):
    pattern: re.Pattern
    message: str = ""
    replacement: str | None = None
    languages: tuple[str, ...] = ()
    scopes: tuple[str, ...] = SCOPES
    safe_fix: bool = True
    examples: list = []

    def check(self, doc, ctx):
        if self.languages and doc.language not in self.languages:
            return
        links = [(lk.text_start, lk.text_end) for lk in doc.links]
        for inline in doc.inlines:
            for m in self.pattern.finditer(inline.masked):
                if MASK in m.group():
                    continue  # never inside code, URLs or HTML
                start, end = inline.to_file(m.start()), inline.to_file(m.end())
                where = "link-text" if any(a <= start and end <= b for a, b in links) else inline.context
                if where not in self.scopes:
                    continue
                fix = None
                if self.replacement is not None:
                    fix = Fix.replace(start, end, m.expand(self.replacement), safe=self.safe_fix,
                                      message=f"write '{m.expand(self.replacement)}'")
                yield self.finding(doc, start, end, self.message, fix)


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


def _class(spec: dict, where: str) -> type[PatternRule]:
    unknown = set(spec) - FIELDS
    if unknown:
        raise PackError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    missing = [k for k in ("code", "name", "summary", "what", "why", "message") if not spec.get(k)]
    if missing or ("regex" in spec) == ("literal" in spec):
        raise PackError(f"{where}: needs {', '.join(missing) or 'exactly one of regex and literal'}")
    scopes = tuple(spec.get("scope", SCOPES))
    if set(scopes) - set(SCOPES):
        raise PackError(f"{where}: scope must be among {', '.join(SCOPES)}")
    flags = re.IGNORECASE if spec.get("ignore_case") else 0
    try:
        pattern = re.compile(spec["regex"] if "regex" in spec else re.escape(spec["literal"]), flags)
    except re.error as exc:
        raise PackError(f"{where}: invalid regex: {exc}") from None
    return type(spec["name"].title().replace("-", ""), (PatternRule,), {
        "__doc__": _docs(spec), "code": spec["code"], "name": spec["name"],
        "severity": Severity.parse(spec.get("severity", "warning")), "fixable": "replacement" in spec,
        "pattern": pattern, "message": spec["message"], "replacement": spec.get("replacement"),
        "languages": tuple(spec.get("languages", ())), "scopes": scopes,
        "safe_fix": spec.get("fix", "safe") == "safe", "examples": spec.get("examples", []),
    })


def load(folder: Path) -> list[str]:
    """Register the pattern rules of every pack in `folder`; their names."""
    names = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            specs = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise PackError(f"{path}: invalid YAML: {exc}") from None
        if not isinstance(specs, list):
            raise PackError(f"{path}: a pack is a list of rules")
        for n, spec in enumerate(specs):
            where = f"{path}, rule {n + 1}"
            if not isinstance(spec, dict):
                raise PackError(f"{where}: a rule is a mapping")
            cls = _class(spec, where)
            from contentlint.registry import _REGISTRY

            same = _REGISTRY.get(cls.code)
            if same is not None and same.name == cls.name and same.docs() == cls.docs():
                continue  # this pack was loaded already
            try:
                register(cls)
            except ValueError as exc:
                raise PackError(f"{where}: {exc}") from None
            names.append(spec["name"])
    return names
