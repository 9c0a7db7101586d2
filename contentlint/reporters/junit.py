"""JUnit XML: one test case per article; a failure per finding at or above fail-on, the
others in the case's system-out.

Every attribute and text taken from the checkout goes through `escape` first: it leaves no
character XML 1.0 forbids (controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF;
ElementTree would write them and no parser would read the file back), and a name that is
not UTF-8 is written as reversible `\\xNN` escapes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from contentlint.base.escape import message as _m, path as _p


FORMAT = "junit"


def write(result, options) -> list[str]:
    return [render(result)]


def render(result) -> str:
    by_file = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    failures = sum(1 for f in result.findings if f.severity >= result.fail_on)
    failing_cases = sum(1 for p in result.files if any(f.severity >= result.fail_on for f in by_file[p]))
    suites = ET.Element("testsuites", name="contentlint", tests=str(len(result.files)), failures=str(failing_cases))
    suite = ET.SubElement(suites, "testsuite", name="contentlint", tests=str(len(result.files)),
                          failures=str(failing_cases), errors="0", skipped="0")
    suite.set("findings", str(len(result.findings)))
    suite.set("failed-findings", str(failures))
    for path in result.files:
        shown = _p(path)
        case = ET.SubElement(suite, "testcase", classname="contentlint", name=shown, file=shown)
        notes = []
        for f in by_file[path]:
            kind, message = _m(f"{f.code} {f.rule}"), _m(f.message)
            line = f"{_p(f.path)}:{f.line}:{f.column}: {kind} {message}"
            if f.severity >= result.fail_on:
                failure = ET.SubElement(case, "failure", type=kind, message=message)
                failure.text = line
            else:
                notes.append(f"[{f.severity}] {line}")
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
