r"""The one escaping every reporter applies to what comes from a checkout: paths, messages,
rule names. A file name may be chosen by a stranger, so no report may carry its control
characters (a newline that starts a GitHub workflow command, an ESC sequence that rewrites
the terminal, a bidi override that hides text) or its undecodable bytes (which no UTF-8
writer can encode: Python gives them as lone surrogates, "caf\udce9.md").

`path` is reversible, so the original bytes of a name can be recovered (`unescape`):

    \\        a backslash
    \n \r \t  those controls
    \xNN      one byte: a byte that is not UTF-8 (NN >= 80), or an ASCII control (< 20, 7f)
    \uNNNN    a code point, written as UTF-8: C1 controls, bidi and invisible format
              characters, line and paragraph separators, noncharacters (\UNNNNNNNN above FFFF)

`message` escapes the same characters but leaves backslashes alone: messages are prose that
may quote a backslash, and nothing needs to decode them. Both leave every character that XML
1.0 forbids escaped, so JUnit needs nothing else.
"""

from __future__ import annotations

import re
from functools import lru_cache

# C0 and C1 controls and DEL; surrogates (undecodable bytes, or anything lone); bidi and
# invisible format characters that can hide or reorder text (soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space, LRM/RLM, line/paragraph separators,
# embeddings and overrides, word joiner and invisible operators, isolates, deprecated format
# controls, BOM, interlinear annotations, tag characters); the noncharacters XML forbids.
# ZWNJ and ZWJ (U+200C, U+200D) are kept: Persian, Hindi and emoji need them to render.
_UNSAFE = (r"\x00-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e"
           r"\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f")
_MESSAGE = re.compile(f"[{_UNSAFE}]")
_PATH = re.compile(f"[{_UNSAFE}\\\\]")
_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _one(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the byte it stands for
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@lru_cache(maxsize=4096)  # a report names each path once per finding
def path(text: str) -> str:
    """A file name as printable text that `unescape` turns back into its bytes."""
    return _PATH.sub(_one, text) if _PATH.search(text) else text


@lru_cache(maxsize=65536)  # a report repeats its messages: each is looked at once
def message(text: str) -> str:
    """Prose (a message, a rule name) with nothing that can act on a terminal, an XML parser
    or a workflow-command reader; backslashes are left as they are."""
    # everything escaped is unprintable (Cc, Cf, Cs, Zl, Zp, Cn): one C-level scan decides most
    return text if text.isprintable() else _MESSAGE.sub(_one, text)


_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))", re.S)
_CHARS = {"\\": b"\\", "n": b"\n", "r": b"\r", "t": b"\t"}


def unescape(text: str) -> bytes:
    """The bytes of the name `path` escaped (what os.fsencode gave for the original)."""
    out, at = [], 0
    for m in _ESCAPE.finditer(text):
        out.append(text[at : m.start()].encode("utf-8"))
        byte, small, big, char = m.groups()
        if byte:
            out.append(bytes([int(byte, 16)]))
        elif small or big:
            out.append(chr(int(small or big, 16)).encode("utf-8", "surrogatepass"))
        elif char in _CHARS:
            out.append(_CHARS[char])
        else:
            raise ValueError(f"not an escape: \\{char}")
        at = m.end()
    out.append(text[at:].encode("utf-8"))
    return b"".join(out)
