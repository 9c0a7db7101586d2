"""Findings per rule and language on ../shared/corpus, and the precision of each document rule
judged by hand on a sample.

    python benchmarks/precision.py sample   # writes benchmarks/precision.tsv: 20 findings per
                                            # document rule, with their line, to judge
    python benchmarks/precision.py table    # counts per rule and language, and the precision
                                            # of the judged sample (column `ok`: y or n)
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus" / "investorswiki"
JUDGED = HERE / "precision.tsv"
SAMPLE = 20


def findings() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folders = [str(p) for p in sorted(SHARED.iterdir()) if p.is_dir()]  # not its README
        cmd = [sys.executable, "-m", "contentlint", "check", *folders, "--format", "json", "--no-cache",
               "--no-config", "--path-pattern", "{language}/{key}.md"]
        return json.loads(subprocess.run(cmd, capture_output=True, text=True, cwd=tmp).stdout)["findings"]


def sample() -> None:
    found = findings()
    from contentlint.rules import catalogue
    from contentlint.rules.base import Scope

    document = {r.name for r in catalogue.load() if r.scope is Scope.DOCUMENT}
    rows = []
    for rule in sorted({f["rule"] for f in found} & document):
        mine = [f for f in found if f["rule"] == rule]
        for f in random.Random(rule).sample(mine, min(SAMPLE, len(mine))):
            path = Path(f["path"])
            line = path.read_text(encoding="utf-8").splitlines()[f["line"] - 1] if f["line"] else ""
            rows.append({"rule": rule, "file": f"{path.parent.name}/{path.name}", "line": f["line"],
                         "message": f["message"], "text": line[max(0, f["column"] - 60): f["column"] + 60], "ok": ""})
    with open(JUDGED, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} findings to judge into {JUDGED}")


def table() -> None:
    found = findings()
    languages = sorted({Path(f["path"]).parent.name for f in found})
    counts = Counter((f["rule"], Path(f["path"]).parent.name) for f in found)
    judged: dict[str, list[str]] = {}
    if JUDGED.exists():
        with open(JUDGED, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                judged.setdefault(row["rule"], []).append(row["ok"])
    print("| rule | " + " | ".join(languages) + " | all | judged | precision |")
    print("|---|" + "---:|" * (len(languages) + 3))
    for rule in sorted({r for r, _ in counts}):
        cells = [str(counts[(rule, lang)] or "") for lang in languages]
        verdicts = judged.get(rule, [])
        ok = sum(v == "y" for v in verdicts)
        precision = f"{ok / len(verdicts):.2f}" if verdicts else ""
        total = sum(counts[(rule, lang)] for lang in languages)
        print(f"| {rule} | " + " | ".join(cells) + f" | {total} | {len(verdicts) or ''} | {precision} |")


if __name__ == "__main__":
    {"sample": sample, "table": table}[sys.argv[1] if len(sys.argv) > 1 else "table"]()
