"""What tests and the console read back: the bot's messages, and every request with its status."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "MessageEvent",
    "MessageLog",
    "MessageVersion",
    "PhotoRecord",
    "RequestLog",
    "RequestRecord",
    "SentMessage",
]


@dataclass
class MessageVersion:
    """One state of a message: what the bot sent and what Telegram made of it.

    ``method`` is the edit that made it (``editmessagetext``, ``editmessagecaption`` or
    ``editmessagereplymarkup``); ``text`` is the caption of a photo or document.
    """

    raw_text: str
    parse_mode: str
    text: str
    entities: list[dict[str, object]]
    reply_markup: dict[str, object] | None
    time: float
    method: str = ""
    link_preview_options: dict[str, object] | None = None


@dataclass
class SentMessage:
    """A message the bot sent, with its edit history.

    ``text`` is the caption of a photo or document. ``photo`` is its ``PhotoSize`` array and
    ``photo_uploaded`` whether this request uploaded it (rather than naming a ``file_id``).
    ``link_preview_options`` are the options the bot asked for (``disable_web_page_preview``
    read as ``{"is_disabled": true}``), ``None`` when it asked for none.
    """

    message_id: int
    chat_id: int
    thread_id: int | None
    method: str
    raw_text: str
    parse_mode: str
    text: str
    entities: list[dict[str, object]]
    reply_markup: dict[str, object] | None
    time: float
    document: dict[str, object] | None = None
    edits: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False
    photo: list[dict[str, object]] | None = None
    photo_uploaded: bool = False
    link_preview_options: dict[str, object] | None = None
    deleted_at: float | None = None

    @property
    def link_previews_disabled(self) -> bool:
        """Whether the bot turned link previews off for the current version of the message."""
        return bool((self.link_preview_options or {}).get("is_disabled"))

    def apply_edit(self, version: MessageVersion) -> None:
        """Record an edit and make it the current state."""
        self.edits.append(version)
        self.raw_text, self.parse_mode = version.raw_text, version.parse_mode
        self.text, self.entities = version.text, version.entities
        self.reply_markup = version.reply_markup
        if version.method == "editmessagetext":
            self.link_preview_options = version.link_preview_options


@dataclass
class PhotoRecord:
    """A photo on the emulated server: who uploaded it and every message that carried it.

    ``file_id`` and ``file_unique_id`` are those of its largest size. ``messages`` holds
    ``{"chat_id", "message_id", "uploaded", "by_bot"}`` for each message, oldest first;
    ``reuses`` counts the bot's messages that sent it by ``file_id`` instead of uploading.
    """

    file_id: str
    file_unique_id: str
    width: int
    height: int
    file_size: int
    format: str
    file_name: str
    uploaded_by: int
    by_bot: bool
    messages: list[dict[str, object]]
    reuses: int


@dataclass(frozen=True)
class MessageEvent:
    """A change a subscriber hears about: ``sent``, ``edited`` or ``deleted``."""

    kind: str
    message: SentMessage


class MessageLog:
    """The bot's messages in the order sent, with waiting and subscription."""

    def __init__(self) -> None:
        self.messages: list[SentMessage] = []
        self._subscribers: list[Callable[[MessageEvent], None]] = []
        self._changed = asyncio.Event()
        self._cursors: dict[int, int] = {}

    def emit(self, kind: str, message: SentMessage) -> None:
        """Record a new message (for ``sent``) and tell subscribers and waiters."""
        if kind == "sent":
            self.messages.append(message)
        for callback in list(self._subscribers):
            callback(MessageEvent(kind, message))
        self._changed.set()
        self._changed = asyncio.Event()

    def subscribe(self, callback: Callable[[MessageEvent], None]) -> Callable[[], None]:
        """Call ``callback`` on every message event; returns a function that unsubscribes."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def in_chat(self, chat_id: int | None = None) -> list[SentMessage]:
        """Messages to one chat (or all), oldest first."""
        return [m for m in self.messages if chat_id is None or m.chat_id == chat_id]

    async def wait_for(
        self,
        chat_id: int,
        timeout: float,
        predicate: Callable[[SentMessage], bool] | None = None,
    ) -> SentMessage:
        """The next message to ``chat_id`` not yet returned by this method that matches.

        Each call moves past the message it returns, so successive calls return successive
        messages however early they arrived. Raises ``TimeoutError``.
        """
        deadline = time.monotonic() + timeout
        while True:
            changed = self._changed
            start = self._cursors.get(chat_id, 0)
            for index in range(start, len(self.messages)):
                message = self.messages[index]
                if message.chat_id != chat_id or (predicate and not predicate(message)):
                    continue
                self._cursors[chat_id] = index + 1
                return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no message to chat {chat_id} within {timeout} s")
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                continue


@dataclass(frozen=True)
class RequestRecord:
    """One Bot API request: method, parameters (files by name), answer status and description.

    ``time`` is when the request arrived and ``answered`` when it was answered (a long poll
    waits in between). ``delivered`` is false when the client had hung up before the answer
    (for instance a long poll cancelled at shutdown and then ended with 409): the bot never
    saw that answer.
    """

    time: float
    method: str
    params: dict[str, str]
    status: int
    description: str = ""
    delivered: bool = True
    answered: float = 0.0


class RequestLog:
    """Every Bot API request answered, and counters by HTTP status of the answers delivered."""

    def __init__(self) -> None:
        self.records: list[RequestRecord] = []
        self.status_counts: Counter[int] = Counter()
        #: ``(time, method)`` of every request as it arrives, before it is answered.
        self.arrivals: list[tuple[float, str]] = []

    def add(self, record: RequestRecord) -> None:
        self.records.append(record)
        if record.delivered:
            self.status_counts[record.status] += 1

    def with_status(self, status: int) -> list[RequestRecord]:
        """Requests answered with ``status``."""
        return [record for record in self.records if record.status == status]

    def clear(self) -> None:
        """Forget every request."""
        self.records.clear()
        self.arrivals.clear()
        self.status_counts.clear()
