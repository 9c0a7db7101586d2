"""A real multilingual Hugo site with a scripted history, and its translation status.

    python benchmarks/glossary_history.py [TARGET]

Copies ../shared/corpus/cncf-glossary into a new git repository (default
benchmarks/.work/glossary-history) and commits it the way such sites evolve:

1. the English pages alone (the site starts in English);
2. each language's translations, one commit per language, a day apart;
3. then, with a fixed seed, over the following weeks:
   - a sentence added to a paragraph of 12 English pages (substance);
   - 12 other English pages reflowed, or their emphasis restyled (cosmetic);
   - for half of the extended pages, two languages follow: a sentence added to the same
     paragraph of the translation (a sync);
   - 6 translations get a typo fix in another section after the source changed (no sync);
   - one English page is renamed, one deleted.

Prints `contentlint status --format markdown` for the result and the totals.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = HERE.parent.parent / "shared" / "corpus" / "cncf-glossary"


def git(repo: Path, *args: str, when: int | None = None) -> str:
    env = {"GIT_AUTHOR_NAME": "Site", "GIT_AUTHOR_EMAIL": "site@example.com", "GIT_COMMITTER_NAME": "Site",
           "GIT_COMMITTER_EMAIL": "site@example.com", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
           "PATH": "/usr/bin:/bin"}
    if when:
        env |= {"GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def paragraphs(text: str) -> list[int]:
    """Lines that continue prose (end a sentence) outside front matter and fences."""
    lines, out, fence, marks = text.split("\n"), [], False, 0
    for k, line in enumerate(lines):
        if line.strip() == "---" and marks < 2:
            marks += 1
            continue
        fence ^= line.startswith("```")
        if marks >= 2 and not fence and line.rstrip().endswith(".") and line[:1].isalpha():
            out.append(k)
    return out


def edit(path: Path, k: int, suffix: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[k] = lines[k].rstrip() + suffix
    path.write_text("\n".join(lines), encoding="utf-8")


def build(repo: Path, seed: int = 11) -> None:
    shutil.rmtree(repo, ignore_errors=True)
    (repo / "content").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    day, when = 86400, 1_700_000_000
    shutil.copytree(SITE / "content" / "en", repo / "content" / "en")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "English glossary", when=when)
    langs = sorted(p.name for p in (SITE / "content").iterdir() if p.is_dir() and p.name != "en")
    for lang in langs:
        when += day
        shutil.copytree(SITE / "content" / lang, repo / "content" / lang)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"{lang} translations", when=when)
    rng = random.Random(seed)
    english = sorted(p for p in (repo / "content" / "en").glob("*.md") if paragraphs(p.read_text(encoding="utf-8")))
    chosen = rng.sample(english, 26)
    extended, restyled, renamed, deleted = chosen[:12], chosen[12:24], chosen[24], chosen[25]
    for page in extended:
        when += day
        k = paragraphs(page.read_text(encoding="utf-8"))[0]
        edit(page, k, " This has become more common as teams move their workloads to the cloud.")
        git(repo, "commit", "-q", "-am", f"extend {page.stem}", when=when)
    for page in restyled:
        when += day
        text = page.read_text(encoding="utf-8")
        k = paragraphs(text)[0]
        lines = text.split("\n")
        words = lines[k].split(" ")
        lines[k] = " ".join(words[: len(words) // 2]) + "\n" + " ".join(words[len(words) // 2:])
        page.write_text("\n".join(lines), encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"reflow {page.stem}", when=when)
    for page in extended[:6]:  # two languages follow the change in the same paragraph
        for lang in [lang for lang in langs if (repo / "content" / lang / page.name).exists()][:2]:
            when += day
            target = repo / "content" / lang / page.name
            found = paragraphs(target.read_text(encoding="utf-8"))
            if found:
                edit(target, found[0], " (+)")
                git(repo, "commit", "-q", "-am", f"{lang}: sync {page.stem}", when=when)
    for page in extended[6:12]:  # a typo fixed in another section: no sync
        lang = next((lang for lang in langs if (repo / "content" / lang / page.name).exists()), None)
        target = repo / "content" / lang / page.name if lang else None
        found = paragraphs(target.read_text(encoding="utf-8")) if target else []
        if len(found) > 1:  # the last sentence's full stop made an exclamation mark: a typo-sized edit
            when += day
            lines = target.read_text(encoding="utf-8").split("\n")
            lines[found[-1]] = lines[found[-1]].rstrip()[:-1] + "!"
            target.write_text("\n".join(lines), encoding="utf-8")
            git(repo, "commit", "-q", "-am", f"{lang}: typo in {page.stem}", when=when)
    when += day
    git(repo, "mv", f"content/en/{renamed.name}", f"content/en/{renamed.stem}-renamed.md")
    git(repo, "commit", "-q", "-m", f"rename {renamed.stem}", when=when)
    when += day
    git(repo, "rm", "-q", f"content/en/{deleted.name}")
    git(repo, "commit", "-q", "-m", f"delete {deleted.stem}", when=when)


def main() -> None:
    repo = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / ".work" / "glossary-history"
    build(repo)
    out = subprocess.run([sys.executable, "-m", "contentlint", "status", str(repo), "--no-config", "--no-cache",
                          "--format", "markdown"], capture_output=True, text=True).stdout
    print(out)


if __name__ == "__main__":
    main()
