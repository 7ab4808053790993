"""The bot's own words: Persian first, English for readers whose Telegram is English.

Texts are Telegram HTML; values passed to :func:`say` are escaped. The commands and
their help lines live in the command registry, ``bot/tg/commands.py``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime

from bot.text.jalali import format_jalali, persian_digits

LANGS = ("fa", "en")

_CATALOG: dict[str, dict[str, str]] = {
    "welcome": {
        "fa": "سلام! من <b>newsbot</b> هستم و خبرها را در بخش‌های کوتاه به شما می‌رسانم: "
        "خلاصه، چرا اهمیت دارد، پیش‌زمینه، نقل قول‌ها و گام‌های آینده.\n\n"
        "تازه‌ترین خبر: <b>{title}</b>\nبا دکمه‌های زیر بخش‌هایش را ببینید یا /help را بزنید. "
        "برای جستجو کافی است چند کلمه بفرستید.",
        "en": "Hello! I am <b>newsbot</b>: I bring you the news in short sections: "
        "the summary, why it matters, the background, the quotes and what's next.\n\n"
        "Latest article: <b>{title}</b>\nUse the buttons below for its sections, or /help. "
        "To search, just send a few words.",
    },
    "welcome_empty": {
        "fa": "سلام! من <b>newsbot</b> هستم و خبرها را در بخش‌های کوتاه به شما می‌رسانم. "
        "هنوز خبری ثبت نشده است؛ به زودی برگردید. /help همه دستورها را نشان می‌دهد.",
        "en": "Hello! I am <b>newsbot</b>: I bring you the news in short sections. "
        "No article has been published yet; come back soon. /help lists every command.",
    },
    "help_title": {"fa": "<b>دستورها</b>", "en": "<b>Commands</b>"},
    "help_footer": {
        "fa": "دستورها درباره تازه‌ترین خبر پاسخ می‌دهند؛ اگر در {minutes} دقیقه گذشته خبر "
        "دیگری را با دکمه‌ها یا /articles باز کرده باشید، درباره همان خبر. برای جستجو کافی "
        "است چند کلمه بفرستید.",
        "en": "Commands answer about the newest article, or about the one you opened with a "
        "button or /articles in the last {minutes} minutes. To search, just send a few words.",
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
    # photos
    "photo_from_reader": {
        "fa": "ممنون از عکستان! اما فقط سردبیران این ربات می‌توانند برای خبرها عکس بفرستند.",
        "en": "Thank you for the photo! Only the bot's editors can give articles photos, though.",
    },
    "photo_which": {
        "fa": "این عکس برای کدام خبر است؟ آن را در پاسخ به پیام ربات درباره آن خبر بفرستید، "
        "یا در توضیح عکس شماره خبر (مثلاً ‎#12‎) یا نام فایلش را بنویسید.",
        "en": "Which article is this photo for? Send it in reply to the bot's message about "
        "the article, or caption it with the article's number (such as #12) or file name.",
    },
    "photo_no_article": {
        "fa": "خبری با «{target}» پیدا نشد؛ عکس ثبت نشد.",
        "en": "No article matches “{target}”; the photo was not stored.",
    },
    "photo_set": {
        "fa": "عکس خبر #{id} «{title}» ثبت شد ({width}×{height}، {format}).",
        "en": "Photo of article #{id} “{title}” set ({width}×{height}, {format}).",
    },
    "photo_refused_none": {
        "fa": "عکس پذیرفته نشد: {reason}. خبر #{id} بدون عکس منتشر می‌شود.",
        "en": "Photo refused: {reason}. Article #{id} goes out without a photo.",
    },
    "photo_refused_kept": {
        "fa": "عکس پذیرفته نشد: {reason}. خبر #{id} عکس قبلی‌اش را نگه می‌دارد.",
        "en": "Photo refused: {reason}. Article #{id} keeps the photo it had.",
    },
    # editor screens: /queue, /status, /post, /reload, documents and their refusals
    "queue_title": {"fa": "<b>صف ارسال</b>", "en": "<b>Posting queue</b>"},
    "queue_running": {
        "fa": "ارسال زمان‌بندی‌شده روشن است؛ زمان هر مورد کنارش آمده است.",
        "en": "Scheduled posting is on; each item shows when it is due.",
    },
    "queue_paused": {
        "fa": "⏸ ارسال زمان‌بندی‌شده متوقف است: تا /resume را نزنید چیزی فرستاده نمی‌شود "
        "(/post یک مورد را همین حالا می‌فرستد).",
        "en": "⏸ Scheduled posting is paused: nothing goes out until you send /resume "
        "(/post sends one item now).",
    },
    "queue_chat": {
        "fa": "<b>{chat}</b>: {count} مورد در صف",
        "en": "<b>{chat}</b>: {count} waiting",
    },
    "queue_empty": {"fa": "چیزی در صف نیست.", "en": "Nothing is waiting."},
    "queue_item": {"fa": "{n}. {item}: {title}", "en": "{n}. {item}: {title}"},
    "queue_item_due": {"fa": "{n}. {when}، {item}: {title}", "en": "{n}. {when}, {item}: {title}"},
    "queue_more": {"fa": "و {count} مورد دیگر", "en": "and {count} more"},
    "article_removed": {"fa": "(خبر حذف شده)", "en": "(article removed)"},
    "at_time": {"fa": "{day}، ساعت {time}", "en": "{day}, {time}"},
    "status_title": {"fa": "<b>وضعیت ربات</b>", "en": "<b>Bot status</b>"},
    "status_articles": {"fa": "خبرها: {count}", "en": "Articles: {count}"},
    "status_running": {"fa": "ارسال زمان‌بندی‌شده: روشن", "en": "Scheduled posting: on"},
    "status_paused": {
        "fa": "ارسال زمان‌بندی‌شده: ⏸ متوقف (ادامه: /resume)",
        "en": "Scheduled posting: ⏸ paused (resume: /resume)",
    },
    "status_channel_posts": {"fa": "پست‌های کانال: {counts}", "en": "Channel posts: {counts}"},
    "status_subscriber_posts": {
        "fa": "ارسال به مشترکان: {counts}",
        "en": "Subscriber deliveries: {counts}",
    },
    "status_none": {"fa": "هیچ", "en": "none"},
    "status_queue_hint": {"fa": "صف هر کانال: /queue", "en": "Each chat's queue: /queue"},
    "status_subscribers": {"fa": "مشترکان: {count}", "en": "Subscribers: {count}"},
    "status_troubled": {
        "fa": "⚠️ پست #{post} ({state}) به {chat}، {item}: {reason}",
        "en": "⚠️ Post #{post} ({state}) to {chat}, {item}: {reason}",
    },
    "status_uncertain_hint": {
        "fa": "رسیدگی به پست‌های نامعلوم: /uncertain",
        "en": "Resolve the uncertain posts with /uncertain",
    },
    "state_pending": {"fa": "در صف", "en": "waiting"},
    "state_sending": {"fa": "در حال ارسال", "en": "sending"},
    "state_sent": {"fa": "فرستاده", "en": "sent"},
    "state_failed": {"fa": "ناموفق", "en": "failed"},
    "state_uncertain": {"fa": "نامعلوم", "en": "uncertain"},
    "state_skipped": {"fa": "کنار گذاشته", "en": "skipped"},
    "state_gone": {"fa": "حذف شده", "en": "gone"},
    "reason_unknown": {"fa": "دلیل نامعلوم", "en": "reason unknown"},
    "detail_flood_control": {
        "fa": "تلگرام فعلاً سرعت ارسال را محدود کرده است",
        "en": "Telegram is limiting the sending rate for now",
    },
    "detail_nothing_to_post": {"fa": "چیزی برای ارسال نمانده بود", "en": "nothing was left"},
    "post_sent": {
        "fa": "{chat}: {item} «{title}» فرستاده شد.",
        "en": "{chat}: {item} of “{title}” sent.",
    },
    "post_failed": {
        "fa": "{chat}: {item} «{title}» فرستاده نشد: {detail}",
        "en": "{chat}: {item} of “{title}” was not sent: {detail}",
    },
    "post_later": {
        "fa": "{chat}: {item} «{title}» بعداً دوباره فرستاده می‌شود: {detail}",
        "en": "{chat}: {item} of “{title}” will be tried again later: {detail}",
    },
    "post_uncertain": {
        "fa": "{chat}: معلوم نیست {item} «{title}» رسیده باشد: {detail} (/uncertain)",
        "en": "{chat}: {item} of “{title}” may or may not have arrived: {detail} (/uncertain)",
    },
    "post_skipped": {
        "fa": "{chat}: {item} «{title}» دیگر چیزی برای ارسال نداشت.",
        "en": "{chat}: {item} of “{title}” had nothing left to post.",
    },
    "post_chat_failing": {
        "fa": "{chat}: کانال پست نمی‌گیرد: {detail}",
        "en": "{chat}: the chat is failing: {detail}",
    },
    "post_other": {"fa": "{chat}: {state} {detail}", "en": "{chat}: {state} {detail}"},
    "reload_none": {
        "fa": "در پوشه خبرها تغییری نبود.",
        "en": "Nothing changed in the content folder.",
    },
    "reload_file_new": {
        "fa": "تازه: #{id} «{title}» ({sections} بخش) از {file}",
        "en": "New: #{id} “{title}” (sections: {sections}) from {file}",
    },
    "reload_file_updated": {
        "fa": "به‌روز شد: #{id} «{title}» ({sections} بخش) از {file}",
        "en": "Updated: #{id} “{title}” (sections: {sections}) from {file}",
    },
    "reload_file_unchanged": {
        "fa": "بدون تغییر: #{id} «{title}» از {file}",
        "en": "Unchanged: #{id} “{title}” from {file}",
    },
    "reload_file_failed": {
        "fa": "پذیرفته نشد: {file}: {reason}",
        "en": "Refused: {file}: {reason}",
    },
    "reload_photo_refused": {
        "fa": "عکس پذیرفته نشد: {reason}",
        "en": "Photo refused: {reason}",
    },
    "reload_total": {
        "fa": "فایل‌ها: {files} ({new} تازه، {updated} به‌روز، {unchanged} بدون تغییر، "
        "{failed} رد)",
        "en": "Files: {files} ({new} new, {updated} updated, {unchanged} unchanged, "
        "{failed} refused)",
    },
    "content_missing": {
        "fa": "پوشه خبرها ({folder}) وجود ندارد.",
        "en": "The content folder ({folder}) does not exist.",
    },
    "document_new": {"fa": "✅ خبر تازه #{id} ذخیره شد.", "en": "✅ New article #{id} stored."},
    "document_updated": {"fa": "✅ خبر #{id} به‌روز شد.", "en": "✅ Article #{id} updated."},
    "document_unchanged": {
        "fa": "خبر #{id} از قبل همین متن را دارد؛ تغییری نکرد.",
        "en": "Article #{id} already has this text; nothing changed.",
    },
    "document_title": {"fa": "عنوان: <b>{title}</b>", "en": "Title: <b>{title}</b>"},
    "document_date": {"fa": "تاریخ: {date}", "en": "Date: {date}"},
    "document_sections": {"fa": "بخش‌ها ({count}): {names}", "en": "Sections ({count}): {names}"},
    "document_no_sections": {
        "fa": "⚠️ بخشی پیدا نشد؛ برچسب‌ها (مثل «چرا مهم است:») را بررسی کنید.",
        "en": "⚠️ No section was found; check the labels (such as “Why it matters:”).",
    },
    "document_quotes": {"fa": "نقل قول‌ها: {count}", "en": "Quotes: {count}"},
    "document_photo_credit": {"fa": "عکس: {caption}", "en": "Photo: {caption}"},
    "warning_unknown_label": {
        "fa": "⚠️ برچسب ناشناخته «{label}» بخشی جداگانه شد.",
        "en": "⚠️ The unknown label “{label}” became a section of its own.",
    },
    "warning_empty_section": {
        "fa": "⚠️ بخش «{label}» خالی است.",
        "en": "⚠️ The section “{label}” is empty.",
    },
    "warning_other": {
        "fa": "⚠️ نکته‌ای در متن هست؛ با newsbot show بررسی کنید.",
        "en": "⚠️ Something in the text needs a look; check it with newsbot show.",
    },
    "warning_more": {"fa": "و {count} نکته دیگر", "en": "and {count} more"},
    "document_next": {
        "fa": "برای دیدن صف ارسال: /queue",
        "en": "To see the posting queue: /queue",
    },
    "refused_named": {
        "fa": "فایل «{name}» پذیرفته نشد: {reason}",
        "en": "“{name}” was refused: {reason}",
    },
    "refused_binary": {
        "fa": "فایل متنی نیست (شبیه فایل دودویی است).",
        "en": "it is not a text file (it looks binary).",
    },
    "refused_encoding": {
        "fa": "متنش خوانا نیست؛ آن را با کدگذاری UTF-8 ذخیره کنید.",
        "en": "its text cannot be read; save it as UTF-8.",
    },
    "refused_too_big": {
        "fa": "بزرگ‌تر از حد مجاز ({limit}) است.",
        "en": "it is over the size limit ({limit}).",
    },
    "refused_empty": {"fa": "خالی است.", "en": "it is empty."},
    "refused_no_title": {"fa": "خط عنوان ندارد.", "en": "it has no title line."},
    "refused_unparsed": {
        "fa": "خوانده نشد؛ ساختار متن را بررسی کنید.",
        "en": "it could not be parsed; check its layout.",
    },
    "refused_not_stored": {
        "fa": "ذخیره نشد؛ دوباره بفرستید و اگر تکرار شد به پشتیبانی فنی خبر دهید.",
        "en": "it was not stored; send it again, and tell the developers if it happens again.",
    },
    "refused_unreadable": {"fa": "خوانده نشد.", "en": "it could not be read."},
    "reload_worker": {
        "fa": "خواندن پوشه خبرها ناتمام ماند؛ /reload را دوباره بزنید و اگر تکرار شد به "
        "پشتیبانی فنی خبر دهید.",
        "en": "Reading the content folder stopped part way; send /reload again, and tell the "
        "developers if it happens again.",
    },
    "reload_database_gone": {
        "fa": "پایگاه داده ربات دیگر همان فایل نیست؛ ربات می‌ایستد تا چیزی دوباره فرستاده نشود. "
        "جزئیات در گزارش ربات آمده است.",
        "en": "The bot's database is no longer the same file; the bot stops so that nothing is "
        "posted twice. The details are in the bot's log.",
    },
    "refused_worker": {
        "fa": "پردازش فایل ناتمام ماند؛ دوباره بفرستید و اگر تکرار شد به پشتیبانی فنی خبر دهید.",
        "en": "processing stopped part way; send it again, and tell the developers if it "
        "happens again.",
    },
    "bytes": {"fa": "{count} بایت", "en": "{count} bytes"},
    "kilobytes": {"fa": "{count} کیلوبایت", "en": "{count} KB"},
    "item_summary": {"fa": "خلاصه", "en": "Summary"},
    "item_quotes": {"fa": "نقل قول‌ها", "en": "Quotes"},
    "chat_is_failing": {
        "fa": "⚠️ کانال {chat} پست نمی‌گیرد: {reason}",
        "en": "⚠️ Chat {chat} is failing: {reason}",
    },
    "post_failed_alert": {
        "fa": "⚠️ پست #{post} به {chat} فرستاده نشد: {reason}",
        "en": "⚠️ Post #{post} to {chat} was not sent: {reason}",
    },
    # readers: plain-text search, greetings, the current article
    "search_too_long": {
        "fa": "برای جستجو چند کلمه کوتاه بفرستید (حداکثر {limit} نویسه).",
        "en": "To search, send a few short words (at most {limit} characters).",
    },
    # corrections, retractions and duplicates
    "correction_edited": {"fa": "<i>✏️ ویرایش شد</i>", "en": "<i>✏️ edited</i>"},
    "correction_withdrawn": {
        "fa": "<i>این بخش از خبر برداشته شد.</i>",
        "en": "<i>This part of the article was withdrawn.</i>",
    },
    "article_withdrawn": {
        "fa": "این خبر پس گرفته شده است. تازه‌ترین خبرها: /articles",
        "en": "This article was withdrawn. Recent articles: /articles",
    },
    "preview_withdrawn": {
        "fa": "این خبر پس گرفته شده است و خوانندگان آن را نمی‌بینند.",
        "en": "This article was withdrawn: readers no longer see it.",
    },
    "correction_retracted": {
        "fa": "<i>این خبر پس گرفته شد.</i>",
        "en": "<i>This article was withdrawn.</i>",
    },
    "retract_usage": {
        "fa": "شماره خبر را بعد از /retract بنویسید، مثلاً: /retract 12",
        "en": "Write the article's number after /retract, for example: /retract 12",
    },
    "retract_already": {
        "fa": "خبر #{id} پیش‌تر پس گرفته شده است.",
        "en": "Article #{id} was already withdrawn.",
    },
    "retract_confirm": {
        "fa": "خبر #{id} «{title}» پس گرفته شود؟ پیام‌های فرستاده‌اش حذف یا «برداشته شد» "
        "علامت می‌خورند و پست‌های در صفش لغو می‌شوند ({sent} پیام فرستاده، {pending} پست در صف).",
        "en": "Withdraw article #{id} “{title}”? Its sent messages are deleted or marked "
        "withdrawn and its queued posts cancelled ({sent} messages sent, {pending} posts queued).",
    },
    "button_retract": {"fa": "بله، پس گرفته شود", "en": "Yes, withdraw it"},
    "button_keep": {"fa": "نه، بماند", "en": "No, keep it"},
    "retract_kept": {"fa": "خبر #{id} دست نخورد.", "en": "Article #{id} was left as it is."},
    "retract_done": {
        "fa": "خبر #{id} پس گرفته شد: {deleted} پیام حذف شد، {withdrawn} پیام «برداشته شد» "
        "علامت خورد، {cancelled} پست لغو شد{left}.",
        "en": "Article #{id} withdrawn: {deleted} messages deleted, {withdrawn} marked "
        "withdrawn, {cancelled} posts cancelled{left}.",
    },
    "retract_left": {
        "fa": "؛ {count} مورد هنوز انجام نشده است",
        "en": "; {count} not done yet",
    },
    "uncertain_correction": {
        "fa": "⚠️ معلوم نیست اصلاح #{id} ({action} پیام {message} در {chat}، خبر «{title}») "
        "انجام شده باشد ({reason}). پیام را در کانال ببینید: اگر اصلاح نشده، دوباره بفرستید.",
        "en": "⚠️ Correction #{id} ({action} of message {message} in {chat}, article “{title}”) "
        "may or may not have been made ({reason}). Look at the message: if it was not "
        "corrected, make it again.",
    },
    "correction_failed_alert": {
        "fa": "⚠️ اصلاح #{id} خبر #{article} در {chat} انجام نشد: {reason}",
        "en": "⚠️ Correction #{id} of article #{article} in {chat} failed: {reason}",
    },
    "correction_action_edit": {"fa": "ویرایش", "en": "edit"},
    "correction_action_remove": {"fa": "حذف", "en": "removal"},
    "correction_action_send": {"fa": "ارسال ادامه", "en": "sending the rest"},
    "button_correct_again": {"fa": "انجام دوباره", "en": "Make it again"},
    "button_was_corrected": {"fa": "انجام شده بود", "en": "It was made"},
    "correction_requeued": {
        "fa": "اصلاح دوباره در صف قرار گرفت.",
        "en": "The correction is queued again.",
    },
    "correction_marked": {"fa": "علامت خورد: انجام شده بود.", "en": "Marked as made."},
    "correction_handled": {
        "fa": "اصلاح #{id} دیگر نامعلوم نیست (وضعیت: {state})؛ تغییری داده نشد.",
        "en": "Correction #{id} is no longer uncertain (state: {state}); nothing changed.",
    },
    "document_duplicate": {
        "fa": "این فایل همان خبر #{id} است (از «{original}»)؛ چیز تازه‌ای ذخیره یا ارسال نشد.",
        "en": "This file is article #{id} again (from “{original}”); nothing new was stored "
        "or planned.",
    },
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


#: Every key of the catalogue.
CATALOG_KEYS = frozenset(_CATALOG)


def number(value: int, lang: str) -> str:
    """A count as the reader writes it: Latin digits for ``en``, else Persian digits and «٬».

    >>> number(1234567, "fa"), number(1234567, "en"), number(-3, "fa")
    ('۱٬۲۳۴٬۵۶۷', '1,234,567', '-۳')
    """
    text = f"{value:,}"
    return text if lang == "en" else persian_digits(text.replace(",", "٬"))


def digits(value: object, lang: str) -> str:
    """An identifier (an article's or a post's number) in the reader's digits, as typed.

    >>> digits(1234, "fa"), digits(1234, "en")
    ('۱۲۳۴', '1234')
    """
    return str(value) if lang == "en" else persian_digits(value)


def format_day(day: date, lang: str) -> str:
    """A date in the reader's calendar: Jalali with Persian digits, or Gregorian.

    >>> format_day(date(2026, 11, 29), "fa"), format_day(date(2026, 11, 29), "en")
    ('۸ آذر ۱۴۰۵', '29 November 2026')
    """
    return f"{day.day} {day:%B %Y}" if lang == "en" else format_jalali(day)


def format_moment(moment: datetime, lang: str) -> str:
    """A date and time (already in the zone to show) in the reader's calendar and digits.

    >>> format_moment(datetime(2026, 1, 1, 8, 5), "fa")
    '۱۱ دی ۱۴۰۴، ساعت ۰۸:۰۵'
    >>> format_moment(datetime(2026, 1, 1, 8, 5), "en")
    '1 January 2026, 08:05'
    """
    clock = digits(f"{moment:%H:%M}", lang)
    return _fill("at_time", lang, day=format_day(moment.date(), lang), time=clock)


#: Words that make a message a greeting (once folded), and words that may go with them.
GREETINGS = frozenset({
    "سلام", "درود", "سلامعلیکم", "علیکم", "علیک", "بخیر", "hi", "hello", "hey", "hallo",
    "salam", "salaam", "dorood", "greetings", "howdy", "hiya", "yo",
})  # fmt: skip
_GREETING_COMPANIONS = frozenset({
    "و", "بر", "شما", "همه", "همگی", "وقت", "وقتتون", "وقتت", "روز", "صبح", "عصر", "ظهر",
    "شب", "خوبی", "خوبید",
    "خوبین", "چطوری", "چطورید", "ربات", "دوست", "عزیز", "عزیزم", "جان", "به", "خیر",
    "good", "morning", "afternoon", "evening", "there", "bot", "newsbot", "all", "everyone",
    "how", "are", "you", "friend",
})  # fmt: skip
_NOT_WORD = re.compile(r"[^\w\u200c]+")


def _fold_word(word: str) -> str:
    word = unicodedata.normalize("NFKC", word).lower().replace("\u200c", "")
    word = word.replace("ي", "ی").replace("ك", "ک")
    # "سلاااام", "hiii": a letter drawn out in speech counts once.
    return re.sub(r"(.)\1{2,}", r"\1", word)


def is_greeting(text: str) -> bool:
    """Whether a reader's message only greets («سلام», «درود», hi, hello ...).

    A greeting word with a few friendly words around it still greets, and so does a
    message with no word at all (an emoji); anything more is something to look for.

    >>> is_greeting("سلام!"), is_greeting("Hello bot"), is_greeting("سلام ایران")
    (True, True, False)
    """
    words = [_fold_word(word) for word in _NOT_WORD.split(text) if word]
    words = [word for word in words if word and not word.isdecimal()]
    if not words:
        # A wave («👋», «!») has nothing to look for: it greets, if it says anything.
        return any(not char.isspace() and not char.isdecimal() for char in text)
    if len(words) > 5:
        return False
    return any(word in GREETINGS for word in words) and all(
        word in GREETINGS or word in _GREETING_COMPANIONS for word in words
    )


def lang_of(language_code: str | None) -> str:
    """The bot's language for a reader: English when their Telegram is English."""
    return "en" if (language_code or "").lower().startswith("en") else "fa"


def say(key: str, lang: str = "fa", **values: object) -> str:
    """The catalog text ``key`` in ``lang`` with escaped ``values`` filled in.

    >>> say("no_results", "en", query="<x>")
    'No article matches “&lt;x&gt;”. Try other words, or see /articles.'
    """
    escaped = {name: html.escape(str(value), quote=False) for name, value in values.items()}
    return _fill(key, lang, **escaped)


def _fill(key: str, lang: str, **values: str) -> str:
    """The catalog text ``key`` in ``lang`` with ``values`` (already HTML) filled in."""
    texts = _CATALOG[key]
    text = texts.get(lang, texts["fa"])
    return text.format(**values) if values else text


def say_html(key: str, lang: str = "fa", **values: str) -> str:
    """Like :func:`say`, but the values are Telegram HTML already (escaped by the caller).

    >>> say_html("document_title", "en", title="a &amp; b")
    'Title: <b>a &amp; b</b>'
    """
    return _fill(key, lang, **values)


def help_text(
    lang: str,
    commands: Sequence[tuple[str, str]],
    admin_commands: Sequence[tuple[str, str]] | None = None,
    *,
    choice_minutes: int = 30,
) -> str:
    """Every ``(command, description)`` with one line each; then the admin commands, if given.

    The footer says which article the commands answer about: the newest, or the one the
    reader opened in the last ``choice_minutes``.

    >>> help_text("en", [("start", "Start")]).splitlines()[:2]
    ['<b>Commands</b>', '/start — Start']
    """
    lines = [say("help_title", lang)]
    lines.extend(f"/{name} — {html.escape(text)}" for name, text in commands)
    lines.append("")
    lines.append(say("help_footer", lang, minutes=number(choice_minutes, lang)))
    if admin_commands is not None:
        lines.append("")
        lines.append(say("admin_help_title", lang))
        lines.extend(f"/{name} — {html.escape(text)}" for name, text in admin_commands)
        lines.append(say("admin_help_footer", lang))
    return "\n".join(lines)
