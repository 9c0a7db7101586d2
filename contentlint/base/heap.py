"""Giving freed memory back to the system."""

from __future__ import annotations


def trim() -> None:
    """Ask glibc to return freed memory it keeps in its heap (lingua's unloaded models): a
    process that forks workers, or lives on, should not hold it. A no-op elsewhere."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
