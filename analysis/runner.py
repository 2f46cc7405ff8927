"""Regenerate every figure headlessly: extract the tables once, then run each chart notebook
once per language with papermill.

Why it is built this way:
- Parameters of every run are validated before any kernel starts: a typo fails in
  milliseconds with a message naming the notebook and the parameter.
- The tables are extracted once into ``<build_dir>/tables`` and each notebook loads them
  (``tables_dir``), so all charts of a run show the same data and extraction is not repeated.
- The kernel is this very interpreter (``sys.executable``), with this copy of the package on
  its path, whatever kernelspecs are (or are not) registered: a fresh venv with no ``python3``
  kernel works, and a user-wide ``python3`` kernel pointing at another Python cannot hijack the
  run.  Charts are drawn with the Agg backend (``MPLBACKEND=agg``).
- Notebooks run ``jobs`` at a time, each worker reusing one kernel for its notebooks: starting a
  kernel and importing pandas and matplotlib costs more than drawing a chart.  Each notebook still
  starts from a clean kernel state (see ``_Kernel``), and a failed run gets its kernel replaced.
- Executed notebooks go to ``<build_dir>/notebooks/<name>.<lang>.ipynb``, never back into
  ``notebooks/``; charts go to ``out_dir`` as ``<name>.<lang>.<ext>``.  Every file is written
  through a temporary file and renamed, so no reader ever sees half a file.
- A JSON manifest in ``build_dir`` records, per notebook and language, a sha256 of the table
  files, the notebook source, the parameters and the package's code; when it matches and the
  outputs are still there and unchanged, the run is skipped (``cached``).  ``force=True``
  re-extracts the tables and re-runs every notebook.
- One run at a time uses a build folder (a lock file in it): the notebooks load the tables while
  they run, so a second run re-extracting other inputs into the same folder would mix them.
- A notebook that fails is reported (notebook, language, cell, error, executed copy) and the
  others still run.
"""

from __future__ import annotations

import asyncio
import glob
import hashlib
import json
import logging
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import params as P
from .atomic import make_public, write_bytes_atomically

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
KERNEL_NAME = "analysis-python"
_PACKAGE = Path(__file__).resolve().parent


# ----------------------------------------------------------------------------- report
@dataclass
class Failure:
    """One notebook run that did not produce its charts."""

    notebook: str
    lang: str
    cell: str  # e.g. "cell 4 (`fig = attack_counts_chart(...`)"
    error: str  # e.g. "ValueError: boom"
    executed: Path | None = None  # the executed copy, with the traceback in it

    def __str__(self) -> str:
        where = f"; see {self.executed}" if self.executed else ""
        return f"{self.notebook} [{self.lang}]: {self.cell}: {self.error}{where}"


@dataclass
class RunReport:
    """What `run_figures` did.  `written`: chart files written by this run; `notebooks`:
    executed copies written; `ran` / `cached`: "<name>.<lang>" runs executed / skipped."""

    out_dir: Path
    tables_dir: Path
    written: list[Path] = field(default_factory=list)
    notebooks: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """One line, e.g. 'figures: 6 runs (4 ran, 2 cached, 0 failed), 12 files written to figures in 31.2 s'."""
        total = len(self.ran) + len(self.cached) + len(self.failures)
        line = (f"figures: {total} runs ({len(self.ran)} ran, {len(self.cached)} cached, "
                f"{len(self.failures)} failed), {len(self.written)} files written to {self.out_dir} "
                f"in {self.seconds:.1f} s")
        if self.failures:
            line += "; FAILED: " + " | ".join(str(f) for f in self.failures)
        return line


# ----------------------------------------------------------------------------- kernel
def _kernel_env() -> dict[str, str]:
    """Environment added to the kernel's: this package first on the path, Agg backend."""
    package_parent = str(Path(__file__).resolve().parent.parent)
    path = [package_parent, *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]]
    return {
        "PYTHONPATH": os.pathsep.join(dict.fromkeys(path)),
        "MPLBACKEND": "agg",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # silence the debugger's frozen-modules warning
        "JPY_SESSION_NAME": "",  # not a JupyterLab session, whatever the parent process was
    }


def _kernel_manager_class(log_path: Path) -> type:
    """An AsyncKernelManager whose only kernelspec is "this interpreter" (see module doc) and
    whose kernel writes its own stderr (start-up errors, shutdown chatter) to *log_path*.

    Built per run (nbclient instantiates the class itself, so the log path rides on it);
    jupyter_client is imported only when notebooks are run."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    here = str(Path(__file__).resolve().parent)

    class ThisPythonSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name=f"Python ({sys.executable})", language="python", env=_kernel_env(),
                resource_dir=here, metadata={},
            )

        def find_kernel_specs(self) -> dict[str, str]:
            return {KERNEL_NAME: here}

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _this_python_specs(self) -> KernelSpecManager:
            return ThisPythonSpecs(parent=self)

        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            self.clients: list = []  # nbclient leaves open the clients of a kernel it does not own

        def client(self, **kw: Any):
            made = super().client(**kw)
            self.clients.append(made)
            return made

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            with open(log_path, "ab") as stderr:  # the child keeps its own copy of the handle
                kw["stderr"] = stderr
                await super()._async_launch_kernel(kernel_cmd, **kw)

    return ThisPythonKernelManager


# Run in a reused kernel before each notebook: what a new kernel would give the notebook.
_FRESH_START = """\
import os, sys
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
if "matplotlib" in sys.modules:
    sys.modules["matplotlib"].rc_file_defaults()
os.chdir({folder!r})
get_ipython().reset(new_session=True)
"""


def _close_clients(manager: Any) -> None:
    while manager.clients:
        manager.clients.pop().stop_channels()


class _Kernel:
    """The kernel of one worker thread, reused from one notebook run to the next.

    Starting a kernel and importing pandas, matplotlib and this package costs more than drawing
    a chart (about 2.5 s per run); reusing the kernel pays it once per worker.  Before each run the
    kernel is brought back to what a new one would give the notebook: an empty namespace and
    execution count, no open figures, matplotlib's rc settings from its rc file, the notebook's
    folder as working directory.  After a failed run (an error, a timeout, a dead kernel) the
    kernel is shut down and the next run gets a new one.  A notebook that changes other
    process-wide state (environment variables, attributes of imported modules) would pass it on;
    the chart notebooks only call the library.  Use from one thread: the kernel manager lives on
    that thread's event loop.
    """

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path  # the stderr of this worker's current kernel, for failure messages
        self.manager: Any = None
        self.killed = threading.Event()  # set by kill(): a reset under way gives up at once

    def acquire(self, folder: Path, timeout: int) -> Any:
        """The kernel manager to run the next notebook (of `folder`) with; nbclient starts the
        kernel on first use."""
        from jupyter_core.utils import run_sync

        if self.manager is not None and self.manager.has_kernel:
            try:
                run_sync(self._fresh_start)(folder, min(timeout, 60))
            except Exception as error:  # start the run in a new kernel instead
                log.warning("could not reset the kernel (%s: %s); starting a new one", type(error).__name__, error)
                self.discard()
        if self.manager is None:
            self.log_path.unlink(missing_ok=True)  # the last failure has been reported: a new log
            self.killed.clear()
            self.manager = _kernel_manager_class(self.log_path)()
        return self.manager

    async def _fresh_start(self, folder: Path, timeout: int) -> None:
        client = self.manager.client()
        client.start_channels()
        try:
            await self._unless_killed(client.wait_for_ready(timeout=timeout))
            reply = await self._unless_killed(client.execute_interactive(
                _FRESH_START.format(folder=str(folder)), store_history=False, allow_stdin=False, timeout=timeout,
                output_hook=lambda msg: None))
        finally:  # closed now, or it would buffer all of the notebook's output unread
            client.stop_channels()
            self.manager.clients.remove(client)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")

    async def _unless_killed(self, work: Awaitable[Any]) -> Any:
        """`work`, or a RuntimeError as soon as kill() is called: a killed kernel never answers, and
        Ctrl-C would wait for the reset's whole timeout (60 s)."""
        task = asyncio.ensure_future(work)
        while not task.done():
            if self.killed.is_set():
                task.cancel()
                raise RuntimeError("the kernel was killed")
            await asyncio.wait({task}, timeout=0.2)
        return task.result()

    def release(self) -> None:
        """Close the clients of the last run (the kernel stays up)."""
        if self.manager is not None:
            _close_clients(self.manager)

    def kill(self) -> None:
        """Kill the kernel process now; safe from another thread (on Ctrl-C the notebook it runs
        then ends with a dead kernel within a second or two instead of running to its end)."""
        self.killed.set()
        process = getattr(getattr(self.manager, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            process.kill()

    def discard(self, now: bool = True) -> None:
        """Shut the kernel down (at once, or by asking it to exit when `now` is False)."""
        from jupyter_core.utils import run_sync

        manager, self.manager = self.manager, None
        if manager is None:
            return
        _close_clients(manager)
        try:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=now)
        except Exception as error:  # it is going away either way
            log.debug("kernel shutdown: %s", error)


_IMPORT_LOCK = threading.Lock()


def _papermill():
    """papermill, imported without jsonschema's optional IRI format checker.

    jupyterlab's jupyter-events installs jsonschema[format-nongpl], whose rfc3987-syntax builds a
    grammar at import: 1.7 of papermill's 2.4 s import, paid by every cold `analysis figures`
    before any kernel starts (python-jsonschema/jsonschema#1428).  Notebook schemas never check
    IRIs, so jsonschema is imported here with that module hidden; it is visible again afterwards.
    """
    with _IMPORT_LOCK:
        if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
            sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # its import raises ImportError
            try:
                import jsonschema  # noqa: F401  (its format checkers are registered now)
            finally:
                del sys.modules["rfc3987_syntax"]
        import papermill
    return papermill


# ----------------------------------------------------------------------------- helpers
def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# What draws a chart besides the package: the renderer, the text shaping and the fonts.
_DRAWING_DISTRIBUTIONS = ("matplotlib", "arabic-reshaper", "python-bidi", "fontpkg-noto-sans-arabic",
                          "fontpkg-noto-sans", "pandas")


def _code_hash(package: Path = _PACKAGE) -> str:
    """Hash of the code a chart depends on: every module of the package (a list of the drawing
    modules missed chart_labels.py once, and its charts stayed cached) and the versions of the
    distributions that draw it (an upgraded font changes every chart)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for name in _DRAWING_DISTRIBUTIONS:
        try:
            digest.update(f"{name} {version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _list_notebooks(folder: Path) -> dict[str, Path]:
    """name -> source file: the jupytext .py (the source of truth) when present, else .ipynb.
    `explore` is interactive and writes nothing: it is not a chart notebook."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ipynb")) + sorted(folder.glob("*.py")):
        if path.stem.startswith((".", "_")) or path.stem == P.EXPLORE:
            continue
        if path.suffix == ".py" and "# %%" not in path.read_text(encoding="utf-8"):
            continue
        if path.suffix == ".py" and path.stem in found:
            _warn_if_pair_differs(path, found[path.stem])
        found[path.stem] = path  # .py sorted after .ipynb: it wins
    order = [n for n in P.CHART_NOTEBOOKS if n in found] + sorted(set(found) - set(P.CHART_NOTEBOOKS))
    return {name: found[name] for name in order}


def _warn_if_pair_differs(source: Path, ipynb: Path) -> None:
    """The runner reads the jupytext .py; an .ipynb edited after it (in JupyterLab without jupytext)
    would be ignored without a word.  Compared only when the .ipynb is the newer file: a no-op run
    stays fast, and `jupytext --sync` writes both."""
    if ipynb.stat().st_mtime <= source.stat().st_mtime + 1:
        return
    _papermill()  # imports jsonschema the fast way before jupytext does
    try:
        cells = [[(c.cell_type, c.source) for c in _read_notebook(p).cells] for p in (source, ipynb)]
    except Exception as error:  # a half-saved .ipynb: it is not what runs, so only say so
        log.warning("%s cannot be read (%s: %s); %s is what runs", ipynb, type(error).__name__, error, source.name)
        return
    if cells[0] != cells[1]:
        log.warning("%s differs from %s, which is what runs; run `jupytext --sync %s` to bring your "
                    "notebook edits over (or edit the .py)", ipynb, source.name, ipynb)


def _read_notebook(path: Path):
    import jupytext

    return jupytext.read(path) if path.suffix == ".py" else jupytext.read(path, fmt="ipynb")


def _inputs_key(corpus: list[str], catalog: str | None, code_hash: str) -> str:
    """Hash of every article file's bytes (those extraction reads: through symlinked folders, not
    the charts or build folder inside a corpus folder), the catalog and the package code."""
    from .corpus import input_files

    digest = hashlib.sha256(code_hash.encode())
    files = [Path(path) for path in input_files(corpus)] + ([Path(catalog)] if catalog else [])
    for path in files:
        try:
            content = _sha256_file(path)
        except OSError:  # a dangling link, an unreadable file: extraction reports it as a problem
            content = "unreadable"
        digest.update(str(path).encode() + b"\0" + content.encode())
    return digest.hexdigest()


@contextmanager
def _build_lock(build: Path) -> Iterator[None]:
    """Hold the build folder for this run; a second run on the same folder waits for it."""
    build.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    with open(build / ".lock", "ab") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another `analysis figures` run is using %s; waiting for it to finish", build)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _remove_temporary_files(folder: Path, pattern: str) -> None:
    """Delete the temporary files (see atomic.py) and folders that a killed run left in `folder`."""
    for path in folder.glob(pattern):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _remove_partial_outputs(outputs: list[Path]) -> None:
    for output in outputs:
        _remove_temporary_files(output.parent, f".{glob.escape(output.name)}.*.tmp")


def _remove_build_leftovers(build: Path) -> None:
    """What a killed run left in the build folder: safe to delete, this run holds its lock."""
    for pattern in (".*.tmp", ".tables.*", "tables/.*.tmp", "notebooks/.*.ipynb", "notebooks/.*.tmp", "notebooks/.out-*"):
        _remove_temporary_files(build, pattern)


def _table_hashes(tables_dir: Path) -> dict[str, str]:
    return {p.name: _sha256_file(p) for p in sorted(tables_dir.glob("*.parquet"))}


def _extract_if_changed(corpus: list[str], catalog: str | None, code_hash: str, tables_dir: Path,
                        force: bool, jobs: int) -> dict[str, str]:
    """Extract the corpus into `tables_dir` with `jobs` processes, unless its inputs are unchanged
    since the last run and the tables are still the ones written then (a no-op `analysis figures`
    reads and writes nothing; a damaged table file is rebuilt).  Returns the sha256 of each table
    file."""
    from .tables import SCHEMAS

    stamp = tables_dir / "inputs.json"
    wanted = {"inputs": _inputs_key(corpus, catalog, code_hash), "tables": _table_hashes(tables_dir)}
    complete = set(wanted["tables"]) >= {f"{name}.parquet" for name in SCHEMAS}
    if not force and complete and _read_json(stamp) == wanted:
        return wanted["tables"]
    problems = _sync_tables(corpus, catalog, jobs, tables_dir)
    if problems:
        log.warning("%d input problem(s) while extracting; see %s", problems, tables_dir / "problems.csv")
    wanted["tables"] = _table_hashes(tables_dir)
    write_bytes_atomically(stamp, json.dumps(wanted, indent=1).encode())
    (tables_dir / "inputs.sha256").unlink(missing_ok=True)  # the older stamp, which did not cover the tables
    return wanted["tables"]


def _sync_tables(corpus: list[str], catalog: str | None, jobs: int, target: Path) -> int:
    """Extract the corpus into *target*, streamed to disk in chunks (flat memory at any size),
    replacing only files whose bytes changed: an unchanged corpus leaves build/tables untouched.
    A corpus with no readable article is an error, and the tables (and charts) stay as they were.
    Returns the number of input problems."""
    from .tables import extract_paths, no_article_error, save_stream

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".tables.") as tmp:
        report = save_stream(extract_paths(corpus, catalog, jobs=jobs), tmp)
        if not report.saved:
            raise no_article_error(corpus, report.counts["problems"], report.problems[0] if report.problems else None)
        for new in sorted(Path(tmp).iterdir()):
            old = target / new.name
            if not (old.exists() and old.read_bytes() == new.read_bytes()):
                os.replace(new, old)
    return report.counts["problems"]


def _short(source: str, width: int = 60) -> str:
    lines = [line for line in source.strip().splitlines() if line.strip() and not line.lstrip().startswith("#")]
    first = lines[0].strip() if lines else ""
    return first if len(first) <= width else first[: width - 1] + "…"


def _describe_error(error: BaseException) -> tuple[str, str]:
    """(cell, error) of a papermill failure or any other exception."""
    PapermillExecutionError = _papermill().exceptions.PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        cell = f"cell {error.exec_count}" if error.exec_count else f"cell #{error.cell_index}"
        snippet = _short(error.source or "")
        if snippet:
            cell += f" (`{snippet}`)"
        return cell, f"{error.ename}: {error.evalue}"
    return "kernel", f"{type(error).__name__}: {error}"


def _normalise_list(value: str | Iterable[str], what: str, allowed: Sequence[str] | None = None) -> list[str]:
    """A list from a list or a comma-separated string; values are checked against *allowed*
    here only when given (langs and formats are checked per notebook by validate_params, so
    the message names the notebook)."""
    items = [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else list(value)
    if not items:
        raise ValueError(f"run_figures: {what} is empty" + (f"; use some of {', '.join(allowed)}" if allowed else ""))
    bad = [v for v in items if allowed is not None and v not in allowed]
    if bad:
        raise ValueError(f"run_figures: {what}={bad[0]!r} is not supported; use one of {', '.join(allowed)}")
    return list(dict.fromkeys(items))


# ----------------------------------------------------------------------------- main entry
def run_figures(corpus: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
                catalog: str | os.PathLike[str] | None = None,
                langs: str | Sequence[str] = ("ar", "en"),
                formats: str | Sequence[str] = ("png", "svg", "pdf"),
                only: str | Sequence[str] | None = None,
                out_dir: str | os.PathLike[str] = "figures",
                build_dir: str | os.PathLike[str] = "build",
                dpi: int = 200, digits: str = "western", months: str = "levant",
                force: bool = False, progress: bool = True, *,
                date_from: str | None = None, date_to: str | None = None,
                notebooks_dir: str | os.PathLike[str] | None = None,
                jobs: int | None = None, timeout: int = 600) -> RunReport:
    """Extract the tables once, then run every chart notebook once per language.

    Relative paths (corpus, catalog, out_dir, build_dir, notebooks_dir) are relative to the
    current directory.  Raises ValueError (before any kernel starts) for a bad parameter;
    a notebook that fails is reported in `RunReport.failures` and the others still run.
    *jobs*: notebooks run at the same time (default: the number of CPUs, at most 4), and processes
    extracting the tables (default: one per CPU).
    """
    jobs_limit = jobs  # `jobs` the parameter; the list of runs is `runs`
    started = time.monotonic()
    langs = _normalise_list(langs, "langs")
    formats = _normalise_list(formats, "formats")
    nb_dir = Path(notebooks_dir).resolve() if notebooks_dir is not None else P.base_dir()
    if not nb_dir.is_dir():
        raise ValueError(f"run_figures: notebooks_dir={os.fspath(nb_dir)!r} is not a folder")
    available = _list_notebooks(nb_dir)
    if only is not None:
        wanted = _normalise_list(only, "only", list(available))
        available = {name: path for name, path in available.items() if name in wanted}
    if not available:
        raise ValueError(f"run_figures: no chart notebooks in {nb_dir}")

    corpus_list = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus)
    out = Path(out_dir).resolve()
    build = Path(build_dir).resolve()
    for folder, option in ((out, "out_dir"), (build, "build_dir")):
        if folder.exists() and not folder.is_dir():
            raise ValueError(f"run_figures: {option}={os.fspath(folder)!r} is a file; give a folder")
    base = {"corpus": [str(Path(c).resolve()) for c in corpus_list],
            "catalog": None if catalog is None else str(Path(catalog).resolve()),
            "digits": digits, "months": months, "date_from": date_from, "date_to": date_to,
            "formats": formats, "dpi": dpi, "out_dir": str(out)}
    if jobs_limit is not None and (isinstance(jobs_limit, bool) or not isinstance(jobs_limit, int)
                                   or jobs_limit < 1):
        raise ValueError(f"run_figures: jobs={jobs_limit!r} is not supported; use a whole number >= 1 or None")
    runs: list[tuple[str, str, dict[str, Any]]] = []
    for name in available:
        for lang in langs:
            # check inputs exist (tables_dir None), then point the notebook at the shared tables
            checked = P.validate_params(name, {**base, "lang": lang, "tables_dir": None})
            runs.append((name, lang, {**checked, "tables_dir": str(build / "tables")}))

    with _build_lock(build):
        return _run_locked(available, runs, base, out, build, force, progress, jobs_limit, timeout, started)


def _run_locked(available: dict[str, Path], runs: list[tuple[str, str, dict[str, Any]]], base: dict[str, Any],
                out: Path, build: Path, force: bool, progress: bool, jobs_limit: int | None, timeout: int,
                started: float) -> RunReport:
    """run_figures once it holds the build folder: extract, then run what is not cached."""
    _remove_build_leftovers(build)
    tables_dir = build / "tables"
    code_hash = _code_hash()  # the tables depend on the package's code too
    # before any thread starts: the extraction workers are forked
    table_hashes = _extract_if_changed(base["corpus"], base["catalog"], code_hash, tables_dir, force,
                                       jobs_limit or os.cpu_count() or 1)

    manifest_path = build / MANIFEST
    manifest = _read_json(manifest_path)
    report = RunReport(out_dir=out, tables_dir=tables_dir)
    executed_dir = build / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)

    todo = []
    for name, lang, params in runs:
        run_id = f"{name}.{lang}"
        key = hashlib.sha256(json.dumps({
            "tables": table_hashes, "notebook": _sha256_file(available[name]), "code": code_hash,
            "params": params}, sort_keys=True).encode()).hexdigest()
        outputs = [out / f"{name}.{lang}.{ext}" for ext in params["formats"]]
        executed = executed_dir / f"{name}.{lang}.ipynb"
        if not force and _still_valid(manifest.get(run_id), key, [*outputs, executed]):
            report.cached.append(run_id)
        else:
            todo.append((run_id, name, lang, params, key, outputs, executed))

    from tqdm.auto import tqdm

    workers = max(1, min(jobs_limit or min(os.cpu_count() or 1, 4), len(todo) or 1))
    bar = tqdm(total=len(runs), initial=len(report.cached), desc="figures", unit=" notebook",
               disable=not progress, file=sys.stderr, dynamic_ncols=True)
    results: dict[str, Failure | list[Path]] = {}
    kernels: list[_Kernel] = []
    waiting: queue.SimpleQueue = queue.SimpleQueue()
    for item in todo:
        waiting.put(item)
    finished: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()

    def work(number: int) -> None:
        """One worker: runs waiting notebooks one after another in its own reused kernel."""
        kernel = _Kernel(executed_dir / f"kernel-{number}.log")
        kernels.append(kernel)
        try:
            while not stop.is_set():
                try:
                    run_id, name, lang, params, key, outputs, executed = waiting.get_nowait()
                except queue.Empty:
                    return
                outcome = _run_one(name, lang, available[name], params, executed, outputs, timeout, kernel)
                finished.put((run_id, key, outputs, executed, outcome))
        finally:
            kernel.discard(now=False)

    from concurrent.futures import ThreadPoolExecutor, wait

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="figures") as pool:
        running = [pool.submit(work, number) for number in range(workers if todo else 0)]
        try:
            while len(results) < len(todo):
                try:
                    _record(finished.get(timeout=0.5), manifest, manifest_path, results, bar)
                except queue.Empty:
                    if all(worker.done() for worker in running) and finished.empty():
                        for worker in running:
                            worker.result()  # a worker that crashed raises its error here
                        raise RuntimeError("figure workers stopped with notebooks still waiting")
        except BaseException:  # Ctrl-C: stop the notebooks running, do not start those waiting
            stop.set()
            while not all(worker.done() for worker in running):  # a kernel may be starting just now
                for kernel in kernels:
                    kernel.kill()
                wait(running, timeout=0.2)
            raise
    bar.close()
    for run_id, _name, _lang, _params, _key, _outputs, executed in todo:  # report in job order
        outcome = results[run_id]
        if isinstance(outcome, Failure):
            report.failures.append(outcome)
        else:
            report.ran.append(run_id)
            report.written.extend(outcome)
        if executed.exists():
            report.notebooks.append(executed)
    report.seconds = time.monotonic() - started
    return report


def _record(finished: tuple, manifest: dict[str, Any], manifest_path: Path,
            results: dict[str, Failure | list[Path]], bar) -> None:
    """Note one finished run in the manifest (written at once: an interrupted run keeps the
    cache of the notebooks that finished)."""
    run_id, key, outputs, executed, outcome = finished
    results[run_id] = outcome
    if isinstance(outcome, Failure):
        log.error("%s", outcome)
        manifest.pop(run_id, None)
    else:
        manifest[run_id] = {"key": key, "outputs": {str(p): _sha256_file(p) for p in [*outputs, executed]}}
    write_bytes_atomically(manifest_path, json.dumps(manifest, indent=1, sort_keys=True).encode())
    bar.set_postfix_str(run_id, refresh=False)
    bar.update(1)


def _read_json(path: Path) -> dict[str, Any]:
    """The JSON object in `path`, or {} when it is missing or damaged (the cache is then cold)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _still_valid(entry: Any, key: str, outputs: list[Path]) -> bool:
    if not isinstance(entry, dict) or entry.get("key") != key:
        return False
    recorded = entry.get("outputs")
    if not isinstance(recorded, dict):
        return False
    for path in outputs:
        if str(path) not in recorded or not path.is_file() or _sha256_file(path) != recorded[str(path)]:
            return False
    return True


def execute_notebook(source: str | os.PathLike[str], output: str | os.PathLike[str],
                     parameters: dict[str, Any] | None = None, timeout: int = 600,
                     kernel: _Kernel | None = None) -> None:
    """Run one notebook (a jupytext .py or an .ipynb) with papermill in a kernel of this
    interpreter, its working directory the notebook's folder; write the executed copy to
    *output* atomically (also when it fails: the traceback is in it).  Raises papermill's
    PapermillExecutionError (or the kernel's error) on failure.

    With `kernel`, the run reuses that kernel (see `_Kernel`); otherwise a new kernel is started
    and shut down, its stderr in ``<output>.kernel.log``."""
    papermill = _papermill()
    source, output = Path(source).resolve(), Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    nb = _read_notebook(source)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.stem}.", suffix=".ipynb")
    os.close(fd)
    if kernel is None:
        kernel_log = output.with_suffix(".kernel.log")
        kernel_log.unlink(missing_ok=True)
    try:
        how = ({"kernel_manager_class": _kernel_manager_class(kernel_log)} if kernel is None
               else {"km": kernel.acquire(source.parent, timeout)})
        papermill.execute_notebook(
            nb, tmp, parameters=parameters or {}, kernel_name=KERNEL_NAME, language="python",
            progress_bar=False, log_output=False,
            # the kernel starts in the notebook's folder; no os.chdir here (runs are threaded)
            resources={"metadata": {"path": str(source.parent)}}, execution_timeout=timeout, **how,
        )
    except BaseException:
        if kernel is not None:
            kernel.discard()
        raise
    finally:
        if kernel is not None:
            kernel.release()
        if Path(tmp).exists() and Path(tmp).stat().st_size:
            make_public(tmp)
            os.replace(tmp, output)
        else:
            Path(tmp).unlink(missing_ok=True)


def _run_one(name: str, lang: str, source: Path, params: dict[str, Any], executed: Path,
             outputs: list[Path], timeout: int, kernel: _Kernel) -> Failure | list[Path]:
    """Execute one chart notebook in the worker's kernel: the Failure, or the outputs it wrote.

    The notebook saves its charts into a staging folder; they replace `outputs` only when every
    one was written, so a failed or interrupted run leaves the previous set whole (not a new PNG
    beside an old PDF), and a chart whose bytes did not change is not rewritten."""
    _remove_partial_outputs(outputs)  # of an earlier run that was killed
    with _staging_folder(executed) as staging:
        try:
            execute_notebook(source, executed, {**params, "out_dir": str(staging)}, timeout, kernel)
        except Exception as error:  # a failing notebook must not stop the others
            cell, message = _describe_error(error)
            if cell == "kernel" and kernel.log_path.is_file():
                tail = kernel.log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
                if tail:
                    message += f" (kernel log {kernel.log_path}: " + " / ".join(tail) + ")"
            return Failure(name, lang, cell, message, executed if executed.exists() else None)
        missing = [p.name for p in outputs if not (staging / p.name).is_file()]
        if missing:
            return Failure(name, lang, "end of notebook", "finished without writing " + ", ".join(missing)
                           + " (a chart notebook must save <name>.<lang>.<ext> into out_dir)", executed)
        written = []
        for output in outputs:
            made = (staging / output.name).read_bytes()
            if not (output.is_file() and output.read_bytes() == made):
                written.append(write_bytes_atomically(output, made))
        return written


@contextmanager
def _staging_folder(executed: Path) -> Iterator[Path]:
    """An empty folder beside the executed notebook for its charts, removed afterwards."""
    staging = executed.with_name(f".out-{executed.stem}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
