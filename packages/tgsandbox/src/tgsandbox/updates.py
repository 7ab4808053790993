"""The update queue and long polling, after TDLib's ``TQueue`` and ``Client::do_get_updates``.

Update ids start at a large random number; ``offset`` drops every earlier update, a negative
offset keeps only the last ``-offset`` updates, and an offset far in the future or the past
falls back to the head of the queue. Only one long poll is served at a time: a new poll that
has to wait ends the earlier one with 409, and a second conflict within three seconds is
answered three seconds late, as the real server does.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tgsandbox.errors import ApiError, conflict

__all__ = ["ALL_UPDATE_TYPES", "DEFAULT_ALLOWED", "LongPoller", "QueuedUpdate", "UpdateQueue"]

ALL_UPDATE_TYPES = (
    "message", "edited_message", "channel_post", "edited_channel_post", "inline_query",
    "chosen_inline_result", "callback_query", "custom_event", "custom_query", "shipping_query",
    "pre_checkout_query", "poll", "poll_answer", "my_chat_member", "chat_member",
    "chat_join_request", "chat_boost", "removed_chat_boost", "message_reaction",
    "message_reaction_count", "business_connection", "business_message",
    "edited_business_message", "deleted_business_messages",
)  # fmt: skip
DEFAULT_ALLOWED = frozenset(ALL_UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}
MAX_QUEUE_EVENTS = 100_000
LONG_POLL_WAIT_AFTER = 0.001
LONG_POLL_MAX_DELAY = 0.002
CONFLICT_DELAY = 3.0
TERMINATED_BY_OTHER = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)


@dataclass
class QueuedUpdate:
    """One pending update: its id, kind (``message``...), object and expiry time."""

    update_id: int
    kind: str
    payload: dict[str, object]
    expires_at: float

    def to_json(self) -> dict[str, object]:
        """The Bot API ``Update`` object."""
        return {"update_id": self.update_id, self.kind: self.payload}


class UpdateQueue:
    """Pending updates, in id order."""

    def __init__(self, first_id: int | None = None, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.first_id = first_id or random.randint(2_000_001, (2**31 - 1) // 2)
        self.tail = 0
        self.events: dict[int, QueuedUpdate] = {}
        self.allowed: frozenset[str] = DEFAULT_ALLOWED
        self.listeners: list[Callable[[], None]] = []

    def head(self) -> int:
        """The id of the first pending update, or of the next one when none are pending."""
        return next(iter(self.events), self.tail)

    def push(self, kind: str, payload: dict[str, object], lifetime: float) -> int | None:
        """Queue an update unless its kind is not allowed; return its id."""
        if kind not in self.allowed or len(self.events) >= MAX_QUEUE_EVENTS:
            return None
        if self.tail == 0:
            self.tail = self.first_id
        update_id = self.tail
        self.tail += 1
        self.events[update_id] = QueuedUpdate(update_id, kind, payload, self.clock() + lifetime)
        for listener in list(self.listeners):
            listener()
        return update_id

    def clear(self, keep: int = 0) -> None:
        """Drop all but the last ``keep`` pending updates."""
        ids = list(self.events)
        for update_id in ids[: max(0, len(ids) - keep)]:
            del self.events[update_id]

    def pending_count(self) -> int:
        """Updates still waiting to be confirmed (expired ones included until read)."""
        return len(self.events)

    def fetch(self, offset: int, limit: int) -> list[QueuedUpdate]:
        """``do_get_updates`` without the waiting: confirm, then return up to ``limit`` updates."""
        if offset < 0:
            self.clear(-offset)
        if offset <= 0:
            offset = self.head()
        if offset <= 0:
            return []
        if offset > self.tail + 10 or offset < self.head() - MAX_QUEUE_EVENTS:
            offset = self.head()
        for update_id in [i for i in self.events if i < offset]:
            del self.events[update_id]
        now = self.clock()
        result: list[QueuedUpdate] = []
        for update_id in list(self.events):
            event = self.events[update_id]
            if event.expires_at < now:
                del self.events[update_id]
                continue
            if len(result) == limit:
                break
            result.append(event)
        return result


@dataclass(eq=False)
class _Poll:
    offset: int
    limit: int
    deadline: float
    event: asyncio.Event = field(default_factory=asyncio.Event)
    woken: bool = False
    error: ApiError | None = None
    finished: bool = False


class LongPoller:
    """Serves ``getUpdates``, one long poll at a time."""

    def __init__(self, queue: UpdateQueue, *, strict: bool = True) -> None:
        self.queue = queue
        self.strict = strict
        self.current: _Poll | None = None
        self.waiting: set[_Poll] = set()
        self.next_conflict_time = -1e9
        self.previous_offset: int | None = None
        self.previous_start = -1e9
        queue.listeners.append(self._wake)

    def _wake(self) -> None:
        if self.current is not None:
            self.current.woken = True
            self.current.event.set()

    async def fail_conflict(self, message: str) -> ApiError:
        """``fail_query_conflict``: answer at once, or three seconds late after a recent one."""
        now = time.monotonic()
        if now >= self.next_conflict_time:
            self.next_conflict_time = now + CONFLICT_DELAY
        else:
            await asyncio.sleep(CONFLICT_DELAY)
        return conflict(message)

    def abort(self, message: str = TERMINATED_BY_OTHER) -> None:
        """End the current long poll with 409 (``abort_long_poll``)."""
        poll, self.current = self.current, None
        if poll is None:
            return
        now = time.monotonic()
        if now >= self.next_conflict_time:
            self.next_conflict_time = now + CONFLICT_DELAY
            self._fail(poll, conflict(message))
        else:
            loop = asyncio.get_running_loop()
            loop.call_later(CONFLICT_DELAY, self._fail, poll, conflict(message))

    def _fail(self, poll: _Poll, error: ApiError) -> None:
        poll.error = error
        poll.event.set()

    def close(self) -> None:
        """Answer every waiting poll with an empty list (used when the emulator stops)."""
        self.current = None
        for poll in list(self.waiting):
            poll.finished = True
            poll.event.set()

    def throttle(self, offset: int, limit: int, timeout: int) -> tuple[int, int]:
        """The server's guard against tight loops: repeated offsets wait at least 3 seconds."""
        if not self.strict:
            return limit, timeout
        now = time.monotonic()
        if offset == self.previous_offset and timeout < 3 and now < self.previous_start + 3.0:
            timeout = 3
        if offset == self.previous_offset and now < self.previous_start + 0.5:
            limit = 1
        self.previous_offset = offset
        self.previous_start = now
        return limit, timeout

    async def get_updates(self, offset: int, limit: int, timeout: int) -> list[QueuedUpdate]:
        """Return updates at once, or wait up to ``timeout`` seconds for the first one."""
        updates = self.queue.fetch(offset, limit)
        if timeout == 0 or updates:
            return updates
        self.abort()
        poll = _Poll(offset, limit, time.monotonic() + timeout)
        self.current = poll
        self.waiting.add(poll)
        try:
            await self._wait(poll)
        finally:
            self.waiting.discard(poll)
            if self.current is poll:
                self.current = None
        if poll.error is not None:
            raise poll.error
        return self.queue.fetch(offset, limit)

    async def _wait(self, poll: _Poll) -> None:
        while not poll.finished and poll.error is None:
            if self.current is not poll:
                poll.event.clear()
                if poll.finished or poll.error is not None:
                    return
                await poll.event.wait()
                continue
            remaining = poll.deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                await asyncio.wait_for(poll.event.wait(), remaining)
            except TimeoutError:
                return
            poll.event.clear()
            if poll.woken and poll.error is None and self.current is poll:
                poll.deadline = min(poll.deadline, time.monotonic() + LONG_POLL_MAX_DELAY)
                await asyncio.sleep(min(LONG_POLL_WAIT_AFTER, LONG_POLL_MAX_DELAY))
                return
