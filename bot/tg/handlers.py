"""Reader commands and buttons: thin callbacks that read, ask a view, and reply."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.messages import is_greeting, number, say
from bot.storage.articles import StoredArticle
from bot.tg.callbacks import decode
from bot.tg.flood import Admission, FloodGuard
from bot.tg.replies import choose, chosen_article, clock, reader_lang, send_reply
from bot.tg.services import Services, services
from bot.tg.views import article_list, plain, view_reply, welcome

log = logging.getLogger(__name__)

MAX_ARGUMENT_CHARS = 200
RECENT_ARTICLES = 10
#: ``bot_data`` key of the application's :class:`FloodGuard`.
FLOOD_GUARD = "flood_guard"
SEARCH_RESULTS = 8

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def _current(service: Services, context: ContextTypes.DEFAULT_TYPE) -> StoredArticle | None:
    """The article this reader chose in the last half hour, else the newest one (never
    one withdrawn since)."""
    picked = chosen_article(context.user_data, clock(context))
    stored = service.store.get(picked) if picked is not None else None
    if stored is not None and not stored.withdrawn:
        return stored
    return service.store.latest()


def _choose(service: Services, context: ContextTypes.DEFAULT_TYPE, article_id: int) -> None:
    """The reader chose ``article_id`` (a button, /articles, /summary words)."""
    newest = recent[0][0] if (recent := service.store.recent(1)) else None
    choose(context.user_data, article_id, newest, clock(context))


def _arguments(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


async def _too_long(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    if len(_arguments(context)) <= MAX_ARGUMENT_CHARS:
        return False
    lang = reader_lang(update)
    text = say("too_long", lang, limit=number(MAX_ARGUMENT_CHARS, lang))
    await send_reply(update, context, plain(text))
    return True


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, view: str) -> None:
    lang = reader_lang(update)
    service = services(context)
    stored = _current(service, context)
    if stored is None:
        await send_reply(update, context, plain(say("no_articles", lang)))
        return
    photo = service.photos.ref(stored.id)
    await send_reply(update, context, view_reply(stored, view, lang, service.settings.zone, photo))


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome the reader, with buttons for the latest article's sections."""
    latest = services(context).store.latest()
    await send_reply(update, context, welcome(latest, reader_lang(update)))


async def summary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The summary of the current article, or of the best match for the words given."""
    if await _too_long(update, context):
        return
    query = _arguments(context)
    if query:
        service = services(context)
        hits = service.store.search(query, limit=1)
        if not hits:
            lang = reader_lang(update)
            await send_reply(update, context, plain(say("no_results", lang, query=query)))
            return
        _choose(service, context, hits[0][0])
    await _show(update, context, "summary")


def section_command(key: str) -> Callback:
    """A command callback that shows section ``key`` of the current article."""

    async def show_section(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Show one section of the current article."""
        await _show(update, context, key)

    return show_section


async def quotes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The current article's quotes, each with its speaker."""
    await _show(update, context, "quotes")


async def sections(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The current article's sections as buttons."""
    await _show(update, context, "sections")


async def articles(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The most recent articles as buttons."""
    lang = reader_lang(update)
    items = services(context).store.recent(RECENT_ARTICLES)
    if not items:
        await send_reply(update, context, plain(say("no_articles", lang)))
        return
    await send_reply(update, context, article_list(items, say("articles_title", lang)))


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Articles matching the words given, as buttons."""
    if await _too_long(update, context):
        return
    query = _arguments(context)
    if not query:
        await send_reply(update, context, plain(say("search_usage", reader_lang(update))))
        return
    await _search(update, context, query)


async def _search(update: Update, context: ContextTypes.DEFAULT_TYPE, query: str) -> None:
    """The articles matching ``query`` as buttons, or a sentence saying there are none."""
    lang = reader_lang(update)
    hits = services(context).store.search(query, limit=SEARCH_RESULTS)
    if not hits:
        await send_reply(update, context, plain(say("no_results", lang, query=query)))
        return
    await send_reply(update, context, article_list(hits, say("search_title", lang, query=query)))


def addressed_text(update: Update, username: str) -> str | None:
    """The words of a plain message meant for this bot, else ``None``.

    In private every message is; in a group only one that names ``@username`` (the name
    is taken out) or answers one of the bot's messages, so that the bot keeps quiet
    while people talk among themselves.
    """
    message = update.effective_message
    if message is None or not message.text:
        return None
    if message.chat.type == "private":
        return message.text.strip()
    mention = re.compile(rf"@{re.escape(username)}\b", re.IGNORECASE) if username else None
    if mention is not None and mention.search(message.text):
        return mention.sub(" ", message.text).strip()
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and (
        replied.from_user.username or ""
    ).lower() == username.lower():
        return message.text.strip()
    return None


async def text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text: a greeting gets the welcome, anything else is a search."""
    words = addressed_text(update, context.bot.username)
    if words is None:
        return
    if not words or is_greeting(words):
        await start(update, context)
        return
    if len(words) > MAX_ARGUMENT_CHARS:
        lang = reader_lang(update)
        limit = number(MAX_ARGUMENT_CHARS, lang)
        await send_reply(update, context, plain(say("search_too_long", lang, limit=limit)))
        return
    await _search(update, context, " ".join(words.split()))


def addressed_to_us(update: Update, username: str) -> bool:
    """Whether an unknown command is for this bot: in private, or named ``/cmd@us``.

    In groups an unnamed command may belong to another bot, so it is left alone.
    """
    message = update.effective_message
    if message is None or not message.text:
        return False
    command = message.text.split(maxsplit=1)[0]
    _, at, name = command.partition("@")
    if at:
        return name.lower() == username.lower()
    return message.chat.type == "private"


async def unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point a reader who typed an unknown command to /help."""
    if addressed_to_us(update, context.bot.username):
        await send_reply(update, context, plain(say("unknown_command", reader_lang(update))))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Open the view a button names: edit the message, or send new ones if it is long."""
    query = update.callback_query
    if query is None:
        return
    lang = reader_lang(update)
    request = decode(query.data)
    service = services(context)
    stored = service.store.get(request.article_id) if request else None
    if stored is None or request is None:
        await query.answer(say("article_gone", lang)[:200])
        return
    if stored.withdrawn:
        await query.answer(say("article_withdrawn", lang)[:200])
        return
    _choose(service, context, stored.id)
    await query.answer()
    photo = service.photos.ref(stored.id)
    reply = view_reply(stored, request.view, lang, service.settings.zone, photo)
    message = query.message
    # A photo cannot be edited into a text message, nor the other way round.
    editable = isinstance(message, Message) and not message.photo and reply.photo is None
    if len(reply.messages) == 1 and editable and isinstance(message, Message):
        try:
            await message.edit_text(reply.messages[0], reply_markup=reply.keyboard)
        except BadRequest as error:
            if "not modified" not in str(error).lower():
                raise
        return
    await send_reply(update, context, reply)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe the reader to the summary of every new article."""
    chat, user, lang = update.effective_chat, update.effective_user, reader_lang(update)
    if chat is None or user is None or chat.type != "private":
        await send_reply(update, context, plain(say("private_only", lang)))
        return
    added = services(context).posts.subscribe(user.id, lang)
    answer = say("subscribed" if added else "already_subscribed", lang)
    await send_reply(update, context, plain(answer))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop the reader's subscription."""
    user, lang = update.effective_user, reader_lang(update)
    removed = user is not None and services(context).posts.unsubscribe(user.id)
    answer = say("unsubscribed" if removed else "not_subscribed", lang)
    await send_reply(update, context, plain(answer))


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop a flooding reader's update before any handler: one "slow down" per burst.

    Runs first for every update. A message over the reader's allowance is not answered;
    the first of a burst gets the notice instead. A button press over it is answered
    with the notice as a toast, so the button stops spinning and nothing is posted.
    Editors (ADMIN_IDS) are not held back: they answer uncertain posts in bursts. Their
    language is remembered here, for the alerts they get later.
    """
    user = update.effective_user
    guard = context.bot_data.get(FLOOD_GUARD)
    if user is None or not isinstance(guard, FloodGuard):
        return
    service = services(context)
    if user.id in service.settings.admin_ids:
        service.remember_admin_lang(user.id, reader_lang(update))
        return
    verdict = guard.check(user.id, time.monotonic())
    if verdict is Admission.ANSWER:
        return
    notice = say("slow_down", reader_lang(update))
    if update.callback_query is not None:
        await update.callback_query.answer(notice[:200])
    elif verdict is Admission.NOTICE and update.effective_chat is not None:
        log.info("reader %s is flooding; told to slow down", user.id)
        await send_reply(update, context, plain(notice))
    raise ApplicationHandlerStop
