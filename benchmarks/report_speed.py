"""The translators' report at scale: writing it, its size, and how soon Chromium can use it.

    python benchmarks/report_speed.py [--size 10000 | --articles 10000] [--timeout 120]

On a synthetic corpus of benchmarks/corpus.py (`--size` files in 8 languages, built by
speed.py; or `--articles` articles of two files each, built here): a warm
`check` and a warm `report` (time and peak memory of each), the page's size, then the page
opened in Debian's Chromium (Playwright): when it is usable (the matrix and the first
articles drawn and painted, on the page's own clock, and as the driver sees it), its `load`
event, the last article opened from the matrix, a rule filter, a search typed and cleared.
A step that exceeds --timeout is reported as such.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from corpus import build_articles

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


# injected before the page's own script (the test driver's, not the page's: its CSP is untouched)
WATCH = """
new MutationObserver(function (changes, me) {
  if (document.querySelector('#article-list table.side') && document.querySelector('.matrix-row')) {
    me.disconnect();
    // the frame after the one that drew them: that one has been painted
    requestAnimationFrame(function () { requestAnimationFrame(function () { window.__usable = performance.now(); }); });
  }
}).observe(document, {childList: true, subtree: true});
"""


def in_chromium(page_path: Path, timeout: float) -> dict[str, str]:
    from playwright.sync_api import TimeoutError as Late
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        # the page's own clock (from its navigation's start): when the first article has been
        # drawn (its table is in the document) and the next frame after it has been painted
        page.add_init_script(WATCH)
        start = time.perf_counter()
        try:
            page.goto(page_path.as_uri(), wait_until="commit", timeout=timeout * 1000)
            page.wait_for_function("() => window.__usable", timeout=timeout * 1000, polling=50)
            out["usable: first articles drawn and painted (page clock)"] = f"{page.evaluate('window.__usable') / 1000:.2f} s"
            out["usable, seen by the test driver"] = f"{time.perf_counter() - start:.2f} s"
            page.wait_for_load_state("load", timeout=timeout * 1000)
            out["load event"] = f"{time.perf_counter() - start:.2f} s"
            t = time.perf_counter()
            page.locator("#matrix-scroll").evaluate("s => { s.scrollTop = s.scrollHeight; }")
            page.wait_for_function("() => document.querySelector('#matrix-body tr:last-child.matrix-row')", polling=10)
            page.locator(".matrix-row th a").last.click()
            page.wait_for_function("() => location.hash && document.getElementById(location.hash.slice(1))", polling=10)
            out["last article opened from the matrix"] = f"{time.perf_counter() - t:.2f} s"
            t = time.perf_counter()
            # the rule with the most findings (the summary's largest count)
            rule = page.evaluate("() => { let best = ['', -1]; document.querySelectorAll('#by-rule tr').forEach(r => {"
                                 " const n = +r.cells[1].textContent; if (n > best[1]) best = [r.cells[0].textContent.trim()"
                                 ".split(' ').pop(), n]; }); return best[0]; }")
            page.locator("#filter-rule").select_option(rule, timeout=timeout * 1000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            out["a rule filter applied"] = f"{time.perf_counter() - t:.2f} s"
            out["articles listed / drawn"] = page.locator("#list-note").inner_text()
            t = time.perf_counter()
            page.locator("#search").fill("zzzz")
            page.locator("#search").fill("")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            out["a search typed and cleared"] = f"{time.perf_counter() - t:.2f} s"
        except Late:
            out.setdefault("usable, seen by the test driver", f"not within {timeout:.0f} s")
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--articles", type=int, default=0,
                    help="instead of --size files: this many articles, each in English and one translation")
    args = ap.parse_args()
    if args.articles:
        corpus = WORK / f"articles-{args.articles}"
        if not (corpus / ".built").exists():
            files = build_articles(corpus, args.articles)
            (corpus / "contentlint.toml").write_text('paths = ["."]\npath_patterns = ["{language}/{key}.md"]\n')
            (corpus / ".built").write_text(f"{files} files\n")
        print(f"corpus: {args.articles} articles, {(corpus / '.built').read_text().strip()}")
    else:
        corpus = WORK / f"corpus-{args.size}"
        if not corpus.is_dir():
            sys.exit(f"{corpus} is missing: run benchmarks/speed.py --sizes {args.size} first")
    exe = [sys.executable, "-m", "contentlint"]
    page = WORK / f"report-{args.articles or args.size}{'-articles' if args.articles else ''}.html"
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
