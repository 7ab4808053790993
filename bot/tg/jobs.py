"""Jobs on python-telegram-bot's JobQueue: digest ticks, the fan-out, content re-scans.

The JobQueue does not persist jobs: they are rebuilt from the settings at every start,
and the post log in SQLite says what is already done.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot.pipeline.ingest import changed_files
from bot.pipeline.report import IngestReport
from bot.pipeline.worker import ingest_in_worker
from bot.render import MESSAGE_LIMIT, cut_html, shorten
from bot.storage.postlog import Post
from bot.tg.admin_views import uncertain_replies
from bot.tg.approval import offer_previews
from bot.tg.services import KEY, Services, services
from bot.tg.watch import stop_if_gone

log = logging.getLogger(__name__)

#: How often the content folder is re-scanned for new or edited files.
RESCAN_SECONDS = 60.0
FANOUT_SECONDS = 5.0
#: How often posts that became uncertain are looked for, to offer them to the admins.
UNCERTAIN_SECONDS = 5.0
#: ``bot_data`` key of the uncertain posts offered since the start: (id, attempts).
OFFERED = "uncertain_offered"
#: A tick that starts late by more than this is skipped; the next one posts.
MISFIRE_GRACE_SECONDS = 30
#: Characters of an article's title shown in an alert to the admins.
ALERT_TITLE_CHARS = 200


async def digest_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the next item to every digest chat."""
    for outcome in await services(context).channels.tick(context.bot):
        log.info("digest %s post %s: %s %s", outcome.chat, outcome.post_id, outcome.state,
                 outcome.detail)  # fmt: skip


async def fan_out(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Deliver subscribers' posts."""
    await services(context).subscribers.deliver(context.bot)


async def rescan_content(service: Services) -> IngestReport:
    """Ingest new and edited files of the content folder in a worker; what it did."""
    folder = service.settings.content_dir
    if not folder.is_dir():
        return IngestReport(error=f"content folder {folder} does not exist")
    changed = changed_files(
        service.store, folder, service.content_seen, service.settings.max_article_bytes
    )
    report = await ingest_in_worker(service.settings, changed)
    for file in report.files:
        log.info("ingest: %s", file.line())
    if report.error:
        log.warning("ingest: %s", report.error)
    service.channels.plan()
    return report


async def rescan(context: ContextTypes.DEFAULT_TYPE) -> IngestReport:
    """Re-scan the content folder now, unless the database file is gone (the bot stops)."""
    problem = await stop_if_gone(context.application, notify_admins)
    if problem:
        return IngestReport(error=problem)
    return await rescan_content(services(context))


async def rescan_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The periodic re-scan; then the previews of articles newly waiting for approval
    (stored by it, or by anyone else, such as ``newsbot ingest``)."""
    await rescan(context)
    await offer_previews(context.application)


async def notify_admins(application: Application, text: str, **kwargs: object) -> None:
    """Send ``text`` (Telegram HTML) to every admin; a failure to reach one is logged.

    A text too long for one message is cut with «…» so that the alert always goes out.
    """
    service: Services = application.bot_data[KEY]
    text = cut_html(text, MESSAGE_LIMIT)
    for admin in service.settings.admin_ids:
        try:
            await application.bot.send_message(admin, text, **kwargs)
        except TelegramError as error:
            log.warning("could not reach admin %s: %s", admin, error)


def article_titles(service: Services, posts: list[Post]) -> dict[int, str]:
    """The title of each post's article, shortened for an alert (gone articles left out)."""
    titles = {}
    for article_id in {post.article_id for post in posts}:
        stored = service.store.get(article_id)
        if stored is not None:
            titles[article_id] = shorten(stored.article.title, ALERT_TITLE_CHARS)
    return titles


async def offer_uncertain(application: Application) -> int:
    """Offer every admin each uncertain post not yet offered since the start; how many.

    However a post became uncertain (a crash between send and answer, a timeout), each
    admin gets it once per start with the "post again" and "it arrived" buttons (a post
    that becomes uncertain again after being posted again is offered again). Beyond
    :data:`UNCERTAIN_SHOWN` new ones at a time, one line says how many more /uncertain
    lists.
    """
    service: Services = application.bot_data[KEY]
    offered: set[tuple[int, int]] = application.bot_data.setdefault(OFFERED, set())
    fresh = [post for post in service.posts.uncertain() if (post.id, post.attempts) not in offered]
    if not fresh:
        return 0
    offered.update((post.id, post.attempts) for post in fresh)
    for post in fresh:
        log.warning("post %s to %s is uncertain: %s", post.id, post.chat, post.reason)
    replies = uncertain_replies(fresh, article_titles(service, fresh), len(fresh))
    for reply in replies:
        await notify_admins(application, reply.messages[0], reply_markup=reply.keyboard)
    return len(fresh)


async def report_uncertain(application: Application) -> None:
    """At start: posts cut off mid-send become uncertain; every uncertain post is offered."""
    service: Services = application.bot_data[KEY]
    service.posts.recover()
    await offer_uncertain(application)


async def uncertain_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer posts that became uncertain while running."""
    await offer_uncertain(context.application)


def schedule_jobs(application: Application, service: Services) -> None:
    """Digest ticks for each schedule entry, the fan-out, uncertain posts and the re-scan."""
    jobs = application.job_queue
    if jobs is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    if service.channels.targets:
        for tick in service.settings.digest_schedule:
            jobs.run_custom(
                digest_tick,
                job_kwargs={
                    "trigger": tick.trigger,
                    "coalesce": True,
                    "max_instances": 1,
                    "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                },
                name=f"digest {tick.text}",
            )
    jobs.run_repeating(fan_out, FANOUT_SECONDS, first=1.0, name="subscribers",
                       job_kwargs={"max_instances": 1, "coalesce": True})  # fmt: skip
    jobs.run_repeating(uncertain_job, UNCERTAIN_SECONDS, first=UNCERTAIN_SECONDS,
                       name="uncertain",
                       job_kwargs={"max_instances": 1, "coalesce": True})  # fmt: skip
    jobs.run_repeating(rescan_job, RESCAN_SECONDS, first=RESCAN_SECONDS, name="rescan",
                       job_kwargs={"max_instances": 1, "coalesce": True})  # fmt: skip
