"""Extraction speed, memory and date recall, against dateparser as the peer baseline.

    python benchmarks/bench_extract.py --n 10000 [--jobs 1] [--baseline-sample 300] [--seed 0]

Prints articles/s, MB/s and peak RSS of the full extraction (articles + claims + events) on N
synthetic articles with known answers (benchmarks/corpus.py), then the same texts through
`dateparser.search.search_dates(languages=["ar"])`: its speed (on a sample, it is slow), the speed
ratio, and both recalls of the known publication dates.  Timing is measured, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import platform
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (the benchmark's own corpus generator)

from analysis.arabic import normalize  # noqa: E402
from analysis.dates import find_dates  # noqa: E402
from analysis.published import publication_date  # noqa: E402
from analysis.tables import build_tables  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_ours(folder: Path, jobs: int) -> tuple[float, object, float, float]:
    """Wall seconds, the tables, and the CPU seconds of this process and of its worker processes
    (with --jobs > 1 this process reads the files and assembles the tables; the workers clean and extract)."""
    own, workers = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    tables = build_tables([folder], jobs=jobs)
    seconds = time.perf_counter() - start
    return (seconds, tables, cpu_seconds(resource.RUSAGE_SELF) - own,
            cpu_seconds(resource.RUSAGE_CHILDREN) - workers)


def claim_scores(tables, articles) -> tuple[float, float]:
    expected = Counter((a.name, k, v) for a in articles for k, v, _ in a.claims)
    found = Counter(zip(tables.claims["article_id"], tables.claims["kind"], tables.claims["value"].astype(int)))
    matched = sum((expected & found).values())
    return matched / max(1, sum(found.values())), matched / max(1, sum(expected.values()))


def run_our_dates(articles) -> float:
    """Seconds for our date finding alone on the same texts: normalise, find every date expression,
    resolve the publication date (what dateparser's search does, minus the claims and events)."""
    start = time.perf_counter()
    for article in articles:
        view = normalize(article.text).text
        publication_date(view, find_dates(view), None, None)
    return time.perf_counter() - start


def run_dateparser(articles) -> tuple[float, float]:
    from dateparser.search import search_dates

    hits = 0
    start = time.perf_counter()
    for article in articles:
        found = search_dates(article.text, languages=["ar"]) or []
        hits += any(value.date() == article.published for _, value in found)
    return time.perf_counter() - start, hits / len(articles)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--n", type=int, default=10000)
    options.add_argument("--jobs", type=int, default=1)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--baseline-sample", type=int, default=300, help="articles given to dateparser")
    args = options.parse_args()

    articles = corpus.generate(args.n, args.seed)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        corpus.write(articles, folder)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        rss_before = peak_rss_mb()
        gc.collect()
        gc.freeze()  # the generator's own objects are not the extraction's to scan
        seconds, tables, own_cpu, workers_cpu = run_ours(folder, args.jobs)
    published = dict(zip(tables.articles["article_id"], tables.articles["published"]))
    our_recall = sum(published.get(a.name) is not None and str(published[a.name])[:10] == str(a.published)
                     for a in articles) / len(articles)
    precision, recall = claim_scores(tables, articles)

    sample = articles[:args.baseline_sample]
    sample_seconds, dp_recall = run_dateparser(sample)
    ours_rate, dp_rate = len(articles) / seconds, len(sample) / sample_seconds
    dates_rate = len(articles) / run_our_dates(articles)

    print(f"machine: {platform.machine()} {platform.processor() or ''} cores={multiprocessing.cpu_count()} "
          f"python={platform.python_version()}")
    print(f"corpus: {len(articles)} synthetic articles, {size_mb:.1f} MB, seed {args.seed}")
    print(f"analysis (jobs={args.jobs}): {seconds:.2f} s  {ours_rate:,.0f} articles/s  {size_mb / seconds:.2f} MB/s  "
          f"peak RSS {peak_rss_mb():.0f} MB (before extraction {rss_before:.0f} MB)")
    if args.jobs > 1:
        print(f"  CPU per article: {1e3 * own_cpu / len(articles):.2f} ms in the main process (reading files, "
              f"assembling tables), {1e3 * workers_cpu / len(articles):.2f} ms in the {args.jobs} workers")
    print(f"  claims vs known answers: precision {precision:.3f}  recall {recall:.3f}; "
          f"{len(tables.claims)} claims, {len(tables.events)} events")
    print(f"  publication-date recall: {our_recall:.3f}")
    print(f"dateparser.search_dates(languages=['ar']) on {len(sample)} of the same articles: "
          f"{sample_seconds:.2f} s  {dp_rate:,.1f} articles/s  date recall {dp_recall:.3f}")
    print(f"speed ratio, full extraction / dateparser: {ours_rate / dp_rate:,.0f}x")
    print(f"our date finding alone (normalise + find dates + publication date): {dates_rate:,.0f} articles/s; "
          f"ratio to dateparser {dates_rate / dp_rate:,.0f}x")


if __name__ == "__main__":
    main()
