"""Flood limits and injected failures.

Rate limiting is off unless enabled: about one message a second per chat (a small burst is
tolerated), 20 messages a minute per group or channel, 30 messages a second overall. Edits
count toward the same limits as new messages. A message or edit over a limit is refused with
``429 Too Many Requests: retry after N`` and nothing is sent or changed, as Telegram does.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from tgsandbox.errors import ApiError, retry_after_error

__all__ = ["Delay", "DelayInjector", "Fault", "FaultInjector", "RateLimiter", "RateLimits"]


@dataclass
class RateLimits:
    """Limits for sent and edited messages; ``enabled`` is off by default."""

    enabled: bool = False
    per_chat_per_second: float = 1.0
    per_chat_burst: int = 3
    group_per_minute: int = 20
    global_per_second: int = 30


class _Window:
    """At most ``count`` events in any ``period`` seconds."""

    def __init__(self, count: int, period: float) -> None:
        self.count = count
        self.period = period
        self.times: deque[float] = deque()

    def wait_time(self, now: float) -> float:
        while self.times and self.times[0] <= now - self.period:
            self.times.popleft()
        if len(self.times) < self.count:
            return 0.0
        return self.times[0] + self.period - now

    def add(self, now: float) -> None:
        self.times.append(now)


class _Bucket:
    """A token bucket: ``rate`` tokens a second, up to ``burst``."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.updated = now

    def wait_time(self, now: float) -> float:
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def add(self, now: float) -> None:
        self.tokens -= 1


class RateLimiter:
    """Counts sent and edited messages per chat, per group or channel, and overall."""

    def __init__(
        self, limits: RateLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.clock = clock
        self.configure(limits or RateLimits())

    def configure(self, limits: RateLimits) -> None:
        """Replace the limits and forget what was counted."""
        self.limits = limits
        self._chats: dict[int, _Bucket] = {}
        self._groups: dict[int, _Window] = {}
        self._global = _Window(limits.global_per_second, 1.0)

    def acquire(self, chat_id: int, group_like: bool) -> None:
        """Count one message or edit in ``chat_id`` or raise the 429 error, counting nothing."""
        if not self.limits.enabled:
            return
        now = self.clock()
        limits = self.limits
        bucket = self._chats.setdefault(
            chat_id, _Bucket(limits.per_chat_per_second, limits.per_chat_burst, now)
        )
        waits = [bucket.wait_time(now), self._global.wait_time(now)]
        window = None
        if group_like:
            window = self._groups.setdefault(chat_id, _Window(limits.group_per_minute, 60.0))
            waits.append(window.wait_time(now))
        wait = max(waits)
        if wait > 0:
            raise retry_after_error(max(1, math.ceil(wait)))
        bucket.add(now)
        self._global.add(now)
        if window is not None:
            window.add(now)


@dataclass
class Fault:
    """An error to answer instead of running the method, ``count`` times."""

    method: str
    status: int
    description: str
    count: int = 1
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None

    def error(self) -> ApiError:
        parameters: dict[str, int] = {}
        if self.retry_after is not None:
            parameters["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        return ApiError(self.status, self.description, parameters)


class FaultInjector:
    """Queued failures by method name (case-insensitive; ``*`` matches any method)."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.count < 1:
            raise ValueError("count must be at least 1")
        fault.method = fault.method.lower()
        self.faults.append(fault)

    def take(self, method: str) -> ApiError | None:
        """The next injected error for ``method``, if any, using up one of its count."""
        for fault in self.faults:
            if fault.method in (method.lower(), "*"):
                fault.count -= 1
                if fault.count == 0:
                    self.faults.remove(fault)
                return fault.error()
        return None


@dataclass
class Delay:
    """Hold back the answer to ``method`` by ``seconds``, ``count`` times."""

    method: str
    seconds: float
    count: int = 1


class DelayInjector:
    """Answers held back after the method has run: the request takes effect, the reply is late.

    This is how a test catches a bot between a request reaching Telegram and the answer
    reaching the bot (a process killed there, a read timeout).
    """

    def __init__(self) -> None:
        self.delays: list[Delay] = []

    def add(self, delay: Delay) -> None:
        if delay.count < 1 or delay.seconds < 0:
            raise ValueError("count must be at least 1 and seconds not negative")
        delay.method = delay.method.lower()
        self.delays.append(delay)

    def take(self, method: str) -> float:
        """Seconds to hold the answer to ``method`` back (0 when none is queued)."""
        for delay in self.delays:
            if delay.method in (method.lower(), "*"):
                delay.count -= 1
                if delay.count == 0:
                    self.delays.remove(delay)
                return delay.seconds
        return 0.0
