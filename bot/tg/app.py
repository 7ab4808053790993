"""Build the python-telegram-bot Application from the settings."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Bot, LinkPreviewOptions, Update
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
from bot.digest.compose import Look
from bot.digest.corrections import Corrector
from bot.digest.sending import PhotoUploads
from bot.digest.subscribers import SubscriberFanOut
from bot.render import escape
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.corrections import CorrectionLog
from bot.storage.lock import hold
from bot.storage.photos import Photos
from bot.storage.postlog import PostLog
from bot.tg import admin, approval, corrections, handlers, photos
from bot.tg.commands import add_command_handlers, publish_menus
from bot.tg.errors import on_error
from bot.tg.flood import ChatRateLimiter, FloodGuard
from bot.tg.jobs import Alert, notify_admins, report_uncertain, rescan_content, schedule_jobs
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
    """Open the store (as the one process serving it), the digest posters and the photos."""
    if str(settings.database_path) != ":memory:":
        hold(settings.database_path)
    store = Store.open(settings.database_path)
    posts = PostLog(store.db)
    photos = Photos(store.db)
    uploads = PhotoUploads(photos)
    approvals = Approvals(store.db)
    approvals.switch(settings.digest_approval)

    async def notify(text: Alert) -> None:
        await notify_admins(application, text if callable(text) else escape(text))

    corrector = Corrector(
        store,
        posts,
        CorrectionLog(store.db),
        settings.digest_chats,
        settings.zone,
        notify,
        look=Look.for_channels(settings),
        photos=photos,
        hold=lambda article_id: not approvals.released(article_id),
    )

    async def release(bot: Bot, article_id: int) -> None:
        # A changed article just published: its posts already sent follow its new text.
        corrector.plan(article_id)
        await corrector.run(bot)

    return Services(
        settings=settings,
        store=store,
        posts=posts,
        channels=ChannelPoster(
            store,
            posts,
            settings.digest_chats,
            settings.zone,
            notify,
            Look.for_channels(settings),
            uploads=uploads,
        ),
        subscribers=SubscriberFanOut(store, posts, settings.zone, uploads=uploads),
        photos=photos,
        uploads=uploads,
        corrections=corrector,
        approvals=approvals,
        on_release=release,
    )


async def post_init(application: Application) -> None:
    """Ingest the content folder, open the services, recover, schedule, list commands."""
    settings: Settings = application.bot_data["settings"]
    service = build_services(application, settings)
    application.bot_data[KEY] = service
    service.corrections.log.recover()
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
    """Register the flood guard, every command, documents, photos, the buttons, plain text
    (a search, or a greeting) and the fallback for unknown commands."""
    application.bot_data[handlers.FLOOD_GUARD] = FloodGuard()
    application.add_handler(TypeHandler(Update, handlers.flood_guard), group=-1)
    add_command_handlers(application)
    application.add_handler(MessageHandler(filters.Document.ALL, admin.document))
    application.add_handler(MessageHandler(filters.PHOTO, photos.admin_photo))
    application.add_handler(CallbackQueryHandler(admin.uncertain_choice, pattern=r"^p:"))
    application.add_handler(CallbackQueryHandler(corrections.correction_choice, pattern=r"^k:"))
    application.add_handler(CallbackQueryHandler(corrections.retract_choice, pattern=r"^r:"))
    application.add_handler(CallbackQueryHandler(approval.decision, pattern=r"^ap:"))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.text))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.unknown))
    application.add_error_handler(on_error)


def build_application(settings: Settings) -> Application:
    """The bot: HTML and no link previews by default, rate limited, services opened in post_init.

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
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=settings.zone,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
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
