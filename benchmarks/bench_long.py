"""Extraction time of one very long article (a scraped news ticker, a whole dump in one file): it
should grow in proportion to the length, not faster.

    python benchmarks/bench_long.py [--sizes 100000,400000,1600000]

Each article repeats a short dated report ("في 17 تشرين الأول 2023 قال مسؤول إن 12 صاروخا سقطت على
القاعدة.") with a changing day up to the size in characters: a date and a figure every 65 characters,
so that any work repeated per date or per sentence over the whole page shows.  Prints the CPU
seconds of `extract_document`, the microseconds per character (flat when the time is linear) and the
numbers of claims and events found.  Timing is measured, never asserted.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from analysis.corpus import Document, iter_documents
from analysis.extract import extract_document

REPORT = "في {day} تشرين الأول 2023 قال مسؤول إن 12 صاروخا سقطت على القاعدة. "


def page(size: int) -> str:
    reports, length = [], 0
    while length < size:
        reports.append(REPORT.format(day=len(reports) % 28 + 1))
        length += len(reports[-1])
    return "".join(reports)[:size]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--sizes", default="100000,400000,1600000", help="characters, comma-separated")
    args = options.parse_args()
    print(f"{'characters':>12} {'seconds':>8} {'us/char':>8} {'claims':>7} {'events':>7}")
    with tempfile.TemporaryDirectory() as temp:
        for size in (int(part) for part in args.sizes.split(",")):
            path = Path(temp) / f"long_{size}.txt"
            path.write_text(page(size), encoding="utf-8")
            document = next(d for d in iter_documents([path], max_bytes=10**10) if isinstance(d, Document))
            start = time.process_time()
            rows = extract_document(document)
            seconds = time.process_time() - start
            print(f"{size:>12,} {seconds:>8.2f} {1e6 * seconds / size:>8.2f} {len(rows.claims):>7} {len(rows.events):>7}")


if __name__ == "__main__":
    main()
