"""Bot API JSON for chats and messages, complete enough for python-telegram-bot's ``de_json``."""

from __future__ import annotations

from tgsandbox.html import Entity
from tgsandbox.state import Chat, Message, World

__all__ = [
    "bot_user_json",
    "chat_full_info_json",
    "chat_json",
    "chat_member_json",
    "first_url",
    "link_preview_json",
    "message_json",
]


def bot_user_json(world: World) -> dict[str, object]:
    """``getMe``: the bot user with its capabilities."""
    result = world.bot.to_json()
    result.update(
        can_join_groups=True,
        can_read_all_group_messages=False,
        supports_inline_queries=False,
        can_connect_to_business=False,
        has_main_web_app=False,
    )
    return result


def chat_json(chat: Chat, world: World) -> dict[str, object]:
    """The short ``Chat`` object embedded in messages."""
    result: dict[str, object] = {"id": chat.id}
    if chat.type == "private":
        user = world.users.get(chat.user_id or chat.id)
        if user is not None:
            result["first_name"] = user.first_name
            if user.last_name:
                result["last_name"] = user.last_name
            if user.username:
                result["username"] = user.username
    else:
        result["title"] = chat.title or ""
        if chat.username and chat.type != "group":
            result["username"] = chat.username
        if chat.is_forum:
            result["is_forum"] = True
    result["type"] = chat.type
    return result


def chat_full_info_json(chat: Chat, world: World) -> dict[str, object]:
    """``getChat``: a ``ChatFullInfo`` with the fields every chat has."""
    result = chat_json(chat, world)
    result.update(
        accent_color_id=0,
        max_reaction_count=11,
        accepted_gift_types={
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    )
    if chat.type != "private":
        result["permissions"] = {
            "can_send_messages": chat.type != "channel",
            "can_send_polls": chat.type != "channel",
            "can_send_other_messages": chat.type != "channel",
        }
    return result


def message_json(message: Message, world: World, *, with_reply: bool = True) -> dict[str, object]:
    """The ``Message`` object; a replied-to message is embedded one level deep."""
    chat = world.chats[message.chat_id]
    result: dict[str, object] = {"message_id": message.message_id}
    if message.thread_id:
        result["message_thread_id"] = message.thread_id
    if message.sender_user_id is not None:
        result["from"] = world.users[message.sender_user_id].to_json()
    if message.sender_chat_id is not None:
        result["sender_chat"] = chat_json(world.chats[message.sender_chat_id], world)
    result["chat"] = chat_json(chat, world)
    result["date"] = message.date
    if message.is_topic_message:
        result["is_topic_message"] = True
    if with_reply and message.reply_to_message_id:
        replied = chat.messages.get(message.reply_to_message_id)
        if replied is not None:
            result["reply_to_message"] = message_json(replied, world, with_reply=False)
    if message.edit_date:
        result["edit_date"] = message.edit_date
    if message.text is not None:
        result["text"] = message.text
        if message.entities:
            result["entities"] = [entity.to_bot_api() for entity in message.entities]
        options = link_preview_json(message)
        if options is not None:
            result["link_preview_options"] = options
    if message.document is not None:
        result["document"] = message.document.document_json()
    if message.photo is not None:
        result["photo"] = message.photo.to_json()
    if message.caption:
        result["caption"] = message.caption
        if message.caption_entities:
            result["caption_entities"] = [e.to_bot_api() for e in message.caption_entities]
    if message.show_caption_above_media:
        result["show_caption_above_media"] = True
    if message.has_media_spoiler:
        result["has_media_spoiler"] = True
    if message.topic_created is not None:
        result["forum_topic_created"] = {
            "name": message.topic_created.name,
            "icon_color": message.topic_created.icon_color,
        }
    if message.reply_markup:
        result["reply_markup"] = message.reply_markup
    return result


def link_preview_json(message: Message) -> dict[str, object] | None:
    """The message's ``link_preview_options`` as the server returns them, or ``None``.

    As TDLib's ``messageText``: ``is_disabled`` only shows when the text has a link to
    preview, and the object only when some option is set.
    """
    stored = message.link_preview or {}
    disabled = bool(stored.get("is_disabled")) and bool(
        first_url(message.text or "", message.entities)
    )
    result: dict[str, object] = {}
    if disabled:
        result["is_disabled"] = True
    for name in ("url", "prefer_small_media", "prefer_large_media", "show_above_text"):
        if stored.get(name):
            result[name] = stored[name]
    return result or None


def first_url(text: str, entities: list[Entity]) -> str:
    """TDLib's ``get_first_url``: the first link a preview could be made of, or ``""``."""
    skipped = ("ton:", "tg:", "ftp:", "tonsite:")
    for entity in entities:
        if entity.type == "url" and entity.length > 4:
            url = utf16_slice(text, entity.offset, entity.length)
            plain_domain = not any(char in url for char in "/?#")
            if not url.lower()[:8].startswith(skipped) and not plain_domain:
                return url
        elif entity.type == "text_link":
            url = entity.argument
            if not url.lower()[:8].startswith(skipped):
                return url
    return ""


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The part of ``text`` at a UTF-16 offset and length, as entities address it."""
    data = text.encode("utf-16-le", "surrogatepass")
    return data[offset * 2 : (offset + length) * 2].decode("utf-16-le", "surrogatepass")


def chat_member_json(user: dict[str, object], status: str) -> dict[str, object]:
    """A ``ChatMember`` object with the fields its status requires."""
    result: dict[str, object] = {"user": user, "status": status}
    if status == "kicked":
        result["until_date"] = 0
    elif status == "creator":
        result["is_anonymous"] = False
    elif status == "administrator":
        rights = (
            "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
            "can_restrict_members", "can_change_info", "can_invite_users", "can_post_stories",
            "can_edit_stories", "can_delete_stories", "can_post_messages", "can_edit_messages",
        )  # fmt: skip
        result.update(can_be_edited=False, is_anonymous=False, can_promote_members=False)
        result.update(dict.fromkeys(rights, True))
    return result
