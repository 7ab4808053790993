"""The real python-telegram-bot against the emulator: its exceptions, and an Application that
polls, answers commands and button presses."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sample_images import png
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes
from tgsandbox import BotApiEmulator

PERSIAN_4096 = ("خبر\u200cها " * 1000)[:4095] + "ن"


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as running:
        yield running


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(
        emulator.token, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as client:
        yield client


async def test_malformed_html_is_bad_request(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: unsupported start tag"):
        await bot.send_message(user, "قیمت < ۱۰۰", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: can't find end tag"):
        await bot.send_message(user, "<b>خبر", parse_mode=ParseMode.HTML)


async def test_length_limit_counts_code_points(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    assert len(PERSIAN_4096) == 4096 and "\u200c" in PERSIAN_4096
    message = await bot.send_message(user, PERSIAN_4096)
    assert message.text == PERSIAN_4096
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user, PERSIAN_4096 + "ن")


async def test_callback_data_is_limited_in_utf8_bytes(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    fits = InlineKeyboardMarkup([[InlineKeyboardButton("۳۲ حرف", callback_data="خ" * 32)]])
    await bot.send_message(user, "x", reply_markup=fits)
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("۳۳ حرف", callback_data="خ" * 33)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(user, "x", reply_markup=too_long)


async def test_chat_not_found_and_blocked_user(emulator: BotApiEmulator, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "x")
    user = emulator.add_user()
    emulator.block_bot(user)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(user, "x")
    emulator.send_text(user, "/start")
    assert (await bot.send_message(user, "دوباره")).text == "دوباره"


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_limit_is_retry_after(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.set_rate_limits(per_chat_burst=1)
    user = emulator.add_user()
    await bot.send_message(user, "یک")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user, "دو")
    retry_after = caught.value.retry_after
    seconds = retry_after.total_seconds() if isinstance(retry_after, dt.timedelta) else retry_after
    assert seconds >= 1
    assert len(emulator.messages(user)) == 1


async def test_injected_migration_is_chat_migrated(emulator: BotApiEmulator, bot: Bot) -> None:
    group = emulator.add_group()
    new_id = emulator.upgrade_group(group)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(group, "x")
    assert caught.value.new_chat_id == new_id


async def test_edit_that_changes_nothing(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    message = await bot.send_message(user, "<b>تیتر</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>تیتر</b>", user, message.message_id, parse_mode=ParseMode.HTML
        )
    edited = await bot.edit_message_text("تیتر تازه", user, message.message_id)
    assert isinstance(edited, type(message)) and edited.edit_date is not None


async def test_two_instances_polling_conflict(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    async with Bot(emulator.token, base_url=emulator.base_url) as second_instance:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        second = asyncio.create_task(second_instance.get_updates(timeout=5))
        with pytest.raises(Conflict, match=r"(?i)terminated by other getupdates request"):
            await first
        emulator.send_text(user, "سلام")
        updates = await second
    assert updates[0].message is not None and updates[0].message.text == "سلام"


async def test_wrong_token_is_invalid_token(emulator: BotApiEmulator) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAA", base_url=emulator.base_url):
            pass


async def test_document_from_a_user_can_be_downloaded(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    emulator.send_document(user, "متن".encode(), "article.txt", "text/plain", caption="مقاله")
    updates = await bot.get_updates()
    document = updates[0].message.document  # type: ignore[union-attr]
    assert document is not None and document.file_name == "article.txt"
    file = await document.get_file()
    assert bytes(await file.download_as_bytearray()) == "متن".encode()


async def test_channel_post_and_topic_message_objects(emulator: BotApiEmulator, bot: Bot) -> None:
    channel = emulator.add_channel("@news_fa")
    emulator.post_to_channel(channel, "خبر")
    forum = emulator.add_supergroup("انجمن", is_forum=True)
    topic = emulator.create_topic(forum, "ورزش")
    updates = await bot.get_updates()
    assert updates[0].channel_post is not None and updates[0].channel_post.text == "خبر"
    sent = await bot.send_message(forum, "نتیجه", message_thread_id=topic)
    assert sent.message_thread_id == topic and sent.is_topic_message
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(forum, "x", message_thread_id=topic + 100)


async def test_photo_uploaded_once_then_sent_by_file_id(emulator: BotApiEmulator, bot: Bot) -> None:
    channel = emulator.add_channel("@news_fa")
    readers = [emulator.add_user() for _ in range(100)]
    posted = await bot.send_photo(
        "@news_fa", png(1200, 800), caption="<b>تیتر</b>\nعکس: ایرنا", parse_mode=ParseMode.HTML
    )
    assert posted.caption == "تیتر\nعکس: ایرنا" and posted.caption_entities[0].type == "bold"
    largest = posted.photo[-1]
    assert (largest.width, largest.height) == (1200, 800)
    for reader in readers:
        sent = await bot.send_photo(reader, largest.file_id, caption="تیتر")
        assert sent.photo[-1].file_unique_id == largest.file_unique_id
    uploads = [photo for photo in emulator.photos() if photo.by_bot]
    assert len(uploads) == 1 and uploads[0].reuses == 100
    assert len([m for m in emulator.messages() if m.photo_uploaded]) == 1
    assert emulator.messages(channel)[0].photo_uploaded
    file = await bot.get_file(posted.photo[0].file_id)
    assert bytes(await file.download_as_bytearray()) == png(1200, 800)


async def test_photo_refusals_are_bad_requests(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.add_user()
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(user, b"not an image at all")
    with pytest.raises(BadRequest, match=r"(?i)photo_invalid_dimensions"):
        await bot.send_photo(user, png(4000, 150))
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier/http url specified"):
        await bot.send_photo(user, "AgACAgQAAxkDUnknown0")
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(user, png(10, 10), caption="خ" * 1025)


async def test_caption_edits_and_deletion_age(emulator: BotApiEmulator, bot: Bot) -> None:
    channel = emulator.add_channel("@news_fa")
    photo = await bot.send_photo("@news_fa", png(640, 480), caption="تیتر")
    text = await bot.send_message("@news_fa", "متن")
    edited = await bot.edit_message_caption(
        "@news_fa", photo.message_id, caption="<b>تیتر</b> «ویرایش شد»", parse_mode=ParseMode.HTML
    )
    assert isinstance(edited, type(photo)) and edited.caption == "تیتر «ویرایش شد»"
    assert edited.edit_date is not None and edited.photo == photo.photo
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_caption(
            "@news_fa", photo.message_id, caption="<b>تیتر</b> «ویرایش شد»", parse_mode="HTML"
        )
    with pytest.raises(BadRequest, match=r"(?i)there is no caption in the message to edit"):
        await bot.edit_message_caption("@news_fa", text.message_id, caption="x")
    with pytest.raises(BadRequest, match=r"(?i)there is no text in the message to edit"):
        await bot.edit_message_text("x", "@news_fa", photo.message_id)
    emulator.advance_clock(48 * 3600)
    with pytest.raises(BadRequest, match=r"(?i)^message can't be deleted$"):
        await bot.delete_message("@news_fa", text.message_id)
    edited_text = await bot.edit_message_text("متن «پس گرفته شد»", "@news_fa", text.message_id)
    assert isinstance(edited_text, type(text))
    assert [m.deleted for m in emulator.messages(channel)] == [False, False]
    assert [len(m.edits) for m in emulator.messages(channel)] == [1, 1]


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply to /start with a button."""
    assert update.message is not None
    button = InlineKeyboardButton("خبر بعدی", callback_data="next:1")
    await update.message.reply_text("خوش آمدید", reply_markup=InlineKeyboardMarkup([[button]]))


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press and edit the message."""
    query = update.callback_query
    assert query is not None
    await query.answer("باشه")
    await query.edit_message_text(f"انتخاب شد: {query.data}")


async def test_application_polls_and_answers(emulator: BotApiEmulator) -> None:
    user = emulator.add_user(first_name="مریم")
    group = emulator.add_group()
    app = ApplicationBuilder().token(emulator.token).base_url(emulator.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        emulator.send_text(user, "/start")
        first = await emulator.wait_for_message(user, timeout=5)
        greeting, keyboard = first.text, first.reply_markup
        emulator.send_text(group, "/start@newsbot_sandbox_bot", user_id=user)
        in_group = await emulator.wait_for_message(group, timeout=5)
        edited = asyncio.Event()
        unsubscribe = emulator.subscribe(
            lambda event: edited.set() if event.kind == "edited" else None
        )
        query_id = emulator.press_button(user, first.message_id, "next:1")
        await asyncio.wait_for(edited.wait(), 5)
        unsubscribe()
        await app.updater.stop()
        await app.stop()
    assert greeting == in_group.text == "خوش آمدید"
    assert keyboard == {"inline_keyboard": [[{"text": "خبر بعدی", "callback_data": "next:1"}]]}
    assert emulator.callback_answer(query_id) == {
        "text": "باشه",
        "show_alert": False,
        "url": "",
        "cache_time": 0,
    }
    assert first.text == "انتخاب شد: next:1" and first.reply_markup is None
    assert [edit.text for edit in first.edits] == ["انتخاب شد: next:1"]
    assert set(emulator.status_counts) == {200}
