"""Publication dates: catalog, dateline, inference from the text, page header — with honest precision."""

from datetime import date

from analysis.arabic import normalize
from analysis.dates import find_dates
from analysis.published import Published, publication_date, read_mention

TODAY = date(2026, 11, 22)


def published(text: str, catalog: str | None = None, header: str | None = None, url: str | None = None):
    view = normalize(text).text
    return publication_date(view, find_dates(view), catalog, header, today=TODAY, url=url)


def test_catalog_wins():
    result = published("الاثنين 03 شباط 2025\nنص الخبر.", catalog="2025-02-04")
    assert (result.value, result.precision, result.basis) == (date(2025, 2, 4), "day", "catalog")


def test_dateline_with_time():
    result = published("الثلاثاء، 21 يناير 2020 - 12:31 ص\n\nسقطت ثلاثة صواريخ.")
    assert (result.value, result.precision, result.basis) == (date(2020, 1, 21), "day", "dateline")


def test_photo_caption_date_is_not_a_dateline():
    text = ("عنوان\n\nفرقة مدرعة أميركية تعبر من الكويت باتجاه الحدود العراقية بعد توغل داخل العراق. "
            "21 مارس 2003 | REUTERS\nوفي عام 2014 عادت القوات الأمريكية.")
    assert published(text).basis != "dateline"


def test_a_masthead_with_the_hijri_date_first_is_a_dateline():
    text = ("الأهرام\nالأربعاء ٣ من ربيع الآخر ١٤٤٢ هــ ١٨ نوفمبر ٢٠٢٠ السنة ١٤٥ العدد ٤٨٩٤٥\n\n"
            "أعلن الوزير أمس أن بلاده خفضت قواتها في سبتمبر الماضي.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2020, 11, 18), "day", "dateline")


def test_a_site_header_that_the_body_contradicts_is_not_the_dateline():
    # the header shows the day the page was saved, a Sunday; the article speaks of "today, Wednesday"
    text = ("شفق نيوز\nالأحد، 9 حزيران 2024\n\nأفاد مصدر أمني فجر اليوم الأربعاء 22 تشرين الثاني بمقتل "
            "خمسة عناصر بقصف أمريكي، في أحدث رد على هجمات بدأت في 17 تشرين الأول 2023.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2023, 11, 22), "day", "inferred")
    # "yesterday, Friday 27 December" cannot be the day before Monday 14 February
    text = ("السومرية نيوز\nالاثنين 14 شباط 2022\n\nقتل متعاقد مدني أمريكي مساء أمس الجمعة 27 كانون الأول "
            "بهجوم صاروخي على قاعدة K1، بعد هجمات بدأت في تشرين الأول 2019.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2019, 12, 28), "day", "inferred")
    # no June of 2024 had a Sunday the 27th: the strikes, under Biden, were in 2021
    text = ("الشروق أونلاين\nالخميس 03 أكتوبر 2024\n\nشنت الولايات المتحدة ليل الأحد 27 جوان/يونيو ضربات "
            "جوية بأمر من الرئيس جو بايدن على الحدود بين العراق وسوريا.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2021, 6, 1), "month", "inferred")


def test_a_header_the_body_agrees_with_stays_the_dateline():
    for body in ("أفاد مصدر أمني فجر اليوم الأربعاء بمقتل خمسة عناصر.", "قال مسؤول أمس الثلاثاء إن الهجوم فشل.",
                 "وكانت ضربات الأحد 19 تشرين الثاني قد استهدفت مقرين.", "وسيزور الوزير بغداد الأحد 26 تشرين الثاني."):
        result = published(f"الأربعاء، 22 تشرين الثاني 2023\n\n{body}")
        assert (result.value, result.basis) == (date(2023, 11, 22), "dateline"), body


def test_a_site_header_above_the_dateline_is_not_it():
    # a saved page: the header shows the day it was saved, the dateline under the headline the article's
    text = ("النهار العربي\nالأحد 26 تشرين الأول 2025\n\nعين الأسد في عهدة العراقيين\n\nبغداد - النهار\n"
            "السبت 20 أيلول 2025 - 09:41\n\nتسلمت القوات العراقية قاعدة فيكتوري بعد مغادرة آخر الجنود.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2025, 9, 20), "day", "dateline")
    # the header is denied by "أمس الاثنين"; the dateline under it is not
    text = ("عنب بلدي\nالسبت 14 كانون الأول 2019 | آخر تحديث 09:41\n\nقافلة أمريكية تعبر إلى العراق\n\n"
            "عنب بلدي – الحسكة\nالثلاثاء 22 تشرين الأول 2019\n\nعبرت قافلة عسكرية أمريكية صباح أمس الاثنين "
            "الحدود إلى إقليم كردستان.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2019, 10, 22), "day", "dateline")
    # two mastheads: the later year of the header does not make the article's own date "old"
    text = ("جريدة الرياض\nالاثنين ٢٠ رجب ١٤٤٦هـ - ٢٠ يناير ٢٠٢٥م\n\nدوليات\n\nمقتل ٤ مدنيين بصواريخ على أربيل\n\n"
            "الثلاثاء ٤ رجب ١٤٤٥هـ - ١٦ يناير ٢٠٢٤م\n\nقتل أربعة مدنيين ليل الاثنين في أربيل.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 1, 16), "day", "dateline")


def test_a_contradicted_header_with_nothing_else_to_go_on_stays_as_the_header():
    result = published("الأحد، 9 حزيران 2024\n\nأفاد مصدر أمني فجر اليوم الأربعاء بمقتل خمسة عناصر.")
    assert (result.value, result.precision, result.basis) == (date(2024, 6, 9), "day", "header")


def test_a_plan_for_a_later_year_does_not_unseat_the_dateline():
    text = "بغداد - 12 تشرين الأول 2025\n\nقال مسؤول إن نحو 2500 جندي سينسحبون بحلول أيلول 2026."
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2025, 10, 12), "day", "dateline")
    # a later year reported as past still means the top date is a caption's, not the dateline
    assert published("بغداد - 12 تشرين الأول 2025\n\nوانسحب 2500 جندي في أيلول 2026.").basis != "dateline"


def test_yesterday_with_a_weekday_and_a_sitting_official_gives_the_day():
    # McKenzie led CENTCOM 2019-2022; of those years 9 September fell on a Wednesday only in 2020.
    text = "أعلن الجنرال فرانك ماكينزي اليوم الأربعاء 9 أيلول/ سبتمبر تقليص الوجود العسكري."
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2020, 9, 9), "day", "inferred")


def test_last_year_words_move_the_publication_into_the_next_year():
    text = ("أوضح المتحدث أن القوات استُهدفت بـ 130 هجوماً منذ 17 تشرين الأول من العام الماضي، "
            "وأن الحوثيين نفذوا هجمات منذ 7 كانون الأول الماضي.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 1, 1), "month", "inferred")


def test_a_sitting_president_bounds_the_year():
    text = "وقال الرئيس الأمريكي جو بايدن إن الحوار مع العراق سيستأنف. وكان الانسحاب قد بدأ أواخر العام 2019."
    result = published(text)
    assert (result.value.year, result.precision, result.basis) == (2021, "year", "inferred")


def test_page_header_date_only_as_a_last_resort():
    result = published("نص بلا تاريخ عن القوات الأمريكية.", header="• Saturday, 07 February 2026")
    assert (result.value, result.basis) == (date(2026, 2, 7), "header")


def test_nothing_to_go_on():
    result = published("نص بلا تاريخ عن القوات الأمريكية.")
    assert (result.value, result.precision, result.basis) == (None, "none", "none")


def test_metadata_timestamp_gives_its_day():
    # an HTML page's article:published_time, as the corpus reader passes it on
    result = published("نص الخبر.", catalog="2024-01-21T10:15:00+03:00")
    assert (result.value, result.precision, result.basis) == (date(2024, 1, 21), "day", "catalog")


def test_a_missing_space_before_since_still_dates_the_campaign():
    # "هجومامنذ": the count of attacks "since 17 October" is the 2023 campaign; of the years since,
    # 17 November fell on a Friday in 2023 only (up to TODAY), so "yesterday" was Saturday the 18th.
    text = "أفاد مسؤول أمس الجمعة 17 تشرين الثاني بأن القوات الأمريكية استُهدفت بـ 61 هجومامنذ 17 تشرين الأول."
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2023, 11, 18), "day", "inferred")


def test_a_month_called_last_is_over():
    # the campaign "since 17 October" began in 2023; "الماضي" says that October is over
    result = published("وتعرضت القوات الأمريكية لـ 40 هجوما منذ 17 تشرين الأول الماضي.")
    assert (result.value, result.precision, result.basis) == (date(2023, 11, 1), "month", "inferred")


def test_an_embedded_post_dates_the_article():
    text = "وقال أوستن إن الضربات جاءت ردا على الهجمات.\n— Lloyd J. Austin III (@SecDef) December 26, 2023"
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2023, 12, 1), "month", "inferred")


def test_a_deadline_is_not_a_past_date_even_across_a_line_break():
    text = ("وأكد البيان أن مهمة التحالف ستنتهي في غضون 12 شهرا، على ألا يتجاوز ذلك\n"
            "نهاية أيلول 2025. وكان الاتفاق قد أبرم في آب 2024.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 8, 1), "month", "inferred")


def test_each_yearless_date_is_placed_from_the_stated_years_not_from_another():
    # from October 2023 on: 4 February is 2024, 18 October is 2023 (not 2024, after the February)
    text = ("وقالت المتحدثة سابرينا سينغ إن القواعد لم تتعرض لأي هجوم منذ 4 شباط، بعد هجمات بدأت منذ "
            "تشرين الأول 2023. وأصيب 146 جنديا بين قتيل وجريح منذ 18 تشرين الأول.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 2, 1), "month", "inferred")


def test_a_day_the_month_lacks_is_no_error():
    # 29 February of a year that has none, 31 April: not dates, and nothing fails
    for text in ("وقال الرئيس جو بايدن إن الهجوم وقع في 29 شباط.", "وقال الرئيس جو بايدن إن الهجوم وقع في 31 نيسان."):
        result = published(text)
        assert (result.value, result.precision, result.basis) == (date(2021, 1, 1), "year", "inferred")


def test_only_a_post_signature_date_counts_among_english_dates():
    text = "(@DeptofDefense) The coalition mission in Iraq will end by September 30, 2026\nوقع الهجوم في كانون الثاني 2024"
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 1, 1), "month", "inferred")


def test_an_attack_adjective_is_not_the_campaign():
    # "هجومية" (attack aircraft) is not "هجوما": nothing here dates the text after March 2021
    text = "وتشارك مقاتلات هجومية أمريكية منذ 17 تشرين الأول، بحسب تقرير صدر في آذار 2021."
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2021, 10, 1), "month", "inferred")


def test_a_future_date_at_the_head_of_a_wrapped_line():
    text = "قال المسؤول إن القوات ستنسحب من العراق\nفي أيلول 2025، بموجب الاتفاق. وكان الهجوم قد وقع في كانون الثاني 2024."
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 1, 1), "month", "inferred")


def test_until_is_a_deadline_only_while_ahead():
    text = "تعرضت القوات لهجمات منذ 17 تشرين الأول وحتى 4 شباط، وستبقى في أربيل حتى أيلول 2026."
    view = normalize(text).text
    since, until_february, until_september = find_dates(view)
    february_10 = Published(date(2024, 2, 10), "day", "catalog")
    future, resolved = read_mention(view, until_february, february_10, since)
    assert (future, resolved.value) == (False, date(2024, 2, 4))  # a period closed, not a deadline
    assert read_mention(view, until_september, february_10, until_february)[0]  # ahead, told in the future
    # in an article known only to be of March, a period may end on 4 February
    assert not read_mention(view, until_february, Published(date(2024, 3, 1), "month", "inferred"), since)[0]


def test_a_year_less_until_alone_is_a_deadline_unless_it_was_days_ago():
    view = normalize("أمهلت الفصائل القوات حتى 20 شباط، بعد 170 هجوما حتى 4 شباط.").text
    deadline, count_until = find_dates(view)
    february_10 = Published(date(2024, 2, 10), "day", "catalog")
    future, resolved = read_mention(view, deadline, february_10)
    assert (future, resolved.value) == (True, date(2024, 2, 20))
    future, resolved = read_mention(view, count_until, february_10, deadline)
    assert (future, resolved.value) == (False, date(2024, 2, 4))
    # read in June, "حتى 20 شباط" is next February's deadline, not one four months past
    future, resolved = read_mention(view, deadline, Published(date(2024, 6, 10), "day", "catalog"))
    assert (future, resolved.value) == (True, date(2025, 2, 20))


def test_a_deadline_with_a_part_of_the_month_does_not_date_the_article():
    text = "وقال المتحدث إن القوات الأمريكية لن تنسحب من العراق قبل نهاية أيلول 2025، وإن عددها سيبقى 2500 جندي."
    assert published(text).value is None
    text = "وقال المتحدث إن القوات ستنسحب بحلول نهاية أيلول 2025، بعد هجوم 28 كانون الثاني 2024."
    result = published(text)
    assert (result.value, result.precision) == (date(2024, 1, 1), "month")


def test_wont_before_or_after_a_year_is_a_deadline():
    for text in ("وأكدت واشنطن أن قواتها لن تبقى في بغداد بعد أيلول 2025، وأن عددها سينخفض إلى 2000 جندي.",
                 "وأكد المتحدث أن القوات الأمريكية لن تنسحب كما كان مقررا قبل أيلول 2025، وأن عددها سيبقى 2500 جندي."):
        assert published(text).value is None, text
    # "لن تعود إلى ما كانت عليه قبل …" looks back
    text = "وقال إن العلاقات لن تعود إلى ما كانت عليه قبل 7 تشرين الأول 2023."
    assert published(text).value == date(2023, 10, 1)


def test_a_year_the_article_compares_itself_with_is_over():
    # no dateline; "يوم 29 آب" is placed after the year it compares with ("مقارنة بعام 2023")
    text = ("أعلنت القيادة المركزية اليوم الجمعة أن غارة نفذت يوم 29 آب/أغسطس أسفرت عن مقتل 15 مسلحا. "
            "وتبنى التنظيم 153 هجوما خلال الأشهر الستة الأولى من العام الجاري، ما يضعه على مسار مضاعفة "
            "هجماته مقارنة بعام 2023.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 8, 1), "month", "inferred")
    # the same year named as an event's year is only a lower bound
    assert published(text.replace("مقارنة بعام 2023", "منذ عام 2023")).value.year == 2023


def test_a_landmark_event_bounds_an_undated_article():
    # Sudani took office in October 2022, so "الثاني من فيفري الجاري" alone would be February 2023; Tower 22
    # was attacked on 28 January 2024, so the article is from February 2024
    text = ("وأعلن رئيس الوزراء محمد شياع السوداني في الثاني من فيفري الجاري رفض الضربات، بعد أن توعدت واشنطن "
            "بالرد على هجوم استهدف موقع البرج 22 في الأردن.")
    result = published(text)
    assert (result.value, result.precision, result.basis) == (date(2024, 2, 1), "month", "inferred")
    assert published(text.replace("البرج 22", "موقعا")).value == date(2023, 2, 1)


# An article written in 2007 about May 2007: its text says no more than "after May 2007"
_MAY_TOLL = "قتل 127 جندياً أمريكياً في العراق خلال شهر ماي 2007، بحسب تعداد لوكالة فرانس برس."


def test_the_day_an_address_files_the_article_under_dates_it():
    result = published(_MAY_TOLL, url="https://www.elkhabar.com/press/article/2007/06/01/monde/127-soldats/")
    assert (result.value, result.precision, result.basis) == (date(2007, 6, 1), "day", "url")
    by_month = published(_MAY_TOLL, url="https://example.com/news/2007/06/iraq-toll")
    assert (by_month.value, by_month.precision, by_month.basis) == (date(2007, 6, 1), "month", "url")


def test_an_address_without_a_date_says_nothing():
    for url in ("https://www.alraimedia.com/article/312457/x", "https://x.com/2024/13/01/x", "https://x.com/id/20240203"):
        assert published(_MAY_TOLL, url=url).basis == "inferred"


def test_the_catalog_and_the_dateline_come_before_the_address():
    address = "https://example.com/2020/01/25/rockets"
    assert published(_MAY_TOLL, catalog="2007-06-02", url=address).basis == "catalog"
    dateline = published("الثلاثاء، 21 يناير 2020 - 12:31 ص\n\nسقطت ثلاثة صواريخ.", url=address)
    assert (dateline.value, dateline.basis) == (date(2020, 1, 21), "dateline")


def test_a_saved_page_is_dated_by_its_address(tmp_path):
    from analysis.tables import build_tables

    page = ("<!doctype html><html><head><title>حصيلة أيار</title>"
            '<meta property="og:url" content="https://www.example.com/iraq/2007/06/01/may-toll"></head>'
            f"<body><article><h1>حصيلة أيار</h1><p>{_MAY_TOLL}</p></article></body></html>")
    (tmp_path / "may.html").write_text(page, encoding="utf-8")
    article = build_tables([tmp_path]).articles.iloc[0]
    assert (str(article["published"])[:10], article["published_basis"]) == ("2007-06-01", "url")
