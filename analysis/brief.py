"""A brief to attach to a briefing: the charts, their captions and the sources behind them, as
one PDF and one self-contained HTML page.

Why both: the PDF prints and mails as one file; the HTML opens anywhere, is searchable, and
marks the quoted number in each sentence.  The sources table lists, for every chart, the
outlet, publication date and the sentence each plotted point came from, so every number in a
chart can be checked against its article.

Safety and reproducibility: all article text (outlets, titles, sentences) is escaped with
`html.escape` (an article holding ``<script>`` shows it as text), charts are embedded as
base64 images (no inline SVG ids to clash, nothing executable), both files are written
through a temporary file and renamed, and the PDF carries no creation date: the same tables
give the same bytes.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from . import charts as C
from . import params as P
from . import series as S
from . import typography
from .atomic import write_atomically

CHARTS = ("attack_counts", "troop_levels", "events_timeline")
PAGE_W, PAGE_H = 8.0, 10.5  # inches: cover and sources pages (chart pages keep the chart's size)
MARGIN = 0.55
TEXT_PT = 7.5
MAX_SOURCES = 100  # quoted sentences listed per chart (all of them are in the tables)
_PDF_METADATA = {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}
_SVG_METADATA = {"Date": None, "Creator": None}

WORDS = {
    "ar": {
        "title": "موجز: القوات الأمريكية في العراق كما تنقلها الأخبار العربية",
        "meta": "المقالات: {articles} · الأرقام المعلنة: {claims} · الأحداث المؤرخة: {events}",
        "window": "الفترة: {start} – {end}",
        "counts": "النقاط المرسومة: {points} · عدد الأخبار: {articles} · عدد الوسائل الإعلامية: {outlets}",
        "see": "الجمل المقتبسة في جدول المصادر.",
        "sources": "المصادر والجمل المقتبسة",
        "outlet": "الوسيلة", "date": "تاريخ النشر", "sentence": "الجملة المقتبسة",
        "no_rows": "لا توجد بيانات.", "figure": "الشكل {n}", "page": "صفحة {n}",
        "contents": "الأشكال",
        "latest": "أحدث {shown} من {total} جملة مقتبسة؛ كلها في جدولي claims و events.",
    },
    "en": {
        "title": "Brief: US forces in Iraq as reported in Arabic news",
        "meta": "Articles: {articles} · reported numbers: {claims} · dated events: {events}",
        "window": "Period: {start} – {end}",
        "counts": "Plotted points: {points} · articles: {articles} · outlets: {outlets}",
        "see": "The quoted sentences are in the sources table.",
        "sources": "Sources and quoted sentences",
        "outlet": "Outlet", "date": "Published", "sentence": "Quoted sentence",
        "no_rows": "No data.", "figure": "Figure {n}", "page": "page {n}",
        "contents": "Figures",
        "latest": "The {shown} most recent of {total} quoted sentences; all of them are in the claims and events tables.",
    },
}
_TITLE_KEY = {"attack_counts": "attacks_title", "troop_levels": "troops_title",
              "events_timeline": "events_title"}
_WHAT_KEY = {"attack_counts": "attacks_what", "troop_levels": "troops_what",
             "events_timeline": "events_what"}


@dataclass
class _Section:
    """One chart of the brief: its figure, texts and source rows."""

    name: str
    title: str
    caption: str
    fig: Figure
    sources: pd.DataFrame  # outlet, published, published_precision, sentence, marks
    sources_total: int  # sentences behind the chart; `sources` holds the latest MAX_SOURCES of them


# ----------------------------------------------------------------------------- data
def _check(value: object, what: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise ValueError(f"write_brief: {what}={value!r} is not supported; use one of {', '.join(allowed)}")


def _source_rows(rows: pd.DataFrame, articles: pd.DataFrame, marks: pd.Series) -> pd.DataFrame:
    """One row per (article, sentence), the quoted numbers/dates of that sentence in `marks`."""
    columns = ["article_id", "outlet", "published", "published_precision", "sentence", "marks"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    info = articles[["article_id", "published_precision"]].drop_duplicates("article_id")
    frame = rows[["article_id", "outlet", "published", "sentence"]].assign(mark=marks.to_numpy())
    frame = frame.merge(info, on="article_id", how="left")
    frame["sentence"] = frame["sentence"].astype("object").fillna("")
    grouped = []
    for (article_id, sentence), group in frame.groupby(["article_id", "sentence"], sort=False, dropna=False):
        first = group.iloc[0]
        marks_here = [m for m in dict.fromkeys(group["mark"]) if isinstance(m, str) and m]
        grouped.append({"article_id": article_id, "outlet": first["outlet"], "published": first["published"],
                        "published_precision": first["published_precision"], "sentence": sentence,
                        "marks": marks_here})
    out = pd.DataFrame(grouped, columns=columns)
    out["_outlet"] = out["outlet"].astype("object").fillna("")
    out = out.sort_values(["published", "_outlet", "article_id", "sentence"], kind="mergesort", na_position="last")
    return out.drop(columns="_outlet").reset_index(drop=True)


def _sections(tables, lang: str, charts: Sequence[str], digits: str, months: str,
              date_from: str | None, date_to: str | None) -> list[_Section]:
    words, chart_words = WORDS[lang], C.WORDS[lang]
    number_text = tables.claims.set_index("claim_id")["number_text"] if len(tables.claims) else pd.Series(dtype=object)
    out = []
    for name in charts:
        # the chart gets every row (its caption counts what its window leaves out); the sources
        # table and counts get the rows the chart shows
        if name == "events_timeline":
            every = S.events_timeline(tables)
            fig = C.events_timeline_chart(every, lang=lang, digits=digits, months=months, start=date_from,
                                          end=date_to)
            rows, _ = C.time_window(every, "date_start", date_from, date_to, C.RECENT_YEARS)
            marks = rows["date_text"] if "date_text" in rows else pd.Series([None] * len(rows))
        else:
            make = S.attack_counts if name == "attack_counts" else S.troop_levels
            draw: Callable[..., Figure] = (C.attack_counts_chart if name == "attack_counts"
                                           else C.troop_levels_chart)
            every = make(tables)
            fig = draw(every, lang=lang, digits=digits, months=months, start=date_from, end=date_to)
            years = None if name == "attack_counts" else C.RECENT_YEARS
            rows, _ = C.time_window(every, "as_of", date_from, date_to, years)
            marks = rows["claim_id"].map(number_text) if len(rows) else pd.Series(dtype=object)
        sources = _source_rows(rows, tables.articles, pd.Series(list(marks), dtype=object))
        total = len(sources)  # a large corpus quotes 100,000s of sentences: a PDF lists the latest
        if total > MAX_SOURCES:  # dated ones (undated ones sort last, and would be taken first)
            undated = sources["published"].isna()
            sources = pd.concat([sources[undated], sources[~undated]]).tail(MAX_SOURCES).reset_index(drop=True)
        n_articles = rows["article_id"].nunique() if len(rows) else 0
        n_outlets = rows["outlet"].dropna().nunique() if len(rows) else 0
        counts = words["counts"].format(points=len(rows), articles=n_articles, outlets=n_outlets)
        if lang == "ar" and digits == "arabic":
            counts = typography.arabic_digits(counts)
        caption = f"{chart_words[_WHAT_KEY[name]]} {counts}. {words['see']}"
        out.append(_Section(name, chart_words[_TITLE_KEY[name]], caption, fig, sources, total))
    return out


def _date_text(when: object, precision: object, lang: str, digits: str, months: str) -> str:
    if when is None or pd.isna(when):
        return "—"
    when = pd.Timestamp(when)
    names = C.MONTHS[months] if lang == "ar" else C.MONTHS["en"]
    if precision == "year":
        text = f"{when.year}"
    elif precision == "month":
        text = f"{names[when.month - 1]} {when.year}"
    else:
        text = f"{when.day} {names[when.month - 1]} {when.year}"
    return typography.arabic_digits(text) if lang == "ar" and digits == "arabic" else text


# ----------------------------------------------------------------------------- files
def write_brief(tables, out_dir: str | os.PathLike[str], lang: str = "ar",
                charts: Sequence[str] = CHARTS, *, digits: str = "western", months: str = "levant",
                date_from: str | None = None, date_to: str | None = None, name: str = "brief",
                image: str = "svg") -> list[Path]:
    """Write ``<out_dir>/<name>.<lang>.pdf`` and ``.html``; return their paths.

    PDF: a cover with the figure list and captions, one page per chart (the chart with its
    own caption), then the sources table (outlet, publication date, quoted sentence) per chart.
    HTML: the same, charts embedded as base64 *image* ("svg" or "png"), quoted numbers marked.
    """
    _check(lang, "lang", C.LANGS)
    _check(digits, "digits", ("western", "arabic"))
    _check(months, "months", ("levant", "egypt"))
    _check(image, "image", ("svg", "png"))
    date_from, date_to = P.date_range("write_brief", date_from, date_to)
    charts = [charts] if isinstance(charts, str) else list(charts)
    for chart in charts:
        _check(chart, "charts", CHARTS)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sections = _sections(tables, lang, charts, digits, months, date_from, date_to)
    meta = WORDS[lang]["meta"].format(articles=len(tables.articles), claims=len(tables.claims),
                                      events=len(tables.events))
    if date_from or date_to:
        meta += " · " + WORDS[lang]["window"].format(start=date_from or "…", end=date_to or "…")
    if lang == "ar" and digits == "arabic":
        meta = typography.arabic_digits(meta)
    pdf = write_atomically(out / f"{name}.{lang}.pdf", lambda tmp: _write_pdf(tmp, sections, meta, lang, digits, months))
    page = _html(sections, meta, lang, digits, months, image)
    html_path = write_atomically(out / f"{name}.{lang}.html", lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
    return [pdf, html_path]


# ----------------------------------------------------------------------------- HTML
def _marked(sentence: str, marks: Sequence[str]) -> str:
    """Escaped *sentence* with the first occurrence of each mark wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for mark in marks:
        start = sentence.find(mark)
        if start >= 0 and not any(start < e and start + len(mark) > s for s, e in spans):
            spans.append((start, start + len(mark)))
    pieces, at = [], 0
    for start, end in sorted(spans):
        pieces.append(html.escape(sentence[at:start]))
        pieces.append(f"<mark>{html.escape(sentence[start:end])}</mark>")
        at = end
    pieces.append(html.escape(sentence[at:]))
    return "".join(pieces)


def _figure_data(fig: Figure, lang: str, image: str) -> str:
    buffer = io.BytesIO()
    with typography.rc_context(lang):
        if image == "svg":
            with C.points_as_image(fig, True):
                fig.savefig(buffer, format="svg", dpi=160, metadata=_SVG_METADATA)
        else:
            fig.savefig(buffer, format="png", dpi=160, metadata={"Software": None})
    mime = "image/svg+xml" if image == "svg" else "image/png"
    return f"data:{mime};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _dir(text: str) -> str:
    return ' dir="rtl" lang="ar"' if typography.has_arabic(text) else ' dir="auto"'


def _html(sections: list[_Section], meta: str, lang: str, digits: str, months: str, image: str) -> str:
    words = WORDS[lang]
    e = html.escape
    rtl = lang == "ar"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(words['title'])}</title>",
        "<style>",
        "body{font-family:'Noto Sans Arabic','Noto Sans','Segoe UI',Tahoma,sans-serif;max-width:62rem;"
        "margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}",
        "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem}h3{font-size:1.05rem}",
        ".meta{color:#555}figure{margin:1rem 0}figure img{width:100%;height:auto;border:1px solid #eee}",
        "figcaption{font-size:.9rem;color:#444}",
        "table{border-collapse:collapse;width:100%;font-size:.9rem}",
        "th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:start}",
        "th{background:#f5f5f5}td.date{white-space:nowrap}mark{background:#fff0a8;padding:0 .1em}",
        "</style>",
        "</head>",
        "<body>",
        f"<h1>{e(words['title'])}</h1>",
        f'<p class="meta">{e(meta)}</p>',
    ]
    for n, section in enumerate(sections, 1):
        label = words["figure"].format(n=n)
        if rtl and digits == "arabic":
            label = typography.arabic_digits(label)
        parts += [
            f'<section id="{e(section.name)}">',
            f"<h2>{e(section.title)}</h2>",
            "<figure>",
            f'<img src="{_figure_data(section.fig, lang, image)}" alt="{e(section.title, quote=True)}">',
            f"<figcaption><strong>{e(label)}.</strong> {e(section.caption)}</figcaption>",
            "</figure>",
            "</section>",
        ]
    parts += ['<section id="sources">', f"<h2>{e(words['sources'])}</h2>"]
    for section in sections:
        parts.append(f"<h3>{e(section.title)}</h3>")
        if section.sources.empty:
            parts.append(f"<p>{e(words['no_rows'])}</p>")
            continue
        if section.sources_total > len(section.sources):
            parts.append(f"<p>{e(_latest_note(section, lang, digits))}</p>")
        parts += ["<table>", f"<thead><tr><th>{e(words['outlet'])}</th><th>{e(words['date'])}</th>"
                             f"<th>{e(words['sentence'])}</th></tr></thead>", "<tbody>"]
        for row in section.sources.itertuples(index=False):
            outlet = "—" if row.outlet is None or pd.isna(row.outlet) else str(row.outlet)
            when = _date_text(row.published, row.published_precision, lang, digits, months)
            parts.append(f"<tr><td{_dir(outlet)}>{e(outlet)}</td><td class=\"date\">{e(when)}</td>"
                         f"<td{_dir(row.sentence)}>{_marked(row.sentence, row.marks)}</td></tr>")
        parts += ["</tbody>", "</table>"]
    parts += ["</section>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _latest_note(section: _Section, lang: str, digits: str) -> str:
    note = WORDS[lang]["latest"].format(shown=len(section.sources), total=section.sources_total)
    return typography.arabic_digits(note) if lang == "ar" and digits == "arabic" else note


# ----------------------------------------------------------------------------- PDF
class _Pages:
    """Text pages (cover, sources table) laid out top-down by measuring what is drawn."""

    def __init__(self, pdf: PdfPages, lang: str) -> None:
        self.pdf, self.lang, self.rtl = pdf, lang, lang == "ar"
        self.number = 0
        self._widths: dict[tuple[str, float, bool], float] = {}
        self.fig: Figure | None = None
        self.new_page()

    # geometry in inches from the page's left / top edge
    def new_page(self) -> None:
        if self.fig is not None:
            self.flush()
        self.fig = Figure(figsize=(PAGE_W, PAGE_H))
        self.canvas = FigureCanvasAgg(self.fig)
        self.renderer = self.canvas.get_renderer()
        self.y = MARGIN
        self.number += 1

    def flush(self) -> None:
        assert self.fig is not None
        page = WORDS[self.lang]["page"].format(n=self.number)
        self.fig.text(0.5, 0.35 / PAGE_H, typography.ar(page, rtl=self.rtl), ha="center", va="bottom",
                      fontsize=7, color="#777777")
        self.pdf.savefig(self.fig)
        self.fig = None

    def width(self, text: str, size: float, rtl: bool) -> float:
        """Drawn width in inches of one word (or short piece), cached: shaping never joins
        across a space, so a line's width is the sum of its words and spaces."""
        key = (text, size, rtl)
        if key not in self._widths:
            w, _, _ = self.renderer.get_text_width_height_descent(
                typography.ar(text, rtl=rtl), FontProperties(size=size), ismath=False)
            self._widths[key] = w / self.fig.dpi
        return self._widths[key]

    def wrap(self, text: str, width_in: float, size: float, rtl: bool) -> str:
        """Greedy word wrap by drawn width (2% slack for kerning); a too-long word is cut."""
        limit = width_in * 0.98
        space = self.width("a a", size, False) - 2 * self.width("a", size, False)
        lines: list[str] = []
        for paragraph in str(text).split("\n"):
            line, used = "", 0.0
            for word in paragraph.split():
                w = self.width(word, size, rtl)
                if line and used + space + w <= limit:
                    line, used = f"{line} {word}", used + space + w
                    continue
                if line:
                    lines.append(line)
                while w > limit and len(word) > 1:
                    cut = len(word) - 1
                    while cut > 1 and self.width(word[:cut], size, rtl) > limit:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                    w = self.width(word, size, rtl)
                line, used = word, w
            lines.append(line)
        return "\n".join(lines)

    def place(self, x_in: float, text: str, size: float, rtl: bool, **kw):
        """Draw *text* (logical order) with its top at the cursor; ``x_in`` is its start edge."""
        assert self.fig is not None
        ha = "right" if rtl else "left"
        return self.fig.text(x_in / PAGE_W, 1 - self.y / PAGE_H, typography.ar(text, rtl=rtl), ha=ha,
                             va="top", fontsize=size, multialignment=ha, **kw)

    def height(self, artists) -> float:
        return max((a.get_window_extent(self.renderer).height for a in artists), default=0) / self.fig.dpi

    def block(self, draw: Callable[[], list], gap: float) -> None:
        """Draw a block at the cursor; if it runs off the page, redraw it on a new page."""
        artists = draw()
        h = self.height(artists)
        if self.y + h > PAGE_H - MARGIN and self.y > MARGIN + 1e-6:
            for artist in artists:
                artist.remove()
            self.new_page()
            artists = draw()
            h = self.height(artists)
        self.y += h + gap

    def start(self) -> float:
        """x of the start edge of a full-width block."""
        return PAGE_W - MARGIN if self.rtl else MARGIN

    def paragraph(self, text: str, size: float, gap: float, rtl: bool | None = None, **kw) -> None:
        rtl = self.rtl if rtl is None else rtl
        wrapped = self.wrap(text, PAGE_W - 2 * MARGIN, size, rtl)
        self.block(lambda: [self.place(PAGE_W - MARGIN if rtl else MARGIN, wrapped, size, rtl, **kw)], gap)


def _columns(rtl: bool) -> list[tuple[float, float]]:
    """(start x, width) in inches of outlet, date, sentence: right to left for Arabic."""
    widths = [1.35, 1.15, PAGE_W - 2 * MARGIN - 1.35 - 1.15 - 0.3]
    out, x = [], PAGE_W - MARGIN if rtl else MARGIN
    for w in widths:
        out.append((x, w))
        x = x - w - 0.15 if rtl else x + w + 0.15
    return out


def _write_pdf(path: str, sections: list[_Section], meta: str, lang: str, digits: str, months: str) -> None:
    words = WORDS[lang]
    rtl = lang == "ar"
    with typography.rc_context(lang):
        metadata = {**_PDF_METADATA, "Title": words["title"]}
        with PdfPages(path, metadata=metadata) as pdf:
            pages = _Pages(pdf, lang)
            pages.paragraph(words["title"], 15, 0.12)
            pages.paragraph(meta, 9, 0.3, color="#555555")
            pages.paragraph(words["contents"], 11.5, 0.12, color="#333333")
            for n, section in enumerate(sections, 1):
                label = words["figure"].format(n=n)
                if rtl and digits == "arabic":
                    label = typography.arabic_digits(label)
                pages.paragraph(f"{label}: {section.title}", 10, 0.05)
                pages.paragraph(section.caption, 8.5, 0.2, color="#333333")
            pages.flush()
            for section in sections:
                pdf.savefig(section.fig)
                pages.number += 1
            pages.new_page()
            pages.paragraph(words["sources"], 14, 0.15)
            columns = _columns(rtl)
            for section in sections:
                pages.paragraph(section.title, 11, 0.08, color="#0b4f8a")
                if section.sources.empty:
                    pages.paragraph(words["no_rows"], TEXT_PT, 0.2)
                    continue
                if section.sources_total > len(section.sources):
                    pages.paragraph(_latest_note(section, lang, digits), TEXT_PT, 0.08, color="#555555")
                header = [words["outlet"], words["date"], words["sentence"]]
                pages.block(lambda: [pages.place(x, text, TEXT_PT, rtl, color="#555555")
                                     for (x, _w), text in zip(columns, header)], 0.06)
                for row in section.sources.itertuples(index=False):
                    outlet = "—" if row.outlet is None or pd.isna(row.outlet) else str(row.outlet)
                    cells = [
                        (pages.wrap(outlet, columns[0][1], TEXT_PT, rtl), rtl),
                        (_date_text(row.published, row.published_precision, lang, digits, months), rtl),
                    ]
                    sentence_rtl = typography.has_arabic(row.sentence) or rtl
                    cells.append((pages.wrap(row.sentence, columns[2][1], TEXT_PT, sentence_rtl), sentence_rtl))

                    def draw(cells=cells) -> list:
                        drawn = []
                        for (x, w), (text, cell_rtl) in zip(columns, cells):
                            # a cell's text starts at the column's start edge in its own direction
                            start = x if cell_rtl == rtl else (x - w if rtl else x + w)
                            drawn.append(pages.place(start, text, TEXT_PT, cell_rtl, color="#222222"))
                        return drawn

                    pages.block(draw, 0.07)
                pages.y += 0.12
            pages.flush()
