"""A loopback Telegram Bot API emulator, strict the way the real server is.

``BotApiEmulator`` serves the Bot API on 127.0.0.1 for python-telegram-bot and tests;
``parse_html`` is a port of TDLib's HTML parser with its exact error messages.
"""

from tgsandbox.emulator import DEFAULT_TOKEN, DEFAULT_USERNAME, BotApiEmulator
from tgsandbox.formatting import clean_text, text_length, utf16_length
from tgsandbox.html import HtmlParseError, parse_html
from tgsandbox.limits import RateLimits
from tgsandbox.markdown import MarkdownParseError, parse_markdown, parse_markdown_v2
from tgsandbox.records import MessageEvent, RequestRecord, SentMessage

__all__ = [
    "DEFAULT_TOKEN",
    "DEFAULT_USERNAME",
    "BotApiEmulator",
    "HtmlParseError",
    "MarkdownParseError",
    "MessageEvent",
    "RateLimits",
    "RequestRecord",
    "SentMessage",
    "clean_text",
    "parse_html",
    "parse_markdown",
    "parse_markdown_v2",
    "text_length",
    "utf16_length",
]
