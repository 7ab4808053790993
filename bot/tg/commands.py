"""The command registry: every command, its callback, its help in Persian and English.

Handler registration (:func:`add_command_handlers`), ``/help`` (:func:`help_for`) and
the menu Telegram shows beside the message box (:func:`publish_menus`, which calls
``setMyCommands``) all read :data:`COMMANDS`, so a new command is one entry here;
``tests/test_commands.py`` checks that the four agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Bot, BotCommand, Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.article.sections import OTHER, section_kind
from bot.messages import help_text
from bot.tg import admin, approval, corrections, handlers
from bot.tg.handlers import Callback
from bot.tg.replies import CHOICE_SECONDS, reader_lang, send_reply
from bot.tg.views import plain

#: Telegram's menus: the default one (Persian) and the one for English clients.
MENU_LANGUAGES: tuple[tuple[str | None, str], ...] = ((None, "fa"), ("en", "en"))


@dataclass(frozen=True, slots=True)
class Command:
    """A command: its name without the slash, its callback and its help line."""

    name: str
    callback: Callback
    fa: str
    en: str
    #: Only ADMIN_IDS may run it; /help lists it for them alone, the menu never.
    admin: bool = False
    #: The section key the command shows, for the section commands.
    section: str | None = None

    def describe(self, lang: str) -> str:
        """The help line in ``lang``: Persian for ``fa``, English otherwise."""
        return self.fa if lang == "fa" else self.en


def showing(name: str, section: str) -> Command:
    """A reader command that shows ``section`` of the current article, named as it is.

    >>> showing("next", "whats_next").en
    "What's next"
    """
    kind = section_kind(section)
    if kind.key == OTHER:
        raise ValueError(f"/{name}: a command cannot show the {OTHER!r} sections")
    return Command(name, handlers.section_command(kind.key), kind.fa, kind.en, section=kind.key)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List every command with one line each (and the editor's, for admins)."""
    text = help_for(reader_lang(update), admin=admin.is_admin(update, context))
    await send_reply(update, context, plain(text))


#: Every command, in the order /help and the menu list them; admin commands last.
COMMANDS: tuple[Command, ...] = (
    Command("start", handlers.start, "شروع و معرفی", "Start and what the bot does"),
    Command("summary", handlers.summary, "خلاصه خبر (یا: /summary چند کلمه)",
            "The article's summary (or: /summary words)"),
    showing("why", "why_it_matters"),
    showing("latest", "latest"),
    showing("background", "background"),
    showing("next", "whats_next"),
    Command("quotes", handlers.quotes, "نقل قول‌ها و گویندگانشان", "Quotes and who said them"),
    Command("sections", handlers.sections, "همه بخش‌های خبر", "All sections of the article"),
    Command("articles", handlers.articles, "تازه‌ترین خبرها", "Recent articles"),
    Command("search", handlers.search, "جستجو در خبرها: /search چند کلمه",
            "Search articles: /search words"),
    Command("subscribe", handlers.subscribe, "دریافت خلاصه هر خبر تازه",
            "Get the summary of every new article"),
    Command("unsubscribe", handlers.unsubscribe, "لغو اشتراک", "Stop the summaries"),
    Command("help", help_command, "راهنمای دستورها", "Every command"),
    Command("post", admin.post_now, "ارسال مورد بعدی به کانال‌ها همین حالا",
            "Post the next item now", admin=True),
    Command("queue", admin.queue, "موردهای بعدی هر کانال و زمانشان",
            "Upcoming posts per chat with their times", admin=True),
    Command("pause", admin.pause, "توقف ارسال زمان‌بندی‌شده", "Pause scheduled posting",
            admin=True),
    Command("resume", admin.resume, "ادامه ارسال زمان‌بندی‌شده", "Resume scheduled posting",
            admin=True),
    Command("reload", admin.reload, "خواندن دوباره پوشه خبرها", "Re-scan the content folder",
            admin=True),
    Command("status", admin.status, "وضعیت: خبرها، صف، خطاها",
            "Status: articles, queue, errors", admin=True),
    Command("preview", approval.preview, "پیش‌نمایش خبر همان‌طور که به کانال می‌رسد: /preview 12",
            "An article exactly as the channels will get it: /preview 12", admin=True),
    Command("uncertain", admin.uncertain, "پست‌های نامعلوم، با دکمه ارسال دوباره یا رسیده بود",
            "Uncertain posts, each to post again or mark as arrived", admin=True),
    Command("retract", corrections.retract,
            "پس گرفتن خبر: /retract شماره (پیام‌هایش حذف یا «برداشته شد» می‌شوند)",
            "Withdraw an article: /retract N (its messages deleted or marked withdrawn)",
            admin=True),
)  # fmt: skip


def reader_commands() -> list[Command]:
    """The commands everyone may run."""
    return [command for command in COMMANDS if not command.admin]


def admin_commands() -> list[Command]:
    """The commands only ADMIN_IDS may run."""
    return [command for command in COMMANDS if command.admin]


def help_for(lang: str, *, admin: bool = False) -> str:
    """The /help text in ``lang``: the reader commands, and the editor's for admins."""
    readers = [(command.name, command.describe(lang)) for command in reader_commands()]
    editors = [(command.name, command.describe(lang)) for command in admin_commands()]
    return help_text(lang, readers, editors if admin else None,
                     choice_minutes=CHOICE_SECONDS // 60)  # fmt: skip


def menu(lang: str) -> list[BotCommand]:
    """The reader commands as Telegram's menu lists them."""
    return [BotCommand(command.name, command.describe(lang)) for command in reader_commands()]


async def publish_menus(bot: Bot) -> None:
    """Set the command menus (``setMyCommands``): Persian by default, and English."""
    for language_code, lang in MENU_LANGUAGES:
        await bot.set_my_commands(menu(lang), language_code=language_code)


def add_command_handlers(application: Application) -> None:
    """One handler per command; admin commands refuse anyone not in ADMIN_IDS."""
    for command in COMMANDS:
        callback = admin.admin_only(command.callback) if command.admin else command.callback
        application.add_handler(CommandHandler(command.name, callback))
