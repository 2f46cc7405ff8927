"""Arabic labels must read correctly on matplotlib 3.11+ (libraqm) and on 3.10 (no shaping).

The reference is an independent shaper drawing the same logical string in the same font file:
HarfBuzz (uharfbuzz) with outlines rasterised here, and Pillow+raqm where Pillow has it.
"""

from __future__ import annotations

import arabic_reshaper
import matplotlib
import pytest
from matplotlib import font_manager, ft2font

from analysis import typography
from analysis.typography import LRM, RLM, ar, has_presentation_forms, mpl_shapes_rtl, visual

from . import conftest_charts_helpers as h

LABELS = [
    "هجمات على القوات الأمريكية",
    "نحو 2500 جندي",
    "تشرين الأول 2023",
    "2500 جندي في العراق",
    "قوات US في العراق",
    "تقريبي (نحو 40)",
]
NATIVE = mpl_shapes_rtl()


def wrong(text: str) -> str:
    """The processing `ar` must NOT do on this matplotlib."""
    if NATIVE:  # double processing: reshape + reorder on top of libraqm
        return visual(text)
    return text  # raw logical string on a matplotlib that cannot shape


def test_fonts_come_from_the_packages_and_register_once() -> None:
    arabic, latin = typography.register_fonts()
    typography.register_fonts()
    assert "fontpkg_noto_sans_arabic" in str(arabic) and arabic.exists()
    assert "fontpkg_noto_sans" in str(latin) and latin.exists()
    names = [f.fname for f in font_manager.fontManager.ttflist]
    assert names.count(str(arabic)) == 1 and names.count(str(latin)) == 1
    found = font_manager.findfont(font_manager.FontProperties(family=typography.ARABIC_FAMILY))
    assert found == str(arabic)


def test_probe_agrees_with_feature_flag_and_is_cached() -> None:
    """The layout probe is the decision; libraqm's presence in ft2font must agree with it."""
    assert NATIVE == hasattr(ft2font, "__libraqm_version__")
    assert typography._probe_layout() == NATIVE
    before = mpl_shapes_rtl.cache_info().hits
    mpl_shapes_rtl()
    assert mpl_shapes_rtl.cache_info().hits == before + 1


@pytest.mark.parametrize("text", ["", "Iraq 2023", "12,500", "US troops (approx.)", "–"])
def test_text_without_arabic_passes_through(text: str) -> None:
    assert ar(text) == text


def test_ar_output_per_matplotlib_line() -> None:
    if NATIVE:
        assert ar("هجمات على القوات") == "هجمات على القوات"
        assert ar("2500 جندي") == RLM + "2500 جندي"
        assert ar("US قوات") == RLM + "US قوات"
        assert ar("رويترز (7 Nov)", rtl=False) == LRM + "رويترز (7 Nov)"
        assert ar("Source: رويترز", rtl=False) == "Source: رويترز"
        assert not has_presentation_forms(ar("هجمات على القوات"))
    else:
        out = ar("هجمات على القوات")
        assert has_presentation_forms(out)
        assert out == visual("هجمات على القوات")
        assert ar("2500 جندي").startswith("\ufef1")  # visual order: final yeh comes first
        assert ar("(نحو)").startswith("(") and ar("(نحو)").endswith(")")  # mirrored


def test_lines_are_processed_separately() -> None:
    first, second = ar("نحو 2500 جندي\nالمصدر: رويترز").split("\n")
    assert first == ar("نحو 2500 جندي") and second == ar("المصدر: رويترز")
    assert ar(None) == "" and ar(2500) == "2500"


@pytest.mark.skipif(not NATIVE, reason="glyph ids are only comparable when matplotlib shapes")
@pytest.mark.parametrize("text", LABELS)
def test_glyph_sequence_matches_harfbuzz(text: str) -> None:
    expected = [gid for gid, *_ in h.hb_shape(ar(text))]
    assert h.mpl_glyph_ids(ar(text)) == expected
    assert h.mpl_glyph_ids(wrong(text)) != expected


REFERENCES = {
    "harfbuzz": h.render_harfbuzz,
    "pillow-raqm": h.render_pillow_raqm,
}


@pytest.mark.parametrize("reference", sorted(REFERENCES))
@pytest.mark.parametrize("text", LABELS)
def test_rendering_matches_independent_shaper(text: str, reference: str) -> None:
    if reference == "pillow-raqm" and not h.pillow_has_raqm():
        pytest.skip("this Pillow has no raqm layout")
    ref = REFERENCES[reference](text)
    good = h.ink_similarity(h.render_mpl(ar(text)), ref)
    bad = h.ink_similarity(h.render_mpl(wrong(text)), ref)
    assert good > 0.9, f"ar() rendering differs from {reference}: {good:.3f}"
    assert bad < 0.75, f"wrong processing still matches {reference}: {bad:.3f}"


def test_no_missing_glyph_warnings_for_chart_text() -> None:
    sample = "هجمات 2023 Iraq ٢٠٢٣ «، ؛ ٪ – —» (~) ≥ − 12.5% ١٢٫٥٪"
    with h.glyph_warnings() as missing:
        h.render_mpl(ar(sample))
        h.render_mpl(ar(arabic_reshaper.reshape(sample)))  # presentation forms (3.10 path)
    assert missing == []


def test_missing_glyph_warnings_are_caught() -> None:
    """Control for the test above: a glyph no font has is reported."""
    with h.glyph_warnings() as missing:
        h.render_mpl("\u4e00")
    assert missing, "matplotlib no longer warns through `warnings`; update glyph_warnings()"


def test_rc_context_sets_the_packaged_fonts() -> None:
    with typography.rc_context("ar"):
        assert matplotlib.rcParams["font.family"][0] == typography.ARABIC_FAMILY
    with typography.rc_context("en"):
        assert matplotlib.rcParams["font.family"][0] == typography.LATIN_FAMILY


@pytest.mark.parametrize("text", ["(نحو)", "[نحو]"])
def test_brackets_face_the_text(text: str) -> None:
    """python-bidi's Rust get_display does not mirror brackets; `ar` must still get them right."""
    ref = h.render_harfbuzz(text)
    drawn = ar(text)
    swapped = drawn.translate(str.maketrans("()[]", ")(]["))
    good = h.ink_similarity(h.render_mpl(drawn), ref)
    bad = h.ink_similarity(h.render_mpl(swapped), ref)
    assert good > 0.95 and bad < good - 0.1, (good, bad)  # seen: ~0.98 vs <= 0.84


def test_embed_marks_a_quoted_name() -> None:
    assert typography.embed("alsafina.net (North Press copy)") == "alsafina.net (North Press copy)" + LRM + RLM
    assert typography.embed("رويترز", rtl=False) == "رويترز" + RLM + LRM
    assert typography.embed("?") == "?" + RLM


@pytest.mark.parametrize("reference", sorted(REFERENCES))
def test_caption_with_latin_name_matches_independent_shaper(reference: str) -> None:
    """A Latin name with brackets inside Arabic text, as in chart captions (needs `embed`)."""
    if reference == "pillow-raqm" and not h.pillow_has_raqm():
        pytest.skip("this Pillow has no raqm layout")
    text = "المصادر: " + typography.embed("alsafina.net (copy)") + " (1 آب 2025)."
    ref = REFERENCES[reference](text)
    assert h.ink_similarity(h.render_mpl(ar(text)), ref) > 0.9


def test_arabic_pdf_text_is_drawn_as_outlines(tmp_path) -> None:
    """matplotlib's PDF backend misplaces embedded Arabic glyphs (words run together), so Arabic
    goes into PDFs as outlines: no Arabic font is embedded, Latin text still is (in the English
    style, where the Latin font comes first)."""
    from matplotlib.figure import Figure

    from analysis import typography

    if not typography.mpl_shapes_rtl():
        pytest.skip("older matplotlib draws visual-order presentation forms; nothing to fix")
    with typography.rc_context("en"):
        fig = Figure(figsize=(4, 1))
        fig.text(0.9, 0.6, typography.ar("الهجمات على القوات الأمريكية"), ha="right")
        fig.text(0.1, 0.2, "Latin 2024")
        fig.savefig(tmp_path / "a.pdf")
    pdf = (tmp_path / "a.pdf").read_bytes()
    assert b"NotoSansArabic" not in pdf
    assert b"NotoSans" in pdf
