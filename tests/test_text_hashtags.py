"""Hashtags: topics from nouns and names, never verbs, time words, roles or markup."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from bot.pipeline.ingest import parse_file
from bot.text.hashtags import MAX_HASHTAGS, Use, base_form, topic_hashtags, word_use
from bot.text.pos import is_verb_form, verb_stems, word_tags

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))
#: What Telegram links as a hashtag: letters, digits, ``_`` and half-spaces, a letter.
HASHTAG = re.compile(r"[\w\u200c]+")
DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
#: Words that are never a topic, nor part of one: verbs, time words, roles, markup,
#: number words. Written out here so that the corpus check does not lean on the
#: classifier the hashtags are chosen with.
NOT_TOPICS = frozenset({
    # verbs
    "گفت", "گفتند", "می‌گوید", "افزود", "کرد", "کردند", "می‌کند", "می‌کنند", "شد", "شدند",
    "می‌شود", "خواهد", "است", "بود", "می‌رود", "رفت", "آمد", "دارد", "داشت", "said", "says",
    "told",
    # time words
    "آغاز", "امروز", "فردا", "دیروز", "امشب", "دیشب", "امسال", "اکنون", "ساعت", "ساعتی", "هفته",
    "شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه", "صبح",
    "ظهر", "عصر", "بامداد", "today", "tomorrow", "yesterday", "monday", "tuesday", "wednesday",
    "thursday", "friday",
    # roles
    "سخنگو", "سخنگوی", "وزیر", "وزیران", "مدیرعامل", "معاون", "رئیس", "رئیس‌جمهور",
    "spokesperson", "spokesman", "minister",
    # number words
    "هزار", "میلیون", "میلیارد", "درصد", "سومین", "نخستین", "thousand", "million", "percent",
    # markup
    "script", "div", "html", "body", "nbsp", "href", "alert", "onload", "amp",
})  # fmt: skip


@pytest.mark.parametrize(
    ("word", "tags"),
    [
        ("صلح", {"N", "AJ"}),
        ("فردا", {"N", "ADV"}),
        ("ایالات", {"N", "PL"}),
        ("متحده", {"AJ"}),
        ("نادری", set()),  # in the list, untagged
        ("ویتکوف", set()),  # not in the list
        ("", set()),
        ("<script>", set()),
        ("script", set()),
        ("۱۴۰۳", set()),
    ],
)
def test_word_tags(word: str, tags: set[str]) -> None:
    assert word_tags(word) == tags


@pytest.mark.parametrize(
    ("word", "stems", "verb"),
    [
        ("می‌کنند", {"کن"}, True),
        ("میکنند", {"کن"}, True),  # half-space lost
        ("نمی‌شود", {"شو"}, True),
        ("گفت", {"گفت"}, True),
        ("گفتند", {"گفت"}, True),
        ("نگفت", {"گفت"}, True),
        ("بگوید", {"گو", "گوی"}, True),
        ("گفته‌اند", {"گفت"}, True),
        ("گفته", {"گفت"}, True),  # a participle, though hazm tags it N
        ("کردن", {"کرد"}, True),
        ("کند", {"کن", "کند"}, True),  # a light verb before "slow"
        ("لرزاند", {"لرز"}, True),  # causative
        ("خواهند", {"خواه"}, True),
        ("برد", {"بر", "برد"}, False),  # "a win"
        ("نشست", {"نشست", "شست"}, False),  # "a meeting" (or ن + شست)
        ("میامی", set(), False),
        ("میدان", set(), False),
        ("هند", set(), False),
        ("کتاب", set(), False),
        ("", set(), False),
        ("<b>", set(), False),
    ],
)
def test_verb_forms(word: str, stems: set[str], verb: bool) -> None:
    assert verb_stems(word) == stems
    assert is_verb_form(word) is verb


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("پیامک‌های", "پیامک"),
        ("کدهای", "کد"),
        ("هکرها", "هکر"),
        ("زمین‌لرزه‌ای", "زمین‌لرزه"),
        ("دریای", "دریا"),
        ("سخنگوی", "سخنگو"),
        ("تنها", "تنها"),  # a word of its own
        ("نادری", "نادری"),  # a surname, not نادر + ی
        ("ها", "ها"),
        ("", ""),
    ],
)
def test_base_form(word: str, base: str) -> None:
    assert base_form(word) == base


@pytest.mark.parametrize(
    ("word", "lang", "use"),
    [
        ("اوکراین", "fa", Use.TOPIC),
        ("ترامپ", "fa", Use.TOPIC),  # a name no list knows
        ("نادری", "fa", Use.TOPIC),
        ("رئیسی", "fa", Use.TOPIC),  # a surname made of a role word
        ("پیامک‌های", "fa", Use.TOPIC),
        ("متحده", "fa", Use.INNER),  # an adjective: inside a name only
        ("ملی", "fa", Use.INNER),  # too general alone: تیم ملی
        ("آغاز", "fa", Use.INNER),
        ("فردا", "fa", Use.NONE),
        ("امروز", "fa", Use.NONE),
        ("هفته", "fa", Use.NONE),
        ("ساعتی", "fa", Use.NONE),
        ("آبان‌ماه", "fa", Use.NONE),
        ("مهرماه", "fa", Use.NONE),
        ("سه‌شنبه", "fa", Use.NONE),
        ("سالانه", "fa", Use.NONE),
        ("سخنگوی", "fa", Use.NONE),
        ("وزیر", "fa", Use.NONE),
        ("وزیران", "fa", Use.NONE),
        ("مدیرعامل", "fa", Use.NONE),
        ("رئیس‌جمهور", "fa", Use.NONE),
        ("می‌رود", "fa", Use.NONE),
        ("گفتند", "fa", Use.NONE),
        ("بزرگ‌ترین", "fa", Use.NONE),
        ("کمتر", "fa", Use.NONE),
        ("سی‌وششمین", "fa", Use.NONE),
        ("هزار", "fa", Use.NONE),
        ("درصد", "fa", Use.NONE),
        ("۱۴۰۳", "fa", Use.NONE),
        ("12", "fa", Use.NONE),
        ("به", "fa", Use.NONE),
        ("script", "fa", Use.NONE),
        ("div", "en", Use.NONE),
        ("nbsp", "en", Use.NONE),
        ("HTML", "fa", Use.NONE),
        ("Ukraine", "en", Use.TOPIC),
        ("Zürich", "en", Use.TOPIC),
        ("tomorrow", "en", Use.NONE),
        ("spokesperson", "en", Use.NONE),
        ("delayed", "en", Use.INNER),
        ("the", "en", Use.NONE),
        ("", "fa", Use.NONE),
        ("_", "fa", Use.NONE),
    ],
)
def test_word_use(word: str, lang: str, use: Use) -> None:
    assert word_use(word, lang) is use


@pytest.mark.parametrize(
    "word",
    [
        "دوم",
        "دهم",
        "سومین",
        "بیستمین",
        "بیست‌ویکم",
        "یکم",
        "یازدهم",
        "دوازدهم",
        "بیستم",
        "سی‌ام",
        "هزارم",
    ],
)
def test_ordinals_are_not_topics(word: str) -> None:
    assert word_use(word, "fa") is Use.NONE


def test_an_ordinal_is_never_a_hashtag_of_its_own() -> None:
    tags = topic_hashtags(
        "نتایج امتحان پایه یازدهم اعلام شد",
        "نتایج امتحان پایه یازدهم و دوازدهم امروز اعلام شد.",
        "",
        "fa",
    )
    assert "دوازدهم" not in tags and "یازدهم" not in tags, tags


LONG_LEDE = " ".join(["اوکراین روسیه صلح مذاکرات میامی ترامپ می‌رود فردا ۱۲"] * 1250)
MARKUP_ONLY = ("<script>alert('x')</script>", "&lt;div&gt;&amp;nbsp;", "<html><body onload=x()>")
QUOTED_HTML = (
    "هکرها کد مخرب را در سایت بانک جاسازی کردند",
    "کد «<script>alert(1)</script>» در صفحه ورود بانک دیده شد.",
    'تگ &lt;div class="x"&gt; و &amp;nbsp; هم در کد بود. <a href="https://x.example/a.js">لینک</a>',
)


@pytest.mark.parametrize(
    ("title", "lede", "body", "lang", "expected"),
    [
        ("", "", "", "fa", []),
        ("", "", "", "en", []),
        ("و در به از", "که را با", "", "fa", []),
        # Not topics: verbs, time words, roles, fragments, markup.
        (
            "مذاکرات ایران و آمریکا فردا در مسقط آغاز می‌شود",
            "سخنگوی وزارت خارجه ایران امروز گفت دور تازه مذاکرات فردا ساعت ۱۰ در مسقط "
            "آغاز خواهد شد.",
            "وزیر خارجه عمان میزبان مذاکرات است. به گزارش ایرنا، هیئت ایرانی امشب به مسقط "
            "می‌رود.",
            "fa",
            ["مذاکرات", "ایران", "مسقط", "آمریکا", "وزارت"],
        ),
        (*QUOTED_HTML, "fa", ["کد", "بانک", "هکر", "مخرب", "سایت"]),
        (*MARKUP_ONLY, "fa", []),
        (*MARKUP_ONLY, "en", []),
        ("رفتند و آمدند و گفتند", "می‌گویند، نوشتند، کرده‌اند، خواهند رفت.", "شد. می‌شود.", "fa", []),
        ("۱۲ ۳۴", "1403 ۵۶۷ ۱۲٬۰۰۰", "۲۰ درصد، هزار، سومین", "fa", []),
        ("12 34", "1,403 567", "20 percent, thousand", "en", []),
        # Names first; a name that comes back together is one hashtag.
        (
            "مدیرعامل سازمان بنادر استان، کاوه نادری، عصر سه‌شنبه در بندرعباس گفت",
            "ساعتی بعد، مدیر پروژه، دکتر پرستو نیک‌نام، گفت که لایروبی بندر آغاز شده است.",
            "به گفته نادری، سازمان بنادر بودجه لازم را دارد. به گزارش ایرنا، نادری افزود.",
            "fa",
            ["نادری", "سازمان_بنادر", "کاوه", "بندرعباس", "پروژه"],
        ),
        (
            "ایالات متحده و اوکراین در میامی دیدار کردند",
            "هیئت‌های ایالات متحده و اوکراین روز جمعه در میامی دیدار کردند.",
            "وزارت امور خارجه گفت. به گفته وزارت امور خارجه، دیدار ادامه دارد.",
            "fa",
            ["ایالات_متحده", "اوکراین", "میامی", "هیئت", "وزارت_امور_خارجه"],
        ),
        ("زمین‌لرزه‌ای حوالی خوی را لرزاند", "", "", "fa", ["زمین‌لرزه", "خوی"]),
        (
            "Trump and Ukraine",
            "Ukraine talks. Ukraine said.",
            "",
            "en",
            ["ukraine", "trump", "talks"],
        ),
        (
            "Lakeport Grid Authority raises rates",
            "The Lakeport Grid Authority said on Tuesday that rates rise in March.",
            "Lakeport Grid Authority chief Dana Reyes said the authority blamed fuel.",
            "en",
            ["lakeport_grid_authority", "rates", "dana", "reyes", "fuel"],
        ),
        ("عنوان خبر", LONG_LEDE, "", "fa", ["اوکراین_روسیه_صلح", "مذاکرات", "میامی", "ترامپ"]),
    ],
)
def test_topic_hashtags(title: str, lede: str, body: str, lang: str, expected: list[str]) -> None:
    assert topic_hashtags(title, lede, body, lang) == expected


def test_limit() -> None:
    args = ("ایالات متحده و اوکراین", "مذاکرات در میامی با ترامپ و پوتین", "")
    assert len(topic_hashtags(*args, limit=MAX_HASHTAGS)) == MAX_HASHTAGS == 5
    assert topic_hashtags(*args, limit=2) == topic_hashtags(*args)[:2]
    assert topic_hashtags(*args, limit=0) == []
    with pytest.raises(ValueError, match="hashtag limit must be zero or more, not -1"):
        topic_hashtags(*args, limit=-1)


def test_a_long_lede_is_quick() -> None:
    started = time.perf_counter()
    topic_hashtags("عنوان", LONG_LEDE, LONG_LEDE, "fa")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_corpus_hashtags_are_topics(path: Path) -> None:
    _, article = parse_file(path)
    tags = article.hashtags
    # Three to five, fewer only when the article is a title and little more.
    assert len(tags) <= MAX_HASHTAGS
    assert len(tags) >= (3 if article.sections or len((article.lede or "").split()) > 20 else 1)
    for tag in tags:
        assert HASHTAG.fullmatch(tag) and any(char.isalpha() for char in tag), tag
        assert not DIACRITICS.search(tag), tag
        for word in tag.split("_"):
            assert word.casefold() not in NOT_TOPICS, tag
            assert not any(char.isdigit() for char in word), tag
