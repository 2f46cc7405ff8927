"""Where one article's time goes: each stage of the pipeline timed alone, per article.

    python benchmarks/bench_stages.py --n 2000 [--repeat 3] [--seed 0]

Writes N synthetic articles (benchmarks/corpus.py), then times, one stage at a time over all of
them (CPU time, best of --repeat passes): reading and cleaning the files, normalising, finding
dates, splitting sentences, the publication date, claims, events, and assembling the tables.  For
each stage it prints the ms per article, its share, and the articles/s the whole pipeline would
reach if that stage cost nothing: the budget any speed target has to fit in.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (the benchmark's own corpus generator)

from analysis.arabic import normalize  # noqa: E402
from analysis.claims import extract_claims  # noqa: E402
from analysis.corpus import Document, iter_documents  # noqa: E402
from analysis.dates import find_dates  # noqa: E402
from analysis.events import extract_events  # noqa: E402
from analysis.extract import extract_document  # noqa: E402
from analysis.published import publication_date  # noqa: E402
from analysis.tables import assemble  # noqa: E402
from analysis.text import split_sentences  # noqa: E402


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    """Least CPU time of `repeat` calls (the other runs were slowed by something else)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--n", type=int, default=2000)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--seed", type=int, default=0)
    args = options.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        corpus.write(corpus.generate(args.n, args.seed), folder)
        seconds = {"read + clean": best_seconds(lambda: list(iter_documents([folder])), args.repeat)}
        documents = [d for d in iter_documents([folder]) if isinstance(d, Document)]

    def dates_of_all() -> list:
        return [find_dates(view) for view in views]

    def sentences_of_all() -> list:
        return [split_sentences(view) for view in views]

    def publication_dates() -> list:
        return [publication_date(view, found, d.published, d.header_date, url=d.url)
                for view, found, d in zip(views, mentions, documents)]

    views = [normalize(d.text).text for d in documents]
    mentions, sentences = dates_of_all(), sentences_of_all()
    inputs = list(zip(views, sentences, mentions, publication_dates()))
    rows = [extract_document(d) for d in documents]
    seconds |= {
        "normalise": best_seconds(lambda: [normalize(d.text) for d in documents], args.repeat),
        "dates": best_seconds(dates_of_all, args.repeat),
        "sentences": best_seconds(sentences_of_all, args.repeat),
        "publication date": best_seconds(publication_dates, args.repeat),
        "claims": best_seconds(lambda: [extract_claims(*one) for one in inputs], args.repeat),
        "events": best_seconds(lambda: [extract_events(*one) for one in inputs], args.repeat),
        "assemble tables": best_seconds(lambda: assemble(rows), args.repeat),
    }
    whole = best_seconds(lambda: [extract_document(d) for d in documents], args.repeat)

    n = len(documents)
    total = sum(seconds.values())
    print(f"{n} synthetic articles, seed {args.seed}; CPU ms per article, best of {args.repeat} passes")
    print(f"{'stage':42s} {'ms':>7s} {'share':>6s}  articles/s without it")
    for stage, spent in seconds.items():
        without = n / (total - spent) if total > spent else float("inf")
        print(f"{stage:42s} {1e3 * spent / n:7.3f} {spent / total:6.1%}  {without:,.0f}")
    print(f"{'all stages':42s} {1e3 * total / n:7.3f} {1:6.1%}  ({n / total:,.0f} articles/s)")
    extracting = sum(seconds[s] for s in ("normalise", "dates", "sentences", "publication date", "claims", "events"))
    print(f"check: extract_document as a whole {1e3 * whole / n:.3f} ms, its stages above {1e3 * extracting / n:.3f} ms "
          "(the rest is building the rows, and noise)")


if __name__ == "__main__":
    main()
