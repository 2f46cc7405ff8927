"""The five seed articles, read by a person and checked against the tables.

Every expected value below comes from reading the article text in seeds/.
"""

import pandas as pd
import pytest

SEED = {
    "000": "000_ffb755aa3aec9db9", "001": "001_d33bb5adcf157590", "002": "002_786ee55e18834587",
    "003": "003_1f212e84deb6432c", "004": "004_7496e8e2969ed9cd",
}


def claims_of(tables, seed):
    return tables.claims[tables.claims["article_id"] == SEED[seed]]


def events_of(tables, seed):
    return tables.events[tables.events["article_id"] == SEED[seed]]


def article(tables, seed):
    return tables.articles.set_index("article_id").loc[SEED[seed]]


def facts(claims):
    """(kind, value, qualifier, scope) of each claim, as a sorted list."""
    return sorted(zip(claims["kind"], claims["value"].astype(int), claims["qualifier"], claims["scope"]))


def test_seed_000_dateline_and_claims(seed_tables):
    a = article(seed_tables, "000")
    assert (a["published"], a["published_precision"], a["published_basis"]) == (
        pd.Timestamp("2025-02-03"), "day", "dateline")
    # "ضربت أكثر من 85 هدفا" in strikes "في العراق وسوريا"; the view counter (64), the time and the
    # years are not claims.
    assert facts(claims_of(seed_tables, "000")) == [("targets", 85, "more_than", "iraq+syria")]
    deadline = events_of(seed_tables, "000").query("type == 'deadline'")
    assert deadline[["date_start", "date_precision", "planned"]].values.tolist() == [
        [pd.Timestamp("2025-09-01"), "month", True]]


def test_seed_001_claims_and_boilerplate(seed_tables):
    # "تعرضت القوات الأميركية في سوريا والعراق لنحو 150 هجوماً"
    assert facts(claims_of(seed_tables, "001")) == [("attacks", 150, "approx", "iraq+syria")]
    assert claims_of(seed_tables, "001")["measure"].tolist() == ["total"]
    a = article(seed_tables, "001")
    assert a["title"].startswith("الوجود الأميركي بالعراق على المحك")
    # "كما أعلنّا في آب من عام 2023"
    events = events_of(seed_tables, "001")
    august = events[events["date_start"] == pd.Timestamp("2023-08-01")]
    assert august["date_precision"].tolist() == ["month"]


def test_seed_002_claims(seed_tables):
    claims = claims_of(seed_tables, "002")
    assert facts(claims) == [
        ("attacks", 60, "more_than", "iraq"),   # "لأكثر من 60 هجومًا ... في العراق منذ 17 أكتوبر"
        ("targets", 2, "exact", "iraq"),        # "غارات جوية ... استهدفت مبنيين"
        ("troops", 2500, "approx", "iraq"),     # "بحوالي 2500 جندي في العراق"
    ]
    attacks = claims[claims["kind"] == "attacks"].iloc[0]
    assert attacks["measure"] == "total"
    assert attacks["period_start"] == pd.Timestamp("2023-10-17")
    troops = claims[claims["kind"] == "troops"].iloc[0]
    assert troops["measure"] == "level"


def test_seed_002_distributor_footer_is_not_a_claim(seed_tables):
    values = set(claims_of(seed_tables, "002")["value"].astype(int))
    assert not values & {6500, 86000, 3500000, 90}


def test_seed_002_publication_is_inferred_not_guessed(seed_tables):
    a = article(seed_tables, "002")
    # No dateline; "4 يناير" and "5 يناير" follow "أغسطس 2023" and "17 أكتوبر": January 2024.
    assert (a["published"], a["published_precision"], a["published_basis"]) == (
        pd.Timestamp("2024-01-01"), "month", "inferred")


def test_seed_002_events(seed_tables):
    events = events_of(seed_tables, "002")
    days = set(events["date_start"])
    assert {pd.Timestamp("2024-01-04"), pd.Timestamp("2024-01-05"), pd.Timestamp("2023-08-01")} <= days
    on_4th = set(events[events["date_start"] == "2024-01-04"]["type"])
    assert on_4th & {"killing", "strike"}


def test_seed_003_page_header_date_is_not_publication(seed_tables):
    a = article(seed_tables, "003")
    assert a["published"] != pd.Timestamp("2026-02-07")
    assert a["published_basis"] == "inferred"
    assert a["published_precision"] in ("year", "month")
    # Named as sitting officials: President Biden and press secretary Jen Psaki -> 2021 or later.
    assert a["published"].year == 2021


def test_seed_003_claims(seed_tables):
    assert facts(claims_of(seed_tables, "003")) == [
        ("fighters", 70000, "more_than", "iraq"),  # "أكثر من 70 ألف عنصر من ميليشيات الحشد"
        ("troops", 2500, "approx", "iraq"),         # "وعددهم نحو 2500"
        ("troops", 2500, "approx", "iraq"),         # "تراجع الى نحو 2500"
    ]


def test_seed_004_claims(seed_tables):
    assert facts(claims_of(seed_tables, "004")) == sorted([
        ("attacks", 8, "at_least", "iraq"),          # "ما لا يقل عن ثماني هجمات بطائرات بدون طيار"
        ("attacks", 17, "exact", "iraq"),            # "17 هجومًا صاروخيًا"
        ("strikes", 2, "exact", "syria"),            # "باستهداف مرتين ... داخل سوريا"
        ("foreign_troops", 3500, "approx", "iraq"),  # "حوالي 3500 جندي أجنبي على الأراضي العراقية"
        ("troops", 2500, "exact", "iraq"),           # "بما في ذلك 2500 أمريكي"
        ("rockets", 14, "exact", "iraq"),            # "إطلاق 14 صاروخا على قاعدة عين الأسد"
        ("rockets", 3, "exact", "iraq"),             # "وثلاثة آخرين سقطوا بالقرب من السفارة"
    ])


def test_seed_004_events(seed_tables):
    events = events_of(seed_tables, "004")
    meeting = events[(events["type"] == "meeting") & (events["date_start"] == "2021-07-26")]
    assert meeting["planned"].tolist() == [True]
    strike = events[events["date_start"] == "2020-01-03"]
    assert strike["type"].tolist() == ["strike"]


@pytest.mark.parametrize("table", ["claims", "events"])
def test_every_row_quotes_its_source(seed_tables, table):
    from analysis.corpus import iter_documents
    texts = {d.article_id: d.text for d in iter_documents([p for p in _seed_paths()])}
    rows = getattr(seed_tables, table)
    assert len(rows)
    for row in rows.itertuples():
        text = texts[row.article_id]
        assert row.sentence in text
        quoted = text[row.char_start:row.char_end]
        assert quoted == (row.number_text if table == "claims" else row.date_text)
        assert quoted in row.sentence


def _seed_paths():
    from tests.conftest import SEEDS
    return sorted(SEEDS.iterdir())


def test_tables_hold_logical_order_text_only(seed_tables):
    presentation_forms = [chr(c) for c in range(0xFB50, 0xFF00)]
    for column in ("sentence", "number_text"):
        joined = "".join(seed_tables.claims[column])
        assert not any(ch in joined for ch in presentation_forms)
