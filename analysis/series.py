"""Tidy time series derived from the claims and events tables, ready to chart.

Why a separate stage: charts and notebooks need one row per plotted point with its date,
bounds and source, in a deterministic order; the claims table keeps everything (including
rows without a date), the series keep what can be placed on a time axis.  Pure functions.

What "placed on a time axis" means: a claim is charted only when its date (`as_of`, else the
article's publication date) is known to the day or the month.  A date known only to the year
would be drawn on 1 January, which the article never said.  How many reported figures were
left out for that reason travels with the series in ``frame.attrs[IMPRECISE]`` (read it with
`left_out`), so a chart can say so in its caption.
"""

from __future__ import annotations

import logging
from typing import Protocol

import pandas as pd

log = logging.getLogger(__name__)

POINT_COLUMNS = [
    "as_of", "value", "low", "high", "qualifier", "scope", "period_start", "measure",
    "outlet", "article_id", "claim_id", "sentence", "published", "published_precision",
    "as_of_precision",
]
TROOP_COLUMNS = ["country", "kind", *POINT_COLUMNS]
BEST_COLUMNS = ["scope", "segment", "period_start", "as_of", "estimate", "claim_id"]
COUNTRY = {"troops": "US", "foreign_troops": "foreign"}
CHARTED_PRECISIONS = ("day", "month")
IMPRECISE = "imprecise_dates"  # attrs key: reported figures left out for want of a precise date
IMPRECISE_YEARS = "imprecise_years"  # attrs key: the year of each of them (None: no date at all)
UNDATED_PERIOD_GAP = pd.DateOffset(months=12)  # see best_estimate
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "none": 3}
_DATES = ("as_of", "period_start", "published")
_INTS = ("value", "low", "high")


class TablesLike(Protocol):
    """Anything with the `claims`, `articles` and `events` DataFrames of DESIGN.md."""

    claims: pd.DataFrame
    articles: pd.DataFrame
    events: pd.DataFrame


def left_out(series: pd.DataFrame) -> int:
    """How many reported figures the series left out because their date is known only to the
    year, or not at all (0 for a frame that does not say)."""
    return int(series.attrs.get(IMPRECISE, 0))


def _article_info(articles: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("article_id", "outlet", "published", "published_precision")
            if c in articles.columns]
    info = articles.loc[:, cols].drop_duplicates("article_id")
    for col in ("outlet", "published", "published_precision"):
        if col not in info.columns:
            info[col] = pd.NaT if col == "published" else pd.NA
    info["published"] = pd.to_datetime(info["published"])
    info["published_precision"] = info["published_precision"].astype("object")
    return info


def _imprecise(frame: pd.DataFrame, dropped: pd.Series) -> pd.DataFrame:
    """`frame` noting the figures left out for their date: how many, and the year of each (a chart
    with a time window counts those of a year wholly outside it with the figures outside it)."""
    when = pd.to_datetime(dropped)
    frame.attrs[IMPRECISE] = len(dropped)
    frame.attrs[IMPRECISE_YEARS] = [None if pd.isna(day) else int(day.year) for day in when]
    return frame


def _empty(columns: list[str], dropped: pd.Series | None = None) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    for col in _DATES:
        if col in frame:
            frame[col] = pd.Series(dtype="datetime64[ns]")
    for col in _INTS:
        if col in frame:
            frame[col] = pd.Series(dtype="Int64")
    return _imprecise(frame, dropped if dropped is not None else pd.Series(dtype="datetime64[ns]"))


def _points(tables: TablesLike, mask: pd.Series) -> pd.DataFrame:
    """Selected claims with outlet joined, as_of filled from the publication date, and the
    precision of the date they would be drawn at (`as_of_precision`)."""
    claims = tables.claims.loc[mask]
    if claims.empty:
        return pd.DataFrame()
    merged = claims.merge(_article_info(tables.articles), on="article_id", how="left",
                          suffixes=("", "_article"))
    if "outlet_article" in merged.columns:  # claims carried their own outlet column
        merged["outlet"] = merged["outlet"].fillna(merged.pop("outlet_article"))
    as_of = pd.to_datetime(merged["as_of"])
    own = (merged["as_of_precision"].astype("object") if "as_of_precision" in merged
           else pd.Series(pd.NA, index=merged.index, dtype="object"))
    from_article = merged["published_precision"].where(merged["published"].notna(), "none")
    merged["as_of_precision"] = own.where(as_of.notna(), from_article)
    merged["as_of"] = as_of.fillna(merged["published"])
    merged["period_start"] = pd.to_datetime(merged["period_start"])
    for col in _INTS:
        merged[col] = merged[col].astype("Int64")
    return merged


def _precise(points: pd.DataFrame) -> pd.Series:
    """Which points have a date known to the day or the month (and so can be drawn)."""
    precise = points["as_of"].notna() & points["as_of_precision"].isin(CHARTED_PRECISIONS)
    return precise.fillna(False).astype(bool)


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="mergesort", na_position="last").reset_index(drop=True)


def _one_per_article_period(points: pd.DataFrame) -> pd.DataFrame:
    """The largest figure each article reports per (scope, period_start).

    An article that gives a total and then its parts ("18 attacks ... 4 on al-Tanf, 5 on ...")
    or repeats a figure reports one count for that area and period, not several; other
    articles reporting the same figure stay separate points.  Ties go to the larger lower
    bound, then the more precise date, then the first claim id.
    """
    keys = ["article_id", "scope", "period_start"]
    ranked = points.assign(
        _lb=lower_bound(points),
        _rank=points["as_of_precision"].map(_PRECISION_RANK).fillna(len(_PRECISION_RANK)),
    )
    ranked = ranked.sort_values([*keys, "value", "_lb", "_rank", "claim_id"],
                                ascending=[True, True, True, False, False, True, True],
                                kind="mergesort", na_position="last")
    return ranked.drop_duplicates(keys, keep="first").drop(columns=["_lb", "_rank"])


def attack_counts(tables: TablesLike) -> pd.DataFrame:
    """Reported cumulative attack counts ("N attacks since ..."), sorted by as_of: one point per
    (article_id, scope, period_start), the largest figure the article gives for it.

    as_of falls back to the article's published date.  Only claims dated to the day or month
    are points; the others, counted the same way (one per article, scope and period), are left
    out and their number kept in ``attrs[IMPRECISE]``."""
    c = tables.claims
    if c.empty:
        return _empty(POINT_COLUMNS)
    mask = c["kind"].eq("attacks").fillna(False) & c["measure"].eq("total").fillna(False)
    points = _points(tables, mask.astype(bool))
    if points.empty:
        return _empty(POINT_COLUMNS)
    precise = _precise(points)
    imprecise = points.loc[~precise]
    dropped = _one_per_article_period(imprecise)["as_of"] if len(imprecise) else imprecise["as_of"]
    if len(dropped):
        log.info("attack_counts: %d figure(s) without a day or month date left out", len(dropped))
    points = _one_per_article_period(points.loc[precise])
    if points.empty:
        return _empty(POINT_COLUMNS, dropped)
    out = _sorted(points[POINT_COLUMNS], ["as_of", "scope", "value", "article_id", "claim_id"])
    return _imprecise(out, dropped)


def lower_bound(series: pd.DataFrame) -> pd.Series:
    """What a claim guarantees at least: `low` where known, else `value`."""
    return series["low"].astype("Int64").fillna(series["value"].astype("Int64"))


def best_estimate(series: pd.DataFrame) -> pd.DataFrame:
    """Per scope and counting period, the running maximum of reported lower bounds (a step series).

    A cumulative count can only grow while its period runs, so the largest lower bound reported
    so far is the best supported estimate.  A claim whose period_start is later than the start
    of the current segment opens a new segment (the count starts again); a claim without a
    period_start continues the current segment, unless it comes more than UNDATED_PERIOD_GAP after
    the segment's last report (17 attacks "since January 2021" are not the floor of an undated
    count of October 2023).  Kept apart from the points so reported numbers
    are never altered.  Columns: scope, segment (0, 1, ... per scope), period_start (of the
    segment), as_of, estimate, claim_id (the claim that set the estimate).
    """
    if series.empty:
        return _empty(BEST_COLUMNS).astype({"estimate": "Int64", "segment": "Int64"})
    frame = series.assign(_lb=lower_bound(series)).dropna(subset=["_lb", "as_of"])
    if "period_start" not in frame.columns:
        frame = frame.assign(period_start=pd.NaT)
    frame = frame.assign(period_start=pd.to_datetime(frame["period_start"]))
    frame = _sorted(frame, ["as_of", "period_start", "_lb", "claim_id"])
    rows = []
    for scope, group in frame.groupby("scope", dropna=False, sort=False):
        segment, start, best, best_id, last = -1, pd.NaT, None, None, pd.NaT
        for as_of, period, lb, claim_id in zip(group["as_of"], group["period_start"],
                                               group["_lb"], group["claim_id"]):
            new_period = pd.notna(period) and (pd.isna(start) or period > start)
            stale = pd.isna(period) and as_of > last + UNDATED_PERIOD_GAP
            if segment < 0 or new_period or stale:
                segment, start, best, best_id = segment + 1, period, None, None
            last = as_of
            if best is None or lb > best:
                best, best_id = int(lb), claim_id
            rows.append({"scope": scope, "segment": segment, "period_start": start,
                         "as_of": as_of, "estimate": best, "claim_id": best_id})
    out = pd.DataFrame(rows, columns=BEST_COLUMNS)
    out = out.drop_duplicates(["scope", "segment", "as_of"], keep="last")
    out["estimate"] = out["estimate"].astype("Int64")
    out["segment"] = out["segment"].astype("Int64")
    out["period_start"] = pd.to_datetime(out["period_start"])
    out["scope"] = out["scope"].astype("object")
    return _sorted(out, ["scope", "segment", "as_of"])


def troop_levels(tables: TablesLike) -> pd.DataFrame:
    """Reported and planned troop levels (US and other foreign forces); changes left out, and
    figures whose date is known only to the year (counted in ``attrs[IMPRECISE]``)."""
    c = tables.claims
    if c.empty:
        return _empty(TROOP_COLUMNS)
    mask = c["kind"].isin(list(COUNTRY)) & c["measure"].isin(["level", "planned"])
    points = _points(tables, mask.fillna(False).astype(bool))
    if points.empty:
        return _empty(TROOP_COLUMNS)
    precise = _precise(points)
    dropped = points.loc[~precise, "as_of"]
    if len(dropped):
        log.info("troop_levels: %d figure(s) without a day or month date left out", len(dropped))
    points = points.loc[precise].copy()
    if points.empty:
        return _empty(TROOP_COLUMNS, dropped)
    points["country"] = points["kind"].map(COUNTRY)
    out = _sorted(points[TROOP_COLUMNS], ["as_of", "country", "measure", "value", "claim_id"])
    return _imprecise(out, dropped)


def events_timeline(tables: TablesLike) -> pd.DataFrame:
    """Events dated to the day or month, with the article's outlet and published date (and its
    precision), sorted; year-only events are left out and counted in ``attrs[IMPRECISE]``."""
    ev = tables.events
    if ev.empty or "date_start" not in ev.columns:
        return ev.iloc[0:0].assign(outlet=pd.Series(dtype="object"))
    ev = ev.assign(date_start=pd.to_datetime(ev["date_start"]))
    if "date_end" in ev.columns:
        ev["date_end"] = pd.to_datetime(ev["date_end"])
    ev = ev.loc[ev["date_start"].notna()]
    precise = (ev["date_precision"].isin(CHARTED_PRECISIONS) if "date_precision" in ev.columns
               else pd.Series(True, index=ev.index))
    dropped = ev.loc[~precise, "date_start"]
    ev = ev.loc[precise]  # a year-only date would be drawn on 1 January
    info = _article_info(tables.articles)
    ev = ev.drop(columns=[c for c in info.columns if c != "article_id" and c in ev.columns])
    ev = ev.merge(info, on="article_id", how="left")
    return _imprecise(_sorted(ev, ["date_start", "type", "article_id", "event_id"]), dropped)
