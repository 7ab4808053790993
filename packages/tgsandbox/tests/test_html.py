"""Table tests for the port of TDLib's HTML parser, links, and the server's text cleanup."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tgsandbox import HtmlParseError, clean_text, parse_html, text_length, utf16_length
from tgsandbox.formatting import FormattingError, fix_formatted_text, is_empty_text
from tgsandbox.html import parse_html_entities
from tgsandbox.links import check_link, link_user_id


def ent(kind: str, offset: int, length: int, **extra: object) -> dict[str, object]:
    return {"type": kind, "offset": offset, "length": length, **extra}


VALID = [
    ("", "", []),
    ("سلام", "سلام", []),
    ("<b>x</b>", "x", [ent("bold", 0, 1)]),
    ("<strong>x</strong>", "x", [ent("bold", 0, 1)]),
    ("<i>x</i><em>y</em>", "xy", [ent("italic", 0, 1), ent("italic", 1, 1)]),
    ("<u>x</u><ins>y</ins>", "xy", [ent("underline", 0, 1), ent("underline", 1, 1)]),
    (
        "<s>a</s><strike>b</strike><del>c</del>",
        "abc",
        [ent("strikethrough", 0, 1), ent("strikethrough", 1, 1), ent("strikethrough", 2, 1)],
    ),
    ('<span class="tg-spoiler">x</span>', "x", [ent("spoiler", 0, 1)]),
    ("<tg-spoiler>x</tg-spoiler>", "x", [ent("spoiler", 0, 1)]),
    (
        '<a href="https://example.com/a?b=1">x</a>',
        "x",
        [ent("text_link", 0, 1, url="https://example.com/a?b=1")],
    ),
    ("<a href='example.com'>x</a>", "x", [ent("text_link", 0, 1, url="http://example.com/")]),
    ("<a href=example.com>x</a>", "x", [ent("text_link", 0, 1, url="http://example.com/")]),
    ('<a href="sftp://example.com">x</a>', "x", []),
    ("<a>t.me</a>", "t.me", [ent("text_link", 0, 4, url="http://t.me/")]),
    (
        '<a href="tg://user?id=42">x</a>',
        "x",
        [ent("text_mention", 0, 1, user={"id": 42, "is_bot": False, "first_name": ""})],
    ),
    ("<code>x</code>", "x", [ent("code", 0, 1)]),
    ('<code class="language-python">x</code>', "x", [ent("code", 0, 1)]),
    ("<pre>x</pre>", "x", [ent("pre", 0, 1)]),
    (
        '<pre><code class="language-python">x</code></pre>',
        "x",
        [ent("pre", 0, 1, language="python")],
    ),
    ('<code class="language-go"><pre>x</pre></code>', "x", [ent("pre", 0, 1, language="go")]),
    ("<pre><code>x</code></pre>", "x", [ent("pre", 0, 1), ent("code", 0, 1)]),
    ("<blockquote>q</blockquote>", "q", [ent("blockquote", 0, 1)]),
    ("<blockquote expandable>q</blockquote>", "q", [ent("expandable_blockquote", 0, 1)]),
    ('<blockquote expandable="">q</blockquote>', "q", [ent("expandable_blockquote", 0, 1)]),
    (
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        "👍",
        [ent("custom_emoji", 0, 2, custom_emoji_id="5368324170671202286")],
    ),
    ("<B>x</B>", "x", [ent("bold", 0, 1)]),
    ("<b>x</>", "x", [ent("bold", 0, 1)]),
    ("<b>x</b   >", "x", [ent("bold", 0, 1)]),
    ("<b>a<i>b</i></b>", "ab", [ent("bold", 0, 2), ent("italic", 1, 1)]),
    ("<b><i>x</i></b>", "x", [ent("bold", 0, 1), ent("italic", 0, 1)]),
    ("<b></b>x", "x", []),
    ("<b>😀</b>", "😀", [ent("bold", 0, 2)]),
    ("خبر <b>فوری</b>", "خبر فوری", [ent("bold", 4, 4)]),
    ('<b title="x">y</b>', "y", [ent("bold", 0, 1)]),
    ("&lt;&gt;&amp;&quot;", '<>&"', []),
    ("&lt &gt", "< >", []),
    ("&#1587;&#x644;&#X41;", "سل&#X41;", []),
    ("&#128512;", "😀", []),
    ("&nbsp;&copy;&", "&nbsp;&copy;&", []),
    ("&#0; &#1114111; &#12345678;", "&#0; &#1114111; &#12345678;", []),
    ("a &amp;lt; b", "a &lt; b", []),
    ("<b>&lt;</b>", "<", [ent("bold", 0, 1)]),
    (
        '<a href="https://e.com/?a=1&amp;b=2">x</a>',
        "x",
        [ent("text_link", 0, 1, url="https://e.com/?a=1&b=2")],
    ),
    ("a > b", "a > b", []),
    ("1 &lt; 2", "1 < 2", []),
]


@pytest.mark.parametrize(("source", "text", "entities"), VALID)
def test_valid_html(source: str, text: str, entities: list[dict[str, object]]) -> None:
    assert parse_html(source) == (text, entities)


ERRORS = [
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
    ("سلام <br>", 'Unsupported start tag "br" at byte offset 9'),
    ("خبر < بیشتر", 'Unsupported start tag "" at byte offset 7'),
    ("<بی>", 'Unsupported start tag "بی" at byte offset 0'),
    ("<b", "Unclosed start tag at byte offset 0"),
    ("ab<i", "Unclosed start tag at byte offset 2"),
    ("<b x", 'Unclosed start tag "b" at byte offset 0'),
    ("<b x=", 'Unclosed start tag "b" at byte offset 0'),
    ('<a href="x', "Unclosed start tag at byte offset 0"),
    ("<a href=x", "Unclosed start tag at byte offset 0"),
    ("</b>", "Unexpected end tag at byte offset 0"),
    ("متن</i>", "Unexpected end tag at byte offset 6"),
    ("<b>x</b", "Unclosed end tag at byte offset 4"),
    ("<b>x</ b>", "Unclosed end tag at byte offset 4"),
    ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
    ("<b>خبر</i>", 'Unmatched end tag at byte offset 9, expected "</b>", found "</i>"'),
    ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b><i>x</i>", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b =x>y</b>", 'Empty attribute name in the tag "b" at byte offset 0'),
    ('<a href="x"/>', 'Empty attribute name in the tag "a" at byte offset 0'),
    ("<a href=x/>", "Unexpected end of name token at byte offset 8"),
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ('<span class="bold">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier specified"),
    ("<tg-emoji>x</tg-emoji>", "Invalid custom emoji identifier specified"),
    (
        "&#xD83D;",
        "Text contains invalid Unicode characters after decoding HTML entities, check for "
        "unmatched surrogate code units",
    ),
]


@pytest.mark.parametrize(("source", "message"), ERRORS)
def test_error_messages(source: str, message: str) -> None:
    with pytest.raises(HtmlParseError) as caught:
        parse_html(source)
    assert str(caught.value) == message


def test_empty_custom_emoji_is_not_checked() -> None:
    assert parse_html('<tg-emoji emoji-id="abc"></tg-emoji>') == ("", [])


def test_embedded_nul_ends_a_tag_like_the_end_of_the_text() -> None:
    with pytest.raises(HtmlParseError, match="Unclosed start tag at byte offset 0"):
        parse_html("<b\x00>x</b>")


def test_entity_offsets_are_utf16_and_error_offsets_utf8() -> None:
    text, entities = parse_html("😀 <i>می‌روم</i>")
    assert text == "😀 می‌روم"
    assert entities == [ent("italic", 3, 6)]
    with pytest.raises(HtmlParseError, match="at byte offset 19"):
        parse_html("😀 می‌روم <x>")


def test_internal_entities_keep_pre_language() -> None:
    _, entities = parse_html_entities('<pre><code class="language-fa">x</code></pre>')
    assert [(e.type, e.argument) for e in entities] == [("pre_code", "fa")]


@given(st.text())
def test_escaped_text_parses_to_itself(text: str) -> None:
    assert parse_html(html.escape(text)) == (text, [])


@given(st.text(alphabet="<>/&;#xab =\"'iu سل😀\n", max_size=40))
def test_hostile_input_fails_cleanly_or_gives_entities_inside_the_text(source: str) -> None:
    try:
        text, entities = parse_html(source)
    except HtmlParseError as error:
        assert str(error)
        return
    for entity in entities:
        assert isinstance(entity["offset"], int) and isinstance(entity["length"], int)
        assert entity["offset"] >= 0 and entity["length"] > 0
        assert entity["offset"] + entity["length"] <= utf16_length(text)


# --- links: TDLib's own test vectors for LinkManager::check_link ---------------------------

LINKS = [
    ("sftp://google.com", ""),
    ("tg://google_com", "tg://google_com/"),
    ("tOn://google", "ton://google/"),
    ("httP://google.com?1#tes", "http://google.com/?1#tes"),
    ("httPs://google.com/?1#tes", "https://google.com/?1#tes"),
    ("http://google.com:0", ""),
    ("http://google.com:0000000001", "http://google.com:1/"),
    ("http://google.com:-1", ""),
    ("tg://google?1#tes", "tg://google?1#tes"),
    ("tg://google/?1#tes", "tg://google?1#tes"),
    ("TG:_", "tg://_/"),
    ("http:google.com", ""),
    ("tg://http://google.com", ""),
    ("tg:https://google.com", ""),
    ("tg:test@google.com", ""),
    ("tg:google.com:80", ""),
    ("tg:google-com", "tg://google-com/"),
    ("tg:google.com", ""),
    ("tg:127.0.0.1", ""),
    ("http://[2001:db8:0:0:0:ff00:42:8329]", "http://[2001:db8:0:0:0:ff00:42:8329]/"),
    ("http://localhost", ""),
    ("http://..", "http://../"),
    ("..", "http://../"),
    ("https://.", ""),
    ("tOnSiTe://google", "tonsite://google/"),
    ("tOnSiTe://google.ton?t=1#we", "tonsite://google.ton?t=1#we"),
]


@pytest.mark.parametrize(("url", "expected"), LINKS)
def test_check_link(url: str, expected: str) -> None:
    assert check_link(url) == expected


@pytest.mark.parametrize(
    ("url", "user_id"),
    [("tg://user?id=42", 42), ("TG:user?id=7", 7), ("tg://user?id=x", 0), ("https://t.me/x", 0)],
)
def test_link_user_id(url: str, user_id: int) -> None:
    assert link_user_id(url) == user_id


# --- the server's cleanup ------------------------------------------------------------------

CLEANUP = [
    ("", ""),
    ("  خبر  \n", "خبر"),
    ("a\r\nb", "a\nb"),
    ("a\tb\x01c", "a b c"),
    ("\u202bخبر\u202c", "خبر"),
    ("a\u2028b\u2029c\u202ed", "abcd"),
    ("\u2066isolated\u2069 \u200fRLM", "\u2066isolated\u2069 \u200fRLM"),
    ("\u200f\u200f\u200fx", "\u200c\u200c\u200fx"),
    ("x\u0333", "x"),
]


@pytest.mark.parametrize(("raw", "cleaned"), CLEANUP)
def test_clean_text(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


def test_lengths_count_code_points_and_utf16() -> None:
    assert text_length("می\u200cروم") == 6
    assert text_length("😀") == 1
    assert utf16_length("😀") == 2


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\u200c\u200f", "\u00a0 \u2800", "\r\t"])
def test_text_of_invisible_characters_is_empty(text: str) -> None:
    with pytest.raises(FormattingError, match="Text must be non-empty"):
        fix_formatted_text(text, [])


def test_fix_formatted_text_moves_entities_and_merges_touching_bold() -> None:
    text, entities = parse_html_entities("\r\n  <b>خبر</b><b>ها</b> \u202bx\n ")
    fixed, fixed_entities = fix_formatted_text(text, entities)
    assert fixed == "خبرها x"
    assert [e.to_bot_api() for e in fixed_entities] == [ent("bold", 0, 5)]


def test_fix_formatted_text_drops_formatting_inside_pre() -> None:
    text, entities = parse_html_entities("<pre>a<b>b</b></pre>")
    assert [e.type for e in fix_formatted_text(text, entities)[1]] == ["pre"]


def test_is_empty_text_keeps_letters() -> None:
    assert not is_empty_text("\u200cخ")
