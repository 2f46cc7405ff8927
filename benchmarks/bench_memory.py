"""Peak memory of `analysis extract` as the corpus grows (the tables are streamed to disk in chunks).

    python benchmarks/bench_memory.py --n 10000 [--jobs 1] [--engine dask]

Writes N synthetic articles (benchmarks/corpus.py) to a temporary folder, runs `analysis extract`
on it in a child process and prints the child's peak RSS and the wall time.  With --engine dask
the child starts a local dask cluster; the peak RSS is that of the largest process (the extract
process itself, or one of its dask workers).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--n", type=int, default=10000)
    options.add_argument("--jobs", type=int, default=1)
    options.add_argument("--engine", choices=("local", "dask"), default="local")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        for start in range(0, args.n, 5000):  # generate in slices: the generator is not the subject
            corpus.write(corpus.generate(min(5000, args.n - start), seed=start), folder)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        began = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "analysis.cli", "-q", "extract", str(folder),
                                 "--out", str(Path(temp) / "out"), "--jobs", str(args.jobs),
                                 "--engine", args.engine],
                                capture_output=True, text=True)
        seconds = time.perf_counter() - began
        out_mb = sum(p.stat().st_size for p in (Path(temp) / "out").iterdir()) / 2**20
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(result.stdout.strip() or result.stderr.strip()[-500:])
    print(f"n={args.n} input {size_mb:.0f} MB, output {out_mb:.0f} MB, jobs={args.jobs}, engine={args.engine}: "
          f"{seconds:.1f} s, {args.n / seconds:,.0f} articles/s, peak RSS of the extract process {peak:.0f} MB")


if __name__ == "__main__":
    main()
