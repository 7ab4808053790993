"""Build the python-telegram-bot Application from the settings."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.digest.channels import ChannelPoster
from bot.digest.subscribers import SubscriberFanOut
from bot.render import escape
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.lock import hold
from bot.storage.postlog import PostLog
from bot.tg import admin, approval, handlers
from bot.tg.commands import add_command_handlers, publish_menus
from bot.tg.errors import on_error
from bot.tg.flood import ChatRateLimiter, FloodGuard
from bot.tg.jobs import notify_admins, report_uncertain, rescan_content, schedule_jobs
from bot.tg.services import KEY, Services
from bot.tg.watch import remember_database, watch_database

log = logging.getLogger(__name__)


def file_url(base_url: str) -> str:
    """The file download base URL that goes with a Bot API base URL.

    >>> file_url("https://api.telegram.org/bot")
    'https://api.telegram.org/file/bot'
    """
    root = base_url.removesuffix("/").removesuffix("/bot")
    return f"{root}/file/bot"


def build_services(application: Application, settings: Settings) -> Services:
    """Open the store (as the one process serving it) and build the digest posters."""
    if str(settings.database_path) != ":memory:":
        hold(settings.database_path)
    store = Store.open(settings.database_path)
    posts = PostLog(store.db)
    approvals = Approvals(store.db)
    approvals.switch(settings.digest_approval)

    async def notify(text: str) -> None:
        await notify_admins(application, escape(text))

    return Services(
        settings=settings,
        store=store,
        posts=posts,
        channels=ChannelPoster(store, posts, settings.digest_chats, settings.zone, notify),
        subscribers=SubscriberFanOut(store, posts, settings.zone),
        approvals=approvals,
    )


async def post_init(application: Application) -> None:
    """Ingest the content folder, open the services, recover, schedule, list commands."""
    settings: Settings = application.bot_data["settings"]
    service = build_services(application, settings)
    application.bot_data[KEY] = service
    remember_database(application, settings.database_path)
    watch_database(application, notify_admins)
    await rescan_content(service)
    await approval.offer_previews(application)
    log.info("%d articles in %s", service.store.count(), settings.database_path)
    service.posts.retry_failing_chats()
    await report_uncertain(application)
    schedule_jobs(application, service)
    await publish_menus(application.bot)


async def post_shutdown(application: Application) -> None:
    """Close the store."""
    service = application.bot_data.get(KEY)
    if isinstance(service, Services):
        service.store.close()


def add_handlers(application: Application) -> None:
    """Register the flood guard, every command, documents, the buttons, the fallback."""
    application.bot_data[handlers.FLOOD_GUARD] = FloodGuard()
    application.add_handler(TypeHandler(Update, handlers.flood_guard), group=-1)
    add_command_handlers(application)
    application.add_handler(MessageHandler(filters.Document.ALL, admin.document))
    application.add_handler(CallbackQueryHandler(admin.uncertain_choice, pattern=r"^p:"))
    application.add_handler(CallbackQueryHandler(approval.decision, pattern=r"^ap:"))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.unknown))
    application.add_error_handler(on_error)


def build_application(settings: Settings) -> Application:
    """The bot: HTML by default, rate limited, services opened in post_init.

    The rate limiter keeps each chat, group and the whole bot within Telegram's limits,
    and waits out every 429 before sending the refused request again.
    """
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.telegram_api_url)
        .base_file_url(file_url(settings.telegram_api_url))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.zone))
        .rate_limiter(ChatRateLimiter())
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.telegram_proxy_url:
        builder = builder.proxy(settings.telegram_proxy_url).get_updates_proxy(
            settings.telegram_proxy_url
        )
    application = builder.build()
    application.bot_data["settings"] = settings
    add_handlers(application)
    return application


async def check_connection(settings: Settings) -> None:
    """Call getMe with the configured token, server and proxy; raises as the bot would."""
    bot = Bot(
        settings.token or "",
        base_url=settings.telegram_api_url,
        request=HTTPXRequest(proxy=settings.telegram_proxy_url),
    )
    async with bot:
        await bot.get_me()


@asynccontextmanager
async def running(application: Application, *, poll_timeout: int = 10) -> AsyncIterator[None]:
    """Run the bot (long polling) for the body of a ``with`` block, as run_polling would."""
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(
            poll_interval=0.0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
        try:
            yield
        finally:
            await application.updater.stop()
            await application.stop()
            if application.post_shutdown:
                await application.post_shutdown(application)
