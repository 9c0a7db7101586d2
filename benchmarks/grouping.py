"""Grouping benchmark: infer groups on flat hashed file names and score them against the
true slugs (pairwise precision, recall, F1), language accuracy against the folders, time.

    .venv/bin/python benchmarks/grouping.py [--sizes 283,10000]

Held out: `--extra DIR` (repeatable) scores articles the benchmark's corpus does not hold,
folders `<Language>/<slug>.md` of the same public repository (the held-out sets of
`language_precision.py`), flattened the same way: inference measured away from the corpus its
thresholds were set on.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import LANGS, LANGS_MORE, _h, build  # noqa: E402

from contentlint.config.settings import Config  # noqa: E402
from contentlint.engine.languages import discover  # noqa: E402
from contentlint.groups import grouping  # noqa: E402
from contentlint.language import detection  # noqa: E402
from contentlint.load.document import load  # noqa: E402


def pairs(clusters) -> set:
    out = set()
    for members in clusters:
        out.update(itertools.combinations(sorted(members), 2))
    return out


def flattened(target: Path, folders: list[Path]) -> dict[str, tuple[str, str]]:
    """The held-out folders' articles as flat hashed files: path -> (true group, true language)."""
    codes, truth = {**LANGS, **LANGS_MORE}, {}
    for folder in folders:
        for path in sorted(folder.glob("*/*.md")):
            lang = codes[path.parent.name]
            flat = target / f"{len(truth):06d}_{_h(path.stem, lang)}.md"
            flat.write_bytes(path.read_bytes())
            truth[str(flat)] = (path.stem, lang)
    return truth


def measure(size: int | None, languages: int = 8, extra: list[Path] | None = None) -> dict:
    """With no configuration, as a user runs it: discovery finds the languages, detection
    chooses among them, grouping infers the articles."""
    with tempfile.TemporaryDirectory() as tmp:
        truth = flattened(Path(tmp), extra) if extra else build(Path(tmp), size, languages=languages)
        t0 = time.perf_counter()
        files = sorted(truth)
        docs = [load(p) for p in files]
        t1 = time.perf_counter()
        config = Config()
        config.discovered = discover(files, config).languages
        detection.assign(docs, detection.languages_of_run(config))
        t2 = time.perf_counter()
        corpus = grouping.build(docs)
        t3 = time.perf_counter()
    true_clusters = defaultdict(list)
    for path, (group, _) in truth.items():
        true_clusters[group].append(path)
    got = pairs([m.doc.path for m in g.members] for g in corpus.groups)
    want = pairs(true_clusters.values())
    tp = len(got & want)
    precision = tp / len(got) if got else 0.0
    recall = tp / len(want) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lang_ok = sum(d.language == truth[d.path][1] for d in docs)
    cert = {"aiaf", "aic", "amim", "associate-fidelity-and-surety-bonding-afsb", "associate-in-underwriting",
            "associate-insurance-services-ais", "associate-personal-insurance-api", "associate-reinsurance-are",
            "associate-risk-management", "cfp", "chartered-property-casualty-underwriter-cpcu", "clu"}
    in_cert = lambda pair: truth[pair[0]][0].split("@")[0] in cert  # noqa: E731
    cert_got, cert_want = {p for p in got if in_cert(p)}, {p for p in want if in_cert(p)}
    cert_tp = len(cert_got & cert_want)
    return {
        "articles": len(docs), "groups": len(corpus.groups), "ungrouped": len(corpus.ungrouped),
        "precision": precision, "recall": recall, "f1": f1,
        "cert_precision": cert_tp / len(cert_got) if cert_got else 0.0,
        "cert_recall": cert_tp / len(cert_want) if cert_want else 0.0,
        "language_accuracy": lang_ok / len(docs),
        "load_s": t1 - t0, "detect_s": t2 - t1, "group_s": t3 - t2,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="283,10000")
    ap.add_argument("--languages", type=int, choices=(8, 19), default=8,
                    help="8: investorswiki; 19: with investorswiki-more (Dutch/ holds Danish)")
    ap.add_argument("--extra", action="append", type=Path, help="held-out folders <Language>/<slug>.md, scored instead")
    args = ap.parse_args()
    print("| languages | articles | pairwise P | R | F1 | certification family P / R | language accuracy | "
          "load s | detect s | group s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in ["held out"] if args.extra else args.sizes.split(","):
        r = measure(None if args.extra else int(size), args.languages, args.extra)
        print(f"| {'held out' if args.extra else args.languages} | {r['articles']} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | "
              f"{r['cert_precision']:.4f} / {r['cert_recall']:.4f} | {r['language_accuracy']:.4f} | "
              f"{r['load_s']:.1f} | {r['detect_s']:.1f} | {r['group_s']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
