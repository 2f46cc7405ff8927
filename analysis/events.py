"""Dated happenings (visits, talks, agreements, deadlines, strikes, killings) as events.

Each resolved date mention in a sentence becomes one event; its type is the event word nearest to
the date in that sentence.  Dates the text puts in the future are `planned`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .dates import DateMention
from .patterns import alternation
from .published import Published, after_publication, read_mention
from .text import Sentence

EVENT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (  # in order of precedence when two are as near
    ("deadline", ("بحلول", "مهلة", "موعد نهائي", "موعدا نهائيا")),
    ("visit", ("زيارة", "يزور", "زار", "سيزور", "تزور", "ستزور")),
    ("meeting", ("اجتماع", "لقاء", "التقى", "يلتقي", "سيلتقي", "يستقبل", "استقبل", "سيستقبل", "يستضيف",
                 "استضاف", "قمة", "جلسة")),
    ("talks", ("محادثات", "حوار", "مفاوضات", "مباحثات", "التفاوض", "مناقشات")),
    ("agreement", ("اتفاق", "اتفقت", "اتفقا", "اتفاقية", "توافق", "تفاهم", "وقع", "وقعت")),
    ("withdrawal", ("انسحاب", "الانسحاب", "سحب", "مغادرة", "تغادر", "ستغادر", "خروج", "يغادر")),
    ("killing", ("اغتيال", "اغتالت", "اغتال", "قتلت", "مقتل")),
    ("strike", ("غارة", "غارات", "ضربة", "ضربات", "قصف", "ضربت", "شنت")),
    ("attack", ("هجوم", "هجمات", "استهداف", "استهدفت", "استهدف", "هاجم", "هاجمت", "سقوط صواريخ", "سقطت",
                "أطلقت", "أطلق")),
    ("statement", ("قال", "قالت", "أعلن", "أعلنت", "اعلن", "أكد", "أكدت", "بيان", "صرح", "أفاد", "أفادت", "كشف",
                   "كشفت", "ذكر", "ذكرت")),
)
# One pass per window: every event word is a named group of a single alternation.
_EVENT_RE = re.compile(r"(?<!\w)(?:[وفبل]?(?:ال)?)(?:" + "|".join(
    f"(?P<{kind}>{alternation(words)})" for kind, words in EVENT_WORDS) + r")\w*")
_RANK = {kind: rank for rank, (kind, _) in enumerate(EVENT_WORDS)}
_MAX_DISTANCE = 120


@dataclass(frozen=True)
class Event:
    type: str
    date_start: date
    date_end: date | None
    date_precision: str
    planned: bool
    start: int  # view offsets of the date as written
    end: int
    sentence: Sentence


def _event_type(view: str, sentence: Sentence, mention: DateMention) -> str:
    if mention.cue == "بحلول":
        return "deadline"
    best: tuple[int, int, str] | None = None
    for match in _EVENT_RE.finditer(view, max(sentence.start, mention.start - _MAX_DISTANCE - 20),
                                    min(sentence.end, mention.end + _MAX_DISTANCE + 20)):
        if mention.start <= match.start() < mention.end:
            continue
        distance = mention.start - match.end() if match.end() <= mention.start else match.start() - mention.end
        kind = match.lastgroup
        if distance <= _MAX_DISTANCE and (best is None or (distance, _RANK[kind]) < best[:2]):
            best = (distance, _RANK[kind], kind)
    return best[2] if best else "other"


def extract_events(view: str, sentences: list[Sentence], mentions: list[DateMention],
                   published: Published) -> list[Event]:
    """One event per resolvable date mention (the publication dateline excluded)."""
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    sentence_index = 0
    for index, mention in enumerate(mentions):
        if published.span and mention.start < published.span[1] and published.span[0] < mention.end:
            continue
        while sentence_index < len(sentences) and sentences[sentence_index].end <= mention.start:
            sentence_index += 1
        if sentence_index >= len(sentences):
            break
        sentence = sentences[sentence_index]
        if mention.start < sentence.start:
            continue
        future, resolved = read_mention(view, mention, published, mentions[index - 1] if index else None)
        if resolved is None:
            continue
        kind = _event_type(view, sentence, mention)
        if kind == "other" and mention.relative and mention.month is None:
            continue  # a bare "اليوم"/"أمس" with nothing happening is not an event
        planned = future or after_publication(resolved.value, published)
        key = (kind, resolved.value, resolved.end)
        if key in seen:  # the same happening mentioned again: one row, planned if any mention says so
            row = seen[key]
            events[row] = replace(events[row], planned=events[row].planned or planned)
            continue
        seen[key] = len(events)
        events.append(Event(kind, resolved.value, resolved.end, resolved.precision, planned,
                            mention.start, mention.end, sentence))
    return events

