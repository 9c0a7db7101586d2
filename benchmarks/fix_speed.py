"""How `--fix` scales with the number of edits in one article.

    python benchmarks/fix_speed.py [--headings 30000]

Builds one article of N `##xK` headings (each a heading missing its space: N safe fixes in
one file), then times, best of three: the fixer alone (choosing the N non-overlapping fixes
and applying them to the text), one whole fix loop (lint, apply, parse the fixed text, lint
it again), and the whole command line `contentlint check --fix --no-cache` in a fresh
process. The fixer was quadratic in the number of edits before (67 s for 30,000).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def article(n: int) -> str:
    return "---\ntitle: x\ndescription: y\nkeywords: z\n---\n\n" + "".join(f"##x{k}\n\ntext\n\n" for k in range(n))


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--headings", type=int, default=30000)
    n = ap.parse_args().headings

    from contentlint.config.settings import Config
    from contentlint.engine import fixer
    from contentlint.engine.pipeline import Pipeline
    from contentlint.load import document, suppressions
    from contentlint.rules import catalogue

    pipeline = Pipeline(Config(), catalogue.load())
    doc = document.from_text("a.md", article(n))
    doc.language = "en"

    def lint(d):
        return pipeline.suppress(pipeline.document(d), suppressions.parse(d))

    fixes = [f.fix for f in lint(doc) if f.fix and f.fix.safe]
    chosen = fixer.choose(fixes)
    assert len(chosen) >= n, len(chosen)
    alone = best(lambda: fixer.apply_edits(doc.text, [e for fix in fixer.choose(fixes) for e in fix.edits]))
    loop = best(lambda: fixer.fix_document(doc, lint), runs=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"

        def command():
            path.write_text(article(n), encoding="utf-8")
            subprocess.run([sys.executable, "-m", "contentlint", "check", "--fix", "--no-cache", "--no-config",
                            str(path)], capture_output=True, check=False)

        whole = best(command, runs=1)
        assert "##x" not in path.read_text(encoding="utf-8")
    print(f"| edits | fixer (choose + apply) | fix loop (lint, apply, parse, lint) | check --fix, whole command |")
    print(f"|---:|---:|---:|---:|")
    print(f"| {len(chosen)} | {alone:.3f} s | {loop:.2f} s | {whole:.2f} s |")


if __name__ == "__main__":
    main()
