"""The `analysis` command: extract tables, evaluate against gold, regenerate figures, write a brief."""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from tqdm import tqdm

from .corpus import MAX_BYTES, InputError
from .tables import ENGINES, Tables, assemble, describe, ensure_articles, extract_paths, save_stream

log = logging.getLogger("analysis")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _progress(quiet: bool):
    return lambda documents: tqdm(documents, desc="extract", unit=" file", disable=quiet, file=sys.stderr)


def _tables(paths: list[str], catalog: str | None, quiet: bool = False, jobs: int = 0) -> Tables:
    """Build tables in memory (`jobs` as for --jobs), with a progress bar; a missing path or
    catalog is an InputError."""
    return assemble(list(extract_paths(paths, catalog, jobs=_jobs(jobs), progress=_progress(quiet))))


def _jobs(asked: int) -> int:
    """--jobs: 0 means one process per core; more processes than cores only add overhead (and a
    typo like 1000 would start a thousand), so they are capped at the cores."""
    cores = os.cpu_count() or 1
    if asked < 0:
        raise ValueError(f"--jobs {asked}: use a number of processes, or 0 (the default) for one per core")
    if asked > cores:
        log.warning("--jobs %d is more than the %d cores of this machine; using %d", asked, cores, cores)
    return min(asked, cores) or cores


def cmd_extract(args: argparse.Namespace) -> int:
    max_bytes = args.max_mb * 2**20 if args.max_mb is not None else MAX_BYTES
    if not (math.isfinite(max_bytes) and max_bytes >= 1):
        raise ValueError(f"--max-mb {args.max_mb:g}: give the size of the largest file to read, in MB (more than 0)")
    if args.scheduler and args.engine != "dask":
        raise ValueError(f"--scheduler {args.scheduler} is for the dask engine; add --engine dask")
    results = extract_paths(args.paths, args.catalog, int(max_bytes), _jobs(args.jobs), args.engine,
                            args.scheduler, progress=_progress(args.quiet))
    report = save_stream(results, args.out)
    counts = report.counts
    if not report.saved:
        for problem in report.problems:
            print(f"problem: {describe(problem)}", file=sys.stderr)
        if counts["problems"] > len(report.problems):
            print(f"... and {counts['problems'] - len(report.problems):,} more problems", file=sys.stderr)
        print(f"error: no article could be read; see the problems above ({args.out} left as it was)",
              file=sys.stderr)
        return 1
    print(f"{counts['articles']} articles, {counts['claims']} claims, {counts['events']} events, "
          f"{counts['problems']} problems -> {args.out}")
    if counts["problems"]:
        print(f"warning: {counts['problems']} input problem(s); see {Path(args.out) / 'problems.csv'}",
              file=sys.stderr)
        if args.strict:
            return 1
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, read_gold

    tables = _tables(args.paths, args.catalog, quiet=True)
    report = evaluate(tables, read_gold(args.gold))
    print(report.format())
    if args.verbose:
        for miss in report.misses:
            print(f"missed: {miss['file']} {miss['kind']} {miss['value']} | {miss['quote']}")
        for extra in report.extras:
            print(f"extra: {extra['file']} {extra['kind']} {extra['value']} | {extra['number_text']}")
        for wrong in report.wrong:
            print(f"wrong {wrong['field']}: {wrong['file']} {wrong['kind']} {wrong['value']} "
                  f"gold {wrong['gold']} found {wrong['found']} | {' '.join(wrong['quote'].split())}")
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    from .runner import run_figures

    report = run_figures(args.paths, catalog=args.catalog, langs=_split(args.lang), formats=_split(args.formats),
                         only=_split(args.only) if args.only else None, out_dir=args.out, build_dir=args.build,
                         dpi=args.dpi, digits=args.digits, months=args.months, force=args.force,
                         progress=not args.quiet, date_from=args.date_from, date_to=args.date_to,
                         jobs=_jobs(args.jobs) if args.jobs else None)
    print(report.summary())
    return 1 if report.failures else 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .brief import write_brief
    from .params import date_range

    date_range("analysis brief", args.date_from, args.date_to)  # before the corpus is read
    tables = ensure_articles(_tables(args.paths, args.catalog, args.quiet, args.jobs), args.paths)
    written = write_brief(tables, args.out, lang=args.lang, digits=args.digits, months=args.months,
                          date_from=args.date_from, date_to=args.date_to)
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def _jobs_option(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument("--jobs", type=int, default=0, help=help)


def _chart_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--digits", choices=["western", "arabic"], default="western",
                         help="digits in Arabic charts: 0-9 or ٠-٩")
    command.add_argument("--months", choices=["levant", "egypt"], default="levant",
                         help="Arabic month names: تشرين الأول (levant) or أكتوبر (egypt)")
    command.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first date shown")
    command.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last date shown")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="analysis", description=__doc__)
    main.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    main.add_argument("-v", "--verbose", action="store_true", help="log details")
    # the same two after the command ("analysis extract … -q"); unset there, they keep main's value
    either_place = argparse.ArgumentParser(add_help=False)
    either_place.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress bars")
    either_place.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log details")
    commands = main.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", parents=[either_place], help="articles -> tables (parquet + csv)")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .html .jsonl)")
    extract.add_argument("--catalog", help="CSV with file,url,outlet,published (wins over the text)")
    extract.add_argument("--out", default="data", help="output folder (default: data)")
    extract.add_argument("--strict", action="store_true", help="exit non-zero when any input had a problem")
    _jobs_option(extract, "processes, at most one per core (default 0: one per core)")
    extract.add_argument("--engine", choices=ENGINES, default="local",
                         help="local processes (default) or a dask cluster")
    extract.add_argument("--scheduler", help="dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")
    extract.add_argument("--max-mb", type=float, default=None,
                         help=f"largest file read, in MB (default {MAX_BYTES // 2**20})")
    extract.set_defaults(run=cmd_extract)

    evaluate = commands.add_parser("evaluate", parents=[either_place], help="precision/recall of claims against gold annotations")
    evaluate.add_argument("paths", nargs="+", metavar="PATH")
    evaluate.add_argument("--gold", required=True, help="gold.jsonl")
    evaluate.add_argument("--catalog")
    evaluate.set_defaults(run=cmd_evaluate)

    figures = commands.add_parser("figures", parents=[either_place], help="run the chart notebooks with papermill")
    figures.add_argument("paths", nargs="*", metavar="PATH", default=["seeds", "data/corpus/texts"])
    figures.add_argument("--catalog", default=None)
    figures.add_argument("--lang", default="ar,en", help="comma-separated: ar,en")
    figures.add_argument("--formats", default="png,svg,pdf", help="comma-separated: png,svg,pdf")
    figures.add_argument("--only", help="comma-separated notebook names")
    figures.add_argument("--out", default="figures")
    figures.add_argument("--force", action="store_true", help="re-run even when nothing changed")
    figures.add_argument("--build", default="build", help="executed notebooks, tables and cache (default: build)")
    figures.add_argument("--dpi", type=int, default=200, help="PNG resolution (default 200)")
    _jobs_option(figures, "processes extracting the tables, and notebooks run at once (default 0: one per "
                          "core, notebooks at most 4)")
    _chart_options(figures)
    figures.set_defaults(run=cmd_figures)

    brief = commands.add_parser("brief", parents=[either_place], help="one PDF + HTML with charts, captions and sources")
    brief.add_argument("paths", nargs="*", metavar="PATH", default=["seeds", "data/corpus/texts"])
    brief.add_argument("--catalog", default=None)
    brief.add_argument("--lang", default="ar", choices=["ar", "en"])
    brief.add_argument("--out", default="figures/brief")
    _jobs_option(brief, "processes extracting the tables (default 0: one per core)")
    _chart_options(brief)
    brief.set_defaults(run=cmd_brief)
    return main


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C but reported with its own exit status (143)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """`kill`, `timeout` and batch schedulers stop a run with SIGTERM: exit through the same
    clean-up as Ctrl-C (no temporary files left, kernels stopped), not at once."""
    if threading.current_thread() is not threading.main_thread():  # only it may set handlers
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if not args.verbose:  # dask's own default is INFO: dozens of lines about starting and closing workers
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    try:
        with _sigterm_as_interrupt():
            return args.run(args)
    except KeyboardInterrupt as interrupt:  # every output is written atomically: nothing half-written is left
        print("interrupted", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(interrupt, Terminated) else signal.SIGINT)
    except (InputError, FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # e.g. an output folder that cannot be written (the message names it)
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: say so plainly; -v shows the traceback
        if args.verbose:
            log.exception("internal error")
        details = "the traceback is above" if args.verbose else "rerun with -v for details"
        print(f"internal error: {type(error).__name__}: {error}; {details} and please report it", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
