"""Tables: schema, save/load round trip, CSV for Excel, and the `analysis extract` command."""

import hashlib
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from analysis import SchemaError, Tables, build_tables
from analysis.tables import SCHEMAS, frame, validate
from tests.conftest import ROOT, SEEDS, default_sigint


def test_columns_are_the_contract(seed_tables):
    for name in SCHEMAS:
        assert list(getattr(seed_tables, name).columns) == list(SCHEMAS[name])


def test_save_and_load_round_trip(seed_tables, tmp_path):
    seed_tables.save(tmp_path)
    loaded = Tables.load(tmp_path)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(seed_tables, name))
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary files left behind


def test_csv_has_a_bom_so_excel_reads_arabic(seed_tables, tmp_path):
    seed_tables.save(tmp_path)
    raw = (tmp_path / "claims.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "هجوم".encode() in raw


def test_schema_rejects_bad_values():
    rows = [{"article_id": "a", "claim_id": "a:c1", "kind": "tanks", "measure": "level", "value": 3,
             "qualifier": "exact", "char_start": 0, "char_end": 1}]
    with pytest.raises(SchemaError, match="kind"):
        validate("claims", frame("claims", rows))


def test_schema_rejects_bounds_that_exclude_the_value():
    rows = [{"article_id": "a", "claim_id": "a:c1", "kind": "troops", "measure": "level", "value": 3,
             "low": 5, "qualifier": "at_least", "char_start": 0, "char_end": 1}]
    with pytest.raises(SchemaError, match="bounds"):
        validate("claims", frame("claims", rows))


def test_load_conforms_tables_written_by_other_tools(seed_tables, tmp_path):
    """Parquet written without the package's dtypes (object strings, float counts, shuffled
    columns, an extra column, its own index) loads with the contract's columns, dtypes and row
    numbers; a bad value still fails."""
    seed_tables.save(tmp_path)
    claims = pd.read_parquet(tmp_path / "claims.parquet")
    plain = claims.astype({"kind": object, "sentence": object, "value": float, "char_start": float})
    plain = plain[list(reversed(plain.columns))].assign(note="added by hand")
    plain.set_axis(range(100, 100 + len(plain))).to_parquet(tmp_path / "claims.parquet")  # index stored
    loaded = Tables.load(tmp_path)
    assert list(loaded.claims.columns) == list(SCHEMAS["claims"])
    assert loaded.claims.index.tolist() == list(range(len(plain)))
    assert {str(loaded.claims[c].dtype) for c in ("kind", "sentence", "value", "char_start")} == {"string", "Int64"}
    pd.testing.assert_frame_equal(loaded.claims, seed_tables.claims)
    plain.assign(kind="tanks").to_parquet(tmp_path / "claims.parquet", index=False)
    with pytest.raises(SchemaError, match="kind"):
        Tables.load(tmp_path)


def test_load_from_an_empty_folder_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="analysis extract"):
        Tables.load(tmp_path)


def test_extraction_is_deterministic():
    first, second = build_tables([SEEDS]), build_tables([SEEDS])
    pd.testing.assert_frame_equal(first.claims, second.claims)
    pd.testing.assert_frame_equal(first.events, second.events)


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_extract_writes_four_tables_and_leaves_inputs_alone(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.iterdir()}
    result = run_cli("-q", "extract", str(SEEDS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 articles,")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{n}.{ext}" for n in SCHEMAS for ext in ("csv", "parquet"))
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.iterdir()}
    assert before == after


def test_cli_missing_path_is_a_clear_error(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert "nope" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_bad_file_is_a_problem_not_a_crash(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("قال البنتاغون إن نحو 2500 جندي أمريكي في العراق.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli("-q", "extract", str(corpus), "--out", str(out))
    assert result.returncode == 0
    assert "warning: 1 input problem" in result.stderr
    problems = pd.read_csv(out / "problems.csv", encoding="utf-8-sig")
    assert problems["path"].str.endswith("empty.txt").tolist() == [True]
    assert run_cli("-q", "extract", str(corpus), "--out", str(out), "--strict").returncode == 1


def test_jobs_give_the_same_tables_row_for_row(corpus_tables):
    from tests.conftest import CORPUS
    parallel = build_tables([CORPUS / "texts"], catalog=CORPUS / "catalog.csv", jobs=2)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(corpus_tables, name))


def test_pages_are_cleaned_by_the_workers_with_the_same_outcome(tmp_path):
    """Cleaning runs where the article is extracted (not in the process that reads the files): a
    page of nothing but chrome is still a "clean" problem, in input order, whatever the job count."""
    import json
    from analysis.corpus import iter_documents
    article = "قالت وزارة الدفاع إن القوات الأمريكية في العراق تعرضت لأكثر من 60 هجومًا منذ 17 أكتوبر 2023.\n"
    chrome = "Skip to main content\nLeave a Reply\nTop\n"
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b_chrome.txt").write_text(chrome, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join([
        "{not json", json.dumps({"id": "x", "text": chrome}), json.dumps({"id": "y", "text": article})]) + "\n",
        encoding="utf-8")
    serial, parallel = build_tables([tmp_path]), build_tables([tmp_path], jobs=2)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name))
    assert serial.articles["article_id"].tolist() == ["a", "y"]
    problems = serial.problems
    assert problems["stage"].tolist() == ["clean", "parse", "clean"]
    assert problems["message"].iloc[0].startswith(f"{tmp_path / 'b_chrome.txt'}: nothing is left")
    assert problems["message"].iloc[1].startswith(f"{tmp_path / 'c.jsonl'}, line 1: not valid JSON")
    assert problems["message"].iloc[2].startswith(f"{tmp_path / 'c.jsonl'}, line 2: ")
    read_in_place = [(p.stage, p.message) for p in iter_documents([tmp_path]) if not hasattr(p, "text")]
    assert read_in_place == list(zip(problems["stage"], problems["message"]))


def _write_synthetic(folder, n: int, seed: int) -> None:
    """N articles from the benchmarks' corpus generator (known answers, deterministic) into `folder`."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus as synthetic
    synthetic.write(synthetic.generate(n, seed=seed), folder)


def test_dask_engine_gives_the_same_tables(seed_tables, tmp_path):
    _write_synthetic(tmp_path, 300, seed=7)
    local = build_tables([SEEDS, tmp_path])
    on_dask = build_tables([SEEDS, tmp_path], engine="dask", jobs=2)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(on_dask, name), getattr(local, name))
    assert len(local.articles) == 305


def test_dask_engine_reads_lazily_and_keeps_the_order(monkeypatch):
    """A few partitions in flight, not the whole corpus: the first rows come back after the first
    partition was read, and the rows follow the input order."""
    from analysis import dask_engine
    from analysis.corpus import Document, iter_documents
    from analysis.tables import _extract_one
    documents = [d for d in iter_documents([SEEDS]) if isinstance(d, Document)]
    documents = [replace(d, article_id=f"{d.article_id}-{copy}") for copy in range(8) for d in documents]
    monkeypatch.setattr(dask_engine, "PARTITION_SIZE", 2)
    monkeypatch.setattr(dask_engine, "IN_FLIGHT", 1)
    pulled = []

    def stream():
        for document in documents:
            pulled.append(document.article_id)
            yield document

    rows = dask_engine.extract_with_dask(stream(), _extract_one, None, 1)
    first = next(rows)
    read_before_first_rows = len(pulled)
    everything = [first, *rows]
    assert read_before_first_rows <= 4 < len(documents) == len(pulled)
    assert [r.article["article_id"] for r in everything] == [d.article_id for d in documents]


def test_cli_dask_engine_is_quiet_unless_asked(tmp_path):
    result = run_cli("extract", str(SEEDS), "--out", str(tmp_path), "--engine", "dask", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout and "INFO" not in result.stderr  # dask's start/stop chatter


def test_dask_engine_uses_an_existing_cluster_and_leaves_it_running(seed_tables):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = build_tables([SEEDS], engine="dask", scheduler=cluster.scheduler_address)
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 1  # not shut down by the run
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(on_cluster, name), getattr(seed_tables, name))


def test_dask_scheduler_without_workers_is_an_error_not_a_hang(monkeypatch):
    from distributed import LocalCluster

    from analysis import dask_engine
    monkeypatch.setattr(dask_engine, "WORKERS_SECONDS", 1)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        with pytest.raises(dask_engine.SchedulerError, match="no workers.*start some with `dask worker "):
            build_tables([SEEDS], engine="dask", scheduler=cluster.scheduler_address)


def test_a_scheduler_address_that_never_answers_is_an_error_not_a_hang(monkeypatch):
    """A server that accepts the connection and says nothing (a dashboard port, say):
    distributed's handshake would wait for ever."""
    import socket

    from analysis import dask_engine
    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 2)
    with socket.create_server(("127.0.0.1", 0)) as silent:
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(dask_engine.SchedulerError, match="cannot use it as a dask scheduler.*8786"):
            build_tables([SEEDS], engine="dask", scheduler=address)


@pytest.mark.parametrize("options, message", [
    (["--jobs", "-1"], "--jobs -1: use a number of processes, or 0"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "add --engine dask"),
    (["--max-mb", "0"], "--max-mb 0: give the size of the largest file"),
    (["--max-mb", "inf"], "--max-mb inf: give the size"),
    (["--max-mb", "1e-9"], "--max-mb 1e-09: give the size"),
])
def test_cli_extract_refuses_bad_options(tmp_path, options, message):
    result = run_cli("-q", "extract", str(SEEDS), "--out", str(tmp_path / "out"), *options)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_caps_jobs_at_the_cores(tmp_path):
    import os

    from analysis.cli import _jobs
    cores = os.cpu_count()
    assert (_jobs(0), _jobs(1), _jobs(cores), _jobs(1000)) == (cores, 1, cores, cores)
    result = run_cli("-q", "extract", str(SEEDS), "--out", str(tmp_path), "--jobs", "1000")
    assert result.returncode == 0, result.stderr
    assert f"--jobs 1000 is more than the {os.cpu_count()} cores of this machine" in result.stderr


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_sigterm_and_ctrl_c_leave_the_old_tables_and_no_temporary_files(tmp_path, signum, engine):
    """`kill` and `timeout` send SIGTERM: the run stops through the same clean-up as Ctrl-C, with no
    traceback.  Both go to the whole process group, as a terminal's Ctrl-C does: the workers get
    the signal too (tests/test_workers.py checks what the local ones do with it; each of a local
    dask cluster's printed a KeyboardInterrupt traceback)."""
    import os
    import time

    # 6,000 articles: after the first chunk of 2,000 is written the run still has seconds of work.
    # With 3,000, one full test run saw the run finish with exit 0 and no "interrupted": most likely
    # the signal arrived as the run ended (not reproduced in 250 tries of the same sequence).
    _write_synthetic(tmp_path / "many", 6000, seed=5)
    out = tmp_path / "out"
    assert run_cli("-q", "extract", str(SEEDS), "--out", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    child = subprocess.Popen([sys.executable, "-m", "analysis.cli", "-q", "extract", str(tmp_path / "many"),
                              "--out", str(out), "--jobs", "2", "--engine", engine], cwd=ROOT,
                             stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=default_sigint)
    try:
        for _ in range(1200):  # the first chunk (2,000 articles) is written: the run is well under way
            if list(out.glob(".articles.parquet.*.tmp")):
                break
            time.sleep(0.05)
        assert list(out.glob(".articles.parquet.*.tmp")), "the run never wrote its first chunk"
        assert child.poll() is None, "the run ended before it could be signalled"
        os.killpg(child.pid, signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 128 + signum and "interrupted" in stderr, stderr
    assert "Traceback" not in stderr, stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no .tmp left, old tables intact


def test_unknown_engine_is_named():
    with pytest.raises(ValueError, match="engine='spark'"):
        build_tables([SEEDS], engine="spark")


def test_streamed_save_in_small_chunks_equals_the_in_memory_tables(corpus_tables, tmp_path):
    from analysis.corpus import iter_documents
    from analysis.tables import extract_all, save_stream
    from tests.conftest import CORPUS
    from analysis.corpus import read_catalog
    entries, _ = read_catalog(CORPUS / "catalog.csv")
    report = save_stream(extract_all(iter_documents([CORPUS / "texts"], entries)), tmp_path, chunk_size=5)
    assert report.counts["articles"] == len(corpus_tables.articles)
    streamed = Tables.load(tmp_path)
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(streamed, name), getattr(corpus_tables, name))
    in_memory = tmp_path / "memory"
    corpus_tables.save(in_memory)
    assert (tmp_path / "claims.csv").read_bytes() == (in_memory / "claims.csv").read_bytes()


def test_a_run_that_reads_nothing_keeps_the_previous_tables(tmp_path):
    out = tmp_path / "data"
    build_tables([SEEDS]).save(out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_cli("-q", "extract", str(empty), "--out", str(out))
    assert result.returncode == 1 and "no article could be read" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize("argv, quiet, verbose", [
    (["extract", "x"], False, False), (["-q", "extract", "x"], True, False),
    (["extract", "x", "-q"], True, False), (["-v", "extract", "x", "--quiet"], True, True),
])
def test_quiet_and_verbose_go_before_or_after_the_command(argv, quiet, verbose):
    from analysis.cli import parser
    args = parser().parse_args(argv)
    assert (args.quiet, args.verbose) == (quiet, verbose)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_leaves_the_old_tables_no_temporary_files_and_names_the_folder(tmp_path):
    import os
    from analysis.corpus import iter_documents
    from analysis.tables import extract_all, save_stream
    out = tmp_path / "data"
    build_tables([SEEDS]).save(out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # this process's temporary claims CSV lands on /dev/full: every write to it fails with ENOSPC
    (out / f".claims.csv.{os.getpid()}.tmp").symlink_to("/dev/full")
    with pytest.raises(OSError, match=f"{out}: the tables could not be written .*No space left"):
        save_stream(extract_all(iter_documents([SEEDS])), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_run_that_reads_nothing_creates_no_folder_and_shows_a_bounded_list_of_problems(tmp_path):
    lines = tmp_path / "bad.jsonl"
    lines.write_text("not json\n" * 120, encoding="utf-8")
    out = tmp_path / "new" / "data"
    result = run_cli("-q", "extract", str(lines), "--out", str(out))
    assert result.returncode == 1 and "no article could be read" in result.stderr
    assert not (tmp_path / "new").exists()
    shown = [line for line in result.stderr.splitlines() if line.startswith("problem: ")]
    assert len(shown) == 50 and "... and 70 more problems" in result.stderr


def test_an_output_path_that_is_a_file_is_named(tmp_path):
    taken = tmp_path / "data"
    taken.write_text("keep me", encoding="utf-8")
    result = run_cli("-q", "extract", str(SEEDS), "--out", str(taken))
    assert result.returncode == 1 and f"{taken} is a file; the tables need a folder" in result.stderr
    assert taken.read_text(encoding="utf-8") == "keep me"
