"""Services the handlers share: built once in post_init, kept in bot_data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Bot
from telegram.ext import ContextTypes

from bot.config import Settings
from bot.digest.channels import ChannelPoster
from bot.digest.corrections import Corrector
from bot.digest.sending import PhotoUploads
from bot.digest.subscribers import SubscriberFanOut
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.photos import Photos
from bot.storage.postlog import PostLog

KEY = "services"
#: Post-log flag prefix of an admin's language.
ADMIN_LANG = "admin_lang:"

#: Called with the bot and an article's id when an admin publishes it (DIGEST_APPROVAL).
Release = Callable[[Bot, int], Awaitable[object]]


@dataclass(slots=True)
class Services:
    """The settings, the open store, the post log, the digest posters, the photos and the
    corrector."""

    settings: Settings
    store: Store
    posts: PostLog
    channels: ChannelPoster
    subscribers: SubscriberFanOut
    #: Articles' photos, and the sender that uploads each once.
    photos: Photos
    uploads: PhotoUploads
    corrections: Corrector
    #: Reviews of articles under DIGEST_APPROVAL.
    approvals: Approvals
    #: Content files already looked at: modification time and size (and their image's).
    content_seen: dict[Path, tuple[object, ...]] = field(default_factory=dict)
    #: The language of each admin who has written to the bot (also kept in the post log).
    admin_langs: dict[int, str] = field(default_factory=dict)
    #: What publishing an article starts besides its pending posts: the corrections of
    #: its posts already sent, for a changed article (one call, after the decision).
    on_release: Release | None = None

    def admin_lang(self, admin_id: int) -> str:
        """The language an admin's Telegram last showed; Persian until they write."""
        lang = self.admin_langs.get(admin_id)
        if lang is None:
            lang = self.posts.flag(f"{ADMIN_LANG}{admin_id}") or "fa"
            self.admin_langs[admin_id] = lang
        return lang

    def remember_admin_lang(self, admin_id: int, lang: str) -> None:
        """Keep an admin's language, for the alerts they get later (across restarts too)."""
        if self.admin_lang(admin_id) != lang:
            self.admin_langs[admin_id] = lang
            self.posts.set_flag(f"{ADMIN_LANG}{admin_id}", lang)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The application's services (set up in post_init)."""
    service: Services = context.bot_data[KEY]
    return service
