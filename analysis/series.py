"""Tidy time series derived from the claims and events tables, ready to chart.

Why a separate stage: charts and notebooks need one row per plotted point with its date,
bounds and source, in a deterministic order; the claims table keeps everything (including
rows without a date), the series keep what can be placed on a time axis.  Pure functions.
"""

from __future__ import annotations

import logging
from typing import Protocol

import pandas as pd

log = logging.getLogger(__name__)

POINT_COLUMNS = [
    "as_of", "value", "low", "high", "qualifier", "scope", "period_start", "measure",
    "outlet", "article_id", "claim_id", "sentence", "published",
]
TROOP_COLUMNS = ["country", "kind", *POINT_COLUMNS]
BEST_COLUMNS = ["scope", "as_of", "estimate", "claim_id"]
COUNTRY = {"troops": "US", "foreign_troops": "foreign"}
_DATES = ("as_of", "period_start", "published")
_INTS = ("value", "low", "high")


class TablesLike(Protocol):
    """Anything with the `claims`, `articles` and `events` DataFrames of DESIGN.md."""

    claims: pd.DataFrame
    articles: pd.DataFrame
    events: pd.DataFrame


def _article_info(articles: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("article_id", "outlet", "published") if c in articles.columns]
    info = articles.loc[:, cols].drop_duplicates("article_id")
    for col in ("outlet", "published"):
        if col not in info.columns:
            info[col] = pd.NA if col == "outlet" else pd.NaT
    info["published"] = pd.to_datetime(info["published"])
    return info


def _empty(columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    for col in _DATES:
        if col in frame:
            frame[col] = pd.Series(dtype="datetime64[ns]")
    for col in _INTS:
        if col in frame:
            frame[col] = pd.Series(dtype="Int64")
    return frame


def _points(tables: TablesLike, mask: pd.Series, what: str) -> pd.DataFrame:
    """Selected claims with outlet joined and as_of filled from the publication date."""
    claims = tables.claims.loc[mask]
    if claims.empty:
        return pd.DataFrame()
    merged = claims.merge(_article_info(tables.articles), on="article_id", how="left",
                          suffixes=("", "_article"))
    if "outlet_article" in merged.columns:  # claims carried their own outlet column
        merged["outlet"] = merged["outlet"].fillna(merged.pop("outlet_article"))
    as_of = pd.to_datetime(merged["as_of"])
    merged["as_of"] = as_of.fillna(merged["published"])
    undated = merged["as_of"].isna()
    if undated.any():
        log.info("%s: %d claim(s) without as_of or published date left out", what, int(undated.sum()))
    out = merged.loc[~undated].copy()
    out["period_start"] = pd.to_datetime(out["period_start"])
    for col in _INTS:
        out[col] = out[col].astype("Int64")
    return out


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="mergesort", na_position="last").reset_index(drop=True)


def attack_counts(tables: TablesLike) -> pd.DataFrame:
    """Reported cumulative attack counts ("N attacks since ..."), one row per claim, by as_of.

    as_of falls back to the article's published date; `published` is kept for captions."""
    c = tables.claims
    if c.empty:
        return _empty(POINT_COLUMNS)
    mask = c["kind"].eq("attacks").fillna(False) & c["measure"].eq("total").fillna(False)
    points = _points(tables, mask.astype(bool), "attack_counts")
    if points.empty:
        return _empty(POINT_COLUMNS)
    return _sorted(points[POINT_COLUMNS], ["as_of", "scope", "value", "article_id", "claim_id"])


def lower_bound(series: pd.DataFrame) -> pd.Series:
    """What a claim guarantees at least: `low` where known, else `value`."""
    return series["low"].astype("Int64").fillna(series["value"].astype("Int64"))


def best_estimate(series: pd.DataFrame) -> pd.DataFrame:
    """Per scope, the running maximum of reported lower bounds over time (a step series).

    A cumulative count can only grow, so the largest lower bound reported so far is the best
    supported estimate; kept apart from the points so reported numbers are never altered.
    Columns: scope, as_of, estimate, claim_id (the claim that set the estimate).
    """
    if series.empty:
        return _empty(BEST_COLUMNS).astype({"estimate": "Int64"})
    frame = series.assign(_lb=lower_bound(series)).dropna(subset=["_lb", "as_of"])
    frame = _sorted(frame, ["as_of", "_lb", "claim_id"])
    rows = []
    for scope, group in frame.groupby("scope", dropna=False, sort=False):
        best, best_id = None, None
        for as_of, lb, claim_id in zip(group["as_of"], group["_lb"], group["claim_id"]):
            if best is None or lb > best:
                best, best_id = int(lb), claim_id
            rows.append({"scope": scope, "as_of": as_of, "estimate": best, "claim_id": best_id})
    out = pd.DataFrame(rows, columns=BEST_COLUMNS)
    out = out.drop_duplicates(["scope", "as_of"], keep="last")
    out["estimate"] = out["estimate"].astype("Int64")
    out["scope"] = out["scope"].astype("object")
    return _sorted(out, ["scope", "as_of"])


def troop_levels(tables: TablesLike) -> pd.DataFrame:
    """Reported and planned troop levels (US and other foreign forces); changes left out."""
    c = tables.claims
    if c.empty:
        return _empty(TROOP_COLUMNS)
    mask = c["kind"].isin(list(COUNTRY)) & c["measure"].isin(["level", "planned"])
    points = _points(tables, mask.fillna(False).astype(bool), "troop_levels")
    if points.empty:
        return _empty(TROOP_COLUMNS)
    points["country"] = points["kind"].map(COUNTRY)
    return _sorted(points[TROOP_COLUMNS], ["as_of", "country", "measure", "value", "claim_id"])


def events_timeline(tables: TablesLike) -> pd.DataFrame:
    """Events that have a start date, with the article's outlet and published date, sorted."""
    ev = tables.events
    if ev.empty or "date_start" not in ev.columns:
        return ev.iloc[0:0].assign(outlet=pd.Series(dtype="object"))
    ev = ev.assign(date_start=pd.to_datetime(ev["date_start"]))
    if "date_end" in ev.columns:
        ev["date_end"] = pd.to_datetime(ev["date_end"])
    ev = ev.loc[ev["date_start"].notna()]
    info = _article_info(tables.articles)
    ev = ev.drop(columns=[c for c in ("outlet", "published") if c in ev.columns])
    ev = ev.merge(info, on="article_id", how="left")
    return _sorted(ev, ["date_start", "type", "article_id", "event_id"])
