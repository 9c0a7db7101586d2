"""What every rule is: a code, a kebab-case name, a default severity, a fixable flag, a scope
that says what it checks, and documentation in its docstring."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING

from contentlint.base.findings import Finding, Fix, Related, Severity
from contentlint.config import selectors
from contentlint.language.profiles import Profiles, for_run

if TYPE_CHECKING:
    from contentlint.config.settings import Config  # the types rules are given; rules import only what they run
    from contentlint.groups.grouping import Article, Corpus, Group
    from contentlint.history.stage import History
    from contentlint.parity.outline import Outline
    from contentlint.load.document import Document
    from contentlint.load.suppressions import Suppressions


class Scope(Enum):
    """What a rule checks, in the order a run applies them (engine/pipeline.py)."""

    DOCUMENT = "document"  # one file at a time, in workers
    GROUP = "group"  # an article and its translations
    CORPUS = "corpus"  # every group and what is alone, once
    SUPPRESSION = "suppression"  # a file's suppressions, after every other rule has run
    ENGINE = "engine"  # made by the engine itself (a rule failed, a fix not written): never run


class RuleFailed(Exception):
    """Raised by a rule that must stop on one file (a pattern over its time bound): the
    message says why. Any other exception from a rule is reported the same way."""


class Context:
    """What a rule may read besides its target: the run's settings and, for group and corpus
    rules, the corpus."""

    __slots__ = ("config", "corpus", "profiles", "history")

    def __init__(self, config: "Config", corpus: "Corpus | None" = None, profiles: "Profiles | None" = None,
                 history: "History | None" = None) -> None:
        self.config, self.corpus = config, corpus
        self.history = history  # the repository's history, read for rules with `history = True` (engine/history.py)
        self.profiles = profiles if profiles is not None else for_run(tuple(config.packs))


class Rule:
    """Base of every rule. A subclass's docstring is its documentation."""

    code: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    fixable: bool = False
    # a document finding a translation shares with its group's source is the source's
    # (a gap it took from there): reported on the source only (Pipeline.inherited)
    inherited: bool = False
    scope: Scope = Scope.DOCUMENT
    needs_content: bool = True  # False: also runs on files that could not be read
    history: bool = False  # reads the repository's history: the run reads it for this rule (engine/history.py)
    options: dict = {}  # option name -> default, settable in [tool.contentlint.rules.NAME]

    def check(self, target, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, doc: "Document", start: int, end: int, message: str, fix: Fix | None = None,
                related: list[Related] | None = None) -> Finding:
        """A finding at a span of a loaded document (offsets in its text)."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(end, start))
        return Finding(doc.path, start, end, line, column, end_line, end_column, self.code, self.name,
                       self.severity, message, fix, related or [])

    def at_start(self, article: "Article", message: str) -> Finding:
        """A finding about a whole file, at its first character (line 1, column 1): what a
        rule that reads records, not documents, can say exactly."""
        return Finding(article.path, 0, 0, 1, 1, 1, 1, self.code, self.name, self.severity, message, None, [])

    def selected_by(self, selector: str) -> bool:
        return selectors.matches(self.code, self.name, selector)

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


class DocumentRule(Rule):
    scope = Scope.DOCUMENT

    def check(self, doc: "Document", ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


class GroupRule(Rule):
    scope = Scope.GROUP

    def check(self, group: "Group", ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    scope = Scope.CORPUS

    def check(self, corpus: "Corpus", ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


class Convention:
    """A document rule that checks a convention of the corpus' own (a template's closing
    section) rather than of the language: its findings stand only where most articles follow
    it (option `min_share`), so that a corpus with another template is not told to adopt
    this one. The engine decides from every article's outline, after the file stage."""

    def follows(self, outline: "Outline | None", language: str | None, profiles: Profiles) -> bool | None:
        """Whether an article follows the convention; None when it cannot tell (no profile)."""
        raise NotImplementedError


class SuppressionRule(Rule):
    scope = Scope.SUPPRESSION

    def check(self, marks: "MarkedFile", ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


class EngineRule(Rule):
    """A finding the engine makes itself; selected and configured like any rule, never run."""

    scope = Scope.ENGINE
    needs_content = False

    def check(self, target, ctx: Context) -> Iterator[Finding]:
        return iter(())


class MarkedFile:
    """A file's suppressions once every rule has run on it: which were used, the rules of the
    run (a suppression of a rule that did not run is not judged) and every rule known."""

    __slots__ = ("path", "marks", "running", "known")

    def __init__(self, path: str, marks: "Suppressions", running: list[Rule], known: list[Rule]) -> None:
        self.path, self.marks, self.running, self.known = path, marks, running, known


IDENTITY = (re.compile(r"CL\d{3}"), re.compile(r"[a-z]+(-[a-z]+)*"))


def check_identity(rule: type[Rule] | Rule) -> None:
    if not IDENTITY[0].fullmatch(rule.code) or not IDENTITY[1].fullmatch(rule.name):
        raise ValueError(f"bad rule identity {rule.code} {rule.name}")
