"""The translators' report at scale: writing it, its size, and how soon Chromium can use it.

    python benchmarks/report_speed.py [--size 10000] [--timeout 120]

On the synthetic corpus of benchmarks/corpus.py (built by speed.py if missing): a warm
`check` and a warm `report` (time and peak memory of each), the page's size, then the page
opened in Debian's Chromium (Playwright): time to DOMContentLoaded, to `load`, and for a rule
filter to apply. A step that exceeds --timeout is reported as such.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


# a process of its own per command: its children's peak is that command's alone
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a command run to its end."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *cmd], cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, int(done.stdout.strip() or 0) / 1024


def in_chromium(page_path: Path, timeout: float) -> dict[str, str]:
    from playwright.sync_api import TimeoutError as Late
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        try:
            page.goto(page_path.as_uri(), wait_until="domcontentloaded", timeout=timeout * 1000)
            out["DOMContentLoaded"] = f"{time.perf_counter() - start:.1f} s"
            page.wait_for_load_state("load", timeout=timeout * 1000)
            out["load"] = f"{time.perf_counter() - start:.1f} s"
            t = time.perf_counter()
            page.locator("#filter-rule").select_option(index=1, timeout=timeout * 1000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            out["a rule filter applied"] = f"{time.perf_counter() - t:.1f} s"
        except Late:
            out.setdefault("DOMContentLoaded", f"not within {timeout:.0f} s")
            out.setdefault("load", "not reached")
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    corpus = WORK / f"corpus-{args.size}"
    if not corpus.is_dir():
        sys.exit(f"{corpus} is missing: run benchmarks/speed.py --sizes {args.size} first")
    exe = [sys.executable, "-m", "contentlint"]
    page = WORK / f"report-{args.size}.html"
    timed([*exe, "check", ".", "--output", os.devnull], corpus)  # warm the cache
    check = timed([*exe, "check", ".", "--output", os.devnull], corpus)
    report = timed([*exe, "report", ".", "-o", str(page)], corpus)
    print(f"check, warm            {check[0]:7.1f} s  {check[1]:6.0f} MB")
    print(f"report, warm           {report[0]:7.1f} s  {report[1]:6.0f} MB  (+{report[1] - check[1]:.0f} MB)")
    print(f"page                   {page.stat().st_size / 1e6:7.1f} MB")
    for step, value in in_chromium(page, args.timeout).items():
        print(f"Chromium: {step:22s} {value}")


if __name__ == "__main__":
    main()
