"""Arabic text for matplotlib: packaged fonts, and one function (`ar`) for every label.

Why this module exists: matplotlib >= 3.11 shapes and reorders right-to-left text itself
(libraqm); older matplotlib draws code points one by one, left to right, unjoined.  Applying
``arabic_reshaper`` + ``bidi`` on top of libraqm reverses every label silently, and skipping
them on old matplotlib gives reversed, disconnected letters.  `mpl_shapes_rtl` finds out which
case we are in by *probing* the installed matplotlib, and `ar` prepares a logical-order string
accordingly.  Tables never hold the output of `ar`: it is for drawing only.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Sans Arabic"
LATIN_FAMILY = "Noto Sans"
#: matplotlib's own font, last in the fallback chain for symbols neither Noto font has.
LAST_RESORT_FAMILY = "DejaVu Sans"

RLM = "\u200f"
LRM = "\u200e"
_PACKAGES = {ARABIC_FAMILY: "fontpkg_noto_sans_arabic", LATIN_FAMILY: "fontpkg_noto_sans"}
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_registered: set[Path] = set()


class FontNotFoundError(RuntimeError):
    """A packaged font is missing; the message says which package to install."""


def font_path(family: str = ARABIC_FAMILY) -> Path:
    """Path of the regular font file shipped by the fontpkg package for *family*."""
    if family not in _PACKAGES:
        raise ValueError(f"unknown family {family!r}; expected one of {sorted(_PACKAGES)}")
    try:
        import fontpkg

        return Path(fontpkg.path(family))
    except Exception as exc:  # fontpkg missing or its registry API changed: look ourselves
        log.debug("fontpkg lookup of %s failed (%s); scanning the package", family, exc)
    pkg = _PACKAGES[family]
    dist = pkg.replace("_", "-")
    try:
        root = Path(importlib.import_module(pkg).__file__ or "").parent
    except ImportError as exc:
        raise FontNotFoundError(
            f"font {family!r} not installed: pip install {dist} (it is a dependency of analysis)"
        ) from exc
    files = sorted(p for p in (root / "files").glob("*.[ot]tf") if "Italic" not in p.name)
    if not files:
        raise FontNotFoundError(f"{dist} is installed but has no font file under {root}/files")
    return files[0]


def register_fonts() -> tuple[Path, Path]:
    """Add the packaged Arabic and Latin fonts to matplotlib's font manager (idempotent)."""
    from matplotlib import font_manager

    paths = (font_path(ARABIC_FAMILY), font_path(LATIN_FAMILY))
    known = {Path(f.fname) for f in font_manager.fontManager.ttflist}
    for p in paths:
        if p not in _registered and p not in known:
            font_manager.fontManager.addfont(str(p))
        _registered.add(p)
    return paths


def rc_params(lang: str = "ar") -> dict[str, Any]:
    """rcParams for charts: the Arabic font first (it also covers Latin), Noto Sans as fallback."""
    register_fonts()
    families = [ARABIC_FAMILY, LATIN_FAMILY, LAST_RESORT_FAMILY]
    if lang != "ar":
        families = [LATIN_FAMILY, ARABIC_FAMILY, LAST_RESORT_FAMILY]
    return {
        "font.family": families,
        "axes.unicode_minus": True,
        "svg.fonttype": "path",  # glyph outlines: the SVG looks the same without the font
        "svg.hashsalt": "analysis",  # stable ids -> byte-identical SVG
        "pdf.fonttype": 42,
        "text.parse_math": False,  # outlet names or sentences may hold "$"
    }


@contextlib.contextmanager
def rc_context(lang: str = "ar") -> Iterator[None]:
    """Context in which figures use the packaged fonts (see `rc_params`) and Arabic text in PDF
    output is drawn as outlines (see `_arabic_pdf_text_as_paths`)."""
    with matplotlib.rc_context(rc_params(lang)), _arabic_pdf_text_as_paths():
        yield


@contextlib.contextmanager
def _arabic_pdf_text_as_paths() -> Iterator[None]:
    """Draw PDF text that holds Arabic as glyph outlines instead of embedded-font text.

    matplotlib's PDF backend places embedded Arabic glyphs by the font's default advances, not by
    the shaped layout: words run together and spaces double up in the PDF while the PNG is right
    (seen on matplotlib 3.11 with Noto Sans Arabic, fonttype 3 and 42 alike).  The outlines come
    from the same shaped layout as the PNG, so the PDF reads the same.  Latin-only text stays text.
    """
    if not mpl_shapes_rtl():  # older matplotlib gets visual-order presentation forms: no layout to lose
        yield
        return
    from matplotlib.backend_bases import RendererBase
    from matplotlib.backends.backend_pdf import RendererPdf

    original = RendererPdf.draw_text

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not has_arabic(s):
            return original(self, gc, x, y, s, prop, angle, ismath, mtext)
        return RendererBase._draw_text_as_path(self, gc, x, y, s, prop, angle, ismath, mtext)

    RendererPdf.draw_text = draw_text
    try:
        yield
    finally:
        RendererPdf.draw_text = original


def is_arabic_char(ch: str) -> bool:
    """True for characters of the Arabic script (letters, Arabic-Indic digits, marks)."""
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def has_arabic(text: str) -> bool:
    """True if *text* contains any Arabic-script character."""
    return any(is_arabic_char(c) for c in text)


def has_presentation_forms(text: str) -> bool:
    """True if *text* holds Arabic presentation forms, i.e. was reshaped for old matplotlib."""
    return any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text)


def arabic_digits(text: str) -> str:
    """Western digits 0-9 -> Arabic-Indic digits ٠-٩ (other characters unchanged)."""
    return text.translate(_ARABIC_DIGITS)


def _glyph_shapes(font: Any, text: str) -> list[bytes]:
    """Outline of each glyph matplotlib lays out for *text*, from left to right.

    Outlines rather than glyph ids: the glyph key format of `TextToPath` differs between
    matplotlib versions (char code before 3.11, glyph index since), outlines do not.
    """
    from matplotlib.textpath import TextToPath

    info, glyph_map, _ = TextToPath().get_glyphs_with_font(font, text)
    placed = sorted((float(x), key) for key, x, _y, _scale in info)
    return [glyph_map[key][0].round(3).tobytes() for _x, key in placed]


def _probe_layout() -> bool:
    """Lay out probe strings with matplotlib's own text layout and inspect the glyphs.

    Contextual shaping: in "ببب" a shaper picks initial/medial/final forms, so the three
    outlines differ; unshaped, all three are the isolated form.  Reordering: alef and dal
    never join, so in "اد" right-to-left layout puts dal (the second character) leftmost.
    """
    from matplotlib.font_manager import get_font

    font = get_font(str(font_path(ARABIC_FAMILY)))
    font.set_size(12, 72)
    shaped = len(set(_glyph_shapes(font, "\u0628\u0628\u0628"))) > 1
    (alef,), (dal,) = _glyph_shapes(font, "\u0627"), _glyph_shapes(font, "\u062f")
    pair = _glyph_shapes(font, "\u0627\u062f")
    if pair == [dal, alef]:
        reordered = True
    elif pair == [alef, dal]:
        reordered = False
    else:
        raise RuntimeError(f"unexpected probe layout of {len(pair)} glyphs")
    if shaped != reordered:
        raise RuntimeError(f"matplotlib shapes={shaped} but reorders={reordered}")
    return shaped


@functools.cache
def mpl_shapes_rtl() -> bool:
    """Does the installed matplotlib shape and reorder Arabic itself?  Probed once, cached.

    The probe asks matplotlib's text layout (`TextToPath.get_glyphs_with_font`, the same
    layout the Agg/PDF/SVG backends use) for glyphs; if that API ever fails, fall back to
    the libraqm feature flag of ``matplotlib.ft2font``, then to the version (3.11 added raqm).
    """
    try:
        result = _probe_layout()
        log.debug("matplotlib %s layout probe: shapes RTL = %s", matplotlib.__version__, result)
        return result
    except Exception as exc:
        log.warning("matplotlib text layout probe failed (%s); using feature flag", exc)
    from matplotlib import ft2font

    if hasattr(ft2font, "__libraqm_version__"):
        return True
    major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
    return (major, minor) >= (3, 11)


def embed(text: str, rtl: bool = True) -> str:
    """*text* (a name quoted inside a sentence) followed by zero-width direction marks: one of
    its own last strong direction, so a closing bracket of the name stays with it, then one of
    the paragraph's, so what follows ("(12 Oct") does not join the name's run.  python-bidi's
    algorithm predates bracket pairing (UBA 6.3), where these marks matter most."""
    own = next((unicodedata.bidirectional(c) for c in reversed(text)
                if unicodedata.bidirectional(c) in ("L", "R", "AL")), None)
    marks = "" if own is None else (LRM if own == "L" else RLM)
    return text + marks + (RLM if rtl else LRM)


def _starts_with(line: str, rtl: bool) -> bool:
    """Does the first character already set the paragraph direction we want?"""
    if not line:
        return True
    return unicodedata.bidirectional(line[0]) in (("R", "AL") if rtl else ("L",))


def _bidi_display() -> Any:
    """python-bidi's pure-Python algorithm: unlike the Rust `bidi.get_display` of 0.5+, it
    mirrors brackets in right-to-left runs (rule L4), so "(نحو)" keeps its parentheses."""
    try:
        from bidi.algorithm import get_display
    except ImportError:  # a future python-bidi without the old module: no mirroring
        log.warning("bidi.algorithm missing: brackets in Arabic labels will not be mirrored")
        from bidi import get_display
    return get_display


def visual(line: str, rtl: bool = True) -> str:
    """Reshaped (presentation forms) and visually ordered form of one line, for matplotlib
    that cannot shape.  On shaping matplotlib this is exactly what must NOT be drawn."""
    import arabic_reshaper

    shown = str(_bidi_display()(arabic_reshaper.reshape(line), base_dir="R" if rtl else "L"))
    return shown.translate(_MARKS)  # directives for the bidi step; drawn, they leave traces


def _prepare_line(line: str, native: bool, rtl: bool) -> str:
    if not has_arabic(line):
        return line
    if native:
        return line if _starts_with(line, rtl) else (RLM if rtl else LRM) + line
    return visual(line, rtl)


def ar(text: object, *, rtl: bool = True) -> str:
    """THE function every chart string goes through: logical Unicode in, drawable string out.

    On a matplotlib that shapes RTL text the logical string is kept; a line that holds Arabic
    but does not start with the paragraph's direction gets a mark (RLM, or LRM with
    ``rtl=False`` for English text quoting Arabic names) so it is laid out in that direction.
    On older matplotlib each Arabic line is reshaped and reordered to visual order with the
    same paragraph direction.  Text without Arabic is returned unchanged on both.
    """
    s = "" if text is None else str(text)
    if not has_arabic(s):
        return s
    native = mpl_shapes_rtl()
    return "\n".join(_prepare_line(line, native, rtl) for line in s.split("\n"))
