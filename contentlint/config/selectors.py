"""Rule selectors, as configurations, command lines and suppressions write them."""

from __future__ import annotations


def matches(code: str, name: str, selector: str) -> bool:
    """A selector is a code (`CL101`), a name (`dash-bullet`), a code prefix (`CL1`) or `ALL`."""
    return selector in ("ALL", name) or code.startswith(selector.upper())
