"""link_preview_options and disable_web_page_preview: checked, kept on the message, recorded."""

from __future__ import annotations

import httpx
import pytest
from http_calls import call, error_of
from telegram import Bot, LinkPreviewOptions
from tgsandbox import BotApiEmulator

LINK = "خبر کامل: https://example.com/news/1"


@pytest.mark.parametrize(
    ("text", "options", "returned", "recorded"),
    [
        (LINK, {"is_disabled": True}, {"is_disabled": True}, {"is_disabled": True}),
        ("بی پیوند", {"is_disabled": True}, None, {"is_disabled": True}),
        ("دامنه example.com", {"is_disabled": True}, None, {"is_disabled": True}),
        (
            '<a href="https://example.com/a">پیوند</a>',
            {"is_disabled": True},
            {"is_disabled": True},
            {"is_disabled": True},
        ),
        (LINK, {"is_disabled": False}, None, {}),
        (LINK, {}, None, {}),
        (
            LINK,
            {"is_disabled": True, "url": "https://example.com/b", "prefer_small_media": True},
            {"is_disabled": True},
            {"is_disabled": True},
        ),
        (
            LINK,
            {"url": "https://example.com/b", "prefer_large_media": True, "show_above_text": True},
            {"url": "https://example.com/b", "prefer_large_media": True, "show_above_text": True},
            {"url": "https://example.com/b", "prefer_large_media": True, "show_above_text": True},
        ),
        (LINK, {"prefer_small_media": True}, None, {}),
        ("x", {"show_above_text": True}, {"show_above_text": True}, {"show_above_text": True}),
    ],
)
async def test_options_kept_as_the_server_returns_them(
    emulator: BotApiEmulator,
    client: httpx.AsyncClient,
    text: str,
    options: dict[str, object],
    returned: dict[str, object] | None,
    recorded: dict[str, object],
) -> None:
    user = emulator.add_user()
    as_string = await call(
        client,
        "sendMessage",
        chat_id=str(user),
        text=text,
        parse_mode="HTML",
        link_preview_options=options,
    )
    as_object = await client.post(
        "sendMessage",
        json={"chat_id": user, "text": text, "parse_mode": "HTML", "link_preview_options": options},
    )
    for response in (as_string, as_object):
        assert response.json()["result"].get("link_preview_options") == returned
    for logged in emulator.messages(user):
        assert logged.link_preview_options == recorded
        assert logged.link_previews_disabled is bool(recorded.get("is_disabled"))


async def test_legacy_flag_and_no_options(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    legacy = await client.post(
        "sendMessage", data={"chat_id": str(user), "text": LINK, "disable_web_page_preview": "1"}
    )
    assert legacy.json()["result"]["link_preview_options"] == {"is_disabled": True}
    plain = await client.post("sendMessage", data={"chat_id": str(user), "text": LINK})
    assert "link_preview_options" not in plain.json()["result"]
    both = await client.post(
        "sendMessage",
        data={
            "chat_id": str(user),
            "text": LINK,
            "disable_web_page_preview": "true",
            "link_preview_options": "{}",
        },
    )
    assert "link_preview_options" not in both.json()["result"]
    first, second, third = emulator.messages(user)
    assert first.link_previews_disabled and first.link_preview_options == {"is_disabled": True}
    assert second.link_preview_options is None and not second.link_previews_disabled
    assert not third.link_previews_disabled


@pytest.mark.parametrize(
    ("raw", "description"),
    [
        ("{", "Bad Request: can't parse link preview options JSON object"),
        ("[]", "Bad Request: object expected as link preview options"),
        ("true", "Bad Request: object expected as link preview options"),
        ('{"is_disabled": "true"}', 'Bad Request: field "is_disabled" must be of type Boolean'),
        ('{"is_disabled": 1}', 'Bad Request: field "is_disabled" must be of type Boolean'),
        ('{"url": true}', 'Bad Request: field "url" must be of type String'),
        (
            '{"prefer_small_media": null}',
            'Bad Request: field "prefer_small_media" must be of type Boolean',
        ),
        ('{"show_above_text": []}', 'Bad Request: field "show_above_text" must be of type Boolean'),
    ],
)
async def test_malformed_options_are_refused_before_the_chat(
    client: httpx.AsyncClient, raw: str, description: str
) -> None:
    response = await client.post(
        "sendMessage", data={"chat_id": "42", "text": "x", "link_preview_options": raw}
    )
    assert error_of(response) == (400, description)


async def test_edits_change_the_options(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    sent = await client.post("sendMessage", data={"chat_id": str(user), "text": LINK})
    message_id = str(sent.json()["result"]["message_id"])
    edit = {"chat_id": str(user), "message_id": message_id, "text": LINK}
    disabled = await client.post(
        "editMessageText", data={**edit, "link_preview_options": '{"is_disabled": true}'}
    )
    assert disabled.json()["result"]["link_preview_options"] == {"is_disabled": True}
    same = await client.post(
        "editMessageText", data={**edit, "link_preview_options": '{"is_disabled": true}'}
    )
    assert error_of(same)[1].startswith("Bad Request: message is not modified")
    enabled = await client.post("editMessageText", data=edit)
    assert "link_preview_options" not in enabled.json()["result"]
    [logged] = emulator.messages(user)
    assert [v.link_preview_options for v in logged.edits] == [{"is_disabled": True}, None]
    assert not logged.link_previews_disabled


async def test_python_telegram_bot_link_preview_options(emulator: BotApiEmulator) -> None:
    user = emulator.add_user()
    async with Bot(emulator.token, base_url=emulator.base_url) as bot:
        sent = await bot.send_message(
            user, LINK, link_preview_options=LinkPreviewOptions(is_disabled=True)
        )
        assert sent.link_preview_options == LinkPreviewOptions(is_disabled=True)
        edited = await bot.edit_message_text(
            LINK + " ۲",
            user,
            sent.message_id,
            link_preview_options=LinkPreviewOptions(url="https://example.com/c"),
        )
    assert isinstance(edited, type(sent))
    assert edited.link_preview_options == LinkPreviewOptions(url="https://example.com/c")
    [logged] = emulator.messages(user)
    assert logged.link_preview_options == {"url": "https://example.com/c"}
    assert logged.edits[0].link_preview_options == {"url": "https://example.com/c"}
