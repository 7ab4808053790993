"""The test and console side of the emulator: build the world, act as users, read back.

Users act the way Telegram lets them: a user who writes to the bot has unblocked it, a group
message reaches a bot in privacy mode only if it is a command for it, a reply to it or a
mention of it, and only buttons the message really has can be pressed.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable

from tgsandbox.autoentities import find_entities
from tgsandbox.core import SandboxCore
from tgsandbox.files import MAX_PHOTO_BYTES, photo_info
from tgsandbox.limits import Delay, Fault, RateLimits
from tgsandbox.records import MessageEvent, PhotoRecord, RequestRecord, SentMessage
from tgsandbox.serialize import chat_json, chat_member_json
from tgsandbox.state import BOT_STATUSES, Chat, Message, Topic, User

__all__ = ["ControlMixin"]


class ControlMixin:
    """Methods of :class:`~tgsandbox.BotApiEmulator` for tests and the console chat."""

    core: SandboxCore

    # --- the world ----------------------------------------------------------------------

    def add_user(
        self,
        user_id: int | None = None,
        first_name: str = "کاربر",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "fa",
        start_chat: bool = True,
    ) -> int:
        """Add a user (and, unless ``start_chat`` is false, their private chat with the bot)."""
        world = self.core.world
        user_id = user_id or world.new_user_id()
        if user_id <= 0:
            raise ValueError("a user id must be positive")
        world.users[user_id] = User(user_id, first_name, last_name, username, language_code)
        if start_chat:
            self.add_private_chat(user_id)
        return user_id

    def add_private_chat(self, user_id: int) -> int:
        """Open the private chat of a user with the bot; its id is the user's id."""
        self.core.user(user_id)
        chat = self.core.world.chats.setdefault(user_id, Chat(user_id, "private", user_id=user_id))
        return chat.id

    def _add_chat(
        self,
        kind: str,
        title: str,
        chat_id: int | None,
        *,
        bot_status: str,
        username: str | None = None,
        is_forum: bool = False,
    ) -> int:
        world = self.core.world
        if bot_status not in BOT_STATUSES:
            raise ValueError(f"bot_status must be one of {', '.join(BOT_STATUSES)}")
        chat_id = chat_id or world.new_chat_id(kind)
        if chat_id >= 0:
            raise ValueError("group, supergroup and channel ids are negative")
        if chat_id in world.chats:
            raise ValueError(f"chat {chat_id} already exists")
        world.chats[chat_id] = Chat(
            chat_id, kind, title=title, username=username, is_forum=is_forum, bot_status=bot_status
        )
        return chat_id

    def add_group(
        self, title: str = "گروه", *, chat_id: int | None = None, bot_status: str = "member"
    ) -> int:
        """Add a basic group with the bot in it."""
        return self._add_chat("group", title, chat_id, bot_status=bot_status)

    def add_supergroup(
        self,
        title: str = "ابرگروه",
        *,
        chat_id: int | None = None,
        username: str | None = None,
        is_forum: bool = False,
        bot_status: str = "member",
    ) -> int:
        """Add a supergroup; ``is_forum`` makes it a forum whose topics ``create_topic`` adds."""
        return self._add_chat(
            "supergroup",
            title,
            chat_id,
            username=username,
            is_forum=is_forum,
            bot_status=bot_status,
        )

    def add_channel(
        self,
        channel: str | int = "@news_channel",
        *,
        title: str = "کانال خبر",
        bot_status: str = "administrator",
    ) -> int:
        """Add a channel by ``@username`` or by id; the bot is an administrator unless told."""
        username = channel[1:] if isinstance(channel, str) and channel.startswith("@") else None
        chat_id = int(channel) if not username else None
        return self._add_chat("channel", title, chat_id, username=username, bot_status=bot_status)

    def create_topic(self, chat_id: int, name: str, *, creator_id: int | None = None) -> int:
        """Create a forum topic and return its ``message_thread_id``."""
        world = self.core.world
        chat = self._chat(chat_id)
        if not chat.is_forum:
            raise ValueError(f"chat {chat_id} is not a forum")
        creator = creator_id or world.bot.id
        message = world.add_message(chat, sender_user_id=creator)
        topic = Topic(message.message_id, name, creator, message.date)
        message.topic_created = topic
        message.thread_id, message.is_topic_message = topic.thread_id, True
        chat.topics[topic.thread_id] = topic
        if creator != world.bot.id:
            self.core.push_message_update(message)
        return topic.thread_id

    def block_bot(self, user_id: int) -> None:
        """The user blocks the bot: sending to them now fails with 403."""
        user = self.core.user(user_id)
        if not user.blocked_bot:
            user.blocked_bot = True
            self._push_my_chat_member(user_id, user_id, "member", "kicked")

    def unblock_bot(self, user_id: int) -> None:
        """The user unblocks (restarts) the bot."""
        user = self.core.user(user_id)
        if user.blocked_bot:
            user.blocked_bot = False
            self._push_my_chat_member(user_id, user_id, "kicked", "member")

    def deactivate_user(self, user_id: int) -> None:
        """The user deletes their account: sending to them fails with ``user is deactivated``."""
        self.core.user(user_id).deactivated = True

    def kick_bot(self, chat_id: int, *, by_user_id: int | None = None) -> None:
        """Remove the bot from a group, supergroup or channel."""
        chat = self._chat(chat_id)
        if chat.type == "private":
            raise ValueError("use block_bot() for private chats")
        old, chat.bot_status = chat.bot_status, "kicked"
        self._push_my_chat_member(chat_id, by_user_id or self._any_user_id(), old, "kicked")

    def upgrade_group(self, chat_id: int) -> int:
        """Turn a basic group into a supergroup; the old id then answers ``migrate_to_chat_id``."""
        chat = self._chat(chat_id)
        if chat.type != "group":
            raise ValueError(f"chat {chat_id} is not a basic group")
        new_id = self.add_supergroup(chat.title or "", bot_status=chat.bot_status)
        chat.migrated_to = new_id
        return new_id

    # --- users acting -------------------------------------------------------------------

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, object]:
        """A user writes ``text`` (entities such as ``bot_command`` found as Telegram does)."""
        chat, user = self._chat(chat_id), self._sender(chat_id, user_id)
        return self._user_message(chat, user, thread_id, reply_to, text=text,
                                  entities=find_entities(text))  # fmt: skip

    def send_document(
        self,
        chat_id: int,
        data: bytes,
        file_name: str,
        mime_type: str = "application/octet-stream",
        *,
        caption: str | None = None,
        user_id: int | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, object]:
        """A user sends a file; the bot can fetch it with ``getFile``."""
        chat, user = self._chat(chat_id), self._sender(chat_id, user_id)
        if not data:
            raise ValueError("a document must not be empty")
        record = self.core.world.new_file(data, file_name, mime_type)
        entities = find_entities(caption) if caption else []
        return self._user_message(chat, user, thread_id, reply_to, document=record,
                                  caption=caption or None, caption_entities=entities)  # fmt: skip

    def send_photo(
        self,
        chat_id: int,
        data: bytes,
        file_name: str = "photo.jpg",
        *,
        caption: str | None = None,
        user_id: int | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, object]:
        """A user sends a photo (JPEG, PNG, GIF or WebP bytes); the message has its sizes.

        The bot can fetch any size with ``getFile`` and send the photo on by ``file_id``.
        Bytes that are not a readable image, or a photo Telegram would refuse, are a
        ``ValueError``, as a Telegram app would not send them as a photo.
        """
        chat, user = self._chat(chat_id), self._sender(chat_id, user_id)
        if len(data) > MAX_PHOTO_BYTES:
            raise ValueError(f"a photo must be at most {MAX_PHOTO_BYTES} bytes")
        info = photo_info(data)
        photo = self.core.world.new_photo(data, file_name, info.format, info.width, info.height,
                                          user.id)  # fmt: skip
        entities = find_entities(caption) if caption else []
        result = self._user_message(chat, user, thread_id, reply_to, photo=photo,
                                    caption=caption or None, caption_entities=entities)  # fmt: skip
        photo.messages.append((chat.id, int(str(result["message_id"])), True, False))
        return result

    def post_to_channel(self, chat_id: int, text: str) -> dict[str, object]:
        """The channel posts ``text``; the bot gets a ``channel_post`` if it is in the channel."""
        chat = self._chat(chat_id)
        if chat.type != "channel":
            raise ValueError(f"chat {chat_id} is not a channel")
        message = self.core.world.add_message(
            chat, sender_chat_id=chat.id, text=text, entities=find_entities(text)
        )
        if chat.bot_status in ("administrator", "creator", "member"):
            self.core.push_message_update(message, "channel_post")
        return self.core.message_json(message)

    def press_button(
        self, chat_id: int, message_id: int, data: str | None = None, *, user_id: int | None = None
    ) -> str:
        """A user presses an inline button of a bot message; returns the callback query id."""
        chat, user = self._chat(chat_id), self._sender(chat_id, user_id)
        message = chat.messages.get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        values = message.callback_data()
        if not values:
            raise ValueError(f"message {message_id} has no callback buttons")
        data = values[0] if data is None else data
        if data not in values:
            raise ValueError(f"message {message_id} has no button with callback_data {data!r}")
        world = self.core.world
        query = world.new_callback_query(user.id, message, data, time.monotonic())
        instance = hashlib.sha256(f"{chat.id}:{world.bot.id}".encode()).hexdigest()[:16]
        payload: dict[str, object] = {
            "id": query.id,
            "from": user.to_json(),
            "message": self.core.message_json(message),
            "chat_instance": str(int(instance, 16) % 10**19),
            "data": data,
        }
        self.core.queue.push("callback_query", payload, 150)
        return query.id

    # --- time ---------------------------------------------------------------------------

    def advance_clock(self, seconds: float) -> int:
        """Move the emulated server's clock forward; returns its new Unix time.

        Message dates, edit dates and the 48-hour limit on deleting messages follow this
        clock (button press timeouts and flood limits keep the machine's).
        """
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self.core.world.clock_offset += seconds
        return self.core.world.now()

    def age_message(self, chat_id: int, message_id: int, seconds: float) -> int:
        """Make one message ``seconds`` older (its date earlier); returns its new date."""
        message = self._chat(chat_id).messages.get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        message.date -= int(float(seconds))
        return message.date

    def callback_answer(self, query_id: str) -> dict[str, object] | None:
        """What the bot answered to a button press, or ``None`` if it has not answered."""
        query = self.core.world.callback_queries[query_id]
        return dict(query.answer) if query.answered else None

    # --- reading back -------------------------------------------------------------------

    def photos(self) -> list[PhotoRecord]:
        """Every photo on the server (uploaded by the bot or a user), oldest first."""
        records = []
        bot_id = self.core.world.bot.id
        for photo in self.core.world.photos:
            largest = photo.sizes[-1]
            messages: list[dict[str, object]] = [
                {"chat_id": chat_id, "message_id": message_id, "uploaded": uploaded,
                 "by_bot": by_bot}
                for chat_id, message_id, uploaded, by_bot in photo.messages
            ]  # fmt: skip
            records.append(
                PhotoRecord(
                    file_id=largest.file_id,
                    file_unique_id=largest.file_unique_id,
                    width=largest.width,
                    height=largest.height,
                    file_size=len(largest.data),
                    format=photo.format,
                    file_name=photo.file_name,
                    uploaded_by=photo.uploaded_by,
                    by_bot=photo.uploaded_by == bot_id,
                    messages=messages,
                    reuses=sum(1 for m in messages if m["by_bot"] and not m["uploaded"]),
                )
            )
        return records

    def messages(self, chat_id: int | None = None) -> list[SentMessage]:
        """The bot's messages to a chat (or to all chats), oldest first."""
        return self.core.sent.in_chat(chat_id)

    def last_message(self, chat_id: int) -> SentMessage | None:
        """The bot's latest message to a chat."""
        messages = self.core.sent.in_chat(chat_id)
        return messages[-1] if messages else None

    async def wait_for_message(
        self,
        chat_id: int,
        *,
        timeout: float = 5.0,
        predicate: Callable[[SentMessage], bool] | None = None,
    ) -> SentMessage:
        """Wait for the bot's next message to ``chat_id`` (each message is returned once)."""
        return await self.core.sent.wait_for(chat_id, timeout, predicate)

    def subscribe(self, callback: Callable[[MessageEvent], None]) -> Callable[[], None]:
        """Call ``callback`` for each message the bot sends, edits or deletes."""
        return self.core.sent.subscribe(callback)

    @property
    def requests(self) -> list[RequestRecord]:
        """Every Bot API request answered so far."""
        return self.core.requests.records

    @property
    def status_counts(self) -> Counter[int]:
        """How many requests were answered with each HTTP status."""
        return self.core.requests.status_counts

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        *,
        count: int = 1,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` (``*`` for any) with this error."""
        self.core.faults.add(
            Fault(method, status, description, count, retry_after, migrate_to_chat_id)
        )

    def delay_next(self, method: str, seconds: float, *, count: int = 1) -> None:
        """Carry out the next ``count`` calls of ``method``, but answer ``seconds`` late."""
        self.core.delays.add(Delay(method, seconds, count))

    def set_rate_limits(self, limits: RateLimits | None = None, **changes: object) -> RateLimits:
        """Turn flood limits on (``enabled=True``) or change them; returns the limits in force."""
        limits = limits or RateLimits(enabled=True)
        for name, value in changes.items():
            if not hasattr(limits, name):
                raise TypeError(f"unknown rate limit setting {name!r}")
            setattr(limits, name, value)
        self.core.limiter.configure(limits)
        return limits

    # --- helpers ------------------------------------------------------------------------

    def _chat(self, chat_id: int) -> Chat:
        try:
            return self.core.world.chats[chat_id]
        except KeyError:
            raise LookupError(f"unknown chat {chat_id}") from None

    def _any_user_id(self) -> int:
        for user in self.core.world.users.values():
            if not user.is_bot:
                return user.id
        raise LookupError("add a user first with add_user()")

    def _sender(self, chat_id: int, user_id: int | None) -> User:
        chat = self._chat(chat_id)
        if user_id is None:
            user_id = chat.user_id if chat.type == "private" else self._any_user_id()
        assert user_id is not None
        return self.core.user(user_id)

    def _user_message(
        self, chat: Chat, user: User, thread_id: int | None, reply_to: int | None, **fields: object
    ) -> dict[str, object]:
        if chat.type == "channel":
            raise ValueError("users do not write in channels; use post_to_channel()")
        if chat.type == "private":
            user.blocked_bot = False
        if thread_id and thread_id not in chat.topics:
            raise LookupError(f"no topic {thread_id} in chat {chat.id}")
        topic_fields: dict[str, object] = {}
        if thread_id:
            topic_fields = {"thread_id": thread_id, "is_topic_message": True}
        message = self.core.world.add_message(
            chat,
            sender_user_id=user.id,
            reply_to_message_id=reply_to or thread_id or None,
            **topic_fields,
            **fields,
        )
        if self._bot_sees(chat, message):
            self.core.push_message_update(message)
        return self.core.message_json(message)

    def _bot_sees(self, chat: Chat, message: Message) -> bool:
        """Whether a user's message reaches the bot (membership and privacy mode)."""
        if chat.type == "private":
            return True
        if chat.bot_status in ("left", "kicked"):
            return False
        if not self.core.privacy_mode or chat.bot_status in ("administrator", "creator"):
            return True
        replied = chat.messages.get(message.reply_to_message_id or 0)
        if replied is not None and replied.by_bot and replied.message_id != message.thread_id:
            return True
        text = message.text or message.caption or ""
        username = (self.core.world.bot.username or "").lower()
        for entity in message.entities or message.caption_entities:
            token = _utf16_slice(text, entity.offset, entity.length).lower()
            if entity.type == "bot_command" and entity.offset == 0:
                return "@" not in token or token.endswith("@" + username)
            if entity.type == "mention" and token == "@" + username:
                return True
        return False

    def _push_my_chat_member(self, chat_id: int, user_id: int, old: str, new: str) -> None:
        world = self.core.world
        bot = world.bot.to_json()
        payload = {
            "chat": chat_json(world.chats[chat_id], world),
            "from": world.users[user_id].to_json(),
            "date": world.now(),
            "old_chat_member": chat_member_json(bot, old),
            "new_chat_member": chat_member_json(bot, new),
        }
        self.core.queue.push("my_chat_member", payload, 86400)


def _utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le", "surrogatepass")
    piece = data[offset * 2 : (offset + length) * 2]
    return piece.decode("utf-16-le", "surrogatepass")
