"""When a figure was true (as_of) and since when it counts (period_start), on sentences written for
these tests.  The articles are published on Saturday 10 February 2024 (catalog) unless a dateline
says otherwise; the expected dates are read off the sentences."""

from datetime import date

import pandas as pd

from analysis.corpus import Document
from analysis.extract import extract_document
from analysis.text import split_sentences

SATURDAY = "2024-02-10"


def dated_claims(text: str, published: str | None = SATURDAY) -> list[tuple]:
    """(value, as_of, period_start) of each claim."""
    rows = extract_document(Document("t", "t.txt", text, "utf-8", "", None, None, None, published, None)).claims

    def day(value) -> date | None:
        return None if value is None or pd.isna(value) else pd.Timestamp(value).date()

    return [(c["value"], day(c["as_of"]), day(c["period_start"])) for c in rows]


def test_undated_sentences_go_on_reporting_the_story_day():
    text = ("قالت وزارة الدفاع الأمريكية أمس الجمعة إن طائراتها قصفت مواقع للفصائل في العراق. "
            "وأسفر القصف عن تدمير 9 منشآت ومقتل 4 مسلحين.")
    friday = date(2024, 2, 9)
    assert dated_claims(text) == [(9, friday, None), (4, friday, None)]


def test_a_date_older_than_a_week_is_background_not_the_story_day():
    text = ("وكانت الفصائل قد هاجمت القاعدة في 15 كانون الثاني. "
            "وأسفر القصف الأمريكي عن تدمير 9 منشآت.")
    assert dated_claims(text) == [(9, date(2024, 2, 10), None)]


def test_a_story_day_only_counts_for_the_figures_after_it():
    text = "وأسفر القصف عن تدمير 9 منشآت. وقال المتحدث أمس الجمعة إن التحقيق مستمر."
    assert dated_claims(text) == [(9, date(2024, 2, 10), None)]


def test_the_dateline_is_not_the_story_day():
    text = ("10 02 2024 | تقارير\n"
            "قالت وزارة الدفاع، أمس الجمعة، إن قصفا أمريكيا طال 9 منشآت تابعة لفصائل مدعومة من إيران "
            "في شرق سوريا ودمرها بالكامل، كما ألحق دمارا جزئيا بموقعين آخرين قرب الحدود مع العراق.")
    friday = date(2024, 2, 9)
    assert dated_claims(text, published=None) == [(9, friday, None), (2, friday, None)]


def test_a_date_in_a_relative_clause_after_the_figure_dates_something_else():
    text = "وتنشر الولايات المتحدة في العراق 2500 جندي، ضمن التحالف الذي تأسس عام 2014 لمحاربة داعش."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]
    # the same year in the figure's own clause is its date
    assert dated_claims("ووصل عدد الجنود الأمريكيين في العراق إلى 170 ألف جندي عام 2007.") == [
        (170000, date(2007, 1, 1), None)]


def test_a_running_total_is_as_of_the_day_it_was_stated():
    text = "وقال مسؤول في البنتاغون يوم الخميس إن القوات الأمريكية تعرضت لـ 150 هجوما منذ 17 أكتوبر."
    assert dated_claims(text) == [(150, date(2024, 2, 8), date(2023, 10, 17))]


def test_a_total_between_two_dates():
    text = ("وواجهت القوات الأمريكية 206 هجمات في المدة الممتدة بين 18 تشرين الأول 2023 "
            "و21 كانون الثاني 2024.")
    assert dated_claims(text) == [(206, date(2024, 1, 21), date(2023, 10, 18))]


def test_a_total_between_two_months():
    text = "وتعرضت القوات الأمريكية لـ 150 هجوما بين تشرين الأول 2023 وكانون الثاني 2024."
    assert dated_claims(text) == [(150, date(2024, 1, 1), date(2023, 10, 1))]


def test_since_a_given_date():
    text = "وسجل المرصد منذ تاريخ 19 تشرين الأول 18 هجوما على قواعد التحالف في سوريا."
    assert dated_claims(text) == [(18, date(2024, 2, 10), date(2023, 10, 19))]


def test_a_photo_credit_line_ends_its_sentence():
    text = "انسحاب القوات الأمريكية من العراق عام 2021 (الصورة: غيتي)\nتحتفظ الولايات المتحدة بنحو ألفي جندي في العراق."
    assert len(split_sentences(text)) == 2
    assert dated_claims(text) == [(2000, date(2024, 2, 10), None)]


# Where the rules above must not apply.

def test_a_relative_clause_does_date_an_incident():
    # Saturday 10 February: the latest Tuesday is the 6th
    text = "وأصيب 4 جنود أمريكيين في الهجوم الذي استهدف قاعدة عين الأسد يوم الثلاثاء."
    assert dated_claims(text) == [(4, date(2024, 2, 6), None)]


def test_a_range_after_between_is_a_range():
    assert dated_claims("وقتل 5 جنود أمريكيين في هجمات وقعت بين 1 و5 شباط.") == [(5, date(2024, 2, 5), None)]


def test_the_start_of_a_count_is_not_the_story_day():
    text = "وسجل المرصد منذ تاريخ 5 شباط 4 هجمات على القواعد. وفي هجوم آخر سقطت 3 صواريخ قرب القاعدة."
    saturday = date(2024, 2, 10)
    assert dated_claims(text) == [(4, saturday, date(2024, 2, 5)), (3, saturday, None)]


def test_background_in_the_pluperfect_is_not_the_story_day():
    text = ("قالت وزارة الدفاع أمس الجمعة إن طائرة مسيرة استهدفت قاعدة التنف. "
            "وكانت الفصائل قد قتلت 3 جنود أمريكيين في هجوم سابق على البرج 22.")
    assert dated_claims(text) == [(3, date(2024, 2, 10), None)]


def test_a_troop_level_is_not_dated_by_the_story_day():
    text = "استهدفت طائرة مسيرة قاعدة التنف أمس الجمعة. وتنشر الولايات المتحدة نحو 2500 جندي في العراق."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]


def test_a_bracket_at_the_end_of_a_wrapped_line_does_not_end_the_sentence():
    text = "وفي 28 كانون الثاني (يناير)\nقتل 3 جنود أمريكيين في هجوم على قاعدة في الأردن."
    assert len(split_sentences(text)) == 1
    assert dated_claims(text) == [(3, date(2024, 1, 28), None)]


def test_a_lead_date_the_catalog_contradicts_is_not_a_dateline():
    assert dated_claims("في 3 كانون الثاني 2020 كان في العراق 5200 جندي أمريكي.") == [(5200, date(2020, 1, 3), None)]


def test_a_relative_clause_that_is_not_a_founding_dates_a_level():
    text = "وبلغ عدد القوات الأمريكية 170 ألف جندي خلال زيادة القوات التي أمر بها بوش عام 2007."
    assert dated_claims(text) == [(170000, date(2007, 1, 1), None)]


def test_a_headline_future_does_not_reach_the_lead():
    text = "بايدن: سنرد على الهجوم\nقتل 3 جنود أمريكيين في هجوم بطائرة مسيرة في 28 كانون الثاني 2024."
    assert dated_claims(text) == [(3, date(2024, 1, 28), None)]


def test_a_day_told_as_background_is_not_the_story_day():
    text = "وكان الرئيس الأمريكي قد توعد يوم الأحد بالرد. وتعرضت القوات الأمريكية لـ 165 هجوما منذ 17 تشرين الأول."
    assert dated_claims(text) == [(165, date(2024, 2, 10), date(2023, 10, 17))]


def test_running_totals_over_years_and_since_an_event():
    assert dated_claims("وتعرضت القوات الأمريكية لـ 50 هجوما بين عامي 2019 و2020.") == [
        (50, date(2020, 1, 1), date(2019, 1, 1))]
    assert dated_claims("قال المسؤول أمس إن الوضع هادئ. وتعرضت القوات الأمريكية لـ 30 هجوما خلال عام 2019.") == [
        (30, date(2019, 1, 1), None)]
    # "since Biden took office in January": January opens the count; the figure is as of publication
    assert dated_claims("وتعرضت القوات الأمريكية لـ 8 هجمات منذ تولي بايدن منصبه في يناير.") == [
        (8, date(2024, 2, 10), date(2024, 1, 1))]
    assert len(split_sentences("قالت الوكالة (رويترز)\nإن 3 جنود أصيبوا.")) == 1  # an agency alone is no photo credit



def test_since_with_a_conjunction_and_since_an_event_without_a_date():
    text = "ومنذ اندلاع الحرب في تشرين الأول الماضي تعرضت القوات الأمريكية لأكثر من 160 هجوما."
    assert dated_claims(text) == [(160, date(2024, 2, 10), date(2023, 10, 1))]
    # "since the war broke out" has no date; 4 February is the count's date, not its start
    text = "وبلغ عدد الهجمات على القوات الأمريكية منذ اندلاع الحرب في غزة 170 هجوما في 4 شباط 2024."
    assert dated_claims(text) == [(170, date(2024, 2, 4), None)]


def test_a_level_told_in_the_present_is_not_dated_by_a_relative_clause():
    text = "وتنشر واشنطن نحو 2500 جندي أمريكي في العراق، الذي غزته الولايات المتحدة في آذار 2003."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]


def test_whose_clause_is_told_in_the_present():
    # the present "تنشر" is the first clause's; the second is in the past and its relative clause dates it
    text = ("وتنشر واشنطن حاليا 2500 جندي في العراق، فيما بلغ عدد القوات 170 ألف جندي في ذروة زيادة "
            "القوات التي أمر بها بوش عام 2007.")
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None), (170000, date(2007, 1, 1), None)]
    text = "وكانت واشنطن تنشر 5200 جندي في العراق قبل قرار البرلمان الذي طالب بإخراجها في كانون الثاني 2020."
    assert dated_claims(text) == [(5200, date(2020, 1, 1), None)]


def test_since_a_return_to_a_place():
    text = "وتعرضت القوات الأمريكية لـ 300 هجوم منذ عودتها إلى العراق عام 2014."
    assert dated_claims(text) == [(300, date(2024, 2, 10), date(2014, 1, 1))]


def test_a_dateline_under_a_future_headline():
    text = "واشنطن ستسحب قواتها من العراق\nبغداد - 28 كانون الثاني 2024\nقتل 3 جنود أمريكيين في هجوم."
    assert dated_claims(text) == [(3, date(2024, 1, 28), None)]


def test_since_until_and_since_a_duration():
    text = "وقتل نحو 4400 جندي أمريكي منذ بدء الحرب إلى انسحاب القوات الأمريكية من العراق عام 2011."
    assert dated_claims(text) == [(4400, date(2011, 1, 1), None)]
    text = "وقتل 3 جنود أمريكيين في أعنف هجوم منذ 5 سنوات على القوات الأمريكية في العراق عام 2020."
    assert dated_claims(text) == [(3, date(2020, 1, 1), None)]


def test_an_aside_keeps_the_level_in_the_present():
    text = "وتنشر الولايات المتحدة، بحسب البنتاغون، 2500 جندي في العراق الذي غزته عام 2003."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]


def test_since_an_arrival_somewhere():
    text = "وتعرضت القوات الأمريكية لأكثر من 200 هجوم منذ وصول بايدن إلى البيت الأبيض في كانون الثاني 2021."
    assert dated_claims(text) == [(200, date(2024, 2, 10), date(2021, 1, 1))]


def test_a_level_in_reported_speech_and_a_level_compared_with_the_past():
    text = ("وقال مسؤول كان يتحدث للصحفيين، طالبا عدم كشف اسمه، إن واشنطن تنشر 2500 جندي في العراق الذي "
            "غزته عام 2003.")
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]
    text = ("ويوجد في العراق حاليا 2500 جندي أمريكي، مقارنة بنحو 170 ألف جندي في ذروة الحرب التي بلغت "
            "أوجها عام 2007.")
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None), (170000, date(2007, 1, 1), None)]


def test_a_date_after_another_figure_is_that_figures():
    text = ("ويبلغ عدد الجنود الأمريكيين في العراق حالياً نحو 2500 جندي، بعد أن كان يتجاوز 170 ألفاً في "
            "ذروة الحرب عام 2007.")
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None), (170000, date(2007, 1, 1), None)]
    text = "وارتفعت الهجمات من 13 هجوماً في عام 2022 إلى أكثر من 170 هجوماً في عام 2023."
    assert dated_claims(text) == [(13, date(2022, 1, 1), None), (170, date(2023, 1, 1), None)]
    # a date before the figures dates them all
    text = "ففي عام 2003، كان عدد القوات الأميركية يتراوح بين 100 ألف و150 ألف جندي."
    assert dated_claims(text) == [(100000, date(2003, 1, 1), None), (150000, date(2003, 1, 1), None)]


def test_a_reduction_carried_out_is_a_level():
    text = "وخفضت إدارة ترامب عدد القوات في العراق إلى 2500 جندي في كانون الثاني 2021."
    assert dated_claims(text) == [(2500, date(2021, 1, 1), None)]


def test_a_total_with_its_own_since_does_not_take_an_earlier_period():
    text = "وتعرضت القواعد بين عامي 2019 و2020 لنحو 90 هجوماً. وتعرضت القوات لـ 150 هجوماً منذ اندلاع حرب غزة."
    assert dated_claims(text) == [(90, date(2020, 1, 1), date(2019, 1, 1)), (150, date(2024, 2, 10), None)]


def test_until_a_past_day_closes_the_period():
    text = "وأعلن البنتاغون أن القوات الأمريكية تعرضت لأكثر من 165 هجوما منذ 17 تشرين الأول 2023 وحتى 4 شباط 2024."
    assert dated_claims(text) == [(165, date(2024, 2, 4), date(2023, 10, 17))]
    assert dated_claims("وبقي نحو 2500 جندي أمريكي في العراق حتى أيلول 2023.") == [(2500, date(2023, 9, 1), None)]
    # a deadline still ahead, or told in the future, stays planned: the figure is as of publication
    assert dated_claims("لن تنسحب القوات الأمريكية وعددها 2500 جندي حتى أيلول 2023.") == [
        (2500, date(2024, 2, 10), None)]
    assert dated_claims("وتبقى القوات الأمريكية وعددها 2500 جندي في أربيل حتى أيلول 2026.") == [
        (2500, date(2024, 2, 10), None)]


def test_a_pair_of_weekdays_is_a_period():
    # Saturday 10 February 2024: Sunday the 4th, Monday the 5th, Tuesday the 6th
    text = "وقال المسؤول إن القوات الأمريكية تعرضت لخمس هجمات بين الأحد والثلاثاء في العراق."
    assert dated_claims(text) == [(5, date(2024, 2, 6), date(2024, 2, 4))]
    text = "وتعرضت قاعدة عين الأسد لهجومين يومي الإثنين والثلاثاء."
    assert dated_claims(text) == [(2, date(2024, 2, 6), date(2024, 2, 5))]


def test_that_day_is_the_day_named_before_it():
    text = "هاجمت الفصائل قاعدة عين الأسد يوم الأحد 4 شباط. وفي ذلك اليوم أطلقت 12 صاروخا على القاعدة."
    assert dated_claims(text) == [(12, date(2024, 2, 4), None)]
    text = "قصفت الولايات المتحدة مواقع في القائم يوم الجمعة 2 شباط. وفي اليوم ذاته أطلقت الفصائل 4 صواريخ على قاعدة حرير."
    assert dated_claims(text) == [(4, date(2024, 2, 2), None)]


def test_a_when_clause_after_since_is_dated_by_it_not_counted_since_it():
    text = "وعلقت الفصائل هجماتها منذ شباط الماضي، حين أعلنت الهدنة بعد مقتل 3 جنود أمريكيين في الأردن."
    assert dated_claims(text, published="2024-06-01") == [(3, date(2024, 2, 1), None)]
    # without the "when" clause, the killed since February are a running total
    text = "وقتل 3 جنود أمريكيين منذ شباط الماضي في هجمات متفرقة."
    assert dated_claims(text, published="2024-06-01") == [(3, date(2024, 6, 1), date(2024, 2, 1))]


def test_a_when_clause_only_dates_the_figures_inside_it():
    # the level and the attacks stand past the clause: "since 2014, when …, it deploys 2500"
    text = "ومنذ عام 2014، حين تشكل التحالف الدولي ضد داعش، تنشر الولايات المتحدة نحو 2500 جندي في العراق."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]
    text = "ومنذ 17 تشرين الأول، حين اندلعت الحرب في غزة، تعرضت القوات الأمريكية لأكثر من 160 هجوما."
    assert dated_claims(text) == [(160, date(2024, 2, 10), date(2023, 10, 17))]
    text = "ومنذ تشرين الأول الماضي، عندما بدأت الهجمات، أصيب أكثر من 180 جنديا أمريكيا."
    assert dated_claims(text) == [(180, date(2024, 2, 10), date(2023, 10, 1))]


def test_until_without_a_year_is_a_deadline_unless_it_closes_the_period_just_before_it():
    text = "وأمهلت كتائب حزب الله القوات الأمريكية حتى 20 شباط لمغادرة العراق، بعد أكثر من 165 هجوما منذ 17 تشرين الأول."
    assert dated_claims(text) == [(165, date(2024, 2, 10), date(2023, 10, 17))]
    # "من" and "منذ" elsewhere in the clause open no period this "حتى" closes
    text = "وأمهلت الفصائل القوات الأمريكية البالغ عددها أكثر من 2500 جندي حتى 20 شباط لمغادرة العراق."
    assert dated_claims(text) == [(2500, date(2024, 2, 10), None)]
    text = "وتعرضت القوات الأمريكية لـ 170 هجوما من 17 تشرين الأول 2023 وحتى 4 شباط 2024."
    assert dated_claims(text) == [(170, date(2024, 2, 4), date(2023, 10, 17))]
    text = "وتعرضت القوات الأمريكية لـ 60 هجوما من 17 تشرين الأول حتى 30 تشرين الثاني."
    assert dated_claims(text) == [(60, date(2023, 11, 30), date(2023, 10, 17))]


def test_a_year_less_period_end_without_a_catalog_follows_its_start():
    # the inferred publication must not precede the period's end, nor the end its start
    text = "وتعرضت القوات الأمريكية لـ 60 هجوما من 17 تشرين الأول 2023 حتى 30 تشرين الثاني."
    assert dated_claims(text, published=None) == [(60, date(2023, 11, 30), date(2023, 10, 17))]


def test_wont_only_makes_a_deadline_future():
    text = "وأكد المتحدث أن واشنطن لن تنسى الهجوم الذي أدى إلى مقتل 3 جنود أمريكيين في 28 كانون الثاني."
    assert dated_claims(text) == [(3, date(2024, 1, 28), None)]


def test_a_pair_of_weekdays_never_ends_before_it_starts():
    # Monday 12 February: "between Sunday and Tuesday" is last week's, 4 to 6 February
    text = "وقال المسؤول إن القوات الأمريكية تعرضت لخمس هجمات بين الأحد والثلاثاء في العراق وسوريا."
    assert dated_claims(text, published="2024-02-12") == [(5, date(2024, 2, 6), date(2024, 2, 4))]


def test_what_someone_had_reported_is_the_story_not_background():
    text = ("أعلن التحالف مساء الإثنين (15 فبراير/شباط 2021) إصابة 6 أشخاص في هجوم صاروخي على أربيل. "
            "وكانت وزارة الصحة في إقليم كردستان قد ذكرت في بيان أن القصف أدى إلى إصابة 3 أشخاص.")
    monday = date(2021, 2, 15)
    assert dated_claims(text, published="2021-02-16") == [(6, monday, None), (3, monday, None)]


def test_a_deadline_in_an_aside_or_after_from_is_still_ahead():
    # "من العراق", "أكثر من", an earlier "منذ 2014": no period this "حتى" closes
    for text in ("وأمهلت كتائب حزب الله، في بيان، القوات الأمريكية البالغ عددها 2500 جندي، حتى 20 شباط، لمغادرة البلاد.",
                 "وطالبت الفصائل بخروج 2500 جندي أمريكي من العراق حتى 31 آذار.",
                 "وأمهلت المقاومة القوات المنتشرة في العراق منذ عام 2014 وعددها 2500 جندي حتى 20 شباط لمغادرة البلاد.",
                 "وتبقى القوات الأمريكية، وعددها 2500 جندي، في قاعدة عين الأسد حتى منتصف آذار."):
        assert dated_claims(text) == [(2500, date(2024, 2, 10), None)], text
    # a count "until" a day of the last weeks is as of that day
    assert dated_claims("وبلغ عدد الهجمات على القوات الأمريكية 170 هجوما حتى 4 شباط.") == [
        (170, date(2024, 2, 4), None)]


def test_a_level_told_in_the_present_after_another_clause_is_as_of_publication():
    text = "وبقي عدد القوات الأمريكية في العراق عند 5200 جندي حتى عام 2020، فيما يبلغ حاليا نحو 2500 جندي."
    assert dated_claims(text) == [(5200, date(2020, 1, 1), None), (2500, date(2024, 2, 10), None)]
    text = "وبقيت قوات التحالف في بغداد حتى أيلول 2025، قبل أن تنتقل إلى أربيل، حيث يتمركز الآن نحو 2500 جندي."
    assert dated_claims(text, published="2026-10-01") == [(2500, date(2026, 10, 1), None)]
    # reported speech is the same statement: the day it was made dates it
    text = "أعلن وزير الدفاع يوم الجمعة أن عديد القوات الأمريكية بات حاليا 2500 جندي في العراق."
    assert dated_claims(text) == [(2500, date(2024, 2, 9), None)]


def test_when_clauses_with_and_without_commas():
    # after a "منذ" date without a comma, where the clause ends is unknown: the figures stay totals
    text = "ومنذ تشرين الأول حين اندلعت الحرب في غزة قتل 3 جنود أمريكيين وأصيب أكثر من 180 آخرين."
    october = date(2023, 10, 1)
    assert dated_claims(text) == [(3, date(2024, 2, 10), october), (180, date(2024, 2, 10), october)]
    # after a plain date the comma may be left out
    text = "وتعرضت القوات لـ 170 هجوما منذ 17 تشرين الأول، وكان أعنفها في 28 كانون الثاني عندما قتل 3 جنود."
    assert dated_claims(text)[1] == (3, date(2024, 1, 28), None)
    # attacks counted up to the clause's date are a total as of then, not since then
    text = "ولم تسجل أي هجمات منذ شباط الماضي، عندما علقت الفصائل عملياتها بعد أكثر من 170 هجوما."
    assert dated_claims(text, published="2024-06-01") == [(170, date(2024, 2, 1), None)]


def test_that_day_prefers_the_day_named_over_a_period_bound_in_the_same_sentence():
    text = ("وأعلن البنتاغون، الخميس، أن القوات الأمريكية تعرضت لـ 168 هجوما منذ 17 تشرين الأول. "
            "وفي اليوم نفسه، شنت الطائرات الأمريكية 3 غارات على مواقع في القائم.")
    thursday = date(2024, 2, 8)
    assert dated_claims(text) == [(168, thursday, date(2023, 10, 17)), (3, thursday, None)]


def test_a_revealed_report_is_the_story():
    text = ("أعلن البنتاغون أمس الجمعة تعرض قاعدة حرير لهجوم. "
            "وكانت صحيفة وول ستريت جورنال قد كشفت أن الفصائل أطلقت 6 صواريخ على القاعدة.")
    assert dated_claims(text) == [(6, date(2024, 2, 9), None)]


def test_before_or_after_a_year_still_dates_a_past_level():
    assert dated_claims("وكان عدد القوات الأمريكية في العراق يتجاوز 40 ألف جندي قبل عام 2011.") == [
        (40000, date(2011, 1, 1), None)]
    assert dated_claims("وقبل كانون الثاني 2020، كانت واشنطن تنشر 5200 جندي في العراق.") == [
        (5200, date(2020, 1, 1), None)]


def test_a_historical_present_keeps_its_date():
    # only "حاليا/الآن" tie a level to publication, not a present verb after an aside
    text = "وفي عام 2019، وبحسب أرقام البنتاغون، تنشر الولايات المتحدة نحو 5200 جندي في العراق."
    assert dated_claims(text) == [(5200, date(2019, 1, 1), None)]
    text = "وفي كانون الثاني 2020، صوت البرلمان على إخراج القوات، حيث يبلغ عدد الجنود الأمريكيين آنذاك 5200 جندي."
    assert dated_claims(text) == [(5200, date(2020, 1, 1), None)]
    # a "حيث" clause after a present level dates something else
    assert dated_claims("وتنشر واشنطن 2500 جندي في العراق، حيث عادت عام 2014 بعد انسحابها عام 2011.") == [
        (2500, date(2024, 2, 10), None)]


def test_a_period_never_ends_before_it_starts():
    # "حتى 20 شباط" after "منذ 30 كانون الثاني", read on 10 February, is still ahead
    text = "وعلقت كتائب حزب الله عملياتها منذ 30 كانون الثاني وحتى 20 شباط، بعد أكثر من 165 هجوما على القوات الأمريكية."
    (value, as_of, _), = dated_claims(text)
    assert (value, as_of) == (165, date(2024, 2, 10))


def test_deadlines_keep_their_cue():
    # "حتى يوم 20 شباط", "حتى الخميس 15 شباط", and "ذلك اليوم" after a deadline
    for text in ("وأمهلت الفصائل القوات الأمريكية، وعددها 2500 جندي، حتى يوم 20 شباط لمغادرة البلاد.",
                 "وأمهلت كتائب حزب الله القوات الأمريكية البالغ عددها 2500 جندي حتى الخميس 15 شباط لمغادرة العراق."):
        assert dated_claims(text) == [(2500, date(2024, 2, 10), None)], text
    text = ("وأمهلت الفصائل القوات الأمريكية حتى 20 شباط لمغادرة العراق. "
            "وفي ذلك اليوم تنتهي الهدنة التي أعلنتها كتائب حزب الله بعد 170 هجوما.")
    assert dated_claims(text) == [(170, date(2024, 2, 10), None)]
    # a month just over, or "الماضي", is reached
    assert dated_claims("وتعرضت القوات الأمريكية لـ 150 هجوما حتى كانون الثاني الماضي.") == [
        (150, date(2024, 1, 1), None)]


def test_a_when_clause_after_since_needs_an_aside_or_after():
    # an aside closed by a comma, or "بعد" before the figure, tells what happened at the date
    text = "ومنذ 2 شباط، حين ضربت القاذفات الأمريكية 85 هدفا، تراجعت الهجمات على القواعد الأمريكية."
    assert dated_claims(text) == [(85, date(2024, 2, 2), None)]
    # running to the sentence's end without "بعد", or "حتى الآن": a total since the date
    text = "ومنذ تشرين الأول الماضي، حين اندلعت الحرب في غزة تعرضت القوات الأمريكية لـ 170 هجوما."
    assert dated_claims(text) == [(170, date(2024, 2, 10), date(2023, 10, 1))]
    text = "ومنذ 17 تشرين الأول، عندما بدأت الهجمات التي تجاوز عددها حتى الآن 170 هجوما، لم تتمكن واشنطن من ردعها."
    assert dated_claims(text) == [(170, date(2024, 2, 10), date(2023, 10, 17))]


def test_a_since_date_in_a_later_clause_belongs_to_that_clause():
    text = ("تعرضت القواعد لـ 130 هجوماً منذ 17 تشرين الأول الماضي، بينما وصل عدد الهجمات على السفن "
            "إلى 27 هجوماً منذ 19 تشرين الثاني الماضي.")
    assert [(value, start) for value, _, start in dated_claims(text)] == [
        (130, date(2023, 10, 17)), (27, date(2023, 11, 19))]
    # a new statement's "since" ("لافتاً إلى أنه …") starts no period for the figure before it
    text = "وأشار إلى أن 66 جندياً أصيبوا جراء الهجمات، لافتاً إلى أنه لم يصب أي جندي منذ 7 كانون الأول."
    assert [start for _, _, start in dated_claims(text)] == [None]


def test_a_breakdown_shares_the_period_of_a_total_it_can_be_part_of():
    text = ("بلغ عدد الهجمات 130 هجوماً منذ 17 تشرين الأول.\n"
            "ووصل عدد الهجمات على السفن إلى 27 هجوماً منذ 19 تشرين الثاني.\n"
            "ووقع 77 هجوماً في سوريا مقابل 53 هجوماً في العراق.")  # 77 + 53 = 130, not shares of the 27
    assert [(value, start) for value, _, start in dated_claims(text)] == [
        (130, date(2023, 10, 17)), (27, date(2023, 11, 19)), (77, date(2023, 10, 17)), (53, date(2023, 10, 17))]


def test_an_aside_or_the_figure_itself_does_not_cut_its_period():
    # a comma right before "منذ" closes an aside; "إنها" points back to the attacks
    for text in ("وشنت الفصائل 150 هجوما على القوات الأمريكية في العراق وسوريا، ومعظمها بطائرات مسيرة، "
                 "منذ 17 تشرين الأول.",
                 "وتعرضت القوات الأمريكية لـ150 هجوما قال البنتاغون إنها وقعت منذ 17 تشرين الأول."):
        assert [(value, start) for value, _, start in dated_claims(text)] == [(150, date(2023, 10, 17))]


def test_an_update_that_is_no_breakdown_continues_the_latest_total():
    text = ("وتعرضت القواعد الأمريكية لـ130 هجوما منذ 17 تشرين الأول. كما تعرضت السفن في البحر الأحمر "
            "لـ27 هجوما منذ 19 تشرين الثاني. وارتفع عدد الهجمات على السفن لاحقا إلى 35 هجوما.")
    assert [(value, start) for value, _, start in dated_claims(text)] == [
        (130, date(2023, 10, 17)), (27, date(2023, 11, 19)), (35, date(2023, 11, 19))]


def test_since_the_start_of_the_year_or_month():
    assert dated_claims("وتعرضت القوات الأمريكية لأزيد من 40 هجوماً منذ مطلع العام في العراق.") == [
        (40, date(2024, 2, 10), date(2024, 1, 1))]
    assert dated_claims("وتعرضت القوات الأمريكية لستة هجمات على الأقل منذ مطلع العام الجديد.") == [
        (6, date(2024, 2, 10), date(2024, 1, 1))]
    assert dated_claims("وتعرضت القوات الأمريكية لستة هجمات منذ بداية الشهر.") == [
        (6, date(2024, 2, 10), date(2024, 2, 1))]
    # the school year is not the calendar year
    assert dated_claims("وتعرضت القوات الأمريكية لستة هجمات منذ بداية العام الدراسي.") == [
        (6, date(2024, 2, 10), None)]


def test_a_count_told_of_a_month_counts_from_the_month():
    text = ("وأظهرت إحصائية أمنية أن الأرتال تعرضت خلال كانون الأول الماضي لـ27 هجوماً، مقابل 19 هجوماً في "
            "تشرين الثاني.")
    assert dated_claims(text) == [(27, date(2023, 12, 1), date(2023, 12, 1)),
                                  (19, date(2023, 11, 1), date(2023, 11, 1))]


def test_a_period_does_not_start_after_its_figure():
    # the "منذ" of the first figure is not the period of the later months' counts
    text = "وتعرضت القوات الأمريكية لستة هجمات منذ مطلع الشهر، مقابل 27 هجوماً في كانون الثاني الماضي."
    assert dated_claims(text) == [(6, date(2024, 2, 10), date(2024, 2, 1)),
                                  (27, date(2024, 1, 1), date(2024, 1, 1))]


def test_a_headline_tells_the_story_of_the_day_the_body_states_first():
    text = ("مقتل 3 جنود أمريكيين بهجوم بمسيرة على قاعدة في الأردن\n"
            "قتل ثلاثة جنود أمريكيين فجر الأحد في هجوم بطائرة مسيرة.")
    sunday = date(2024, 2, 4)
    assert dated_claims(text) == [(3, sunday, None), (3, sunday, None)]
    # a title cut short with "..." is a headline too; a body sentence before the day is not
    assert dated_claims(text.replace("في الأردن\n", "في ...\n"))[0] == (3, sunday, None)
    text = "وأسفر القصف عن مقتل 3 جنود.\nوقال المتحدث أمس الجمعة إن التحقيق مستمر."
    assert dated_claims(text) == [(3, date(2024, 2, 10), None)]


def test_a_day_the_sentence_states_after_two_figures_dates_both():
    text = "قتل ثلاثة جنود أمريكيين وأصيب 34 آخرون، فجر الأحد، في هجوم بطائرة مسيرة."
    sunday = date(2024, 2, 4)
    assert dated_claims(text) == [(3, sunday, None), (34, sunday, None)]


def test_last_weeks_day_in_a_relative_clause_is_the_background_of_the_story():
    text = ("شنت الولايات المتحدة ليل الجمعة غارات على 85 هدفا، في أول رد على الهجوم الذي أودى بحياة "
            "ثلاثة جنود في الأردن الأحد الماضي. وقالت القيادة المركزية إن الغارات طالت سبع منشآت.")
    assert dated_claims(text)[-1] == (7, date(2024, 2, 9), None)  # Friday's strikes, not last Sunday's attack
    # a day in a relative clause that comes first is the story's day: "الغارات التي استهدفت مساء أمس"
    text = ("أعلن الحشد الشعبي مقتل أربعة من مقاتليه في الغارات التي استهدفت مساء أمس مواقعه. "
            "وقال إن الغارات طالت ثلاث منشآت.")
    friday = date(2024, 2, 9)
    assert dated_claims(text) == [(4, friday, None), (3, friday, None)]


def test_a_date_in_the_figures_own_clause_beats_a_nearer_one_in_the_clause_before():
    text = ("وتعرضت القاعدة لهجوم بطائرتين مسيرتين في 17 كانون الثاني، ثم لهجوم بأربعة صواريخ كاتيوشا "
            "في 25 من الشهر ذاته.")
    assert dated_claims(text) == [(2, date(2024, 1, 17), None), (4, date(2024, 1, 25), None)]


def test_a_level_in_a_present_relative_clause_is_as_of_publication():
    text = ("وأمر الوزير في 31 كانون الثاني بإرسال حاملة طائرات إلى المنطقة، التي ينتشر فيها ما يزيد على "
            "40 ألف جندي أمريكي.")
    assert dated_claims(text) == [(40000, date(2024, 2, 10), None)]


def test_the_weekday_of_a_dateline_is_not_a_story_day():
    text = "إصابة 5 عسكريين أمريكيين بهجوم صاروخي\nالثلاثاء 06-08-2024 09:40\nتعرضت القاعدة مساء الاثنين لهجوم."
    assert dated_claims(text, published=None) == [(5, date(2024, 8, 5), None)]


def test_a_year_less_date_under_an_inferred_year_is_known_to_the_year_at_best():
    # no date but "بايدن": the article is from 2021 or later, so "31 تشرين الأول" may be 2021's or any later one
    text = "وقال الرئيس جو بايدن إن القوات الأمريكية تعرضت لـ27 هجوما بين 17 و31 تشرين الأول الماضي."
    rows = extract_document(Document("t", "t.txt", text, "utf-8", "", None, None, None, None, None)).claims
    assert [(c["value"], c["as_of"].year, c["as_of_precision"]) for c in rows] == [(27, 2021, "year")]
    # with the day of publication known, the same sentence is dated to the day
    assert dated_claims(text, published="2023-11-01") == [(27, date(2023, 10, 31), date(2023, 10, 17))]


def test_troops_sent_as_the_story_tells_are_a_change_on_the_story_day():
    story = "عقد الرئيس اجتماعاً مع قادة الجيش أمس الجمعة لبحث الوضع في العراق. "
    sent = story + "ووافق الرئيس على إرسال 450 عسكرياً إضافياً إلى العراق."
    assert dated_claims(sent) == [(450, date(2024, 2, 9), None)]
    to_come = story + "وبحسب المصدر، سيُنقل نحو 300 عسكري من عين الأسد إلى أربيل."
    assert dated_claims(to_come) == [(300, date(2024, 2, 10), None)]
    before = story + "ورفع البنتاغون قواته في المنطقة، بعد إرسال نحو 4 آلاف جندي إضافي."
    assert dated_claims(before) == [(4000, date(2024, 2, 10), None)]


def test_a_count_since_the_invasion_starts_in_march_2003():
    invasion = date(2003, 3, 20)
    assert dated_claims("وقتل 4474 عسكرياً أميركياً في العراق منذ الغزو.", "2011-12-19") == \
        [(4474, date(2011, 12, 19), invasion)]
    # "the war" is that war only in the years it lasted: in 2024 it is another one
    assert dated_claims("وقتل 4474 عسكرياً أميركياً في العراق منذ بدء الحرب.", "2011-12-19") == \
        [(4474, date(2011, 12, 19), invasion)]
    assert dated_claims("وقتل 30 ألف شخص منذ بدء الحرب.", SATURDAY) == [(30000, date(2024, 2, 10), None)]
    assert dated_claims("وقتل 500 شخص منذ الغزو الروسي.", SATURDAY) == [(500, date(2024, 2, 10), None)]


def test_casualties_over_a_month_count_from_its_start():
    may = date(2023, 5, 1)
    assert dated_claims("قتل 127 جندياً أمريكياً في العراق خلال شهر أيار، بحسب تعداد للوكالة.") == [(127, may, may)]
