"""Test helpers for typography and charts: render text with matplotlib and with an
independent shaper (HarfBuzz via uharfbuzz, or Pillow's raqm) and compare the ink.

Not a conftest: imported by name from the tests that need it.
"""

from __future__ import annotations

import contextlib
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from analysis import typography  # noqa: E402

PX = 40  # em size in pixels for test renders
DPI = 100


# ---------------------------------------------------------------- matplotlib side
def render_mpl(text: str, px: int = PX) -> np.ndarray:
    """Ink (0..255, float) of *text* drawn by matplotlib/Agg in the packaged Arabic font."""
    with typography.rc_context("ar"):
        fig = Figure(figsize=(14, 2), dpi=DPI)
        FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, text, fontsize=px * 72 / DPI, ha="center", va="center")
        fig.canvas.draw()
        rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float)
    return 255.0 - rgb.mean(axis=2)


def mpl_glyph_ids(text: str) -> list[int]:
    """Glyph indices matplotlib's layout emits for *text* (3.11+: keys hold glyph indices)."""
    from matplotlib.font_manager import get_font
    from matplotlib.textpath import TextToPath

    font = get_font(str(typography.font_path()))
    font.set_size(12, 72)
    info, _, _ = TextToPath().get_glyphs_with_font(font, text)
    return [int(str(key).rsplit("-", 1)[1], 16) for key, *_ in info]


# ---------------------------------------------------------------- HarfBuzz side
def bidi_runs(text: str) -> list[tuple[str, int]]:
    """(run, level) in logical order for an RTL paragraph; a small UBA subset.

    Enough for chart labels: strong R/AL -> level 1; L, EN, AN -> level 2; neutrals between
    two runs of the same direction take it (numbers count as R, rule N1), else level 1.
    """
    kinds = []
    for ch in text:
        c = unicodedata.bidirectional(ch)
        kinds.append("R" if c in ("R", "AL") else "L" if c == "L" else "N" if c in ("EN", "AN") else "X")
    strong = ["L" if k == "L" else "R" for k in kinds]
    resolved = list(kinds)
    i = 0
    while i < len(kinds):
        if kinds[i] != "X":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] == "X":
            j += 1
        before = strong[i - 1] if i else "R"
        after = strong[j] if j < len(kinds) else "R"
        resolved[i:j] = ["L" if before == after == "L" else "R"] * (j - i)
        i = j
    levels = [1 if k == "R" else 2 for k in resolved]
    runs: list[tuple[str, int]] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or levels[k] != levels[start]:
            runs.append((text[start:k], levels[start]))
            start = k
    return runs


def _hb_font():
    import uharfbuzz as hb

    blob = hb.Blob.from_file_path(str(typography.font_path()))
    return hb.Font(hb.Face(blob))


def hb_shape(text: str) -> list[tuple[int, int, int, int]]:
    """HarfBuzz glyphs (gid, x_advance, x_offset, y_offset) in visual order, RTL paragraph."""
    import uharfbuzz as hb

    font = _hb_font()
    out: list[tuple[int, int, int, int]] = []
    for run, level in reversed(bidi_runs(text)):
        buf = hb.Buffer()
        buf.add_str(run)
        buf.guess_segment_properties()
        buf.direction = "rtl" if level % 2 else "ltr"
        hb.shape(font, buf)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            out.append((info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset))
    return out


class _FlattenPen:
    """fontTools-style pen that flattens outlines into closed polygons."""

    def __init__(self) -> None:
        self.polys: list[list[tuple[float, float]]] = []
        self.cur: list[tuple[float, float]] = []

    def moveTo(self, p):  # noqa: N802 (pen protocol)
        self.cur = [p]

    def lineTo(self, p):  # noqa: N802
        self.cur.append(p)

    def qCurveTo(self, *pts):  # noqa: N802
        p0 = self.cur[-1]
        c, p1 = pts[0], pts[-1]
        for t in np.linspace(0, 1, 9)[1:]:
            self.cur.append(tuple((1 - t) ** 2 * np.array(p0) + 2 * (1 - t) * t * np.array(c) + t**2 * np.array(p1)))

    def curveTo(self, c1, c2, p1):  # noqa: N802
        p0 = np.array(self.cur[-1])
        for t in np.linspace(0, 1, 9)[1:]:
            pt = (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * np.array(c1)
            pt = pt + 3 * (1 - t) * t**2 * np.array(c2) + t**3 * np.array(p1)
            self.cur.append(tuple(pt))

    def closePath(self):  # noqa: N802
        if len(self.cur) > 2:
            self.polys.append(self.cur)
        self.cur = []

    endPath = closePath  # noqa: N815


def _rasterise(polys: list[np.ndarray], height: int, width: int, ss: int = 4) -> np.ndarray:
    """Non-zero-winding scanline fill with ss x ss supersampling -> coverage 0..255."""
    edges = []
    for poly in polys:
        q = np.vstack([poly, poly[:1]]) * ss
        edges.append(np.hstack([q[:-1], q[1:]]))
    e = np.vstack(edges)
    x0, y0, x1, y1 = e.T
    hi = np.zeros((height * ss, width * ss), dtype=bool)
    xs = np.arange(width * ss) + 0.5
    for row in range(height * ss):
        y = row + 0.5
        m = ((y0 <= y) & (y < y1)) | ((y1 <= y) & (y < y0))
        if not m.any():
            continue
        t = (y - y0[m]) / (y1[m] - y0[m])
        xi = x0[m] + t * (x1[m] - x0[m])
        wind = np.where(y1[m] > y0[m], 1, -1)
        order = np.argsort(xi)
        xi, csum = xi[order], np.cumsum(wind[order])
        idx = np.searchsorted(xi, xs, side="right")
        hi[row] = np.where(idx > 0, csum[np.maximum(idx - 1, 0)], 0) != 0
    return hi.reshape(height, ss, width, ss).mean(axis=(1, 3)) * 255.0


def render_harfbuzz(text: str, px: int = PX) -> np.ndarray:
    """Ink of *text* shaped by HarfBuzz, drawn from the font's own outlines (no FreeType)."""
    font = _hb_font()
    upem = font.face.upem
    scale = px / upem
    polys: list[np.ndarray] = []
    pen_x = 0
    for gid, adv, dx, dy in hb_shape(text):
        pen = _FlattenPen()
        font.draw_glyph_with_pen(gid, pen)
        for poly in pen.polys:
            pts = np.asarray(poly, dtype=float)
            polys.append(np.column_stack([(pts[:, 0] + pen_x + dx) * scale, (pts[:, 1] + dy) * scale]))
        pen_x += adv
    width = int(pen_x * scale) + 2 * px
    height = 3 * px
    flipped = [np.column_stack([p[:, 0] + px, 2 * px - p[:, 1]]) for p in polys]
    return _rasterise(flipped, height, width)


def render_pillow_raqm(text: str, px: int = PX) -> np.ndarray:
    """Ink of *text* laid out by Pillow with libraqm (FriBiDi + HarfBuzz), RTL paragraph."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(typography.font_path()), px, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("L", (px * (len(text) + 4), 3 * px), 0)
    ImageDraw.Draw(img).text((px, px // 2), text, font=font, fill=255, direction="rtl")
    return np.asarray(img, dtype=float)


def pillow_has_raqm() -> bool:
    from PIL import features

    return bool(features.check("raqm"))


# ---------------------------------------------------------------- comparison
def crop_ink(a: np.ndarray, threshold: float = 40) -> np.ndarray:
    ys, xs = np.nonzero(a > threshold)
    assert len(ys), "nothing was drawn"
    return a[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def ink_similarity(a: np.ndarray, b: np.ndarray, shift: int = 4) -> float:
    """Cosine similarity of two blurred, cropped ink images, best over small shifts.

    Same text in the same font gives > 0.9 whatever the rasteriser; a reversed or unjoined
    rendering of the same letters stays well below 0.75.
    """
    from PIL import Image, ImageFilter

    def prep(x: np.ndarray) -> np.ndarray:
        img = Image.fromarray(np.clip(crop_ink(x), 0, 255).astype(np.uint8))
        return np.asarray(img.filter(ImageFilter.GaussianBlur(1.5)), dtype=float)

    a, b = prep(a), prep(b)
    h = max(a.shape[0], b.shape[0]) + 2 * shift
    w = max(a.shape[1], b.shape[1]) + 2 * shift
    big_a = np.zeros((h, w))
    big_a[shift : shift + a.shape[0], shift : shift + a.shape[1]] = a
    norm_a = np.linalg.norm(big_a)
    best = -1.0
    for dy in range(2 * shift + 1):
        for dx in range(2 * shift + 1):
            big_b = np.zeros((h, w))
            big_b[dy : dy + b.shape[0], dx : dx + b.shape[1]] = b
            best = max(best, float((big_a * big_b).sum() / (norm_a * np.linalg.norm(big_b))))
    return best


# ---------------------------------------------------------------- figures
def text_artists(fig: Figure) -> list[Text]:
    """Every visible, non-empty Text artist in *fig* (after a draw, so tick labels exist)."""
    FigureCanvasAgg(fig).draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


@contextlib.contextmanager
def glyph_warnings() -> Iterator[list[str]]:
    """Collect matplotlib's "Glyph ... missing from font(s)" warnings raised inside."""
    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield found
    found.extend(str(w.message) for w in caught if "missing from font" in str(w.message))


def save_png(fig: Figure, path: Path) -> Path:
    FigureCanvasAgg(fig).print_png(str(path))
    return path


# ---------------------------------------------------------------- hand-made tables
def make_real_tables(articles, claims, events):
    """Validated `analysis.Tables` from row dicts (missing columns are NA)."""
    from analysis.tables import Tables, frame

    return Tables(frame("articles", articles), frame("claims", claims), frame("events", events),
                  frame("problems", []))


def make_tables():
    """Small, realistic-looking tables (logical-order Arabic, as the extractors produce)."""
    na = None
    articles = [
        {"article_id": "a1", "outlet": "الجزيرة", "published": "2023-10-27", "title": "t1"},
        {"article_id": "a2", "outlet": "رويترز", "published": "2023-11-21", "title": "t2"},
        {"article_id": "a3", "outlet": "الحرة", "published": "2024-01-05", "title": "t3"},
        {"article_id": "a4", "outlet": "رويترز", "published": "2024-01-29", "title": "t4"},
        {"article_id": "a5", "outlet": "شفق نيوز", "published": "2024-02-06", "title": "t5"},
        {"article_id": "a6", "outlet": "العربي الجديد", "published": "2024-09-28", "title": "t6"},
    ]
    s = "2023-10-17"

    def claim(aid, cid, kind, measure, value, low, high, qual, scope, as_of, ps=s):
        return {"article_id": aid, "claim_id": cid, "kind": kind, "measure": measure,
                "value": value, "low": low, "high": high, "qualifier": qual, "scope": scope,
                "period_start": ps, "as_of": as_of, "as_of_precision": "day",
                "number_text": str(value), "sentence": f"جملة {cid}", "char_start": 0,
                "char_end": 5}

    claims = [
        claim("a1", "a1-c1", "attacks", "total", 16, 16, na, "at_least", "iraq+syria", "2023-10-26"),
        claim("a2", "a2-c1", "attacks", "total", 40, 36, 44, "approx", "iraq+syria", "2023-11-07"),
        claim("a2", "a2-c2", "attacks", "total", 66, 66, 66, "exact", "iraq+syria", "2023-11-20"),
        claim("a3", "a3-c1", "attacks", "total", 70, 70, na, "more_than", "iraq+syria", na),
        claim("a3", "a3-c2", "attacks", "total", 60, 60, 60, "exact", "iraq", "2024-01-04"),
        claim("a3", "a3-c3", "attacks", "total", 40, 40, 40, "exact", "syria", "2024-01-04"),
        claim("a4", "a4-c1", "attacks", "total", 160, 160, 170, "more_than", "iraq+syria", "2024-01-28"),
        claim("a5", "a5-c1", "attacks", "total", 150, 135, 165, "approx", "iraq+syria", "2024-02-05"),
        claim("a5", "a5-c2", "attacks", "change", 5, 5, 5, "exact", "iraq", "2024-02-05"),
        claim("a5", "a5-c3", "attacks", "incident", 1, 1, 1, "exact", "iraq", "2024-02-05"),
        claim("a1", "a1-c2", "troops", "level", 2500, 2500, 2500, "exact", "iraq", "2023-10-27", na),
        claim("a3", "a3-c4", "troops", "level", 2500, 2250, 2750, "approx", "iraq", "2024-01-05", na),
        claim("a4", "a4-c2", "foreign_troops", "level", 900, 900, 900, "exact", "iraq", "2024-01-29", na),
        claim("a6", "a6-c1", "troops", "level", 2000, 2000, 2000, "exact", "iraq", "2024-09-28", na),
        claim("a6", "a6-c2", "troops", "level", 2500, 2500, 2500, "exact", "iraq", "2024-09-28", na),
        claim("a6", "a6-c3", "troops", "planned", 2000, 2000, 2000, "exact", "iraq", "2025-09-30", na),
        claim("a6", "a6-c4", "troops", "change", 500, 500, 500, "exact", "iraq", "2024-09-28", na),
        claim("a6", "a6-c5", "foreign_troops", "planned", 0, 0, 0, "exact", "iraq", "2026-09-30", na),
    ]

    def event(aid, eid, typ, start, end=None, planned=False, sentence="حدث"):
        return {"article_id": aid, "event_id": eid, "type": typ, "date_start": start,
                "date_end": end, "date_precision": "day", "date_text": start, "planned": planned,
                "sentence": sentence, "char_start": 0, "char_end": 4}

    events = [
        event("a3", "a3-e1", "killing", "2024-01-04", sentence="مقتل قيادي في غارة ببغداد"),
        event("a4", "a4-e1", "attack", "2024-01-28", sentence="هجوم بطائرة مسيرة على البرج 22"),
        event("a5", "a5-e1", "strike", "2024-02-02", sentence="ضربات أمريكية في العراق وسوريا"),
        event("a4", "a4-e2", "talks", "2024-01-27", "2024-02-11", sentence="بدء مباحثات اللجنة العسكرية العليا"),
        event("a6", "a6-e1", "agreement", "2024-09-27", sentence="اتفاق على إنهاء مهمة التحالف"),
        event("a6", "a6-e2", "deadline", "2025-09-30", planned=True, sentence="موعد انتهاء المرحلة الأولى"),
        event("a6", "a6-e3", "statement", None, sentence="بلا تاريخ"),
    ]
    return make_real_tables(articles, claims, events)
