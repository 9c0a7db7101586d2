"""Rules: a registry of small classes with a stable code, a kebab-case name and docs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator

from contentlint.findings import Finding, Fix, Related, Severity

_REGISTRY: dict[str, "Rule"] = {}


class Rule:
    """Base of every rule. A subclass's docstring is its documentation."""

    code: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    fixable: bool = False
    scope: str = "document"  # "document": one file at a time; "group": an article and its translations
    needs_content: bool = True  # False: also runs on files that could not be read
    options: dict = {}  # option name -> default, settable in [tool.contentlint.rules.NAME]

    def check(self, doc, ctx) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, doc, start: int, end: int, message: str, fix: Fix | None = None,
                related: list[Related] | None = None) -> Finding:
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(end, start))
        return Finding(doc.path, start, end, line, column, end_line, end_column, self.code, self.name,
                       self.severity, message, fix, related or [])

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.docs().split("\n\n", 1)[0].replace("\n", " ")

    @classmethod
    def section(cls, title: str) -> str:
        """The text under `## title` in the docs."""
        sections: dict[str, list[str]] = {}
        current, fenced = None, False
        for line in cls.docs().splitlines():
            if line.startswith("```"):
                fenced = not fenced
            if line.startswith("## ") and not fenced:
                current = sections.setdefault(line[3:].strip(), [])
            elif current is not None:
                current.append(line)
        return "\n".join(sections.get(title, [])).strip()


def register(cls: type[Rule]) -> type[Rule]:
    if not re.fullmatch(r"CL\d{3}", cls.code) or not re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.name):
        raise ValueError(f"bad rule identity {cls.code} {cls.name}")
    for other in _REGISTRY.values():
        if other.code == cls.code or other.name == cls.name:
            raise ValueError(f"rule {cls.code} {cls.name} collides with {other.code} {other.name}")
    _REGISTRY[cls.code] = cls()
    return cls


def unregister(code: str) -> None:
    """Forget a rule (pattern packs of another configuration; tests)."""
    _REGISTRY.pop(code, None)


def all_rules() -> list[Rule]:
    import contentlint.rules  # noqa: F401  (registers the built-in rules)

    return sorted(_REGISTRY.values(), key=lambda r: r.code)


def find(name_or_code: str) -> Rule | None:
    for rule in all_rules():
        if name_or_code in (rule.code, rule.name):
            return rule
    return None


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code (`CL101`), a name (`dash-bullet`), a code prefix (`CL1`) or `ALL`."""
    return selector in ("ALL", rule.name) or rule.code.startswith(selector.upper())


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    rules = all_rules()
    return [s for s in selectors if not any(matches(r, s) for r in rules)]


def select(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    chosen = [r for r in rules if select is None or any(matches(r, s) for s in select)]
    return [r for r in chosen if not any(matches(r, s) for s in ignore or [])]
