"""Word lists the extractors share: what a number counts, qualifiers, places, event words.

Keys are *folded* (see `arabic.fold`: alef forms -> ا, ى -> ي, ة -> ه) and stripped of attached
prefixes and the accusative alef, so one entry covers "هجوماً", "بهجوم", "والهجمات".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .arabic import fold
from .patterns import FOLDED_SPELLINGS, alternation

# What a number counts, by the noun that follows (or precedes) it.  "person" nouns take their kind
# from the context (killed / injured / troops / fighters); "skip" nouns are never claims.
NOUN_KINDS: dict[str, str] = {}


def _add(kind: str, words: str) -> None:
    for word in words.split():
        NOUN_KINDS[fold(word)] = kind


_add("attacks", "هجوم هجمات هجوما استهداف استهدافا استهدافات اعتداء اعتداءات عملية عمليات علميات هجومين هجومان")
_add("troops", "جندي جنديا جنود جنديين جنديان عسكري عسكريا عسكريين عسكريون جندى قوات قوه مشاه مارينز المارينز")
_add("fighters", "مقاتل مقاتلا مقاتلين مقاتلون مقاتلي مسلح مسلحا مسلحين مسلحون عنصر عنصرا عناصر منتسب منتسبا "
                 "منتسبين قاده قيادي قياديين")
_add("person", "شخص شخصا اشخاص شخصين أفراد افراد فرد فردا امريكي امريكيا امريكيين اميركي اميركيا "
               "اميركيين متعاقد متعاقدا متعاقدين مقاول مدني مدنيا مدنيين مستشار مستشارا مستشارين مستشارون")
_add("inherit", "اخرين اخرون اخران اخر اخري منهم منها منهما")  # "630 منهم": of the figure before
_add("rockets", "صاروخ صاروخا صواريخ صاروخين صاروخان كاتيوشا")
_add("drones", "مسيره مسيرات مسيرتين مسيرتان درون درونز")
_add("aircraft", "طائره طائرات طائرتين طائرتان")  # drones when followed by مسيرة / بدون طيار
_add("strikes", "غاره غارات غارتين غارتان ضربه ضربات ضربتين ضربتان")
_add("targets", "هدف هدفا اهداف هدفين موقع موقعا مواقع موقعين موقعان منشاه منشات منشاتين منشاتان "
                "مبنى مبنيين مبنيان مباني مقر مقرا مقرات مخزن مخازن")
_add("killed", "قتيل قتيلا قتلى قتيلين قتيلان")
_add("injured", "جريح جريحا جرحى جريحين جريحان مصاب مصابا مصابين")
_add("shells", "قذيفه قذائف قذيفتين")  # rockets when mortar/rocket rounds ("قذائف هاون"), else other
_add("other", "قاعده قواعد قاعدتين قاعدتان اليه اليات اليتين ضحيه ضحايا ضحيتين "
              "مجاميع مجموعات سفينه سفن دبابه دبابات مدرعه مدرعات مروحيه مروحيات شاحنه شاحنات مدمره مدمرات "
              "ذخيره ذخائر قنبله قنابل لواء الويه لواءين لواءان بطاريه بطاريات سياره سيارات عربه عربات "
              "قاذفه قاذفات")
_add("skip", "مصدر مصادر مصدرين مصدران مسؤول مسؤولا مسؤولين مسؤولون مسؤولان مسوول دوله دول مرحله "
             "مرحلتين جوله جولات بلد بلدان البلدين كيلو كيلومتر كيلومترا كم متر مترا ميل دولار دولارا "
             "يورو نقطه بند بنود ماده فقره صفحه بالمئه بالمائه المئه المائه سنه سنوات عام عاما اعوام "
             "يوم يوما ايام اسبوع اسبوعا اسابيع شهر شهرا اشهر شهور ساعه ساعات دقيقه دقائق ثانيه ثوان "
             "مره_ نائب نائبا نواب عضو اعضاء صوت اصوات مقعد مقاعد سطح متجر محرر "
             "دقيقه_ طن اطنان لتر برميل براميل تهديدين طرفين الطرفين قرار قرارات")

# "مرة / مرات" count attacks only where the clause speaks of being attacked.
TIMES_WORDS = {fold(w) for w in "مره مرات مرتين مرتان".split()}
DUALS: dict[str, str] = {fold(w): k for w, k in (
    ("صاروخين", "rockets"), ("صاروخان", "rockets"), ("جنديين", "person"), ("جنديان", "person"),
    ("مسيرتين", "drones"), ("مسيرتان", "drones"), ("طائرتين", "aircraft"), ("طائرتان", "aircraft"),
    ("هجومين", "attacks"), ("هجومان", "attacks"), ("مرتين", "times"), ("مرتان", "times"),
    ("مبنيين", "targets"), ("مبنيان", "targets"), ("موقعين", "targets"), ("موقعان", "targets"),
    ("منشأتين", "targets"), ("منشأتان", "targets"), ("هدفين", "targets"), ("هدفان", "targets"),
    ("غارتين", "strikes"), ("غارتان", "strikes"), ("ضربتين", "strikes"), ("ضربتان", "strikes"),
    ("قاعدتين", "other"), ("قاعدتان", "other"), ("جريحين", "injured"), ("جريحان", "injured"),
    ("قتيلين", "killed"), ("قتيلان", "killed"), ("مقرين", "targets"), ("مقران", "targets"), ("قذيفتين", "shells"), ("آليتين", "other"),
    ("شاحنتين", "other"), ("مدمرتين", "other"), ("مدمرتان", "other"),
    ("مقاتلتين", "other"), ("مقاتلتان", "other"),  # fighter jets, not fighters ("مقاتلين")
    ("قاذفتين", "other"), ("قاذفتان", "other"), ("بطاريتين", "other"), ("بطاريتان", "other"),
    ("سيارتين", "other"), ("سيارتان", "other"), ("مروحيتين", "other"), ("مروحيتان", "other"),
    ("سفينتين", "other"), ("سفينتان", "other"), ("دبابتين", "other"), ("دبابتان", "other"),
    ("جنديتين", "person"), ("جنديتان", "person"),  # two women soldiers
    ("آخران", "inherit"),
    # people in the dual, nouns whose plural is spelled otherwise ("متعاقدين" may be a plural, and
    # "عسكريان", "مدنيان" are adjectives as often: "مصدران عسكريان", "متعاقدان مدنيان")
    ("شخصين", "person"), ("شخصان", "person"), ("عنصرين", "fighters"), ("عنصران", "fighters"),
    ("متعاقدان", "person"),
)}

# Dual nouns anywhere in a text, with attached prefixes: one pass instead of a lookup per token.
DUAL_RE = re.compile(
    r"(?<!\w)(?:وبال|وال|بال|لل|فال|ال|وب|ول|و|ب|ل|ف)?(?P<dual>"
    + alternation(DUALS, FOLDED_SPELLINGS) + r")(?!\w)"
)

_SUFFIXES = ("ا", "ها", "هم", "هما", "هن", "ه", "نا")
_GLUED = re.compile(r"^(\w{3,}?)(?:منذ|في|من|علي|ضد)$")
_PREFIXES = ("وبال", "وال", "بال", "لل", "فال", "كال", "ال", "وب", "ول", "فب", "و", "ب", "ل", "ف")


def _known(word: str) -> str | None:
    """The lexicon key for a word without prefixes: itself, without accusative alef or possessive."""
    if word in NOUN_KINDS or word in DUALS:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base in NOUN_KINDS or base in DUALS:
                return base
    return None


@lru_cache(maxsize=1 << 16)  # news vocabulary is small and repetitive: each distinct token is stemmed once
def stem(token: str) -> str:
    """Folded lexicon key of a token: attached prefixes, suffixes and glued function words removed."""
    word = fold(re.sub(r"[^\w]", "", token))
    candidates = [word] + [word[len(p):] for p in _PREFIXES if word.startswith(p) and len(word) - len(p) >= 2]
    for candidate in candidates:
        known = _known(candidate)
        if known:
            return known
    for candidate in candidates:  # a missing space: "هجومامنذ"
        glued = _GLUED.match(candidate)
        if glued and _known(glued.group(1)):
            return _known(glued.group(1)) or word
    return word


def noun_kind(token: str) -> str | None:
    key = stem(token)
    return NOUN_KINDS.get(key) or DUALS.get(key)


_PARTICLES = tuple(p for p in _PREFIXES if p not in ("ال", "و"))  # prepositions, alone or after "و" / "ف"


@lru_cache(maxsize=1 << 16)
def has_particle(token: str) -> bool:
    """'بهجوم', 'للقوات', 'وبصواريخ': a known noun with a preposition glued on, which the noun a
    number counts never has ("إصابة ستة بهجوم صاروخي" counts no attacks)."""
    word = fold(re.sub(r"[^\w]", "", token))
    return not _known(word) and any(word.startswith(p) and _known(word[len(p):]) for p in _PARTICLES)


# Casualty words decide the kind of a count of people: "مقتل 3 جنود", "25 مقاتلاً قُتلوا".  Nouns may
# take the article; a space stands for any whitespace.
KILLED_WORDS = (("مقتل", "قتل", "قتلى", "قتيل", "اغتيال", "مصرع"),
                ("حصيلة قتلى", "قتلوا", "قتلا", "قتلت", "فقدت", "لقوا حتفهم", "لقي حتفه", "لقيا حتفهما", "حتفهم", "قضوا", "بحياة",
                 "يودي بحياة"))
INJURED_WORDS = (("إصابة", "اصابة", "إصابات", "اصابات", "جرح", "جرحى", "جريح", "مصاب", "مصابين"),
                 ("أصيبوا", "اصيبوا", "أصيب", "اصيب", "جرحوا", "بجروح", "بجراح", "برضوض", "أصيبا", "أصاب", "اصاب", "أصابت",
                  "اصابت"))
# Neither killed nor injured: people missing or taken ("فقد الاتصال بـ 3 جنود", "3 جنود مفقودين") are
# counted as "other", not as a troop level of 3 or as 3 killed.
MISSING_WORDS = (("مفقود", "مفقودين", "مفقودون", "فقدان", "اختطاف", "خطف", "مختطفين", "مخطوفين", "احتجاز",
                  "محتجزين", "رهائن", "رهينة", "أسر", "أسرى"),
                 ("فقد الاتصال", "فقدت الاتصال", "فقدوا الاتصال", "انقطع الاتصال", "اختطفوا", "خطفوا", "تحتجز",
                  "يحتجز", "احتجزت", "احتجزوا"))


def _casualty_re(words: tuple[tuple[str, ...], tuple[str, ...]]) -> re.Pattern[str]:
    nouns, others = words
    return re.compile(r"(?<!\w)[وفبل]?(?:(?:ال)?(?:" + "|".join(nouns) + ")|"
                      + "|".join(w.replace(" ", r"\s+") for w in others) + r")(?!\w)")


KILLED_RE = _casualty_re(KILLED_WORDS)
INJURED_RE = _casualty_re(INJURED_WORDS)
MISSING_RE = _casualty_re(MISSING_WORDS)
COUNTED_MISSING_RE = re.compile(r"عداد\s+المفقودين")  # "3 جنود أمريكيين لا يزالون في عداد المفقودين"
LOST_LIVES_RE = re.compile(r"(?<!\w)(?:حيات|[أا]رواح)(?:هم|ه|هما|ها)(?!\w)")  # "فقدان 3 جنود حياتهم": killed
# Every killed or injured word holds one of the first hints, every missing word (and the lives of
# LOST_LIVES_RE) one of the second: a text without any has no such word (quick tests that spare most
# numbers the searches; tests/test_patterns.py checks the words).
CASUALTY_HINTS = ("قتل", "قتيل", "اغتيال", "مصرع", "حتف", "قضوا", "بحياة", "فقدت", "صاب", "صيب", "جرح", "جريح",
                  "جروح", "جراح", "رضوض")
MISSING_HINTS = ("فقود", "فقدان", "الاتصال", "خطف", "ختط", "خطوف", "حتجز", "حتجا", "رهائن", "رهين", "أسر", "حيات", "رواح")


def may_name_casualty(text: str) -> bool:
    """False when `text` holds no killed or injured word; True means: search it."""
    return any(hint in text for hint in CASUALTY_HINTS)


def may_name_missing(text: str) -> bool:
    """False when `text` holds no missing word and no "حياتهم"; True means: search it."""
    return any(hint in text for hint in MISSING_HINTS)


MILITIA_RE = re.compile(r"الحشد|داعش|الفصائل|فصائل|ميليشي|مليشي|المقاومة|حزب\s+الله|الكتائب|كتائب|مسلح")
_US_STATE = r"الولايات\s+المتحدة|واشنطن|البنتاغون|البنتاجون"  # the United States named as a state
US_FORCES_RE = re.compile(r"جنود|الجنود|جندي|القوات\s+الأ?مي?ري?كية|الجيش\s+الأ?مي?ري?كي|عسكري|قوات\s+أمريكية|قوات\s+أميركية|"
                          + _US_STATE)
US_TROOPS_RE = re.compile(r"(?:جندي|جنود|الجنود)\s+(?:ال)?[أا]مي?ري?كي|القوات\s+الأ?مي?ري?كية|الجيش\s+الأ?مي?ري?كي")
ATTACKED_RE = re.compile(r"هوجم|استهدف|تعرض|هاجم|استُهدف|الهجمات|هجمات|هجوم")
FOREIGN_RE = re.compile(r"أجنبي|اجنبي|أجانب|اجانب|التحالف|الناتو|الأطلسي|الاطلسي|أجنبية|اجنبية")
# Right after the counted noun: "جندي أجنبي", "جندي من دول التحالف", "جندي فرنسي"; a state deploying them,
# named in the clause before: "وتنشر فرنسا نحو 600 جندي".
_ALLIED = r"فرنسي|بريطاني|[أا]لماني|[إا]يطالي|كندي|[أا]سترالي|[إا]سباني|دنماركي|هولندي|نرويجي|تركي"
FOREIGN_AFTER_RE = re.compile(r"^\s*(?:[أا]جنبي|[أا]جانب|من\s+(?:قوات\s+|دول\s+)?التحالف|(?:ال)?(?:" + _ALLIED + r")"
                              r"|من\s+(?:ال)?قوات\s+(?:\S+\s+)?(?:ال)?(?:" + _ALLIED + r"))")  # "من القوات الخاصة الأسترالية"
_STATES = (r"(?:فرنسا|بريطانيا|[أا]لمانيا|[إا]يطاليا|كندا|[أا]ستراليا|[إا]سبانيا|الدنمارك|هولندا|النرويج|تركيا"
           r"|كرواتيا|بولندا|المجر|السويد|فنلندا|بلجيكا|نيوزيلندا|التشيك|رومانيا|البرتغال|اليونان)(?!\w)")
# the state deploying them: "وتنشر فرنسا", or named before the deployment, "أعلنت إيطاليا استعدادها
# لإرسال", "إيطاليا التي ينتشر لها"
FOREIGN_STATE_RE = re.compile(r"(?<!\w)[وف]?(?:تنشر|نشرت|تحتفظ|احتفظت|ترسل|[أا]رسلت|سحبت|تسحب|ستسحب|لدى)\s+" + _STATES
                              + r"|(?<!\w)[وبل]?" + _STATES + r"[،,]?(?:\s+(?!(?:إن|أن|بأن|الولايات|واشنطن)(?!\w))\S+){0,3}?\s+(?:[لب]?(?:إرسال|ارسال|نشر)|ينتشر|تنتشر|تنشر"
                              r"|يتمركز|تتمركز|ترسل|تحتفظ)(?!\w)")
# "وأعلنت وزارة الدفاع الألمانية … أنها ستنقل 35 جندياً": an allied state's own ministry or army speaks,
# unless the United States is named after it
ALLIED_NAMED_RE = re.compile(r"(?<!\w)(?:ال)?(?:" + _ALLIED + r")(?:ة|ه)?(?!\w)")
US_NAMED_RE = re.compile(_US_STATE + r"|[أا]مي?ري?كي")
US_AFTER_RE = re.compile(r"^\s*(?:ال)?[أا]مي?ري?كي")
AIRCRAFT_DRONE_RE = re.compile(r"^\s*(?:\S+\s+)?(?:مسير|مسيّر|بدون\s+طيار|بلا\s+طيار|دون\s+طيار)")

QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("at_least", re.compile(r"(?:ما\s+)?لا\s+يقل\s+(?:عن|عدد\w*\s+عن)\s*$|على\s+الأقل\s*$|على\s+الاقل\s*$")),
    ("less_than", re.compile(r"(?:أقل|اقل)\s+من\s*$|لا\s+(?:يتجاوز|تتجاوز|يزيد|تزيد|يتعدى)(?:\s+\S+)?\s+(?:عن\s+|على\s+)?$"
                             r"|(?<!\w)(?:ما\s+)?دون\s*$|(?<!\w)[بل]?ما\s+(?:يصل|تصل)\s+(?:إلى|الى)\s*$")),  # "بما يصل إلى 300": up to
    ("more_than", re.compile(r"(?:أكثر|اكثر|أزيد|ازيد)\s+(?:قليلا\s+|بقليل\s+)?من\s*$"
                             r"|(?:ما\s+)?(?:يزيد|تزيد|يربو|تربو)\s+(?:قليلا\s+)?(?:عن|على)\s*$"
                             r"|(?:ما\s+)?(?:يفوق|تفوق)\s*$|(?:تجاوز|تجاوزت|يتجاوز|تتجاوز)(?:\s+\S+)?\s*$"
                             r"|(?<!\w)(?:فوق|نيف\s+و|نيفا\s+و)\s*$")),
    ("approx", re.compile(r"(?<!\w)(?:[وبل]?(?:نحو|حوالي|حوالى|قرابة|زهاء|بحدود)|(?:ما\s*)?(?:يقارب(?:\s+من)?|يقرب\s+من|يناهز)"
                          r"|في\s+حدود|تقريبا|ما\s+يقارب)\s*$")),
)
# Every phrase above ends with one of these words (attached prefixes allowed), or with any word after
# one of _QUALIFIER_VERBS ("تجاوز عددها"): a cheap test that spares most numbers the full scan.
# tests/test_patterns.py checks that no phrase escapes it.  ("و" also lets through "نحو" and "نيف و".)
_QUALIFIER_LAST_WORDS = ("عن", "على", "من", "و", "الأقل", "الاقل", "دون", "فوق", "تجاوز", "تجاوزت", "يزيد",
                         "تزيد", "يتعدى", "حوالي", "حوالى", "قرابة", "زهاء", "يقارب", "يناهز", "حدود", "تقريبا", "إلى", "الى")
_QUALIFIER_VERBS = ("تجاوز", "تجاوزت", "يزيد", "تزيد", "يتعدى")


def may_end_with_qualifier(text: str) -> bool:
    """False when no qualifier phrase can end `text`; True means: search it."""
    words = text.split()
    return bool(words) and (words[-1].endswith(_QUALIFIER_LAST_WORDS)
                            or len(words) > 1 and words[-2].endswith(_QUALIFIER_VERBS))


AFTER_AT_LEAST_RE = re.compile(r"^\s*(?:\S+\s+){0,2}?على\s+(?:الأقل|الاقل)")
AFTER_APPROX_RE = re.compile(r"^\s*(?:\S+\s+){0,2}?تقريبا")

_ATTACHED = ("", "و", "ب", "ل", "ف")  # prepositions and "and" written onto a place name
PLACE_NAMES: dict[str, tuple[str, ...]] = {  # a space stands for any whitespace
    "iraq": (*(p + a + "عراق" for p in _ATTACHED for a in ("", "ال")),
             "بغداد", "أربيل", "اربيل", "الأنبار", "الانبار", "عين الأسد", "عين الاسد", "كردستان", "البصرة",
             "الموصل", "كركوك", "التاجي", "جرف الصخر", "القائم", "المنطقة الخضراء", "فيكتوريا",
             "الأراضي العراقية", "الاراضي العراقية", "حرير", "الحرير",
             # provinces, cities and bases (not the names that are also words or people: "بلد", "حديثة", "البغدادي")
             "نينوى", "ديالى", "بابل", "كربلاء", "النجف", "الناصرية", "ذي قار", "السليمانية", "دهوك", "زاخو",
             "سنجار", "تكريت", "سامراء", "بيجي", "الفلوجة", "الرمادي", "الحبانية", "القيارة", "عكاشات",
             "جرف النصر", "النخيب", "الرطبة", "تلعفر", "الحويجة", "بسماية", "الحلة", "الكوت", "مخمور"),
    "syria": (*(p + "سوري" + e for p in _ATTACHED for e in "اة"),
              "التنف", "حقل العمر", "كونيكو", "الشدادي", "دير الزور", "الحسكة", "الرقة", "روباربا", "المالكية",
              "البوكمال", "الميادين", "الأرض السورية", "الأراضي السورية", "الاراضي السورية",
              "دمشق", "حلب", "حمص", "إدلب", "ادلب", "درعا", "اللاذقية", "طرطوس", "السويداء", "تدمر", "القامشلي",
              "منبج", "كوباني", "عين العرب", "الرميلان", "خراب الجير", "تل بيدر", "الهول", "شرق الفرات", "قسد"),
    "region": (*(p + a + h + "ردن" for p in _ATTACHED for a in ("", "ال") for h in "أا"),
               "البحر الأحمر", "البحر الاحمر", "الشرق الأوسط", "الشرق الاوسط", "الخليج", "البرج 22", "المنطقة"),
}
# One pass finds them all, longest name first: "المنطقة الخضراء" (in Baghdad) is Iraq only, not also
# "المنطقة", the region, as it was when each scope had its own search.
PLACE_SCOPE = {name: scope for scope, names in PLACE_NAMES.items() for name in names}
PLACES_RE = re.compile(alternation(PLACE_SCOPE, word_start=True) + r"(?!\w)")

# Measures: a future verb makes a troop figure planned; these words make a count a total.
# The future prefix س on a present-tense verb ("سيزور", "ستنسحب", "سيتم", "سنواصل", "سيطرح", "سيناقش"), not
# the words that begin the same way: nouns with their suffixes ("سياستها", "سيطرتها", "سنوات", "سنويا",
# "سيارات", "ستين"), and the names of this field ("سنتكوم", "سنجار", "سيناء", "سيناتور", "ستولتنبرغ").
_NOT_FUTURE = (r"سياس\w*|سياد\w*|سيار\w*|سيطر(?:ة|ت\w*)|سنو(?:ات|ي|يا|ية|يه)|سنين|سنت(?:ين|ان|يمتر\w*)"
               r"|ست(?:ين|ون|مائة|مئة|ة)|سيد|سيدة|سيول|سيولة|سيرة|سينما\w*|سيناء|سيناريو\w*|سيناتور\w*"
               r"|سيما|سنتكوم|سنجار|سينغ|ستيف|ستيفن|سيرغي|سيرجي|ستولتنبرغ|ستوكهولم|ستار\w*")
FUTURE_TENSE = r"[وف]?(?!(?:" + _NOT_FUTURE + r")(?!\w))س(?:ي|ت|ن)\w{2,}"
# Phrases that put what follows in the future: "على أن يبقى", "على ألا يتجاوز", "من المقرر".
FUTURE_PHRASES = r"على\s+[أا]ن(?!\s*(?:\d|$))|على\s+[أا]لا|من\s+المقرر|من\s+المتوقع"  # not "شدد على أن 2500"
FUTURE_RE = re.compile(r"(?<!\w)(?:" + FUTURE_TENSE + r"|إبقاء|ابقاء|المقبل|القادم|المستقبل|سيصبح|ستحافظ|"
                       + FUTURE_PHRASES + ")")
# A plan to keep troops, governing the number (at most two words between): "بإبقاء 500", "الإبقاء على 200",
# "على بقاء 2000", "الاحتفاظ بـ1500", "خطة لإبقاء قوة قوامها 400"; a forecast level: "ومن المتوقع أن يصل
# عدد الجنود … إلى 1000".
KEEP_AT_END_RE = re.compile(r"(?<!\w)(?:[وبل]?(?:ال)?[إا]بقاء|بقاء|(?:ال)?احتفاظ)(?:\s+على)?(?:\s+[^\s\d]+){0,2}?\s+(?:بـ?)?$"
                            r"|(?:من\s+المتوقع|من\s+المقرر)\s+[أا]ن\s+[يت]\S+(?:\s+(?!(?:الذي|التي|حيث|فيها|فيه)(?!\w))[^\s\d]+){0,5}?"
                            r"\s+(?:[إا]لى\s+)?$")


def may_keep(clause: str) -> bool:
    """A quick test before KEEP_AT_END_RE: each of its forms holds one of these."""
    return "بقاء" in clause or "احتفاظ" in clause or "من الم" in clause


TOTAL_RE = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:منذ|حصيلة|إجمالي|اجمالي|مجموع(?:ها|هم)?)(?!\w)"  # not "المجموعات", "منذر"
                      r"|حتى\s+الآن|حتى\s+الان|في\s+المجمل|بين\s+قتيل\s+وجريح")
# Casualties a campaign caused are a total: "الهجمات … أسفرت عن إصابة 45", "أدت هجمات المسيرات … إلى إصابة
# 66", "الحرب … خلّفت نحو 4500 قتيل" (a cause word and a campaign before the figure in its sentence).
CAMPAIGN_RE = re.compile(r"(?<!\w)[وبل]?(?:ال)?(?:هجمات|حرب)(?!\w)")
# The cause verb's own subject must not be one event ("خلفت الغارة …", "أدى القصف …"), nor may a casualty
# verb of a new clause stand between it and the number ("تسببت الحرب … وأصيب 3 جنود في هجوم").
CAUSED_RE = re.compile(r"(?<!\w)[وف]?(?:[أا]سفر|[أا]د[ىت]|[أا]وقع|خلّ?ف|تسبب|حصد)ت?(?!\w)"
                       r"(?!\s+(?:ال)?(?:هجوم|غارة|ضربة|قصف|انفجار|تفجير|صاروخ|مسيرة)(?!\w))")
CASUALTY_VERB_RE = re.compile(r"(?<!\w)[وف]?(?:[أا]صيب|قتل|جرح)(?:وا|ت|ا)?(?!\w)")
CAUSED_BY_CAMPAIGN_AFTER_RE = re.compile(r"(?<!\w)(?:جراء|بسبب|نتيجة|[إا]ثر)\s+(?:ال)?(?:هجمات|حرب)(?!\w)")
# What was done to counted bases, vehicles or ships, said before the number: closed, evacuated or left
# ("إغلاق ثلاث قواعد", "أخلى التحالف 6 قواعد", "انسحبت من 9 منها") is a change; deployed in or present
# at ("انتشرت في 12 قاعدة", "موجودة الآن في 3") is a level.
# (not a noun naming when or what: "بعد إخلاء قاعدة التاجي", "ضمن عملية سحب المعدات").
_CLOSING_NOUNS = r"(?:ال)?(?:[إا]غلاق|[إا]خلاء|انسحاب|سحب|تسليم)"
OTHER_CHANGE_RE = re.compile(r"(?<!بعد )(?<!عملية )(?<!ضمن )(?<!إطار )(?<!\w)[وف]?(?:" + _CLOSING_NOUNS
                             + r"|(?:[أا]غلق|[أا]خل[تى]|انسحب|سحب|سلم)ت?|س?[يت](?:غلق|خلي|نسحب|سحب|سلم))(?!\w)")
OTHER_LEVEL_RE = re.compile(r"(?<!\w)[وف]?(?:انتشرت|تنتشر|ينتشر|تتمركز|يتمركز|موجودة|موجود|متواجدة|توجد|يوجد|[يت]?حتفظ"
                            r"|احتفظت|انتشروا|ينتشرون|تمركزوا|يتمركزون|[يت]توزع|توزعت|يتوزعون|توزعوا)(?!\w)")
AFTER_CHANGE_AT_END_RE = re.compile(r"(?<!\w)بعد\s+" + _CLOSING_NOUNS + r"\s+$")  # "بعد تسليم 8 قواعد"
NEGATION_RE = re.compile(r"(?<!\w)[وف]?(?:لم|لن|لا)(?!\w)(?!\s+[يت]زال)")  # "لا تزال" is "still"

KINDS = ("attacks", "troops", "foreign_troops", "strikes", "targets", "rockets", "drones", "injured",
         "killed", "fighters", "other")
