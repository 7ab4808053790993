"""The console chat: the reader's lines, files sent as the reader, and what is printed."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest
from http_calls import call, upload
from sample_images import jpeg, png
from tgsandbox import BotApiEmulator
from tgsandbox.console import ConsoleChat


async def updates(client: httpx.AsyncClient) -> list[dict[str, object]]:
    """The messages of the updates waiting for the bot."""
    answer = await call(client, "getUpdates")
    return [update["message"] for update in answer.json()["result"]]


async def test_doc_photo_and_reply_reach_the_bot(
    emulator: BotApiEmulator, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    admin = emulator.add_user(first_name="دبیر")
    out = io.StringIO()
    chat = ConsoleChat(emulator, admin, out=out, color=False)
    article = tmp_path / "خبر تازه.txt"
    article.write_text("تیتر\n\nمتن", encoding="utf-8")
    cover = tmp_path / "cover.png"
    cover.write_bytes(png(64, 48))
    assert chat.say(f'/doc "{article}" نسخهٔ تازه')
    assert chat.say(f"/photo {cover} عکس: ایرنا")
    said = await call(client, "sendMessage", chat_id=admin, text="خلاصه")
    summary = said.json()["result"]
    assert chat.say(f"/reply /photo {cover}")
    assert chat.say("/reply درست است")
    document, photo, reply_photo, reply_text = await updates(client)
    assert document["document"] == {
        "file_name": "خبر تازه.txt",
        "mime_type": "text/plain",
        "file_id": document["document"]["file_id"],  # type: ignore[index]
        "file_unique_id": document["document"]["file_unique_id"],  # type: ignore[index]
        "file_size": len("تیتر\n\nمتن".encode()),
    }
    assert document["caption"] == "نسخهٔ تازه"
    assert photo["caption"] == "عکس: ایرنا" and photo["photo"][-1]["width"] == 64  # type: ignore[index]
    assert reply_photo["reply_to_message"]["message_id"] == summary["message_id"]  # type: ignore[index]
    assert "caption" not in reply_photo
    assert reply_text["text"] == "درست است" and "reply_to_message" in reply_text
    printed = out.getvalue()
    assert "── you: [document خبر تازه.txt] نسخهٔ تازه" in printed
    assert "── you: [photo cover.png] عکس: ایرنا" in printed
    assert "── you: [photo cover.png] (in reply)" in printed
    chat.close()


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("/photo", "(/photo PATH [caption] sends a file)"),
        ("/doc /no/such/file.txt", "(can't send /no/such/file.txt:"),
        ("/reply سلام", "(/reply LINE replies to the bot's latest message; there is none yet)"),
        ("", ""),
    ],
)
async def test_lines_that_send_nothing(
    emulator: BotApiEmulator, client: httpx.AsyncClient, line: str, printed: str
) -> None:
    reader = emulator.add_user()
    out = io.StringIO()
    chat = ConsoleChat(emulator, reader, out=out, color=False)
    assert chat.say(line) is False
    assert printed in out.getvalue()
    assert await updates(client) == []


async def test_unreadable_photo_is_refused_at_the_console(
    emulator: BotApiEmulator, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    reader = emulator.add_user()
    out = io.StringIO()
    chat = ConsoleChat(emulator, reader, out=out, color=False)
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"not a photo")
    assert not chat.say(f"/photo {fake}")
    assert (
        "(can't send" in out.getvalue() and "not a JPEG, PNG, GIF or WebP image" in out.getvalue()
    )
    keyboard = '{"inline_keyboard": [[{"text": "بیشتر", "callback_data": "more"}]]}'
    await call(client, "sendMessage", chat_id=reader, text="یک", reply_markup=keyboard)
    assert not chat.say("/reply ")
    assert not chat.say("9") and "(no button 9; buttons are 1 to 1)" in out.getvalue()
    assert await updates(client) == []


async def test_photo_posts_show_in_the_chat_and_the_channel(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    reader = emulator.add_user()
    channel = emulator.add_channel("@news_fa")
    out = io.StringIO()
    chat = ConsoleChat(emulator, reader, out=out, color=False, channel_names={channel: "@news_fa"})
    await upload(client, jpeg(1280, 720), "a.jpg", chat_id="@news_fa", caption="تیتر")
    await upload(client, jpeg(300, 300), "a.jpg", chat_id=reader)
    assert out.getvalue() == (
        "── channel @news_fa ──\n[photo 1280×720]\nتیتر\n\n── bot ──\n[photo 300×300]\n\n"
    )
    chat.close()
