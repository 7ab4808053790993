"""Table tests for the text pipeline: normaliser, half-space restorer, folding."""

from __future__ import annotations

import pytest

from bot.text import (
    ZWNJ,
    clean_text,
    detect_lang,
    fold,
    fold_for_index,
    search_term_forms,
    search_terms,
)
from bot.text.chars import clean_line, hamza_neutral, to_persian_letters

Z = ZWNJ


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("سلام   دنیا", "سلام دنیا"),
        ("\u202bسلام\u202c", "سلام"),
        ("الف\x07ب", "الف ب"),
        (f"{Z}سلام{Z}", "سلام"),
        (f"می{Z}{Z}رود", f"می{Z}رود"),
        (f"کتاب {Z}ها", "کتاب ها"),
        ("\ufeffخبر", "خبر"),
        ("a\tb", "a b"),
        # lines with nothing but spaces or half-spaces to trim take the short way
        ("  خبر تازه  ", "خبر تازه"),
        (f"می{Z}رود", f"می{Z}رود"),
        (f"سلام{Z} ", "سلام"),
        (f" {Z}سلام", "سلام"),
        ("\u1680خبر\u1680", "خبر"),
        ("\u00a0خبر", "خبر"),
        ("<b>  x</b>\u2028", "<b> x</b>"),
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_clean_text_keeps_lines() -> None:
    assert clean_text("a\r\nb\rc\n\nd") == "a\nb\nc\n\nd"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("كتاب", "کتاب"),
        ("علي", "علی"),
        ("مصطفى", "مصطفی"),
        ("مدرسة", "مدرسه"),
        ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"),
        ("0123 ۰۱۲۳", "0123 ۰۱۲۳"),
    ],
)
def test_to_persian_letters(raw: str, expected: str) -> None:
    assert to_persian_letters(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("3.4", "3.4"),
        ("۱۴۰۲/۰۵/۱۲", "۱۴۰۲/۰۵/۱۲"),
        ("۱۲٬۵۰۰ تومان", "۱۲٬۵۰۰ تومان"),
        ("۱,۲۰۰ نفر", "۱,۲۰۰ نفر"),
        ("نرخ 3.4 درصد", "نرخ 3.4 درصد"),
        ("كتاب ي", "کتاب ی"),
        ("سال ٢٠٢٤", "سال ۲۰۲۴"),
        ("<b>a < b</b> &amp;", "<b>a < b</b> &amp;"),
        ("او گفت : « سلام »", "او گفت: «سلام»"),
        ("The latest: 3.4%", "The latest: 3.4%"),
    ],
)
def test_normalize_line(normalizer, raw: str, expected: str) -> None:
    assert normalizer.normalize_line(raw, detect_lang(raw)) == expected


def test_normalize_keeps_line_count(normalizer) -> None:
    text = "یک\n\nدو\r\nسه\n"
    assert normalizer.normalize(text).split("\n") == ["یک", "", "دو", "سه", ""]


@pytest.mark.parametrize(
    ("damaged", "restored"),
    [
        ("", ""),
        ("میکنند", f"می{Z}کنند"),
        ("نمیتوانند", f"نمی{Z}توانند"),
        ("رئیسجمهور", f"رئیس{Z}جمهور"),
        ("پیشزمینه", f"پیش{Z}زمینه"),
        ("بیانیهای", f"بیانیه{Z}ای"),
        ("حساسترین", f"حساس{Z}ترین"),
        ("قتلها", f"قتل{Z}ها"),
        ("سهشنبه", f"سه{Z}شنبه"),
        ("پنجشنبه", f"پنج{Z}شنبه"),
        ("گامهای", f"گام{Z}های"),
        ("ایدههای", f"ایده{Z}های"),
        ("بودهاند", f"بوده{Z}اند"),
        ("قابلیتهای", f"قابلیت{Z}های"),
        ("مییابد", f"می{Z}یابد"),
        ("میآیند", f"می{Z}آیند"),
        ("فوریای", f"فوری{Z}ای"),
        ("طولانیمدت", f"طولانی{Z}مدت"),
        ("مذاکرهکننده", f"مذاکره{Z}کننده"),
        ("مدلها", f"مدل{Z}ها"),
        ("بهعنوان", f"به{Z}عنوان"),
        ("کرهجنوبی", f"کره{Z}جنوبی"),
        ("قوهقضاییه", f"قوه{Z}قضاییه"),
        ("صلحآینده", f"صلح{Z}آینده"),
        ("دورهای", f"دوره{Z}ای"),
        ("می خواهم", f"می{Z}خواهم"),
        ("نمی دانم", f"نمی{Z}دانم"),
        ("«می شد؟»", f"«می{Z}شد؟»"),
        ("کتاب ها، دفتر ها.", f"کتاب{Z}ها، دفترها."),
        ("کتاب ها را", f"کتاب{Z}ها را"),
        ("کشور ها", "کشورها"),
        ("بزرگ ترین", f"بزرگ{Z}ترین"),
        ("کلاسهای درس", f"کلاس{Z}های درس"),
        ("زمینهای برای", f"زمینه{Z}ای برای"),
        ("زمینهای کشاورزی", f"زمین{Z}های کشاورزی"),
        ("نرسیدهاند", f"نرسیده{Z}اند"),
        ("نیفتادهاند", f"نیفتاده{Z}اند"),
        ("نیاموختهاند", f"نیاموخته{Z}اند"),
        ("میلرزید", f"می{Z}لرزید"),
        ("برگشتهاند", f"برگشته{Z}اند"),
        ("توانستهایم", f"توانسته{Z}ایم"),
        ("نخواستهایم", f"نخواسته{Z}ایم"),
        ("نشستهای", f"نشست{Z}های"),
        ("ساعتبهساعت", f"ساعت{Z}به{Z}ساعت"),
        ("دانشگاههای", f"دانشگاه{Z}های"),
        ("سرمایهدار", f"سرمایه{Z}دار"),
        ("آینهکاری", f"آینه{Z}کاری"),
        ("میداری", f"می{Z}داری"),
        ("میگویی", f"می{Z}گویی"),
        ("کمکاری", f"کم{Z}کاری"),
        ("زندگیشان", f"زندگی{Z}شان"),
        ("کشتیای", f"کشتی{Z}ای"),
        ("سادهای", f"ساده{Z}ای"),
    ],
)
def test_restores_stripped_half_spaces(normalizer, damaged: str, restored: str) -> None:
    assert normalizer.normalize_line(damaged) == restored


@pytest.mark.parametrize(
    "word",
    [
        "بیشتر", "بهتر", "میزان", "میز", "دفتر", "گاهی", "توجهی", "تنها", "میانجی",
        "همچنین", "میلیون", "کشورها", "روزهای", "دریای", "سدهای", "کمتر", "بیشترین",
        "آنها", "میدان", "دیدارها", "خبرها", "نگهداری", "توافقنامه", "رساند", "بیابد",
        "کلانتری", "شوشتری", "انگشتری", "کاروانسرا", "پسماند", "پسماندها", "راهپیمایی",
        "همکاری", "نرفتیم", "میامی", "۲ ها", "دست تر", "می", "ها", "ها ها",
        "تحلیلگران", "کارگاهی", "ثروتمندی", "پناهگاهی", "هفتصد", "بیافزاید",
        "گناهکار", "خیانتکاری", "گناهکاران", "سهامداران", "زمینداران", "خردسال",
        "دامپروری", "کوهنوردان", "حسینزاده", "کریمپور", "امیننیا", "وحیدنیا", "روشنفر",
        "غلامحسن", "برنداشتند", "برشمردم", "فرارسیدی", "تیرهای", "برندهای", "برایشان",
        "رویشان", "رویای", "هایشان", "سخنگویی", "قطعنامه", "اساسنامه", "پیشگیری",
        "تهرانپارس", "رویترز",
    ],
)  # fmt: skip
def test_keeps_correctly_joined_words(normalizer, word: str) -> None:
    assert normalizer.normalize_line(word) == word


@pytest.mark.parametrize(
    "word", [f"می{Z}کنند", f"رئیس{Z}جمهور", f"کتاب{Z}ها", f"هم{Z}زمان", f"بین{Z}المللی"]
)
def test_keeps_existing_half_spaces(normalizer, word: str) -> None:
    assert normalizer.normalize_line(word) == word


def test_names_and_words_are_kept_as_written(normalizer) -> None:
    text = "او را به کلانتری بردند\nشوشتری گفت\nمی خواهم"
    assert normalizer.normalize(text) == f"او را به کلانتری بردند\nشوشتری گفت\nمی{Z}خواهم"


def test_one_decision_per_word_in_a_text(normalizer) -> None:
    # Alone, «کلاسهای که» reads as silent ه + ای; the other two occurrences read as a
    # plural: the text gets the reading most of its occurrences call for, everywhere.
    assert normalizer.normalize("کلاسهای که") == f"کلاسه{Z}ای که"
    text = "کلاسهای درس\nکلاسهای تازه\nکلاسهای که"
    lines = normalizer.normalize(text).split("\n")
    assert {line.split()[0] for line in lines} == {f"کلاس{Z}های"}


def test_repair_can_be_turned_off() -> None:
    from bot.text import TextNormalizer

    assert TextNormalizer(repair_halfspaces=False).normalize_line("میکنند") == "میکنند"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "fa"),
        ("سلام", "fa"),
        ("Hello", "en"),
        ("The latest: خبر", "en"),
        ("خبر تازه: AI", "fa"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (f"رئیس{Z}جمهور", "رئیسجمهور"),
        ("رئيس", "رئیس"),
        ("كتاب", "کتاب"),
        ("٣", "۳"),
        ("Trump", "TRUMP"),
        ("اساساً", "اساسا"),
        ("تأکید", "تاکید"),
        ("مؤسسه", "موسسه"),
        ("رئیس", "رییس"),
        ("إسلام", "اسلام"),
        ("جزء", "جز"),
        ("ٱلله", "الله"),
        ("کتابـــها", "کتابها"),
        ("مسأله", "مساله"),
        ("ا\u0654مر", "امر"),
        ("همه\u0654", "همه"),
        ("", ""),
    ],
)
def test_fold_equates(left: str, right: str) -> None:
    assert fold(left) == fold(right)


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        ("", []),
        ("مساله", []),
        ("جزء", []),
        ("مسئله", ["مسءله"]),
        ("مسأله و مسؤله", ["مسءله", "مسءله"]),
        (f"رئیس{Z}جمهور", ["رءیسجمهور"]),
        ("ـئـ", ["ء"]),
        ("ABC رئيس", ["رءیس"]),
    ],
)
def test_hamza_neutral(text: str, neutral: list[str]) -> None:
    assert hamza_neutral(text) == neutral


def test_fold_for_index_keeps_both_readings() -> None:
    folded = fold_for_index(f"رئیس{Z}جمهور")
    assert "رییسجمهور" in folded.split()
    assert {"رییس", "جمهور"} <= set(folded.split())


@pytest.mark.parametrize(
    ("query", "terms"),
    [("", []), ("  «»!", []), (f"رئیس{Z}جمهور ترامپ", ["رییسجمهور", "ترامپ"]), ('a"b', ["a", "b"])],
)
def test_search_terms(query: str, terms: list[str]) -> None:
    assert search_terms(query) == terms


@pytest.mark.parametrize(
    ("query", "forms"),
    [
        ("", []),
        ("«»", []),
        ("مسئله", [("مسیله", "مسءله")]),
        (f"رئیس{Z}جمهور ترامپ", [("رییسجمهور", "رءیسجمهور"), ("ترامپ",)]),
        ("ء ـ", []),
        ("تأکید،بر", [("تاکید", "تءکید"), ("بر",)]),
    ],
)
def test_search_term_forms(query: str, forms: list[tuple[str, ...]]) -> None:
    assert search_term_forms(query) == forms
    assert [form[0] for form in forms] == search_terms(query)
