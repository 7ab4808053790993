"""Approval before posting, as data: button data, /preview's number, the admins' lines."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings, parse_switch
from bot.storage.approvals import Review
from bot.tg.approval_views import (
    Decision,
    awaiting_lines,
    decision_keyboard,
    decode_decision,
    preview_number,
    prompt_text,
    state_line,
)


def review(state: str = "awaiting", *, current: bool = True, changed: bool = False,
           title: str = "خبر", name: str | None = None) -> Review:  # fmt: skip
    return Review(article_id=12, content_hash="0a1b2c3d" + "f" * 24, state=state,  # type: ignore[arg-type]
                  current_hash="0a1b2c3d" + "f" * 24 if current else "9" * 32, changed=changed,
                  title=title, decided_by=7 if name else None, decided_by_name=name)  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("ap:pub:12:0a1b2c3d", Decision("pub", 12, "0a1b2c3d")),
        ("ap:hold:1:ffffffff", Decision("hold", 1, "ffffffff")),
        ("ap:drop:999999999999999999:00000000", Decision("drop", 999999999999999999, "00000000")),
        ("", None),
        (None, None),
        ("ap:pub:12", None),
        ("ap:pub:12:0a1b2c3d:x", None),
        ("ap:publish:12:0a1b2c3d", None),
        ("ap:pub:0:0a1b2c3d", None),
        ("ap:pub:-1:0a1b2c3d", None),
        ("ap:pub:١٢:0a1b2c3d", None),
        ("ap:pub:12:0A1B2C3D", None),
        ("ap:pub:12:0a1b2c3", None),
        ("ap:pub:1234567890123456789:0a1b2c3d", None),
        ("p:again:12", None),
        ("ap:pub:12:" + "a" * 60, None),
        ("ap:pub:<b>:0a1b2c3d", None),
    ],
)
def test_decode_decision(data: str | None, expected: Decision | None) -> None:
    assert decode_decision(data) == expected


def test_buttons_carry_ids_within_64_bytes_in_both_languages() -> None:
    longest = Decision("hold", 999999999999999999, "ffffffff").encode()
    assert len(longest.encode()) <= 64 and decode_decision(longest) is not None
    for lang, labels in (("fa", ["انتشار", "نگه‌داشتن", "حذف"]),
                         ("en", ["Publish", "Hold", "Discard"])):  # fmt: skip
        keyboard = decision_keyboard(review(title="عنوانی بسیار بلند " * 20), lang)
        [row] = keyboard.inline_keyboard
        assert [button.text for button in row] == labels
        assert [decode_decision(button.callback_data) for button in row] == [  # type: ignore[arg-type]
            Decision(action, 12, "0a1b2c3d") for action in ("pub", "hold", "drop")
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("   ", None), (None, None), ("12", 12), (" #12 ", 12), ("# 7", 7),
     ("۱۲", 12), ("#٣", 3)],
)  # fmt: skip
def test_preview_number(text: str | None, expected: int | None) -> None:
    assert preview_number(text) == expected


@pytest.mark.parametrize(
    "text", ["abc", "12abc", "-1", "1 2", "<b>1</b>", "1234567890", "#", "12.5", "\x00"]
)
def test_preview_number_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not an article number"):
        preview_number(text)


@pytest.mark.parametrize(
    ("item", "lang", "expected"),
    [
        (review(), "en", "Waiting for approval: publish it?"),
        (review("held", name="Chief"), "en",
         "⏸ Held by Chief; waiting for a decision: publish it?"),
        (review("approved", name="<Chief>"), "en", "✅ Published by &lt;Chief&gt;."),
        (review("rejected", name="Chief"), "fa", "🗑 Chief حذفش کرد؛ ارسال نمی‌شود."),
        (review("approved", current=False), "en", "This version was replaced; the newer one: "
                                                   "/preview 12"),
        (None, "en", "It is posted without approval."),
    ],
)  # fmt: skip
def test_state_line(item: Review | None, lang: str, expected: str) -> None:
    assert state_line(item, lang) == expected


def test_prompt_text_names_the_article_the_chats_and_a_new_version() -> None:
    text = prompt_text(12, "<b>&", 3, ["@a", "@b"], review(changed=True), "en")
    assert text.startswith("⬆️ Preview of the new version of article #12 “&lt;b&gt;&amp;”: "
                           "3 messages for @a, @b, exactly as above.\n")  # fmt: skip
    text = prompt_text(12, "خبر", 1, [], review(), "fa")
    assert "برای مشترکان" in text and "نسخه تازه" not in text


def test_awaiting_lines_one_per_article_escaped_and_shortened() -> None:
    lines = awaiting_lines([review(title="<script>"), review("held", name="Chief",
                                                             title="خ" * 300)], "en")  # fmt: skip
    assert lines[0] == "Awaiting approval: #12 “&lt;script&gt;” — /preview 12"
    assert lines[1].startswith("Held by Chief: #12 “خ") and "…" in lines[1]
    assert len(lines[1]) < 150
    assert awaiting_lines([], "fa") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("on", True), ("off", False), (" On ", True), ("OFF", False), ("", False), ("  ", False),
     (True, True), (False, False)],
)  # fmt: skip
def test_parse_switch(value: object, expected: bool) -> None:
    assert parse_switch(value) is expected


@pytest.mark.parametrize("value", ["yes", "1", "true", "onn", "on off", "<on>", "\x00", "نعم"])
def test_parse_switch_refuses(value: str) -> None:
    with pytest.raises(ValueError, match="neither on nor off"):
        parse_switch(value)


@pytest.mark.parametrize(
    ("settings", "error"),
    [
        ({"digest_approval": "yes", "admin_ids": "1"},
         "DIGEST_APPROVAL: 'yes' is neither on nor off"),
        ({"digest_approval": "on"}, "DIGEST_APPROVAL: on needs ADMIN_IDS"),
    ],
)  # fmt: skip
def test_digest_approval_setting_errors_are_one_line(settings: dict[str, str], error: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(env_file=None, **settings)
    assert str(raised.value).startswith(error) and "\n" not in str(raised.value)


def test_digest_approval_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_APPROVAL", "on")
    monkeypatch.setenv("ADMIN_IDS", "5")
    assert load_settings(env_file=None).digest_approval is True
    monkeypatch.delenv("DIGEST_APPROVAL")
    assert load_settings(env_file=None).digest_approval is False
