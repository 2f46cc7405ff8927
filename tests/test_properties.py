"""Property-based tests of the text functions: any input, no exception, consistent offsets and bounds."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import Document, clean_text
from analysis.extract import extract_document
from analysis.tables import assemble

NUMBERS = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.integers(0, 999).map(lambda n: f"{n},500"),
    st.sampled_from(["ثلاثة", "خمسين", "ستة وستين", "ألفي", "خمسة آلاف", "مبنيين", "صاروخين", "5.2 ألف"]),
)
WORDS = st.sampled_from([
    "نحو", "حوالي", "أكثر من", "ما لا يقل عن", "أقل من", "قرابة", "على الأقل", "هجوما", "جندي", "صاروخا",
    "غارة", "قتلى", "جرحى", "في العراق", "في سوريا", "منذ", "يوم الثلاثاء", "أمس", "العام الماضي",
    "17 أكتوبر", "تشرين الأول", "كانون الثاني 2024", "أيلول/ سبتمبر 2025", "جانفي", "31 شباط 2025",
    "المقبل", "،", ".", "\n", "\n\n", "ـ", "\u200f", "َ", "(", "«", "2023", "22:41", "SeaPRwire",
])
ARABIC_TEXT = st.lists(st.one_of(NUMBERS, WORDS), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(ARABIC_TEXT, st.text(max_size=300))
CATALOG_DATES = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(str))


def extract(text: str, published: str | None = None):
    cleaned, title, header = clean_text(text)
    return extract_document(Document("a", "a.txt", cleaned, "utf-8", "", title, None, None, published, header))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, CATALOG_DATES)
def test_extraction_never_raises_and_quotes_its_spans(text, published):
    rows = extract(text, published)
    cleaned = clean_text(text)[0]
    for claim in rows.claims:
        assert cleaned[claim["char_start"]:claim["char_end"]] == claim["number_text"]
        assert claim["number_text"] in claim["sentence"]
        if claim["low"] is not None:
            assert claim["low"] <= claim["value"]
        if claim["high"] is not None:
            assert claim["value"] <= claim["high"]
    for event in rows.events:
        assert cleaned[event["char_start"]:event["char_end"]] == event["date_text"]
        assert isinstance(event["date_start"], date)  # a real calendar date
    assemble([rows])  # the rows pass the table schema


@settings(max_examples=100, deadline=None)
@given(ARABIC_TEXT, CATALOG_DATES)
def test_extraction_is_deterministic(text, published):
    assert extract(text, published) == extract(text, published)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_cleaning_never_raises_and_is_idempotent(text):
    cleaned, _, _ = clean_text(text)
    assert clean_text(cleaned)[0] == cleaned
