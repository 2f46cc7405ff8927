"""Claim rules on sentences written for these tests (not from the development corpus).

Each expected tuple is (kind, value, qualifier, measure), read off the sentence by a person.
"""

import pytest

from analysis.corpus import Document
from analysis.extract import extract_document


def claims(text: str) -> list[tuple]:
    rows = extract_document(Document("t", "t.txt", text, "utf-8", "", None, None, None, "2024-02-10", None)).claims
    return [(c["kind"], c["value"], c["qualifier"], c["measure"]) for c in rows]


@pytest.mark.parametrize("text, expected", [
    ("أعلنت القيادة المركزية أن قواتها نفذت 7 غارات جوية على مواقع للفصائل في العراق.",
     [("strikes", 7, "exact", "incident")]),
    ("وتعرضت قاعدة حرير لهجوم بثلاث طائرات مسيرة، ما أدى إلى إصابة جنديين أمريكيين.",
     [("drones", 3, "exact", "incident"), ("injured", 2, "exact", "incident")]),
    ("وبذلك يرتفع عدد الهجمات منذ منتصف أكتوبر إلى 97 هجوما، بينها 40 في العراق و57 في سوريا.",
     [("attacks", 97, "exact", "total"), ("attacks", 40, "exact", "total"), ("attacks", 57, "exact", "total")]),
    ("ويوجد في العراق حاليا نحو ألفين وخمسمائة جندي أمريكي.", [("troops", 2500, "approx", "level")]),
    # bombers, helicopters, ships and tanks in the dual are "other"; two women soldiers are people
    ("وأقلعت قاذفتان استراتيجيتان، فيما أسقطت الفصائل مروحيتين.", [("other", 2, "exact", "incident"), ("other", 2, "exact", "incident")]),
    ("وأسفر الهجوم عن مقتل جنديتين أمريكيتين.", [("killed", 2, "exact", "incident")]),
    # units and equipment: brigades, batteries, cars, armoured vehicles and bombers are "other"; Marines are troops
    ("وقصفت الطائرة سيارتين، ودمرت 110 عربات مدرعة و6 قاذفات.",
     [("other", 2, "exact", "incident"), ("other", 110, "exact", "incident"), ("other", 6, "exact", "incident")]),
    ("ووصل نحو 100 من المارينز إلى السفارة.", [("troops", 100, "approx", "change")]),
    # "اف" of "إف-16" is a word of its own, not the end of "استهداف"
    ("مقتل 12 عنصراً بعد استهداف 75 موقعاً", [("killed", 12, "exact", "incident"), ("targets", 75, "exact", "incident")]),
    ("وكان عدد القوات الأمريكية يبلغ 3 آلاف و500 جندي.", [("troops", 3500, "exact", "level")]),
    ("قُتل 3 جنود أمريكيين وأصيب 34 آخرون في هجوم بطائرة مسيرة على البرج 22 في الأردن.",
     [("killed", 3, "exact", "incident"), ("injured", 34, "exact", "incident")]),
    ("أسفر القصف عن مقتل 4 عناصر من كتائب حزب الله وإصابة 6 آخرين.",
     [("killed", 4, "exact", "incident"), ("injured", 6, "exact", "incident")]),
    ("أطلقت الفصائل 12 صاروخا و5 طائرات مسيرة على قاعدة عين الأسد.",
     [("rockets", 12, "exact", "incident"), ("drones", 5, "exact", "incident")]),
    ("واستهدفت ضربتان أمريكيتان مقرين للحشد في القائم.",
     [("strikes", 2, "exact", "incident"), ("targets", 2, "exact", "incident")]),
    ("ويبقى ما يزيد على 2000 جندي أمريكي في شمال شرق سوريا.", [("troops", 2000, "more_than", "level")]),
    # people in the dual, and people joined by "و" to the killed or injured before them
    ("وسقط صاروخ قرب المطار ما أدى إلى إصابة شخصين بجروح.", [("injured", 2, "exact", "incident")]),
    ("وأكدت الوزارة إصابة عنصرين من القوات الأميركية.", [("injured", 2, "exact", "incident")]),
    ("وأصيب أربعة عسكريين أمريكيين وعنصران من القوات الأمنية العراقية.",
     [("injured", 4, "exact", "incident"), ("injured", 2, "exact", "incident")]),
    ("وأسفر الهجوم عن مقتل جنديين أمريكيين ومتعاقد بريطاني وعنصرين من الشرطة.",
     [("killed", 2, "exact", "incident"), ("killed", 2, "exact", "incident")]),
    ("وقتل 3 جنود أمريكيين، و2500 جندي ما زالوا ينتشرون في العراق.",
     [("killed", 3, "exact", "incident"), ("troops", 2500, "exact", "level")]),
    ("وقال مصدران عسكريان عراقيان إن الهجوم فشل.", []),  # "عسكريان" here describes the sources
    # "و900 تقريبا في سوريا": a qualifier after the number does not hide the ellipsis
    ("وتنشر الولايات المتحدة نحو 2,500 جندي في العراق، و900 تقريبا في سوريا.",
     [("troops", 2500, "approx", "level"), ("troops", 900, "approx", "level")]),
    # two figures joined by "و" with a noun between are a list, not a range; with "أو" or no noun, a range
    ("وأطلق المسلحون 5 صواريخ و10 قذائف هاون.", [("rockets", 5, "exact", "incident"), ("rockets", 10, "exact", "incident")]),
    ("وأطلق المسلحون مئة صاروخ ومئتي قذيفة.", [("rockets", 100, "exact", "incident"), ("other", 200, "exact", "incident")]),
    ("وأطلق المسلحون 5 صواريخ أو 6.", [("rockets", 5, "approx", "incident"), ("rockets", 6, "approx", "incident")]),
    ("وأصيب 3 إلى 5 جنود.", [("injured", 3, "approx", "incident"), ("injured", 5, "approx", "incident")]),
    # a reduction that is over is a level, one to come planned
    ("وينتشر جنود أمريكيون بعد تقليص عددهم في العراق إلى ألفين وخمسمئة جندي منتصف كانون الثاني.",
     [("troops", 2500, "exact", "level")]),
    ("وتعتزم واشنطن تقليص عدد قواتها في العراق إلى 2500 جندي.", [("troops", 2500, "exact", "planned")]),
    # "من" + a noun the suffix hides: a noun after a preposition is where, not who
    ("وأعلن الحشد الشعبي مقتل أربعة من منتسبيها في الغارات الجوية.", [("killed", 4, "exact", "incident")]),
    # fighter jets (not fighters) and bombs are "other"
    ("وقالت إن مقاتلتين من طراز إف-15 ألقتا سبع قنابل موجهة.",
     [("other", 2, "exact", "incident"), ("other", 7, "exact", "incident")]),
    # trucks, destroyers and munitions are counted as "other"
    ("وغادرت أزيد من 40 شاحنة محملة بالمعدات قاعدة عين الأسد.", [("other", 40, "more_than", "incident")]),
    ("وضربت الطائرات 85 هدفا باستخدام أكثر من 125 ذخيرة دقيقة التوجيه.",
     [("targets", 85, "exact", "incident"), ("other", 125, "more_than", "incident")]),
    ("وشاركت في التصدي للهجوم مدمرتين أمريكيتين.", [("other", 2, "exact", "incident")]),
    # "أصاب" (it injured) is a casualty verb for people, not for targets
    ("وأدى الهجوم إلى مقتل ثلاثة جنود وأصاب أكثر من 40 آخرين.",
     [("killed", 3, "exact", "incident"), ("injured", 40, "more_than", "incident")]),
    ("وأصابت الضربات 12 هدفا.", [("targets", 12, "exact", "incident")]),
    # a toll is one event's unless it is a campaign's; "المجموعات" (groups) is not "مجموع" (total)
    ("وأفاد المرصد بأن حصيلة القتلى بلغت سبعة عناصر، إضافة إلى إصابة 18 آخرين بجروح.",
     [("killed", 7, "exact", "incident"), ("injured", 18, "exact", "incident")]),
    ("وارتفعت حصيلة قتلى الهجمات إلى 50 شخصا.", [("killed", 50, "exact", "total")]),
    ("وأحصى المرصد مقتل 23 مسلحاً على الأقل من المجموعات الموالية لإيران.", [("killed", 23, "at_least", "incident")]),
    # the first figure of a range takes the scale of the second, and both are a range
    ("وينتشر في المنطقة ما بين 7 و10 آلاف مقاتل.",
     [("fighters", 7000, "approx", "level"), ("fighters", 10000, "approx", "level")]),
    ("وتنتشر في العراق ما بين خمسة وستة آلاف جندي أمريكي.",
     [("troops", 5000, "approx", "level"), ("troops", 6000, "approx", "level")]),
    ("وتنتشر في العراق 3 أو 4 آلاف جندي أمريكي.",
     [("troops", 3000, "approx", "level"), ("troops", 4000, "approx", "level")]),
    ("قرر الناتو توسيع بعثته في العراق من 500 إلى نحو 4000 عنصر.",
     [("foreign_troops", 500, "exact", "level"), ("foreign_troops", 4000, "approx", "level")]),
    ("قرر الناتو توسيع بعثته في العراق من 500 إلى حوالى 4000 عنصر.",  # "حوالى", spelled with ى
     [("foreign_troops", 500, "exact", "level"), ("foreign_troops", 4000, "approx", "level")]),
    # a noun with a preposition glued on is not what the number counts
    ("مقتل متعاقد أمريكي وإصابة ستة بهجوم صاروخي على قاعدة في كركوك.", [("injured", 6, "exact", "incident")]),
    ("مقتل ٣ جنود أمريكيين وإصابة ٣٤ بهجوم بمسيّرة على موقع في الأردن",
     [("killed", 3, "exact", "incident"), ("injured", 34, "exact", "incident")]),
    ("أعلن التحالف الدولي سحب 500 جندي من قاعدة عين الأسد.", [("foreign_troops", 500, "exact", "change")]),
    ("ويوجد في العراق 900 مستشار عسكري أمريكي.", [("troops", 900, "exact", "level")]),
    # "سنوات" (years) and "سياسة" begin like a future verb ("سيبقى") but are not one
    ("وتنشر واشنطن منذ سنوات وفي إطار سياسة ثابتة نحو 2500 جندي في العراق.", [("troops", 2500, "approx", "level")]),
    ("وسيبقى نحو 2500 جندي في العراق.", [("troops", 2500, "approx", "planned")]),
    ("وقال الوزير إننا سنواصل الاحتفاظ بنحو 2500 جندي في العراق.", [("troops", 2500, "approx", "planned")]),
    ("وأعلنت سنتكوم أن نحو 2500 جندي أمريكي يوجدون في العراق.", [("troops", 2500, "approx", "level")]),
    ("وانتشر 170 ألف جندي أمريكي في العراق بين عامي 2007 و2008.", [("troops", 170000, "exact", "level")]),
    ("وقالت واشنطن إنها تنشر 2500 جندي في العراق.", [("troops", 2500, "exact", "level")]),
    ("وقررت الوزارة نشر 500 جندي في العراق.", [("troops", 500, "exact", "change")]),
    ("وكانت الفصائل قد قتلت 3 جنود أمريكيين في هجوم سابق.", [("killed", 3, "exact", "incident")]),
    ("وتنشر واشنطن ضمن سياستها الجديدة نحو 2500 جندي في العراق.", [("troops", 2500, "approx", "level")]),
    ("ولا سيما أن الولايات المتحدة تنشر 2500 جندي في العراق.", [("troops", 2500, "exact", "level")]),
    ("واشنطن ستسحب قواتها من العراق\nوكانت الولايات المتحدة تنشر 5200 جندي في العراق.",  # a headline's future
     [("troops", 5200, "exact", "level")]),
    ("وأرسلت واشنطن خلال الحرب 2000 جندي إضافي إلى المنطقة.", [("troops", 2000, "exact", "change")]),
    ("وفقدت الولايات المتحدة 4400 جندي في حرب العراق.", [("killed", 4400, "exact", "incident")]),
    ("وقال إن عدد القوات سيصل بحلول نهاية العام\nإلى 4000 جندي.", [("troops", 4000, "exact", "planned")]),
    ("وقتل منذ الغزو 2003 نحو 4400 جندي أمريكي.", [("killed", 4400, "approx", "total")]),
    ("وقتل خلال الحرب 2000 من عناصر تنظيم داعش.", [("killed", 2000, "exact", "incident")]),
    ("وأعلن البنتاغون انتهاء المهمة على أن يبقى نحو 350 جندياً في أربيل.", [("troops", 350, "approx", "planned")]),
    ("واشنطن ستسحب قواتها من العراق\nوتنشر واشنطن 2500 جندي في العراق.", [("troops", 2500, "exact", "level")]),
    ("وتعرضت القوات الأمريكية لـ 150 هجوما بين تشرين الأول 2023 وكانون الثاني 2024.",
     [("attacks", 150, "exact", "total")]),
    ("سقطت 3 قذائف هاون قرب السفارة الأمريكية في بغداد.", [("rockets", 3, "exact", "incident")]),
    ("وأطلقت الطائرتان 7 قذائف عالية الدقة.", [("other", 7, "exact", "incident")]),
    ("انخفض العدد من 2500 إلى 2000 جندي.", [("troops", 2500, "exact", "level"), ("troops", 2000, "exact", "level")]),
    ("وستخفض الولايات المتحدة عدد قواتها في العراق إلى أقل من 2000 جندي بحلول سبتمبر 2025.",
     [("troops", 2000, "less_than", "planned")]),
    # soldiers missing or taken are neither a troop level nor killed
    ("أعلن الجيش الأمريكي أنه فقد الاتصال بـ 3 جنود في الأنبار.", [("other", 3, "exact", "incident")]),
    ("وقال البنتاغون إن القوات فقدت الاتصال مع 3 جنود خلال دورية.", [("other", 3, "exact", "incident")]),
    ("وقال المسؤول إن 3 جنود أمريكيين لا يزالون في عداد المفقودين.", [("other", 3, "exact", "incident")]),
    # … named right beside the number, in its own clause
    ("وكانت الفصائل قد هددت باختطاف جنود من بين 2500 جندي أمريكي ينتشرون في العراق.",
     [("troops", 2500, "exact", "level")]),
    ("ويحرس 900 جندي أمريكي مخيم الهول الذي يضم آلاف المخطوفين السابقين.", [("troops", 900, "exact", "level")]),
    ("وأعلنت واشنطن أن 3 من مواطنيها مختطفين في العراق، وأن 2500 جندي أمريكي يبقون في البلاد.",
     [("other", 3, "exact", "incident"), ("troops", 2500, "exact", "level")]),
    ("ويبحث 200 جندي أمريكي عن طيارين في عداد المفقودين قرب الحدود السورية.", [("troops", 200, "exact", "level")]),
    ("وأعلنت كتائب حزب الله أسر جنديين أمريكيين قرب قاعدة التنف.", [("other", 2, "exact", "incident")]),
    ("وقالت الفصائل إنها تحتجز جنديين أمريكيين قرب قاعدة التنف.", [("other", 2, "exact", "incident")]),
    ("وأدى الهجوم إلى فقدان 3 جنود أمريكيين حياتهم وإصابة 34 آخرين.",
     [("killed", 3, "exact", "incident"), ("injured", 34, "exact", "incident")]),
])
def test_claims(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "وخصصت واشنطن 500 مليون دولار للعراق بنسبة 30% من المساعدات.",
    "وتبعد القاعدة 150 كيلومترا عن بغداد، ووقع الهجوم عند الساعة 10 صباحا.",
    "للتواصل: 07701234567",
    "الخليج | الخميس 21 نوفمبر 2024 | 07:45 ص\nعاجل: قتلى في هجوم",  # a time above a casualty headline
    "وكان القتيل يبلغ من العمر 35 عاما.",
    "استنادا إلى المادة 61 من الدستور والقرار 2107 لمجلس الأمن.",
    "وأكد 3 مسؤولين أمريكيين أن الهجوم وقع قبل 20 عاما من الغزو.",
    "في الفترة بين 2003 و2011 كانت القوات الأمريكية في العراق.",
    "وتصاعدت الهجمات بين عامي 2007 و2008 في بغداد.",
    "وخلال حرب 2003 قتل آلاف المدنيين.",

    "رقم العدد [ 16499] قتلى وجرحى في هجوم على قاعدة.",
    "وتعرضت القواعد لهجمات في كانون الأول 2023 وكانون الثاني 2024.",
    "ويمثل ذلك رابع هجوم من نوعه، والهجوم الرابع والثمانين منذ أكتوبر.",
    "وأظهر استطلاع أن 57 في المئة من الأميركيين يؤيدون الضربات، و40 بالمئة يعارضونها، و3 في المائة لم يجيبوا.",
    # a number word after a period of time is a duration, even beside a casualty word
    "وقتل خلال الأشهر الثلاثة الماضية عدد من عناصر الفصائل.",
    "وأصيب في الأيام الخمسة الأخيرة عدد من الجنود بجروح.",
])
def test_not_claims(text):
    assert claims(text) == []


@pytest.mark.parametrize("phrase, qualifier", [
    ("نحو 2500", "approx"), ("بحوالي 2500", "approx"), ("زهاء 2500", "approx"), ("ما يناهز 2500", "approx"),
    ("ما يقارب من 2500", "approx"), ("قرابة الـ2500", "approx"), ("2500 تقريبًا", "approx"),
    ("أكثر من 2500", "more_than"), ("أكثر قليلا من 2500", "more_than"), ("ما يربو على 2500", "more_than"),
    ("ما يزيد قليلاً على 2500", "more_than"), ("نيف و2500", "more_than"),
    ("ما لا يقل عن 2500", "at_least"), ("2500 على الأقل", "at_least"),
    ("أقل من 2500", "less_than"), ("بما يصل إلى 2500", "less_than"), ("ما يصل إلى 2500", "less_than"), ("لا يتعدى 2500", "less_than"), ("ما لا يزيد عن 2500", "less_than"),
    ("الـ2500", "exact"),
])
def test_qualifiers(phrase, qualifier):
    text = f"وتنشر الولايات المتحدة في العراق {phrase} جندي."
    if phrase.endswith(("تقريبًا", "على الأقل")):
        text = f"وتنشر الولايات المتحدة في العراق {phrase.split()[0]} جندي {' '.join(phrase.split()[1:])}."
    assert [(c[1], c[2]) for c in claims(text)] == [(2500, qualifier)]


# What the troop chart plots (levels and planned levels) and what totals sum up: measures read off
# sentences written for this test.
@pytest.mark.parametrize("text, expected", [
    # plans and recommendations, with the prefixes Arabic attaches
    ("أوصى مسؤولون عسكريون بإبقاء 500 جندي في سوريا بعد الانسحاب.", [("troops", 500, "exact", "planned")]),
    ("وتنوي الإدارة الأمريكية الاحتفاظ بـ1500 جندي في قاعدة حرير.", [("troops", 1500, "exact", "planned")]),
    ("وقدم البنتاغون خطة لإبقاء ٤٠٠ جندي في شمال شرق سوريا.", [("troops", 400, "exact", "planned")]),
    ("واتفق الجانبان على بقاء 2000 جندي في العراق حتى نهاية عام 2026.", [("troops", 2000, "exact", "planned")]),
    ("ومن المتوقع أن يصل عدد الجنود الأمريكيين في سوريا إلى 1000 جندي بعد إنجاز الانسحاب.",
     [("troops", 1000, "exact", "planned")]),
    # troops on the move are a change, in any tense; a level reached is not a move
    ("سحبت الولايات المتحدة 500 جندي من سوريا الشهر الماضي.", [("troops", 500, "exact", "change")]),
    ("وصل 300 جندي أمريكي إلى قاعدة حرير في أربيل.", [("troops", 300, "exact", "change")]),
    ("ستسحب الولايات المتحدة نحو 1000 جندي من سوريا خلال 60 يوماً.", [("troops", 1000, "approx", "change")]),
    ("وصلت تعزيزات عسكرية أميركية تضم ١٥٠ جندياً إلى حقل العمر النفطي.", [("troops", 150, "exact", "change")]),
    ("ويصل عدد الجنود الأمريكيين في العراق إلى 2500 جندي.", [("troops", 2500, "exact", "level")]),
    # a part and the whole it is taken from
    ("سيغادر 900 جندي من بين 2500 جندي أمريكي منتشرين في العراق.",
     [("troops", 900, "exact", "change"), ("troops", 2500, "exact", "level")]),
    ("وقال المسؤول إن 900 جندي من بين 2500 جندي في العراق سيبقون في إقليم كردستان.",
     [("troops", 900, "exact", "planned"), ("troops", 2500, "exact", "level")]),
    # soldiers a convoy carries, and a group already named, are not a troop level
    ("وكان الرتل مؤلفا من 110 آليات يستقلها 500 جندي.", [("other", 110, "exact", "incident"),
                                                        ("troops", 500, "exact", "incident")]),
    ("وقالت إن الجنود الثلاثة في حالة مستقرة.", [("troops", 3, "exact", "incident")]),
    # other countries' troops, named by their state or nationality
    ("وتنشر فرنسا نحو 600 جندي في العراق.", [("foreign_troops", 600, "approx", "level")]),
    ("ويتمركز في أربيل 400 جندي بريطاني.", [("foreign_troops", 400, "exact", "level")]),
    ("وقالت وكالة الصحافة الفرنسية إن 2500 جندي أمريكي ينتشرون في العراق.", [("troops", 2500, "exact", "level")]),
    ("وتحتفظ دول أخرى بقوات في الإقليم، أبرزها إيطاليا التي ينتشر لها قرابة 650 عسكرياً.",
     [("foreign_troops", 650, "approx", "level")]),
    ("ويتمركز نحو مئتي عنصر من القوات الخاصة الأسترالية في قاعدة بالإمارات.", [("foreign_troops", 200, "approx", "level")]),
    ("وقالت فرنسا إن الولايات المتحدة تنشر 2500 جندي في العراق.", [("troops", 2500, "exact", "level")]),
    # a state's own ministry names it; more states; the state before a comma or a withdrawal
    ("وأعلنت وزارة الدفاع الألمانية، اليوم، أنها ستنقل 35 جندياً إلى الأردن.", [("foreign_troops", 35, "exact", "change")]),
    ("وقالت وزارة الدفاع الألمانية إن الولايات المتحدة ستنقل 35 جندياً.", [("troops", 35, "exact", "change")]),
    ("كما سحبت كرواتيا 14 جندياً من قواتها.", [("foreign_troops", 14, "exact", "change")]),
    # casualties a campaign caused are a total; a named day or one attack's toll is an incident
    ("وقال المتحدث إن الهجمات أسفرت عن إصابة 45 جنديا أمريكيا بجروح طفيفة.", [("injured", 45, "exact", "total")]),
    ("وأصيب ١٩ جندياً أمريكياً بارتجاج في الدماغ جراء الهجمات على قاعدتي عين الأسد والتنف.",
     [("injured", 19, "exact", "total")]),
    ("وأسفرت الهجمات أمس الجمعة عن إصابة 3 جنود أمريكيين.", [("injured", 3, "exact", "incident")]),
    ("ارتفعت حصيلة المصابين في الهجوم على البرج 22 إلى أكثر من 40 جندياً.", [("injured", 40, "more_than", "incident")]),
    ("وارتفعت حصيلة قتلى الغارات الأمريكية على مواقع الفصائل إلى 25 قتيلا.", [("killed", 25, "exact", "incident")]),
    ("وبلغت حصيلة الهجمات منذ تشرين الأول 170 هجوما.", [("attacks", 170, "exact", "total")]),
    # the "since" of a first or third time does not make one attack's figures a total
    ("قُتل ثلاثة جنود أمريكيين وأصيب 34 آخرون في هجوم بمسيرة، في أول مرة يسقط فيها قتلى أمريكيون منذ اندلاع الحرب.",
     [("killed", 3, "exact", "incident"), ("injured", 34, "exact", "incident")]),
    ("ويعد هذا ثالث هجوم يطال القاعدة منذ منتصف شباط، إذ سقط صاروخان قرب محيطها.", [("rockets", 2, "exact", "incident")]),
    ("وأعلنت في 21 تشرين الثاني أن 62 عسكرياً أمريكياً أصيبوا منذ 17 تشرين الأول.", [("injured", 62, "exact", "total")]),
    # "عنصر" counts fighters, unless the force named after it is an army's
    ("واشنطن ترسل أقل من 50 عنصراً من القوات الخاصة إلى سوريا.", [("troops", 50, "less_than", "change")]),
    ("وعلى متنها 550 عنصراً من مشاة البحرية.", [("troops", 550, "exact", "level")]),
    ("يتمركز نحو مئتي عنصر من القوات الخاصة الأسترالية.", [("foreign_troops", 200, "approx", "level")]),
    ("قرابة 9 آلاف عنصر من تنظيم داعش في سجون قسد.", [("fighters", 9000, "approx", "level")]),
    # casualties over a month are its total; in a month, one attack's
    ("قتل 127 جندياً أمريكياً في العراق خلال شهر أيار، بحسب تعداد للوكالة.", [("killed", 127, "exact", "total")]),
    ("قتل 3 جنود أمريكيين في أيار، في هجوم بعبوة ناسفة.", [("killed", 3, "exact", "incident")]),
    # an army's toll is its running total, one attack's toll an incident
    ("بلغ عدد قتلى الجيش الأمريكي في العراق ألفي جندي.", [("killed", 2000, "exact", "total")]),
    ("في وقت يبلغ فيه عدد جرحى القوات الأمريكية نحو 29 ألفاً و300 جندي.", [("injured", 29300, "approx", "total")]),
    ("ارتفعت حصيلة قتلى الجنود في الهجوم إلى 3 جنود.", [("killed", 3, "exact", "incident")]),
    # bases: left or closed is a change, present at a level
    ("سينسحب التحالف من 4 قواعد في بغداد والأنبار بحلول أيلول 2025.", [("other", 4, "exact", "change")]),
    ("انتشرت القوات الأمريكية في 12 قاعدة بالعراق، وانسحبت من 9 منها.",
     [("other", 12, "exact", "level"), ("other", 9, "exact", "change")]),
    ("أخلى التحالف 6 قواعد منذ بداية العام.", [("other", 6, "exact", "change")]),
    ("وكان الجنود يتوزعون على قاعدتين، بعد أن انتشروا في 505 قواعد ومواقع عسكرية.",
     [("other", 2, "exact", "level"), ("other", 505, "exact", "level")]),
    # from a level to a target, as for troops
    ("وأعلن أن بلاده ستقلص عدد قواعدها العسكرية في سوريا من ثماني قواعد إلى قاعدة واحدة.",
     [("other", 8, "exact", "level"), ("other", 1, "exact", "planned")]),
])
def test_measures(text, expected):
    assert claims(text) == expected


# Where those rules must not reach: levels told with movement or plan words that do not govern the
# number, negations, other states named for other reasons, one event's casualties (sentences from a
# review written to break the rules, their expectations read off before running).
@pytest.mark.parametrize("text, expected", [
    ('وتحتفظ الولايات المتحدة بقوات في العراق يصل تعدادها نحو 2500 جندي.',
     [('troops', 2500, 'level')]),
    ('ويعود انتشار نحو 900 جندي أمريكي في سوريا إلى الحرب على تنظيم داعش.',
     [('troops', 900, 'level')]),
    ('وأكدت واشنطن أنها لا تنوي سحب جنودها الـ2500 من العراق.',
     [('troops', 2500, 'level')]),
    ('وأكد مسؤول في البنتاغون أن واشنطن لن تسحب جنودها الـ900 من سوريا في الوقت الراهن.',
     [('troops', 900, 'level')]),
    ('ونقلت رويترز أن 2500 جندي أمريكي ما زالوا ينتشرون في العراق.',
     [('troops', 2500, 'level')]),
    ('وما زال 2500 جندي أمريكي منتشرين في العراق الذي انسحبت منه القوات الأمريكية نهاية 2011.',
     [('troops', 2500, 'level')]),
    ('ويتمركز نحو 900 جندي أمريكي في سوريا حيث وصلوا أول مرة عام 2015.',
     [('troops', 900, 'level')]),
    ('وتنشر الولايات المتحدة 2500 جندي في العراق بعد أن عادت إليه عام 2014 لمحاربة داعش.',
     [('troops', 2500, 'level')]),
    ('وكان عديد القوات الأمريكية في العراق قد وصل ذروته 170 ألف جندي عام 2007.',
     [('troops', 170000, 'level')]),
    ('وارتفع عدد القوات الأمريكية في المنطقة بعد التعزيزات الأخيرة إلى 40 ألف جندي.',
     [('troops', 40000, 'level')]),
    ('ومن المتوقع أن يزور أوستن قاعدة عين الأسد التي يتمركز فيها 2500 جندي أمريكي.',
     [('troops', 2500, 'level')]),
    ('وضمن خطة تدريب القوات العراقية وتقديم المشورة لها ينتشر 2500 جندي أمريكي في البلاد.',
     [('troops', 2500, 'level')]),
    ('وأوصى التقرير بمراجعة مهمة 2500 جندي أمريكي في العراق.',
     [('troops', 2500, 'level')]),
    ('وتخطط واشنطن لخفض عدد قواتها في العراق البالغ حاليا 2500 جندي.',
     [('troops', 2500, 'level')]),
    ('ويقدر عدد الجنود الأمريكيين في العراق بـ2500 جندي ستظل مهمتهم استشارية.',
     [('troops', 2500, 'level')]),
    ('كما أوصت اللجنة بسحب 1000 جندي من أصل 2500 في العراق.',
     [('troops', 1000, 'change'), ('troops', 2500, 'level')]),
    ('ومن المقرر أن يبقى 2000 جندي في إقليم كردستان بعد أيلول 2025.',
     [('troops', 2000, 'planned')]),
    ('وشدد المتحدث على أن 2500 جندي أمريكي ما زالوا في العراق.',
     [('troops', 2500, 'level')]),
    ('وطرح البرلمان العراقي مسألة إخراج الخمسة آلاف جندي أمريكي المنتشرين في البلاد.',
     [('troops', 5000, 'level')]),
    ('وقالت فرنسا إن الولايات المتحدة تنشر 2500 جندي في العراق.',
     [('troops', 2500, 'level')]),
    ('وتنشر واشنطن قرب الحدود مع تركيا نحو 900 جندي.',
     [('troops', 900, 'level')]),
    ('وزار وزير الدفاع الأمريكي ألمانيا قبل توجهه إلى العراق حيث يتمركز 2500 جندي.',
     [('troops', 2500, 'level')]),
    ('ونقلت صحيفة في بريطانيا عن مسؤول أن واشنطن ستبقي 2500 جندي في العراق.',
     [('troops', 2500, 'planned')]),
    ('وتسببت الحرب في غزة بتصاعد الهجمات على القوات الأمريكية وأصيب 3 جنود في هجوم على قاعدة التنف.',
     [('injured', 3, 'incident')]),
    ('وقال البنتاغون الثلاثاء إن الهجمات التي تتعرض لها القوات الأمريكية في العراق وسوريا أسفرت عن إصابة 66 جنديا.',
     [('injured', 66, 'total')]),
    ('وخلفت الغارة الأمريكية على مقر للفصائل التي تتبنى الهجمات على القوات الأمريكية 17 قتيلا.',
     [('killed', 17, 'incident')]),
    ('وارتفعت حصيلة المصابين في الهجوم على القاعدة التي يتمركز فيها 2500 جندي أمريكي إلى 12.',
     [('troops', 2500, 'level'), ('injured', 12, 'incident')]),
    ('وبعد انسحاب القوات القتالية نهاية 2021 يحتفظ التحالف في العراق بـ3 قواعد.',
     [('other', 3, 'level')]),
    ('وضمن عملية سحب المعدات من قاعدة عين الأسد خرج رتل من 40 آلية عسكرية باتجاه الحدود.',
     [('other', 40, 'incident')]),
    ('وتتمركز القوات الأمريكية في العراق في 4 قواعد بعد تسليم 8 قواعد أخرى للجيش العراقي.',
     [('other', 4, 'level'), ('other', 8, 'change')]),
    ('وسلمت القوات الأمريكية قاعدة القائم للجيش العراقي، ولا تزال تنتشر في 5 قواعد.',
     [('other', 5, 'level')]),
])
def test_measures_the_rules_must_not_reach(text, expected):
    assert [(kind, value, measure) for kind, value, _, measure in claims(text)] == expected


def scopes(text: str) -> list[tuple]:
    rows = extract_document(Document("t", "t.txt", text, "utf-8", "", None, None, None, "2024-02-10", None)).claims
    return [(c["value"], c["scope"]) for c in rows]


@pytest.mark.parametrize("text, expected", [
    # the first place named after the number, with the places joined to it, not one in a later clause
    ("وتنشر الولايات المتحدة 2500 جندي في العراق، وما يقارب 900 جندي في سوريا، بعدما كان عدد قواتها في "
     "العراق قد بلغ 170 ألف جندي في ذروة الحرب عام 2007.", [(2500, "iraq"), (900, "syria"), (170000, "iraq")]),
    ("وتحتفظ واشنطن بنحو 2,500 جندي في العراق و900 في سوريا، يتمركز جزء منهم في مطار أربيل.",
     [(2500, "iraq"), (900, "syria")]),
    ("وضربت الطائرات 85 هدفا في العراق وسوريا.", [(85, "iraq+syria")]),
    ("وضربت الطائرات 85 هدفا في العراق وفي سوريا.", [(85, "iraq+syria")]),
    ("واستهدفت الغارات خمسة أهداف في غرب العراق وشرق سوريا.", [(5, "iraq+syria")]),
    # provinces, cities and forces named without their country
    ("وأسفرت الغارات عن مقتل 22 مقاتلا قرب البوكمال، وإصابة 7 من عناصر قسد في الحسكة.", [(22, "syria"), (7, "syria")]),
    ("وسقطت 4 صواريخ على قاعدة في نينوى، بعد ضربات على عكاشات قتلت 16.", [(4, "iraq"), (16, "iraq")]),
])
def test_scope(text, expected):
    assert scopes(text) == expected


def test_a_year_after_a_part_of_it_is_no_count():
    """"بنهاية 2011", "صيف 2014": not a second figure of the kind before it."""
    assert claims("وسلمت القوات 500 قاعدة للعراقيين، بعد أن نصت الاتفاقية على الخروج من البلاد بنهاية 2011.") == \
        [("other", 500, "exact", "change")]
    assert [c[:2] for c in claims("ونفذ التحالف 23 ألف ضربة، بعد أن سيطر التنظيم على الموصل صيف 2014.")] == \
        [("strikes", 23000)]


def test_of_them_after_a_number_counts_what_the_figure_before_counts():
    # the kind only: whether "630 of them will serve as advisers" is a change or planned is not this rule's
    text = "وأمر بإرسال 1500 جندي إضافي، قرابة 630 منهم سيعملون مستشارين، وقتل 5 جنود وأصيب 3 منهم."
    assert [(kind, value) for kind, value, _, _ in claims(text)] == [
        ("troops", 1500), ("troops", 630), ("killed", 5), ("injured", 3)]
