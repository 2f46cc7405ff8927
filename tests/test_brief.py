"""The brief: one PDF and one HTML page with the charts, captions and a sources table.

Real tables from the seeds plus one planted article whose text and outlet hold markup: the
HTML must show it as text, never as markup.
"""

from __future__ import annotations

import base64
import html as html_module
import re
from pathlib import Path

import pytest

from analysis.brief import write_brief
from analysis.tables import build_tables

ROOT = Path(__file__).resolve().parent.parent

PLANTED = """هجمات جديدة على القوات الأمريكية

بغداد - 15 كانون الثاني 2024

قال مسؤول أمريكي إن عدد الهجمات على القوات الأمريكية في العراق وسوريا ارتفع إلى 130 هجوماً منذ 17 تشرين الأول <script>alert("x")</script> الماضي.
"""


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    (folder / "planted.txt").write_text(PLANTED, encoding="utf-8")
    catalog = folder / "catalog.csv"
    catalog.write_text('file,url,outlet,published\nplanted.txt,,"<b>Evil</b> & <script>alert(1)</script>",2024-01-15\n',
                       encoding="utf-8")
    tables = build_tables([ROOT / "seeds", folder / "planted.txt"], catalog=catalog)
    assert tables.claims["sentence"].str.contains("<script>", regex=False).any()  # the plant took
    return tables


@pytest.fixture(scope="module")
def written(tables, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief")
    return {lang: write_brief(tables, out, lang=lang) for lang in ("ar", "en")}, out


def test_writes_one_pdf_and_one_html_per_language(written):
    paths, out = written
    assert [p.name for p in paths["ar"]] == ["brief.ar.pdf", "brief.ar.html"]
    assert [p.name for p in paths["en"]] == ["brief.en.pdf", "brief.en.html"]
    assert sorted(p.name for p in out.iterdir()) == ["brief.ar.html", "brief.ar.pdf", "brief.en.html",
                                                      "brief.en.pdf"]  # no temp files left
    pdf = paths["ar"][0].read_bytes()
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 5  # cover, 3 charts, sources


def test_pdf_and_html_are_deterministic(tables, written, tmp_path):
    paths, _ = written
    again = write_brief(tables, tmp_path, lang="ar")
    assert again[0].read_bytes() == paths["ar"][0].read_bytes()
    assert again[1].read_bytes() == paths["ar"][1].read_bytes()


def test_html_escapes_article_text(written):
    paths, _ = written
    for lang in ("ar", "en"):
        page = paths[lang][1].read_text(encoding="utf-8")
        assert "<script" not in page.lower()  # neither the sentence nor the outlet is markup
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
        assert "&lt;b&gt;Evil&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_direction_images_and_sources(written):
    paths, _ = written
    ar, en = (paths[lang][1].read_text(encoding="utf-8") for lang in ("ar", "en"))
    assert '<html lang="ar" dir="rtl">' in ar and '<html lang="en" dir="ltr">' in en
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', ar)
    assert len(images) == 3
    assert all(base64.b64decode(i).lstrip().startswith(b"<?xml") for i in images)
    assert ar.count("<figcaption>") == 3 and "المصادر والجمل المقتبسة" in ar
    assert "<mark>130</mark>" in ar  # the quoted number is marked in its sentence
    assert 'dir="rtl" lang="ar"' in en  # Arabic sentences stay right-to-left in the English brief


def test_empty_tables_and_bad_arguments(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    tables = build_tables([empty])
    pdf, page = write_brief(tables, tmp_path / "out", lang="en", charts=["attack_counts"])
    assert pdf.is_file() and "No data." in page.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="write_brief: lang='fr' is not supported; use one of ar, en"):
        write_brief(tables, tmp_path / "out", lang="fr")
    with pytest.raises(ValueError, match="write_brief: charts='pie' is not supported"):
        write_brief(tables, tmp_path / "out", charts=["pie"])


@pytest.mark.parametrize("options, message", [
    (["--from", "garbage"], "analysis brief: date_from='garbage' is not supported; use None or a date written YYYY-MM-DD"),
    (["--from", "2025-01-01", "--to", "2024-01-01"], "analysis brief: date_from='2025-01-01' is after date_to='2024-01-01'"),
    (["--jobs", "-1"], "--jobs -1: use a number of processes, or 0 (the default) for one per core"),
])
def test_cli_brief_checks_its_window_before_reading(tmp_path, options, message):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "analysis.cli", "-q", "brief", str(tmp_path / "nowhere"),
                             "--out", str(tmp_path / "b"), *options], capture_output=True, text=True)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "b").exists()


def test_cli_brief_of_a_corpus_with_no_article_is_an_error(tmp_path):
    import subprocess
    import sys
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "analysis.cli", "-q", "brief", str(empty),
                             "--out", str(tmp_path / "b")], capture_output=True, text=True)
    assert result.returncode == 2 and f"no article could be read from {empty} (no .txt, .html, .htm, .jsonl files there)" in result.stderr
    assert not (tmp_path / "b").exists()


def test_a_large_corpus_lists_only_the_latest_quoted_sentences(tables, tmp_path, monkeypatch):
    # at 20,000 articles the sources table ran to 100,000 rows and the PDF to hundreds of MB;
    # it lists the latest MAX_SOURCES sentences per chart and says how many there are in all
    from analysis import brief
    from analysis.series import attack_counts

    points = attack_counts(tables)
    total = len(points[["article_id", "sentence"]].drop_duplicates())
    assert total > 2
    monkeypatch.setattr(brief, "MAX_SOURCES", 2)
    pdf, page = write_brief(tables, tmp_path, lang="en", charts=["attack_counts"])
    html = page.read_text(encoding="utf-8")
    sources = html[html.index('<section id="sources">'):]
    assert sources.count("<tr>") == 1 + 2  # the header and two sentences
    assert f"The 2 most recent of {total} quoted sentences; all of them are in the claims and events tables." in sources
    latest = points.sort_values("published")["sentence"].iloc[-1]
    assert html_module.escape(latest[-40:]) in sources  # (its number is marked up)
    assert pdf.stat().st_size > 0


def test_the_latest_quoted_sentences_are_the_latest_dated_ones(tables, tmp_path, monkeypatch):
    # undated articles sort last in the sources table: cutting its tail kept them before any dated one
    import dataclasses

    from analysis import brief
    from analysis.series import attack_counts

    points = attack_counts(tables)
    dated_ids = points.dropna(subset=["published"]).sort_values("published")["article_id"].unique()
    assert len(dated_ids) >= 2
    undated = tables.articles.assign(published=tables.articles["published"].where(
        tables.articles["article_id"].isin(dated_ids[-2:])))  # every other article loses its date
    monkeypatch.setattr(brief, "MAX_SOURCES", 2)
    _, page = write_brief(dataclasses.replace(tables, articles=undated), tmp_path, lang="en",
                          charts=["attack_counts"])
    sources = page.read_text(encoding="utf-8").split('<section id="sources">')[1]
    dates = re.findall(r'<td class="date">([^<]*)</td>', sources)
    assert len(dates) == 2 and "—" not in dates


def test_a_dense_chart_goes_into_the_html_as_one_image_of_its_points(tmp_path):
    """Every marker was an SVG element: the 20,000-article brief's HTML was 31 MB (now 4 MB)."""
    from tests.test_charts import _dense_troop_tables
    [_, page] = write_brief(_dense_troop_tables(3000), tmp_path, lang="en", charts=["troop_levels"])
    [svg] = [base64.b64decode(i).decode() for i in
             re.findall(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', page.read_text(encoding="utf-8"))]
    assert svg.count("<image") == 1 and len(re.findall(r'<use xlink:href="#m', svg)) < 20
