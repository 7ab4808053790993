"""The bot's own words: Persian first, English for readers whose Telegram is English.

Texts are Telegram HTML; values passed to :func:`say` are escaped.
"""

from __future__ import annotations

import html

LANGS = ("fa", "en")

#: (command, Persian description, English description), in the order /help lists them.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "شروع و معرفی", "Start and what the bot does"),
    ("summary", "خلاصه خبر (یا: /summary چند کلمه)", "The article's summary (or: /summary words)"),
    ("why", "چرا اهمیت دارد", "Why it matters"),
    ("latest", "آخرین اخبار", "The latest"),
    ("background", "پیش‌زمینه خبر", "Background"),
    ("next", "گام‌های آینده", "What's next"),
    ("quotes", "نقل قول‌ها و گویندگانشان", "Quotes and who said them"),
    ("sections", "همه بخش‌های خبر", "All sections of the article"),
    ("articles", "تازه‌ترین خبرها", "Recent articles"),
    ("search", "جستجو در خبرها: /search چند کلمه", "Search articles: /search words"),
    ("help", "راهنمای دستورها", "Every command"),
)

_CATALOG: dict[str, dict[str, str]] = {
    "welcome": {
        "fa": "سلام! من <b>newsbot</b> هستم و خبرها را در بخش‌های کوتاه به شما می‌رسانم: "
        "خلاصه، چرا اهمیت دارد، پیش‌زمینه، نقل قول‌ها و گام‌های آینده.\n\n"
        "تازه‌ترین خبر: <b>{title}</b>\nبا دکمه‌های زیر بخش‌هایش را ببینید یا /help را بزنید.",
        "en": "Hello! I am <b>newsbot</b>: I bring you the news in short sections: "
        "the summary, why it matters, the background, the quotes and what's next.\n\n"
        "Latest article: <b>{title}</b>\nUse the buttons below for its sections, or /help.",
    },
    "welcome_empty": {
        "fa": "سلام! من <b>newsbot</b> هستم و خبرها را در بخش‌های کوتاه به شما می‌رسانم. "
        "هنوز خبری ثبت نشده است؛ به زودی برگردید. /help همه دستورها را نشان می‌دهد.",
        "en": "Hello! I am <b>newsbot</b>: I bring you the news in short sections. "
        "No article has been published yet; come back soon. /help lists every command.",
    },
    "help_title": {"fa": "<b>دستورها</b>", "en": "<b>Commands</b>"},
    "help_footer": {
        "fa": "دستورها درباره تازه‌ترین خبر یا خبری که انتخاب کرده‌اید پاسخ می‌دهند.",
        "en": "Commands answer about the latest article, or the one you picked.",
    },
    "no_articles": {
        "fa": "هنوز خبری ثبت نشده است؛ کمی بعد دوباره امتحان کنید.",
        "en": "No article has been published yet; please try again later.",
    },
    "no_section": {
        "fa": "خبر «{title}» بخش «{name}» ندارد. بخش‌های دیگرش را با دکمه‌های زیر ببینید.",
        "en": "The article “{title}” has no “{name}” section. See its other sections below.",
    },
    "no_quotes": {
        "fa": "در خبر «{title}» نقل قولی نیامده است.",
        "en": "The article “{title}” has no quotes.",
    },
    "no_results": {
        "fa": "خبری با «{query}» پیدا نشد. کلمه‌های دیگری امتحان کنید یا /articles را ببینید.",
        "en": "No article matches “{query}”. Try other words, or see /articles.",
    },
    "search_usage": {
        "fa": "بعد از /search چند کلمه بنویسید، مثلاً: /search اوکراین",
        "en": "Write some words after /search, for example: /search Ukraine",
    },
    "search_title": {
        "fa": "<b>نتیجه جستجوی «{query}»</b>",
        "en": "<b>Results for “{query}”</b>",
    },
    "articles_title": {"fa": "<b>تازه‌ترین خبرها</b>", "en": "<b>Recent articles</b>"},
    "sections_title": {
        "fa": "<b>{title}</b>\nبخش‌های این خبر:",
        "en": "<b>{title}</b>\nSections of this article:",
    },
    "too_long": {
        "fa": "متن بعد از دستور حداکثر {limit} نویسه می‌تواند باشد.",
        "en": "The text after a command may be at most {limit} characters.",
    },
    "unknown_command": {
        "fa": "این دستور را نمی‌شناسم. فهرست دستورها: /help",
        "en": "I don't know that command. Every command: /help",
    },
    "article_gone": {
        "fa": "این خبر دیگر در دسترس نیست. تازه‌ترین خبرها: /articles",
        "en": "This article is no longer available. Recent articles: /articles",
    },
    "failed": {
        "fa": "متأسفانه مشکلی پیش آمد. لطفاً دوباره امتحان کنید.",
        "en": "Sorry, something went wrong. Please try again.",
    },
    "admin_error": {
        "fa": "⚠️ خطا در newsbot: {error}",
        "en": "⚠️ newsbot error: {error}",
    },
    "button_summary": {"fa": "خلاصه", "en": "Summary"},
    "button_quotes": {"fa": "نقل قول‌ها", "en": "Quotes"},
}


def lang_of(language_code: str | None) -> str:
    """The bot's language for a reader: English when their Telegram is English."""
    return "en" if (language_code or "").lower().startswith("en") else "fa"


def say(key: str, lang: str = "fa", **values: object) -> str:
    """The catalog text ``key`` in ``lang`` with escaped ``values`` filled in.

    >>> say("no_results", "en", query="<x>")
    'No article matches “&lt;x&gt;”. Try other words, or see /articles.'
    """
    texts = _CATALOG[key]
    text = texts.get(lang, texts["fa"])
    escaped = {name: html.escape(str(value), quote=False) for name, value in values.items()}
    return text.format(**escaped) if escaped else text


def help_text(lang: str = "fa") -> str:
    """Every command with one line each."""
    column = 1 if lang == "fa" else 2
    lines = [say("help_title", lang)]
    lines.extend(f"/{command[0]} — {html.escape(command[column])}" for command in COMMANDS)
    lines.append("")
    lines.append(say("help_footer", lang))
    return "\n".join(lines)
