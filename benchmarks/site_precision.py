"""Precision of every rule on a documentation site the rules were never tuned on, judged by hand.

    python benchmarks/site_precision.py sample --root DIR --judged FILE [--per-rule 8] [--all RULE ...]
    python benchmarks/site_precision.py table --root DIR --judged FILE

`DIR` is a site's tree with its `content/<language>/…` folders (e.g. pages of a public
multilingual Hugo site copied unmodified: `kubernetes-website.tsv` lists each file's path and
commit). The tree is linted with no configuration at all, as a new user would; `sample`
takes up to `--per-rule` findings of each rule, round-robin over the languages (fixed seed),
with the line and the source's line beside it, into a TSV whose `ok` column a reviewer who
did not write the rules fills (`y`: an editor of that language would act on it). A finding
judged in an earlier sample keeps its verdict. `--all RULE` (repeatable) takes every finding
of that rule instead. `table` prints counts and precision per rule.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from language_precision import FIELDS, _judged, _line, round_robin  # noqa: E402  the same sampling


def findings(root: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "contentlint", "check", str(root), "--format", "json", "--no-cache", "--no-config"]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, cwd=root).stdout)["findings"]


def language(root: Path, path: Path) -> str:
    """The folder after `content/` (the site's language tag), else the first folder."""
    parts = path.relative_to(root).parts
    return parts[parts.index("content") + 1] if "content" in parts[:-1] else parts[0]


def _picked(found: list[dict], root: Path, rule: str, per_rule: int) -> list[dict]:
    picked, _ = round_robin([f for f in found if f["rule"] == rule], rule,
                            lambda f: language(root, Path(f["path"])), per_rule)
    return picked[:per_rule]


def sample(root: Path, out: Path, per_rule: int, every: tuple[str, ...] = ()) -> None:
    root = root.resolve()
    judged, found = _judged(out), findings(root)
    rows = []
    for rule in sorted({f["rule"] for f in found}):
        for f in _picked(found, root, rule, len(found) if rule in every else per_rule):
            path = Path(f["path"]).resolve()
            related = (f.get("related") or [{}])[0]
            source = ""
            if related.get("path"):
                rp = Path(related["path"]).resolve()
                source = f"{rp.relative_to(root)}:{related['line']}: {_line(rp, related['line'])}"
            row = {"rule": rule, "language": language(root, path), "file": str(path.relative_to(root)),
                   "line": f["line"], "message": f["message"], "text": _line(path, f["line"], f["column"]),
                   "source": source}
            row["ok"], row["note"] = judged.get((rule, row["file"], str(row["line"]), row["message"]), ("", ""))
            rows.append(row)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(found)} findings; wrote {len(rows)} to judge into {out}")


def table(root: Path, judged_file: Path) -> None:
    root = root.resolve()
    counts = Counter(f["rule"] for f in findings(root))
    verdicts: dict[str, list[str]] = defaultdict(list)
    with open(judged_file, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["ok"] in ("y", "n"):
                verdicts[row["rule"]].append(row["ok"])
    print("| rule | findings | judged | true | precision |")
    print("|---|---:|---:|---:|---:|")
    for rule in sorted(counts):
        v = verdicts.get(rule, [])
        true = sum(x == "y" for x in v)
        print(f"| {rule} | {counts[rule]} | {len(v)} | {true} | {true / len(v):.2f} |" if v else
              f"| {rule} | {counts[rule]} | 0 | | |")
    every = [x for v in verdicts.values() for x in v]
    if every:
        print(f"| all judged | {sum(counts.values())} | {len(every)} | {every.count('y')} | "
              f"{every.count('y') / len(every):.2f} |")


if __name__ == "__main__":
    args = sys.argv[1:]
    option = lambda name, default=None: args[args.index(name) + 1] if name in args else default  # noqa: E731
    command = args[0] if args and not args[0].startswith("-") else "table"
    if command == "sample":
        every = tuple(args[k + 1] for k, a in enumerate(args) if a == "--all")
        sample(Path(option("--root")), Path(option("--judged")), int(option("--per-rule", "8")), every)
    else:
        table(Path(option("--root")), Path(option("--judged")))
