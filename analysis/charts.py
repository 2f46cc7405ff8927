"""Charts of attack counts, troop levels and events, in Arabic (default) or English.

Why it looks the way it does: Arabic charts follow right-to-left conventions (title and caption
right-aligned, y axis on the right, legend markers after the text, Arabic month names, optional
Arabic-Indic digits); every string is passed through `typography.ar`, so the same code gives
correct labels on matplotlib with and without its own Arabic shaping.  Every chart carries a
caption saying what is counted and where the numbers come from.  Figures are plain
`matplotlib.figure.Figure` objects (no pyplot state), and `save_figure` writes byte-identical
files on every run.
"""

from __future__ import annotations

import functools
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
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
from .chart_labels import (COUNTRY_COLORS, EVENT_FALLBACK, EVENT_STYLES, MONTHS, SCOPE_COLORS,
                           WORDS)
from .series import best_estimate, left_out

LANGS = ("ar", "en")
FIGSIZE = (8.0, 5.0)
CAPTION_PT = 7.5
MAX_SOURCES = 4


MARGIN_IN = 0.12  # blank border around everything, inches
GAP_IN = 0.1  # between the plot block and the title / caption, inches


# ----------------------------------------------------------------------------- text helpers
class _Style:
    """Language, digit and month conventions of one chart; every string leaves through `t`."""

    def __init__(self, lang: str, digits: str, months: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"lang={lang!r}: use 'ar' or 'en'")
        if digits not in ("western", "arabic"):
            raise ValueError(f"digits={digits!r}: use 'western' or 'arabic'")
        if months not in ("levant", "egypt"):
            raise ValueError(f"months={months!r}: use 'levant' or 'egypt'")
        self.lang = lang
        self.rtl = lang == "ar"
        self.arabic_digits = self.rtl and digits == "arabic"
        self.months = MONTHS[months] if self.rtl else MONTHS["en"]
        self.words = WORDS[lang]

    def t(self, text: object) -> str:
        """Drawable form of a logical string (see `typography.ar`)."""
        return typography.ar(text, rtl=self.rtl)

    def digits(self, text: str) -> str:
        return typography.arabic_digits(text) if self.arabic_digits else text

    def num(self, value: float) -> str:
        text = f"{int(round(value)):,}"
        return self.digits(text).replace(",", "\u066c") if self.arabic_digits else text

    def date(self, when: datetime | pd.Timestamp) -> str:
        return self.digits(f"{when.day} {self.months[when.month - 1]} {when.year}")

    def word(self, key: object) -> str:
        if key is None or key is pd.NA or (isinstance(key, float) and math.isnan(key)):
            return self.words["scope?"]
        return self.words.get(str(key), str(key))


def source_entries(frame: pd.DataFrame, style: _Style, date_col: str = "published",
                   limit: int = MAX_SOURCES) -> list[str]:
    """['outlet (date, date)', ...]: the articles' outlets and publication dates, outlets with
    most dates first, at most *limit*, the rest counted; 3+ dates are shown as a range."""
    if frame.empty:
        return [style.words["none"]]
    if date_col not in frame.columns:
        date_col = "as_of" if "as_of" in frame.columns else "date_start"
    outlets = frame["outlet"].astype("object").where(frame["outlet"].notna(), "?")
    per_outlet: dict[str, set[pd.Timestamp]] = {}
    for outlet, when in zip(outlets, frame[date_col]):
        per_outlet.setdefault(str(outlet), set())
        if pd.notna(when):
            per_outlet[str(outlet)].add(pd.Timestamp(when).normalize())
    ranked = sorted(per_outlet, key=lambda o: (-len(per_outlet[o]), o))
    sep = "، " if style.rtl else ", "
    entries = []
    for outlet in ranked[:limit]:
        dates = sorted(per_outlet[outlet])
        if len(dates) > 2:
            span = f"{style.date(dates[0])} – {style.date(dates[-1])}"
        else:
            span = sep.join(style.date(d) for d in dates)
        outlet = typography.embed(outlet, rtl=style.rtl)  # Latin name in Arabic, or vice versa
        entries.append(f"{outlet} ({span})" if span else outlet)
    if len(ranked) > limit:
        entries.append(_more(len(ranked) - limit, style))
    return entries


def _more(n: int, style: _Style) -> str:
    """'and N more' (Arabic: the counted noun agrees with N: مصدر / مصدران / مصادر / مصدرًا)."""
    if not style.rtl:
        return f"and {n} more"
    if n == 1:
        return "ومصدر آخر"
    if n == 2:
        return "ومصدران آخران"
    noun = "مصادر أخرى" if n <= 10 else "مصدرًا آخر"
    return f"و{style.digits(str(n))} {noun}"


def caption_chunks(what: str, entries: list[str], style: _Style) -> list[str]:
    """Unbreakable pieces of a caption: the words of *what*, then 'Sources:' and each entry."""
    sep = "،" if style.rtl else ","
    chunks = what.split()
    for i, entry in enumerate(entries):
        piece = entry + (sep if i < len(entries) - 1 else ".")
        chunks.append(f"{style.words['sources']}: {piece}" if i == 0 else piece)
    return chunks


# ----------------------------------------------------------------------------- figure frame
@dataclass
class _Chart:
    """A figure being built: its axes, conventions and the text of its title and caption."""

    fig: Figure
    ax: Axes
    style: _Style
    title: str
    caption: list[str]


def _new_chart(style: _Style, title: str, what: str, entries: list[str]) -> _Chart:
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


def _wrap_measured(chunks: list[str], style: _Style, width_px: float, renderer: object,
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

    def __init__(self, style: _Style, unit: str) -> None:
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


def _window(frame: pd.DataFrame, col: str, start: object, end: object) -> pd.DataFrame:
    """Rows whose *col* lies in [start, end] (either may be None); dates as str or Timestamp."""
    if frame.empty or (start is None and end is None):
        return frame
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= frame[col] >= pd.Timestamp(start)
    if end is not None:
        keep &= frame[col] <= pd.Timestamp(end)
    return frame[keep.fillna(False).astype(bool)]


# ----------------------------------------------------------------------------- charts
QUALIFIER_MARKERS = {"exact": ("o", True), "approx": ("o", False), "at_least": ("^", True),
                     "more_than": ("^", True), "less_than": ("v", True)}


def attack_counts_chart(series: pd.DataFrame, lang: str = "ar", digits: str = "western",
                        months: str = "levant", title: str | None = None,
                        best: pd.DataFrame | None = None, start: object = None,
                        end: object = None) -> Figure:
    """Reported cumulative attack counts (from `series.attack_counts`) per scope, marker shape
    by qualifier (open circle = approximate, triangle with bar up to the upper bound = "at
    least"/"more than"), and the best-estimate step line per scope; y from 0.
    *start* / *end* limit the time window (points and sources)."""
    style = _Style(lang, digits, months)
    series = _window(series, "as_of", start, end)
    with typography.rc_context(lang):
        chart = _new_chart(style, title or style.words["attacks_title"],
                           style.words["attacks_what"], source_entries(series, style))
        points = _dated(series, ["as_of", "value"])
        if points.empty:
            return _no_data(chart)
        best = best_estimate(points) if best is None else best
        ax = chart.ax
        scopes = sorted({_scope_key(s) for s in points["scope"]}, key=lambda s: (s is None, s or ""))
        top = 0.0
        for scope in scopes:
            colour = SCOPE_COLORS.get(scope, SCOPE_COLORS[None])
            mine = points[[_scope_key(s) == scope for s in points["scope"]]]
            x, y, high = mine["as_of"].to_numpy(), _as_float(mine["value"]), _as_float(mine["high"])
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
            line = best[[_scope_key(s) == scope for s in best["scope"]]]
            if not line.empty:
                bx = [*line["as_of"], points["as_of"].max()]
                by = [*_as_float(line["estimate"]), float(line["estimate"].iloc[-1])]
                ax.step(bx, by, where="post", color=colour, linewidth=1.4, alpha=0.55, zorder=2)
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
    if frame.empty:
        return pd.Series(dtype=float)
    values = pd.Series(_as_float(frame["value"]), index=pd.DatetimeIndex(frame["as_of"]))
    middle = values.groupby(level=0).agg(lambda v: float(np.sort(v.to_numpy())[(len(v) - 1) // 2]))
    return middle.sort_index()


def troop_levels_chart(series: pd.DataFrame, lang: str = "ar", digits: str = "western",
                       months: str = "levant", title: str | None = None, start: object = None,
                       end: object = None) -> Figure:
    """Reported troop levels (from `series.troop_levels`) per country: points, a step line
    through the middle value per date, and planned levels dashed with open points.
    *start* / *end* limit the time window."""
    style = _Style(lang, digits, months)
    series = _window(series, "as_of", start, end)
    with typography.rc_context(lang):
        chart = _new_chart(style, title or style.words["troops_title"],
                           style.words["troops_what"], source_entries(series, style))
        points = _dated(series, ["as_of", "value"])
        if points.empty:
            return _no_data(chart)
        ax = chart.ax
        handles, labels = [], []
        present = set(points["country"])
        for country in [c for c in ("US", "foreign") if c in present]:
            colour = COUNTRY_COLORS[country]
            mine = points[points["country"] == country]
            level = mine[_is(mine["measure"], "level")]
            planned = mine[_is(mine["measure"], "planned")]
            steps = _middle_steps(level)
            if not steps.empty:
                ax.step(steps.index, steps.to_numpy(), where="post", color=colour, linewidth=1.8)
            if not planned.empty:
                plan = _middle_steps(planned)
                before = steps[steps.index <= plan.index[0]]
                if not before.empty:  # the dashed line leaves from the last level before it
                    plan = pd.concat([before.iloc[-1:], plan])
                ax.step(plan.index, plan.to_numpy(), where="post", color=colour,
                        linewidth=1.6, linestyle=(0, (4, 3)))
            for frame, filled in ((level, True), (planned, False)):
                if not frame.empty:
                    ax.plot(frame["as_of"], _as_float(frame["value"]), linestyle="none",
                            marker="o", markersize=5.5, markeredgecolor=colour,
                            markerfacecolor=colour if filled else "white", zorder=3,
                            clip_on=False)  # a planned 0 sits on the axis
            handles.append(Line2D([], [], color=colour, linewidth=1.8, marker="o", markersize=5))
            labels.append(style.words[country])
        if _is(points["measure"], "planned").any():
            handles.append(Line2D([], [], color="#555555", linewidth=1.6, linestyle=(0, (4, 3)),
                                  marker="o", markerfacecolor="white", markersize=5))
            labels.append(style.words["planned"])
        _date_axis(chart, points["as_of"].min(), points["as_of"].max())
        _value_axis(chart, float(np.nanmax(_as_float(points["value"]))), style.words["troops_y"])
        _legend(chart, handles, labels, loc="best")
        return _finish(chart)


EVENT_MARKERS = {"visit": "o", "meeting": "s", "talks": "s", "agreement": "D", "deadline": "X",
                 "withdrawal": "v", "attack": "^", "strike": "^", "killing": "P",
                 "statement": "o", "other": "h"}
_EVENT_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F",
                  "#000000"]


def short_label(event: pd.Series, words: int = 4) -> str:
    """Default event label: the first few words of its sentence (or its date text)."""
    source = event.get("sentence") or event.get("date_text") or ""
    parts = str(source).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def events_timeline_chart(events: pd.DataFrame, lang: str = "ar", digits: str = "western",
                          months: str = "levant", title: str | None = None,
                          max_labels: int = 14,
                          label: Callable[[pd.Series], str] = short_label,
                          start: object = None, end: object = None) -> Figure:
    """Events (from `series.events_timeline`) on a time axis, one row per type; date ranges as
    bars, planned events as open markers; short labels when there are few events.
    *start* / *end* limit the time window (by date_start)."""
    style = _Style(lang, digits, months)
    events = _window(events, "date_start", start, end)
    with typography.rc_context(lang):
        chart = _new_chart(style, title or style.words["events_title"], style.words["events_what"],
                           source_entries(events, style))
        events = _dated(events, ["date_start"])
        if events.empty:
            return _no_data(chart)
        ax = chart.ax
        kinds = _strings(events["type"])
        events = events.assign(type=np.where(kinds == "", "other", kinds))
        present = set(events["type"])
        types = [t for t in EVENT_MARKERS if t in present] + sorted(present - set(EVENT_MARKERS))
        row = {t: i for i, t in enumerate(types)}
        colour = {t: _EVENT_COLOURS[i % len(_EVENT_COLOURS)] for i, t in enumerate(types)}
        ends = events["date_end"].dropna() if "date_end" in events else pd.Series(dtype=object)
        _date_axis(chart, events["date_start"].min(), max([events["date_start"].max(), *ends]))
        x0, x1 = ax.get_xlim()
        flip = dict.fromkeys(types, False)
        for _, ev in events.iterrows():
            kind, start, y = ev["type"], ev["date_start"], row[ev["type"]]
            end = ev.get("date_end")
            if end is not None and pd.notna(end) and end > start:
                ax.plot([start, end], [y, y], color=colour[kind], linewidth=4, alpha=0.35,
                        solid_capstyle="butt")
            planned = ev.get("planned")
            open_marker = bool(planned) if planned is not None and pd.notna(planned) else False
            ax.plot([start], [y], linestyle="none", marker=EVENT_MARKERS.get(kind, "o"),
                    markersize=7, markeredgecolor=colour[kind],
                    markerfacecolor="white" if open_marker else colour[kind], zorder=3)
            if len(events) <= max_labels:
                where = (mdates.date2num(start) - x0) / (x1 - x0)
                ha = "left" if where < 0.15 else "right" if where > 0.85 else "center"
                text = style.digits(label(ev))  # quoted from the article: its own direction
                ax.annotate(typography.ar(text, rtl=typography.has_arabic(text)), (start, y),
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
    """Write `<name>.<lang>.<ext>` atomically (temp file + os.replace in the same folder);
    no dates or tool versions in the files, fixed SVG ids: same figure, same bytes."""
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: use 'ar' or 'en'")
    formats = tuple(formats)
    unknown = [f for f in formats if f not in _METADATA]
    if unknown:
        raise ValueError(f"formats {unknown}: supported are {sorted(_METADATA)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with typography.rc_context(lang):
        for ext in formats:
            target = out / f"{name}.{lang}.{ext}"
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{target.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fig.savefig(fh, format=ext, dpi=dpi, metadata=_METADATA[ext])
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            written.append(target)
    return written
