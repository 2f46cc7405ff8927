"""Series derived from hand-made tables, and real chart renders from them."""

from __future__ import annotations

import hashlib
import re

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis import charts, series, typography
from analysis.typography import LRM, RLM, ar, has_presentation_forms, mpl_shapes_rtl

from . import conftest_charts_helpers as h
from .test_series import article, attack_tables, claim, troop_tables

NATIVE = mpl_shapes_rtl()


@pytest.fixture(scope="module")
def tables():
    return h.make_tables()


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
    entries = charts.source_entries(series.attack_counts(tables), charts.Style("en", "western", "levant"),
                                    limit=2)
    assert len(entries) == 3 and entries[-1] == "and 2 more"
    assert entries[0].startswith("رويترز" + RLM + LRM)  # keeps the dates in English word order
    ar_entries = charts.source_entries(series.attack_counts(tables),
                                       charts.Style("ar", "western", "levant"))
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
    left, _ = fig.axes[0].get_xlim()
    assert mdates.num2date(left).replace(tzinfo=None) > pd.Timestamp("2023-12-15")
    empty = charts.attack_counts_chart(points, lang="en", start="2030-01-01")
    assert "No data" in [t.get_text() for t in h.text_artists(empty)]


@pytest.mark.parametrize(("n", "text"), [(1, "ومصدر آخر"), (2, "ومصدران آخران"),
                                         (5, "و5 مصادر أخرى"), (22, "و22 مصدرًا آخر")])
def test_arabic_count_of_more_sources(n: int, text: str) -> None:
    assert charts.more_sources(n, charts.Style("ar", "western", "levant")) == text


# ----------------------------------------------------------------------------- what the charts show
def _caption(fig) -> str:
    """The caption as one logical line (wrapping and direction marks removed)."""
    return fig.texts[1].get_text().replace("\n", " ").translate({ord(RLM): None, ord(LRM): None})


def _days(values) -> list[str]:
    return [mdates.num2date(v).strftime("%Y-%m-%d") for v in values]


def _markers(ax) -> list:
    return [line for line in ax.lines if line.get_linestyle() == "None"]


def _steps(ax, style: str = "-") -> list[list[str]]:
    """x dates of every step line of *style* ('-' solid, '--' dashed), in drawing order."""
    return [_days(line.get_xydata()[:, 0]) for line in ax.lines
            if line.get_drawstyle() == "steps-post" and line.get_linestyle() == style]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_attack_markers_side_by_side_and_lines_per_period(lang) -> None:
    points = series.attack_counts(attack_tables())
    fig = charts.attack_counts_chart(points, lang=lang)
    h.text_artists(fig)
    ax = fig.axes[0]
    xy = np.vstack([line.get_xydata() for line in _markers(ax)])
    assert len(xy) == 6  # one marker per point
    eighteen = np.sort(xy[xy[:, 1] == 18, 0])
    true_day = mdates.date2num(pd.Timestamp("2023-11-20"))
    assert len(eighteen) == 2 and eighteen[1] - eighteen[0] > 1  # A and B: apart by > 1 day
    assert np.isclose(eighteen.mean(), true_day)  # centred on the reported date
    assert (xy[xy[:, 1] != 18, 0] == np.round(xy[xy[:, 1] != 18, 0])).all()  # others not moved
    # one line per counting period, from its first report to its last: never to 1 Mar 2024
    assert _steps(ax) == [["2023-11-20", "2024-01-01"], ["2024-02-29", "2024-03-01"]]
    assert [list(line.get_xydata()[:, 1]) for line in ax.lines
            if line.get_drawstyle() == "steps-post"] == [[18, 60], [12, 12]]


def test_attack_caption_counts_left_out_figures_and_dates_sources_by_precision() -> None:
    points = series.attack_counts(attack_tables())
    en = _caption(charts.attack_counts_chart(points, lang="en"))
    assert "Reported figures not shown because their date is known only to the year, or not at" \
           " all: 3." in en
    assert "Markers that share a date and value are set side by side." in en
    for outlet, date in (("الجزيرة", "21 Nov 2023"), ("الحرة", "Jan 2024"),
                         ("العربي الجديد", "1 Mar 2024")):  # day or month, as published
        assert f"{outlet if NATIVE else ar(outlet, rtl=False)} ({date})" in en
    ar_fig = charts.attack_counts_chart(points, lang="ar")
    if NATIVE:  # logical text in the artist; on 3.10 it is shaped, checked via left_out_notes
        caption = _caption(ar_fig)
        assert "أرقام معلنة غير مرسومة لأن تاريخها معروف بالسنة فقط أو غير معروف: 3." in caption
        assert "الحرة (كانون الثاني 2024)" in caption
        assert "الجزيرة (21 تشرين الثاني 2023)" in caption


def test_a_window_counts_a_year_wholly_outside_it_with_the_figures_outside_it() -> None:
    # attack_tables leaves out C-2 (2024), D-1 (2023) and E-1 (no date).  From 15 Jan 2024 on:
    # D-1's whole year is before the window, so it is one of the figures before it, with A-1, A-5,
    # B-1 (20 Nov 2023) and C-1 (Jan 2024); C-2 (its year overlaps the window) and E-1 stay
    # "not shown for their date".  It used to say 3 and 4 whatever the window.
    points = series.attack_counts(attack_tables())
    en = _caption(charts.attack_counts_chart(points, lang="en", start="2024-01-15"))
    assert ("Reported figures not shown because their date is known only to the year, or not at all: 2."
            " Reported figures outside the period shown: 5 before 15 Jan 2024.") in en
    # up to 31 Dec 2023: C-1, F-1, F-2 are after it, and C-2's year 2024 too; D-1 (2023) and E-1 stay
    en = _caption(charts.attack_counts_chart(points, lang="en", end="2023-12-31"))
    assert ("Reported figures not shown because their date is known only to the year, or not at all: 2."
            " Reported figures outside the period shown: 4 after 31 Dec 2023.") in en


def test_left_out_notes_in_both_languages() -> None:
    ar_style = charts.Style("ar", "western", "levant")
    en_style = charts.Style("en", "western", "levant")
    start = pd.Timestamp("2013-12-31")
    assert charts.left_out_notes(ar_style, 3) == \
        "أرقام معلنة غير مرسومة لأن تاريخها معروف بالسنة فقط أو غير معروف: 3."
    assert charts.left_out_notes(ar_style, 0, 2, start) == \
        "أرقام معلنة خارج الفترة المعروضة: 2 قبل 31 كانون الأول 2013."
    assert charts.left_out_notes(charts.Style("ar", "arabic", "egypt"), 0, 2, start,
                                 key="outside_events") == \
        "أحداث خارج الفترة المعروضة: ٢ قبل ٣١ ديسمبر ٢٠١٣."
    assert charts.left_out_notes(en_style, 1, 2, start, 1, pd.Timestamp("2025-01-31")) == (
        "Reported figures not shown because their date is known only to the year, or not at all: 1."
        " Reported figures outside the period shown: 2 before 31 Dec 2013, 1 after 31 Jan 2025.")
    assert charts.left_out_notes(en_style) == ""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_troop_chart_shows_the_last_twelve_years_without_lines_across_gaps(lang) -> None:
    out = series.troop_levels(troop_tables())
    fig = charts.troop_levels_chart(out, lang=lang)
    h.text_artists(fig)
    ax = fig.axes[0]
    left, _ = ax.get_xlim()
    assert mdates.num2date(left).year == 2014  # window from 31 Dec 2013, axis padded a little
    assert ax.get_ylim()[1] < 10_000  # 5,200 is the largest figure in the window
    # runs 2014-15 and 2020-21; the lone Sep 2025 level and Syria's Oct 2023 figure: no line
    assert _steps(ax, "-") == [["2014-09-01", "2015-06-01"],
                               ["2020-01-03", "2020-09-09", "2021-01-15"]]
    assert _steps(ax, "--") == [["2025-09-01", "2025-12-31"]]  # planned cut from the last level
    assert sum(len(line.get_xydata()) for line in _markers(ax)) == 8
    if lang == "en" or NATIVE:
        caption = _caption(fig)
        # 2003 and Jun 2007, and t3, dated only "2007": a year wholly before the window
        assert ("Reported figures outside the period shown: 3 before 31 Dec 2013." in caption
                or "أرقام معلنة خارج الفترة المعروضة: 3 قبل 31 كانون الأول 2013." in caption)
        assert "not shown because their date" not in caption and "غير مرسومة لأن تاريخها" not in caption


def test_troop_chart_draws_a_force_with_only_planned_levels() -> None:
    # "أوصى … بإبقاء 500 جندي في سوريا" twice, and no reported level in Syria: a dashed line, no levels
    t = {"kind": "troops", "measure": "planned", "scope": "syria", "ps": None}
    tables = h.make_real_tables([article("P1", "رويترز", "2025-04-18", "day")],
                                [claim("P1", "p1", 500, as_of="2025-04-18", precision="day", **t),
                                 claim("P1", "p2", 400, as_of="2025-06-30", precision="day", **t)], [])
    ax = charts.troop_levels_chart(series.troop_levels(tables), lang="en").axes[0]
    assert _steps(ax, "--") == [["2025-04-18", "2025-06-30"]]
    assert _steps(ax, "-") == []


def test_troop_chart_window_can_be_widened() -> None:
    out = series.troop_levels(troop_tables())
    for fig in (charts.troop_levels_chart(out, lang="en", start="2003-01-01"),
                charts.troop_levels_chart(out, lang="en", years=None)):
        h.text_artists(fig)
        ax = fig.axes[0]
        assert ax.get_ylim()[1] > 170_000
        assert "outside the period" not in _caption(fig)
        assert "known only to the year, or not at all: 1." in _caption(fig)  # t3's 2007 is inside
        lines = _steps(ax, "-")
        assert not any("2007-06-01" in line or "2003-03-20" in line for line in lines)  # no drop
        for line in lines:
            days = pd.to_datetime(line)
            assert all(b <= a + pd.DateOffset(months=18) for a, b in zip(days, days[1:]))
    narrow = charts.troop_levels_chart(out, lang="en", start="2020-01-01", end="2021-12-31")
    assert "5 before 1 Jan 2020, 3 after 31 Dec 2021." in _caption(narrow)  # 2003-15 and t3 (2007); 2023-25


def _eleven_events():
    types = ["visit", "meeting", "talks", "agreement", "deadline", "withdrawal", "attack",
             "strike", "killing", "statement", "other"]
    rows = [{"article_id": "A", "event_id": f"e{i}", "type": kind, "date_start": f"{2015 + i}-06-01",
             "date_precision": "month", "planned": kind == "deadline", "sentence": f"حدث {i}",
             "char_start": 0, "char_end": 3} for i, kind in enumerate(types)]
    rows.append({"article_id": "A", "event_id": "old", "type": "other", "date_start": "2003-03-20",
                 "date_precision": "day", "planned": False, "sentence": "غزو", "char_start": 0,
                 "char_end": 3})
    return h.make_real_tables([article("A", None, "2025-07-01", "month")], [], rows)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_events_have_eleven_colours_and_markers_and_a_window(lang) -> None:
    events = series.events_timeline(_eleven_events())
    fig = charts.events_timeline_chart(events, lang=lang)
    h.text_artists(fig)
    markers = _markers(fig.axes[0])
    assert len(markers) == 11
    assert len({to_hex(m.get_markeredgecolor()) for m in markers}) == 11
    assert len({m.get_marker() for m in markers}) == 11
    assert all(to_hex(m.get_markerfacecolor()) == "#ffffff" for m in markers
               if m.get_marker() == charts.EVENT_STYLES["deadline"][1])  # planned: open
    if lang == "en" or NATIVE:
        caption = _caption(fig)
        assert ("Events outside the period shown: 1 before 1 Jun 2013." in caption
                or "أحداث خارج الفترة المعروضة: 1 قبل 1 حزيران 2013." in caption)
        assert ("unknown outlet (Jul 2025)." in caption or "مصدر غير معروف (تموز 2025)." in caption)
    wide = charts.events_timeline_chart(events, lang=lang, start="2000-01-01")
    h.text_artists(wide)
    assert sum(len(m.get_xdata()) for m in _markers(wide.axes[0])) == 12  # two "other" events on one line


def test_a_timeline_of_thousands_of_events_draws_them_per_type() -> None:
    # a corpus of 100,000 articles has 100,000s of events: drawn one call per event, the chart
    # took minutes and gigabytes; drawn per type (and fill), it takes one artist per type
    rows = [{"article_id": "A", "event_id": f"e{i}", "type": ("attack", "strike", "deadline")[i % 3],
             "date_start": str(pd.Timestamp("2023-10-17") + pd.Timedelta(days=i % 400))[:10],
             "date_end": str(pd.Timestamp("2023-10-20") + pd.Timedelta(days=i % 400))[:10] if i % 10 == 0 else None,
             "date_precision": "day", "planned": i % 6 == 2, "sentence": "حدث", "char_start": 0, "char_end": 3}
            for i in range(6000)]
    events = series.events_timeline(h.make_real_tables([article("A", None, "2025-07-01", "month")], [], rows))
    fig = charts.events_timeline_chart(events, lang="en", years=None)
    ax = fig.axes[0]
    markers = _markers(ax)
    assert sum(len(m.get_xdata()) for m in markers) == 6000
    assert len(markers) == 4  # attack, strike, deadline (closed) and deadline (planned: open)
    assert sum(len(c.get_segments()) for c in ax.collections) == 600  # every tenth has a date range


def test_every_troop_scope_has_its_own_marker() -> None:
    # "Iraq" and "unspecified" once shared the filled circle: the legend could not tell them apart
    assert len(set(charts.SCOPE_MARKERS.values())) == len(charts.SCOPE_MARKERS) == 5


def test_event_palette_is_distinct_for_every_type() -> None:
    colours = [c for c, _ in charts.EVENT_STYLES.values()]
    shapes = [m for _, m in charts.EVENT_STYLES.values()]
    assert len(charts.EVENT_STYLES) == 11 == len(set(colours)) == len(set(shapes))


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["albawabhnews.com (2023)", "arabi21.org (16 Feb 2021)",
            "unknown outlet (Jul 2021, Jan 2024)"]),
    ("ar", ["albawabhnews.com (2023)", "arabi21.org (16 شباط 2021)",
            "مصدر غير معروف (تموز 2021، كانون الثاني 2024)"]),
])
def test_sources_at_their_precision_unknown_outlet_last(lang, expected) -> None:
    frame = pd.DataFrame({
        "outlet": pd.array([None, None, "arabi21.org", "albawabhnews.com", "arabi21.org"], "string"),
        "published": pd.to_datetime(["2021-07-01", "2024-01-01", "2021-02-16", "2023-01-01",
                                     "2021-02-16"]),
        "published_precision": ["month", "month", "day", "year", "day"]})
    entries = charts.source_entries(frame, charts.Style(lang, "western", "levant"))
    assert [e.translate({ord(RLM): None, ord(LRM): None}) for e in entries] == expected


def test_saved_files_have_normal_permissions_and_no_temporary_files(tables, tmp_path) -> None:
    import os
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    paths = charts.save_figure(build("troops", tables, "en"), tmp_path, "troops", "en")
    again = charts.save_figure(build("troops", tables, "en"), tmp_path, "troops", "en")
    assert paths == again and sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def _dense_troop_tables(n: int):
    """`n` daily reports of about 2,500 US troops in Iraq, from 1 Jan 2020."""
    days = pd.date_range("2020-01-01", periods=n, freq="D")
    claims = [claim("D", f"d{i}", 2400 + (i * 37) % 200, kind="troops", measure="level", scope="iraq", ps=None,
                    as_of=str(day.date()), precision="day") for i, day in enumerate(days)]
    return h.make_real_tables([article("D", "رويترز", str(days[-1].date()), "day")], claims, [])


def test_a_chart_of_thousands_of_points_thins_them_and_keeps_its_svg_small(tmp_path) -> None:
    """At 20,000 articles opaque points hid each other and the median line, and each was an SVG
    element (7-9 MB files): beyond DENSE_POINTS they are smaller and translucent under the
    lines, and the SVG holds them as one image; the PDF keeps vectors."""
    sparse = charts.troop_levels_chart(series.troop_levels(troop_tables()), lang="en", years=None)
    dense = charts.troop_levels_chart(series.troop_levels(_dense_troop_tables(3000)), lang="en", years=None)
    [dense_points] = _markers(dense.axes[0])
    assert len(dense_points.get_xdata()) == 3000 > charts.DENSE_POINTS
    assert {(points.get_alpha(), points.get_markersize()) for points in _markers(sparse.axes[0])} == {(None, 5.5)}
    assert (dense_points.get_alpha(), dense_points.get_markersize()) == (0.35, pytest.approx(5.5 * 0.6))
    [line] = [line for line in dense.axes[0].lines if line is not dense_points]
    assert line.get_zorder() > dense_points.get_zorder()  # the middle value on top of the cloud
    for name, fig in (("sparse", sparse), ("dense", dense)):
        charts.save_figure(fig, tmp_path, name, "en", formats=("svg", "pdf"))
    sparse_svg, dense_svg = ((tmp_path / f"{name}.en.svg").read_text() for name in ("sparse", "dense"))
    assert "<image" not in sparse_svg and dense_svg.count("<image") == 1
    # markers are <use> of a marker path ("#m…"), glyphs of a font path ("#Noto…"): ticks and legend
    # keys are left, not 3,000 points
    assert len(re.findall(r'<use xlink:href="#m', dense_svg)) < 20
    assert b"/Subtype /Image" not in (tmp_path / "dense.en.pdf").read_bytes()
    assert not dense_points.get_rasterized()  # only while the SVG was written


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_chart_renders_on_the_development_corpus(corpus_tables, lang) -> None:
    # what `make figures` draws: a rule change that gives the corpus a new shape of data (a force
    # with planned levels only) once broke the troop chart there while the seeds still drew
    for figure in (charts.attack_counts_chart(series.attack_counts(corpus_tables), lang=lang),
                   charts.troop_levels_chart(series.troop_levels(corpus_tables), lang=lang),
                   charts.events_timeline_chart(series.events_timeline(corpus_tables), lang=lang)):
        assert figure.axes[0].has_data()
