"""The figure runner, for real: papermill runs the real notebooks in real kernels on the seeds.

Kernel start-up is slow, so runs are shared: one module-scoped run of every chart notebook in
both languages, one run on an empty corpus with a broken notebook next to the real ones.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import params as P
from analysis import runner
from analysis import tables as tables_module
from analysis.runner import RunReport, run_figures
from analysis.tables import Tables
from analysis.tables import extract_paths as real_extract_paths
from tests.conftest import default_sigint

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
CHARTS = P.CHART_NOTEBOOKS
FORMATS = ("png", "svg", "pdf")


def _snapshot(*folders: Path) -> dict[Path, int]:
    """path -> mtime_ns of every file (hidden temp files included) under the folders."""
    return {p: p.stat().st_mtime_ns for folder in folders if folder.exists()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> tuple[RunReport, Path, Path, set[str]]:
    tmp = tmp_path_factory.mktemp("figures")
    out, build = tmp / "figures", tmp / "build"
    before = {p.name for p in NOTEBOOKS.iterdir()}
    report = run_figures([SEEDS], langs=("ar", "en"), formats=FORMATS, out_dir=out, build_dir=build,
                         progress=False)
    return report, out, build, before


def test_every_chart_notebook_runs_in_both_languages(first):
    report, out, build, _ = first
    assert report.failures == [], report.summary()
    expected = {f"{name}.{lang}.{ext}" for name in CHARTS for lang in ("ar", "en") for ext in FORMATS}
    assert {p.name for p in out.iterdir()} == expected  # no temp files left behind either
    assert sorted(p.name for p in report.written) == sorted(expected)
    assert sorted(report.ran) == sorted(f"{n}.{lang}" for n in CHARTS for lang in ("ar", "en"))
    for path in out.iterdir():
        data = path.read_bytes()
        assert data[:8] in (b"\x89PNG\r\n\x1a\n",) or data.startswith((b"%PDF", b"<?xml")), path
    assert "0 failed" in report.summary() and "6 ran" in report.summary()


def test_executed_notebooks_go_to_build_not_notebooks(first):
    report, _, build, before = first
    executed = sorted(p.name for p in (build / "notebooks").glob("*.ipynb"))
    assert executed == sorted(f"{n}.{lang}.ipynb" for n in CHARTS for lang in ("ar", "en"))
    assert {p.name for p in NOTEBOOKS.iterdir()} == before  # nothing written into notebooks/
    nb = nbformat.read(build / "notebooks" / "attack_counts.en.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "tables_dir" in injected[0].source and str(build / "tables") in injected[0].source
    assert (build / "tables" / "claims.parquet").is_file() and (build / "manifest.json").is_file()


def test_the_tables_the_notebooks_read_are_the_extracted_tables(first, seed_tables):
    """They are streamed to disk in chunks now (flat memory at any corpus size), not built in memory."""
    _, _, build, _ = first
    on_disk = Tables.load(build / "tables")
    for name in ("articles", "claims", "events", "problems"):
        pd.testing.assert_frame_equal(getattr(on_disk, name), getattr(seed_tables, name))


def test_second_run_is_all_cache_hits_and_writes_nothing(first):
    _, out, build, _ = first
    before = _snapshot(out, build / "notebooks", build / "tables")
    report = run_figures([SEEDS], langs=("ar", "en"), formats=FORMATS, out_dir=out, build_dir=build,
                         progress=False)
    assert report.ran == [] and report.failures == [] and report.written == []
    assert sorted(report.cached) == sorted(f"{n}.{lang}" for n in CHARTS for lang in ("ar", "en"))
    assert _snapshot(out, build / "notebooks", build / "tables") == before
    assert "6 cached" in report.summary()


def test_force_reruns_and_gives_the_same_bytes(first, tmp_path, monkeypatch):
    _, out, build, _ = first
    target = out / "events_timeline.en.svg"
    old_bytes, old_mtime = target.read_bytes(), target.stat().st_mtime_ns
    # a registered "python3" kernel that cannot start must not matter: the runner's kernel is
    # always this interpreter, whatever kernelspecs exist (or do not, in a fresh venv)
    bogus = tmp_path / "jupyter" / "kernels" / "python3"
    bogus.mkdir(parents=True)
    (bogus / "kernel.json").write_text(json.dumps({"argv": ["/nonexistent/python", "-f", "{connection_file}"],
                                                   "display_name": "broken", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    # what a killed run leaves: a kernel's half-saved chart, the runner's half-written notebook
    partial_chart = out / ".events_timeline.en.pdf.k1lled.tmp"
    partial_notebook = build / "notebooks" / ".attack_counts.ar.k1lled.ipynb"
    partial_tables = build / ".tables.k1lled"
    partial_manifest = build / ".manifest.json.k1lled.tmp"
    partial_tables.mkdir()
    (partial_tables / "claims.parquet").write_bytes(b"PAR1 half")
    partial_manifest.write_text("{", encoding="utf-8")
    partial_chart.write_bytes(b"%PDF-1.4 half")
    partial_notebook.write_text("{", encoding="utf-8")
    extractions = []
    monkeypatch.setattr(tables_module, "extract_paths",
                        lambda *a, **k: extractions.append(a) or real_extract_paths(*a, **k))
    report = run_figures([SEEDS], langs=["en"], formats=FORMATS, only=["events_timeline"], out_dir=out,
                         build_dir=build, force=True, progress=False)
    assert report.ran == ["events_timeline.en"] and report.cached == [] and not report.failures
    assert len(extractions) == 1  # --force re-extracts the tables too
    assert not any(p.exists() for p in (partial_chart, partial_notebook, partial_tables, partial_manifest))
    assert target.read_bytes() == old_bytes  # deterministic output
    assert target.stat().st_mtime_ns == old_mtime and report.written == []  # the same bytes: not rewritten


def test_damaged_tables_are_rebuilt_without_force(first):
    _, out, build, _ = first
    claims = build / "tables" / "claims.parquet"
    good = claims.read_bytes()
    claims.write_bytes(b"not a parquet file")
    report = run_figures([SEEDS], langs=("ar", "en"), formats=FORMATS, out_dir=out, build_dir=build,
                         progress=False)
    assert claims.read_bytes() == good  # extracted again: the same tables, so the charts stay cached
    assert not report.failures and len(report.cached) == 2 * len(CHARTS), report.summary()


def test_a_second_run_on_the_same_build_folder_waits_for_the_first(first):
    """Notebooks load the tables while they run: two runs re-extracting into one build folder
    at once could chart one's data under the other's cache key."""
    import fcntl
    import threading

    _, out, build, _ = first
    reports = []
    second = threading.Thread(target=lambda: reports.append(run_figures(
        [SEEDS], langs=("ar", "en"), formats=FORMATS, out_dir=out, build_dir=build, progress=False)))
    with open(build / ".lock", "ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a first run would
        second.start()
        second.join(timeout=3)
        assert second.is_alive() and reports == []
    second.join(timeout=60)
    assert not second.is_alive() and reports[0].failures == []


def test_every_module_of_the_package_is_in_the_code_hash(tmp_path):
    """A chart depends on more than the drawing modules: its labels (chart_labels.py) once
    escaped the hash, and the old charts stayed cached after they changed."""
    package = tmp_path / "analysis"
    shutil.copytree(Path(runner.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = runner._code_hash(package)
    for module in sorted(package.glob("*.py")):
        original = module.read_bytes()
        module.write_bytes(original + b"\n# edited\n")
        assert runner._code_hash(package) != before, module.name
        module.write_bytes(original)
    assert runner._code_hash(package) == before


@pytest.mark.parametrize("distribution", runner._DRAWING_DISTRIBUTIONS)
def test_an_upgrade_of_what_draws_the_charts_changes_the_code_hash(distribution, monkeypatch):
    import importlib.metadata

    installed = importlib.metadata.version(distribution)  # each is a dependency: found, not "-"
    before = runner._code_hash()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: installed + ".post1" if name == distribution else real(name))
    assert runner._code_hash() != before


def test_the_inputs_key_covers_what_extraction_reads_and_nothing_else(tmp_path):
    # a symlinked folder is read by extraction but was not hashed (its articles stayed cached after
    # they changed); a corpus folder holding the figures was re-extracted on every run
    other, corpus = tmp_path / "other", tmp_path / "corpus"
    other.mkdir()
    corpus.mkdir()
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], other / "linked.txt")
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[1], corpus / "own.txt")
    (corpus / "linked").symlink_to(other, target_is_directory=True)
    key = runner._inputs_key([str(corpus)], None, "code")
    (corpus / "figures").mkdir()
    (corpus / "figures" / "attack_counts.ar.png").write_bytes(b"a chart")
    (corpus / ".hidden.txt").write_text("not read", encoding="utf-8")
    assert runner._inputs_key([str(corpus)], None, "code") == key
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # extraction reports it; the key notes it
    assert runner._inputs_key([str(corpus)], None, "code") != key
    (corpus / "gone.txt").unlink()
    (other / "linked.txt").write_text("خبر آخر", encoding="utf-8")
    assert runner._inputs_key([str(corpus)], None, "code") != key


def test_a_damaged_manifest_entry_means_run_again():
    assert runner._still_valid({"key": "k", "outputs": None}, "k", []) is False
    assert runner._still_valid({"key": "k", "outputs": {}}, "k", []) is True


def test_an_ipynb_edited_after_its_py_is_reported(tmp_path, caplog):
    """The .py runs; edits made to the .ipynb alone would be lost without a word."""
    import os

    for suffix in (".py", ".ipynb"):
        shutil.copy(NOTEBOOKS / f"attack_counts{suffix}", tmp_path / f"attack_counts{suffix}")
    ipynb = tmp_path / "attack_counts.ipynb"
    later = (tmp_path / "attack_counts.py").stat().st_mtime + 10
    os.utime(ipynb, (later, later))
    with caplog.at_level("WARNING", logger="analysis.runner"):
        assert runner._list_notebooks(tmp_path) == {"attack_counts": tmp_path / "attack_counts.py"}
    assert caplog.records == []  # newer but the same cells: nothing to say
    nb = nbformat.read(ipynb, as_version=4)
    nb.cells[-1].source += "\nfig.suptitle('edited in the lab')"
    nbformat.write(nb, ipynb)
    os.utime(ipynb, (later, later))
    with caplog.at_level("WARNING", logger="analysis.runner"):
        runner._list_notebooks(tmp_path)
    assert "jupytext --sync" in caplog.text and "attack_counts.ipynb differs" in caplog.text


def test_changed_parameter_misses_the_cache(first):
    _, out, build, _ = first
    report = run_figures([SEEDS], langs=["en"], formats=["png"], only=["attack_counts"], out_dir=out,
                         build_dir=build, dpi=80, progress=False)
    assert report.ran == ["attack_counts.en"], report.summary()
    assert report.written == [out / "attack_counts.en.png"]


def test_bad_parameter_fails_before_any_kernel(tmp_path):
    start = time.monotonic()
    with pytest.raises(ValueError) as error:
        run_figures([SEEDS], langs=["fr"], out_dir=tmp_path / "f", build_dir=tmp_path / "b", progress=False)
    assert str(error.value) == "attack_counts: lang='fr' is not supported; use one of ar, en"
    with pytest.raises(ValueError, match=r"^attack_counts: formats=\['png', 'gif'\]: 'gif' is not supported"):
        run_figures([SEEDS], formats=["png", "gif"], out_dir=tmp_path / "f", build_dir=tmp_path / "b",
                    progress=False)
    with pytest.raises(ValueError, match=r"attack_counts: digits='roman' is not supported; use one of western, arabic"):
        run_figures([SEEDS], digits="roman", out_dir=tmp_path / "f", build_dir=tmp_path / "b", progress=False)
    with pytest.raises(ValueError, match=r"attack_counts: dpi=0 is not supported"):
        run_figures([SEEDS], dpi=0, out_dir=tmp_path / "f", build_dir=tmp_path / "b", progress=False)
    with pytest.raises(ValueError, match=r"attack_counts: corpus path .*nowhere.* does not exist"):
        run_figures([tmp_path / "nowhere"], out_dir=tmp_path / "f", build_dir=tmp_path / "b", progress=False)
    with pytest.raises(ValueError, match=r"only='nope' is not supported; use one of attack_counts"):
        run_figures([SEEDS], only=["nope"], out_dir=tmp_path / "f", build_dir=tmp_path / "b", progress=False)
    assert time.monotonic() - start < 5  # no kernel was started
    assert not (tmp_path / "b").exists() and not (tmp_path / "f").exists()


BROKEN = '''# %% tags=["parameters"]
corpus = ["../seeds"]
tables_dir = None
lang = "ar"
out_dir = "../figures"

# %%
x = 1

# %%
raise RuntimeError("planted failure in a notebook")
'''

DIES = BROKEN.replace('raise RuntimeError("planted failure in a notebook")', "import os\nos._exit(3)  # the kernel dies")


@pytest.fixture(scope="module")
def empty_and_broken(tmp_path_factory) -> tuple[RunReport, Path]:
    tmp = tmp_path_factory.mktemp("broken")
    notebooks = tmp / "notebooks"
    notebooks.mkdir()
    for name in CHARTS:
        shutil.copy(NOTEBOOKS / f"{name}.py", notebooks / f"{name}.py")
    (notebooks / "broken.py").write_text(BROKEN, encoding="utf-8")
    (notebooks / "dies.py").write_text(DIES, encoding="utf-8")
    corpus = tmp / "nothing_to_chart"  # one article, no figures and no dates
    corpus.mkdir()
    (corpus / "talks.txt").write_text("قال مسؤول عراقي إن المحادثات مع الجانب الأمريكي مستمرة.\n", encoding="utf-8")
    report = run_figures([corpus], langs=["en"], formats=["svg"], out_dir=tmp / "figures",
                         build_dir=tmp / "build", notebooks_dir=notebooks, progress=False)
    return report, tmp


def test_failing_notebook_is_reported_and_others_still_run(empty_and_broken):
    report, tmp = empty_and_broken
    assert [f.notebook for f in report.failures] == ["broken", "dies"], report.summary()
    failure = report.failures[0]
    assert failure.notebook == "broken" and failure.lang == "en"
    assert failure.error == "RuntimeError: planted failure in a notebook"
    assert "raise RuntimeError" in failure.cell
    assert failure.executed == tmp / "build" / "notebooks" / "broken.en.ipynb" and failure.executed.is_file()
    assert sorted(report.ran) == sorted(f"{n}.en" for n in CHARTS)
    summary = report.summary()
    assert "2 failed" in summary and "broken [en]" in summary and "planted failure" in summary
    # a failed run is not cached: the next run tries it again
    again = run_figures([tmp / "nothing_to_chart"], langs=["en"], formats=["svg"], only=["broken"],
                        out_dir=tmp / "figures", build_dir=tmp / "build", notebooks_dir=tmp / "notebooks",
                        progress=False)
    assert [f.notebook for f in again.failures] == ["broken"] and again.cached == []


def test_a_dying_kernel_is_reported_with_its_notebook(empty_and_broken):
    report, _ = empty_and_broken
    dead = [f for f in report.failures if f.notebook == "dies"][0]
    assert "dies [en]" in report.summary()
    assert dead.cell == "kernel" and dead.error.startswith("DeadKernelError: Kernel died"), dead


def test_a_corpus_with_nothing_to_chart_gives_no_data_charts(empty_and_broken):
    _, tmp = empty_and_broken
    for name in CHARTS:
        svg = (tmp / "figures" / f"{name}.en.svg").read_text(encoding="utf-8")
        assert "<!-- No data -->" in svg, name  # matplotlib keeps each text as a comment in SVG


def test_a_corpus_with_no_article_leaves_the_charts_as_they_were(empty_and_broken):
    # a wrong or empty folder must not replace good charts with empty ones (extract refuses too)
    _, tmp = empty_and_broken
    before = {p.name: p.read_bytes() for p in (tmp / "figures").iterdir()}
    empty = tmp / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"no article could be read from {empty} \(1 problem\(s\); the first: "
                                         rf"{empty / 'blank.txt'}"):
        run_figures([empty], langs=["en"], formats=["svg"], out_dir=tmp / "figures", build_dir=tmp / "build",
                    notebooks_dir=tmp / "notebooks", progress=False, force=True)
    assert {p.name: p.read_bytes() for p in (tmp / "figures").iterdir()} == before


def test_an_output_folder_that_is_a_file_fails_before_anything_runs(tmp_path):
    taken = tmp_path / "figures"
    taken.write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match=r"run_figures: out_dir='.*figures' is a file; give a folder"):
        run_figures([SEEDS], out_dir=taken, build_dir=tmp_path / "b", progress=False)
    assert taken.read_text(encoding="utf-8") == "keep me" and not (tmp_path / "b").exists()


def test_papermill_import_leaves_jsonschema_extras_importable() -> None:
    """The runner hides rfc3987-syntax only while jsonschema loads (a slow import it does not
    need): papermill works, and other code can still import the module afterwards."""
    import subprocess
    import sys

    code = ("import importlib.util, sys\n"
            "from analysis.runner import _papermill\n"
            "papermill = _papermill()\n"
            "assert hasattr(papermill, 'execute_notebook')\n"
            "assert 'rfc3987_syntax' not in sys.modules\n"
            "if importlib.util.find_spec('rfc3987_syntax'):\n"
            "    import rfc3987_syntax\n"
            "    assert rfc3987_syntax.is_valid_syntax('iri', 'https://example.org/بغداد')\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


_PARAMETERS = '''# %% tags=["parameters"]
corpus = ["../seeds"]
tables_dir = None
lang = "en"
out_dir = "../figures"

'''
_RECORD = '''
# %%
import json
import os
from pathlib import Path

record = json.dumps({"pid": os.getpid(), "cwd": os.getcwd(), **found})
Path("{RECORDS}", "{NAME}.json").write_text(record)  # not in out_dir: a failed run's outputs are dropped
Path(out_dir).mkdir(parents=True, exist_ok=True)
Path(out_dir, f"{NAME}.{lang}.svg").write_text(record)
'''
SHARED_KERNEL_NOTEBOOKS = {
    # changes what it can of the kernel's state, for the next notebook to find
    "a_leaves": '''
# %%
import os
import matplotlib
import matplotlib.pyplot as plt

leftover = "from an earlier notebook"
matplotlib.rcParams["lines.linewidth"] = 9
plt.figure()
os.chdir("/")
found = {}
''',
    "b_checks": '''
# %%
import matplotlib
import matplotlib.pyplot as plt

found = {"leftover": "leftover" in globals(), "open_figures": plt.get_fignums(),
         "linewidth_changed": matplotlib.rcParams["lines.linewidth"] != matplotlib.rcParamsOrig["lines.linewidth"]}
''',
    "c_breaks": '''
# %%
found = {}
''',
    "d_after": '''
# %%
found = {}
''',
}


def test_notebooks_share_a_kernel_but_start_clean(tmp_path):
    """One worker runs its notebooks in one kernel (imports paid once); each notebook still finds
    what a new kernel would give it, and after a failure the next one gets a new kernel."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    records = tmp_path / "records"
    records.mkdir()
    for name, body in SHARED_KERNEL_NOTEBOOKS.items():
        text = _PARAMETERS + body + _RECORD.replace("{NAME}", name).replace("{RECORDS}", str(records))
        if name == "c_breaks":
            text += '\n# %%\nraise RuntimeError("after writing its record")\n'
        (notebooks / f"{name}.py").write_text(text, encoding="utf-8")
    out, build = tmp_path / "figures", tmp_path / "build"
    report = run_figures([SEEDS], langs=["en"], formats=["svg"], out_dir=out, build_dir=build,
                         notebooks_dir=notebooks, jobs=1, progress=False)
    assert report.ran == ["a_leaves.en", "b_checks.en", "d_after.en"], report.summary()
    assert [f.notebook for f in report.failures] == ["c_breaks"]
    record = {name: json.loads((records / f"{name}.json").read_text()) for name in SHARED_KERNEL_NOTEBOOKS}
    # the failed notebook's chart was written to the staging folder only, and dropped with it
    assert sorted(p.name for p in out.iterdir()) == ["a_leaves.en.svg", "b_checks.en.svg", "d_after.en.svg"]
    assert record["a_leaves"]["pid"] == record["b_checks"]["pid"] == record["c_breaks"]["pid"]
    assert record["d_after"]["pid"] != record["c_breaks"]["pid"]
    checks = record["b_checks"]
    assert (checks["leftover"], checks["open_figures"], checks["linewidth_changed"]) == (False, [], False)
    assert checks["cwd"] == str(notebooks)
    executed = nbformat.read(build / "notebooks" / "b_checks.en.ipynb", as_version=4)
    assert [c.execution_count for c in executed.cells if c.cell_type == "code"] == [1, 2, 3, 4]


SLEEPS = BROKEN.replace('raise RuntimeError("planted failure in a notebook")',
                        'import os, time\nPath = __import__("pathlib").Path\n'
                        'Path(out_dir).mkdir(parents=True, exist_ok=True)\n'
                        'Path(out_dir, "pid").write_text(str(os.getpid()))\ntime.sleep(300)')


def test_a_kernel_killed_while_it_is_being_reset_is_given_up_at_once(tmp_path, monkeypatch, caplog):
    # Ctrl-C kills the kernels; a worker resetting its kernel for the next notebook at that moment
    # waited for the reset's reply until its 60 s timeout ("Timeout waiting for output")
    import threading

    notebook = tmp_path / "nb.py"
    notebook.write_text('# %% tags=["parameters"]\nx = 1\n\n# %%\ny = x + 1\n', encoding="utf-8")
    kernel = runner._Kernel(tmp_path / "kernel.log")
    try:
        runner.execute_notebook(notebook, tmp_path / "out.ipynb", {"x": 2}, 60, kernel)
        monkeypatch.setattr(runner, "_FRESH_START", "import time; time.sleep(30)\n" + runner._FRESH_START)
        killer = threading.Timer(1.0, kernel.kill)
        killer.start()
        kernel.acquire(tmp_path, 600)
        killer.join()
    finally:
        kernel.discard()
    assert "could not reset the kernel (RuntimeError: the kernel was killed)" in caplog.text


def test_ctrl_c_stops_the_running_notebook(tmp_path):
    """Kernels run in their own session, so the terminal's Ctrl-C does not reach them: the runner
    kills them, instead of waiting for the notebook to end (up to the 600 s timeout)."""
    import contextlib
    import os
    import signal
    import subprocess
    import sys

    (tmp_path / "notebooks").mkdir()
    pid_file = tmp_path / "pid"
    (tmp_path / "notebooks" / "sleeps.py").write_text(SLEEPS.replace('Path(out_dir, "pid")', f"Path({str(pid_file)!r})"),
                                                      encoding="utf-8")
    code = ("from analysis.runner import run_figures\n"
            f"run_figures([{str(SEEDS)!r}], langs=['en'], formats=['svg'], out_dir={str(tmp_path / 'out')!r}, "
            f"build_dir={str(tmp_path / 'build')!r}, notebooks_dir={str(tmp_path / 'notebooks')!r}, progress=False)\n")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                             preexec_fn=default_sigint)
    kernel_pid = None
    try:
        for _ in range(600):  # the notebook is sleeping once it wrote its kernel's pid
            if pid_file.exists() and pid_file.read_text():
                break
            time.sleep(0.1)
        kernel_pid = int(pid_file.read_text())
        child.send_signal(signal.SIGINT)
        _, stderr = child.communicate(timeout=60)  # not the notebook's 300 s
        time.sleep(0.5)
        with pytest.raises(ProcessLookupError):
            os.kill(kernel_pid, 0)  # the kernel is gone too
    finally:  # when the test fails: leave no sleeping processes behind
        child.kill()
        if kernel_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(kernel_pid, signal.SIGKILL)
    assert "KeyboardInterrupt" in stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())  # no half-saved chart
    assert not list((tmp_path / "build" / "notebooks").glob(".out-*"))  # nor its staging folder
