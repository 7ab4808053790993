"""Paging a long post: whole paragraphs and bullets, headings with their text, a short
continuation line, room for the signature, and nothing lost or repeated."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tgsandbox import parse_html, text_length

from bot.article import Article, Block, Section
from bot.render import (
    BULLET,
    MESSAGE_LIMIT,
    MIN_FILL,
    RAW_LIMIT,
    SEPARATOR,
    Piece,
    continued_line,
    paginate,
    read_more,
    render_quotes,
    render_section,
    render_summary,
    signature_line,
)

HEADER = Piece.text("بودجه سال آینده", "b")
MORE = continued_line("بودجه سال آینده", "fa")
FOOTER = signature_line("@my_channel")
assert FOOTER is not None
ROOM = MESSAGE_LIMIT - HEADER.length - len(SEPARATOR)  # for pieces on the first message
SENTENCE = "نمایندگان درباره سهم استان‌ها از بودجه بحث کردند. "


def shown(message: str) -> str:
    """The text Telegram shows; fails as the server would on bad HTML or over the limit."""
    text, _ = parse_html(message)
    assert text_length(text) <= MESSAGE_LIMIT, f"{text_length(text)} characters"
    return text


def letters(text: str) -> str:
    """``text`` without its whitespace: what must survive paging, in order."""
    return "".join(text.split())


def body_of(messages: list[str], footer: Piece | None = None) -> str:
    """Everything the messages show but their header, continuation line and footer."""
    parts = []
    for index, message in enumerate(messages):
        text = shown(message)
        opening = shown((HEADER if index == 0 else MORE).html)
        assert text.startswith(opening)
        text = text.removeprefix(opening)
        if footer is not None:
            assert text.endswith(SEPARATOR + shown(footer.html))
            text = text.removesuffix(shown(footer.html))
        parts.append(text)
    return "".join(parts)


def pieces_text(pieces: list[Piece]) -> str:
    return "".join(piece.shown() for piece in pieces)


def test_empty() -> None:
    assert paginate(HEADER, []) == [HEADER.html]
    signed = paginate(HEADER, [], more=MORE, footer=FOOTER)
    assert signed == [HEADER.html + SEPARATOR + "@my_channel"]


@pytest.mark.parametrize("footer", [None, FOOTER])
def test_one_huge_paragraph(footer: Piece | None) -> None:
    piece = Piece.text(SENTENCE * 400, links=True)  # about 20,000 characters
    messages = paginate(HEADER, [piece], more=MORE, footer=footer)
    assert len(messages) == 5
    assert letters(body_of(messages, footer)) == letters(piece.shown())
    for message in messages[:-1]:
        assert len(shown(message)) > MESSAGE_LIMIT - len(SENTENCE) - 1  # filled
    for message in messages:  # split at sentence ends
        body = shown(message).removesuffix("@my_channel").rstrip()
        assert body.endswith(".")
    assert all(message.startswith(MORE.html + SEPARATOR) for message in messages[1:])


def test_a_word_longer_than_a_message_is_cut() -> None:
    piece = Piece.text("ب" * 9000)
    messages = paginate(HEADER, [piece], more=MORE)
    assert len(messages) == 3
    assert letters(body_of(messages)) == "ب" * 9000


@pytest.mark.parametrize(
    "text",
    [
        "<b>bold?</b> &amp; &lt;i&gt; <a href=\"javascript:x\">x</a> a < b > c &",
        "</blockquote><pre>" * 300,
        "&" * 5000,
        "<" * 4100,
    ],
)
def test_hostile_html_looking_text(text: str) -> None:
    pieces = [Piece.text(text, links=True), Piece.text(text, "b", heading=True),
              Piece.text(text, prefix=f"{BULLET} ")]  # fmt: skip
    messages = paginate(HEADER, pieces, more=MORE, footer=FOOTER)
    assert letters(body_of(messages, FOOTER)) == letters(pieces_text(pieces))
    for message in messages:
        _, entities = parse_html(message)
        assert not any(entity["type"] == "text_link" for entity in entities)


@pytest.mark.parametrize(("extra", "count"), [(0, 1), (1, 2)])
def test_exactly_at_the_limit(extra: int, count: int) -> None:
    piece = Piece.text("ج" * (ROOM + extra))
    messages = paginate(HEADER, [piece], more=MORE)
    assert len(messages) == count
    if count == 1:
        assert len(shown(messages[0])) == MESSAGE_LIMIT
    assert letters(body_of(messages)) == letters(piece.shown())


def test_exactly_at_the_limit_with_a_footer() -> None:
    room = ROOM - FOOTER.length - len(SEPARATOR)
    [message] = paginate(HEADER, [Piece.text("ج" * room)], footer=FOOTER)
    assert len(shown(message)) == MESSAGE_LIMIT
    assert len(paginate(HEADER, [Piece.text("ج" * (room + 1))], footer=FOOTER)) == 2


def test_paragraphs_stay_whole_when_the_message_is_well_filled() -> None:
    first = Piece.text(SENTENCE * 40)  # about 2,000 characters
    second = Piece.text(SENTENCE * 50)  # fits a message of its own, not the rest of this one
    messages = paginate(HEADER, [first, second], more=MORE)
    assert [shown(m) for m in messages] == [
        shown(HEADER.html) + SEPARATOR + first.shown(),
        shown(MORE.html) + SEPARATOR + second.shown(),
    ]


def test_a_heading_moves_on_with_its_text() -> None:
    first = Piece.text(SENTENCE * 40)
    heading = Piece.text("چرا اهمیت دارد", "b", heading=True)
    text = Piece.text(SENTENCE * 50)
    messages = paginate(HEADER, [first, heading, text], more=MORE)
    assert len(messages) == 2
    assert messages[0] == HEADER.html + SEPARATOR + first.html
    assert messages[1] == SEPARATOR.join([MORE.html, heading.html, text.html])


def test_a_first_message_is_not_left_tiny() -> None:
    """The issue's case: a short lede and a heading, then one long bullet."""
    lede = Piece.text("لید کوتاه خبر.")
    heading = Piece.text("چرا اهمیت دارد", "b", heading=True)
    bullet = Piece.text(SENTENCE * 90, links=True, prefix=f"{BULLET} ")
    messages = paginate(HEADER, [lede, heading, bullet], more=MORE)
    assert len(messages) == 2
    assert len(shown(messages[0])) > MESSAGE_LIMIT * MIN_FILL
    assert not shown(messages[0]).endswith("چرا اهمیت دارد")
    assert shown(messages[0]).count(BULLET) == 1 and BULLET not in shown(messages[1])
    assert letters(body_of(messages)) == letters(pieces_text([lede, heading, bullet]))


def test_a_message_of_headings_only_is_never_made() -> None:
    headings = [Piece.text(f"بخش {n}", "b", heading=True) for n in range(3)]
    text = Piece.text(SENTENCE * 60)
    messages = paginate(HEADER, [Piece.text(SENTENCE * 30), *headings, text], more=MORE)
    for message in messages:
        assert not message.endswith("</b>")
    assert letters(body_of(messages)) == letters(pieces_text([Piece.text(SENTENCE * 30),
                                                              *headings, text]))  # fmt: skip


def test_links_survive_a_split() -> None:
    text = f"گزارش کامل در https://www.irna.ir/news/1، و {SENTENCE}" * 120
    messages = paginate(HEADER, [Piece.text(text, links=True)], more=MORE)
    assert len(messages) > 1
    for message in messages:
        _, entities = parse_html(message)
        urls = {entity["url"] for entity in entities if entity["type"] == "text_link"}
        assert urls == {"https://www.irna.ir/news/1"}


def test_the_header_must_fit() -> None:
    with pytest.raises(ValueError, match="header alone"):
        paginate(Piece.text("x" * MESSAGE_LIMIT), [Piece.text("y")])
    with pytest.raises(ValueError, match="header alone"):
        paginate(HEADER, [], footer=Piece.text("x" * MESSAGE_LIMIT))


REPEATED = [SENTENCE, "www.irna.ir، ", "کلمه", "& ", "https://x.ir/a_(b)). "]
TEXT = st.text(st.sampled_from("خبر وزیر. ab<>&;\"'«»،؟!\n\u200c"), max_size=300)
PIECE = st.one_of(
    st.builds(
        lambda bullet, text: Piece.text(text, links=True, prefix=f"{BULLET} " if bullet else ""),
        st.booleans(),
        st.one_of(TEXT, st.builds(str.__mul__, st.sampled_from(REPEATED), st.integers(0, 400))),
    ),
    # Headings are section names, shortened long before they fill a message.
    st.builds(lambda text: Piece.text(text, "b", heading=True), TEXT),
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECE, max_size=12), signed=st.booleans())
@example(pieces=[Piece.text("x" * 4000), Piece.text("h", "b", heading=True),
                 Piece.text("y" * 4000)], signed=True)  # fmt: skip
def test_every_part_fits_and_nothing_is_lost_or_repeated(pieces: list[Piece], signed: bool) -> None:
    footer = FOOTER if signed else None
    messages = paginate(HEADER, pieces, more=MORE, footer=footer)
    assert letters(body_of(messages, footer)) == letters(pieces_text(pieces))
    has_text = any(not piece.heading and piece.shown().strip() for piece in pieces)
    for message in messages[:-1]:
        if has_text:
            assert not message.removesuffix(SEPARATOR + FOOTER.html).endswith("</b>")


def article(body: tuple[Block, ...], **extra: object) -> Article:
    return Article(
        "بودجه سال آینده",
        lede="لید کوتاه.",
        sections=(Section("why_it_matters", "چرا اهمیت دارد", body),),
        hashtags=("بودجه",),
        **extra,  # type: ignore[arg-type]
    )


def test_a_split_summary_has_continuations_and_the_link_at_the_end() -> None:
    body = tuple(Block("bullet", SENTENCE * 20) for _ in range(8))
    source = "https://www.irna.ir/news/1?a=1&b='2'"
    messages = render_summary(article(body, source_url=source), date(2026, 11, 29),
                              signature="@my_channel")  # fmt: skip
    assert len(messages) >= 2
    assert messages[0].startswith("<b>بودجه سال آینده</b>\n<i>۸ آذر ۱۴۰۵</i>")
    for message in messages[1:]:
        assert shown(message).startswith("بودجه سال آینده (ادامه)\n\n")
        assert "۸ آذر" not in shown(message)
    assert all(shown(message).endswith("\n\n@my_channel") for message in messages)
    _, entities = parse_html(messages[-1])
    assert [e["url"] for e in entities if e["type"] == "text_link"] == [source]
    assert "#بودجه" in shown(messages[-1]) and "ادامه خبر در منبع" in shown(messages[-1])


def test_a_credit_without_an_address_is_named_not_linked() -> None:
    item = article((Block("paragraph", "چون."),), source_credit="خبرگزاری <تسنیم>")
    [message] = render_summary(item)
    assert "منبع: خبرگزاری &lt;تسنیم&gt;" in message and "<a " not in message
    linked = article((Block("paragraph", "چون."),), source_url="https://a.ir/1", source_credit="X")
    assert "ادامه خبر در منبع" in shown(render_summary(linked)[0])
    english = Article("Budget", lang="en", source_credit="Reuters")
    assert "Source: Reuters" in shown(render_summary(english)[0])


@pytest.mark.parametrize(
    ("source", "linked"),
    [
        ("https://www.irna.ir/news/1", True),
        ("http://x.ir/a?b=1&d='e'", True),
        ('http://x.ir/"><b>', False),
        ("www.irna.ir", True),
        ("javascript:alert(1)", False),
        ("ftp://irna.ir/x", False),
        ("", False),
        (None, False),
    ],
)
def test_read_more_only_for_web_addresses(source: str | None, linked: bool) -> None:
    item = article((Block("paragraph", "چون."),), source_url=source)
    assert (read_more(item) is not None) is linked
    [message] = render_summary(item)
    assert ("ادامه خبر در منبع" in shown(message)) is linked
    english = Article("Budget", lang="en", source_url=source)
    assert ("Read more at the source" in shown(render_summary(english)[0])) is linked


def test_sections_and_quotes_are_continued_and_signed() -> None:
    body = tuple(Block("paragraph", SENTENCE * 30) for _ in range(6))
    item = article(body)
    messages = render_section(item, item.sections[0], signature="@my_channel")
    assert len(messages) >= 2
    assert shown(messages[0]).startswith("چرا اهمیت دارد\nبودجه سال آینده\n\n")
    for message in messages[1:]:
        assert shown(message).startswith("چرا اهمیت دارد (ادامه)\n\n")
    assert all(shown(message).endswith("\n\n@my_channel") for message in messages)
    [quotes] = render_quotes(Article("T", lang="en"), signature="@my_channel")
    assert shown(quotes).endswith("\n\n@my_channel")


def test_a_long_paragraph_after_a_full_message_breaks_at_sentence_ends() -> None:
    long_sentence = "واژه " * 300 + "پایان. "  # 1,507 characters
    first = Piece.text(SENTENCE * 60)  # about 3,000 characters: 1,000 left
    messages = paginate(HEADER, [first, Piece.text(long_sentence * 4)], more=MORE)
    assert len(messages) == 3
    assert shown(messages[0]) == shown(HEADER.html) + SEPARATOR + first.shown()
    for message in messages:
        assert shown(message).rstrip().endswith(".")


@pytest.mark.parametrize(
    "footer", [None, signature_line("@" + "ب" * 600)], ids=["bare", "long-signature"]
)
def test_a_message_heavy_in_markup_closes_at_the_byte_limit(footer: Piece | None) -> None:
    """Short pieces with long link addresses fill a message in bytes before letters: each
    message stays within RAW_LIMIT, closes only when the next piece would pass it, and
    every piece goes out once, in order."""
    pieces = [
        Piece(f'<a href="https://example.com/{index:03d}/{"x" * 900}">{index}</a>', 3)
        for index in range(100)
    ]
    messages = paginate(HEADER, pieces, more=MORE, footer=footer)
    assert len(messages) > 1
    for message in messages:
        assert len(message.encode("utf-8")) <= RAW_LIMIT
    for message, after in pairwise(messages):
        first = next(piece for piece in pieces if piece.html in after)
        grown = len(message.encode("utf-8")) + len(SEPARATOR) + len(first.html.encode("utf-8"))
        assert grown > RAW_LIMIT
    found = [piece.html for message in messages for piece in pieces if piece.html in message]
    assert found == [piece.html for piece in pieces]
