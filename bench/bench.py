"""Throughput and memory of the whole pipeline against bare spaCy, on one machine, in one run.

Builds N distinct synthetic articles (paragraphs of the gold articles, numbers and dates
perturbed, seeded), then times `aidextract run` and a bare `nlp.pipe` over the same texts, each
as a fresh process tree, model load included. "Steady" rates leave the fixed cost out: they
come from the difference between the N-article run and a 1-article run.

    .venv/bin/python bench/bench.py --articles 1000 --jobs 2
    .venv/bin/python bench/bench.py --sizes 1000,10000    # is memory flat in corpus size?
    .venv/bin/python bench/bench.py --consolidate 100000  # aid_events over 100k articles' rows
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aidextract.nlp import BASE_MODEL

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"
CLI = Path(sys.executable).with_name("aidextract")
TARGET_RATIO = 0.7
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
NUMBER = re.compile(r"\d+")
MONTHS = "January February March April May June July August September October November December"
MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS.split())})\b")
# The yardstick: the base model alone over the same files, streamed (no docs kept).
BARE = """import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[1])
texts = [path.read_text("utf-8") for path in sorted(Path(sys.argv[2]).glob("*.txt"))]
for _doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=32):
    pass
"""


def perturb(text: str, rng: random.Random) -> str:
    """Change every number and month name, keeping years, days and amounts plausible."""

    def number(match: re.Match) -> str:
        digits = match[0]
        if len(digits) == 4 and 1990 <= int(digits) <= 2030:
            return str(rng.randint(2014, 2025))
        if len(digits) <= 2 and int(digits) <= 31:
            return str(rng.randint(1, 28))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return MONTH.sub(lambda _: rng.choice(MONTHS.split()), NUMBER.sub(number, text))


def build_corpus(n: int, folder: Path, seed: int = 0) -> list[str]:
    """Write N distinct articles (a headline + 3 paragraphs from each of 3 gold articles)."""
    bodies = [FRONT_MATTER.sub("", path.read_text("utf-8")) for path in sorted(GOLD.glob("*.txt"))]
    sources = [[p.strip() for p in body.split("\n\n") if p.strip()] for body in bodies]
    rng, texts, seen = random.Random(seed), [], set()
    while len(texts) < n:
        picked = rng.sample(sources, 3)
        body = [p for source in picked for p in rng.sample(source[1:], min(3, len(source) - 1))]
        text = perturb("\n\n".join([picked[0][0], *body]), rng) + "\n"
        if text not in seen:
            seen.add(text)
            texts.append(text)
    folder.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(texts):
        (folder / f"article-{index:05d}.txt").write_text(text, "utf-8")
    return texts


def tree_pss_kb(pid: int) -> int:
    """PSS of a process and its live descendants: memory shared after fork counts once."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        own = int(next(line for line in rollup.splitlines() if line.startswith("Pss:")).split()[1])
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (OSError, StopIteration):  # the process ended while we looked
        return 0
    return own + sum(tree_pss_kb(int(child)) for child in children)


def measure(cmd: list[str]) -> dict:
    """Wall seconds and peak memory of one command, run as a fresh process tree.

    `max_rss_mb` is the largest single process (wait4's rusage folds in reaped workers);
    `tree_pss_mb` is the whole tree's PSS, sampled every 0.1 s.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_pss_kb(proc.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"failed with exit code {proc.returncode}: {' '.join(cmd)}")
    return {"seconds": seconds, "max_rss_mb": usage.ru_maxrss / 1024, "tree_pss_mb": peak[0] / 1024}


def pipeline_cmd(corpus: Path, jobs: int) -> list[str]:
    out = corpus.with_name(corpus.name + "-out")
    return [str(CLI), "run", str(corpus), "--out", str(out), "--jobs", str(jobs), "--quiet"]


def bare_cmd(corpus: Path, jobs: int) -> list[str]:
    return [sys.executable, "-c", BARE, BASE_MODEL, str(corpus), str(jobs)]


def timed(name: str, cmd_of, corpus: Path, one: Path, texts: list[str], jobs: int) -> dict:
    """Figures of one contender: the N-article run, plus a 1-article run for the steady rate."""
    print(f"{name}: {len(texts)} articles, {jobs} jobs ...", file=sys.stderr)
    result, startup = measure(cmd_of(corpus, jobs)), measure(cmd_of(one, jobs))
    words = sum(len(text.split()) for text in texts)
    steady = max(result["seconds"] - startup["seconds"], 1e-9)
    return {
        "run": name,
        "articles": len(texts),
        "words": words,
        **result,
        "startup_s": startup["seconds"],
        "articles_s": len(texts) / result["seconds"],
        "words_s": words / result["seconds"],
        "steady_art_s": (len(texts) - 1) / steady,
    }


COLUMNS = ["run", "articles", "words", "seconds", "startup_s", "articles_s", "words_s"]
COLUMNS += ["steady_art_s", "max_rss_mb", "tree_pss_mb"]


def print_table(rows: list[dict]) -> None:
    keys = [key for key in COLUMNS if key in rows[0]]
    print(" ".join(f"{key:>12}" for key in keys))
    for row in rows:
        cells = (f"{row[k]:.1f}" if isinstance(row[k], float) else str(row[k]) for k in keys)
        print(" ".join(f"{cell:>12}" for cell in cells))


def compare(n: int, jobs: int, folder: Path, as_json: bool) -> None:
    texts = build_corpus(n, folder / "corpus")
    build_corpus(1, folder / "one")
    runs = [
        timed(name, cmd, folder / "corpus", folder / "one", texts, jobs)
        for name, cmd in (("pipeline", pipeline_cmd), ("bare_spacy", bare_cmd))
    ]
    ratio = runs[0]["articles_s"] / runs[1]["articles_s"]
    steady = runs[0]["steady_art_s"] / runs[1]["steady_art_s"]
    report = {"jobs": jobs, "cpus": os.cpu_count(), "runs": runs, "ratio": ratio}
    report |= {"steady_ratio": steady, "target_ratio": TARGET_RATIO}
    if as_json:
        print(json.dumps(report, indent=1))
        return
    print_table(runs)
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    print(f"pipeline/bare throughput: {ratio:.2f} whole process, {steady:.2f} steady")
    print(f"({verdict} the target {TARGET_RATIO}; jobs={jobs}, cpus={os.cpu_count()})")


def sizes(counts: list[int], jobs: int, folder: Path, as_json: bool) -> None:
    """The pipeline alone at several corpus sizes: peak memory should not grow with N."""
    rows = []
    for n in counts:
        build_corpus(n, folder / f"corpus-{n}")
        print(f"pipeline: {n} articles, {jobs} jobs ...", file=sys.stderr)
        result = measure(pipeline_cmd(folder / f"corpus-{n}", jobs))
        rows.append({"articles": n, **result, "articles_s": n / result["seconds"]})
    if as_json:
        print(json.dumps({"jobs": jobs, "runs": rows}, indent=1))
    else:
        print_table(rows)


def synthetic_mentions(n_articles: int, seed: int = 0):
    """aid_packages and articles rows for `n_articles`: packages of ~40 donors, reported by
    1-6 articles each (popular ones more), figures sometimes rounded, dates at day or month
    precision or none, and running totals among them."""
    import pandas as pd

    rng = random.Random(seed)
    donors = ["USA"] * 8 + ["DEU"] * 4 + ["GBR"] * 3 + [f"C{i:02d}" for i in range(37)]
    figures = [1e8, 1.5e8, 2e8, 2.5e8, 3e8, 4.25e8, 5e8, 7.25e8, 1e9, 1.2e9, 1.22e9, 2.5e9, 6.1e10]
    start = time.mktime((2022, 2, 24, 0, 0, 0, 0, 0, -1))
    by_article: list[list[tuple]] = [[] for _ in range(n_articles)]
    for _ in range(n_articles * 2 // 5):  # ~2 mentions per article in all
        donor, amount = rng.choice(donors), rng.choice(figures) * rng.choice([1, 1, 1.1, 1.37])
        when = time.strftime("%Y-%m-%d", time.gmtime(start + rng.randrange(1100) * 86400))
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4, 6])):
            by_article[rng.randrange(n_articles)].append((donor, amount, when))
    rows, articles = [], []
    for a, mentions in enumerate(by_article):
        for k, (donor, amount, when) in enumerate(mentions):
            stated = float(f"{amount:.2g}") if rng.random() < 0.3 else amount
            rows.append(
                {
                    "article_id": f"a{a}",
                    "donor": donor,
                    "recipient": "UKR",
                    "amount": stated,
                    "currency": "USD",
                    "amount_usd": stated,
                    "qualifier": "exact",
                    "kind": "military",
                    "cumulative": rng.random() < 0.15,
                    "announced": rng.choice([when, when, when, when[:7], None]),
                    "items": [],
                    "evidence": "...",
                    "start_char": k * 100,
                    "confidence": 0.8,
                }
            )
        published = max((m[2] for m in mentions), default=None)
        articles.append(
            {
                "article_id": f"a{a}",
                "published": published,
                "outlet": f"o{a % 300}",
                "content_sha256": f"{a:064x}",
            }
        )
    return pd.DataFrame(rows), pd.DataFrame(articles)


def consolidation(n_articles: int, as_json: bool) -> None:
    """Time `events.consolidate` over the aid rows of `n_articles` synthetic articles."""
    import resource

    from aidextract.events import consolidate

    packages, articles = synthetic_mentions(n_articles)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    events, _ = consolidate(packages, articles)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {
        "articles": n_articles,
        "mentions": len(packages),
        "events": len(events),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "rss_growth_mb": round((peak_mb * 1024 - before) / 1024),
    }
    if as_json:
        print(json.dumps(report, indent=1))
    else:
        print(" ".join(f"{k}={v}" for k, v in report.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="corpus size (default 200)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="processes (all cores)")
    parser.add_argument("--sizes", help="pipeline alone at these sizes, e.g. 1000,10000 (slow)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--consolidate", type=int, help="time the aid_events consolidation for N articles' rows"
    )
    args = parser.parse_args()
    if args.consolidate:
        consolidation(args.consolidate, args.json)
        return
    with tempfile.TemporaryDirectory(prefix="aidextract-bench-") as tmp:
        if args.sizes:
            sizes([int(n) for n in args.sizes.split(",")], args.jobs, Path(tmp), args.json)
        else:
            compare(args.articles, args.jobs, Path(tmp), args.json)


if __name__ == "__main__":
    main()
