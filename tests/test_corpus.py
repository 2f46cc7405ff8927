"""Tests for analysis.corpus: decoding, HTML/JSONL reading, catalog, and page-chrome cleaning."""

from __future__ import annotations

import hashlib
import json
import os
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from analysis import corpus
from analysis.corpus import (
    MAX_BYTES, CatalogEntry, Document, InputError, Problem, clean_text, iter_documents, read_catalog,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "data" / "corpus"

ARABIC = "قال مسؤول أمريكي إن نحو 2500 جندي ما زالوا في العراق.\n\nوأضاف أن الانسحاب سيكتمل في أيلول 2026."


def read_all(paths, catalog=None, **kw) -> tuple[list[Document], list[Problem]]:
    items = list(iter_documents(paths, catalog, **kw))
    return [d for d in items if isinstance(d, Document)], [p for p in items if isinstance(p, Problem)]


def one_doc(path, **kw) -> Document:
    docs, problems = read_all(path, **kw)
    assert len(docs) == 1, problems
    return docs[0]


def seed(name: str) -> Document:
    return one_doc(next(SEEDS.glob(f"{name}_*.txt")))


# ------------------------------------------------------------------------------------------
# Seeds


def test_seed_002_distributor_footer_removed():
    doc = seed("002")
    for gone in ("6500", "86000", "3.5", "SeaPRwire", "seaprwire", "القطاعات", "مزود محتوى خارجي", "يدعم"):
        assert gone not in doc.text
    assert doc.text.startswith("من المتوقع أن يواصل مسؤولون عسكريون")
    assert "بحوالي 2500 جندي" in doc.text and "لأكثر من 60 هجومًا" in doc.text
    assert doc.text.endswith("قال المسؤول الأمريكي.")


def test_seed_001_title_once_and_trailing_blocks_gone():
    doc = seed("001")
    assert doc.text.count("الوجود الأميركي بالعراق على المحك") == 1
    assert doc.text.startswith("الوجود الأميركي بالعراق على المحك")
    for gone in ("شاهد أيضاً", "اترك تعليقاً", "أقرأ أيضاً", "لن يتم نشر", "hasan jaffar", "المونيتور",
                 "البرج الأمريكية", "عدم الانحياز"):
        assert gone not in doc.text
    assert "لنحو 150 هجوماً" in doc.text
    assert doc.text.rstrip().endswith("سونا نيوز")
    assert doc.outlet == "سونا نيوز"


def test_seed_003_header_date_moved_out_of_text():
    doc = seed("003")
    assert doc.header_date == "• Saturday, 07 February 2026"
    assert "Saturday" not in doc.text and "2026" not in doc.text
    lines = doc.text.split("\n")
    assert "logo" not in lines and "Top" not in lines
    assert doc.text.count("واشنطن تكشف موعد استئناف الحوار الاستراتيجي مع بغداد") == 1
    assert doc.outlet == "باسنيوز"


def test_seed_000_chrome_removed_dateline_kept():
    doc = seed("000")
    for gone in ("Skip to main content", "حمل تطبيق", "skypressiq", "الأكثر قراءة"):
        assert gone not in doc.text
    assert "المشهد السياسي الاثنين 03 شباط 2025 الساعة 22:41 مساءً (عدد المشاهدات 64)" in doc.text
    assert doc.header_date is None  # the dateline sits below the headline
    assert doc.outlet == "سكاي برس"
    assert doc.text.endswith("عبر صواريخ موجهة ودقيقة.")


def test_seed_004_comment_form_and_repeat_removed():
    doc = seed("004")
    assert "Leave a Reply" not in doc.text and "Your email address" not in doc.text
    assert doc.text.count("بايدن يستضيف رئيس الوزراء العراقي") == 1
    assert "القوات الأمريكية في العراق\n" in doc.text  # a subheading stays
    assert doc.text.endswith("تسمى قوات الحشد الشعبي.")


@pytest.mark.parametrize("name, title", [
    ("000", "مصدر حكومي: بغداد تستعد لزيارة مسؤول أمريكي رفيع المستوى لبحث ملفات عسكرية واستراتيجية"),
    ("001", 'الوجود الأميركي بالعراق على المحك .. واشنطن وبغداد " قاب قوسين أو أدنى"'),
    ("002", None),  # a press release without a headline
    ("003", "واشنطن تكشف موعد استئناف الحوار الاستراتيجي مع بغداد"),
    ("004", "بايدن يستضيف رئيس الوزراء العراقي الكاظمي في البيت الابيض"),  # " | أخبار السياسة" dropped
])
def test_seed_titles(name, title):
    assert seed(name).title == title


def test_seed_ids_hashes_and_order():
    docs, problems = read_all(SEEDS)
    assert problems == []
    assert [d.article_id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    first = docs[0]
    assert first.article_id == "000_ffb755aa3aec9db9"
    assert first.sha256 == hashlib.sha256((SEEDS / "000_ffb755aa3aec9db9.txt").read_bytes()).hexdigest()
    assert first.encoding == "utf-8" and first.url is None and first.published is None


# ------------------------------------------------------------------------------------------
# Development corpus


def test_every_gold_quote_survives_cleaning():
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    cleaned = {d.article_id + ".txt": d.text for d in read_all(CORPUS / "texts")[0]}
    for (file, quote), _ in Counter((g["file"], g["quote"]) for g in gold).items():
        raw = (CORPUS / "texts" / file).read_text(encoding="utf-8")
        assert quote in cleaned[file], (file, quote)
        assert cleaned[file].count(quote) == raw.count(quote), (file, quote)  # repeats are separate claims


def test_corpus_with_catalog():
    catalog, problems = read_catalog(CORPUS / "catalog.csv")
    assert problems == [] and len(catalog) == 42
    docs, problems = read_all(CORPUS / "texts", catalog)
    assert problems == [] and len(docs) == 42
    by_id = {d.article_id: d for d in docs}
    assert by_id["dev_A_03"].published == "2021-02-16" and by_id["dev_A_03"].outlet == "arabicpost.net"
    assert by_id["dev_A_01"].published is None
    # page-header dates above the headline are not publication dates; they leave the text
    assert by_id["dev_A_09"].header_date == "الثلاثاء، 30 أبريل 2024"
    assert by_id["dev_A_15"].header_date == "السبت - ١٦ / نوفمبر / ٢٠٢٤"
    assert "٢٠٢٤" not in by_id["dev_A_15"].text
    # a date line with no headline under it is the article's dateline and stays
    assert by_id["dev_A_02"].header_date is None
    assert by_id["dev_A_02"].text.startswith("الثلاثاء، 21 يناير 2020 - 12:31 ص")
    assert by_id["dev_A_15"].text.count("مليشيات إيران تشن الهجوم الرابع والثمانين") == 1
    assert "1٬356" in by_id["dev_A_08"].text  # view counters are left for the extractor to ignore
    assert "تابعونا على فيسبوك" not in by_id["dev_A_19"].text
    assert "ShoroukNews" not in by_id["dev_B_21"].text and "طُبع هذا المحتوى" not in by_id["dev_B_21"].text
    assert "الانتقال إلى المحتوى" not in by_id["dev_B_04"].text
    assert by_id["dev_B_18"].text.count("السوداني يدعم استمرار الوجود العسكري الأميركي في العراق") == 1
    assert "300\nجندي إضافي" in by_id["dev_A_07"].text  # line breaks inside sentences are kept


def test_outlets_detected_without_catalog():
    docs, _ = read_all(CORPUS / "texts")
    outlets = {d.article_id: d.outlet for d in docs}
    assert outlets["dev_A_10"] == "نورث برس"
    assert outlets["dev_B_21"] == "الشروق"  # from the print footer
    assert outlets["dev_B_06"] == "الشرق"  # "دبي - الشرق"
    assert outlets["dev_B_01"] is None  # editor initials are not an outlet


def test_metadata_jsonl_in_a_folder_gives_one_problem():
    docs, problems = read_all(CORPUS / "gold.jsonl")
    assert docs == []
    assert len(problems) == 1 and problems[0].stage == "parse" and "gold.jsonl" in problems[0].message


def test_clean_text_is_fast_and_idempotent():
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "texts").glob("*.txt"))]
    start = time.perf_counter()
    cleaned = [clean_text(t)[0] for t in texts]
    assert (time.perf_counter() - start) / len(texts) < 0.02  # ~1 ms; generous for slow CI
    assert [clean_text(c)[0] for c in cleaned] == cleaned


# ------------------------------------------------------------------------------------------
# clean_text patterns beyond the literal seed strings


@pytest.mark.parametrize("heading", [
    "اقرأ أيضاً:", "اقرأ ايضا:", "إقرأ أيضًا", "اقرا ايضا", "أقرأ أيضا", "شاهد ايضاً", "شاهد أيضا:",
    "الأكثر قراءة", "الاكثر قراءه", "مواضيع ذات صلة", "اخبار ذات صلة", "Related Posts", "Read also",
])
def test_read_also_block_variants(heading):
    text = (f"عنوان الخبر عن القوات الأمريكية\n\n{ARABIC}\n\n{heading}\n\n"
            "رابط أول عن 5000 جندي\nرابط ثان عن 7000 صاروخ؟\n")
    cleaned, title, _ = clean_text(text)
    assert cleaned == "عنوان الخبر عن القوات الأمريكية\n\n" + ARABIC
    assert title == "عنوان الخبر عن القوات الأمريكية"


def test_read_also_block_stops_at_next_paragraph():
    text = f"{ARABIC}\n\nاقرأ أيضاً: رابط عن 4000 جندي\n\nوتابع المسؤول أن القوات ستبقى في أربيل حتى نهاية العام المقبل."
    cleaned = clean_text(text)[0]
    assert "4000" not in cleaned and cleaned.endswith("حتى نهاية العام المقبل.")


@pytest.mark.parametrize("line", [
    "اترك تعليقاً", "اترك تعليقا", "أضف تعليقاً", "Leave a Reply", "باب التعليقات مغلق.",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "Your email address will not be published. Required fields are marked *",
    "حمل تطبيق الموقع على جوالك", "حمّل التطبيق الآن", "تابعونا على تلغرام", "Skip to main content", "Top",
    "logo", "تفعيل الوضع المظلم", "عن John Smith", "جميع الحقوق محفوظة © 2024",
])
def test_chrome_lines_removed(line):
    cleaned = clean_text(f"{ARABIC}\n\n{line}\n")[0]
    assert cleaned == ARABIC


def test_press_release_tag_and_footer():
    text = ("(SeaPRwire) –   تحتفظ الولايات المتحدة بحوالي 2500 جندي في العراق وفقا لمسؤول أمريكي.\n"
            "يتم توفير المقال من قبل مزود محتوى خارجي. لا تقدم SeaPRwire أي ضمانات.\n"
            "القطاعات: الأخبار اليومية\n"
            "يوفر SeaPRwire تداول بيانات صحفية لأكثر من 6500 متجر إعلامي و 86000 محرر وصحفي.")
    assert clean_text(text)[0] == "تحتفظ الولايات المتحدة بحوالي 2500 جندي في العراق وفقا لمسؤول أمريكي."


def test_repeated_title_with_other_quotes_and_outlet_tag():
    text = ('واشنطن وبغداد " قاب قوسين"\n\nواشنطن وبغداد ” قاب قوسين”\nالمغرب اليوم - واشنطن وبغداد " قاب قوسين"\n\n'
            f"{ARABIC}\n\nواشنطن وبغداد  “قاب قوسين”")
    cleaned, title, _ = clean_text(text)
    assert cleaned == f'واشنطن وبغداد " قاب قوسين"\n\n{ARABIC}'
    assert title == 'واشنطن وبغداد " قاب قوسين"'


def test_blank_runs_and_trailing_spaces():
    cleaned = clean_text("سطر أول من الخبر هنا   \n\n\n\n \u00a0\n\nسطر ثان من الخبر\t\n")[0]
    assert cleaned == "سطر أول من الخبر هنا\n\nسطر ثان من الخبر"


# ------------------------------------------------------------------------------------------
# Decoding


@pytest.mark.parametrize("encoding, raw", [
    ("utf-8", ARABIC.encode("utf-8")),
    ("utf-8-sig", ARABIC.encode("utf-8-sig")),
    ("utf-16", b"\xff\xfe" + ARABIC.encode("utf-16-le")),
    ("utf-16", b"\xfe\xff" + ARABIC.encode("utf-16-be")),
    ("cp1256", ARABIC.encode("cp1256")),
])
def test_encodings(tmp_path, encoding, raw):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    docs, problems = read_all(path)
    assert problems == []
    assert docs[0].text == ARABIC and docs[0].encoding == encoding
    assert docs[0].sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr(tmp_path, newline):
    path = tmp_path / "a.txt"
    path.write_bytes(ARABIC.replace("\n", newline).encode("utf-8"))
    text = one_doc(path).text
    assert text == ARABIC and "\r" not in text


def test_invalid_utf8_bytes_are_replaced_and_reported(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(ARABIC.encode("utf-8") + b"\n\xff\xfe\xfa tail text")
    docs, problems = read_all(path)
    assert docs[0].encoding == "utf-8" and "\ufffd\ufffd\ufffd tail text" in docs[0].text
    assert [p.stage for p in problems] == ["decode"]
    assert "3 byte(s)" in problems[0].message and str(path) in problems[0].message


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\r\n\t ")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")
    docs, problems = read_all(tmp_path)
    assert docs == [] and len(problems) == 3
    assert all(p.stage == "read" and "empty" in p.message for p in problems)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    docs, problems = read_all(path)
    assert docs == [] and len(problems) == 1
    assert problems[0].stage == "decode" and "binary" in problems[0].message and "image.txt" in problems[0].message


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(ARABIC.encode("utf-8"))
    docs, problems = read_all(path, max_bytes=10)
    assert docs == [] and problems[0].stage == "read" and "max_bytes" in problems[0].message
    assert one_doc(path).text == ARABIC and MAX_BYTES == 20 * 1024 * 1024


def test_only_article_text_left_is_a_clean_problem(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("Skip to main content\nLeave a Reply\nTop\n", encoding="utf-8")
    docs, problems = read_all(path)
    assert docs == [] and [p.stage for p in problems] == ["clean"]


# ------------------------------------------------------------------------------------------
# HTML


def test_html_visible_text_only(tmp_path):
    html = """<!DOCTYPE html><html><head><meta charset="utf-8">
    <title>القوات الأمريكية تغادر | موقع الأخبار</title><meta property="og:site_name" content="موقع الأخبار">
    <style>.a { width: 9911px }</style><script>var n = 7777;</script></head>
    <body><header><nav><a href="/">الرئيسية</a> 5555</nav></header>
    <main><article><header><h1>القوات الأمريكية تغادر قاعدة عين الأسد</h1></header>
    <p>قال مسؤول إن&nbsp;2500 جندي &amp; 900 آخرين<br>سيغادرون.</p><!-- 4444 -->
    <div hidden>3333</div><p>فقرة <b>ثانية</b> هنا.</p><aside>6666</aside><form>8888</form>
    </article></main><footer>1212</footer><noscript>1313</noscript><template>1414</template></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = one_doc(path)
    for hidden in ("9911", "7777", "5555", "4444", "3333", "6666", "8888", "1212", "1313", "1414", "<", "&amp;"):
        assert hidden not in doc.text
    assert doc.text == "القوات الأمريكية تغادر قاعدة عين الأسد\n\nقال مسؤول إن 2500 جندي & 900 آخرين\nسيغادرون.\n\nفقرة ثانية هنا."
    assert doc.title == "القوات الأمريكية تغادر قاعدة عين الأسد" and doc.outlet == "موقع الأخبار"


def test_html_title_tag_is_a_fallback_title(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text("<html><head><title>انسحاب التحالف من بغداد | الموقع</title></head>"
                    f"<body><p>{ARABIC}</p></body></html>", encoding="utf-8")
    doc = one_doc(path)
    assert doc.title == "انسحاب التحالف من بغداد" and doc.text == ARABIC.replace("\n\n", " ")


# ------------------------------------------------------------------------------------------
# JSONL


def test_jsonl_lines(tmp_path):
    lines = [
        json.dumps({"text": ARABIC, "url": "https://x.example/1", "outlet": "X", "published": "2024-01-02"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"url": "https://x.example/3"}),
        json.dumps({"text": "عنوان\n\n" + ARABIC, "file": "../../etc/سري مقال.txt", "outlet": "Y"}, ensure_ascii=False),
        "",
        json.dumps(["a list"]),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalog = {"سري مقال.txt": CatalogEntry("سري مقال.txt", None, "Catalog outlet", "2023-05")}
    docs, problems = read_all(path, catalog)
    assert [d.article_id for d in docs] == ["batch-1", "سري_مقال"]
    first, second = docs
    assert (first.url, first.outlet, first.published) == ("https://x.example/1", "X", "2024-01-02")
    assert first.sha256 == hashlib.sha256(lines[0].encode("utf-8")).hexdigest() and first.path == str(path)
    assert (second.outlet, second.published) == ("Catalog outlet", "2023-05")  # the catalog wins
    assert [p.stage for p in problems] == ["parse"] * 3
    assert "line 2" in problems[0].message and "line 3" in problems[1].message and "line 6" in problems[2].message
    assert all(str(path) in p.message for p in problems)


# ------------------------------------------------------------------------------------------
# Paths


def test_missing_path_raises_before_iteration(tmp_path):
    with pytest.raises(InputError, match="nope.txt.*check the path"):
        iter_documents([tmp_path / "nope.txt"])


def test_directory_recursion_order_and_suffixes(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/c/z.txt", "b/a.htm", "a.txt", "notes.md", ".hidden/x.txt"):
        (tmp_path / rel).write_text(f"<p>{ARABIC}</p>" if rel.endswith("htm") else ARABIC, encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)  # a symlink loop must not hang
    docs, problems = read_all(tmp_path)
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b/a.htm", "b/c/z.txt"]
    assert [d.article_id for d in docs] == ["a", "a-2", "z"]  # ids stay unique
    assert problems == []
    explicit = one_doc(tmp_path / "notes.md")  # another suffix given explicitly is read as text
    assert explicit.text == ARABIC


def test_file_that_disappears_is_a_problem(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARABIC, encoding="utf-8")
    b.write_text(ARABIC, encoding="utf-8")
    items = iter_documents([a, b])  # paths are checked here ...
    b.unlink()  # ... and read lazily, so a file can vanish in between
    first, second = list(items)
    assert isinstance(first, Document)
    assert isinstance(second, Problem) and second.stage == "read" and "b.txt" in second.message


def test_unreadable_file_and_folder(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    for rel in ("a.txt", "locked.txt", "sub/c.txt"):
        (tmp_path / rel).write_text(ARABIC, encoding="utf-8")
    real_open, real_scandir = open, os.scandir

    def fake_open(path, *args, **kwargs):  # the tests run as root, so chmod 000 would not stop a read
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(corpus, "open", fake_open, raising=False)
    monkeypatch.setattr(corpus.os, "scandir", fake_scandir)
    docs, problems = read_all(tmp_path)
    assert [d.article_id for d in docs] == ["a"]
    assert [p.stage for p in problems] == ["read", "read"]
    assert "locked.txt" in problems[0].message and "Permission denied" in problems[0].message
    assert problems[1].path.endswith("sub") and "permissions" in problems[1].message


# ------------------------------------------------------------------------------------------
# Catalog


def test_catalog_unknown_column_bad_date_bom(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("File,url,outlet,published,notes\n"
                    "a.txt,https://a.example,A,2021-02-16,x\n"
                    "sub/b.txt,,,16/02/2021,\n"
                    "c.txt,,,2021-02-30,\n"
                    ",,,,\n"
                    "d.txt,,D,2021,\n", encoding="utf-8-sig")
    catalog, problems = read_catalog(path)
    assert catalog["a.txt"] == CatalogEntry("a.txt", "https://a.example", "A", "2021-02-16")
    assert catalog["b.txt"].published is None and catalog["b.txt"].url is None
    assert catalog["c.txt"].published is None and catalog["d.txt"].published == "2021"
    assert [p.stage for p in problems] == ["catalog"] * 3
    assert "notes" in problems[0].message
    assert "16/02/2021" in problems[1].message and "YYYY-MM-DD" in problems[1].message
    assert "2021-02-30" in problems[2].message


def test_catalog_without_file_column(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("name,url\na.txt,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"catalog\.csv.*'file'"):
        read_catalog(path)


def test_catalog_wins_over_inferred(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{ARABIC}\n\nسونا نيوز", encoding="utf-8")
    assert one_doc(path).outlet == "سونا نيوز"
    doc = one_doc(path, catalog={"a.txt": CatalogEntry("a.txt", "https://u", "Catalog", "2020-01-05")})
    assert (doc.outlet, doc.url, doc.published) == ("Catalog", "https://u", "2020-01-05")


def test_jsonl_is_streamed_with_a_per_line_limit(tmp_path):
    path = tmp_path / "big.jsonl"
    small = json.dumps({"text": ARABIC, "id": 7}, ensure_ascii=False)
    path.write_text(small + "\n" + json.dumps({"text": "ن" * 400}, ensure_ascii=False) + "\n", encoding="utf-8-sig")
    docs, problems = read_all(path, max_bytes=len(small.encode("utf-8")) + 10)
    assert [d.article_id for d in docs] == ["7"] and docs[0].text == ARABIC
    assert [p.stage for p in problems] == ["read"] and "line 2" in problems[0].message
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    docs, problems = read_all(blank)
    assert docs == [] and "empty" in problems[0].message


def test_closing_arabic_byline_removed():
    assert clean_text(f"{ARABIC}\n\nعن محمد الربيعي\n")[0] == ARABIC
    assert clean_text(f"عن محمد الربيعي\n\n{ARABIC}")[0].startswith("عن محمد الربيعي")  # only at the end


def traced_peak(function):
    """(result, peak bytes allocated while it ran)."""
    tracemalloc.start()
    try:
        return function(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_jsonl_line_over_the_limit_is_skipped_in_pieces(tmp_path):
    """Such a line was read whole (184 MB for one) before it was refused."""
    path = tmp_path / "big.jsonl"
    small, huge = (json.dumps({"text": text}, ensure_ascii=False) for text in (ARABIC, "ن" * (8 * 2**20)))
    path.write_text("\n".join([small, huge, small]) + "\n", encoding="utf-8")
    (docs, problems), peak = traced_peak(lambda: read_all(path, max_bytes=2**16))
    assert [d.article_id for d in docs] == ["big-1", "big-3"]
    assert [p.message.split(";")[0] for p in problems] == [
        f"{path}, line 2: {len(huge.encode('utf-8'))} bytes, over the limit of {2**16}"]
    assert peak < 8 * 2**20  # pieces of 1 MiB, not the 16 MiB line


def test_metadata_jsonl_keeps_no_problem_per_line(tmp_path):
    """One summary for a file without articles, but a Problem held for each line (390 MB for 1M lines)."""
    path = tmp_path / "meta.jsonl"
    lines = [json.dumps({"id": n, "url": f"https://x.example/{n}"}) for n in range(30_000)]
    lines[1] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs, problems), peak = traced_peak(lambda: read_all(path))
    assert docs == [] and [p.message.split(";")[0] for p in problems] == [
        f"{path}: none of its 29999 JSON lines has a \"text\" field, so it holds no articles (a metadata file?)",
        f"{path}, line 2: not valid JSON (Expecting property name enclosed in double quotes, column 2)"]
    assert peak < 2 * 2**20
    mixed = tmp_path / "mixed.jsonl"  # an article after them: each line is a problem, in line order
    mixed.write_text("\n".join(['{"id": 1}', "{not json", '{"id": 3}', json.dumps({"text": ARABIC})]), encoding="utf-8")
    docs, problems = read_all(mixed)
    assert [d.article_id for d in docs] == ["mixed-4"]
    assert [p.message.split(": ")[0] for p in problems] == [f"{mixed}, line {n}" for n in (1, 2, 3)]
    assert ["no non-empty" in p.message for p in problems] == [True, False, True]
