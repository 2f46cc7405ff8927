"""What the charts call things and how they draw them: month names, the Arabic and English
words of every label and caption, and the colours and markers of each category.

Kept apart from `charts.py` so the drawing code stays short and the translations can be read
(and corrected) in one place.  All strings are logical-order Unicode; `charts` shapes them.
"""

from __future__ import annotations

MONTHS = {
    "levant": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
               "تشرين الأول", "تشرين الثاني", "كانون الأول"),
    "egypt": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

# Okabe-Ito colours: distinguishable with common colour-vision deficiencies.
SCOPE_COLORS = {"iraq": "#0072B2", "syria": "#D55E00", "iraq+syria": "#009E73",
                "region": "#CC79A7", None: "#7F7F7F"}
COUNTRY_COLORS = {"US": "#0072B2", "foreign": "#E69F00"}

# Event types: Paul Tol's colour-blind-safe "muted" qualitative scheme (nine colours) plus black
# and grey, one colour and one marker shape per type, so a type is told apart by either.
EVENT_STYLES: dict[str, tuple[str, str]] = {
    "visit": ("#88CCEE", "o"),  # cyan, circle
    "meeting": ("#332288", "s"),  # indigo, square
    "talks": ("#44AA99", "p"),  # teal, pentagon
    "agreement": ("#117733", "D"),  # green, diamond
    "deadline": ("#AA4499", "X"),  # purple, filled x
    "withdrawal": ("#999933", "v"),  # olive, triangle down
    "attack": ("#882255", "^"),  # wine, triangle up
    "strike": ("#CC6677", "*"),  # rose, star
    "killing": ("#000000", "P"),  # black, filled plus
    "statement": ("#DDCC77", "h"),  # sand, hexagon
    "other": ("#888888", "<"),  # grey, triangle left
}
EVENT_FALLBACK = ("#555555", "d")  # a type outside the contract

WORDS: dict[str, dict[str, str]] = {
    "ar": {
        "iraq": "العراق", "syria": "سوريا", "iraq+syria": "العراق وسوريا", "region": "المنطقة",
        "scope?": "غير محدد",
        "exact": "رقم محدد", "approx": "تقريبي (نحو)", "at_least": "على الأقل / أكثر من",
        "less_than": "أقل من", "best": "أفضل تقدير (أعلى حد أدنى معلن في فترة العدّ)",
        "US": "القوات الأمريكية", "foreign": "القوات الأجنبية الأخرى", "planned": "مخطط",
        "no_data": "لا توجد بيانات",
        "attacks_title": "الهجمات على القوات الأمريكية: الأعداد المعلنة",
        "attacks_y": "عدد الهجمات منذ بداية الفترة",
        "attacks_what": "كل نقطة عدد تراكمي للهجمات ورد في خبر (أكبر رقم فيه لكل منطقة وفترة عدّ)،"
                        " بتاريخ الإفادة (أو تاريخ النشر)؛ الخط أعلى حد أدنى معلن حتى ذلك التاريخ"
                        " ضمن فترة العدّ نفسها، ويبدأ من جديد مع كل فترة عدّ جديدة.",
        "side_by_side": "النقاط المتطابقة تاريخًا وقيمةً موضوعة جنبًا إلى جنب.",
        "troops_title": "عدد القوات الأجنبية في العراق: الأرقام المعلنة",
        "troops_y": "عدد الجنود",
        "troops_what": "كل نقطة عدد جنود ورد في خبر؛ الخط يمر بالقيمة الوسطى المعلنة في كل تاريخ"
                       " وينقطع حيث تفصل بين رقمين متتاليين أكثر من 18 شهرًا؛ الخط المتقطع والنقاط"
                       " المفرغة مستويات مخططة.",
        "events_title": "أحداث بارزة",
        "events_what": "كل علامة حدث مؤرخ ورد في خبر؛ العلامات المفرغة أحداث معلنة للمستقبل.",
        "imprecise": "أرقام معلنة غير مرسومة لأن تاريخها معروف بالسنة فقط أو غير معروف:",
        "outside_figures": "أرقام معلنة خارج الفترة المعروضة:",
        "outside_events": "أحداث خارج الفترة المعروضة:",
        "before": "قبل", "after": "بعد",
        "sources": "المصادر وتواريخ نشرها", "none": "لا مصادر", "unknown_outlet": "مصدر غير معروف",
        "visit": "زيارة", "meeting": "اجتماع", "talks": "مباحثات", "agreement": "اتفاق",
        "deadline": "موعد نهائي", "withdrawal": "انسحاب", "attack": "هجوم", "strike": "ضربة",
        "killing": "قتل", "statement": "تصريح", "other": "أخرى",
    },
    "en": {
        "iraq": "Iraq", "syria": "Syria", "iraq+syria": "Iraq + Syria", "region": "Region",
        "scope?": "Unspecified",
        "exact": "exact", "approx": "approximate (~)", "at_least": "at least / more than",
        "less_than": "less than",
        "best": "best estimate (highest reported lower bound in the counting period)",
        "US": "US forces", "foreign": "Other foreign forces", "planned": "planned",
        "no_data": "No data",
        "attacks_title": "Attacks on US forces: reported counts",
        "attacks_y": "Attacks since start of period",
        "attacks_what": "Each point is a cumulative attack count reported in one article (its"
                        " largest figure per area and counting period), dated as of the report (or"
                        " publication); the line is the highest lower bound so far within one"
                        " counting period and starts again with each new period.",
        "side_by_side": "Markers that share a date and value are set side by side.",
        "troops_title": "Foreign troops in Iraq: reported numbers",
        "troops_y": "Troops",
        "troops_what": "Each point is a troop number reported in one article; the line follows the"
                       " middle reported value per date and breaks where two reports are more than"
                       " 18 months apart; dashed lines and open points are planned levels.",
        "events_title": "Key events",
        "events_what": "Each marker is a dated event reported in an article; open markers are"
                       " announced for the future.",
        "imprecise": "Reported figures not shown because their date is known only to the year,"
                     " or not at all:",
        "outside_figures": "Reported figures outside the period shown:",
        "outside_events": "Events outside the period shown:",
        "before": "before", "after": "after",
        "sources": "Sources (publication dates)", "none": "no sources",
        "unknown_outlet": "unknown outlet",
        "visit": "visit", "meeting": "meeting", "talks": "talks", "agreement": "agreement",
        "deadline": "deadline", "withdrawal": "withdrawal", "attack": "attack", "strike": "strike",
        "killing": "killing", "statement": "statement", "other": "other",
    },
}
