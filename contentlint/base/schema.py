"""Type checks for data read from a checkout (pattern packs, language profiles, configuration).

A checkout may come from a stranger: a value of the wrong type must stop the run with an
error that names the file, the key and the expected type, never with a traceback nor by
quietly doing nothing (`languages: en` once matched no article at all).
"""

from __future__ import annotations

import datetime
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass

_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxdict = 40, 40, 4, 3


def describe(value, yaml: bool = False) -> str:
    """`12 (a whole number)`: the value as the user wrote it, and what it is."""
    if isinstance(value, bool):
        what = "a boolean"
        if yaml:  # the Norway problem: YAML 1.1 reads an unquoted `no` as false
            what += "; YAML reads unquoted yes, no, on and off as booleans: quote them"
        return f"{str(value).lower()} ({what})"
    if value is None:
        return "an empty value"
    kinds = [(str, "a string"), (int, "a whole number"), (float, "a number"), (list, "a list"),
             (dict, "a mapping" if yaml else "a table"), (datetime.date, "a date"), (datetime.time, "a time")]
    what = next((name for t, name in kinds if isinstance(value, t)), type(value).__name__)
    return f"{_SHORT.repr(value)} ({what})"


@dataclass(frozen=True)
class Kind:
    """What a value must be: `name` for the message (`a list of strings`), `test` to check a
    scalar; a list or mapping (`container`) checks each item against `item`, so that the
    message can say which item is wrong."""

    name: str
    test: Callable[[object], bool]
    item: Kind | None = None
    container: type | None = None

    def problem(self, value, yaml: bool = False) -> str | None:
        """None when `value` is of this kind, else what is wrong: `should be …, not …`."""
        if self.container is list and isinstance(value, list):
            for n, x in enumerate(value, 1):
                inner = self.item.problem(x, yaml)
                if inner is not None:
                    return f"should be {self.name}; item {n} {inner}"
            return None
        if self.container is dict and isinstance(value, dict):
            for k, x in value.items():
                inner = self.item.problem(x, yaml) if isinstance(k, str) else f"should be named by a string, not {k!r}"
                if inner is not None:
                    return f"should be {self.name}; {str(k)!r} {inner}"
            return None
        return None if self.test(value) else f"should be {self.name}, not {describe(value, yaml)}"


STRING = Kind("a string", lambda v: isinstance(v, str))
TEXT = Kind("a non-empty string", lambda v: isinstance(v, str) and v.strip() != "")
BOOL = Kind("true or false", lambda v: isinstance(v, bool))
WHOLE = Kind("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = Kind("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))


def list_of(item: Kind, plural: str) -> Kind:
    return Kind(f"a list of {plural}", lambda v: False, item, list)


def mapping_of(item: Kind, plural: str, word: str = "table") -> Kind:
    return Kind(f"a {word} of {plural}", lambda v: False, item, dict)


def one_of(*choices: str) -> Kind:
    return Kind("one of " + ", ".join(f"'{c}'" for c in choices), lambda v: isinstance(v, str) and v in choices)


def matching(pattern: str, name: str) -> Kind:
    return Kind(name, lambda v: isinstance(v, str) and re.fullmatch(pattern, v) is not None)


STRINGS = list_of(STRING, "strings")
TABLE = Kind("a table", lambda v: isinstance(v, dict))
# a number or a percentage: `50`, `0.5`, `"50%"`
QUANTITY = Kind("a number or a percentage such as \"50%\"", lambda v: (isinstance(v, (int, float)) and not isinstance(v, bool))
                or (isinstance(v, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?%?", v) is not None))
SEVERITY = one_of("error", "warning", "info")


def either(first: Kind, second: Kind) -> Kind:
    """A value of one kind or the other (`["kubectl"]`, or `{de = ["kubectl"]}`)."""
    name = f"{first.name}, or {second.name}"
    return Kind(name, lambda v: first.problem(v) is None or second.problem(v) is None)
