"""Sending, editing and deleting messages: sendMessage, editMessageText, editMessageCaption,
editMessageReplyMarkup and deleteMessage, with the real server's order of checks."""

from __future__ import annotations

import time

from tgsandbox.core import Access, SandboxCore
from tgsandbox.errors import td_error
from tgsandbox.formatting import text_length
from tgsandbox.html import Entity
from tgsandbox.methods.media import CAPTION_LIMIT
from tgsandbox.request import Call
from tgsandbox.state import Chat, Message
from tgsandbox.validate import (
    check_markup_on_server,
    formatted_text,
    link_preview_options,
    reply_markup,
)

__all__ = ["MESSAGE_METHODS"]

TEXT_LIMIT = 4096


async def send_message(core: SandboxCore, call: Call) -> object:
    """``sendMessage``: text checks, chat checks, then what the servers refuse."""
    preview = link_preview_options(call)
    raw = call.arg("text")
    if not raw:
        raise td_error(400, "Message text is empty")
    parsed = formatted_text(raw, call.arg("parse_mode"), call.arg("entities"))
    target = core.prepare_send(call)
    text, entities = core.finish_text(parsed, allow_empty=bool((preview or {}).get("url")))
    core.server_send_checks(target, text, TEXT_LIMIT, "Message is too long")
    message = core.store_bot_message(target, text=text, entities=entities, link_preview=preview)
    core.record_sent(message, call, raw)
    return core.message_json(message)


def _edit_target(core: SandboxCore, call: Call) -> tuple[Chat, Message]:
    chat_id = call.arg("chat_id")
    message_id = max(0, call.integer("message_id"))
    if not chat_id and message_id == 0:
        if not call.arg("inline_message_id"):
            raise td_error(400, "Message identifier is not specified")
        raise td_error(400, "MESSAGE_ID_INVALID")
    chat, message = core.check_message(chat_id, message_id, Access.EDIT, "message to edit")
    if not message.by_bot:
        raise td_error(400, "Message can't be edited")
    return chat, message


def _same_entities(new: list[Entity], old: list[Entity]) -> bool:
    return [e.to_bot_api() for e in new] == [e.to_bot_api() for e in old]


def _count_edit(core: SandboxCore, chat: Chat) -> None:
    """Telegram's servers flood-limit edits as they limit sends (about 20 a minute in a
    group or channel), so an edit counts toward the same limits or is refused with 429."""
    core.limiter.acquire(chat.id, chat.is_group_like)


async def edit_message_text(core: SandboxCore, call: Call) -> object:
    """``editMessageText``: same text checks as sending; refuses an edit that changes nothing.

    A photo or document has no text to edit (``editMessageCaption`` edits its caption).
    """
    preview = link_preview_options(call)
    raw = call.arg("text")
    if not raw:
        raise td_error(400, "Message text is empty")
    parsed = formatted_text(raw, call.arg("parse_mode"), call.arg("entities"))
    markup = reply_markup(call)
    chat, message = _edit_target(core, call)
    if message.text is None:
        raise td_error(400, "There is no text in the message to edit")
    text, entities = core.finish_text(parsed, allow_empty=bool((preview or {}).get("url")))
    if text_length(text) > TEXT_LIMIT:
        raise td_error(400, "MESSAGE_TOO_LONG")
    check_markup_on_server(markup)
    if (
        text == message.text
        and _same_entities(entities, message.entities)
        and markup == message.reply_markup
        and (preview or None) == (message.link_preview or None)
    ):
        raise td_error(400, "MESSAGE_NOT_MODIFIED")
    _count_edit(core, chat)
    message.text, message.entities, message.reply_markup = text, entities, markup
    message.link_preview = preview
    core.record_edit(message, call, raw)
    return core.message_json(message)


async def edit_message_caption(core: SandboxCore, call: Call) -> object:
    """``editMessageCaption``: a photo's or document's caption (empty removes it).

    A text message has no caption (``There is no caption in the message to edit``); the
    servers refuse a caption over 1,024 characters with ``MEDIA_CAPTION_TOO_LONG``.
    """
    markup = reply_markup(call)
    raw = call.arg("caption")
    parsed = formatted_text(raw, call.arg("parse_mode"), call.arg("caption_entities"))
    above = call.flag("show_caption_above_media")
    chat, message = _edit_target(core, call)
    if message.photo is None and message.document is None:
        raise td_error(400, "There is no caption in the message to edit")
    if message.document is not None:
        above = False
    caption, entities = core.finish_text(parsed, allow_empty=True)
    check_markup_on_server(markup)
    if text_length(caption) > CAPTION_LIMIT:
        raise td_error(400, "MEDIA_CAPTION_TOO_LONG")
    if (
        caption == (message.caption or "")
        and _same_entities(entities, message.caption_entities)
        and markup == message.reply_markup
        and above == message.show_caption_above_media
    ):
        raise td_error(400, "MESSAGE_NOT_MODIFIED")
    _count_edit(core, chat)
    message.caption, message.caption_entities = caption or None, entities
    message.reply_markup, message.show_caption_above_media = markup, above
    core.record_edit(message, call, raw)
    return core.message_json(message)


async def edit_message_reply_markup(core: SandboxCore, call: Call) -> object:
    """``editMessageReplyMarkup``: replace or remove the inline keyboard."""
    markup = reply_markup(call)
    chat, message = _edit_target(core, call)
    check_markup_on_server(markup)
    if markup == message.reply_markup:
        raise td_error(400, "MESSAGE_NOT_MODIFIED")
    _count_edit(core, chat)
    message.reply_markup = markup
    core.record_edit(message, call, None)
    return core.message_json(message)


#: Bots may delete (for everyone) only messages younger than this, in seconds.
DELETE_AGE_LIMIT = 2 * 86400


def _deletable(core: SandboxCore, chat: Chat, message: Message) -> None:
    """TDLib's ``can_delete_message`` and, for bots, ``can_revoke_message``.

    In supergroups and channels a bot cannot delete a message 48 hours old or older
    (``Message can't be deleted``), nor another's message unless it is an administrator,
    nor a topic's first message. In private chats and basic groups a bot deletes for
    everyone, which is refused once the message is more than 48 hours old, or when the
    message is another's in a group where the bot is not an administrator (``Message
    can't be deleted for everyone``).
    """
    age = core.world.now() - message.date
    admin = chat.bot_status in ("administrator", "creator")
    if chat.type in ("supergroup", "channel"):
        if age >= DELETE_AGE_LIMIT or message.topic_created is not None:
            raise td_error(400, "Message can't be deleted")
        if not (admin or message.by_bot):
            raise td_error(400, "Message can't be deleted")
        return
    mine = message.by_bot and message.topic_created is None
    allowed = chat.type == "private" or mine or admin
    if not allowed or age > DELETE_AGE_LIMIT:
        raise td_error(400, "Message can't be deleted for everyone")


async def delete_message(core: SandboxCore, call: Call) -> object:
    """``deleteMessage``: the bot's own messages, or others' where it may delete them.

    The message is gone afterwards: editing or deleting it again is ``... not found``.
    """
    chat_id = call.arg("chat_id")
    message_id = max(0, call.integer("message_id"))
    if not chat_id:
        raise td_error(400, "Chat identifier is not specified")
    if message_id == 0:
        raise td_error(400, "Message identifier is not specified")
    chat, message = core.check_message(chat_id, message_id, Access.WRITE, "message to delete")
    _deletable(core, chat, message)
    del chat.messages[message.message_id]
    sent = core.logged(message)
    if sent is not None:
        sent.deleted, sent.deleted_at = True, time.time()
        core.sent.emit("deleted", sent)
    return True


MESSAGE_METHODS = {
    "sendmessage": send_message,
    "editmessagetext": edit_message_text,
    "editmessagecaption": edit_message_caption,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
}
