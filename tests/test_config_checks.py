"""ADMIN_IDS names its bad entry; the token's shape is checked before any request."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings, parse_admin_id, token_problem

from .conftest import FAKE_TOKEN


@pytest.mark.parametrize(
    ("entry", "expected"),
    [("12345", 12345), (" 7 ", 7), (42, 42), ("0012", 12)],
)
def test_admin_ids_that_are_user_ids(entry: object, expected: int) -> None:
    assert parse_admin_id(entry) == expected


@pytest.mark.parametrize(
    "entry", ["", " ", "@editor", "12a", "-100123", "0", 0, -5, "1.5", "١٢٣", "1e3", "\x00"]
)
def test_admin_ids_that_are_not(entry: object) -> None:
    with pytest.raises(ValueError, match="is not a Telegram user id"):
        parse_admin_id(entry)


def test_a_malformed_admin_ids_names_the_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "111, 2x2 ,333")
    with pytest.raises(ConfigError, match=r"^ADMIN_IDS: '2x2' is not a Telegram user id"):
        load_settings(None)


@pytest.mark.parametrize(("value", "ids"), [("", []), ("1,2", [1, 2]), (" 3 ,, 4 ", [3, 4])])
def test_admin_ids_read(monkeypatch: pytest.MonkeyPatch, value: str, ids: list[int]) -> None:
    monkeypatch.setenv("ADMIN_IDS", value)
    assert load_settings(None).admin_ids == ids


@pytest.mark.parametrize(
    "token",
    [FAKE_TOKEN, "654321:not-the-emulators-token-either", "123456789:AAE" + "x_-Y" * 8, "1:a"],
)
def test_token_shapes_accepted(token: str) -> None:
    assert token_problem(token) is None


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("", "does not look like a bot token"),
        ("123456", "does not look like a bot token"),
        (":abc", "does not look like a bot token"),
        ("abc:def", "does not look like a bot token"),
        ("123:abc def", "does not look like a bot token"),
        ("123:ab<b>c", "does not look like a bot token"),
        ("123:abc\x00", "does not look like a bot token"),
        (" 123:abc", "spaces or quotes"),
        ('"123:abc"', "spaces or quotes"),
        ("'123:abc'", "spaces or quotes"),
        ("123:abc\n", "spaces or quotes"),
        ("bot123:abc", "starts with 'bot'"),
    ],
)
def test_token_shapes_refused(token: str, words: str) -> None:
    problem = token_problem(token)
    assert problem is not None and words in problem
    assert problem.startswith("TELEGRAM_BOT_TOKEN")
    if len(token) > 3:
        assert token.strip().strip("'\"") not in problem


@pytest.mark.parametrize(
    ("value", "signature"),
    [(None, None), ("", None), ("@my_channel", "@my_channel"), ("  @news  ", "@news"),
     ("کانال ما: @news", "کانال ما: @news"), ("x" * 100, "x" * 100)],
)  # fmt: skip
def test_channel_signature(
    monkeypatch: pytest.MonkeyPatch, value: str | None, signature: str | None
) -> None:
    if value is not None:
        monkeypatch.setenv("CHANNEL_SIGNATURE", value)
    assert load_settings(None).channel_signature == signature


@pytest.mark.parametrize(
    ("value", "words"),
    [("   ", "is blank"), ("\u200c\u200f", "is blank"), ("\x07", "is blank"),
     ("x" * 101, "is 101 characters long; at most 100"), ("@a\n@b", "must be one line")],
)  # fmt: skip
def test_a_bad_channel_signature_is_one_line(
    monkeypatch: pytest.MonkeyPatch, value: str, words: str
) -> None:
    monkeypatch.setenv("CHANNEL_SIGNATURE", value)
    with pytest.raises(ConfigError, match=rf"^CHANNEL_SIGNATURE: {words}") as error:
        load_settings(None)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("value", "on"), [(None, False), ("", False), ("on", True), (" ON ", True), ("off", False)]
)
def test_link_previews(monkeypatch: pytest.MonkeyPatch, value: str | None, on: bool) -> None:
    if value is not None:
        monkeypatch.setenv("LINK_PREVIEWS", value)
    assert load_settings(None).link_previews is on


@pytest.mark.parametrize("value", ["yes", "1", "true", "<b>"])
def test_link_previews_is_on_or_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LINK_PREVIEWS", value)
    with pytest.raises(ConfigError, match=r"^LINK_PREVIEWS: .* is neither on nor off$"):
        load_settings(None)
