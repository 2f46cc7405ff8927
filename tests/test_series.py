"""Series from hand-made tables whose expected points, counts and estimates are worked out by hand.

The tables below are small but shaped like the corpus: an article that gives a total and then
its parts per base, a figure repeated in one article, the same figure from two outlets, dates
known to the day, the month, only the year, or not at all, and a new counting period.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import series
from analysis.tables import Tables

from . import conftest_charts_helpers as h

S = "2023-10-17"  # start of the counting period "since 17 October"


def article(aid: str, outlet: str | None, published: str | None, precision: str) -> dict:
    return {"article_id": aid, "outlet": outlet, "published": published,
            "published_precision": precision, "title": aid}


def claim(aid: str, cid: str, value: int, *, scope: str | None = "iraq+syria", ps: str | None = S,
          as_of: str | None = None, precision: str = "none", qualifier: str = "exact",
          kind: str = "attacks", measure: str = "total") -> dict:
    low = value if qualifier in ("exact", "at_least", "more_than") else None
    high = value if qualifier in ("exact", "less_than") else None
    return {"article_id": aid, "claim_id": cid, "kind": kind, "measure": measure, "value": value,
            "low": low, "high": high, "qualifier": qualifier, "scope": scope, "period_start": ps,
            "as_of": as_of, "as_of_precision": precision if as_of else "none",
            "number_text": str(value), "sentence": f"جملة {cid}", "char_start": 0, "char_end": 2}


def attack_tables() -> Tables:
    """Expected (worked out by hand):

    points: A-1 (18, iraq+syria), A-5 (10, iraq), B-1 (18, iraq+syria: same figure, other outlet),
            C-1 (60, as_of = C's publication month), F-1 (12, new period), F-2 (8, no period)
    left out for their date: C-2 (as_of known to the year), D-1 (published only as a year),
            E-1 (no date at all) -> 3
    """
    articles = [
        article("A", "الجزيرة", "2023-11-21", "day"),
        article("B", "رويترز", "2023-11-21", "day"),
        article("C", "الحرة", "2024-01-01", "month"),
        article("D", "شفق نيوز", "2023-01-01", "year"),
        article("E", None, None, "none"),
        article("F", "العربي الجديد", "2024-03-01", "day"),
    ]
    day = {"as_of": "2023-11-20", "precision": "day"}
    claims = [
        claim("A", "A-1", 18, **day),  # "18 استهداف منذ 17 تشرين الأول"
        claim("A", "A-2", 4, **day),  # "4 طالت قاعدة التنف"
        claim("A", "A-3", 5, **day),  # "و5 ..."
        claim("A", "A-4", 18, **day),  # the 18 again, later in the article
        claim("A", "A-5", 10, scope="iraq", **day),  # another area: its own point
        claim("B", "B-1", 18, **day),  # another outlet, same figure: its own point
        claim("C", "C-1", 60, qualifier="more_than"),  # as_of = publication (Jan 2024, month)
        claim("C", "C-2", 150, qualifier="approx", as_of="2024-01-01", precision="year"),
        claim("D", "D-1", 100, ps=None),  # only the publication year is known
        claim("D", "D-2", 40, ps=None),  # its part: not a second left-out figure
        claim("E", "E-1", 70, scope="iraq", ps=None),  # no date at all
        claim("F", "F-1", 12, ps="2024-02-01", as_of="2024-02-29", precision="day"),
        claim("F", "F-2", 8, ps=None, as_of="2024-03-01", precision="day"),
        claim("F", "F-3", 3, kind="attacks", measure="incident", as_of="2024-03-01", precision="day"),
    ]
    return h.make_real_tables(articles, claims, [])


@pytest.fixture(scope="module")
def attacks() -> pd.DataFrame:
    return series.attack_counts(attack_tables())


def test_one_point_per_article_scope_and_period(attacks) -> None:
    assert list(attacks.columns) == series.POINT_COLUMNS
    assert list(attacks["claim_id"]) == ["A-5", "A-1", "B-1", "C-1", "F-1", "F-2"]
    assert list(attacks["value"]) == [10, 18, 18, 60, 12, 8]
    assert attacks["as_of"].is_monotonic_increasing


def test_dates_and_their_precision(attacks) -> None:
    rows = attacks.set_index("claim_id")
    assert rows.loc["C-1", "as_of"] == pd.Timestamp("2024-01-01")  # publication date, month
    assert rows.loc["C-1", "as_of_precision"] == "month"
    assert rows.loc["A-1", "as_of_precision"] == "day"
    assert rows.loc["C-1", "published_precision"] == "month"
    assert set(attacks["as_of_precision"]) <= {"day", "month"}


def test_figures_without_a_precise_date_are_counted_not_drawn(attacks) -> None:
    assert {"C-2", "D-1", "D-2", "E-1"}.isdisjoint(attacks["claim_id"])
    assert series.left_out(attacks) == 3  # C-2, D (one figure: its total), E-1
    assert attacks.attrs[series.IMPRECISE] == 3
    windowed = attacks[attacks["as_of"] >= "2024-01-01"]  # the count travels with the frame
    assert series.left_out(windowed) == 3


def test_an_imprecise_larger_figure_does_not_hide_a_precise_one() -> None:
    """C reports 60 (dated by its publication month) and ~150 (dated to a year) for the same
    scope and period: 60 is drawn, 150 counted as left out."""
    out = series.attack_counts(attack_tables())
    assert out.set_index("claim_id").loc["C-1", "value"] == 60


def test_best_estimate_resets_with_a_new_counting_period(attacks) -> None:
    best = series.best_estimate(attacks)
    assert list(best.columns) == series.BEST_COLUMNS
    both = best[best["scope"] == "iraq+syria"]
    # period from 17 Oct 2023: 18 (A-1, B-1 same day) then "more than 60" -> 60;
    # period from 1 Feb 2024: 12, then F-2 (no period_start) continues it: max(12, 8) = 12
    assert list(both["segment"]) == [0, 0, 1, 1]
    assert list(both["as_of"].dt.strftime("%Y-%m-%d")) == ["2023-11-20", "2024-01-01",
                                                          "2024-02-29", "2024-03-01"]
    assert list(both["estimate"]) == [18, 60, 12, 12]
    assert list(both["claim_id"]) == ["A-1", "C-1", "F-1", "F-1"]
    assert list(both["period_start"].dt.strftime("%Y-%m-%d")) == [S, S, "2024-02-01", "2024-02-01"]
    iraq = best[best["scope"] == "iraq"]
    assert list(iraq["estimate"]) == [10] and list(iraq["segment"]) == [0]


def test_best_estimate_segments_by_hand() -> None:
    """Lower bounds 5, 9, 7 (period 1 Jan), then 3 (period 1 Mar), then 4 without a period,
    then 20 for the older period 1 Jan (not later: continues the current segment)."""
    frame = pd.DataFrame({
        "as_of": pd.to_datetime(["2024-01-10", "2024-01-20", "2024-02-01", "2024-03-05",
                                 "2024-03-10", "2024-03-20"]),
        "period_start": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-01", "2024-03-01",
                                        None, "2024-01-01"]),
        "value": pd.array([5, 9, 8, 3, 4, 20], "Int64"),
        "low": pd.array([5, 9, 7, 3, pd.NA, 20], "Int64"),
        "scope": ["iraq"] * 6, "claim_id": list("abcdef")})
    best = series.best_estimate(frame)
    assert list(best["segment"]) == [0, 0, 0, 1, 1, 1]
    assert list(best["estimate"]) == [5, 9, 9, 3, 4, 20]
    assert list(best["claim_id"]) == ["a", "b", "b", "d", "e", "f"]


def test_a_count_without_a_period_long_after_the_last_starts_again() -> None:
    """17 attacks reported in July 2021 and 12 in October 2023, neither saying since when: two
    counts, not a 2021 floor under the 2023 one; 15 in December 2023 continues the second."""
    frame = pd.DataFrame({
        "as_of": pd.to_datetime(["2021-07-01", "2023-10-01", "2023-12-01"]),
        "period_start": pd.to_datetime([None, None, None]),
        "value": pd.array([17, 12, 15], "Int64"), "low": pd.array([17, 12, 15], "Int64"),
        "scope": ["iraq"] * 3, "claim_id": list("abc")})
    best = series.best_estimate(frame)
    assert list(best["segment"]) == [0, 1, 1]
    assert list(best["estimate"]) == [17, 12, 15]
    # the same when the 2021 count says since when it runs
    best = series.best_estimate(frame.assign(period_start=pd.to_datetime(["2021-01-01", None, None])))
    assert list(best["segment"]) == [0, 1, 1]
    assert list(best["estimate"]) == [17, 12, 15]


def test_a_count_without_a_period_continues_a_counting_period_within_a_year() -> None:
    """170 attacks since 17 October (February 2024), then 180 with no period (September), then 175
    since 17 October (October): one campaign's count, whose best estimate stays at 180."""
    frame = pd.DataFrame({
        "as_of": pd.to_datetime(["2024-02-01", "2024-09-01", "2024-10-01"]),
        "period_start": pd.to_datetime(["2023-10-17", None, "2023-10-17"]),
        "value": pd.array([170, 180, 175], "Int64"), "low": pd.array([170, 180, 175], "Int64"),
        "scope": ["iraq"] * 3, "claim_id": list("abc")})
    best = series.best_estimate(frame)
    assert list(best["segment"]) == [0, 0, 0]
    assert list(best["estimate"]) == [170, 180, 180]


def test_best_estimate_uses_value_when_low_missing() -> None:
    frame = pd.DataFrame({
        "as_of": pd.to_datetime(["2024-01-01", "2024-02-01"]), "value": pd.array([10, 20], "Int64"),
        "low": pd.array([pd.NA, 15], "Int64"), "scope": [pd.NA, pd.NA], "claim_id": ["x", "y"]})
    best = series.best_estimate(frame)
    assert list(best["estimate"]) == [10, 15] and best["scope"].isna().all()
    assert list(best["segment"]) == [0, 0]


def troop_tables() -> Tables:
    """2003-2025 troop figures: two old ones dated to the day/month, one dated only to a year,
    a run 2014-2015, a run 2020-2021, a lone 2025 level, Syria apart, a planned cut."""
    articles = [article("T1", "رويترز", "2025-09-01", "month"),
                article("T2", "الجزيرة", "2021-01-15", "day"),
                article("T3", "الحرة", "2024-05-15", "day")]
    t = {"kind": "troops", "measure": "level", "scope": "iraq", "ps": None}
    claims = [
        claim("T3", "t1", 150000, as_of="2003-03-20", precision="day", **t),
        claim("T3", "t2", 170000, as_of="2007-06-01", precision="month", **t),
        claim("T3", "t3", 160000, as_of="2007-01-01", precision="year", **t),
        claim("T3", "t4", 1600, as_of="2014-09-01", precision="month", **t),
        claim("T3", "t5", 3500, as_of="2015-06-01", precision="month", **t),
        claim("T2", "t6", 5200, as_of="2020-01-03", precision="day", **t),
        claim("T2", "t7", 3000, as_of="2020-09-09", precision="day", **t),
        claim("T2", "t8", 2500, as_of="2021-01-15", precision="day", **t),
        claim("T1", "t9", 2500, **t),  # dated by the publication month
        claim("T1", "t10", 900, as_of="2023-10-01", precision="month",
              **{**t, "scope": "syria"}),
        claim("T1", "t11", 2000, as_of="2025-12-31", precision="day", qualifier="less_than",
              **{**t, "measure": "planned"}),
        claim("T1", "t12", 500, as_of="2025-09-01", precision="month", **{**t, "measure": "change"}),
    ]
    return h.make_real_tables(articles, claims, [])


def test_troop_levels_keep_precise_dates_only() -> None:
    out = series.troop_levels(troop_tables())
    assert list(out.columns) == series.TROOP_COLUMNS
    assert list(out["claim_id"]) == ["t1", "t2", "t4", "t5", "t6", "t7", "t8", "t10", "t9", "t11"]
    assert series.left_out(out) == 1  # t3, known only as "2007"
    assert out.set_index("claim_id").loc["t9", "as_of"] == pd.Timestamp("2025-09-01")
    assert set(out["country"]) == {"US"}


def test_events_timeline_carries_publication_precision() -> None:
    t = h.make_real_tables(
        [article("A", "الجزيرة", "2021-07-01", "month")], [],
        [{"article_id": "A", "event_id": "A-e1", "type": "visit", "date_start": "2021-07-10",
          "date_precision": "day", "planned": False, "sentence": "زيارة", "char_start": 0,
          "char_end": 4}])
    out = series.events_timeline(t)
    assert out.loc[0, "published_precision"] == "month" and out.loc[0, "outlet"] == "الجزيرة"


def test_attack_counts_is_deterministic() -> None:
    t = attack_tables()
    shuffled = Tables(t.articles.iloc[::-1], t.claims.sample(frac=1, random_state=3),
                      t.events, t.problems)
    pd.testing.assert_frame_equal(series.attack_counts(shuffled), series.attack_counts(t))


def test_empty_tables_give_empty_series() -> None:
    t = h.make_real_tables([], [], [])
    for frame, cols in ((series.attack_counts(t), series.POINT_COLUMNS),
                        (series.troop_levels(t), series.TROOP_COLUMNS)):
        assert frame.empty and list(frame.columns) == cols and series.left_out(frame) == 0
    assert series.best_estimate(series.attack_counts(t)).empty
    assert series.events_timeline(t).empty


def test_only_imprecise_figures_give_an_empty_series_that_counts_them() -> None:
    t = h.make_real_tables([article("D", "شفق نيوز", "2023-01-01", "year")],
                           [claim("D", "D-1", 100, ps=None), claim("D", "D-2", 40, scope="iraq")], [])
    out = series.attack_counts(t)
    assert out.empty and series.left_out(out) == 2  # two scopes: two figures


def test_events_known_only_to_the_year_are_left_out_and_counted() -> None:
    from analysis.series import events_timeline, left_out
    from analysis.tables import Tables, frame

    events = [
        {"article_id": "a", "event_id": "a:e1", "type": "visit", "date_start": "2024-01-04",
         "date_precision": "day", "planned": False, "char_start": 0, "char_end": 1},
        {"article_id": "a", "event_id": "a:e2", "type": "withdrawal", "date_start": "2019-01-01",
         "date_precision": "year", "planned": False, "char_start": 2, "char_end": 3},
    ]
    tables = Tables(frame("articles", [{"article_id": "a", "published": "2024-01-10",
                                        "published_precision": "day"}]),
                    frame("claims", []), frame("events", events), frame("problems", []))
    timeline = events_timeline(tables)
    assert timeline["event_id"].tolist() == ["a:e1"]
    assert left_out(timeline) == 1
