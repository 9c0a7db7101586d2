"""Speed of the history stage on a synthetic repository shaped like a translated docs site.

    python benchmarks/history.py [--articles 10000] [--commits 20000]

Builds (once, with `git fast-import`) a Hugo tree of real articles (../shared/corpus, four
languages, copies renamed) and a history of single-file commits drawn with a fixed seed:
source edits of substance (a sentence added to a paragraph), cosmetic source edits (a
paragraph reflowed), translation syncs (the translation edited in the section the source
changed) and typo fixes elsewhere in a translation. Then measures `contentlint status` cold
and warm, a cold `check` with and without the history rules, side by side (wall clock and the
CPU of all its processes, the pair's order alternating by round), and pre-commit's run of one
changed file after them.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import articles  # noqa: E402

LANGS = ("en", "ja", "fi", "ar")
WORK = HERE / ".work"


def _paragraphs(text: str) -> list[int]:
    """Lines of plain paragraphs (not headings, items, tables, fences or front matter)."""
    lines, out, fence, body = text.split("\n"), [], False, False
    for k, line in enumerate(lines):
        if line.strip() == "---" and not body:
            body = k > 0
            continue
        fence ^= line.startswith("```")
        if body and not fence and line.strip() and not line.lstrip().startswith(("#", "-", "*", "|", ">", "`", "<")) \
                and not line[:1].isdigit():
            out.append(k)
    return out


def _distinct(text: str, g: int) -> str:
    """A copy of an article made its own file: every paragraph names its copy, so no two
    articles share a version (as no two pages of a real site do) and nothing read for one
    serves another."""
    lines = text.split("\n")
    for k in _paragraphs(text):
        lines[k] += f" [{g}]"
    return "\n".join(lines)


def build(target: Path, size: int, commits: int, seed: int = 7) -> None:
    texts: dict[str, dict[str, str]] = {}
    for code, slug, text in articles():
        if code in LANGS:
            texts.setdefault(slug, {})[code] = text
    bases = [s for s in sorted(texts) if all(c in texts[s] for c in LANGS) and _paragraphs(texts[s]["en"])]
    groups = size // len(LANGS)
    files = {f"content/{c}/{bases[g % len(bases)]}-{g}.md": _distinct(texts[bases[g % len(bases)]][c], g)
             for g in range(groups) for c in LANGS}
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=target, check=True)
    rng, when = random.Random(seed), 1_600_000_000
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=target, stdin=subprocess.PIPE)
    out = proc.stdin

    def commit(changed: dict[str, str], message: str) -> None:
        nonlocal when
        when += 600
        out.write(f"commit refs/heads/main\ncommitter Bench <bench@example.com> {when} +0000\n".encode())
        msg = message.encode()
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        for path, text in changed.items():
            data = text.encode("utf-8")
            out.write(f"M 100644 inline {path}\n".encode() + b"data %d\n" % len(data) + data + b"\n")

    commit(files, "import")
    for n in range(1, commits):
        g, roll = rng.randrange(groups), rng.random()
        base = bases[g % len(bases)]
        en, other = f"content/en/{base}-{g}.md", f"content/{rng.choice(LANGS[1:])}/{base}-{g}.md"
        path, edit = (en, "source") if roll < 0.6 else (other, "translation")
        lines = files[path].split("\n")
        paras = _paragraphs(files[path]) or [len(lines) - 1]
        k = paras[0] if edit == "translation" and roll < 0.85 else rng.choice(paras)
        if roll < 0.4:  # a sentence added: substance
            lines[k] += f" It was revised in update {n}."
        elif roll < 0.6:  # reflowed: cosmetic
            words = lines[k].split(" ")
            lines[k] = " ".join(words[: len(words) // 2]) + "\n" + " ".join(words[len(words) // 2:])
        else:  # a translation sync (its first paragraph) or a typo fixed elsewhere
            lines[k] += f" ({n})"
        files[path] = "\n".join(lines)
        commit({path: files[path]}, f"{edit} edit {n}")
    out.close()
    proc.wait()
    subprocess.run(["git", "checkout", "-q", "main"], cwd=target, check=True)


# Python as installed for a user keeps its compiled modules (a sandbox may switch that off)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


CPU: dict[str, list[float]] = {}  # label -> CPU seconds of each run (its processes, git's included)


def measure(cmd: list[str], cwd: Path, label: str = "") -> float:
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    target = WORK / f"history-{args.articles}-{args.commits}-distinct"
    if not (target / ".built").exists():
        t = time.perf_counter()
        build(target, args.articles, args.commits)
        (target / ".built").write_text("")
        print(f"built {target} in {time.perf_counter() - t:.1f} s")
    exe = [sys.executable, "-m", "contentlint"]
    cache = target / ".contentlint_cache"
    rows = []
    for r in range(args.rounds):
        shutil.rmtree(cache, ignore_errors=True)
        rows.append(("status, cold", measure([*exe, "status", ".", "--no-config", "--format", "json"], target)))
        rows.append(("status, warm", measure([*exe, "status", ".", "--no-config", "--format", "json"], target)))
        # the pair's order alternates: this machine drifts within minutes, and a fixed order
        # would charge the drift to whichever ran second
        pair = [("check cold, without history", ["--ignore", "CL519,CL520"]), ("check cold, with history", [])]
        for label, extra in pair if r % 2 == 0 else pair[::-1]:
            shutil.rmtree(cache, ignore_errors=True)
            rows.append((label, measure([*exe, "check", ".", "--no-config", "--jobs", str(args.jobs),
                                         "--output", os.devnull, *extra], target, label)))
    # pre-commit: one file edited after a run (the lint cache and the log kept by HEAD); the
    # run before it must be one with the history rules, whose cache the hook's run would use
    if rows[-1][0] != "check cold, with history":
        measure([*exe, "check", ".", "--no-config", "--jobs", str(args.jobs), "--output", os.devnull], target)
    changed = target / "content" / "ja" / sorted(os.listdir(target / "content" / "ja"))[0]
    original = changed.read_bytes()
    try:
        for k in range(args.rounds):
            changed.write_bytes(original + f"\nA sentence added {k}.\n".encode())
            rows.append(("pre-commit, 1 changed file", measure([*exe, "check", "--no-config", "--changed",
                                                              str(changed.relative_to(target))], target)))
    finally:
        changed.write_bytes(original)
    for label in dict.fromkeys(r[0] for r in rows):
        values = sorted(v for name, v in rows if name == label)
        print(f"{label:32s} " + "  ".join(f"{v:7.2f}" for v in values) + " s")
    # each round's two checks ran one after the other: their ratio is the overhead that
    # round, whatever the machine's speed was then (it moves by a fifth over an hour here)
    without = [v for name, v in rows if name == "check cold, without history"]
    with_ = [v for name, v in rows if name == "check cold, with history"]
    ratios = [b / a for a, b in zip(without, with_)]
    if ratios:
        print("check without / with, by round   " + "  ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(without, with_)))
        print("overhead by round                " + "  ".join(f"{r - 1:+.1%}" for r in ratios)
              + f"  (median {statistics.median(ratios) - 1:+.1%})")
        cpu = [b / a for a, b in zip(CPU["check cold, without history"], CPU["check cold, with history"])]
        print("CPU s without / with, by round   " + "  ".join(
            f"{a:.1f}/{b:.1f}" for a, b in zip(CPU["check cold, without history"], CPU["check cold, with history"])))
        print("CPU overhead by round            " + "  ".join(f"{r - 1:+.1%}" for r in cpu)
              + f"  (median {statistics.median(cpu) - 1:+.1%})")


if __name__ == "__main__":
    main()
