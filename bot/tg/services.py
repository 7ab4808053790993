"""Services the handlers share: built once in post_init, kept in bot_data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Bot
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.digest.channels import ChannelPoster
from bot.digest.subscribers import SubscriberFanOut
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

KEY = "services"

#: Called with the bot and an article's id when an admin publishes it (DIGEST_APPROVAL).
Release = Callable[[Bot, int], Awaitable[object]]


@dataclass(slots=True)
class Services:
    """The settings, the open store, the post log and the digest posters."""

    settings: Settings
    store: Store
    posts: PostLog
    channels: ChannelPoster
    subscribers: SubscriberFanOut
    #: Reviews of articles under DIGEST_APPROVAL.
    approvals: Approvals
    #: Content files already looked at: modification time and size.
    content_seen: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: What publishing an article starts besides its pending posts: the corrections of
    #: its posts already sent, for a changed article (one call, after the decision).
    on_release: Release | None = None


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The application's services (set up in post_init)."""
    service: Services = context.bot_data[KEY]
    return service
