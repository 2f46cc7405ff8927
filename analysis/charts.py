"""Charts of attack counts, troop levels and events, in Arabic (default) or English.

Why it looks the way it does: Arabic charts follow right-to-left conventions (title and caption
right-aligned, y axis on the right, legend markers after the text, Arabic month names, optional
Arabic-Indic digits); every string is passed through `typography.ar`, so the same code gives
correct labels on matplotlib with and without its own Arabic shaping.  Every chart carries a
caption saying what is counted, where the numbers come from (publication dates at the precision
they are known to) and what is left out (figures dated only to a year, rows outside the time
window).  Figures are plain `matplotlib.figure.Figure` objects (no pyplot state), and
`save_figure` writes byte-identical files on every run through `atomic.write_atomically`.

What is drawn, and why: attack counts one point per article, area and counting period, with the
best-estimate line restarting with each counting period and ending at its last report (a
cumulative count says nothing past its last report); troop levels and events over the last
12 years by default (the 2003-2010 figures would flatten the recent story), troop lines broken
across gaps of more than 18 months.  Words, colours and caption text live in `chart_labels`.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator

from . import typography
from .atomic import write_atomically
from .chart_labels import (  # noqa: F401 (MONTHS, WORDS, more_sources: re-exported)
    COUNTRY_COLORS, EVENT_FALLBACK, EVENT_STYLES, LANGS, MONTHS, SCOPE_COLORS, SCOPE_MARKERS, WORDS,
    Style, caption_chunks, left_out_notes, more_sources, source_entries)
from .series import IMPRECISE_YEARS, best_estimate, left_out

FIGSIZE = (8.0, 5.0)
CAPTION_PT = 7.5


MARGIN_IN = 0.12  # blank border around everything, inches
DENSE_POINTS = 2_000  # markers beyond which a chart is a cloud (see _thin_dense_points)
GAP_IN = 0.1  # between the plot block and the title / caption, inches


# ----------------------------------------------------------------------------- figure frame
@dataclass
class _Chart:
    """A figure being built: its axes, conventions and the text of its title and caption."""

    fig: Figure
    ax: Axes
    style: Style
    title: str
    caption: list[str]


def _new_chart(style: Style, title: str, what: str, entries: list[str]) -> _Chart:
    """Figure with one axes and the RTL (y axis right) or LTR furniture."""
    fig = Figure(figsize=FIGSIZE)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.spines[["top"]].set_visible(False)
    if style.rtl:
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines[["left"]].set_visible(False)
    else:
        ax.spines[["right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8.5)
    return _Chart(fig, ax, style, title, caption_chunks(what, entries, style))


def _wrap_measured(chunks: list[str], style: Style, width_px: float, renderer: object,
                   prop: FontProperties) -> str:
    """Greedy line filling by the rendered width of the drawable (shaped) line."""
    lines: list[str] = []
    for chunk in chunks:
        trial = f"{lines[-1]} {chunk}" if lines else chunk
        w, _, _ = renderer.get_text_width_height_descent(style.t(trial), prop, ismath=False)
        if lines and w <= width_px:
            lines[-1] = trial
        else:
            lines.append(chunk)
    return "\n".join(lines)


def _finish(chart: _Chart) -> Figure:
    """Add title and caption, then fit the axes between them by measuring the drawn text.

    Measured, not guessed: Arabic lines are taller than Latin ones and captions vary in length;
    the result depends only on the figure's content, so it is the same on every run.
    """
    fig, ax, style = chart.fig, chart.ax, chart.style
    _thin_dense_points(ax)
    renderer = FigureCanvasAgg(fig).get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    margin, gap = MARGIN_IN * fig.dpi, GAP_IN * fig.dpi
    x_text = 1 - MARGIN_IN / FIGSIZE[0] if style.rtl else MARGIN_IN / FIGSIZE[0]
    ha = "right" if style.rtl else "left"
    title = fig.text(x_text, 1 - MARGIN_IN / FIGSIZE[1], style.t(chart.title), ha=ha, va="top",
                     fontsize=12.5)
    text = _wrap_measured(chart.caption, style, width - 2 * margin, renderer,
                          FontProperties(size=CAPTION_PT))
    caption = fig.text(x_text, MARGIN_IN / FIGSIZE[1], style.t(text), ha=ha, va="bottom",
                       fontsize=CAPTION_PT, color="#444444",
                       linespacing=_linespacing(style.lang, 1.45),
                       multialignment=ha)
    fig.subplots_adjust(left=0.1, right=0.9, bottom=0.25, top=0.85)
    for _ in range(3):  # tick labels move with the axes: settle in a few rounds
        tight = ax.get_tightbbox(renderer)
        pos = ax.get_position()
        cap = caption.get_window_extent(renderer)
        tit = title.get_window_extent(renderer)
        fig.subplots_adjust(
            left=pos.x0 + (margin - tight.x0) / width,
            right=pos.x1 - (tight.x1 - (width - margin)) / width,
            bottom=pos.y0 + (cap.y1 + gap - tight.y0) / height,
            top=pos.y1 - (tight.y1 - (tit.y0 - gap)) / height,
        )
    return fig


def _dense_points(ax: Axes) -> list[Line2D]:
    """The marker layers of `ax` when they hold more than DENSE_POINTS markers (a corpus of years
    of news), else none."""
    points = [line for line in ax.lines if line.get_marker() not in ("None", "", " ", None)]
    return points if sum(len(line.get_xdata()) for line in points) > DENSE_POINTS else []


def _thin_dense_points(ax: Axes) -> None:
    """Dense, opaque points hide each other and the lines that summarise them: draw them smaller
    and translucent, so that density shows, with the lines (and range bars) on top.  Decided for
    the whole chart, so that a sparse layer (a few planned levels) keeps the look of the rest."""
    points = _dense_points(ax)
    for line in points:
        line.set_markersize(line.get_markersize() * 0.6)
        line.set_alpha(0.35)
    for artist in [*ax.lines, *ax.collections] if points else []:
        if artist not in points:
            artist.set_zorder(4)


@contextlib.contextmanager
def points_as_image(fig: Figure, when: bool) -> Iterator[None]:
    """SVG writes every marker as an element (9 MB for a chart of 20,000 synthetic articles): while
    `when`, dense marker layers go in as an image at the saved dpi; text, lines and axes stay
    vectors.  PDF keeps them as vectors, which it compresses well (an image made it 5x larger)."""
    points = [line for ax in fig.axes for line in _dense_points(ax)] if when else []
    for line in points:
        line.set_rasterized(True)
    try:
        yield
    finally:
        for line in points:
            line.set_rasterized(False)


@functools.cache
def _text_metrics(lang: str) -> tuple[float, float]:
    """(line advance, single-line box height) in em at linespacing 1.

    matplotlib 3.11 sizes lines by the font's ascender/descender, which for Noto Sans Arabic
    span 2.1 em (room for stacked marks); 3.10 uses the ink of "lp", about 1.1 em.  Line
    spacing and legend spacing are scaled from this so charts look alike on both.
    """
    with typography.rc_context(lang):
        fig = Figure(dpi=100)
        renderer = FigureCanvasAgg(fig).get_renderer()
        em = 10 * fig.dpi / 72
        one = fig.text(0, 0, "Ag", fontsize=10, linespacing=1.0).get_window_extent(renderer)
        two = fig.text(0, 0, "Ag\nAg", fontsize=10, linespacing=1.0).get_window_extent(renderer)
    return (two.height - one.height) / em, one.height / em


def _linespacing(lang: str, em: float) -> float:
    """matplotlib `linespacing` giving a line advance of *em* font sizes."""
    return em / _text_metrics(lang)[0]


def _no_data(chart: _Chart) -> Figure:
    chart.ax.set_axis_off()
    chart.ax.text(0.5, 0.5, chart.style.t(chart.style.words["no_data"]),
                  transform=chart.ax.transAxes, ha="center", va="center", fontsize=14,
                  color="#666666")
    return _finish(chart)


class _DateFormatter(Formatter):
    """Date tick labels in the chart's language; the year only where it changes."""

    def __init__(self, style: Style, unit: str) -> None:
        self.style, self.unit = style, unit
        self._tick_locs: list[float] = []

    def set_locs(self, locs: Sequence[float]) -> None:
        self._tick_locs = list(locs)
        super().set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        when = mdates.num2date(x)
        if self.unit == "year":
            return self.style.t(self.style.digits(str(when.year)))
        label = self.style.months[when.month - 1]
        if self.unit == "day":
            label = f"{when.day} {label}"
        earlier = [mdates.num2date(v).year for v in self._tick_locs if v < x]
        if pos is None or not earlier or earlier[-1] != when.year:
            label = f"{label}\n{when.year}"
        return self.style.t(self.style.digits(label))


def _date_axis(chart: _Chart, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """At most ~6 ticks: days on short spans, months up to three years, years beyond."""
    ax = chart.ax
    days = (end - start).days
    months = (end.year - start.year) * 12 + end.month - start.month
    if days < 75:
        unit, locator = "day", mdates.DayLocator(interval=max(1, math.ceil(days / 5)))
    elif months <= 36:
        step = next(s for s in (1, 2, 3, 4, 6) if months / s <= 6)
        unit, locator = "month", mdates.MonthLocator(bymonth=range(1, 13, step))
    else:
        base = next(b for b in (1, 2, 5, 10, 20, 25, 50, 100) if months / 12 / b <= 6)
        unit, locator = "year", mdates.YearLocator(base=base)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DateFormatter(chart.style, unit))
    ax.xaxis.set_tick_params(labelsize=8)
    for label in ax.get_xticklabels():
        label.set_linespacing(_linespacing(chart.style.lang, 1.2))
    pad = pd.Timedelta(days=max(5, int(days * 0.05)))
    ax.set_xlim(start - pad, end + pad)


def _value_axis(chart: _Chart, top: float, label: str) -> None:
    ax, style = chart.ax, chart.style
    ax.set_ylim(0, max(top, 1) * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, pos=None: style.t(style.num(v))))
    ax.set_ylabel(style.t(label), fontsize=9.5)


def _legend(chart: _Chart, handles: Sequence[Line2D], labels: Sequence[str], loc: str) -> None:
    rtl = chart.style.rtl
    chart.ax.legend(handles, [chart.style.t(s) for s in labels], loc=loc, fontsize=8,
                    frameon=True, framealpha=0.92, edgecolor="#cccccc", markerfirst=not rtl,
                    alignment="right" if rtl else "left", borderpad=0.4,
                    labelspacing=max(0.05, 0.5 - (_text_metrics(chart.style.lang)[1] - 1.1)),
                    handlelength=1.6)


def _as_float(values: pd.Series) -> np.ndarray:
    return values.astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def _strings(values: pd.Series) -> np.ndarray:
    """Plain str array ('' for missing): safe to compare, unlike string/NA columns."""
    return values.astype("object").where(values.notna(), "").astype(str).to_numpy()


def _is(values: pd.Series, value: str) -> np.ndarray:
    return _strings(values) == value


def _scope_key(scope: object) -> str | None:
    return None if scope is None or pd.isna(scope) else str(scope)


def _dated(frame: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    return frame.dropna(subset=cols) if not frame.empty else frame


@dataclass
class _Window:
    """The time window a chart shows and how many rows fell before / after it."""

    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    before: int = 0
    after: int = 0


RECENT_YEARS = 12  # default window of the troop and event charts, up to the latest row


def _notes(style: Style, shown: pd.DataFrame, window: _Window, key: str = "outside_figures",
           imprecise_key: str = "imprecise") -> str:
    """What the caption says is not drawn.  A figure known only to the year counts with the figures
    outside the window when its whole year lies outside it, else as not drawable for its date."""
    years = shown.attrs.get(IMPRECISE_YEARS)
    if years is None:  # a frame that does not say which years
        return left_out_notes(style, left_out(shown), window.before, window.start, window.after, window.end,
                              key, imprecise_key)
    before = sum(year is not None and window.start is not None and year < window.start.year for year in years)
    after = sum(year is not None and window.end is not None and year > window.end.year for year in years)
    return left_out_notes(style, len(years) - before - after, window.before + before, window.start,
                          window.after + after, window.end, key, imprecise_key)


def time_window(frame: pd.DataFrame, col: str, start: object, end: object,
                years: int | None = None) -> tuple[pd.DataFrame, _Window]:
    """Rows whose *col* lies in [start, end] (either may be None; dates as str or Timestamp).

    With neither given and *years* set, the window is the last *years* years up to the latest
    row: one event from 2003 must not squeeze a decade of recent reports into a sliver."""
    when = pd.to_datetime(frame[col]) if not frame.empty else pd.Series(dtype="datetime64[ns]")
    lo = None if start is None else pd.Timestamp(start)
    hi = None if end is None else pd.Timestamp(end)
    if lo is None and hi is None and years is not None and when.notna().any():
        lo = when.max() - pd.DateOffset(years=years)
    if frame.empty or (lo is None and hi is None):
        return frame, _Window(lo, hi)
    before = (when < lo) if lo is not None else pd.Series(False, index=frame.index)
    after = (when > hi) if hi is not None else pd.Series(False, index=frame.index)
    before, after = before.fillna(False).astype(bool), after.fillna(False).astype(bool)
    keep = when.notna() & ~before & ~after
    out = frame[keep.to_numpy()]
    return out, _Window(lo, hi, int(before.sum()), int(after.sum()))


# ----------------------------------------------------------------------------- charts
QUALIFIER_MARKERS = {"exact": ("o", True), "approx": ("o", False), "at_least": ("^", True),
                     "more_than": ("^", True), "less_than": ("v", True)}


def _side_by_side(points: pd.DataFrame, order: Sequence[str | None]) -> tuple[np.ndarray, bool]:
    """x positions with markers that would sit exactly on top of each other (same date and
    value, e.g. one figure reported by several outlets) spread side by side in time, centred on
    the true date, in a fixed order (scope, article, claim); and whether any were moved."""
    when = pd.to_datetime(points["as_of"])
    span = max((when.max() - when.min()).days, 30)
    step = pd.Timedelta(days=span * 0.014)
    rank = {s: i for i, s in enumerate(order)}
    key = pd.DataFrame({"as_of": when.to_numpy(), "value": _as_float(points["value"]),
                        "scope": [rank[_scope_key(s)] for s in points["scope"]],
                        "article": _strings(points["article_id"]),
                        "claim": _strings(points["claim_id"])})
    key = key.sort_values(["as_of", "value", "scope", "article", "claim"], kind="mergesort")
    index = key.groupby(["as_of", "value"], sort=False).cumcount()
    size = key.groupby(["as_of", "value"], sort=False)["claim"].transform("size")
    shift = ((index - (size - 1) / 2) * step).sort_index()
    return (when + shift.to_numpy()).to_numpy(), bool((size > 1).any())


def _best_segments(best: pd.DataFrame, scope: str | None) -> list[pd.DataFrame]:
    """The best-estimate rows of *scope*, one frame per counting period."""
    mine = best[[_scope_key(s) == scope for s in best["scope"]]]
    if mine.empty:
        return []
    if "segment" not in mine.columns:
        return [mine]
    return [group for _, group in mine.groupby("segment", sort=True)]


def attack_counts_chart(series: pd.DataFrame, lang: str = "ar", digits: str = "western",
                        months: str = "levant", title: str | None = None,
                        best: pd.DataFrame | None = None, start: object = None,
                        end: object = None) -> Figure:
    """Reported cumulative attack counts (from `series.attack_counts`) per scope, marker shape
    by qualifier (open circle = approximate, triangle with bar up to the upper bound = "at
    least"/"more than"), and the best-estimate step line per scope and counting period, drawn
    from its first to its last report; y from 0.  Markers that share a date and value are set
    side by side.  *start* / *end* limit the time window (points and sources); the caption
    counts what is left out (dates known only to the year, rows outside the window)."""
    style = Style(lang, digits, months)
    series, window = time_window(series, "as_of", start, end)
    with typography.rc_context(lang):
        points = _dated(series, ["as_of", "value"])
        scopes = sorted({_scope_key(s) for s in points["scope"]}, key=lambda s: (s is None, s or ""))
        xs, moved = _side_by_side(points, scopes) if not points.empty else (np.array([]), False)
        what = " ".join(filter(None, [style.digits(style.words["attacks_what"]),
                                      style.words["side_by_side"] if moved else "",
                                      _notes(style, series, window)]))
        chart = _new_chart(style, title or style.words["attacks_title"], what,
                           source_entries(series, style))
        if points.empty:
            return _no_data(chart)
        best = best_estimate(points) if best is None else best
        ax = chart.ax
        top = 0.0
        for scope in scopes:
            colour = SCOPE_COLORS.get(scope, SCOPE_COLORS[None])
            sel_scope = np.array([_scope_key(s) == scope for s in points["scope"]])
            mine = points[sel_scope]
            x, y, high = xs[sel_scope], _as_float(mine["value"]), _as_float(mine["high"])
            top = max(top, float(np.nanmax(y)), float(np.nanmax(np.nan_to_num(high))))
            quals = _strings(mine["qualifier"])
            for qual, (marker, filled) in QUALIFIER_MARKERS.items():
                sel = quals == qual
                if qual in ("at_least", "more_than"):
                    bar = sel & ~np.isnan(high) & (high > y)
                    ax.vlines(x[bar], y[bar], high[bar], color=colour, linewidth=1.2, alpha=0.8)
                if sel.any():
                    ax.plot(x[sel], y[sel], linestyle="none", marker=marker, markersize=6.5,
                            markeredgecolor=colour, markeredgewidth=1.3,
                            markerfacecolor=colour if filled else "white", zorder=3)
            other = ~np.isin(quals, list(QUALIFIER_MARKERS))
            if other.any():
                ax.plot(x[other], y[other], linestyle="none", marker="s", markersize=5,
                        color=colour, zorder=3)
            for segment in _best_segments(best, scope):
                if len(segment) > 1:  # from the period's first report to its last, no further
                    ax.step(list(segment["as_of"]), _as_float(segment["estimate"]), where="post",
                            color=colour, linewidth=1.4, alpha=0.55, zorder=2)
        _date_axis(chart, points["as_of"].min(), points["as_of"].max())
        _value_axis(chart, top, style.words["attacks_y"])
        handles = [Line2D([], [], linestyle="none", marker="s", markersize=7,
                          color=SCOPE_COLORS.get(s, SCOPE_COLORS[None])) for s in scopes]
        labels = [style.word(s) for s in scopes]
        used = set(points["qualifier"].dropna())
        for qual in ("exact", "approx", "at_least", "less_than"):
            if qual in used or (qual == "at_least" and "more_than" in used):
                marker, filled = QUALIFIER_MARKERS[qual]
                handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=6.5,
                                      markeredgecolor="#555555", markeredgewidth=1.3,
                                      markerfacecolor="#555555" if filled else "white"))
                labels.append(style.words[qual])
        handles.append(Line2D([], [], color="#555555", alpha=0.55, linewidth=1.4))
        labels.append(style.words["best"])
        _legend(chart, handles, labels, loc="upper left")
        return _finish(chart)


def _middle_steps(frame: pd.DataFrame) -> pd.Series:
    """Per date, the middle reported value (lower median: always a number someone reported)."""
    if frame.empty:  # still indexed by dates: a planned run compares its start with the levels' dates
        return pd.Series(dtype=float, index=pd.DatetimeIndex([]))
    values = pd.Series(_as_float(frame["value"]), index=pd.DatetimeIndex(frame["as_of"]))
    middle = values.groupby(level=0).agg(lambda v: float(np.sort(v.to_numpy())[(len(v) - 1) // 2]))
    return middle.sort_index()


GAP = pd.DateOffset(months=18)  # a troop line does not bridge reports further apart than this


def _runs(steps: pd.Series, gap: pd.DateOffset = GAP) -> list[pd.Series]:
    """*steps* cut where two consecutive dates are more than *gap* apart: no line is drawn
    through years nobody reported on."""
    if steps.empty:
        return []
    dates = list(steps.index)
    cuts = [i for i in range(1, len(dates)) if dates[i] > dates[i - 1] + gap]
    bounds = [0, *cuts, len(dates)]
    return [steps.iloc[lo:hi] for lo, hi in zip(bounds, bounds[1:])]


def troop_levels_chart(series: pd.DataFrame, lang: str = "ar", digits: str = "western",
                       months: str = "levant", title: str | None = None, start: object = None,
                       end: object = None, years: int | None = RECENT_YEARS) -> Figure:
    """Reported troop levels (from `series.troop_levels`): colour by force (US / other), marker
    shape by place (Iraq, Syria, ...), one step line per force and place through the middle
    value per date, broken where reports are more than 18 months apart; planned levels dashed
    with open points.  *start* / *end* limit the time window; without them it is the last
    *years* years up to the latest point (None: everything).  The caption counts what is left
    out (dates known only to the year, figures outside the window)."""
    style = Style(lang, digits, months)
    series, window = time_window(series, "as_of", start, end, years)
    with typography.rc_context(lang):
        what = " ".join(filter(None, [style.digits(style.words["troops_what"]),
                                      _notes(style, series, window)]))
        chart = _new_chart(style, title or style.words["troops_title"], what,
                           source_entries(series, style))
        points = _dated(series, ["as_of", "value"])
        if points.empty:
            return _no_data(chart)
        ax = chart.ax
        handles, labels = [], []
        places = list(SCOPE_MARKERS)  # iraq first, unknown last
        scopes = sorted({_scope_key(s) for s in points["scope"]},
                        key=lambda s: (places.index(s) if s in places else len(places), s or ""))
        present = set(points["country"])
        for country in [c for c in ("US", "foreign") if c in present]:
            colour = COUNTRY_COLORS[country]
            for scope in scopes:
                mine = points[(points["country"] == country).to_numpy()
                              & np.array([_scope_key(s) == scope for s in points["scope"]])]
                _troop_lines(ax, mine, colour, SCOPE_MARKERS.get(scope, "o"))
            handles.append(Line2D([], [], color=colour, linewidth=1.8))
            labels.append(style.words[country])
        if _is(points["measure"], "planned").any():
            handles.append(Line2D([], [], color="#555555", linewidth=1.6, linestyle=(0, (4, 3)),
                                  marker="o", markerfacecolor="white", markersize=5))
            labels.append(style.words["planned"])
        for scope in scopes if len(scopes) > 1 else []:
            handles.append(Line2D([], [], linestyle="none", color="#555555", markersize=5.5,
                                  marker=SCOPE_MARKERS.get(scope, "o")))
            labels.append(style.word(scope))
        _date_axis(chart, points["as_of"].min(), points["as_of"].max())
        _value_axis(chart, float(np.nanmax(_as_float(points["value"]))), style.words["troops_y"])
        _legend(chart, handles, labels, loc="best")
        return _finish(chart)


def _troop_lines(ax: Axes, mine: pd.DataFrame, colour: str, marker: str) -> None:
    """Points and step lines of one force in one place: reported levels solid, planned dashed
    (leaving from the last level, if that is at most 18 months earlier)."""
    if mine.empty:
        return
    level = mine[_is(mine["measure"], "level")]
    planned = mine[_is(mine["measure"], "planned")]
    steps = _middle_steps(level)
    for run in _runs(steps):
        if len(run) > 1:
            ax.step(run.index, run.to_numpy(), where="post", color=colour, linewidth=1.8)
    for run in _runs(_middle_steps(planned)):
        before = steps[steps.index <= run.index[0]]
        if not before.empty and run.index[0] <= before.index[-1] + GAP:
            run = pd.concat([before.iloc[-1:], run])  # noqa: PLW2901 (leaves from the last level)
        if len(run) > 1:
            ax.step(run.index, run.to_numpy(), where="post", color=colour, linewidth=1.6,
                    linestyle=(0, (4, 3)))
    for frame, filled in ((level, True), (planned, False)):
        if not frame.empty:
            ax.plot(frame["as_of"], _as_float(frame["value"]), linestyle="none", marker=marker,
                    markersize=5.5, markeredgecolor=colour, markeredgewidth=1.2,
                    markerfacecolor=colour if filled else "white", zorder=3,
                    clip_on=False)  # a planned 0 sits on the axis


_MARKER_SIZE = {"*": 9.5, "P": 7.5, "X": 7.5}  # shapes that look small at the common size


def _event_style(kind: str) -> tuple[str, str]:
    """(colour, marker) of an event type: a distinct pair for each of the 11 types."""
    return EVENT_STYLES.get(kind, EVENT_FALLBACK)


def _draw_events(ax, events: pd.DataFrame, y: int, colour: str, marker: str) -> None:
    """One type's events on row `y`: date ranges as bars, then markers (open when planned)."""
    starts = events["date_start"]
    if "date_end" in events:
        ends = pd.to_datetime(events["date_end"], errors="coerce")
        ranged = ends.notna() & (ends > starts)
        if ranged.any():
            ax.hlines([y] * int(ranged.sum()), starts[ranged], ends[ranged], colors=colour, linewidth=4,
                      alpha=0.35, capstyle="butt")
    planned = events["planned"].fillna(False).astype(bool) if "planned" in events else starts.map(lambda _: False)
    for open_marker in (False, True):
        when = starts[planned == open_marker]
        if len(when):
            ax.plot(when, [y] * len(when), linestyle="none", marker=marker,
                    markersize=_MARKER_SIZE.get(marker, 7), markeredgecolor=colour,
                    markeredgewidth=1.4 if open_marker else 1.0,
                    markerfacecolor="white" if open_marker else colour, zorder=3)


def short_label(event: pd.Series, words: int = 4) -> str:
    """Default event label: the first few words of its sentence (or its date text)."""
    source = event.get("sentence") or event.get("date_text") or ""
    parts = str(source).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def events_timeline_chart(events: pd.DataFrame, lang: str = "ar", digits: str = "western",
                          months: str = "levant", title: str | None = None,
                          max_labels: int = 14,
                          label: Callable[[pd.Series], str] = short_label,
                          start: object = None, end: object = None,
                          years: int | None = RECENT_YEARS) -> Figure:
    """Events (from `series.events_timeline`) on a time axis, one row per type, each type with
    its own colour and marker; date ranges as bars, planned events as open markers; short
    labels when there are few events.  *start* / *end* limit the time window (by date_start);
    without them it is the last *years* years up to the latest event (None: everything), and
    the caption counts the events left out."""
    style = Style(lang, digits, months)
    events, window = time_window(events, "date_start", start, end, years)
    with typography.rc_context(lang):
        what = " ".join(filter(None, [style.digits(style.words["events_what"]),
                                      _notes(style, events, window, "outside_events",
                                             "imprecise_events")]))
        chart = _new_chart(style, title or style.words["events_title"], what,
                           source_entries(events, style))
        events = _dated(events, ["date_start"])
        if events.empty:
            return _no_data(chart)
        ax = chart.ax
        kinds = _strings(events["type"])
        events = events.assign(type=np.where(kinds == "", "other", kinds))
        present = set(events["type"])
        types = [t for t in EVENT_STYLES if t in present] + sorted(present - set(EVENT_STYLES))
        row = {t: i for i, t in enumerate(types)}
        ends = events["date_end"].dropna() if "date_end" in events else pd.Series(dtype=object)
        _date_axis(chart, events["date_start"].min(), max([events["date_start"].max(), *ends]))
        x0, x1 = ax.get_xlim()
        for kind in types:  # one call per type and marker fill: a large corpus has 100,000s of events
            _draw_events(ax, events[events["type"] == kind], row[kind], *_event_style(kind))
        if len(events) <= max_labels:
            flip = dict.fromkeys(types, False)
            for _, ev in events.iterrows():
                kind, when, y = ev["type"], ev["date_start"], row[ev["type"]]
                where = (mdates.date2num(when) - x0) / (x1 - x0)
                ha = "left" if where < 0.15 else "right" if where > 0.85 else "center"
                text = style.digits(label(ev))  # quoted from the article: its own direction
                ax.annotate(typography.ar(text, rtl=typography.has_arabic(text)), (when, y),
                            xytext=(0, -12 if flip[kind] else 10), textcoords="offset points",
                            ha=ha, va="center", fontsize=6.5, color="#333333",
                            annotation_clip=False)
                flip[kind] = not flip[kind]
        ax.set_yticks(range(len(types)), [style.t(style.word(t)) for t in types])
        ax.set_ylim(len(types) - 0.4, -0.6)  # first type on top
        ax.grid(axis="x", color="#eeeeee", linewidth=0.6)
        return _finish(chart)


# ----------------------------------------------------------------------------- saving
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def save_figure(fig: Figure, out_dir: str | os.PathLike[str], name: str, lang: str,
                formats: Iterable[str] = ("png", "svg", "pdf"), dpi: int = 200) -> list[Path]:
    """Write `<name>.<lang>.<ext>` atomically (`atomic.write_atomically`: a temporary file in
    the same folder, renamed into place, with normal file permissions); no dates or tool
    versions in the files, fixed SVG ids: same figure, same bytes."""
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: use 'ar' or 'en'")
    formats = tuple(formats)
    unknown = [f for f in formats if f not in _METADATA]
    if unknown:
        raise ValueError(f"formats {unknown}: supported are {sorted(_METADATA)}")
    out = Path(out_dir)
    written = []
    with typography.rc_context(lang):
        for ext in formats:
            def write(temporary: str, ext: str = ext) -> None:
                with points_as_image(fig, ext == "svg"):
                    fig.savefig(temporary, format=ext, dpi=dpi, metadata=_METADATA[ext])

            written.append(write_atomically(out / f"{name}.{lang}.{ext}", write))
    return written
