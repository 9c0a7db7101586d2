from collections import Counter
from difflib import SequenceMatcher
from urllib.parse import unquote

from contentlint.parity.blame import Claim, message, settle
from contentlint.base.findings import Severity
from contentlint.load.broken_links import hollow
from contentlint.parity.kit import KINDS, agreeing, differences, matched_with_neighbours, related, untranslated
from contentlint.rules.base import GroupRule


class LinkMismatch(GroupRule):
    """Link targets of an aligned paragraph, list item or heading differ from the source's.

    ## What it does
    Compares the relative link targets of each aligned block with the source's: a target
    missing, one added, or one pointing elsewhere. The message names the expected target.
    Absolute URLs may be localised and are not compared. When the translations agree with
    each other and the source differs (`blame = "consensus"`, the default), the difference
    is reported once, on the source, with the number of translations that agree. A link
    the parser rejected (`[text] (/url)`, `](/a b)`) is malformed-link's to report, so the
    link it leaves missing is not reported again, nor is a link with no words in its text
    (`[.](/x)`); a link machine translation split in two (`[a](/x) [b](/x)`) counts once.
    A source paragraph whose lines the translation made paragraphs of is compared with all
    of them: a link in a part beside the aligned one is there, and a link the source's
    paragraph has that none of them has was changed to the link there most like it that the
    source lacks (`/deduction` for `/derivation`), if the aligned part adds no other. A link
    added only inside text left in another language (an English sentence pasted into a German
    paragraph) is untranslated-segment's finding, not reported again.

    ## Why it matters
    A translated link that points elsewhere sends readers to the wrong article, and nobody
    reading one language can see it.

    ## Example
    ```markdown
    <!-- file: en.md -->
    # API
    The API is sold in [insurance](/insurance) and [finance](/finance).
    <!-- file: nb.md -->
    # API
    API selges i [forsikring](/insurance) og [økonomi](/economy).
    ```

    ## Use instead
    ```markdown
    <!-- file: en.md -->
    # API
    The API is sold in [insurance](/insurance) and [finance](/finance).
    <!-- file: nb.md -->
    # API
    API selges i [forsikring](/insurance) og [økonomi](/finance).
    ```
    """

    code = "CL505"
    name = "link-mismatch"
    severity = Severity.WARNING
    options = {"compare_absolute": False}  # also compare absolute URLs (off: they may be localised)

    def check(self, group, ctx):
        from contentlint.groups.fingerprint import target_key

        absolute = ctx.config.option(self, "compare_absolute")
        key = (lambda target: target.strip()) if absolute else target_key
        claims = []
        written: dict[str, str] = {}  # the source's targets as written (messages show them, not keys)
        for p in group.pairings:
            moved = set() if absolute else _moved_within_section(p)
            used: set[int] = set()  # the translation's links a finding names (a neighbour's: once)
            # text left in another language is untranslated-segment's finding, its links with it
            foreign = [(a, b) for (_, a, b, *_), _, _ in untranslated(p)]
            for r, t, _, t_near in matched_with_neighbours(p):
                if not absolute and sorted(r.links) == sorted(t.links) or id(r) in moved:
                    continue  # the usual case: the unit's relative targets, as alignment read them
                links = [(key(link.target), link) for link in whole_links(p.doc, t.block, key)]
                near = [(key(link.target), link) for u in t_near for link in whole_links(p.doc, u.block, key)
                        if id(link) not in used]
                mine = Counter(k for k, _ in links if k)
                theirs = Counter(k for k in (key(link.target) for link in whole_links(p.ref, r.block, key)) if k)
                for link in r.block.links():  # messages show a target as its file writes it, not as a key
                    written.setdefault(key(link.target), unquote(link.target).strip())
                mine_written = {k: unquote(link.target).strip() for k, link in reversed(links + near)}
                broken = [k for u in t_near for k in _broken_in(p.doc, u.block, key)]
                found = _neighboured(list(differences(theirs, mine)), theirs, near, broken)
                for want, got in _unexplained(found, p, r, t, key):
                    link = next((lk for k, lk in links + near if k == got and id(lk) not in used), None) if got else None
                    if link is not None:
                        used.add(id(link))
                        if not want and any(a <= link.start < b for a, b in foreign):
                            continue
                    start, end = (link.start, link.end) if link else (t.block.start, t.block.end)
                    kind = KINDS[t.kind]
                    shown_want, shown_got = written.get(want, want), mine_written.get(got, got)
                    if want and got:
                        msg = f"link to '{shown_got}' where the source links to '{shown_want}'"
                    elif want:
                        msg = f"{kind} is missing the source's link to '{shown_want}'"
                    else:
                        msg = f"link to '{shown_got}' is not in the source's {kind}"
                    claims.append(Claim(p, r, want, got, self.finding(p.doc, start, end, msg,
                                                                      related=related(p, r.block.line))))

        def on_source(c: Claim, n: int):
            r = c.element
            link = next((lk for lk in r.block.links() if key(lk.target) == c.want), None) if c.want else None
            start, end = (link.start, link.end) if link else (r.block.start, r.block.end)
            msg = message("link to", written.get(c.want, c.want), c.got, n, quote="'")
            return self.finding(c.pairing.ref, start, end, msg, related=agreeing(c, n))

        yield from settle(claims, group, ctx.config.blame, on_source)


def whole_links(doc, block, key) -> list:
    """A block's links as a reader sees them: a link split in two counted once (machine
    translation cuts a link's text and links both halves, `[price-to-earnings](/pe) [ratios](/pe)`,
    still the source's one link: two links to one target at most 3 characters apart), and a
    link with no words in its text (`[.](/pe)`) not counted: malformed-link reports it."""
    out, previous = [], None
    for link in block.links():
        if hollow(doc, link):
            continue
        if previous is not None and link.start - previous.end <= 3 and key(link.target) == key(previous.target):
            previous = link
            continue
        out.append(link)
        previous = link
    return out


def _neighboured(found: list[tuple], theirs: Counter, near: list, broken: list[str]) -> list[tuple]:
    """The differences of a pair with the translation's units beside it read, those the
    alignment left without a partner (a source paragraph whose lines the translation made
    paragraphs of): a source link one of them has is not missing (nor one it has broken,
    `[,](/will)`: malformed-link's); one still missing whose pair has no new target for it
    (none, or one more link to a target the source's paragraph has: `[Medicare](/medicare) …
    [も](/medicare)`) was changed to the target beside it most like it that the source's
    paragraph lacks, if there is one (`/deduction` for the source's `/derivation`)."""
    if not near and not broken:
        return found
    beside = Counter(k for k, _ in near if k) + Counter(broken)
    spare = [k for k, _ in near if k and k not in theirs]
    out = []
    for want, got in found:
        if want and beside[want] > 0:
            beside[want] -= 1
            want = None
        elif want and (got is None or got in theirs) and spare:
            like = max(spare, key=lambda k: SequenceMatcher(None, want, k).ratio())  # the first of equals
            spare.remove(like)
            out.append((want, like))
            want = None
        if want or got:
            out.append((want, got))
    return out


def _unexplained(found: list[tuple], p, r, t, key) -> list[tuple]:
    """The differences a broken link does not account for. A link the parser rejected
    (`[text] (/url)`, `](/a b)`) or one with no words (`[.](/x)`) leaves its block one link
    short, and malformed-link reports it as what it is: it explains a link its side lacks, the
    one it names if it names one."""
    broken = {"t": _broken_in(p.doc, t.block, key), "r": _broken_in(p.ref, r.block, key)}
    if not broken["t"] and not broken["r"]:
        return found
    lacking = ["t" if want and not got else "r" if got and not want else None for want, got in found]
    keep = [True] * len(found)
    for k, (want, got) in enumerate(found):  # first the links a broken one names
        side = lacking[k]
        if side and (want or got) in broken[side]:
            broken[side].remove(want or got)
            keep[k] = False
    for k, side in enumerate(lacking):  # then any other link a side lacks, while it has broken ones left
        if keep[k] and side and broken[side]:
            broken[side].pop()
            keep[k] = False
    return [d for d, kept in zip(found, keep) if kept]


def _broken_in(doc, block, key) -> list[str]:
    """The targets (as keys) of the links of `block` malformed-link reports: the parser
    rejected them, or their text has no words (`[.](/x)`, which whole_links leaves out)."""
    if "[" not in doc.text[block.start : block.end] and "]" not in doc.text[block.start : block.end]:
        return []
    rejected = [key(b.target) or b.target for b in doc.broken_links if block.start <= b.start < block.end]
    return rejected + [key(link.target) or link.target for link in block.links() if hollow(doc, link)]


def _moved_within_section(p) -> set[int]:
    """The reference units of sections whose links are the same as a whole on both sides: a
    link that moved to another paragraph of its section (paragraphs reordered or reflowed) is
    still there for the reader."""
    moved = set()
    for pairs in p.units.values():
        ref = Counter(k for r, _ in pairs if r is not None for k in r.links)
        mine = Counter(k for _, t in pairs if t is not None for k in t.links)
        if ref == mine:
            moved.update(id(r) for r, _ in pairs if r is not None)
    return moved
