"""sendPhoto over HTTP: uploads and file ids, the photo sizes, captions, and every refusal."""

from __future__ import annotations

import httpx
import pytest
from http_calls import call, error_of, upload
from sample_images import gif, jpeg, png, webp_lossy
from tgsandbox import BotApiEmulator


async def test_upload_then_reuse_by_file_id(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    readers = [emulator.add_user() for _ in range(3)]
    channel = emulator.add_channel("@news_fa")
    keyboard = {"inline_keyboard": [[{"text": "بیشتر", "callback_data": "more:1"}]]}
    first = await upload(
        client,
        png(1600, 900),
        "cover.png",
        chat_id="@news_fa",
        caption="<b>تیتر</b> خبر",
        parse_mode="HTML",
        reply_markup=keyboard,
    )
    message = first.json()["result"]
    sizes = message["photo"]
    assert [(s["width"], s["height"]) for s in sizes] == [
        (90, 51), (320, 180), (800, 450), (1280, 720), (1600, 900),
    ]  # fmt: skip
    assert all(set(size) == {"file_id", "file_unique_id", "file_size", "width", "height"}
               for size in sizes)  # fmt: skip
    assert len({size["file_id"] for size in sizes}) == len(sizes)
    assert message["caption"] == "تیتر خبر"
    assert message["caption_entities"] == [{"type": "bold", "offset": 0, "length": 4}]
    assert message["reply_markup"] == keyboard and "text" not in message
    assert message["sender_chat"]["id"] == channel
    largest = sizes[-1]["file_id"]
    for reader in readers:
        again = await call(client, "sendPhoto", chat_id=str(reader), photo=largest, caption="خبر")
        assert again.json()["result"]["photo"] == sizes
    [record] = emulator.photos()
    assert record.by_bot and record.reuses == 3 and record.format == "png"
    assert (record.width, record.height, record.file_id) == (1600, 900, largest)
    assert [m["uploaded"] for m in record.messages] == [True, False, False, False]
    logged = emulator.messages(channel)[0]
    assert logged.photo == sizes and logged.photo_uploaded and logged.text == "تیتر خبر"
    assert not emulator.messages(readers[0])[0].photo_uploaded
    file = (await call(client, "getFile", file_id=sizes[0]["file_id"])).json()["result"]
    assert file["file_path"].startswith("photos/") and file["file_size"] == len(png(1600, 900))
    async with httpx.AsyncClient() as http:
        download = await http.get(f"{emulator.base_file_url}{emulator.token}/{file['file_path']}")
    assert download.content == png(1600, 900)


@pytest.mark.parametrize(
    ("data", "kind"),
    [(jpeg(800, 600), "jpeg"), (gif(10, 10), "gif"), (webp_lossy(512, 512), "webp")],
)
async def test_formats_accepted(
    emulator: BotApiEmulator, client: httpx.AsyncClient, data: bytes, kind: str
) -> None:
    user = emulator.add_user()
    response = await upload(client, data, chat_id=str(user))
    assert response.status_code == 200
    assert emulator.photos()[0].format == kind


async def test_thread_reply_and_spoiler(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    forum = emulator.add_supergroup("انجمن", is_forum=True)
    topic = emulator.create_topic(forum, "عکس")
    response = await upload(
        client,
        jpeg(100, 100),
        chat_id=str(forum),
        message_thread_id=str(topic),
        has_spoiler="true",
        show_caption_above_media="true",
        caption="زیر",
    )
    message = response.json()["result"]
    assert message["message_thread_id"] == topic and message["is_topic_message"] is True
    assert message["has_media_spoiler"] is True and message["show_caption_above_media"] is True


def too_big() -> bytes:
    return jpeg(100, 100) + b"\x00" * (10 * 1024 * 1024)


PHOTO_ERRORS = [
    ({}, None, "Bad Request: there is no photo in the request"),
    ({"photo": "attach://cover"}, None, "Bad Request: there is no photo in the request"),
    (
        {"caption": "<b>x", "parse_mode": "HTML"},
        jpeg(10, 10),
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    ),
    ({"chat_id": "42"}, jpeg(10, 10), "Bad Request: chat not found"),
    (
        {"reply_to_message_id": "99"},
        jpeg(10, 10),
        "Bad Request: message to be replied not found",
    ),
    ({}, b"", "Bad Request: file must be non-empty"),
    (
        {},
        too_big(),
        f"Bad Request: file of size {len(too_big())} bytes is too big for a photo; "
        "the maximum size is 10485760 bytes",
    ),
    (
        {"photo": "abcde"},
        None,
        "Bad Request: wrong remote file identifier specified: Wrong string length",
    ),
    (
        {"photo": "AgACAgQAAxkDUnknown0"},
        None,
        "Bad Request: wrong file identifier/HTTP URL specified",
    ),
    ({"photo": "https://example.com/a.jpg"}, None, "Bad Request: failed to get HTTP URL content"),
    ({"caption": "خ" * 1025}, jpeg(10, 10), "Bad Request: message caption is too long"),
    ({}, b"GIF89", "Bad Request: IMAGE_PROCESS_FAILED"),
    ({}, "خبر".encode(), "Bad Request: IMAGE_PROCESS_FAILED"),
    ({}, jpeg(9000, 1001), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
    ({}, png(2100, 100), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
    ({}, webp_lossy(10, 300), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
]


@pytest.mark.parametrize(("params", "data", "description"), PHOTO_ERRORS)
async def test_photo_refusals(
    emulator: BotApiEmulator,
    client: httpx.AsyncClient,
    params: dict[str, str],
    data: bytes | None,
    description: str,
) -> None:
    user = emulator.add_user()
    fields = {"chat_id": str(user), **params}
    if data is None:
        response = await call(client, "sendPhoto", **fields)
    else:
        response = await upload(client, data, **fields)
    assert error_of(response) == (400, description)
    assert emulator.messages() == [] and emulator.photos() == []


async def test_caption_limit_counts_after_parsing(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    caption = "<b>" + "خ" * 1000 + "</b>" + "ب" * 24
    ok = await upload(client, jpeg(10, 10), chat_id=str(user), caption=caption, parse_mode="HTML")
    assert len(ok.json()["result"]["caption"]) == 1024


async def test_file_ids_of_the_wrong_type(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    document = await client.post(
        "sendDocument",
        data={"chat_id": str(user)},
        files={"document": ("a.txt", b"x", "text/plain")},
    )
    document_id = document.json()["result"]["document"]["file_id"]
    photo = await upload(client, jpeg(10, 10), chat_id=str(user))
    photo_id = photo.json()["result"]["photo"][-1]["file_id"]
    as_photo = await call(client, "sendPhoto", chat_id=str(user), photo=document_id)
    assert error_of(as_photo) == (400, "Bad Request: can't use file of type Document as Photo")
    as_document = await call(client, "sendDocument", chat_id=str(user), document=photo_id)
    assert error_of(as_document) == (400, "Bad Request: can't use file of type Photo as Document")


async def test_blocked_user_and_flood_refuse_without_storing(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    emulator.block_bot(user)
    blocked = await upload(client, jpeg(10, 10), chat_id=str(user))
    assert error_of(blocked) == (403, "Forbidden: bot was blocked by the user")
    assert emulator.photos() == []
    emulator.unblock_bot(user)
    emulator.set_rate_limits(per_chat_burst=1)
    sent = await upload(client, jpeg(10, 10), chat_id=str(user))
    flooded = await upload(client, jpeg(20, 20), chat_id=str(user))
    assert sent.status_code == 200
    assert error_of(flooded) == (429, "Too Many Requests: retry after 1")
    assert [(p.width, len(p.messages)) for p in emulator.photos()] == [(10, 1)]
    assert len(emulator.messages(user)) == 1


async def test_user_photo_can_be_fetched_and_sent_on(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    admin = emulator.add_user()
    channel = emulator.add_channel("@news_fa")
    sent = emulator.send_photo(admin, png(640, 480), "cover.png", caption="عکس: رویترز")
    assert sent["caption"] == "عکس: رویترز" and sent["photo"][-1]["width"] == 640
    update = (await call(client, "getUpdates")).json()["result"][0]["message"]
    assert update["photo"] == sent["photo"]
    file_id = update["photo"][-1]["file_id"]
    file = (await call(client, "getFile", file_id=file_id)).json()["result"]
    assert file["file_size"] == len(png(640, 480))
    posted = await call(client, "sendPhoto", chat_id="@news_fa", photo=file_id)
    assert posted.json()["result"]["photo"] == sent["photo"]
    [record] = emulator.photos()
    assert not record.by_bot and record.uploaded_by == admin and record.reuses == 1
    assert [(m["chat_id"], m["by_bot"]) for m in record.messages] == [(admin, False),
                                                                      (channel, True)]  # fmt: skip
    with pytest.raises(ValueError, match="not a JPEG"):
        emulator.send_photo(admin, b"GIF", "x.gif")
    with pytest.raises(ValueError, match="invalid dimensions"):
        emulator.send_photo(admin, jpeg(5000, 5001))


async def test_control_http_send_photo_and_photos(emulator: BotApiEmulator) -> None:
    import base64

    user = emulator.add_user()
    async with httpx.AsyncClient(base_url=f"{emulator.url}/control/") as control:
        data = base64.b64encode(jpeg(300, 200)).decode()
        sent = await control.post(
            "send_photo", json={"chat_id": user, "data_base64": data, "caption": "عکس"}
        )
        assert sent.json()["result"]["photo"][-1]["width"] == 300
        reply = await control.post(
            "send_photo",
            json={"chat_id": user, "data_base64": data, "reply_to": sent.json()["result"]
                  ["message_id"]},
        )  # fmt: skip
        assert reply.json()["result"]["reply_to_message"]["caption"] == "عکس"
        photos = (await control.get("photos")).json()["result"]
        assert [p["width"] for p in photos] == [300, 300] and photos[0]["by_bot"] is False
        bad = await control.post("send_photo", json={"chat_id": user, "data_base64": ""})
        assert bad.status_code == 400 and "not a JPEG" in bad.json()["error"]
