"""End-to-end speed of `contentlint check` at corpus scale, beside two peer Markdown linters.

    python benchmarks/speed.py [--sizes 10000 50000] [--jobs N] [--peers-on 10000]

For each size it builds a corpus from ../shared/corpus (renamed copies of the real
multilingual articles, links and numbers varied per copy, a defect injected in one copy in
ten; `{language}/{key}.md` layout) and times, each in a fresh process: contentlint with one
worker and with `--jobs N`, cold (no cache) and warm (cache from the run before); pre-commit
mode with one changed file in a warm cache; markdownlint-cli2 and pymarkdown on the same
files (installed into benchmarks/.tools when absent). Memory: the peak RSS of the largest
process (getrusage; workers included), and, in a run of its own, the peak sum of
proportional set sizes over contentlint's whole process tree. Prints a Markdown table
and writes it, with the raw figures as JSON, to benchmarks/.work/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import LANGS as LANGUAGES  # noqa: E402
from corpus import build  # noqa: E402

HERE = Path(__file__).resolve().parent
TOOLS, WORK = HERE / ".tools", HERE / ".work"
CONTENTLINT = Path(sys.executable).with_name("contentlint")


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages a forked worker shares with its parent count once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


# Runs the command and writes the largest RSS of it and its descendants (workers included:
# the kernel accounts reaped grandchildren to their ancestors) to $CL_RSS; free to measure.
WRAP = ("import os, resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
        "open(os.environ['CL_RSS'], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
        "sys.exit(rc)")


def measure(cmd: list[str], cwd: Path) -> dict:
    """Wall time and the largest process's peak RSS of one command; output discarded."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as log:
        rss = Path(tmp) / "rss"
        start = time.perf_counter()
        # linters report on stderr: a file, not a pipe, which would fill and block them
        proc = subprocess.run([sys.executable, "-c", WRAP, *cmd], cwd=cwd, stdout=subprocess.DEVNULL, stderr=log,
                              env={**os.environ, "CL_RSS": str(rss)})
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            log.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {log.read().decode()[-2000:]}")
        return {"wall": round(wall, 2), "rss_mb": round(int(rss.read_text()) / 1024)}


def tree_memory(cmd: list[str], cwd: Path) -> int:
    """Peak of the summed proportional set sizes over the process tree (a forked worker's
    pages shared with its parent count once), polled every 0.25 s: a run of its own, since
    reading smaps costs the kernel time that would distort the timings."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(p) for p in _tree(proc.pid)))
        time.sleep(0.25)
    return round(peak / 1024)


def peers() -> dict[str, list[str] | None]:
    """The peer linters' commands, installing them into benchmarks/.tools when absent."""
    found: dict[str, list[str] | None] = {}
    mdl = TOOLS / "node_modules" / ".bin" / "markdownlint-cli2"
    if not mdl.exists() and shutil.which("npm"):
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(TOOLS), "markdownlint-cli2"], check=False)
    found["markdownlint-cli2"] = [str(mdl), "**/*.md"] if mdl.exists() else None
    pym = TOOLS / "pymarkdown" / "bin" / "pymarkdown"
    if not pym.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS / "pymarkdown")], check=False)
        subprocess.run([str(TOOLS / "pymarkdown" / "bin" / "pip"), "install", "--quiet", "pymarkdownlnt"], check=False)
    found["pymarkdown"] = [str(pym), "scan", "-r", "."] if pym.exists() else None
    return found


def corpus(size: int) -> Path:
    target = WORK / f"corpus-{size}"
    stamp = target / ".built"
    if not stamp.exists():
        shutil.rmtree(target, ignore_errors=True)
        build(target, size, flat=False, defects=True)
        (target / "contentlint.toml").write_text('paths = ["."]\npath_patterns = ["{language}/{key}.md"]\n')
        stamp.write_text(str(size))
    return target


def contentlint_runs(root: Path, jobs: int) -> dict:
    cache = root / ".contentlint_cache"
    out = {}
    for workers in sorted({1, jobs}):
        shutil.rmtree(cache, ignore_errors=True)
        cmd = [str(CONTENTLINT), "check", ".", "--jobs", str(workers), "--output", os.devnull]
        out[f"cold, {workers} worker{'s' if workers > 1 else ''}"] = measure(cmd, root)
        out[f"warm, {workers} worker{'s' if workers > 1 else ''}"] = measure(cmd, root)
    with tempfile.TemporaryDirectory() as tmp:  # reports written to real files, outside the corpus
        report = os.path.join(tmp, "report.json")
        cmd = [str(CONTENTLINT), "check", ".", "--jobs", str(jobs), "--format", "json", "--output", report]
        out["warm, JSON report to a file"] = measure(cmd, root)
        page = os.path.join(tmp, "index.html")
        out["report (HTML), warm"] = measure([str(CONTENTLINT), "report", ".", "--jobs", str(jobs), "-o", page], root)
        shutil.rmtree(cache, ignore_errors=True)
        out["report (HTML), cold"] = measure([str(CONTENTLINT), "report", ".", "--jobs", str(jobs), "-o", page], root)
    shutil.rmtree(cache, ignore_errors=True)
    # the same cold run with the languages given: what discovering them costs
    given = ",".join(sorted({lang for _, lang in LANGUAGES.items()}))
    cmd = [str(CONTENTLINT), "check", ".", "--jobs", str(jobs), "--output", os.devnull, "--languages", given]
    out[f"cold, {jobs} worker{'s' if jobs > 1 else ''}, languages given"] = measure(cmd, root)
    shutil.rmtree(cache, ignore_errors=True)
    cmd = [str(CONTENTLINT), "check", ".", "--jobs", str(jobs), "--output", os.devnull]
    out[f"cold, {jobs} worker{'s' if jobs > 1 else ''}"]["tree_mb"] = tree_memory(cmd, root)
    changed = next((root / "English").glob("*.md"))
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + "\nA new sentence ,. with a defect .\n".encode())
        cmd = [str(CONTENTLINT), "check", "--changed", str(changed.relative_to(root)), "--jobs", str(jobs)]
        out["pre-commit, 1 changed file (warm)"] = measure(cmd, root)
    finally:
        changed.write_bytes(original)
    return out


def table(results: dict, jobs: int) -> str:
    rows = ["| files | run | wall (s) | files/s | peak RSS (MB) | all processes (MB) | × markdownlint-cli2 | × pymarkdown |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for size, runs in results.items():
        peers_ = {k: v for k, v in runs.items() if k in ("markdownlint-cli2", "pymarkdown")}
        for name, m in runs.items():
            ratios = [f"{m['wall'] / p['wall']:.2f}" if p and name.startswith("cold") else "" for p in
                      (peers_.get("markdownlint-cli2"), peers_.get("pymarkdown"))]
            rate = f"{size / m['wall']:.0f}" if not name.startswith(("pre-commit", "report")) else ""
            who = name if name in peers_ else f"contentlint {name}"
            tree = m.get("tree_mb", "")
            rows.append(f"| {size} | {who} | {m['wall']:.2f} | {rate} | {m['rss_mb']} | {tree} | {ratios[0]} | {ratios[1]} |")
    return "\n".join(rows) + f"\n\n{os.cpu_count()} CPUs, --jobs {jobs}.\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--peers-on", type=int, nargs="*", default=[10000], help="sizes to run the peer linters on")
    args = ap.parse_args()
    commands = peers() if args.peers_on else {}
    results: dict = {}
    for size in args.sizes:
        root = corpus(size)
        print(f"{size} articles in {root}", file=sys.stderr)
        runs = contentlint_runs(root, args.jobs)
        if size in args.peers_on:
            for name, cmd in commands.items():
                runs[name] = measure(cmd, root) if cmd else None
        results[size] = {k: v for k, v in runs.items() if v is not None}
        print(json.dumps(results[size]), file=sys.stderr)
    text = table(results, args.jobs)
    if len(args.sizes) > 1:
        a, b = args.sizes[0], args.sizes[-1]
        key = f"cold, {args.jobs} workers"
        text += f"{b} files take {results[b][key]['wall'] / results[a][key]['wall']:.2f} × the time of {a} ({key}).\n"
    WORK.mkdir(exist_ok=True)
    (WORK / "results.md").write_text(text)
    (WORK / "results.json").write_text(json.dumps(results, indent=2))
    print(text)


if __name__ == "__main__":
    main()
