"""Offsets in a file's text <-> 1-based line/column for people."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

# The same line endings markdown-it-py normalises, so token line maps agree with ours.
NEWLINE = re.compile(r"\r\n?|\n")
ONE = 1


class LineIndex:
    """Start offset of every line of a text; offsets are code-point indexes."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            self.starts = [0]
            self.starts.extend(m.end() for m in NEWLINE.finditer(text))
        else:  # the usual case, summed in C: each line starts one past the end of the one before
            self.starts = list(accumulate(map(ONE.__add__, map(len, text.split("\n"))), initial=0))[:-1]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset`."""
        return bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`; columns count characters."""
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1

    def start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def end(self, line: int) -> int:
        """Offset of the end of 0-based `line`, before its line ending."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            while end > self.starts[line] and self.text[end - 1] in "\r\n":
                end -= 1
            return end
        return len(self.text)

    def line_text(self, line: int) -> str:
        if line + 1 < len(self.starts):  # a line holds no line break but the one ending it
            return self.text[self.starts[line] : self.starts[line + 1]].rstrip("\r\n")
        return self.text[self.start(line) :]
