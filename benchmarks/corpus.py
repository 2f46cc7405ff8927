"""A synthetic benchmark corpus with known answers, built from real annotated sentences.

Each synthetic article is a dateline (publication date in one of the three month-name families,
Western or Arabic-Indic digits) followed by real sentences from data/corpus that report exactly one
annotated figure; the figure is replaced by a fresh number of the same size class, so the expected
claims (kind, value, qualifier) and the expected publication date of every article are known.
Deterministic for a given seed and N.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from analysis.corpus import iter_documents
from analysis.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
MONTHS = {
    "egypt": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
              "نوفمبر", "ديسمبر"],
    "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
               "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "maghreb": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر"],
}
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
# "أمس الجمعة", "-أمس الاثنين-": the weekday of the sentence's own article; under another dateline it
# becomes the weekday of that date's yesterday or today, as in a real article
_SAID_DAY = re.compile(r"(?P<said>اليوم|أمس)(?P<gap>[\s(\-،,]{1,3})(?:الإثنين|" + "|".join(WEEKDAYS) + ")")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Template:
    text: str  # a real sentence with "{n}" where its one annotated figure was
    kind: str
    qualifier: str
    value: int


@dataclass(frozen=True)
class Synthetic:
    name: str
    text: str
    published: date
    claims: list[tuple[str, int, str]]  # (kind, value, qualifier)


def templates() -> list[Template]:
    """Sentences of the development corpus holding exactly one annotated figure (in digits) and no
    other number or annotation."""
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    texts = {Path(d.path).name: d.text for d in iter_documents([CORPUS / "texts"]) if hasattr(d, "text")}
    spans: dict[str, list[int]] = {}
    for item in gold:
        spans.setdefault(item["file"], []).append(texts[item["file"]].find(item["quote"]))
    found = []
    for item in gold:
        text = texts[item["file"]]
        where = text.find(item["quote"])
        digits = re.findall(r"\d+", item["quote"])
        if where < 0 or digits != [str(item["value"])]:
            continue
        for sentence in split_sentences(text):
            inside = [s for s in spans[item["file"]] if sentence.start <= s < sentence.end]
            if sentence.start <= where < sentence.end and len(inside) == 1:
                body = text[sentence.start:sentence.end]
                others = re.findall(r"\d+", body)
                if others == [str(item["value"])] and "\n" not in body:
                    body = _SAID_DAY.sub(lambda m: m["said"] + m["gap"] + ("{today}" if m["said"] == "اليوم"
                                                                          else "{yesterday}"), body)
                    found.append(Template(body.replace(str(item["value"]), "{n}"), item["kind"],
                                          item["qualifier"], item["value"]))
    return found


def _fresh(value: int, rng: random.Random) -> int:
    """A new number of the same size class, so the noun after it stays grammatical."""
    if value <= 10:
        return rng.randint(3, 10)
    if value < 100:
        return rng.randint(11, 99)
    if value < 1000:
        return rng.randint(100, 999)
    return rng.randrange(1000, 9999, 100)


def generate(n: int, seed: int = 0) -> list[Synthetic]:
    rng = random.Random(seed)
    bank = templates()
    articles = []
    for number in range(n):
        published = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
        family = rng.choice(sorted(MONTHS))
        indic = rng.random() < 0.3
        day, year = str(published.day), str(published.year)
        if indic:
            day, year = day.translate(INDIC), year.translate(INDIC)
        lines = [f"{WEEKDAYS[published.weekday()]} {day} {MONTHS[family][published.month - 1]} {year}", ""]
        claims = []
        for template in rng.sample(bank, k=min(len(bank), rng.randint(4, 8))):
            value = _fresh(template.value, rng)
            written = str(value).translate(INDIC) if indic else str(value)
            lines.append(template.text.replace("{n}", written).replace("{today}", WEEKDAYS[published.weekday()])
                         .replace("{yesterday}", WEEKDAYS[(published - timedelta(days=1)).weekday()]))
            claims.append((template.kind, value, template.qualifier))
        articles.append(Synthetic(f"syn_{seed}_{number:06d}", "\n".join(lines) + "\n", published, claims))
    return articles


def write(articles: list[Synthetic], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
