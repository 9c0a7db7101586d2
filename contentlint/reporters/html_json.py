"""Data embedded in the report page as JSON: one value per line inside a
`<script type="application/json">` block, which the browser never runs and the page's
script reads only when it needs a value.

Nothing in the JSON can end the block or hide in it: `<`, `>` and `&` are written as `\\u`
escapes (no `</script>` or `<!--` can appear), and so is every character a reader could not
see or that could reorder text (controls, bidi and invisible format characters, line and
paragraph separators). JSON.parse gives the same string back.
"""

from __future__ import annotations

import base64
import json
import re

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
# what json leaves as it is but the page must not carry raw: markup characters, C1 controls
# and DEL, lone surrogates (no UTF-8 writer could encode them), bidi and invisible format
# characters, separators, noncharacters, tag characters
_RAW = re.compile("[<>&\x7f-\x9f\ud800-\udfff\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f"
                  "\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f]")


def _code(match: re.Match) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a JSON string names a character above U+FFFF by its surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def line(value) -> str:
    """`value` as one line of JSON that is safe inside a script block of an HTML page."""
    text = _ENCODE(value)
    return _RAW.sub(_code, text) if _RAW.search(text) else text


def exact(text: str) -> list:
    """A patch's exact bytes for the page: as text when it is UTF-8 (["t", text]); in base64
    when the file held bytes that are not (["b", base64]), which JSON text cannot carry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # surrogate escapes: the file's undecodable bytes
        return ["b", base64.b64encode(text.encode("utf-8", "surrogateescape")).decode()]
    return ["t", text]
