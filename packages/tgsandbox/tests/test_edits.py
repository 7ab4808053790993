"""Editing captions and texts, the edit history, and deleting within Telegram's 48 hours."""

from __future__ import annotations

import httpx
import pytest
from http_calls import call, error_of, upload
from sample_images import jpeg
from tgsandbox import BotApiEmulator

HOURS_48 = 48 * 3600


async def photo_message(client: httpx.AsyncClient, chat: str, caption: str = "تیتر") -> int:
    response = await upload(client, jpeg(800, 600), "a.jpg", chat_id=chat, caption=caption)
    return int(response.json()["result"]["message_id"])


NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


async def test_edit_caption_records_every_version(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    channel = emulator.add_channel("@news_fa")
    message_id = await photo_message(client, "@news_fa", "تیتر")
    keyboard = {"inline_keyboard": [[{"text": "بیشتر", "callback_data": "more"}]]}
    edit = {
        "chat_id": "@news_fa",
        "message_id": str(message_id),
        "caption": "<b>تیتر</b> (ویرایش شد)",
        "parse_mode": "HTML",
        "reply_markup": keyboard,
    }
    edited = await call(client, "editMessageCaption", **edit)
    result = edited.json()["result"]
    assert result["caption"] == "تیتر (ویرایش شد)" and result["edit_date"] > 0
    assert result["caption_entities"] == [{"type": "bold", "offset": 0, "length": 4}]
    assert result["reply_markup"] == keyboard and len(result["photo"]) == 3
    same = await call(client, "editMessageCaption", **edit)
    assert error_of(same) == (400, NOT_MODIFIED)
    removed = await call(
        client, "editMessageCaption", chat_id="@news_fa", message_id=str(message_id)
    )
    assert "caption" not in removed.json()["result"]
    await call(
        client,
        "editMessageReplyMarkup",
        chat_id="@news_fa",
        message_id=str(message_id),
        reply_markup=keyboard,
    )
    [logged] = emulator.messages(channel)
    assert [(v.method, v.text, v.raw_text) for v in logged.edits] == [
        ("editmessagecaption", "تیتر (ویرایش شد)", "<b>تیتر</b> (ویرایش شد)"),
        ("editmessagecaption", "", ""),
        ("editmessagereplymarkup", "", ""),
    ]
    assert logged.text == "" and logged.reply_markup == keyboard and logged.photo is not None


async def test_caption_and_text_edits_refuse_the_other_kind(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    text_id = (await call(client, "sendMessage", chat_id=str(user), text="متن")).json()["result"][
        "message_id"
    ]
    photo_id = await photo_message(client, str(user))
    no_caption = await call(
        client, "editMessageCaption", chat_id=str(user), message_id=str(text_id), caption="x"
    )
    assert error_of(no_caption) == (400, "Bad Request: there is no caption in the message to edit")
    no_text = await call(
        client, "editMessageText", chat_id=str(user), message_id=str(photo_id), text="x"
    )
    assert error_of(no_text) == (400, "Bad Request: there is no text in the message to edit")
    too_long = await call(
        client,
        "editMessageCaption",
        chat_id=str(user),
        message_id=str(photo_id),
        caption="خ" * 1025,
    )
    assert error_of(too_long) == (400, "Bad Request: MEDIA_CAPTION_TOO_LONG")
    bad_html = await call(
        client,
        "editMessageCaption",
        chat_id=str(user),
        message_id=str(photo_id),
        caption="<i>x",
        parse_mode="HTML",
    )
    assert error_of(bad_html)[1].startswith("Bad Request: can't parse entities")
    missing = await call(client, "editMessageCaption", chat_id=str(user), message_id="99")
    assert error_of(missing) == (400, "Bad Request: message to edit not found")
    user_photo = emulator.send_photo(user, jpeg(10, 10), caption="من")
    theirs = await call(
        client,
        "editMessageCaption",
        chat_id=str(user),
        message_id=str(user_photo["message_id"]),
        caption="x",
    )
    assert error_of(theirs) == (400, "Bad Request: message can't be edited")
    assert all(not m.edits for m in emulator.messages(user))


async def test_document_caption_can_be_edited(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    sent = await client.post(
        "sendDocument",
        data={"chat_id": str(user), "caption": "پیوست"},
        files={"document": ("a.txt", b"x", "text/plain")},
    )
    message_id = sent.json()["result"]["message_id"]
    edited = await call(
        client, "editMessageCaption", chat_id=str(user), message_id=str(message_id), caption="تازه"
    )
    assert edited.json()["result"]["caption"] == "تازه"
    assert edited.json()["result"]["document"]["file_name"] == "a.txt"


async def test_caption_edit_moves_a_photo_caption_above_but_not_a_document_caption(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    photo_id = await photo_message(client, str(user), "تیتر")
    above = {"chat_id": str(user), "caption": "تیتر", "show_caption_above_media": "true"}
    moved = await call(client, "editMessageCaption", message_id=str(photo_id), **above)
    assert moved.json()["result"]["show_caption_above_media"] is True
    same = await call(client, "editMessageCaption", message_id=str(photo_id), **above)
    assert error_of(same) == (400, NOT_MODIFIED)
    sent = await client.post(
        "sendDocument",
        data={"chat_id": str(user), "caption": "تیتر"},
        files={"document": ("a.txt", b"x", "text/plain")},
    )
    document_id = sent.json()["result"]["message_id"]
    ignored = await call(client, "editMessageCaption", message_id=str(document_id), **above)
    assert error_of(ignored) == (400, NOT_MODIFIED)


async def test_text_edits_in_order(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    user = emulator.add_user()
    message_id = (await call(client, "sendMessage", chat_id=str(user), text="یک")).json()["result"][
        "message_id"
    ]
    for text in ("دو", "سه"):
        await call(
            client, "editMessageText", chat_id=str(user), message_id=str(message_id), text=text
        )
    [logged] = emulator.messages(user)
    assert [(v.method, v.text) for v in logged.edits] == [
        ("editmessagetext", "دو"),
        ("editmessagetext", "سه"),
    ]


async def test_an_edit_burst_to_a_channel_meets_the_flood_limit(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    # Only the 20-a-minute window of a group or channel, counting sends and edits together.
    emulator.set_rate_limits(per_chat_burst=100, per_chat_per_second=100, group_per_minute=20)
    channel = emulator.add_channel("@news_fa")
    posted = await call(client, "sendMessage", chat_id="@news_fa", text="خبر")
    text_id = str(posted.json()["result"]["message_id"])
    photo_id = str(await photo_message(client, "@news_fa", "تیتر"))
    same = await call(client, "editMessageText", chat_id="@news_fa", message_id=text_id, text="خبر")
    assert error_of(same) == (400, NOT_MODIFIED)
    codes = [
        (await call(client, "editMessageText", chat_id="@news_fa", message_id=text_id,
                    text=f"خبر {n}")).status_code
        for n in range(19)
    ]  # fmt: skip
    assert codes == [200] * 18 + [429]
    keyboard = {"inline_keyboard": [[{"text": "بیشتر", "callback_data": "more"}]]}
    refused = [
        await call(client, "editMessageCaption", chat_id="@news_fa", message_id=photo_id,
                   caption="تیتر تازه"),
        await call(client, "editMessageReplyMarkup", chat_id="@news_fa", message_id=photo_id,
                   reply_markup=keyboard),
    ]  # fmt: skip
    for response in refused:
        status, description = error_of(response)
        assert (status, description.split(" after ")[0]) == (429, "Too Many Requests: retry")
        assert response.json()["parameters"]["retry_after"] >= 1
    text, photo = emulator.messages(channel)
    assert text.text == "خبر 17" and len(text.edits) == 18
    assert photo.text == "تیتر" and photo.edits == [] and photo.reply_markup is None


@pytest.mark.parametrize(
    ("kind", "hours", "description"),
    [
        ("private", 47.9, ""),
        ("private", 48, ""),
        ("private", 48.01, "Bad Request: message can't be deleted for everyone"),
        ("group", 48, ""),
        ("group", 49, "Bad Request: message can't be deleted for everyone"),
        ("supergroup", 47.99, ""),
        ("supergroup", 48, "Bad Request: message can't be deleted"),
        ("channel", 47.99, ""),
        ("channel", 48, "Bad Request: message can't be deleted"),
        ("channel", 24 * 30, "Bad Request: message can't be deleted"),
    ],
)
async def test_bots_delete_only_within_48_hours(
    emulator: BotApiEmulator, client: httpx.AsyncClient, kind: str, hours: float, description: str
) -> None:
    chats = {
        "private": lambda: emulator.add_user(),
        "group": lambda: emulator.add_group(),
        "supergroup": lambda: emulator.add_supergroup(),
        "channel": lambda: emulator.add_channel("@news_fa"),
    }
    chat = chats[kind]()
    message_id = await photo_message(client, str(chat))
    emulator.advance_clock(hours * 3600)
    response = await call(client, "deleteMessage", chat_id=str(chat), message_id=str(message_id))
    [logged] = emulator.messages(chat)
    if description:
        assert error_of(response) == (400, description)
        assert not logged.deleted
    else:
        assert response.json() == {"ok": True, "result": True}
        assert logged.deleted and logged.deleted_at is not None


async def test_deleted_message_cannot_be_edited_or_deleted_again(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    channel = emulator.add_channel("@news_fa")
    message_id = str(await photo_message(client, "@news_fa"))
    events: list[str] = []
    emulator.subscribe(lambda event: events.append(event.kind))
    assert (await call(client, "deleteMessage", chat_id="@news_fa", message_id=message_id)).json()[
        "result"
    ]
    again = await call(client, "deleteMessage", chat_id="@news_fa", message_id=message_id)
    assert error_of(again) == (400, "Bad Request: message to delete not found")
    edit = await call(
        client, "editMessageCaption", chat_id="@news_fa", message_id=message_id, caption="x"
    )
    assert error_of(edit) == (400, "Bad Request: message to edit not found")
    assert events == ["deleted"] and emulator.messages(channel)[0].deleted


async def test_delete_checks_and_other_peoples_messages(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    assert error_of(await call(client, "deleteMessage", message_id="1")) == (
        400,
        "Bad Request: chat identifier is not specified",
    )
    assert error_of(await call(client, "deleteMessage", chat_id=str(user))) == (
        400,
        "Bad Request: message identifier is not specified",
    )
    group = emulator.add_group()
    said = emulator.send_text(group, "/start", user_id=user)
    theirs = await call(
        client, "deleteMessage", chat_id=str(group), message_id=str(said["message_id"])
    )
    assert error_of(theirs) == (400, "Bad Request: message can't be deleted for everyone")
    supergroup = emulator.add_supergroup()
    said = emulator.send_text(supergroup, "/start", user_id=user)
    theirs = await call(
        client, "deleteMessage", chat_id=str(supergroup), message_id=str(said["message_id"])
    )
    assert error_of(theirs) == (400, "Bad Request: message can't be deleted")
    admin_of = emulator.add_supergroup(bot_status="administrator")
    said = emulator.send_text(admin_of, "سلام", user_id=user)
    ok = await call(
        client, "deleteMessage", chat_id=str(admin_of), message_id=str(said["message_id"])
    )
    assert ok.json()["result"] is True
    in_private = emulator.send_text(user, "سلام")
    ok = await call(
        client, "deleteMessage", chat_id=str(user), message_id=str(in_private["message_id"])
    )
    assert ok.json()["result"] is True


async def test_age_message_and_clock_over_the_control_api(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    emulator.add_channel("@news_fa")
    old = await photo_message(client, "@news_fa")
    new = await photo_message(client, "@news_fa")
    async with httpx.AsyncClient(base_url=f"{emulator.url}/control/") as control:
        channel = (await control.get("bot")).json()["result"]
        assert channel["username"] == emulator.username
        chat_id = emulator.messages()[0].chat_id
        aged = await control.post(
            "age_message", json={"chat_id": chat_id, "message_id": old, "seconds": HOURS_48 + 60}
        )
        assert aged.json()["ok"] is True
        refused = await call(client, "deleteMessage", chat_id="@news_fa", message_id=str(old))
        assert error_of(refused) == (400, "Bad Request: message can't be deleted")
        allowed = await call(client, "deleteMessage", chat_id="@news_fa", message_id=str(new))
        assert allowed.json()["result"] is True
        before = emulator.core.world.now()
        moved = await control.post("advance_clock", json={"seconds": 3600})
        assert moved.json()["result"] >= before + 3600
        backwards = await control.post("advance_clock", json={"seconds": -1})
        assert backwards.status_code == 400
        missing = await control.post(
            "age_message", json={"chat_id": chat_id, "message_id": 999, "seconds": 1}
        )
        assert missing.status_code == 404
