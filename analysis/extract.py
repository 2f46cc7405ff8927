"""One article in, its table rows out: the pure per-article step of the pipeline.

`extract_document` is what every engine (serial, process pool, dask) maps over documents; it does no
I/O and its output depends only on the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .arabic import NormText, normalize
from .claims import extract_claims
from .corpus import Document, Problem
from .dates import find_dates
from .events import extract_events
from .published import publication_date
from .text import Sentence, split_sentences


@dataclass
class ArticleRows:
    article: dict
    claims: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _quote(norm: NormText, sentence: Sentence) -> str:
    start, end = norm.span(sentence.start, sentence.end)
    return norm.original[start:end]


def extract_document(doc: Document) -> ArticleRows:
    """Article metadata, claims and events of one document."""
    norm = normalize(doc.text)
    view = norm.text
    mentions = find_dates(view)
    sentences = split_sentences(view)
    published = publication_date(view, mentions, doc.published, doc.header_date, url=doc.url)
    claims, implausible = extract_claims(view, sentences, mentions, published)
    events = extract_events(view, sentences, mentions, published)

    rows = ArticleRows(article={
        "article_id": doc.article_id, "path": doc.path, "outlet": doc.outlet, "title": doc.title,
        "url": doc.url, "published": published.value, "published_precision": published.precision,
        "published_basis": published.basis, "n_chars": len(doc.text), "sha256": doc.sha256,
        "encoding": doc.encoding,
    })
    for number, claim in enumerate(claims, start=1):
        start, end = norm.span(claim.start, claim.end)
        rows.claims.append({
            "article_id": doc.article_id, "claim_id": f"{doc.article_id}:c{number:03d}",
            "kind": claim.kind, "measure": claim.measure, "value": claim.value, "low": claim.low,
            "high": claim.high, "qualifier": claim.qualifier, "scope": claim.scope,
            "period_start": claim.period_start, "as_of": claim.as_of,
            "as_of_precision": claim.as_of_precision if claim.as_of else "none",
            "number_text": doc.text[start:end], "sentence": _quote(norm, claim.sentence),
            "char_start": start, "char_end": end,
        })
    for number, event in enumerate(events, start=1):
        start, end = norm.span(event.start, event.end)
        rows.events.append({
            "article_id": doc.article_id, "event_id": f"{doc.article_id}:e{number:03d}",
            "type": event.type, "date_start": event.date_start, "date_end": event.date_end,
            "date_precision": event.date_precision, "date_text": doc.text[start:end],
            "planned": event.planned, "sentence": _quote(norm, event.sentence),
            "char_start": start, "char_end": end,
        })
    for figure in implausible:
        rows.problems.append(Problem(doc.path, "extract",
                                     f"{doc.article_id}: implausible {figure.kind} figure "
                                     f"'{figure.value_text}' left out of the claims; check the article"))
    return rows
