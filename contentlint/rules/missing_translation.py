import posixpath

from contentlint.base.findings import Severity
from contentlint.groups.grouping import slot
from contentlint.language.detection import normalize
from contentlint.rules.base import CorpusRule


class MissingTranslation(CorpusRule):
    """A configured language has no version of this article.

    ## What it does
    For each group, lists the languages of the corpus (or the configured `languages`)
    that have no member, on the group's source. A site translated section by section: a
    language with no page at all in an article's folder (of the path layout: Hugo's
    `docs/concepts/…/`) is not told of each page there; the configured `languages` are
    expected everywhere.

    ## Why it matters
    Readers of that language do not get the article at all.

    ## Example
    ```markdown
    <!-- file: en/api.md -->
    ---
    translation_key: api
    ---
    # API
    <!-- file: nb/api.md -->
    ---
    translation_key: api
    ---
    # API
    <!-- file: en/ais.md -->
    ---
    translation_key: ais
    ---
    # AIS
    <!-- file: ms/ais.md -->
    ---
    translation_key: ais
    ---
    # AIS
    ```

    ## Use instead
    ```markdown
    <!-- file: en/api.md -->
    ---
    translation_key: api
    ---
    # API
    <!-- file: nb/api.md -->
    ---
    translation_key: api
    ---
    # API
    <!-- file: ms/api.md -->
    ---
    translation_key: api
    ---
    # API
    ```
    """

    code = "CL501"
    name = "missing-translation"
    severity = Severity.INFO

    def check(self, corpus, ctx):
        if ctx.config.languages:
            expected = {normalize(code) for code in ctx.config.languages} - {None}
        else:
            expected = {slot(m.doc) for g in corpus.groups for m in g.members} - {None}
        sections: dict[str, set] = {}  # folder of the group's key -> languages with a page there
        pages: dict[str, int] = {}  # folder -> articles in it
        for group in corpus.groups if not ctx.config.languages else ():
            folder = _folder(group.key)
            sections.setdefault(folder, set()).update(slot(m.doc) for m in group.members)
            pages[folder] = pages.get(folder, 0) + 1
        for group in corpus.groups:
            present = {slot(m.doc) for m in group.members}
            if ctx.config.languages:
                present |= {m.language for m in group.members}
            target = group.reference or group.members[0].doc
            wanted = expected & _languages(_folder(group.key), sections, pages, expected) if sections else expected
            for code in sorted(wanted - present):
                yield self.at_start(target, f"no '{code}' version of this article (group '{group.key}')")


def _folder(key: str) -> str:
    """The section an article's key stands in: its folder; a Hugo leaf bundle's (`blog/post/index`)
    is the folder its own folder stands in."""
    head, _, name = key.rpartition("/")
    return posixpath.dirname(head) if name == "index" else head


def _languages(folder: str, sections: dict, pages: dict, expected: set) -> set:
    """The languages expected in `folder`: those with a page there; for a folder of one article,
    those of the nearest folder above with more (a new section is expected where its parent is)."""
    while pages.get(folder, 0) < 2 and folder:
        folder = posixpath.dirname(folder)
    return sections.get(folder, expected) if pages.get(folder, 0) >= 2 else expected
