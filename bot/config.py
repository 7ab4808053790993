"""Settings: one typed object read from the environment and ``.env``.

Every variable is parsed once, here, into the value the code uses: DIGEST_CHATS into
:class:`~bot.schedule.Target` s, DIGEST_SCHEDULE into :class:`~bot.schedule.Tick` s in
the configured time zone. A value newsbot cannot use is one :class:`ConfigError` line
naming the variable.
"""

from __future__ import annotations

import re
from datetime import UTC
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.schedule import Target, Tick, parse_chats, parse_schedule

DEFAULT_API_URL = "https://api.telegram.org/bot"
DEFAULT_SCHEDULE = "0 8,12,16,20 * * *"


class ConfigError(ValueError):
    """A setting with a value newsbot cannot use; the message names it."""


def _split(value: object, separator: str = ",") -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(separator) if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything newsbot reads from its environment (see ``.env.example``)."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        arbitrary_types_allowed=True,
    )

    telegram_bot_token: SecretStr | None = Field(default=None)
    telegram_api_url: str = DEFAULT_API_URL
    telegram_proxy_url: str | None = None
    database_path: Path = Path("data/newsbot.db")
    content_dir: Path = Path("content")
    #: Before the digest settings: the schedule is read in this zone.
    timezone: str = "Asia/Tehran"
    digest_chats: Annotated[list[Target], NoDecode] = Field(default_factory=list)
    digest_schedule: Annotated[list[Tick], NoDecode] = Field(
        default=DEFAULT_SCHEDULE, validate_default=True
    )
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"
    max_article_bytes: int = Field(default=1_000_000, gt=0)
    #: CHANNEL_SIGNATURE: a line appended to every channel post, such as ``@my_channel``.
    channel_signature: str | None = None
    #: LINK_PREVIEWS: link previews under digest posts.
    link_previews: bool = False
    #: DIGEST_APPROVAL: a new or changed article waits for an admin before it is posted.
    digest_approval: bool = False

    @field_validator("digest_chats", mode="before")
    @classmethod
    def _chats(cls, value: object) -> object:
        entries = _split(value)
        if not isinstance(entries, list | tuple):
            return entries
        return parse_chats([e.key if isinstance(e, Target) else str(e) for e in entries])

    @field_validator("digest_schedule", mode="before")
    @classmethod
    def _schedule(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, list | tuple):
            value = "; ".join(e.text if isinstance(e, Tick) else str(e) for e in value)
        if not isinstance(value, str):
            return value
        # TIMEZONE is validated first; when it is wrong, still check the schedule.
        zone = info.data.get("timezone")
        return parse_schedule(value, ZoneInfo(zone) if zone else UTC)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admins(cls, value: object) -> object:
        entries = _split(value)
        if not isinstance(entries, list | tuple):
            return entries
        return [parse_admin_id(entry) for entry in entries]

    @field_validator("channel_signature", mode="before")
    @classmethod
    def _signature(cls, value: object) -> object:
        return parse_signature(value)

    @field_validator("link_previews", mode="before")
    @classmethod
    def _previews(cls, value: object) -> object:
        return parse_switch(value)
    @field_validator("digest_approval", mode="before")
    @classmethod
    def _approval(cls, value: object, info: ValidationInfo) -> object:
        on = parse_switch(value)
        # When ADMIN_IDS is wrong its own error says so; when it is empty, nobody could approve.
        if on and "admin_ids" in info.data and not info.data["admin_ids"]:
            raise ValueError("on needs ADMIN_IDS: the admins who approve the articles")
        return on

    @field_validator("telegram_bot_token", "telegram_proxy_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Asia/Tehran)"
            ) from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r} (DEBUG, INFO, WARNING or ERROR)")
        return level

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)

    @property
    def token(self) -> str | None:
        """The bot token, or ``None`` when none is configured."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


#: A bot token as @BotFather gives it: the bot's id, a colon, then the secret.
TOKEN_SHAPE = re.compile(r"[0-9]+:[A-Za-z0-9_-]+")


def parse_admin_id(entry: object) -> int:
    """One entry of ADMIN_IDS as a Telegram user id; ``ValueError`` quoting a bad one.

    >>> parse_admin_id(" 12345 ")
    12345
    >>> parse_admin_id("@editor")
    Traceback (most recent call last):
    ...
    ValueError: '@editor' is not a Telegram user id (a positive whole number, e.g. 12345678)
    """
    if isinstance(entry, int) and not isinstance(entry, bool):
        number = entry
    else:
        text = str(entry).strip()
        if not (text.isascii() and text.isdigit()):
            raise ValueError(
                f"{str(entry)[:40]!r} is not a Telegram user id (a positive whole number, "
                "e.g. 12345678)"
            )
        number = int(text)
    if number <= 0:
        raise ValueError(f"{entry!r} is not a Telegram user id (a positive whole number, "
                         "e.g. 12345678)")  # fmt: skip
    return number


def parse_switch(value: object) -> bool:
    """An ``on``/``off`` setting as a bool; blank is ``off``; ``ValueError`` for anything else.

    >>> parse_switch(" ON "), parse_switch("off"), parse_switch("")
    (True, False, False)
    >>> parse_switch("yes")
    Traceback (most recent call last):
    ...
    ValueError: 'yes' is neither on nor off
    """
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("on", "off", ""):
        return text == "on"
    raise ValueError(f"{str(value)[:40]!r} is neither on nor off")


#: The most characters of CHANNEL_SIGNATURE: it takes room from every post.
SIGNATURE_CHARS = 100


def parse_signature(value: object) -> str | None:
    """CHANNEL_SIGNATURE as the line to append; ``None`` when unset (empty).

    ``ValueError`` for a value with nothing to show (spaces, invisible marks), more than
    one line, or over :data:`SIGNATURE_CHARS` characters.

    >>> parse_signature(" @my_channel "), parse_signature("")
    ('@my_channel', None)
    >>> parse_signature("  ")
    Traceback (most recent call last):
    ...
    ValueError: is blank: give the line to add to every post, such as @my_channel, or leave it unset
    """
    if value is None or value == "":
        return None
    text = str(value).strip()
    if all(char.isspace() or not char.isprintable() or char in _INVISIBLE for char in text):
        raise ValueError(
            "is blank: give the line to add to every post, such as @my_channel, or leave it unset"
        )
    if "\n" in text or "\r" in text:
        raise ValueError("must be one line (it is added as the last line of every post)")
    if len(text) > SIGNATURE_CHARS:
        raise ValueError(
            f"is {len(text)} characters long; at most {SIGNATURE_CHARS} (it is added to "
            "every post)"
        )
    return text


#: Characters that show nothing: joiners, direction marks, the byte order mark.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")


def token_problem(token: str) -> str | None:
    """What is wrong with the shape of a bot token, or ``None``; never quotes the token.

    >>> token_problem("123456:sandbox-token-not-a-real-one") is None
    True
    >>> token_problem("bot123456:ABC")
    "TELEGRAM_BOT_TOKEN starts with 'bot': give the token alone, without the 'bot' of the URL"
    """
    if TOKEN_SHAPE.fullmatch(token):
        return None
    if token != token.strip() or token.startswith(("'", '"')) or token.endswith(("'", '"')):
        return "TELEGRAM_BOT_TOKEN has spaces or quotes around it: give the token alone"
    if token.startswith("bot") and TOKEN_SHAPE.fullmatch(token[3:]):
        return (
            "TELEGRAM_BOT_TOKEN starts with 'bot': give the token alone, "
            "without the 'bot' of the URL"
        )
    return (
        "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, "
        "digits, _ and -, as @BotFather gives it: /mybots → API Token)"
    )


def _config_error(error: ValidationError) -> ConfigError:
    """One line naming each variable that is wrong, and why."""
    problems = []
    for item in error.errors():
        name = str(item["loc"][0]).upper() if item["loc"] else "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{name}: {message}")
    return ConfigError("; ".join(problems))


def load_settings(env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read the settings; a bad value raises :class:`ConfigError` naming the variable."""
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    except ValidationError as error:
        raise _config_error(error) from None


def replace_settings(settings: Settings, **changes: Any) -> Settings:
    """``settings`` with ``changes``, each parsed as if it came from the environment.

    Unlike ``model_copy``, DIGEST_CHATS and DIGEST_SCHEDULE given as text become
    targets and ticks; the environment is not read again.
    """
    values = {name: getattr(settings, name) for name in type(settings).model_fields}
    try:
        return Settings.model_validate({**values, **changes})
    except ValidationError as error:
        raise _config_error(error) from None
