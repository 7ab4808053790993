"""Labels read by their meaning: the cue table, the normaliser, the scorer, the dev list."""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from pathlib import Path

import pytest

from bot.article import SECTION_KEYS, parse_article
from bot.article.label_cues import COLLOQUIAL, CONCEPT_PAIRS, CONCEPTS, CUES, Cues
from bot.article.label_meaning import (
    HEAD,
    MAX_WORDS,
    PAIR,
    STRONG,
    WEAK,
    Evidence,
    Meaning,
    build_cues,
    concept_pairs,
    decide,
    derived_words,
    label_words,
    negated,
    read_label,
    score_words,
    split_words,
    spoken_forms,
    word_concepts,
)
from bot.article.labels import lookup, match_label
from bot.article.sections import OTHER, SECTIONS
from bot.text import ZWNJ

Z = ZWNJ
DEV = Path(__file__).parent / "data" / "labels_dev.tsv"
#: A second, broader development list: renderings as other editors and translators write
#: them, each key decided before the reader was measured on it. Not every row is read
#: right; DEV2_ACCURACY is the share the reader reached, rounded down.
DEV2 = Path(__file__).parent / "data" / "labels_dev2.tsv"
DEV2_ACCURACY = 0.97
#: A third list, concentrated on neighbouring keys (what's next, what to watch, the stakes;
#: the other side, what they're saying, yes-but, reality check; ...) and on labels that
#: are plain nouns («پیامدها», «ارقام», «روندها»); each key decided by its Smart Brevity
#: meaning before the reader was measured. DEV3_ACCURACY is the share reached, rounded down.
DEV3 = Path(__file__).parent / "data" / "labels_dev3.tsv"
DEV3_ACCURACY = 0.83
#: A fourth list, written from Persian and English news usage before the cue table was
#: read: every key in the ways editors and translators write it (synonyms, word order,
#: with and without آنچه/چه/چرا, spoken and formal, emoji), some meant to stay other. It
#: is split by a hash of the label (:func:`_half`): the reader was tuned on the first
#: half only; the second half measures how far that generalises. Each floor is the share
#: reached, rounded down; the second half was read at 0.842 before the concept pass.
DEV4 = Path(__file__).parent / "data" / "labels_dev4.tsv"
DEV4_ACCURACY = {"tune": 0.96, "check": 0.88}


def _dev_rows(path: Path = DEV) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["rendering"], row["key"]) for row in csv.DictReader(handle, delimiter="\t")]


def _half(label: str) -> str:
    """The half of a split development list ``label`` belongs to, by a hash of it."""
    return "tune" if hashlib.sha256(label.encode()).digest()[0] % 2 == 0 else "check"


def _assert_read_well(rows: list[tuple[str, str]], floor: float) -> None:
    """At least ``floor`` of the labels in ``rows`` are read as their key; the misses listed."""
    misses = [(label, key, got) for label, key in rows if (got := _key_of(label)) != key]
    accuracy = 1 - len(misses) / len(rows)
    listing = "\n".join(f"  {label!r}: expected {key}, got {got}" for label, key, got in misses)
    assert accuracy >= floor, f"accuracy {accuracy:.3f}; misses:\n{listing}"


def _key_of(rendering: str) -> str:
    """The key of a label line that starts with ``rendering`` (``other`` if no label)."""
    sample = "Sample text." if rendering.isascii() else "متن نمونه"
    found = match_label(f"{rendering}: {sample}")
    return found.key if found else OTHER


# --- the cue table -------------------------------------------------------------------


def test_the_cue_table_is_keyed_by_the_registry() -> None:
    assert set(CUES) == set(SECTION_KEYS)


@pytest.mark.parametrize("key", [key for key in SECTION_KEYS if key != OTHER])
def test_every_key_but_other_has_strong_cues_in_both_languages(key: str) -> None:
    strong = CUES[key].strong
    assert any(not cue.isascii() for cue in strong), "a Persian cue"
    assert any(cue.isascii() for cue in strong), "an English cue"


def test_no_cue_names_two_keys() -> None:
    index = build_cues(CUES, {})
    named: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for cues in index.by_first.values():
        for cue in cues:
            named[cue.words].add(cue.key)
    assert {words: keys for words, keys in named.items() if len(keys) > 1} == {}


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_no_cue_is_both_strong_and_weak(key: str) -> None:
    assert not set(CUES[key].strong) & set(CUES[key].weak)


def _strong_cues() -> list[tuple[str, str]]:
    cues = [(cue, key) for key, found in CUES.items() for cue in found.strong]
    return cues + [(label, kind.key) for kind in SECTIONS for label in kind.renderings]


@pytest.mark.parametrize(("cue", "key"), _strong_cues())
def test_a_strong_cue_alone_names_its_key(cue: str, key: str) -> None:
    assert read_label(cue).key == key


@pytest.mark.parametrize("cues", [Cues(("",)), Cues(("!!",)), Cues(("ok",), ("🔥",))])
def test_a_cue_without_words_is_refused(cues: Cues) -> None:
    with pytest.raises(ValueError, match="has no words"):
        build_cues({"zoom_in": cues}, {})


# --- the normaliser ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("", []),
        ("   ", []),
        ("🔥🔥🔥", []),
        ("!!!...؟؟ :: ،،", []),
        ("۱۲۳ 456", []),
        ("میان سطور", ["میان", "سطور"]),
        ("🔎 نگاهِ نزدیک‌تر!", ["نگاه", f"نزدیک{Z}تر"]),
        (f"{Z}سطرها{Z}", ["سطرها"]),
        ("**Zoom in**", ["zoom", "in"]),
        ("What’s NEXT?", ["what's", "next"]),
        ("close-up", ["close", "up"]),
        ("Zoom in نگاه نزدیک", ["zoom", "in", "نگاه", "نزدیک"]),
        ("جزئيات", ["جزئیات"]),
        ("ﻧﮕﺎه", ["نگاه"]),
    ],
)
def test_split_words(label: str, words: list[str]) -> None:
    assert split_words(label) == words


@pytest.mark.parametrize(
    ("label", "texts", "neutral"),
    [
        ("", [], []),
        ("🔥", [], []),
        ("آنچه باید دید", ["انچه", "باید", "دید"], [True, True, False]),
        ("نگاهی نزدیکتر", ["نگاهی", "نزدیکتر"], [True, False]),
        (f"نگاهی نزدیک{Z}تر", ["نگاهی", "نزدیکتر"], [True, False]),
        ("خبرها", ["خبرها"], [True]),
        ("جزییات", ["جزییات"], [False]),
        ("جزئیات", ["جزییات"], [False]),
        ("The big picture", ["the", "big", "picture"], [True, False, False]),
        ("🔥 Zoom سطور", ["zoom", "سطور"], [False, False]),
    ],
)
def test_label_words(label: str, texts: list[str], neutral: list[bool]) -> None:
    words = label_words(label)
    assert [word.text for word in words] == texts
    assert [word.neutral for word in words] == neutral
    assert all(word.forms[0] == word.text for word in words)


@pytest.mark.parametrize(
    ("word", "derived"),
    [
        ("", []),
        ("خانه", []),
        ("انه", []),
        ("هاست", []),
        ("واقعبینانه", ["واقعبین", "واقعبینی"]),
        ("موشکافانه", ["موشکاف", "موشکافی"]),
        ("حرفهاست", ["حرفها"]),
        ("hello", []),
    ],
)
def test_derived_words(word: str, derived: list[str]) -> None:
    assert derived_words(word) == derived


def test_a_derived_word_reads_as_its_stem() -> None:
    assert read_label("واقع‌بینانه").key == "reality_check"
    assert read_label(f"آنچه پشت حرف{Z}هاست").key == "between_the_lines"


def test_label_words_reads_no_more_than_its_limit() -> None:
    assert len(label_words("سطر " * 2500)) == MAX_WORDS + 1
    assert len(label_words("سطر " * 2500, limit=2)) == 2


def test_half_spaces_do_not_change_what_a_label_means() -> None:
    for spaced, joined in [
        (f"تازه{Z}ترین{Z}ها", "تازهترینها"),
        (f"می{Z}گویند", "میگویند"),
        (f"گام{Z}های بعدی", "گامهای بعدی"),
        ("پیش زمینه ماجرا", f"پیش{Z}زمینه ماجرا"),
    ]:
        assert read_label(spaced).key == read_label(joined).key != OTHER


# --- the scorer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "key", "best"),
    [
        (Evidence({}, 0, ()), OTHER, None),
        (Evidence({}, 4, ()), OTHER, None),
        (Evidence({"zoom_in": STRONG}, 0, ()), "zoom_in", "zoom_in"),
        (Evidence({"zoom_in": HEAD}, 1, ()), "zoom_in", "zoom_in"),
        (Evidence({"zoom_in": STRONG}, 3, ()), OTHER, "zoom_in"),
        (Evidence({"zoom_in": WEAK}, 0, ()), OTHER, "zoom_in"),
        (Evidence({"zoom_in": 2 * WEAK}, 0, ()), "zoom_in", "zoom_in"),
        (Evidence({"zoom_in": STRONG, "zoom_out": STRONG}, 0, ()), OTHER, None),
        (Evidence({"zoom_in": HEAD, "details": STRONG}, 0, ()), "zoom_in", "zoom_in"),
        (Evidence({"zoom_in": HEAD, "details": STRONG}, 1, ()), OTHER, "zoom_in"),
        (Evidence({OTHER: STRONG}, 0, ()), OTHER, OTHER),
    ],
)
def test_decide(evidence: Evidence, key: str, best: str | None) -> None:
    meaning = decide(evidence)
    assert (meaning.key, meaning.best) == (key, best)
    assert 0.0 <= meaning.confidence <= 1.0


@pytest.mark.parametrize(
    ("label", "scores", "unknown"),
    [
        ("", {}, 0),
        ("نکته ظریف", {"between_the_lines": HEAD}, 0),
        ("ظریف", {"between_the_lines": WEAK}, 0),
        # a phrase decides over the words inside it
        ("آینده نزدیک", {"whats_next": HEAD}, 0),
        ("زیر نظر", {"what_to_watch": HEAD}, 0),
        ("زیرنظر", {"what_to_watch": HEAD}, 0),
        ("خطرات پیش رو", {"the_stakes": HEAD, "whats_next": STRONG}, 0),
        ("آمار بیکاری", {"by_the_numbers": HEAD}, 1),
        ("نگاه هواداران", {}, 1),
        # a voice is what they're saying, unless the label says whose side or what kind
        ("صدای کشاورزان", {"what_theyre_saying": HEAD}, 1),
        ("صدای منتقدان", {"the_other_side": STRONG}, 0),
        ("حرف ناگفته", {"between_the_lines": STRONG}, 0),
        ("آمارها چه می‌گویند", {"by_the_numbers": HEAD}, 0),
        # weak words name their key in a label about the story, not alone
        ("هزینه", {"the_stakes": WEAK}, 0),
        ("هزینه‌های ماجرا", {"the_stakes": STRONG}, 0),
        ("کتاب تازه", {"latest": WEAK}, 1),
        # a word of a label that is no section wins outright
        ("سخن سردبیر", {OTHER: STRONG}, 0),
        ("Go deeper", {OTHER: HEAD}, 0),
    ],
)
def test_score_words(label: str, scores: dict[str, float], unknown: int) -> None:
    evidence = score_words(label_words(label))
    assert (evidence.scores, evidence.unknown) == (scores, unknown)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("", OTHER),
        ("🔥", OTHER),
        ("!!!", OTHER),
        ("x" * 5000, OTHER),
        ("سطور " * 1000, OTHER),
        ("نزدیک " * (MAX_WORDS + 1), OTHER),
        ("ظریف", OTHER),
        ("دور", OTHER),
        ("تصویر", OTHER),
        ("عکس", OTHER),
        ("نگاه هواداران", OTHER),
        ("از نگاه کارشناسان فنی", OTHER),
        ("Zoom in نزدیک", "zoom_in"),
        ("Zoom out", "zoom_out"),
        ("The big picture", "big_picture"),
        ("Catch up quick", "background"),
        ("What we're watching", "what_to_watch"),
        ("Between the lines", "between_the_lines"),
        ("Reality check", "reality_check"),
        ("Go deeper", OTHER),
        ("میان سطور", "between_the_lines"),
        ("نگاه نزدیک‌تر", "zoom_in"),
        ("از نگاه کلان", "zoom_out"),
        ("آنچه باید دید", "what_to_watch"),
        ("آنچه خبرساز شد", "driving_the_news"),
        ("آنچه آنان می‌گویند", "what_theyre_saying"),
        ("از دید صنعتگران", "what_theyre_saying"),
        ("صدای کشاورزان", "what_theyre_saying"),
        ("روایت دولت", "what_theyre_saying"),
        ("نگاه منتقدان", "the_other_side"),
        ("صدای مخالفان", "the_other_side"),
        ("به زبان ساده", "bottom_line"),
        ("پشت ماجرا", "behind_the_scenes"),
        ("آن سوی پرده", "behind_the_scenes"),
        ("خبر جدید", "latest"),
        ("کتاب تازه", OTHER),
        ("پیش‌بینی هوا", OTHER),
        ("The intrigue", "between_the_lines"),
        ("Threat level", "the_stakes"),
        ("Dive deeper", OTHER),
        # a "but" that opens a reality check or the other side gives way to it
        ("اما واقعیت", "reality_check"),
        ("اما مخالفان", "the_other_side"),
        ("ولی خب", "yes_but"),
        # a phrase resolves a word another key owns alone
        ("چه در انتظار ماست", "whats_next"),
        ("یک گام عقب‌تر", "zoom_out"),
        ("سخن نهایی", "bottom_line"),
        ("What they didn't say", "between_the_lines"),
        # plain nouns that name a key
        ("نقدها", "the_other_side"),
        ("ابهامات", "what_to_watch"),
        ("محدودیت‌ها", "yes_but"),
        ("زمان‌بندی", "whats_next"),
        ("خسارت احتمالی", "the_stakes"),
        ("سؤالات متداول", OTHER),
        # an ordinal is read as written: آخرین is the latest, not آخر (the end)
        ("در آخرین تحول", "latest"),
        ("در آخر", "bottom_line"),
        # the other party, its defence, the flip side
        ("طرف عراقی", "the_other_side"),
        ("دفاعیات متهمان", "the_other_side"),
        ("آن روی ماجرا", "the_other_side"),
        ("از زبان طرفین", "what_theyre_saying"),
        ("آنچه بازار را تکان داد", "driving_the_news"),
        ("چشم به آسمان", "what_to_watch"),
        ("آنچه روی کاغذ نیامده", "between_the_lines"),  # not + a text
        ("از دیروز تا امروز", "background"),
        ("چرا باید دنبالش کرد؟", "why_it_matters"),  # a why with attention
        ("آنچه باید دنبال کرد", "what_to_watch"),
    ],
)
def test_read_label(label: str, key: str) -> None:
    meaning = read_label(label)
    assert isinstance(meaning, Meaning)
    assert meaning.key == key
    assert 0.0 <= meaning.confidence <= 1.0


# --- labels in lines and articles ----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "وزیر گفت: «آمار درست نیست»",
        "سخنگوی دولت روز شنبه درباره آمار تورم اعلام کرد: کاهش یافت",
        "به گفته کارشناسان، آمار: نادرست",
        "The minister said the numbers: wrong",
        "ساعت ۱۰: آخرین خبر",
        "«میان سطور»: متن",
        # longer than four words and naming someone or something: a sentence
        "به گفته یکی از کارشناسان: نادرست",
        "در واکنش به این تصمیم: متن",
        "The company said in a statement: text",
        "در این نامه آمده است: متن",
        "پس از این به بعد در پیش رو: متن",
    ],
)
def test_the_meaning_never_makes_a_sentence_a_label(line: str) -> None:
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("آمار و اعداد: متن", "by_the_numbers"),  # اعداد ends in the letters of داد
        ("یادداشت: متن", OTHER),  # and یادداشت in those of داشت
        ("نگاه هواداران: متن", OTHER),
    ],
)
def test_a_label_is_refused_for_a_final_verb_not_for_final_letters(line: str, key: str) -> None:
    found = match_label(line)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("خبر از این قرار است: متن", "driving_the_news"),
        ("از کجا به اینجا رسیدیم: متن", "background"),
        ("اما نه به این سادگی: متن", "yes_but"),
        ("بعد چه؟: متن", "whats_next"),
        ("Here is what happens next: text", "whats_next"),
        # after a head that gives words to someone, the rest says whose they are
        ("از زبان مردم و پزشکان: متن", "what_theyre_saying"),
        ("به روایت کارگران و کارفرمایان: متن", "what_theyre_saying"),
        ("از زبان منتقدان و مخالفان: متن", "the_other_side"),
    ],
)
def test_a_longer_label_whose_every_word_has_a_meaning(line: str, key: str) -> None:
    found = match_label(line)
    assert found is not None
    assert found.key == key


def test_the_lexicon_still_comes_first() -> None:
    assert match_label("بیانیه آنها: متن").key == "what_theyre_saying"  # type: ignore[union-attr]
    assert match_label("آمار: متن").key == "by_the_numbers"  # type: ignore[union-attr]


def test_an_article_section_takes_the_key_its_label_means() -> None:
    article = parse_article(
        "عنوان\nعکس: رویترز\nلید خبر.\nنگاهی نزدیک‌تر: متن اول.\nنگاه هواداران: متن دوم.",
    )
    assert article.caption == "عکس: رویترز"
    assert [(s.key, s.label) for s in article.sections] == [
        ("zoom_in", "نگاهی نزدیک‌تر"),
        ("other", "نگاه هواداران"),
    ]
    assert article.warnings == ("unknown label «نگاه هواداران» kept as a section",)


# --- the development list ------------------------------------------------------------


def test_the_dev_list_is_large_and_varied() -> None:
    rows = _dev_rows()
    assert len(rows) >= 80
    assert sum(key == OTHER for _, key in rows) >= 12
    assert sum(label.isascii() for label, _ in rows) >= 15
    assert {key for _, key in rows} == set(SECTION_KEYS)
    assert all(lookup(label) is None for label, _ in rows), "dev labels are not in the lexicon"


@pytest.mark.parametrize(("rendering", "key"), _dev_rows(), ids=lambda value: value)
def test_dev_label(rendering: str, key: str) -> None:
    sample = "Sample text." if rendering.isascii() else "متن نمونه"
    found = match_label(f"{rendering}: {sample}")
    assert found is not None, "accepted as a label"
    assert found.key == key


def test_the_second_dev_list_is_broad() -> None:
    rows = _dev_rows(DEV2)
    renderings = [label for label, _ in rows]
    assert len(rows) >= 200
    assert len(set(renderings)) == len(renderings)
    assert {key for _, key in rows} == set(SECTION_KEYS)
    for key in SECTION_KEYS:
        persian = [label for label, found in rows if found == key and not label.isascii()]
        assert len(persian) >= 8, key
    assert sum(label.isascii() for label in renderings) >= 30
    assert sum(key == OTHER for _, key in rows) >= 25
    assert all(lookup(label) is None for label in renderings), "not in the lexicon"
    assert not set(renderings) & {label for label, _ in _dev_rows()}, "not in the first list"


def test_the_second_dev_list_is_read_well_enough() -> None:
    _assert_read_well(_dev_rows(DEV2), DEV2_ACCURACY)


def test_the_third_dev_list_is_new_and_about_neighbours() -> None:
    rows = _dev_rows(DEV3)
    renderings = [label for label, _ in rows]
    assert len(rows) >= 160
    assert len(set(renderings)) == len(renderings)
    assert all(lookup(label) is None for label in renderings), "not in the lexicon"
    earlier = {label for path in (DEV, DEV2) for label, _ in _dev_rows(path)}
    assert not set(renderings) & earlier, "not in the earlier lists"
    neighbours = {"whats_next", "what_to_watch", "the_stakes", "the_other_side",
                  "what_theyre_saying", "yes_but", "reality_check"}  # fmt: skip
    assert sum(key in neighbours for _, key in rows) >= 100
    assert sum(key == OTHER for _, key in rows) >= 15


def test_the_third_dev_list_is_read_well_enough() -> None:
    _assert_read_well(_dev_rows(DEV3), DEV3_ACCURACY)


def test_the_fourth_dev_list_is_new_and_broad() -> None:
    rows = _dev_rows(DEV4)
    renderings = [label for label, _ in rows]
    assert len(rows) >= 250
    assert len(set(renderings)) == len(renderings)
    assert {key for _, key in rows} == set(SECTION_KEYS)
    assert sum(label.isascii() for label in renderings) >= 60
    assert sum(key == OTHER for _, key in rows) >= 20
    assert all(lookup(label) is None for label in renderings), "not in the lexicon"
    earlier = {label for path in (DEV, DEV2, DEV3) for label, _ in _dev_rows(path)}
    assert not set(renderings) & earlier, "not in the earlier lists"
    halves = [_half(label) for label in renderings]
    assert min(halves.count("tune"), halves.count("check")) >= 100


@pytest.mark.parametrize("half", ["tune", "check"])
def test_each_half_of_the_fourth_dev_list_is_read_well_enough(half: str) -> None:
    rows = [(label, key) for label, key in _dev_rows(DEV4) if _half(label) == half]
    _assert_read_well(rows, DEV4_ACCURACY[half])


# --- concepts: word families that name a key together ---------------------------------


def test_every_concept_pair_names_known_concepts_and_a_registry_key() -> None:
    derived = {"what_last"}
    for first, second, key in CONCEPT_PAIRS:
        assert {first, second} <= set(CONCEPTS) | derived, (first, second)
        assert key in SECTION_KEYS and key != OTHER
    used = {concept for first, second, _ in CONCEPT_PAIRS for concept in (first, second)}
    assert set(CONCEPTS) - {"what"} <= used, "every concept takes part in a pair"


@pytest.mark.parametrize(
    ("label", "concepts"),
    [
        ("", []),
        ("🔥", []),
        ("حالا چی", [{"now"}, {"what", "what_last"}]),
        ("چی حالا", [{"what"}, {"now"}]),
        ("آنچه نگفتند", [{"which"}, {"not", "say"}]),
        ("نمای بازتر", [{"view"}, {"far"}]),
        ("Zoom back", [{"zoom"}, {"outward"}]),
        ("سطر " * 3, [{"text"}] * 3),
    ],
)
def test_word_concepts(label: str, concepts: list[set[str]]) -> None:
    assert [set(found) for found in word_concepts(label_words(label))] == concepts


@pytest.mark.parametrize(
    ("label", "scores", "used"),
    [
        ("", {}, set()),
        ("منظر", {}, set()),
        ("از منظر کلان", {"zoom_out": PAIR}, {1, 2}),
        ("کلان منظر", {"zoom_out": PAIR}, {0, 1}),
        ("نظر دیگر", {"the_other_side": PAIR}, {0, 1}),
        ("چرا این رویداد مهم است", {"why_it_matters": PAIR}, {0, 3}),
        ("تصویر کلان", {"big_picture": PAIR}, {0, 1}),
        ("قاب بازتر", {"zoom_out": PAIR}, {0, 1}),
        ("ساعاتی پیش", {"latest": PAIR}, {0, 1}),
        # «از» pairs only with the word right after it
        ("از ارتفاع", {"zoom_out": PAIR}, {0, 1}),
        ("دور از دوربین‌ها", {}, set()),
        # a cue phrase of three words is read whole first
        ("حال و هوای کنونی", {}, set()),
        ("what now", {}, set()),
        ("now what", {"whats_next": PAIR}, {0, 1}),
    ],
)
def test_concept_pairs(label: str, scores: dict[str, float], used: set[int]) -> None:
    assert concept_pairs(label_words(label)) == (scores, used)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("", False),
        ("ن", False),
        ("نگفتند", True),
        ("نمیگویند", True),
        ("نیامده", True),
        ("نظرها", False),
        ("نوشته", False),
        ("نتیجه", False),
        ("نزدیک", False),
        ("not", False),
    ],
)
def test_negated(word: str, expected: bool) -> None:
    assert negated(word) is expected


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("", []),
        ("ها", []),
        ("خانه", []),
        ("ماجرا", []),
        ("مخالفا", ["مخالف", "مخالفها"]),
        ("آمارا", ["آمار", "آمارها"]),
        ("مهمه", ["مهم"]),
        ("ریسکش", ["ریسک"]),
        ("حرفاشون", ["حرفا", "حرف", "حرفها"]),
        ("hello", []),
    ],
)
def test_spoken_forms(word: str, forms: list[str]) -> None:
    assert spoken_forms(word) == forms


def test_spoken_words_are_read_as_written() -> None:
    assert all(spoken and written for spoken, written in COLLOQUIAL.items())
    assert [w.text for w in label_words("اونا چی میگن")] == ["انها", "چه", "میگویند"]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        # two concepts decide, in any order and with words between them
        ("چرا این رویداد مهم است", "why_it_matters"),
        ("چرا مهمه؟", "why_it_matters"),
        ("چرا باید نگران بود", "why_it_matters"),
        ("این خبر برای شما چه معنایی دارد", "why_it_matters"),
        ("چرا این روزها", "driving_the_news"),
        ("محور خبر", "driving_the_news"),
        ("نقطه فعلی", "state_of_play"),
        ("الان کجاییم", "state_of_play"),
        ("از منظر کلان", "zoom_out"),
        ("نگاه از ارتفاع", "zoom_out"),
        ("Zoom back", "zoom_out"),
        ("Zoom on the budget", "zoom_in"),
        ("نظر دیگر", "the_other_side"),
        ("آنچه نگفتند", "between_the_lines"),
        ("پشت واژه‌ها", "between_the_lines"),
        ("حالا چی؟", "whats_next"),
        ("آنچه باعث این تصمیم شد", "driving_the_news"),
        ("اهمیت این توافق برای اقتصاد", "why_it_matters"),
        ("چرا به شما مربوط است", "why_it_matters"),
        # a cue's words by their lemma, but never across a negation
        ("آنچه نمی‌دانیم", "what_to_watch"),
        ("آنچه می‌دانیم", "state_of_play"),
        ("دقایقی پیش", "latest"),
        # a spoken voice
        ("مخالفا چی میگن", "the_other_side"),
        ("اونا چی میگن", "what_theyre_saying"),
        ("ریسکش چیه", "the_stakes"),
        # still other: one concept alone, or words that name no section
        ("منظر", OTHER),
        ("دیگر", OTHER),
        ("حالا", OTHER),
        ("نگاه هواداران", OTHER),
    ],
)
def test_read_label_by_concepts(label: str, key: str) -> None:
    assert read_label(label).key == key
