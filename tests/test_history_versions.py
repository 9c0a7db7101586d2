"""A version parsed from the one before it (history/versions.py) has the blocks a full parse
of it has: edits that change how the text around them parses included."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from contentlint.history import model, pair, versions

BASE = """---
title: Probes
---

# Probes

A probe checks a container.

- one item
- another item

Text after the list.

```sh
kubectl get pods
```

## Kinds

    indented code

Last paragraph.
"""

EDITS = {
    "a sentence added": ("A probe checks a container.", "A probe checks a container. It can fail."),
    "a fence opened and never closed": ("Text after the list.", "```\nText after the list."),
    "a fence closed early": ("kubectl get pods", "kubectl get pods\n```\n\nmore"),
    "the list goes on over a blank line": ("Text after the list.", "  Text after the list."),
    "a paragraph becomes a setext heading": ("A probe checks a container.", "A probe checks a container.\n---"),
    "a heading added": ("Text after the list.", "## New\n\nText after the list."),
    "a heading removed": ("## Kinds", "Kinds"),
    "an html block opened": ("Text after the list.", "<div>\n\nText after the list."),
    "a comment left open": ("A probe checks a container.", "<!-- A probe checks a container."),
    "the front matter grows": ("title: Probes", "title: Probes\nweight: 3\ndraft: false"),
    "a blank line removed": ("container.\n\n- one", "container.\n- one"),
    "indentation lost": ("    indented code", "indented code"),
    "the last line changed": ("Last paragraph.", "Last paragraph, changed."),
    "everything after the title gone": (BASE[BASE.index("A probe"):], ""),
    "a shortcode added to a paragraph": ("Text after the list.", "Text after the list. {{< note >}}"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_version_parsed_from_the_one_before_is_the_full_parse(name):
    old, new = EDITS[name]
    after = BASE.replace(old, new)
    assert after != BASE
    for front_matter in (False, True):
        for a, b in ((BASE, after), (after, BASE)):
            got = versions.reparse(versions.parse(a, front_matter=front_matter), b, front_matter=front_matter)
            full = versions.parse(b, front_matter=front_matter)
            assert got.blocks == model.blocks(b, front_matter=front_matter) == full.blocks
            assert got.tops == full.tops


SNIPPETS = ["", "```", "~~~", "- item", "1. one", "    indented", "> quote", "# Head", "Setext", "---", "===",
            "<div>", "</div>", "| a | b |", "|---|---|", "text line", "  - nested", "<!-- c", "-->", "* star",
            "{{< note >}}", "{{< /note >}}"]


def _edited(text: str, rng: random.Random) -> str:
    """`text` with one to three lines inserted, deleted or extended at random."""
    lines = text.split("\n")
    for _ in range(rng.choice([1, 1, 2, 3])):
        k = rng.randrange(len(lines) + 1)
        roll = rng.random()
        if roll < 0.4:
            lines.insert(k, rng.choice(SNIPPETS))
        elif roll < 0.7 and lines:
            lines.pop(min(k, len(lines) - 1))
        elif lines:
            lines[min(k, len(lines) - 1)] += " " + rng.choice(SNIPPETS)
    return "\n".join(lines)


def test_random_edits_of_real_articles_parse_as_in_full():
    """Lines inserted, deleted and extended at random in the seed articles, version after
    version: each parsed from the one before equals its full parse."""
    rng = random.Random(11)
    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    assert seeds
    for _ in range(150):
        text = rng.choice(seeds).read_text(encoding="utf-8")
        parsed = versions.parse(text)
        for _ in range(4):
            text = _edited(text, rng)
            parsed = versions.reparse(parsed, text)
            assert parsed.blocks == model.blocks(text)
            assert parsed.tops == versions.parse(text).tops


def test_plain_text_reads_as_the_inline_parser_reads_it():
    """`rendered` skips the inline parser for text where none of its rules can start: the
    result is the parser's own, on the seeds' blocks and on random text of markup characters."""
    from contentlint.load import markdown

    def parsed(raw: str, shortcodes: bool) -> str:
        tokens = markdown.parser().parseInline(raw)
        return model._inline_text(tokens[0], shortcodes) if tokens else ""

    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    texts = [b.text for path in seeds for b in model.blocks(path.read_text(encoding="utf-8"))]
    rng = random.Random(11)
    pool = "ab c\\`*_[]!<>&{}()#~:\x00\té-"
    texts += ["".join(rng.choice(pool) for _ in range(rng.randrange(12))) for _ in range(3000)]
    plain = [t for t in texts if not model.INLINE_START.search(t)]
    assert len(plain) > 100
    for text in texts:
        for shortcodes in (False, True):
            model.rendered.cache_clear()
            assert model.rendered(text, shortcodes) == parsed(text, shortcodes), text


def _full(a: str, b: str, front_matter: bool = False, shortcodes: bool = False) -> set[int] | None:
    found = model.changes(model.blocks(a, shortcodes, front_matter), model.blocks(b, shortcodes, front_matter), shortcodes)
    return {c.section for c in found} or None


@pytest.mark.parametrize("name", list(EDITS))
def test_two_versions_compared_as_far_as_they_differ_answer_as_full_parses(name):
    old, new = EDITS[name]
    after = BASE.replace(old, new)
    for front_matter in (False, True):
        for shortcodes in (False, True):
            for a, b in ((BASE, after), (after, BASE)):
                assert pair.compare(a, b, shortcodes, front_matter) == _full(a, b, front_matter, shortcodes)


def test_random_edits_compared_as_far_as_they_differ_answer_as_full_parses():
    rng = random.Random(5)
    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    differ = 0
    for _ in range(400):
        text = rng.choice(seeds).read_text(encoding="utf-8")
        edited = _edited(text, rng)
        for a, b in ((text, edited), (edited, text)):
            want = _full(a, b)
            assert pair.compare(a, b) == want
            differ += want is not None
    assert differ > 300  # the edits mostly change what the file says


FRONT = {
    "YAML": BASE,
    "no front matter": BASE[BASE.index("# Probes"):],
    "TOML": BASE.replace("---\ntitle: Probes\n---", "+++\ntitle = 'Probes'\n+++"),
    "blank lines before it": "\n\n" + BASE,
    "never closed": BASE.replace("---\n\n# Probes", "\n# Probes"),
    "invalid YAML": BASE.replace("title: Probes", "title: [Probes"),
    "CRLF line ends": BASE.replace("\n", "\r\n"),
}


@pytest.mark.parametrize("name", list(FRONT))
def test_a_documents_tokens_give_the_versions_parse(name):
    """The lint's parse of a file, taken as its newest version (history/stage.py `seeds_of`), is
    what the history's own parse of the same text gives, kept after the document is gone too
    (`kept`: its lines split again from the text); where the two read the front matter's end
    differently, none is taken."""
    from contentlint.history.lag import Settings
    from contentlint.history.stage import kept, seeds_of
    from contentlint.load.document import from_text

    doc = from_text("probes.md", FRONT[name])
    for shortcodes in (False, True):
        for front_matter in (False, True):
            seed = seeds_of([doc], Settings(shortcodes, front_matter))[0]
            seeded, later = seed.parse(), kept(seed).parse()
            if seeded is None:
                assert (name, front_matter) == ("invalid YAML", True) and later is None
                continue
            assert seeded == later == versions.parse(doc.text, shortcodes, front_matter)


def test_every_seed_articles_tokens_give_the_versions_parse():
    from contentlint.history.lag import Settings
    from contentlint.history.stage import kept, seeds_of
    from contentlint.load.document import from_text

    seeds = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        doc = from_text(str(path), path.read_text(encoding="utf-8"))
        whole = versions.parse(doc.text)
        seed = seeds_of([doc], Settings())[0]
        assert seed.parse() == kept(seed).parse() == whole, path


def test_blocks_known_apart_without_parsing_are_rendered_apart():
    """history/visible.py: where it says two versions of a block read differently, rendering
    them says so too (and where it counts the words changed on the texts, the count is the
    renderings'), over random edits of the seeds' and the tests' blocks, many of them
    beside markup (links, images, code, emphasis, entities, escapes, shortcodes)."""
    from contentlint.history.visible import plain_words, plainly_differ

    root = Path(__file__).resolve().parent.parent
    texts = [b.text for path in sorted(root.joinpath("seeds").glob("*.txt")) + sorted(root.joinpath("tests").rglob("*.md"))
             for b in model.blocks(path.read_text(encoding="utf-8")) if b.kind != "code" and len(b.text) > 5]
    texts += ["Keep a&nbsp;b and x&amp;y words here.", "See [the pods](/docs/pods/ 'Pods') and ![a chart](c.png) or <https://x.io> &amp; `code` here.",
              "Before {{< note >}}inside{{< /note >}} after {#anchor} and \\*escaped\\* *emphasis* _too_.",
              "A [link](<a b>) and [nested](a(b)c) and [ref][x] and <span title=\"t\">html</span> end."]
    rng = random.Random(11)
    known = counted = 0
    for _ in range(30000):
        a = rng.choice(texts)
        marks = [k for k, c in enumerate(a) if c in "[](){}<>&*_`!\\"]
        at = rng.choice(marks) + rng.randrange(-2, 3) if marks and rng.random() < 0.7 else rng.randrange(len(a) + 1)
        at = max(0, min(len(a), at))
        insert = "".join(rng.choice("ab 12.,;:!?()'\"-[]*_`<>&{}\\~#") for _ in range(rng.randrange(0, 5)))
        b = model._norm(a[:at] + insert + a[at + rng.randrange(0, 4):])
        if a != b and plainly_differ(a, b):
            known += 1
            assert model.rendered(a) != model.rendered(b), (a, b)
            assert model.rendered(a, True) != model.rendered(b, True), (a, b)
        if a != b and plain_words(a, b):
            counted += 1
            assert model._words(a, b) == model._words(model.rendered(a), model.rendered(b)), (a, b)
    assert known > 3000 and counted > 2000  # they answer often enough to matter


LINE_EDITS = [" and more words.", " (12)", "; revised", " *new* words", " [a link](/x)", " | pipe", " {{< note >}}",
              "\n", "\n\n", "\n- item", "\n---", "\n===", "\n> quote", "\n1. one", "\n    indented", "\n```"]
STARTS = ["Words", "12 words", "- item", "# head", "> quote", "import x from 'y'", "export const a = 1", "    code",
          "<div>", "| a |", "{{< note >}}", "Ünïcode", "日本語", "---", "===", "", "  Two spaces"]


def test_lines_of_paragraphs_edited_parse_as_in_full():
    """Lines of a paragraph changed (versions.py `_in_paragraph` takes the edit without a parse
    when nothing in it can start a block): each version equals its full parse, for words and
    marks added, lines split, joined, added and removed, and lines that come to start a block."""
    rng = random.Random(3)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.joinpath("seeds").glob("*.txt"))] + [BASE]
    taken = 0
    for _ in range(600):
        text = rng.choice(texts)
        parsed = versions.parse(text)
        for _ in range(3):
            lines = text.split("\n")
            k, roll = rng.randrange(len(lines)), rng.random()
            if roll < 0.4:
                lines[k] += rng.choice(LINE_EDITS)
            elif roll < 0.55 and " " in lines[k].strip():  # a line wrapped in two
                cut = rng.choice([j for j, c in enumerate(lines[k]) if c == " " and j])
                lines[k:k + 1] = [lines[k][:cut], lines[k][cut + 1:]]
            elif roll < 0.7 and k + 1 < len(lines):  # two lines joined
                lines[k:k + 2] = [lines[k] + " " + lines[k + 1]]
            elif roll < 0.8:
                lines.insert(k, rng.choice(STARTS + ["New words here", "More plain text."]))
            elif roll < 0.85:
                del lines[k]
            else:
                lines[k] = rng.choice(STARTS) + lines[k][rng.randrange(len(lines[k]) + 1):]
            text = "\n".join(lines)
            (_, body), _ = model.split(text, False)
            found = versions._changed(parsed.lines, body.split("\n"))
            taken += found is not None and versions._in_paragraph(parsed, body.split("\n"), *found) is not None
            parsed = versions.reparse(parsed, text)
            assert parsed.blocks == model.blocks(text), text
            assert parsed.tops == versions.parse(text).tops
    assert taken > 40  # the edit taken without a parse is met often


FRONT_MATTERS = [
    "no front matter\n\ntext\n", "---\ntitle: x\n---\nbody\n", "---\ntitle: x\n---", "---\ntitle: x\n---\n",
    "\n\n  \n---\ntitle: x\n---\nbody", "---\ntitle: x\nnever closed\n", "----\na: 1\n----  \nbody\n",
    "--- \t\na: 1\n---\t\n\nbody\n", "---\n---\n", "---x\na: 1\n---\nbody\n", "---\na: [1\n---\nbody\n",
    "text\n---\na: 1\n---\n", "---\na: 1\n\n---\n\n\n# Head\n", "", "\n", "---", "-- -\n---\n---\n",
    "---\ufefftitle: x\n---\nbody\n", "---\x0b\na: 1\n--- \x0c\nbody\n", "---\n---\n\u2028\n",
]  # (TOML, JSON and CR texts are read by the front-matter reader itself: nothing to compare)


@pytest.mark.parametrize("text", FRONT_MATTERS)
def test_the_body_found_without_a_line_index_is_the_one_the_front_matter_reader_finds(text):
    """model.split's quick path (front_matter.yaml_bounds) against the reader the lint uses."""
    from contentlint.load import front_matter
    from contentlint.load.lines import LineIndex
    fm = front_matter.read(text, LineIndex(text), parse=False)
    if fm is None or fm.data is None and fm.error:
        expected = (0, text)
    else:
        rest = text[fm.end:]
        expected = (fm.body_line, rest.split("\n", 1)[1] if "\n" in rest else "")
    assert model.split(text, False)[0] == expected


def test_common_counts_the_equal_items_at_each_end_without_overlap():
    def naive(a, b):
        p = 0
        while p < min(len(a), len(b)) and a[p] == b[p]:
            p += 1
        q = 0
        while q < min(len(a), len(b)) - p and a[-1 - q] == b[-1 - q]:
            q += 1
        return p, q
    rng = random.Random(5)
    for _ in range(3000):
        a = [rng.choice("ab") for _ in range(rng.randrange(7))]
        b = [rng.choice("ab") for _ in range(rng.randrange(7))]
        assert model.common(a, b) == naive(a, b), (a, b)


def test_opcodes_are_difflibs_with_the_equal_ends_left_out():
    """The edits that need no matcher (an insertion, a deletion, one item for another) give
    what the matcher gives."""
    import difflib
    rng = random.Random(3)
    for _ in range(5000):
        a = [rng.choice("abc") for _ in range(rng.randrange(6))]
        b = [rng.choice("abc") for _ in range(rng.randrange(6))]
        p, q = model.common(a, b)
        ops = difflib.SequenceMatcher(None, a[p:len(a) - q], b[p:len(b) - q], autojunk=False).get_opcodes()
        assert model._opcodes(a, b) == [(op, i1 + p, i2 + p, j1 + p, j2 + p) for op, i1, i2, j1, j2 in ops], (a, b)


def test_versions_with_tables_parse_as_in_full():
    """A table's cells are blocks on their row's line: the blocks stay in line order, which the
    reparse's bisection needs (with the line of the block before them, cells were kept twice)."""
    rng = random.Random(7)
    parts = ["Para text here\n", "Plain words\n", "\n", "\n", "```\nx\n```\n", "| a |\n|---|\n",
             "| a | b |\n|---|---|\n| c | d |\n", "# Head\n", "- item\n", "    code\n", "> q\n", "Word line\n"]
    for _ in range(3000):
        lines = "".join(rng.choice(parts) for _ in range(rng.randrange(4, 25))).split("\n")
        old = "\n".join(lines)
        k, roll = rng.randrange(len(lines)), rng.random()
        if roll < 0.4:
            lines.insert(k, "Extra words")
        elif roll < 0.6:
            lines[k] += " more"
        elif roll < 0.8 and len(lines) > 1:
            del lines[k]
        else:
            lines[k:k + 1] = ["Split a", "b line"]
        new = "\n".join(lines)
        assert versions.reparse(versions.parse(old), new).blocks == model.blocks(new), (old, new)
