"""Fix safety as properties over generated articles with injected machine-translation defects:
--fix is idempotent, changes only bytes inside the spans it reported, keeps BOM and line
endings, and leaves none of its defects behind; an interrupted write keeps the original."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.load import document
from contentlint.engine import fixer
from contentlint.config.settings import Config
from contentlint.engine.pipeline import Pipeline
from contentlint.engine.fixer import fix_document
from contentlint.rules import catalogue

WORDS = ["markedet", "the", "investor", "renten", "bank", "aksjer", "risiko", "dana", "pasaran", "pelabur",
         "fond", "obligasjoner", "inflasjon", "keuntungan", "kapital", "growth", "Oslo", "Norge"]
PIPELINE = Pipeline(Config(), catalogue.load())


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    text = " ".join(words).capitalize()
    if draw(st.booleans()):
        slug = draw(st.sampled_from(["risk", "bond-market", "inflation", "capital"]))
        link = f"[{draw(st.sampled_from(WORDS))}](/{slug})"
        # defects after links: `,.`, `..`, a space before the stop
        tail = draw(st.sampled_from(["", ",.", " .", "..", ",", "."]))
        text += f" {link}{tail}"
    if draw(st.booleans()):
        text += f" {draw(st.integers(10, 99999))}"
    return text + draw(st.sampled_from([".", " .", "!", " ,", "  ."]))


@st.composite
def article(draw) -> tuple[bytes, bool, str]:
    lines = ["---", "title: Markedet", "description: Om markedet", "keywords: marked, aksjer", "---",
             "# Markedet", ""]
    for _ in range(draw(st.integers(1, 4))):
        heading = draw(st.sampled_from(["Historie", "Risiko", "Real World Eksempel", "Fordeler"]))
        lines += [draw(st.sampled_from(["## ", "##", "###", "## "])) + heading, ""]
        for _ in range(draw(st.integers(1, 3))):
            lines += [" ".join(draw(st.lists(sentence(), min_size=1, max_size=3))), ""]
    lines += [draw(st.sampled_from(["## Høydepunkter", "##Høydepunkter"])), ""]
    marker = draw(st.sampled_from(["- ", "– ", "* ", "—"]))
    lines += [marker + draw(sentence()) for _ in range(draw(st.integers(1, 4)))]
    trailing = draw(st.sampled_from(["", "  ", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(line + trailing if line and draw(st.booleans()) else line for line in lines) + newline
    bom = draw(st.booleans())
    return ("\ufeff" if bom else "").encode() + text.encode(), bom, newline


def lint(doc):
    return PIPELINE.document(doc)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_fix_is_safe(case):
    data, bom, newline = case
    doc = document.decode("gen.md", data)
    document.parse(doc)
    doc.language = "nb"
    rounds: list = []  # (text, findings) of every round of the fixed point

    def recording(d):
        found = lint(d)
        rounds.append((d.text, found))
        return found

    fixed, _ = fix_document(doc, recording)
    # none of the defects it fixes is left, and a second --fix changes nothing
    assert [f for f in lint(fixed) if f.fix and f.fix.safe] == []
    again, count = fix_document(fixed, lint)
    assert again.text == fixed.text and count == 0
    # every round changes only bytes inside the spans it reported: each edit lies in its finding,
    # and the next round's text is this one's with those edits
    for (text, found), (following, _) in zip(rounds, rounds[1:]):
        fixes = [f for f in found if f.fix and f.fix.safe]
        assert all(f.start <= e.start and e.end <= f.end for f in fixes for e in f.fix.edits), \
            [(f.rule, f.start, f.end, f.fix.edits) for f in fixes]
        assert following == fixer.apply_edits(text, [e for fix in fixer.choose([f.fix for f in fixes]) for e in fix.edits])
    # BOM and line endings stay
    out = document.encode(fixed)
    assert out.startswith("\ufeff".encode()) == bom
    if newline == "\r\n":
        assert out.count(b"\n") == out.count(b"\r\n")


@settings(max_examples=500, deadline=None)
@given(article())
def test_fix_through_the_file_keeps_bytes_and_mode(tmp_path_factory, case):
    data, bom, _ = case
    path = tmp_path_factory.mktemp("fix") / "a.md"
    path.write_bytes(data)
    path.chmod(0o640)
    doc = document.load(str(path))
    doc.language = "nb"
    fixed, _ = fix_document(doc, lint)
    fixer.save(fixed, doc.digest)
    assert path.read_bytes() == document.encode(fixed)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(path.parent) == ["a.md"]  # no temporary file left


def test_an_interrupted_write_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"# Original ,.\n")

    class Interrupted(BaseException):
        pass

    real_fsync = os.fsync

    def crash(fd):  # the new text is half on disk when the process dies
        real_fsync(fd)
        raise Interrupted

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(Interrupted):
        fixer.write_atomic(str(path), b"# Replaced\n" * 1000)
    assert path.read_bytes() == b"# Original ,.\n"
    assert os.listdir(tmp_path) == ["a.md"]
