"""Untrusted text stays data; outputs are atomic; no network access at run time."""

import json
import signal
import socket
import subprocess
import sys
import time

from analysis import Tables, build_tables
from tests.conftest import ROOT, SEEDS

ARTICLE = "قالت وزارة الدفاع إن القوات الأمريكية في العراق تعرضت لأكثر من 60 هجومًا منذ 17 أكتوبر 2023.\n"


def test_file_fields_cannot_point_outside(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"file": "../../etc/passwd", "text": ARTICLE}, ensure_ascii=False), encoding="utf-8")
    tables = build_tables([feed])
    article_id = tables.articles["article_id"].iloc[0]
    assert "/" not in article_id and ".." not in article_id
    out = tmp_path / "out"
    tables.save(out)
    assert sorted(p.parent for p in out.rglob("*")) == [out] * 8


def test_article_text_is_never_evaluated(tmp_path):
    (tmp_path / "a.txt").write_text("__import__('os').system('touch PWNED') {{7*7}} ${7*7} " + ARTICLE,
                                    encoding="utf-8")
    tables = build_tables([tmp_path])
    assert not (tmp_path / "PWNED").exists() and not (ROOT / "PWNED").exists()
    assert "__import__('os')" in tables.claims["sentence"].iloc[0]  # kept as text, quoted as written


def test_pipeline_makes_no_network_access(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    tables = build_tables([SEEDS])
    tables.save(tmp_path)
    from analysis import charts, series
    figure = charts.attack_counts_chart(series.attack_counts(tables), lang="ar")
    charts.save_figure(figure, tmp_path, "attack_counts", "ar", formats=("png",))
    assert (tmp_path / "attack_counts.ar.png").exists()


def test_a_killed_run_leaves_the_last_good_tables(tmp_path):
    out = tmp_path / "data"
    build_tables([SEEDS]).save(out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    big = tmp_path / "big"
    big.mkdir()
    for number in range(3000):
        (big / f"{number:05d}.txt").write_text(ARTICLE * 5, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "analysis.cli", "-q", "extract", str(big), "--out", str(out)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert after == before
    assert len(Tables.load(out).articles) == 5


def test_figures_leave_the_inputs_untouched_and_an_unwritable_output_is_a_clear_error(tmp_path):
    import hashlib
    import shutil
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()}
    result = subprocess.run([sys.executable, "-m", "analysis.cli", "-q", "figures", str(corpus), "--only",
                             "attack_counts", "--lang", "en", "--formats", "svg", "--out", str(tmp_path / "f"),
                             "--build", str(tmp_path / "b")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "f" / "attack_counts.en.svg").exists()
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()} == before
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder should be", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "analysis.cli", "-q", "extract", str(SEEDS), "--out",
                             str(blocked)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "error:" in result.stderr and "Traceback" not in result.stderr
