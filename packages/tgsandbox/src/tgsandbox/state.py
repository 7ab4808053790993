"""The emulated world: users, chats, forum topics, messages, files and callback queries."""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tgsandbox.files import photo_boxes
from tgsandbox.html import Entity

__all__ = [
    "BOT_STATUSES",
    "CallbackQuery",
    "Chat",
    "FileRecord",
    "Message",
    "Photo",
    "Topic",
    "User",
    "World",
]

BOT_STATUSES = ("creator", "administrator", "member", "left", "kicked")


@dataclass
class User:
    """A Telegram user (or the bot itself)."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked_bot: bool = False
    deactivated: bool = False

    def to_json(self) -> dict[str, object]:
        """The Bot API ``User`` object."""
        result: dict[str, object] = {
            "id": self.id,
            "is_bot": self.is_bot,
            "first_name": self.first_name,
        }
        if self.last_name:
            result["last_name"] = self.last_name
        if self.username:
            result["username"] = self.username
        if self.language_code:
            result["language_code"] = self.language_code
        return result


@dataclass
class Topic:
    """A forum topic; its id is the id of the service message that created it."""

    thread_id: int
    name: str
    creator_id: int
    date: int
    icon_color: int = 0x6FB9F0


@dataclass
class FileRecord:
    """An uploaded file, downloadable through ``getFile`` and the file route.

    ``kind`` is ``document`` or ``photo`` (one size of a photo, with its ``width`` and
    ``height``); a file id is refused where the other kind is expected, as TDLib does.
    """

    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    data: bytes
    file_path: str
    kind: str = "document"
    width: int = 0
    height: int = 0

    @property
    def type_name(self) -> str:
        """TDLib's name of the file type, as in ``Can't use file of type Photo as Document``."""
        return self.kind.capitalize()

    def photo_size_json(self) -> dict[str, object]:
        """The Bot API ``PhotoSize`` object."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "width": self.width,
            "height": self.height,
        }

    def document_json(self) -> dict[str, object]:
        """The Bot API ``Document`` object."""
        return {
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }


@dataclass
class Photo:
    """A photo on the server: the sizes Telegram keeps of one uploaded image, smallest first.

    Every size downloads the uploaded bytes (the emulator does not resample). ``messages``
    lists ``(chat_id, message_id, uploaded)`` of every message that carried the photo.
    """

    photo_id: int
    sizes: list[FileRecord]
    format: str
    file_name: str
    uploaded_by: int
    messages: list[tuple[int, int, bool]] = field(default_factory=list)

    def to_json(self) -> list[dict[str, object]]:
        """The ``photo`` field of a message: an array of ``PhotoSize``."""
        return [size.photo_size_json() for size in self.sizes]


@dataclass
class Message:
    """A stored message, in any chat, from the bot or from a user."""

    message_id: int
    chat_id: int
    date: int
    sender_user_id: int | None = None
    sender_chat_id: int | None = None
    text: str | None = None
    entities: list[Entity] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[Entity] = field(default_factory=list)
    document: FileRecord | None = None
    photo: Photo | None = None
    show_caption_above_media: bool = False
    has_media_spoiler: bool = False
    link_preview: dict[str, object] | None = None
    reply_markup: dict[str, object] | None = None
    thread_id: int | None = None
    is_topic_message: bool = False
    reply_to_message_id: int | None = None
    edit_date: int | None = None
    topic_created: Topic | None = None
    by_bot: bool = False

    def callback_data(self) -> list[str]:
        """The ``callback_data`` of the message's inline buttons, in order."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            str(button["callback_data"])
            for row in (rows if isinstance(rows, list) else [])
            for button in row
            if isinstance(button, dict) and "callback_data" in button
        ]


@dataclass
class Chat:
    """A chat the bot can be asked about: private, group, supergroup (maybe a forum) or channel."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    user_id: int | None = None
    is_forum: bool = False
    bot_status: str = "member"
    topics: dict[int, Topic] = field(default_factory=dict)
    messages: dict[int, Message] = field(default_factory=dict)
    next_message_id: int = 1
    migrated_to: int | None = None

    @property
    def is_group_like(self) -> bool:
        """Groups, supergroups and channels share the 20 messages a minute limit."""
        return self.type != "private"


@dataclass
class CallbackQuery:
    """A button press waiting for ``answerCallbackQuery``."""

    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float
    answered: bool = False
    answer: dict[str, object] = field(default_factory=dict)


class World:
    """Everything the emulated server knows; all times come from ``clock``."""

    def __init__(self, bot: User, clock: Callable[[], float] = time.time) -> None:
        self.bot = bot
        self.clock = clock
        self.users: dict[int, User] = {bot.id: bot}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, FileRecord] = {}
        self.files_by_path: dict[str, FileRecord] = {}
        self.photos: list[Photo] = []
        self.photo_of_file: dict[str, Photo] = {}
        #: Seconds added to ``clock``: tests move the emulated server's time forward with it.
        self.clock_offset = 0.0
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._user_ids = itertools.count(100_000_001)
        self._group_ids = itertools.count(4_000_000_001)
        self._channel_ids = itertools.count(1_002_000_000_001)
        self._file_counter = itertools.count(1)
        self._query_counter = itertools.count(1)

    def now(self) -> int:
        """The current Unix time in whole seconds, as the emulated server sees it."""
        return int(self.clock() + self.clock_offset)

    def new_user_id(self) -> int:
        """A fresh positive user id."""
        while (candidate := next(self._user_ids)) in self.users:
            continue
        return candidate

    def new_chat_id(self, kind: str) -> int:
        """A fresh chat id of the shape Telegram uses for the kind of chat."""
        counter = self._group_ids if kind == "group" else self._channel_ids
        while -(candidate := next(counter)) in self.chats:
            continue
        return -candidate

    def chat_by_username(self, username: str) -> Chat | None:
        """Find a chat by its public username, case-insensitively."""
        wanted = username.lower()
        for chat in self.chats.values():
            if chat.username and chat.username.lower() == wanted:
                return chat
        return None

    def add_message(self, chat: Chat, **fields: object) -> Message:
        """Store a new message in ``chat`` with the next message id and the current date."""
        message = Message(message_id=chat.next_message_id, chat_id=chat.id, date=self.now())
        for name, value in fields.items():
            setattr(message, name, value)
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        return message

    def new_file(self, data: bytes, file_name: str, mime_type: str) -> FileRecord:
        """Store uploaded bytes and give them a file id and a download path."""
        number = next(self._file_counter)
        digest = hashlib.sha256(data + str(number).encode()).hexdigest()
        extension = file_name.rsplit(".", 1)[-1] if "." in file_name else ""
        path = f"documents/file_{number}" + (f".{extension}" if extension else "")
        record = FileRecord(
            file_id=f"BQACAgQAAx0Sandbox{digest[:42]}",
            file_unique_id=f"AgAD{digest[42:54]}",
            file_name=file_name,
            mime_type=mime_type,
            data=data,
            file_path=path,
        )
        self.files[record.file_id] = record
        self.files_by_path[path] = record
        return record

    def new_photo(
        self, data: bytes, file_name: str, format: str, width: int, height: int, uploaded_by: int
    ) -> Photo:
        """Store an uploaded image as a photo: one file (id, unique id, path) for each size."""
        number = next(self._file_counter)
        digest = hashlib.sha256(data + str(number).encode()).hexdigest()
        extension = "png" if format == "png" else "jpg"
        sizes = []
        for kind, size_width, size_height in photo_boxes(width, height):
            tag = f"{digest[:40]}{kind}"
            path = f"photos/file_{number}_{kind}.{extension}"
            record = FileRecord(
                file_id=f"AgACAgQAAxkDSandbox{tag}",
                file_unique_id=f"AQAD{digest[40:51]}{kind}",
                file_name=file_name,
                mime_type=f"image/{format}",
                data=data,
                file_path=path,
                kind="photo",
                width=size_width,
                height=size_height,
            )
            self.files[record.file_id] = record
            self.files_by_path[path] = record
            sizes.append(record)
        photo = Photo(number, sizes, format, file_name, uploaded_by)
        self.photos.append(photo)
        for record in sizes:
            self.photo_of_file[record.file_id] = photo
        return photo

    def new_callback_query(
        self, user_id: int, message: Message, data: str, now: float
    ) -> CallbackQuery:
        """Record a button press and give it an id like Telegram's (a 64-bit number)."""
        number = next(self._query_counter)
        query_id = str((user_id << 20) + number)
        query = CallbackQuery(query_id, user_id, message.chat_id, message.message_id, data, now)
        self.callback_queries[query_id] = query
        return query
