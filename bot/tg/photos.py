"""An admin gives an article its photo from Telegram.

The photo (a photo message, or an image sent as a file to keep its quality) says which
article it is for by its caption, the article's number (``#12``) or file name, or by
being a reply to the bot's message about the article (its summary, or the reply to the
article's document). It replaces the article's photo; a photo that cannot be one is
refused in one line, and the article keeps the photo it had, or goes out without one.
"""

from __future__ import annotations

import logging
import re

from telegram import Document, Message, PhotoSize, Update
from telegram.ext import ContextTypes

from bot.messages import digits, say
from bot.pipeline.images import MAX_PHOTO_BYTES, ImageError, check_image, too_big
from bot.pipeline.load import PHOTO_SUFFIXES
from bot.render import TITLE_CHARS, shorten
from bot.storage.articles import Store, StoredArticle
from bot.tg.admin_views import clean_document_name
from bot.tg.presses import is_admin
from bot.tg.replies import message_about, reader_lang, send_reply
from bot.tg.services import services
from bot.tg.views import plain

log = logging.getLogger(__name__)

#: The name a photo message's refusal gives it (photo messages have no file name).
PHOTO_NAME = "photo"
#: A caption naming an article by number: "#12", "# ۱۲".
_NUMBER = re.compile(r"#\s*(\d{1,9})")
#: The longest caption taken for a file name.
NAME_CHARS = 200


def photo_request(caption: str | None) -> int | str | None:
    """The article a photo's caption names: its number (``#12``), a file name, or ``None``.

    >>> photo_request("#12"), photo_request(" # ۷ "), photo_request("story.txt"), photo_request("")
    (12, 7, 'story.txt', None)
    >>> photo_request("a\\nb") is None
    True
    """
    text = (caption or "").strip()
    if not text or len(text) > NAME_CHARS or "\n" in text:
        return None
    number = _NUMBER.fullmatch(text)
    if number is not None:
        return int(number.group(1))
    return text


def is_image_document(name: str | None, mime_type: str | None) -> bool:
    """Whether a document is an image sent as a file (by its type or its name's suffix).

    >>> is_image_document("a.JPG", None), is_image_document("a.txt", "text/plain")
    (True, False)
    """
    if (mime_type or "").lower() in ("image/jpeg", "image/png", "image/webp"):
        return True
    return (name or "").lower().endswith(PHOTO_SUFFIXES)


def _first_line(message: Message) -> str:
    text = message.text or message.caption or ""
    return text.split("\n", 1)[0].strip()


def target_article(
    store: Store, request: int | str | None, about: int | None, replied_title: str | None
) -> StoredArticle | None:
    """The article a photo is for: the number its caption gives; else the file its caption
    names; else the message it answers (one the bot sent about an article, or one whose
    first line is an article's title). A caption that names nothing, such as a comment
    on a reply, leaves the choice to the reply."""
    if isinstance(request, int):
        return store.get(request)
    named = store.by_file_name(request) if request else None
    if named is not None:
        return named
    if about is not None:
        return store.get(about)
    if replied_title:
        return store.by_title(replied_title)
    return None


async def admin_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's photo (or image file) becomes the photo of the article it names."""
    message = update.effective_message
    chat = update.effective_chat
    user = update.effective_user
    if message is None or chat is None:
        return
    lang = reader_lang(update)
    service = services(context)
    if not is_admin(update, context):
        if chat.type == "private":
            await send_reply(update, context, plain(say("photo_from_reader", lang)))
        return
    assert user is not None  # an admin is a user
    if chat.type != "private":
        # Photos are common in groups: answer only one that replies to the bot.
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and (
            replied.from_user.id == context.bot.id
        ):
            await send_reply(update, context, plain(say("admin_private_only", lang)))
        return
    attachment: PhotoSize | Document
    if message.photo:
        biggest = message.photo[-1]
        attachment, name, size, file_id = biggest, PHOTO_NAME, biggest.file_size, biggest.file_id
    elif message.document is not None:
        attachment, size, file_id = message.document, message.document.file_size, None
        try:
            name = clean_document_name(message.document.file_name)
        except ValueError:
            name = PHOTO_NAME
    else:
        return
    request = photo_request(message.caption)
    replied = message.reply_to_message
    about = message_about(context, replied.message_id) if replied is not None else None
    stored = target_article(
        service.store, request, about, _first_line(replied) if replied is not None else None
    )
    if stored is None:
        if request is None:
            await send_reply(update, context, plain(say("photo_which", lang)))
        else:
            target = f"#{request}" if isinstance(request, int) else request
            await send_reply(update, context, plain(say("photo_no_article", lang, target=target)))
        return
    had_photo = service.photos.ref(stored.id) is not None
    refused = "photo_refused_kept" if had_photo else "photo_refused_none"
    if (size or 0) > MAX_PHOTO_BYTES:
        reason = f"{name}: {too_big(size or 0)}"
        text = say(refused, lang, reason=reason, id=digits(stored.id, lang))
        await send_reply(update, context, plain(text))
        return
    data = bytes(await (await attachment.get_file()).download_as_bytearray())
    try:
        image = check_image(data, name)
    except ImageError as error:
        log.info("admin %s: photo for #%s refused: %s", user.id, stored.id, error)
        text = say(refused, lang, reason=error, id=digits(stored.id, lang))
        await send_reply(update, context, plain(text))
        return
    service.photos.put(stored.id, image, "admin", name=name, file_id=file_id)
    log.info("admin %s set the photo of article %s (%s)", user.id, stored.id, name)
    text = say(
        "photo_set", lang, id=digits(stored.id, lang),
        title=shorten(stored.article.title, TITLE_CHARS // 5),
        width=image.width, height=image.height, format=image.format,
    )  # fmt: skip
    await send_reply(update, context, plain(text))
