"""Digest schedules and targets, the values of DIGEST_SCHEDULE and DIGEST_CHATS.

Pure parsing: a wrong entry raises ``ValueError`` naming the entry, and
:mod:`bot.config` adds the variable's name when it reads the settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

_EVERY = re.compile(r"^every\s+(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)$", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}
_CHAT = re.compile(r"^(?P<chat>@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})(?::(?P<thread>\d{1,12}))?$")


@dataclass(frozen=True, slots=True)
class Tick:
    """One schedule entry as written, and the APScheduler trigger it makes."""

    text: str
    trigger: BaseTrigger


def parse_schedule(value: str, zone: tzinfo) -> list[Tick]:
    """``;``-separated 5-field cron expressions and ``every <N>s|m|h`` intervals.

    Raises ``ValueError`` naming the first entry that is wrong.

    >>> [t.text for t in parse_schedule("every 30s; 0 8 * * *", __import__("datetime").UTC)]
    ['every 30s', '0 8 * * *']
    """
    ticks = []
    for entry in (part.strip() for part in value.split(";")):
        if not entry:
            continue
        every = _EVERY.match(entry)
        if every:
            seconds = int(every.group(1)) * _UNIT_SECONDS[every.group(2)[0].lower()]
            if seconds <= 0:
                raise ValueError(f"{entry!r}: the interval must be positive")
            ticks.append(Tick(entry, IntervalTrigger(seconds=seconds, timezone=zone)))
            continue
        if len(entry.split()) != 5:
            raise ValueError(
                f"{entry!r} is neither a 5-field cron expression "
                "(minute hour day month weekday) nor an interval such as 'every 30s'"
            )
        try:
            trigger = CronTrigger.from_crontab(entry, timezone=zone)
        except ValueError as error:
            raise ValueError(f"{entry!r}: {error}") from None
        ticks.append(Tick(entry, trigger))
    if not ticks:
        raise ValueError("no schedule given")
    return ticks


def next_fire_times(ticks: list[Tick], now: datetime, count: int) -> list[datetime]:
    """The next ``count`` times any of the ticks fires after ``now``, in order."""
    times: list[datetime] = []
    cursors = {id(tick): now for tick in ticks}
    previous: dict[int, datetime | None] = {id(tick): None for tick in ticks}
    while len(times) < count:
        candidates = []
        for tick in ticks:
            fire = tick.trigger.get_next_fire_time(previous[id(tick)], cursors[id(tick)])
            if fire is not None:
                candidates.append((fire, tick))
        if not candidates:
            break
        fire, tick = min(candidates, key=lambda pair: pair[0])
        previous[id(tick)] = fire
        cursors[id(tick)] = fire + timedelta(microseconds=1)
        if not times or fire > times[-1]:
            times.append(fire)
    return times


@dataclass(frozen=True, slots=True)
class Target:
    """Where digests go: a chat (id or @channel) and, in a forum, a topic."""

    chat: int | str
    thread_id: int | None = None

    @property
    def key(self) -> str:
        """A stable text key for the post log: ``@news``, ``-1001``, ``-1001:7``."""
        base = str(self.chat)
        return f"{base}:{self.thread_id}" if self.thread_id is not None else base


def parse_chats(entries: list[str]) -> list[Target]:
    """DIGEST_CHATS entries: ``@channel``, numeric ids, and ``chat:thread_id`` for topics.

    Raises ``ValueError`` naming the first entry that is not a chat.

    >>> parse_chats(["@news", "-1001234", "-1001234:7"])[2]
    Target(chat=-1001234, thread_id=7)
    """
    targets: list[Target] = []
    for entry in entries:
        found = _CHAT.match(entry.strip())
        if not found:
            raise ValueError(
                f"{entry!r} is not a chat: use @channel_name, a numeric id, "
                "or chat:thread_id for a forum topic"
            )
        chat_text = found.group("chat")
        chat: int | str = chat_text if chat_text.startswith("@") else int(chat_text)
        thread = found.group("thread")
        target = Target(chat, int(thread) if thread else None)
        if target not in targets:
            targets.append(target)
    return targets
