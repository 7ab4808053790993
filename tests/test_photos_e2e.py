"""Photos end to end: the real bot posts summaries as photos to the emulator, uploads each
photo once, and takes an admin's photo; bad images are refused in one line."""

from __future__ import annotations

import asyncio
import functools
import io
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from tgsandbox import BotApiEmulator, SentMessage, parse_html, text_length
from tgsandbox.console import buttons_of

from bot.article import Article, Block, Section
from bot.config import Settings
from bot.digest import subscribers
from bot.pipeline.images import read_image
from bot.pipeline.ingest import sync_photo
from bot.render import CAPTION_LIMIT
from bot.storage.articles import Store
from bot.storage.photos import Photos
from bot.storage.postlog import PostLog
from bot.tg import app
from bot.tg.flood import ChatRateLimiter

from .conftest import ROOT
from .e2e import TIMEOUT, Harness, bot_running

ADMIN = 7001
READER = 7002
CHANNEL = "@photo_news"
SAMPLE_PHOTO = ROOT / "content" / "us-ukraine-miami-peace-talks.jpg"
TITLE = "ایالات متحده و اوکراین در میامی گفت‌وگو می‌کنند"
SAMPLE_NAME = "miami.txt"
#: The articles are stored as parsed (no language tools needed): the sample's shape,
#: one whose summary is too long for a caption, one whose image beside is bad.
ARTICLES = {
    SAMPLE_NAME: Article(
        TITLE,
        caption="جرد کوشنر و استیو ویتکوف. عکس: برندان اسمیالووسکی/AFP از طریق گتی",
        lede="مذاکره‌کنندگان روز دوم گفت‌وگوها را برگزار می‌کنند.",
        sections=(
            Section("why_it_matters", "چرا اهمیت دارد", (Block("paragraph", "توافق ممکن است."),)),
            Section("latest", "آخرین اخبار", (Block("paragraph", "پیشرفت واقعی لازم است."),)),
        ),
        hashtags=("اوکراین", "میامی"),
    ),
    "b-long.txt": Article(
        "خبر بلند با عکس",
        caption="توضیح عکس. عکس: ایرنا",
        lede="\n".join(f"پاراگراف {n} لید که درباره جزئیات خبر است و ادامه دارد. " * 8
                       for n in range(1, 4)),
        sections=(Section("why_it_matters", "چرا مهم است", tuple(
            Block("bullet", f"نکته {n} که خواننده باید درباره این خبر بداند و به خاطر بسپارد.")
            for n in range(1, 6)
        )),),
    ),
    "a-bad.txt": Article(
        "خبری با عکس خراب",
        lede="لید این خبر.",
        sections=(Section("why_it_matters", "چرا مهم است", (Block("paragraph", "چون."),)),),
    ),
}  # fmt: skip
DOCUMENT = "خبری با عکس تازه\nلید این خبر.\nچرا مهم است: چون عکسش تازه است.\n"


def store_articles(
    settings: Settings, images: dict[str, Path]
) -> dict[str, tuple[int, str | None]]:
    """Store :data:`ARTICLES` (oldest first by name) with the image beside each, as ingest
    would; each one's id and photo refusal."""
    store = Store.open(settings.database_path)
    photos = Photos(store.db)
    stored = {}
    for name in sorted(ARTICLES):
        path = settings.content_dir / name
        result = store.ingest(ARTICLES[name], str(path), name)
        if name in images:
            images[name].rename(path.with_suffix(images[name].suffix))
        _, problem = sync_photo(photos, result.id, path)
        stored[name] = (result.id, problem)
    store.close()
    return stored


def image(width: int = 640, height: int = 360, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, kind)
    return out.getvalue()


def shown(message: SentMessage) -> str:
    return message.text


def chat_of(harness: Harness, name: str) -> int:
    world = harness.emulator.core.world
    return next(chat.id for chat in world.chats.values() if chat.username == name.lstrip("@"))


async def wait_for(predicate: object, timeout: float = TIMEOUT, what: str = "") -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError(what or "the condition did not come true")
        await asyncio.sleep(0.02)


def uploads(emulator: BotApiEmulator) -> int:
    """How many of the bot's messages uploaded their photo (not sent by file_id)."""
    return sum(1 for message in emulator.messages() if message.photo_uploaded)


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulator takes any rate: let the fan-out and the limiters go fast."""
    monkeypatch.setattr("bot.digest.sending.BACKOFF_BASE", timedelta(seconds=0.3))
    monkeypatch.setattr(app, "SubscriberFanOut",
                        functools.partial(subscribers.SubscriberFanOut, rate=1000))  # fmt: skip
    monkeypatch.setattr(app, "ChatRateLimiter",
                        functools.partial(ChatRateLimiter, overall_per_second=1000,
                                          overall_burst=100, chat_per_second=100,
                                          chat_burst=100))  # fmt: skip


async def test_a_photo_is_uploaded_once_for_the_channel_and_100_subscribers(
    tmp_path: Path,
) -> None:
    readers = list(range(30_000, 30_100))

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_channel(CHANNEL)
        emulator.add_user(READER, "خواننده")
        store = Store.open(settings.database_path)
        posts = PostLog(store.db)
        for reader in readers:
            emulator.add_user(reader, "مشترک")
            posts.subscribe(reader, "fa")
        # Subscribed before the article arrived, so the fan-out sends its summary.
        store.db.execute("UPDATE subscribers SET since = '2000-01-01T00:00:00.000+00:00'")
        store.db.conn.commit()
        photos = Photos(store.db)
        article = store.ingest(ARTICLES[SAMPLE_NAME], SAMPLE_NAME, "sample")
        photos.put(article.id, read_image(SAMPLE_PHOTO), "file", SAMPLE_PHOTO.name)
        store.close()

    async with bot_running(
        tmp_path, [], setup=setup, digest_chats=[CHANNEL], digest_schedule="every 1s",
    ) as harness:  # fmt: skip
        emulator = harness.emulator
        channel = chat_of(harness, CHANNEL)
        started = time.monotonic()
        await wait_for(
            lambda: all(emulator.messages(r) for r in readers) and emulator.messages(channel),
            timeout=30, what="the channel and every subscriber get the summary",
        )  # fmt: skip
        took = time.monotonic() - started
        post = emulator.messages(channel)[0]
        assert post.photo
        assert post.text.startswith(TITLE) and "عکس: " in post.text.split("\n")[-1]
        assert text_length(post.text) <= CAPTION_LIMIT
        copies = [emulator.messages(reader) for reader in readers]
        assert all(len(copy) == 1 and copy[0].photo for copy in copies)
        assert {copy[0].text for copy in copies} == {post.text}
        [photo] = [record for record in emulator.photos() if record.by_bot]
        assert uploads(emulator) == 1 and photo.reuses == len(readers)
        assert photo.width == 1200 and photo.height == 675
        print(f"the channel and {len(readers)} subscribers got the photo in {took:.1f} s")
        assert took < 15

        # A reader's /summary is the same photo again, by file_id, with the buttons.
        before = len(emulator.messages(READER))
        emulator.send_text(READER, "/summary")
        [answer] = await harness.answers(READER, before)
        assert answer.photo and not answer.photo_uploaded
        assert answer.text == post.text and buttons_of(answer)
        # A button under the photo opens a section in a new message (a photo has no text).
        latest = next(data for label, data in buttons_of(answer) if "آخرین" in label)
        await harness.press(READER, answer, latest, READER)
        await wait_for(lambda: len(emulator.messages(READER)) == before + 2)
        assert emulator.messages(READER)[-1].text.startswith("آخرین اخبار")
        store = Store.open(harness.settings.database_path)
        log = PostLog(store.db)
        sent = [log.get(n) for n in range(1, 200)]
        summaries = [p for p in sent if p is not None and p.item == "summary" and p.state == "sent"]
        assert len(summaries) == len(readers) + 1
        assert all([part.kind for part in p.sent_parts] == ["caption"] for p in summaries)
        store.close()
        assert harness.errors() == []


async def test_long_summaries_bad_images_and_admin_photos(tmp_path: Path) -> None:
    long_photo, bad_photo = tmp_path / "long.png", tmp_path / "bad.jpg"
    long_photo.write_bytes(image())
    bad_photo.write_bytes(image(4000, 150))  # more than 20 times as wide as it is high
    ingested: dict[str, tuple[int, str | None]] = {}

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_channel(CHANNEL)
        emulator.add_user(ADMIN, "سردبیر")
        emulator.add_user(READER, "خواننده")
        images = {"b-long.txt": long_photo, "a-bad.txt": bad_photo}
        ingested.update(store_articles(settings, images))

    async with bot_running(
        tmp_path, [], setup=setup, digest_chats=[CHANNEL], digest_schedule="0 0 1 1 *",
        admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        emulator = harness.emulator
        channel = chat_of(harness, CHANNEL)
        bad_id, problem = ingested["a-bad.txt"]
        assert problem == (
            "photo refused: a-bad.jpg: is 4000×150 pixels, more than 20 times as wide as it "
            "is high; the article goes out without a photo"
        )
        assert ingested["b-long.txt"][1] is None and ingested[SAMPLE_NAME][1] is None

        # The article with the bad image is posted all the same, as text.
        [reply] = await harness.ask(ADMIN, "/post")
        [post] = emulator.messages(channel)
        assert not post.photo and post.text.startswith("خبری با عکس خراب")

        # A long summary: the photo with what fits in its caption, then the rest as text.
        [reply] = await harness.ask(ADMIN, "/post")
        caption, *rest = emulator.messages(channel)[1:]
        assert caption.photo and caption.photo_uploaded
        assert text_length(caption.text) <= CAPTION_LIMIT
        assert caption.text.startswith("خبر بلند با عکس") and caption.text.endswith("عکس: ایرنا")
        assert rest and all(not message.photo for message in rest)
        whole = caption.text + "\n".join(message.text for message in rest)
        for n in range(1, 6):
            assert f"نکته {n}" in whole
        assert "چرا مهم است" not in caption.text.split("\n\n")[-2], "no heading ends it"

        # An admin's photo in reply to the bot's summary replaces the article's photo.
        [summary] = await harness.ask(ADMIN, f"/summary {TITLE}")
        assert not summary.photo, "the sample came without its photo here"
        before = len(emulator.messages(ADMIN))
        emulator.send_photo(ADMIN, image(800, 600, "JPEG"), caption="عکس تازه برای این خبر",
                            reply_to=summary.message_id)  # fmt: skip
        [reply] = await harness.answers(ADMIN, before)
        assert "ثبت شد" in reply.text and "800×600" in reply.text
        [summary] = await harness.ask(ADMIN, "/summary")
        assert summary.photo and not summary.photo_uploaded, "by file_id"
        assert summary.photo and summary.photo[-1]["width"] == 800

        # A photo captioned with the article's number replaces it again; so does an image
        # sent as a file, captioned with the article's file name.
        sample_id = ingested[SAMPLE_NAME][0]
        before = len(emulator.messages(ADMIN))
        emulator.send_photo(ADMIN, image(900, 600, "JPEG"), caption=f"#{sample_id}")
        [reply] = await harness.answers(ADMIN, before)
        assert "ثبت شد" in reply.text and "900×600" in reply.text
        before = len(emulator.messages(ADMIN))
        emulator.send_document(ADMIN, image(1000, 600), "full.png", "image/png",
                               caption="MIAMI")  # fmt: skip
        [reply] = await harness.answers(ADMIN, before)
        assert "1000×600" in reply.text and "PNG" in reply.text

        # A bad image is refused in one line, and the article keeps the photo it had.
        before = len(emulator.messages(ADMIN))
        emulator.send_document(ADMIN, b"\x89PNG broken", "broken.png", "image/png",
                               caption=f"#{sample_id}")  # fmt: skip
        [reply] = await harness.answers(ADMIN, before)
        assert reply.text.startswith("عکس پذیرفته نشد: broken.png: ") and "\n" not in reply.text
        assert "عکس قبلی‌اش را نگه می‌دارد" in reply.text
        before = len(emulator.messages(ADMIN))
        emulator.send_document(ADMIN, image(), "x.png", "image/png", caption=f"#{bad_id}")
        emulator.send_document(ADMIN, image(12000, 600), "wide.png", "image/png",
                               caption=f"#{bad_id}")  # fmt: skip
        first, second = await harness.answers(ADMIN, before, 2)
        assert "ثبت شد" in first.text
        assert "12000×600" in second.text and "10,000" in second.text

        # Which article? No caption and no reply: the admin is told how to say it.
        before = len(emulator.messages(ADMIN))
        emulator.send_photo(ADMIN, image(300, 300, "JPEG"))
        emulator.send_photo(ADMIN, image(300, 300, "JPEG"), caption="no-such-file.txt")
        which, unknown = await harness.answers(ADMIN, before, 2)
        assert "کدام خبر" in which.text and "no-such-file.txt" in unknown.text
        # A reader's photo gets a polite answer and changes nothing.
        before = len(emulator.messages(READER))
        emulator.send_photo(READER, image(300, 300, "JPEG"), caption=f"#{sample_id}")
        [polite] = await harness.answers(READER, before)
        assert "فقط سردبیران" in polite.text

        # The channel gets the admin's last good photo, by its file_id.
        await harness.ask(ADMIN, "/post")
        posted = emulator.messages(channel)[-1]
        assert posted.photo and posted.text.startswith(TITLE)
        assert posted.photo and posted.photo[-1]["width"] == 1000

        # The editor's usual way: the article's document, then a photo in reply to the
        # bot's answer to it.
        before = len(emulator.messages(ADMIN))
        emulator.send_document(ADMIN, DOCUMENT.encode(), "fresh.txt", "text/plain")
        await wait_for(lambda: len(emulator.messages(ADMIN)) > before, timeout=60,
                       what="the answer to the document (the ingest worker)")  # fmt: skip
        answer = emulator.messages(ADMIN)[before]
        assert "#۴" in answer.text
        before = len(emulator.messages(ADMIN))
        emulator.send_photo(ADMIN, image(640, 480, "JPEG"), reply_to=answer.message_id)
        [reply] = await harness.answers(ADMIN, before)
        assert "#۴" in reply.text and "خبری با عکس تازه" in reply.text and "640×480" in reply.text
        assert harness.errors() == []
        assert all(text_length(parse_html(m.raw_text)[0]) <= CAPTION_LIMIT
                   for m in emulator.messages() if m.photo)  # fmt: skip
