"""Services the handlers share: built once in post_init, kept in bot_data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from telegram.ext import ContextTypes

from bot.config import Settings
from bot.digest.channels import ChannelPoster
from bot.digest.corrections import Corrector
from bot.digest.subscribers import SubscriberFanOut
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

KEY = "services"


@dataclass(slots=True)
class Services:
    """The settings, the open store, the post log, the digest posters and the corrector."""

    settings: Settings
    store: Store
    posts: PostLog
    channels: ChannelPoster
    subscribers: SubscriberFanOut
    corrections: Corrector
    #: Content files already looked at: modification time and size.
    content_seen: dict[Path, tuple[int, int]] = field(default_factory=dict)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The application's services (set up in post_init)."""
    service: Services = context.bot_data[KEY]
    return service
