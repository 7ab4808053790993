"""The command registry: registered handlers, /help and Telegram's menus all agree with it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from telegram.ext import CommandHandler, MessageHandler
from tgsandbox import BotApiEmulator

from bot.article import SECTION_KEYS
from bot.article.sections import OTHER, key_name
from bot.tg import handlers
from bot.tg.app import build_application, running
from bot.tg.commands import COMMANDS, MENU_LANGUAGES, help_for, showing

from .e2e import settings_for

#: What Telegram accepts as a command name.
COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


def help_lines(text: str) -> list[tuple[str, str]]:
    """The ``/name — description`` lines of a /help text, descriptions unescaped."""
    lines = [line[1:].split(" — ", 1) for line in text.split("\n") if line.startswith("/")]
    return [(name, html.unescape(description)) for name, description in lines]


def entries(lang: str, *, admin: bool) -> list[tuple[str, str]]:
    return [(c.name, c.describe(lang)) for c in COMMANDS if admin or not c.admin]


async def test_handlers_help_and_menus_follow_the_registry(tmp_path: Path) -> None:
    async with BotApiEmulator(strict_polling=False) as emulator:
        application = build_application(settings_for(emulator, tmp_path, content=[]))
        async with running(application, poll_timeout=1):
            menus = {
                lang: await application.bot.get_my_commands(language_code=code)
                for code, lang in MENU_LANGUAGES
            }
    registered = [h for group in application.handlers.values() for h in group]
    commands = [h for h in registered if isinstance(h, CommandHandler)]
    assert [sorted(h.commands) for h in commands] == [[c.name] for c in COMMANDS]
    for handler, command in zip(commands, COMMANDS, strict=True):
        if command.admin:
            assert handler.callback is not command.callback, f"/{command.name} is unguarded"
            assert getattr(handler.callback, "__wrapped__", None) is command.callback
        else:
            assert handler.callback is command.callback
    fallback = registered[-1]
    assert isinstance(fallback, MessageHandler) and fallback.callback is handlers.unknown
    for lang in ("fa", "en"):
        assert help_lines(help_for(lang)) == entries(lang, admin=False)
        assert help_lines(help_for(lang, admin=True)) == entries(lang, admin=True)
        menu = [(command.command, command.description) for command in menus[lang]]
        assert menu == entries(lang, admin=False)


def test_the_registry_is_well_formed() -> None:
    names = [command.name for command in COMMANDS]
    assert len(set(names)) == len(names)
    assert all(COMMAND_NAME.match(name) for name in names)
    admin = [command.admin for command in COMMANDS]
    assert admin == sorted(admin), "admin commands come last, as /help lists them"
    for command in COMMANDS:
        for lang in ("fa", "en"):
            assert 0 < len(command.describe(lang).strip()) <= 256, (command.name, lang)
        assert not command.fa.isascii() and command.en.isascii(), command.name


def test_section_commands_show_a_section_by_its_name() -> None:
    shown = {command.name: command.section for command in COMMANDS if command.section}
    assert shown == {
        "why": "why_it_matters", "latest": "latest", "background": "background",
        "next": "whats_next",
    }  # fmt: skip
    for command in COMMANDS:
        if command.section:
            assert command.section in SECTION_KEYS
            assert command.fa == key_name(command.section, "fa")
            assert command.en == key_name(command.section, "en")


@pytest.mark.parametrize(
    ("key", "problem"),
    [("", "unknown section key"), ("nope", "unknown section key"),
     ("<b>", "unknown section key"), (OTHER, "cannot show")],
)  # fmt: skip
def test_a_section_command_needs_a_registered_key(key: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        showing("x", key)


FA_FOOTER = (
    "دستورها درباره تازه‌ترین خبر پاسخ می‌دهند؛ اگر در ۳۰ دقیقه گذشته خبر دیگری را با "
    "دکمه‌ها یا /articles باز کرده باشید، درباره همان خبر. برای جستجو کافی است چند کلمه بفرستید."
)
EN_FOOTER = (
    "Commands answer about the newest article, or about the one you opened with a button or "
    "/articles in the last 30 minutes. To search, just send a few words."
)


@pytest.mark.parametrize(
    ("lang", "admin", "first", "last"),
    [
        ("fa", False, "<b>دستورها</b>", FA_FOOTER),
        ("en", False, "<b>Commands</b>", EN_FOOTER),
        ("en", True, "<b>Commands</b>", "To add an article, send its .txt file to the bot; each "
         "file becomes an article of its own. To replace article 12, send the file with the "
         "caption: new version #12"),
        ("", False, "<b>دستورها</b>", FA_FOOTER),
    ],
)
def test_help_frame(lang: str, admin: bool, first: str, last: str) -> None:
    text = help_for(lang, admin=admin).split("\n")
    assert (text[0], text[-1]) == (first, last)
    assert ("/post — Post the next item now" in text) is (admin and lang == "en")
