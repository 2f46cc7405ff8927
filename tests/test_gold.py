"""Extraction against the hand-annotated development corpus (data/corpus/gold.jsonl).

Thresholds are the issue's targets: claims precision >= 0.95 and recall >= 0.90 on (kind, value),
qualifier right on >= 0.95 of the matches.
"""

import pytest

from analysis.evaluate import evaluate, read_gold
from analysis.tables import build_tables
from tests.conftest import CORPUS


def test_claims_precision_recall_and_qualifiers(corpus_tables):
    report = evaluate(corpus_tables, read_gold(CORPUS / "gold.jsonl"))
    print(report.format())
    assert report.overall.precision >= 0.95
    assert report.overall.recall >= 0.90
    assert report.qualifier_accuracy >= 0.95
    assert report.scope_accuracy >= 0.85
    assert report.measure_accuracy >= 0.9


def test_fields_unlike_gold_are_listed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("وتنشر واشنطن نحو 2500 جندي في العراق.", encoding="utf-8")
    quote = "نحو 2500 جندي"
    right = {"file": "a.txt", "quote": quote, "kind": "troops", "value": 2500, "qualifier": "approx",
             "measure": "level", "scope": "iraq", "period_start": None, "as_of": None}
    assert evaluate(build_tables([article]), [right]).wrong == []
    wrong = right | {"measure": "planned", "scope": "syria"}
    report = evaluate(build_tables([article]), [wrong])
    assert report.measure_accuracy == 0 and report.scope_accuracy == 0 and report.qualifier_accuracy == 1
    assert [(w["field"], w["gold"], w["found"]) for w in report.wrong] == [("measure", "planned", "level"),
                                                                         ("scope", "syria", "iraq")]


def test_every_gold_kind_is_found(corpus_tables):
    report = evaluate(corpus_tables, read_gold(CORPUS / "gold.jsonl"))
    for kind, score in report.by_kind.items():
        assert score.recall >= 0.75, kind


def test_no_claims_in_an_article_without_figures(corpus_tables):
    # dev_B_15 reports deadlines and ordinals only ("negative example" in articles.jsonl).
    assert corpus_tables.claims[corpus_tables.claims["article_id"] == "dev_B_15"].empty


def test_catalog_dates_win(corpus_tables):
    articles = corpus_tables.articles.set_index("article_id")
    assert articles.loc["dev_A_15", "published_basis"] == "catalog"
    assert str(articles.loc["dev_A_15", "published"].date()) == "2024-01-10"


# The corpora first used as held-out tests (their READMEs have the scores), with the least each score
# may fall to: data/heldout (18 articles), data/heldout2 (18 more, three of them saved HTML pages),
# data/heldout3 (6 on the 2024 escalation, one saved HTML page), data/heldout4 (18 by three writers),
# data/heldout5 (18 on the 2003-2011 war, the war on ISIS and US forces in Syria).
LATER_CORPORA = {
    "heldout": {"precision": 0.95, "recall": 0.90, "qualifier": 0.95, "measure": 0.9, "as_of": 0.7},
    "heldout2": {"precision": 0.95, "recall": 0.90, "qualifier": 0.95, "measure": 0.95, "scope": 0.8, "as_of": 0.7},
    "heldout3": {"precision": 0.93, "recall": 0.88, "qualifier": 0.95, "measure": 0.93, "scope": 0.9, "as_of": 0.74},
    "heldout4": {"precision": 0.92, "recall": 0.88, "qualifier": 0.95, "measure": 0.8, "scope": 0.88, "as_of": 0.62},
    "heldout5": {"precision": 0.86, "recall": 0.8, "qualifier": 0.95, "measure": 0.73, "scope": 0.93, "as_of": 0.65},
}


@pytest.mark.parametrize("name", LATER_CORPORA)
def test_the_later_annotated_corpora(name):
    folder = CORPUS.parent / name
    tables = build_tables([folder / "texts"], catalog=folder / "catalog.csv")
    report = evaluate(tables, read_gold(folder / "gold.jsonl"))
    scores = {"precision": report.overall.precision, "recall": report.overall.recall,
              "qualifier": report.qualifier_accuracy, "measure": report.measure_accuracy,
              "scope": report.scope_accuracy, "as_of": report.as_of_accuracy}
    for score, least in LATER_CORPORA[name].items():
        assert scores[score] >= least, (score, scores[score])
