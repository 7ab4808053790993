"""Jobs on python-telegram-bot's JobQueue: digest ticks, the fan-out, content re-scans.

The JobQueue does not persist jobs: they are rebuilt from the settings at every start,
and the post log in SQLite says what is already done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot.pipeline.ingest import changed_files
from bot.pipeline.report import IngestReport
from bot.pipeline.worker import ingest_in_worker
from bot.render import MESSAGE_LIMIT, cut_html, shorten
from bot.storage.corrections import Correction
from bot.storage.postlog import Post
from bot.tg.admin_views import UNCERTAIN_SHOWN, uncertain_replies
from bot.tg.approval import offer_previews
from bot.tg.correction_views import uncertain_correction_reply
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import KEY, Services, services
from bot.tg.views import Reply, plain
from bot.tg.watch import stop_if_gone

log = logging.getLogger(__name__)

#: How often the content folder is re-scanned for new or edited files.
RESCAN_SECONDS = 60.0
FANOUT_SECONDS = 5.0
#: How often posts that became uncertain are looked for, to offer them to the admins.
UNCERTAIN_SECONDS = 5.0
#: How often sent posts are compared with their articles, and due corrections made.
CORRECT_SECONDS = 5.0
#: ``bot_data`` key of the uncertain posts offered since the start: (id, attempts).
OFFERED = "uncertain_offered"
#: ``bot_data`` key of the uncertain corrections offered since the start.
OFFERED_CORRECTIONS = "uncertain_corrections_offered"
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
    for line in report.photo_errors:
        log.warning("ingest: %s", line)
    if report.error:
        log.warning("ingest: %s", report.error)
    service.channels.plan()
    return report


async def rescan(context: ContextTypes.DEFAULT_TYPE) -> IngestReport:
    """Re-scan the content folder now, unless the database file is gone (the bot stops);
    the sent posts of the articles it changed are corrected at once, in the background
    (the rate limits may space the edits out)."""
    problem = await stop_if_gone(context.application, notify_admins)
    if problem:
        return IngestReport(error=problem)
    report = await rescan_content(services(context))
    if any(file.status == "updated" for file in report.files):
        correct_soon(context)
    return report


async def correct(service: Services, bot: Bot) -> None:
    """Compare sent posts with their articles, plan what changed, make due corrections."""
    service.corrections.check()
    for correction in await service.corrections.run(bot):
        log.info("correction %s in %s: %s %s", correction.id, correction.chat, correction.state,
                 correction.result or correction.reason or "")  # fmt: skip


async def correct_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The periodic corrections (also what a restart left pending)."""
    await correct(services(context), context.bot)


def correct_soon(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Make the due corrections now, in the background, rather than at the next period."""
    if context.job_queue:
        context.job_queue.run_once(correct_job, 0, name="corrections now")


async def rescan_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The periodic re-scan; then the previews of articles newly waiting for approval
    (stored by it, or by anyone else, such as ``newsbot ingest``)."""
    await rescan(context)
    await offer_previews(context.application)


#: An alert: Telegram HTML, or a function giving it in an admin's language.
Alert = str | Callable[[str], str]


async def _to_each_admin(
    application: Application, replies_for: Callable[[str], Sequence[Reply]]
) -> None:
    """Send every admin the replies ``replies_for`` gives in that admin's language, each
    with its keyboard; a failure to reach one is logged.

    An admin's language is the one their Telegram showed when they last wrote (Persian
    until then). A message too long for Telegram is cut with «…», so that an alert
    always goes out.
    """
    service: Services = application.bot_data[KEY]
    for admin in service.settings.admin_ids:
        for reply in replies_for(service.admin_lang(admin)):
            try:
                *first, last = (cut_html(text, MESSAGE_LIMIT) for text in reply.messages)
                for text in first:
                    await application.bot.send_message(admin, text)
                await application.bot.send_message(admin, last, reply_markup=reply.keyboard)
            except TelegramError as error:
                log.warning("could not reach admin %s: %s", admin, error)


async def notify_admins(application: Application, text: Alert) -> None:
    """Send ``text`` (Telegram HTML) to every admin; a failure to reach one is logged.

    A function instead of a text is asked for the text in each admin's language.
    """
    await _to_each_admin(application, lambda lang: [plain(text(lang) if callable(text) else text)])


def article_titles(service: Services, items: Iterable[Post | Correction]) -> dict[int, str]:
    """The title of each post's or correction's article, shortened for an alert (gone
    articles left out)."""
    titles = {}
    for article_id in {item.article_id for item in items}:
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
    titles = article_titles(service, fresh)
    await _to_each_admin(
        application, lambda lang: uncertain_replies(fresh, titles, len(fresh), lang)
    )
    return len(fresh)


async def offer_uncertain_corrections(application: Application) -> int:
    """Offer every admin each uncertain correction not yet offered since the start; how many.

    Like uncertain posts: once per start (again if it becomes uncertain again), with
    the "make it again" and "it was made" buttons; never repeated on its own.
    """
    service: Services = application.bot_data[KEY]
    offered: set[tuple[int, int]] = application.bot_data.setdefault(OFFERED_CORRECTIONS, set())
    fresh: list[Correction] = [
        correction
        for correction in service.corrections.log.uncertain()
        if (correction.id, correction.attempts) not in offered
    ]
    offered.update((correction.id, correction.attempts) for correction in fresh)
    titles = article_titles(service, fresh)
    for correction in fresh:
        log.warning("correction %s in %s is uncertain: %s", correction.id, correction.chat,
                    correction.reason)  # fmt: skip
    await _to_each_admin(application, lambda lang: [
        uncertain_correction_reply(correction, titles.get(correction.article_id, ""), lang)
        for correction in fresh
    ])  # fmt: skip
    return len(fresh)


async def list_uncertain_corrections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/uncertain's second part: each uncertain correction with its buttons (none: nothing)."""
    service = services(context)
    lang = reader_lang(update)
    listed = service.corrections.log.uncertain(UNCERTAIN_SHOWN)
    titles = article_titles(service, listed)
    for correction in listed:
        title = titles.get(correction.article_id, "")
        await send_reply(update, context, uncertain_correction_reply(correction, title, lang))


async def report_uncertain(application: Application) -> None:
    """At start: posts cut off mid-send become uncertain; every uncertain post is offered."""
    service: Services = application.bot_data[KEY]
    service.posts.recover()
    await offer_uncertain(application)
    await offer_uncertain_corrections(application)


async def uncertain_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer posts and corrections that became uncertain while running."""
    await offer_uncertain(context.application)
    await offer_uncertain_corrections(context.application)


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
    jobs.run_repeating(correct_job, CORRECT_SECONDS, first=1.0, name="corrections",
                       job_kwargs={"max_instances": 1, "coalesce": True})  # fmt: skip
    jobs.run_repeating(rescan_job, RESCAN_SECONDS, first=RESCAN_SECONDS, name="rescan",
                       job_kwargs={"max_instances": 1, "coalesce": True})  # fmt: skip
