"""The bot's own words: Persian first, English for readers whose Telegram is English.

Texts are Telegram HTML; values passed to :func:`say` are escaped. The commands and
their help lines live in the command registry, ``bot/tg/commands.py``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

LANGS = ("fa", "en")

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
    "slow_down": {
        "fa": "لطفاً کمی آهسته‌تر؛ پیام‌های این چند ثانیه بی‌پاسخ می‌مانند. "
        "چند لحظه بعد دوباره بفرستید.",
        "en": "Please slow down: messages sent in these few seconds go unanswered. "
        "Try again in a moment.",
    },
    "admin_error": {
        "fa": "⚠️ خطا در newsbot: {error}",
        "en": "⚠️ newsbot error: {error}",
    },
    "admins_only": {
        "fa": "این دستور فقط برای سردبیران این ربات است.",
        "en": "This command is for the bot's editors only.",
    },
    "private_only": {
        "fa": "اشتراک فقط در گفت‌وگوی خصوصی با ربات ممکن است.",
        "en": "Subscriptions work only in a private chat with the bot.",
    },
    "subscribed": {
        "fa": "مشترک شدید: خلاصه هر خبر تازه برایتان فرستاده می‌شود. لغو: /unsubscribe",
        "en": "Subscribed: you will get the summary of every new article. Stop: /unsubscribe",
    },
    "already_subscribed": {
        "fa": "شما از قبل مشترک هستید. لغو: /unsubscribe",
        "en": "You are already subscribed. Stop: /unsubscribe",
    },
    "unsubscribed": {
        "fa": "اشتراک شما لغو شد. هر وقت خواستید: /subscribe",
        "en": "Unsubscribed. Any time again: /subscribe",
    },
    "not_subscribed": {
        "fa": "شما مشترک نیستید. برای اشتراک: /subscribe",
        "en": "You are not subscribed. To subscribe: /subscribe",
    },
    "paused": {
        "fa": "ارسال زمان‌بندی‌شده متوقف شد. ادامه: /resume",
        "en": "Scheduled posting paused. Resume: /resume",
    },
    "resumed": {"fa": "ارسال زمان‌بندی‌شده ادامه یافت.", "en": "Scheduled posting resumed."},
    "no_digest_chats": {
        "fa": "هیچ کانالی در DIGEST_CHATS تعریف نشده است.",
        "en": "No chat is configured in DIGEST_CHATS.",
    },
    "nothing_to_post": {
        "fa": "در هیچ کانالی موردی برای ارسال نمانده است.",
        "en": "Nothing is waiting to be posted in any chat.",
    },
    "uncertain_post": {
        "fa": "⚠️ معلوم نیست پست #{post} («{item}» از خبر «{title}») به {chat} رسیده باشد "
        "({reason}). اگر در کانال نیست، دوباره بفرستید.",
        "en": "⚠️ Post #{post} (“{item}” of “{title}”) to {chat} may or may not have arrived "
        "({reason}). If it is not in the chat, post it again.",
    },
    "uncertain_more": {
        "fa": "و {count} پست نامعلوم دیگر: /uncertain",
        "en": "And {count} more uncertain posts: /uncertain",
    },
    "no_uncertain": {
        "fa": "هیچ پست نامعلومی نیست.",
        "en": "No post is uncertain.",
    },
    "button_post_again": {"fa": "ارسال دوباره", "en": "Post again"},
    "button_was_posted": {"fa": "رسیده بود", "en": "It arrived"},
    "requeued": {"fa": "دوباره در صف ارسال قرار گرفت.", "en": "Queued to be posted again."},
    "marked_sent": {"fa": "علامت خورد: رسیده بود.", "en": "Marked as posted."},
    "post_handled": {
        "fa": "پست #{post} دیگر نامعلوم نیست (وضعیت: {state})؛ تغییری داده نشد.",
        "en": "Post #{post} is no longer uncertain (state: {state}); nothing changed.",
    },
    "post_unknown": {
        "fa": "پست #{post} وجود ندارد؛ تغییری داده نشد.",
        "en": "There is no post #{post}; nothing changed.",
    },
    "button_unknown": {
        "fa": "این دکمه را نمی‌شناسم؛ تغییری داده نشد.",
        "en": "I don't know this button; nothing changed.",
    },
    "admin_private_only": {
        "fa": "این دستور فقط در گفت‌وگوی خصوصی با ربات کار می‌کند.",
        "en": "This works only in a private chat with the bot.",
    },
    "document_from_reader": {
        "fa": "ممنون از فایلتان! اما فقط سردبیران این ربات می‌توانند خبر بفرستند. "
        "خبرها را با /articles ببینید.",
        "en": "Thank you for the file! Only the bot's editors can add articles, though. "
        "See the news with /articles.",
    },
    "document_bad_name": {
        "fa": "این فایل پذیرفته نشد: نام فایل نویسه کنترلی (مثل NUL یا خط جدید) دارد؛ "
        "نامش را عوض کنید و دوباره بفرستید.",
        "en": "This file was refused: its name contains a control character (such as NUL "
        "or a line break); rename it and send it again.",
    },
    "version_usage": {
        "fa": "شماره خبر را بعد از «نسخه جدید» بنویسید، مثلاً: نسخه جدید #12",
        "en": "Write the article's number after “new version”, for example: new version #12",
    },
    "version_unknown": {
        "fa": "خبر #{id} وجود ندارد؛ فایل ذخیره نشد.",
        "en": "There is no article #{id}; the file was not stored.",
    },
    "version_not_document": {
        "fa": "خبر #{id} از پوشه خبرها آمده است: فایلش را همان‌جا ویرایش کنید.",
        "en": "Article #{id} comes from the content folder: edit its file there.",
    },
    "document_refused": {
        "fa": "این فایل پذیرفته نشد: {reason}",
        "en": "This file was refused: {reason}",
    },
    "document_not_text": {
        "fa": "فقط فایل متنی ‎.txt‎ پذیرفته می‌شود.",
        "en": "Only .txt text files are accepted.",
    },
    "admin_help_title": {"fa": "<b>دستورهای سردبیر</b>", "en": "<b>Editor commands</b>"},
    "admin_help_footer": {
        "fa": "برای افزودن خبر، فایل ‎.txt‎ آن را برای ربات بفرستید؛ هر فایل خبری جداگانه "
        "می‌شود. برای جایگزینی خبر شماره ۱۲، فایل را با این توضیح (caption) بفرستید: "
        "نسخه جدید #12",
        "en": "To add an article, send its .txt file to the bot; each file becomes an article "
        "of its own. To replace article 12, send the file with the caption: new version #12",
    },
    "button_summary": {"fa": "خلاصه", "en": "Summary"},
    "button_quotes": {"fa": "نقل قول‌ها", "en": "Quotes"},
    # approval before posting
    "approval_prompt": {
        "fa": "⬆️ پیش‌نمایش خبر #{id} «{title}»: {count} پیام برای {chats}، همان که بالا آمد.",
        "en": "⬆️ Preview of article #{id} “{title}”: {count} messages for {chats}, "
        "exactly as above.",
    },
    "approval_prompt_changed": {
        "fa": "⬆️ پیش‌نمایش نسخه تازه خبر #{id} «{title}»: {count} پیام برای {chats}، "
        "همان که بالا آمد.",
        "en": "⬆️ Preview of the new version of article #{id} “{title}”: {count} messages "
        "for {chats}, exactly as above.",
    },
    "approval_to_subscribers": {"fa": "مشترکان", "en": "the subscribers"},
    "approval_awaiting": {
        "fa": "منتظر تأیید است: منتشر شود؟",
        "en": "Waiting for approval: publish it?",
    },
    "approval_held": {
        "fa": "⏸ {name} نگهش داشت؛ منتظر تصمیم است: منتشر شود؟",
        "en": "⏸ Held by {name}; waiting for a decision: publish it?",
    },
    "approval_approved": {"fa": "✅ {name} منتشرش کرد.", "en": "✅ Published by {name}."},
    "approval_rejected": {
        "fa": "🗑 {name} حذفش کرد؛ ارسال نمی‌شود.",
        "en": "🗑 Discarded by {name}; it will not be posted.",
    },
    "approval_released": {
        "fa": "بدون نیاز به تأیید ارسال می‌شود.",
        "en": "It is posted without approval.",
    },
    "approval_outdated": {
        "fa": "این نسخه کنار رفت؛ نسخه تازه‌تر: /preview {id}",
        "en": "This version was replaced; the newer one: /preview {id}",
    },
    "button_publish": {"fa": "انتشار", "en": "Publish"},
    "button_hold": {"fa": "نگه‌داشتن", "en": "Hold"},
    "button_discard": {"fa": "حذف", "en": "Discard"},
    "published": {
        "fa": "منتشر شد؛ با زمان‌بندی کانال‌ها ارسال می‌شود.",
        "en": "Published: it goes out with the digest schedule.",
    },
    "held": {
        "fa": "نگه داشته شد. هر وقت خواستید: /preview {id}",
        "en": "Held. Decide later with /preview {id}",
    },
    "discarded": {"fa": "حذف شد؛ ارسال نمی‌شود.", "en": "Discarded: it will not be posted."},
    "approval_done": {
        "fa": "درباره خبر #{id} قبلاً تصمیم گرفته شده است: {state}",
        "en": "Article #{id} was already decided: {state}",
    },
    "approval_stale": {
        "fa": "این پیش‌نمایش مال نسخه قدیمی خبر #{id} است؛ نسخه تازه: /preview {id}",
        "en": "This preview is of an older version of article #{id}; the latest: /preview {id}",
    },
    "approval_off": {
        "fa": "تأیید پیش از انتشار خاموش است (DIGEST_APPROVAL)؛ تغییری داده نشد.",
        "en": "Approval before posting is off (DIGEST_APPROVAL); nothing changed.",
    },
    "article_unknown": {
        "fa": "خبر #{id} وجود ندارد.",
        "en": "There is no article #{id}.",
    },
    "preview_usage": {
        "fa": "شماره خبر را بعد از /preview بنویسید، مثلاً: /preview 12",
        "en": "Write the article's number after /preview, for example: /preview 12",
    },
    "preview_nothing": {
        "fa": "خبر #{id} «{title}» پیامی برای کانال‌ها ندارد.",
        "en": "Article #{id} “{title}” has no message for the channels.",
    },
    "awaiting_line": {
        "fa": "در انتظار تأیید: #{id} «{title}» — /preview {id}",
        "en": "Awaiting approval: #{id} “{title}” — /preview {id}",
    },
    "held_line": {
        "fa": "نگه‌داشته ({name}): #{id} «{title}» — /preview {id}",
        "en": "Held by {name}: #{id} “{title}” — /preview {id}",
    },
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


def help_text(
    lang: str,
    commands: Sequence[tuple[str, str]],
    admin_commands: Sequence[tuple[str, str]] | None = None,
) -> str:
    """Every ``(command, description)`` with one line each; then the admin commands, if given.

    >>> help_text("en", [("start", "Start")]).splitlines()[:2]
    ['<b>Commands</b>', '/start — Start']
    """
    lines = [say("help_title", lang)]
    lines.extend(f"/{name} — {html.escape(text)}" for name, text in commands)
    lines.append("")
    lines.append(say("help_footer", lang))
    if admin_commands is not None:
        lines.append("")
        lines.append(say("admin_help_title", lang))
        lines.extend(f"/{name} — {html.escape(text)}" for name, text in admin_commands)
        lines.append(say("admin_help_footer", lang))
    return "\n".join(lines)
