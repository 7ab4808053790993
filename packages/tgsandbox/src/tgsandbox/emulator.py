"""``BotApiEmulator``: a loopback Bot API server that behaves like Telegram's.

>>> emulator = BotApiEmulator()
>>> emulator.username
'newsbot_sandbox_bot'

Use it as an async context manager; point python-telegram-bot at ``emulator.base_url``::

    async with BotApiEmulator() as emulator:
        user = emulator.add_user(first_name="مریم")
        bot = telegram.Bot(emulator.token, base_url=emulator.base_url)
"""

from __future__ import annotations

import time
from types import TracebackType

from aiohttp import web

from tgsandbox.control import ControlMixin
from tgsandbox.control_http import ControlApi
from tgsandbox.core import SandboxCore
from tgsandbox.limits import RateLimiter, RateLimits
from tgsandbox.server import ApiServer, check_token
from tgsandbox.state import User, World
from tgsandbox.updates import LongPoller, UpdateQueue

__all__ = ["DEFAULT_TOKEN", "DEFAULT_USERNAME", "BotApiEmulator"]

DEFAULT_TOKEN = "123456:sandbox-token-not-a-real-one"
DEFAULT_USERNAME = "newsbot_sandbox_bot"


class BotApiEmulator(ControlMixin):
    """A Bot API server on 127.0.0.1 with an emulated world of users and chats.

    ``strict_polling`` keeps the real server's guard that makes a repeated ``getUpdates``
    offset wait at least 3 s; ``privacy_mode`` makes group messages reach the bot only when
    they are commands for it, replies to it or mentions of it.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        username: str = DEFAULT_USERNAME,
        first_name: str = "Newsbot Sandbox",
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limits: RateLimits | None = None,
        strict_polling: bool = True,
        privacy_mode: bool = True,
        callback_query_ttl: float = 15.0,
        first_update_id: int | None = None,
    ) -> None:
        if check_token(token, token) is not None:
            raise ValueError(f"{token!r} is not shaped like a bot token (<digits>:<24+ chars>)")
        bot = User(int(token.split(":", 1)[0]), first_name, username=username, is_bot=True)
        queue = UpdateQueue(first_update_id)
        self.core = SandboxCore(
            world=World(bot),
            queue=queue,
            poller=LongPoller(queue, strict=strict_polling),
            limiter=RateLimiter(rate_limits, time.monotonic),
            callback_query_ttl=callback_query_ttl,
            privacy_mode=privacy_mode,
        )
        self._token = token
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self._server = ApiServer(self.core, token, ControlApi(self))

    @property
    def token(self) -> str:
        """The bot token the emulator accepts."""
        return self._token

    @property
    def username(self) -> str:
        """The bot's username, as ``getMe`` returns it."""
        return self.core.world.bot.username or ""

    @property
    def bot_id(self) -> int:
        """The bot's user id (the digits before the colon of the token)."""
        return self.core.world.bot.id

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``; only valid once started."""
        if self._runner is None:
            raise RuntimeError("the emulator is not running; call start() first")
        return f"http://{self._host}:{self._port}"

    @property
    def base_url(self) -> str:
        """The Bot API base URL in python-telegram-bot's form (``.../bot``)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """The file download base URL in python-telegram-bot's form (``.../file/bot``)."""
        return f"{self.url}/file/bot"

    async def start(self) -> None:
        """Listen on the host and port (port 0 picks a free one)."""
        if self._runner is not None:
            return
        runner = web.AppRunner(self._server.application(), shutdown_timeout=1.0, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        await site.start()
        self._runner = runner
        address = runner.addresses[0]
        self._port = int(address[1])

    async def stop(self) -> None:
        """End waiting long polls and stop listening."""
        if self._runner is None:
            return
        self.core.poller.close()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
