"""What contentlint does with each hostile input of tests/test_hostile.py, one run per file.

    python benchmarks/hostile.py

Prints a Markdown table: input, exit code, wall time, and what the run said about the file
(the first findings' rules and messages, or how many findings it had).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_hostile import CASES, _build  # noqa: E402

EXTRA = ["loop-a.md", "dangling.md", "pipe.md", "folder.md", "image.png", ".hidden.md", "sub"]


def main() -> None:
    print("| input | exit | time (s) | what contentlint reports |\n|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _build(folder)
        for name in [*CASES, *EXTRA]:
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "contentlint", "check", str(folder / name), "--format",
                                   "json", "--no-cache", "--no-config", "--jobs", "1"],
                                  capture_output=True, text=True, timeout=600)
            wall = time.perf_counter() - start
            said = proc.stderr.strip().splitlines()[-1] if proc.returncode == 2 else ""
            if proc.returncode != 2:
                found = json.loads(proc.stdout)["findings"]
                mine = [f for f in found if f["rule"] not in ("missing-highlights", "ungrouped-article")]
                rules = sorted({f["rule"] for f in mine})
                said = "; ".join(f"{f['rule']} (line {f['line']}): {f['message'][:90]}" for f in mine[:2])
                if len(mine) > 2:
                    said += f"; … {len(mine)} findings ({', '.join(rules)})"
                said = said or "linted, nothing to report beyond the article checks"
            print(f"| `{name}` | {proc.returncode} | {wall:.1f} | {said.replace('|', '¦')} |", flush=True)


if __name__ == "__main__":
    main()
