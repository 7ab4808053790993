"""Services the handlers share: built once in post_init, kept in bot_data."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import ContextTypes

from bot.config import Settings
from bot.store import Store

KEY = "services"


@dataclass(slots=True)
class Services:
    """The settings and the open store."""

    settings: Settings
    store: Store


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The application's services (set up in post_init)."""
    service: Services = context.bot_data[KEY]
    return service
