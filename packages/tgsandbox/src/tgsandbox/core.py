"""The emulated server's state and the checks every method shares.

Chat checks follow ``Client::check_chat`` and ``check_chat_access`` of tdlib/telegram-bot-api;
the text pipeline follows TDLib (clean, trim, non-empty) and then Telegram's servers (length,
blocked users, keyboards, flood limits).
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field

from tgsandbox.autoentities import merge_found_entities
from tgsandbox.errors import ApiError, td_error
from tgsandbox.formatting import FormattingError, fix_formatted_text, text_length
from tgsandbox.html import Entity
from tgsandbox.limits import DelayInjector, FaultInjector, RateLimiter
from tgsandbox.records import MessageLog, MessageVersion, RequestLog, SentMessage
from tgsandbox.request import Call, td_to_integer
from tgsandbox.serialize import message_json
from tgsandbox.state import Chat, Message, User, World
from tgsandbox.updates import LongPoller, UpdateQueue
from tgsandbox.validate import ParsedText, check_markup_on_server, reply_markup, reply_parameters

__all__ = ["Access", "SandboxCore", "SendTarget", "Webhook"]


class Access(enum.Enum):
    """``AccessRights`` of the Bot API server."""

    READ = "read"
    READ_MEMBERS = "read_members"
    EDIT = "edit"
    WRITE = "write"


@dataclass
class SendTarget:
    """Where a new message goes, after the chat, reply and thread checks."""

    chat: Chat
    thread_id: int = 0
    reply_to: int = 0
    markup: dict[str, object] | None = None


@dataclass
class Webhook:
    """The webhook the bot set, if any."""

    url: str = ""
    secret_token: str = ""
    max_connections: int = 40
    ip_address: str = ""
    next_allowed_set: float = 0.0


@dataclass
class SandboxCore:
    """Everything the method handlers need."""

    world: World
    queue: UpdateQueue
    poller: LongPoller
    limiter: RateLimiter = field(default_factory=RateLimiter)
    faults: FaultInjector = field(default_factory=FaultInjector)
    delays: DelayInjector = field(default_factory=DelayInjector)
    sent: MessageLog = field(default_factory=MessageLog)
    requests: RequestLog = field(default_factory=RequestLog)
    webhook: Webhook = field(default_factory=Webhook)
    callback_query_ttl: float = 15.0
    privacy_mode: bool = True

    # --- chats and messages -------------------------------------------------------------

    def check_chat(self, chat_id: str, access: Access) -> Chat:
        """Resolve ``chat_id`` (number or ``@username``) and check the bot's access to it."""
        if not chat_id:
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat: Chat | None
        if chat_id.startswith("@"):
            chat = self.world.chat_by_username(chat_id[1:])
            if chat is not None and chat.type not in ("supergroup", "channel"):
                chat = None
        else:
            chat = self.world.chats.get(td_to_integer(chat_id))
        if chat is None or (
            chat.bot_status == "left" and not chat.username and chat.type != "group"
        ):
            raise td_error(400, "Chat not found", "chat not found")
        self._check_access(chat, access)
        return chat

    def _check_access(self, chat: Chat, access: Access) -> None:
        need_write = access is Access.WRITE
        need_edit = access is Access.EDIT or need_write
        if chat.type == "private":
            user = self.world.users[chat.user_id or chat.id]
            if user.deactivated and need_edit:
                raise ApiError(403, "Forbidden: user is deactivated")
        elif chat.type == "group":
            if access is Access.READ_MEMBERS:
                need_write = need_edit = True
            if chat.migrated_to and need_write:
                raise ApiError(
                    400,
                    "Bad Request: group chat was upgraded to a supergroup chat",
                    {"migrate_to_chat_id": chat.migrated_to},
                )
            if chat.bot_status == "kicked" and need_edit:
                raise ApiError(403, "Forbidden: bot was kicked from the group chat")
            if chat.bot_status == "left" and need_edit:
                raise ApiError(403, "Forbidden: bot is not a member of the group chat")
        else:
            kind = "supergroup" if chat.type == "supergroup" else "channel"
            if chat.bot_status == "kicked":
                raise ApiError(403, f"Forbidden: bot was kicked from the {kind} chat")
            need_more = need_edit if chat.username else True
            if chat.bot_status == "left" and need_more:
                raise ApiError(403, f"Forbidden: bot is not a member of the {kind} chat")

    def check_message(
        self, chat_id: str, message_id: int, access: Access, kind: str
    ) -> tuple[Chat, Message]:
        """``Client::check_message``: the chat, then the message (``<kind> not found``)."""
        chat = self.check_chat(chat_id, access)
        member = chat.type in ("private", "group") or chat.bot_status not in ("left", "kicked")
        message = chat.messages.get(message_id) if message_id > 0 and member else None
        if message is None:
            raise td_error(400, "MESSAGE_NOT_FOUND", f"{kind} not found")
        return chat, message

    def check_thread(self, chat: Chat, thread_id: int) -> None:
        """``TdOnCheckMessageThreadCallback``: the thread must be a forum topic of the chat."""
        if chat.is_forum and thread_id in chat.topics:
            return
        if thread_id in chat.messages and chat.type == "supergroup":
            raise td_error(
                400, "MESSAGE_THREAD_INVALID", "Message thread is not a forum topic thread"
            )
        raise td_error(400, "MESSAGE_THREAD_INVALID", "Message thread not found")

    def prepare_send(self, call: Call) -> SendTarget:
        """``do_send_message`` and ``check_reply_parameters`` up to TDLib's ``sendMessage``."""
        reply = reply_parameters(call)
        markup = reply_markup(call)
        thread_id = max(0, call.integer("message_thread_id"))
        chat = self.check_chat(call.arg("chat_id"), Access.WRITE)
        target = SendTarget(chat, thread_id, 0, markup)
        if reply.message_id > 0:
            reply_chat = chat
            if reply.chat_id and reply.chat_id != call.arg("chat_id"):
                reply_chat = self.check_chat(reply.chat_id, Access.READ)
            if reply.message_id in reply_chat.messages and reply_chat is chat:
                target.reply_to = reply.message_id
            elif not reply.allow_sending_without_reply:
                raise td_error(400, "MESSAGE_NOT_FOUND", "message to be replied not found")
        if thread_id > 0:
            self.check_thread(chat, thread_id)
        if chat.type == "channel" and chat.bot_status not in ("administrator", "creator"):
            raise td_error(400, "Need administrator rights in the channel chat")
        return target

    def finish_text(
        self, parsed: ParsedText, *, allow_empty: bool = False
    ) -> tuple[str, list[Entity]]:
        """TDLib's ``get_formatted_text``: cleanup, ``Text must be non-empty``, found entities."""
        try:
            text, entities = fix_formatted_text(
                parsed.text, parsed.entities, allow_empty=allow_empty
            )
        except FormattingError as error:
            raise td_error(400, str(error)) from error
        for entity in entities:
            user = self.world.users.get(entity.user_id) if entity.type == "text_mention" else None
            if user is not None:
                entity.extra = dict(user.to_json())
        return text, merge_found_entities(text, entities)

    def server_send_checks(
        self, target: SendTarget, text: str = "", limit: int | None = None, too_long: str = ""
    ) -> None:
        """What Telegram's servers refuse: blocked users, long texts, bad keyboards, floods.

        ``text`` longer than ``limit`` is refused as ``too_long``. Files pass no limit: TDLib
        has already refused a long caption before the servers see it.
        """
        chat = target.chat
        if chat.type == "private" and self.world.users[chat.user_id or chat.id].blocked_bot:
            raise td_error(400, "USER_IS_BLOCKED")
        if limit is not None and text_length(text) > limit:
            raise td_error(400, too_long)
        check_markup_on_server(target.markup)
        self.limiter.acquire(chat.id, chat.is_group_like)

    def store_bot_message(self, target: SendTarget, **fields: object) -> Message:
        """Create the bot's message: sender, topic fields and the implicit topic reply."""
        chat = target.chat
        sender: dict[str, object] = {"by_bot": True, "reply_markup": target.markup}
        if chat.type == "channel":
            sender["sender_chat_id"] = chat.id
        else:
            sender["sender_user_id"] = self.world.bot.id
        if target.thread_id:
            sender.update(thread_id=target.thread_id, is_topic_message=chat.is_forum)
        sender["reply_to_message_id"] = target.reply_to or target.thread_id or None
        sender.update(fields)
        return self.world.add_message(chat, **sender)

    def record_sent(
        self,
        message: Message,
        call: Call,
        raw: str,
        *,
        photo_uploaded: bool = False,
    ) -> None:
        """Add the bot's new message to the log tests and the console read."""
        text = message.text if message.text is not None else (message.caption or "")
        entities = message.entities if message.text is not None else message.caption_entities
        if message.photo is not None:
            message.photo.messages.append(
                (message.chat_id, message.message_id, photo_uploaded, True)
            )
        self.sent.emit(
            "sent",
            SentMessage(
                message_id=message.message_id,
                chat_id=message.chat_id,
                thread_id=message.thread_id,
                method=call.method,
                raw_text=raw,
                parse_mode=call.arg("parse_mode"),
                text=text,
                entities=[entity.to_bot_api() for entity in entities],
                reply_markup=message.reply_markup,
                time=time.time(),
                document=(
                    message.document.document_json() if message.document is not None else None
                ),
                photo=message.photo.to_json() if message.photo is not None else None,
                photo_uploaded=photo_uploaded,
                link_preview_options=message.link_preview,
            ),
        )

    def logged(self, message: Message) -> SentMessage | None:
        """The log entry of one of the bot's messages."""
        for sent in self.sent.messages:
            if sent.chat_id == message.chat_id and sent.message_id == message.message_id:
                return sent
        return None

    def record_edit(self, message: Message, call: Call, raw: str | None) -> None:
        """Stamp the message's ``edit_date`` and add the edit to the history of the logged
        message (``raw`` ``None``: keyboard only, which asks for no link preview options)."""
        message.edit_date = self.world.now()
        sent = self.logged(message)
        if sent is None:
            return
        text = message.text if message.text is not None else (message.caption or "")
        entities = message.entities if message.text is not None else message.caption_entities
        version = MessageVersion(
            raw_text=sent.raw_text if raw is None else raw,
            parse_mode=sent.parse_mode if raw is None else call.arg("parse_mode"),
            text=text,
            entities=[entity.to_bot_api() for entity in entities],
            reply_markup=message.reply_markup,
            time=time.time(),
            method=call.method,
            link_preview_options=message.link_preview if raw is not None else None,
        )
        sent.apply_edit(version)
        self.sent.emit("edited", sent)

    def message_json(self, message: Message) -> dict[str, object]:
        """The Bot API object of a stored message."""
        return message_json(message, self.world)

    # --- updates ------------------------------------------------------------------------

    def push_message_update(self, message: Message, kind: str = "message") -> int | None:
        """Queue a ``message`` or ``channel_post`` update for a stored message (24 h lifetime)."""
        return self.queue.push(kind, self.message_json(message), 86400)

    def user(self, user_id: int) -> User:
        """A known user, or ``KeyError`` with a clear message."""
        try:
            return self.world.users[user_id]
        except KeyError:
            raise KeyError(f"unknown user {user_id}; add it with add_user() first") from None
