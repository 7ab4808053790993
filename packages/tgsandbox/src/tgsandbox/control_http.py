"""The JSON control API under ``/control/<action>``, for a bot or test in another process.

Each action takes the keyword arguments of the Python method of the same name as a JSON
object (or query parameters) and answers ``{"ok": true, "result": ...}``; files travel as
base64 in ``data_base64``. ``GET /control/help`` lists the actions.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from tgsandbox.limits import RateLimits

if TYPE_CHECKING:
    from tgsandbox.emulator import BotApiEmulator

__all__ = ["ControlApi"]

_INT_KEYS = {
    "user_id", "chat_id", "thread_id", "reply_to", "message_id", "creator_id", "by_user_id",
    "status", "count", "retry_after", "migrate_to_chat_id",
}  # fmt: skip


def _plain(value: object) -> object:
    """Dataclasses and counters as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


class ControlApi:
    """Maps control actions to :class:`~tgsandbox.BotApiEmulator` methods."""

    def __init__(self, emulator: BotApiEmulator) -> None:
        self.emulator = emulator
        e = emulator
        self.actions: dict[str, Callable[..., object]] = {
            "add_user": e.add_user, "add_private_chat": e.add_private_chat,
            "add_group": e.add_group, "add_supergroup": e.add_supergroup,
            "add_channel": e.add_channel, "create_topic": e.create_topic,
            "block_bot": e.block_bot, "unblock_bot": e.unblock_bot,
            "deactivate_user": e.deactivate_user, "kick_bot": e.kick_bot,
            "upgrade_group": e.upgrade_group, "send_text": e.send_text,
            "post_to_channel": e.post_to_channel, "press_button": e.press_button,
            "callback_answer": e.callback_answer, "messages": e.messages,
            "last_message": e.last_message, "fail_next": e.fail_next, "delay_next": e.delay_next,
            "photos": e.photos, "advance_clock": e.advance_clock, "age_message": e.age_message,
        }  # fmt: skip
        self.async_actions: dict[str, Callable[..., Awaitable[object]]] = {
            "wait_for_message": self._wait_for_message,
        }

    async def __call__(self, action: str, payload: dict[str, object]) -> object:
        """Run one action with ``payload`` as keyword arguments."""
        kwargs: dict[str, Any] = {
            key: int(str(value)) if key in _INT_KEYS else value for key, value in payload.items()
        }
        if action == "help":
            return sorted([*self.actions, *self.async_actions, "send_document", "send_photo",
                           "requests", "status_counts", "set_rate_limits", "bot"])  # fmt: skip
        if action == "bot":
            e = self.emulator
            return {"token": e.token, "username": e.username, "base_url": e.base_url,
                    "base_file_url": e.base_file_url}  # fmt: skip
        if action in ("send_document", "send_photo"):
            data = base64.b64decode(str(kwargs.pop("data_base64", "")))
            sender = getattr(self.emulator, action)
            return _plain(sender(data=data, **kwargs))
        if action == "requests":
            return _plain(self.emulator.requests)
        if action == "status_counts":
            return dict(self.emulator.status_counts)
        if action == "set_rate_limits":
            return _plain(self.emulator.set_rate_limits(RateLimits(**kwargs)))
        if action in self.async_actions:
            return _plain(await self.async_actions[action](**kwargs))
        if action not in self.actions:
            raise LookupError(f"unknown control action {action!r}; GET /control/help lists them")
        return _plain(self.actions[action](**kwargs))

    async def _wait_for_message(self, chat_id: int, timeout: float = 5.0) -> object:
        return await self.emulator.wait_for_message(chat_id, timeout=float(timeout))
