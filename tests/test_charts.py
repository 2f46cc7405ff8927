"""Series derived from hand-made tables, and real chart renders from them."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from analysis import charts, series, typography
from analysis.typography import LRM, RLM, ar, has_presentation_forms, mpl_shapes_rtl

from . import conftest_charts_helpers as h

NATIVE = mpl_shapes_rtl()


@pytest.fixture(scope="module")
def tables():
    return h.make_tables()


# ----------------------------------------------------------------------------- series
def test_attack_counts_selects_cumulative_totals(tables) -> None:
    out = series.attack_counts(tables)
    assert list(out.columns) == series.POINT_COLUMNS
    assert set(out["claim_id"]) == {"a1-c1", "a2-c1", "a2-c2", "a3-c1", "a3-c2", "a3-c3",
                                    "a4-c1", "a5-c1"}  # no change / incident / troops rows
    assert out["as_of"].is_monotonic_increasing
    assert str(out["value"].dtype) == "Int64" and str(out["high"].dtype) == "Int64"
    undated = out.set_index("claim_id").loc["a3-c1"]
    assert undated["as_of"] == pd.Timestamp("2024-01-05")  # the article's published date
    assert undated["outlet"] == "الحرة"


def test_attack_counts_is_deterministic(tables) -> None:
    from analysis.tables import Tables

    shuffled = Tables(tables.articles.iloc[::-1], tables.claims.sample(frac=1, random_state=3),
                      tables.events, tables.problems)
    pd.testing.assert_frame_equal(series.attack_counts(shuffled), series.attack_counts(tables))


def test_claims_without_any_date_are_left_out() -> None:
    t = h.make_tables()
    t.articles.loc[t.articles["article_id"] == "a3", "published"] = pd.NaT  # noqa: PD008
    assert "a3-c1" not in set(series.attack_counts(t)["claim_id"])
    assert "a3-c2" in set(series.attack_counts(t)["claim_id"])


def test_best_estimate_is_running_max_of_lower_bounds(tables) -> None:
    points = series.attack_counts(tables)
    before = points.copy()
    best = series.best_estimate(points)
    pd.testing.assert_frame_equal(points, before)  # points untouched
    assert list(best.columns) == series.BEST_COLUMNS
    both = best[best["scope"] == "iraq+syria"]
    assert list(both["estimate"]) == [16, 36, 66, 70, 160, 160]  # approx 150 (low 135) adds nothing
    assert both["estimate"].is_monotonic_increasing
    assert list(both["claim_id"])[-1] == "a4-c1"
    assert list(best[best["scope"] == "iraq"]["estimate"]) == [60]


def test_best_estimate_uses_value_when_low_missing() -> None:
    frame = pd.DataFrame({
        "as_of": pd.to_datetime(["2024-01-01", "2024-02-01"]), "value": pd.array([10, 20], "Int64"),
        "low": pd.array([pd.NA, 15], "Int64"), "scope": [pd.NA, pd.NA], "claim_id": ["x", "y"]})
    best = series.best_estimate(frame)
    assert list(best["estimate"]) == [10, 15] and best["scope"].isna().all()


def test_troop_levels(tables) -> None:
    out = series.troop_levels(tables)
    assert list(out.columns) == series.TROOP_COLUMNS
    assert set(out["measure"]) == {"level", "planned"}
    assert dict(zip(out["claim_id"], out["country"]))["a4-c2"] == "foreign"
    assert set(out[out["kind"] == "troops"]["country"]) == {"US"}
    assert "a6-c4" not in set(out["claim_id"])  # a change, not a level


def test_events_timeline(tables) -> None:
    out = series.events_timeline(tables)
    assert "a6-e3" not in set(out["event_id"])  # no date
    assert out["date_start"].is_monotonic_increasing
    assert out.set_index("event_id").loc["a4-e1", "outlet"] == "رويترز"


def test_empty_tables_give_empty_series() -> None:
    t = h.make_real_tables([], [], [])
    for frame, cols in ((series.attack_counts(t), series.POINT_COLUMNS),
                        (series.troop_levels(t), series.TROOP_COLUMNS)):
        assert frame.empty and list(frame.columns) == cols
    assert series.best_estimate(series.attack_counts(t)).empty
    assert series.events_timeline(t).empty


# ----------------------------------------------------------------------------- charts
def build(kind: str, tables, lang: str, **kw):
    if kind == "attacks":
        return charts.attack_counts_chart(series.attack_counts(tables), lang=lang, **kw)
    if kind == "troops":
        return charts.troop_levels_chart(series.troop_levels(tables), lang=lang, **kw)
    return charts.events_timeline_chart(series.events_timeline(tables), lang=lang, **kw)


KINDS = ["attacks", "troops", "events"]


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_save_names_and_byte_identical_files(kind, lang, tables, tmp_path) -> None:
    with h.glyph_warnings() as missing:
        first = charts.save_figure(build(kind, tables, lang), tmp_path / "a", kind, lang)
        second = charts.save_figure(build(kind, tables, lang), tmp_path / "b", kind, lang)
    assert missing == []
    assert [p.name for p in first] == [f"{kind}.{lang}.png", f"{kind}.{lang}.svg",
                                       f"{kind}.{lang}.pdf"]
    for a, b in zip(first, second):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest(), a
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in first)
    assert first[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"CreationDate" not in first[2].read_bytes()
    assert b"<dc:date>" not in first[1].read_bytes()


def test_saving_the_same_figure_twice_is_identical(tables, tmp_path) -> None:
    fig = build("attacks", tables, "ar")
    one = charts.save_figure(fig, tmp_path, "x", "ar", formats=("svg", "pdf"))
    blobs = [p.read_bytes() for p in one]
    two = charts.save_figure(fig, tmp_path, "x", "ar", formats=("svg", "pdf"))
    assert blobs == [p.read_bytes() for p in two]


def _logical_ok(drawn: str) -> bool:
    """Is *drawn* what `ar` makes of some logical string on this matplotlib?"""
    if not typography.has_arabic(drawn):
        return True
    if NATIVE:
        logical = "\n".join(line.lstrip(RLM + LRM) for line in drawn.split("\n"))
        return not has_presentation_forms(drawn) and drawn in (ar(logical), ar(logical, rtl=False))
    # old matplotlib: every Arabic letter must have been replaced by a presentation form
    return not any("\u0621" <= c <= "\u064a" for c in drawn)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_text_went_through_ar(kind, lang, tables) -> None:
    fig = build(kind, tables, lang, digits="arabic") if lang == "ar" else build(kind, tables, lang)
    texts = h.text_artists(fig)
    assert len(texts) > 8
    bad = [t.get_text() for t in texts if not _logical_ok(t.get_text())]
    assert bad == []
    if lang == "ar":
        assert any(typography.has_arabic(t.get_text()) for t in texts)


@pytest.mark.parametrize("kind", KINDS)
def test_rtl_furniture(kind, tables) -> None:
    fig = build(kind, tables, "ar")
    ax = fig.axes[0]
    assert ax.yaxis.get_ticks_position() == "right"
    assert ax.yaxis.get_label_position() == "right"
    title, caption = fig.texts[0], fig.texts[1]
    assert title.get_horizontalalignment() == "right"
    assert caption.get_horizontalalignment() == "right"
    legend = ax.get_legend()
    if legend is not None:  # marker after (right of) the text in Arabic
        renderer = fig.canvas.get_renderer()
        fig.canvas.draw()
        for text, handle in zip(legend.get_texts(), legend.legend_handles):
            assert text.get_window_extent(renderer).x1 < handle.get_window_extent(renderer).x0
    en = build(kind, tables, "en")
    assert en.axes[0].yaxis.get_ticks_position() == "left"
    assert en.texts[0].get_horizontalalignment() == "left"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_layout_has_no_overlaps(kind, lang, tables) -> None:
    """Title, caption and the plot block (with tick labels) stay apart and inside the figure."""
    fig = build(kind, tables, lang)
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    figbox = fig.bbox
    title, caption = (t.get_window_extent(renderer) for t in fig.texts[:2])
    plot = fig.axes[0].get_tightbbox(renderer)
    for box in (title, caption, plot):
        assert box.x0 >= figbox.x0 - 1 and box.x1 <= figbox.x1 + 1
        assert box.y0 >= figbox.y0 - 1 and box.y1 <= figbox.y1 + 1
    assert caption.y1 <= plot.y0 and plot.y1 <= title.y0


def test_month_names_and_digits(tables) -> None:
    def ticks(fig) -> str:
        return " ".join(t.get_text() for t in fig.axes[0].get_xticklabels()
                        + fig.axes[0].get_yticklabels())

    points = series.attack_counts(tables)
    levant = charts.attack_counts_chart(points, months="levant")
    egypt = charts.attack_counts_chart(points, months="egypt", digits="arabic")
    h.text_artists(levant), h.text_artists(egypt)
    assert ar("تشرين الثاني\n2023") in ticks(levant) and "2023" in ticks(levant)
    assert ar("نوفمبر\n٢٠٢٣") in ticks(egypt) and "2023" not in ticks(egypt)
    assert ar("١٦٠") in ticks(egypt)
    english = charts.attack_counts_chart(points, lang="en")
    h.text_artists(english)
    assert "Nov\n2023" in ticks(english)


def test_caption_names_sources(tables) -> None:
    fig = build("attacks", tables, "ar")
    caption = fig.texts[1].get_text()
    for outlet in ("رويترز", "الحرة", "الجزيرة"):
        assert ar(outlet) in caption or outlet in caption
    entries = charts.source_entries(series.attack_counts(tables), charts._Style("en", "western", "levant"),
                                    limit=2)
    assert len(entries) == 3 and entries[-1] == "and 2 more"
    assert entries[0].startswith("رويترز" + RLM + LRM)  # keeps the dates in English word order
    ar_entries = charts.source_entries(series.attack_counts(tables),
                                       charts._Style("ar", "western", "levant"))
    assert all(RLM + " (" in e for e in ar_entries)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_empty_series_say_no_data(kind, lang, tmp_path) -> None:
    empty = h.make_real_tables([], [], [])
    with h.glyph_warnings() as missing:
        fig = build(kind, empty, lang)
        paths = charts.save_figure(fig, tmp_path, kind, lang, formats=("png",))
    assert missing == [] and paths[0].exists()
    texts = [t.get_text() for t in h.text_artists(fig)]
    assert ar("لا توجد بيانات") in texts if lang == "ar" else "No data" in texts


def test_bad_parameters_name_the_fix(tables, tmp_path) -> None:
    points = series.attack_counts(tables)
    with pytest.raises(ValueError, match="lang='fr'"):
        charts.attack_counts_chart(points, lang="fr")
    with pytest.raises(ValueError, match="months="):
        charts.attack_counts_chart(points, months="maghreb")
    with pytest.raises(ValueError, match="formats"):
        charts.save_figure(charts.attack_counts_chart(points), tmp_path, "x", "ar", formats=("gif",))


def test_png_shows_arabic_title_as_shaped_by_harfbuzz(tables, tmp_path) -> None:
    """End to end: the title pixels in a saved Arabic chart match HarfBuzz's rendering."""
    from PIL import Image

    fig = build("attacks", tables, "ar")
    title = fig.texts[0]
    title.set_fontsize(h.PX * 72 / 100)
    (png,) = charts.save_figure(fig, tmp_path, "t", "ar", formats=("png",), dpi=100)
    box = title.get_window_extent(fig.canvas.get_renderer())
    img = np.asarray(Image.open(png).convert("L"), dtype=float)
    top = img.shape[0] - int(box.y1) - 2
    crop = 255 - img[max(top, 0): img.shape[0] - int(box.y0) + 2, int(box.x0) - 2: int(box.x1) + 2]
    logical = charts.WORDS["ar"]["attacks_title"]
    assert h.ink_similarity(crop, h.render_harfbuzz(logical)) > 0.9


def test_missing_values_do_not_break_series_or_charts(tmp_path) -> None:
    """NA in kind / measure / qualifier / scope / type / outlet: rows are kept or skipped, no crash."""
    base = h.make_tables()
    claims = base.claims.copy()
    claims.loc[0, "qualifier"] = pd.NA
    claims.loc[1, "scope"] = pd.NA
    claims.loc[2, "measure"] = pd.NA
    claims.loc[3, "kind"] = pd.NA
    events = base.events.copy()
    events.loc[0, "type"] = pd.NA
    events.loc[1, "planned"] = pd.NA
    articles = base.articles.copy()
    articles.loc[0, "outlet"] = pd.NA
    from analysis.tables import Tables

    t = Tables(articles, claims, events, base.problems)
    points = series.attack_counts(t)
    assert {"a2-c2", "a3-c1"}.isdisjoint(points["claim_id"])
    assert points["scope"].isna().sum() == 1
    with h.glyph_warnings() as missing:
        for kind in KINDS:
            charts.save_figure(build(kind, t, "ar"), tmp_path, kind, "ar", formats=("png",))
    assert missing == []


def test_time_window_limits_points_and_sources(tables) -> None:
    points = series.attack_counts(tables)
    fig = charts.attack_counts_chart(points, lang="en", start="2024-01-01")
    caption = fig.texts[1].get_text()
    assert "Jan 2024" in caption and "2023" not in caption
    import matplotlib.dates as mdates

    left, _ = fig.axes[0].get_xlim()
    assert mdates.num2date(left).replace(tzinfo=None) > pd.Timestamp("2023-12-15")
    empty = charts.attack_counts_chart(points, lang="en", start="2030-01-01")
    assert "No data" in [t.get_text() for t in h.text_artists(empty)]


@pytest.mark.parametrize(("n", "text"), [(1, "ومصدر آخر"), (2, "ومصدران آخران"),
                                         (5, "و5 مصادر أخرى"), (22, "و22 مصدرًا آخر")])
def test_arabic_count_of_more_sources(n: int, text: str) -> None:
    assert charts._more(n, charts._Style("ar", "western", "levant")) == text
