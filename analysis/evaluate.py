"""Score extracted claims against hand annotations (gold.jsonl, format in data/corpus/README.md).

A gold claim is matched to an extracted claim of the same file, kind and value — preferring one whose
number lies inside the gold quote.  Precision and recall are on (kind, value); qualifier, measure, scope
and date accuracy are measured on the matched pairs, and every matched pair that gets one of them
wrong is listed (`analysis evaluate -v`), so a rule change shows which figures it mended or broke.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .tables import Tables


@dataclass
class Score:
    matched: int = 0
    extracted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class Report:
    overall: Score
    by_kind: dict[str, Score]
    qualifier_accuracy: float
    measure_accuracy: float
    as_of_accuracy: float
    period_start_accuracy: float
    scope_accuracy: float
    misses: list[dict] = field(default_factory=list)  # gold claims not found
    extras: list[dict] = field(default_factory=list)  # extracted claims not in gold
    wrong: list[dict] = field(default_factory=list)  # matched claims with a field unlike gold's

    def format(self) -> str:
        lines = [f"{'kind':<15}{'gold':>6}{'found':>7}{'match':>7}{'precision':>11}{'recall':>8}"]
        for kind, score in sorted(self.by_kind.items()):
            lines.append(f"{kind:<15}{score.gold:>6}{score.extracted:>7}{score.matched:>7}"
                         f"{score.precision:>11.3f}{score.recall:>8.3f}")
        o = self.overall
        lines.append(f"{'ALL':<15}{o.gold:>6}{o.extracted:>7}{o.matched:>7}{o.precision:>11.3f}{o.recall:>8.3f}")
        lines.append(f"qualifier accuracy on matches: {self.qualifier_accuracy:.3f}")
        lines.append(f"measure accuracy on matches: {self.measure_accuracy:.3f}")
        lines.append(f"scope accuracy on matches: {self.scope_accuracy:.3f}")
        lines.append(f"as_of accuracy on matches (at gold precision): {self.as_of_accuracy:.3f}")
        lines.append(f"period_start accuracy on matches: {self.period_start_accuracy:.3f}")
        return "\n".join(lines)


def read_gold(path: str | os.PathLike[str]) -> list[dict]:
    """Gold annotations, one dict per line; a malformed line is an error naming the line."""
    gold = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                gold.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error}); fix or remove the line") from error
    return gold


def _same_date(extracted, gold: str | None) -> bool:
    """Equal at the precision the annotator wrote (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if gold is None:
        return True
    if extracted is None or pd.isna(extracted):
        return False
    return pd.Timestamp(extracted).strftime("%Y-%m-%d")[:len(gold)] == gold


def evaluate(tables: Tables, gold: list[dict]) -> Report:
    """Match gold claims to extracted ones per file and score them."""
    articles = tables.articles.set_index("article_id")
    texts: dict[str, str] = {}
    claims = tables.claims.assign(file=tables.claims["article_id"].map(
        lambda a: Path(articles.loc[a, "path"]).name))
    files = {g["file"] for g in gold}
    claims = claims[claims["file"].isin(files)]
    used: set[str] = set()
    pairs: list[tuple[dict, pd.Series]] = []
    misses = []
    for item in gold:
        candidates = claims[(claims["file"] == item["file"]) & (claims["kind"] == item["kind"])
                            & (claims["value"] == item["value"]) & ~claims["claim_id"].isin(used)]
        if candidates.empty:
            misses.append(item)
            continue
        path = articles.loc[candidates.iloc[0]["article_id"], "path"]
        text = texts.setdefault(path, _article_text(path))
        where = text.find(item["quote"])
        inside = candidates[(candidates["char_start"] >= where)
                            & (candidates["char_end"] <= where + len(item["quote"]))] if where >= 0 else candidates[:0]
        same_qualifier = candidates[candidates["qualifier"] == item["qualifier"]]
        chosen = (inside if not inside.empty else same_qualifier if not same_qualifier.empty else candidates).iloc[0]
        used.add(chosen["claim_id"])
        pairs.append((item, chosen))
    extras = claims[~claims["claim_id"].isin(used)]
    gold_counts = Counter(g["kind"] for g in gold)
    found_counts = Counter(claims["kind"])
    match_counts = Counter(g["kind"] for g, _ in pairs)
    by_kind = {k: Score(match_counts[k], found_counts[k], gold_counts[k]) for k in set(gold_counts) | set(found_counts)}
    checks = [(g, c, _agreement(g, c)) for g, c in pairs]
    n = len(pairs) or 1

    def accuracy(name: str) -> float:
        return sum(agrees[name] for _, _, agrees in checks) / n

    return Report(
        overall=Score(len(pairs), len(claims), len(gold)),
        by_kind=by_kind,
        qualifier_accuracy=accuracy("qualifier"),
        measure_accuracy=accuracy("measure"),
        as_of_accuracy=accuracy("as_of"),
        period_start_accuracy=accuracy("period_start"),
        scope_accuracy=accuracy("scope"),
        misses=misses,
        extras=extras[["file", "kind", "value", "number_text", "sentence"]].to_dict("records"),
        wrong=[{"file": g["file"], "kind": g["kind"], "value": g["value"], "quote": g["quote"], "field": name,
                "gold": g.get(name), "found": _shown(c[name])}
               for g, c, agrees in checks for name, right in agrees.items() if not right],
    )


def _agreement(item: dict, claim: pd.Series) -> dict[str, bool]:
    """Whether each annotated field of a matched pair says what the annotator wrote."""
    return {
        "qualifier": item["qualifier"] == claim["qualifier"],
        "measure": item.get("measure", claim["measure"]) == claim["measure"],
        "scope": item.get("scope") == _shown(claim["scope"]),
        "as_of": _same_date(claim["as_of"], item.get("as_of")),
        "period_start": _same_date(claim["period_start"], item.get("period_start")),
    }


def _shown(value: object) -> object:
    """A table cell as gold.jsonl would write it: None for missing, a date as YYYY-MM-DD."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else value


def _article_text(path: str) -> str:
    """The cleaned text the offsets refer to."""
    from .corpus import iter_documents
    for item in iter_documents([path]):
        if hasattr(item, "text"):
            return item.text
    return ""
