"""The aiohttp application: ``/bot<token>/<method>``, ``/file/bot<token>/<path>`` and ``/control/``.

Routing and token checks follow ``HttpConnection::handle`` and ``ClientManager::send`` of
tdlib/telegram-bot-api; every answer is ``{"ok": ...}`` JSON with the HTTP status equal to
``error_code`` and a ``Retry-After`` header on 429.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from tgsandbox.core import SandboxCore
from tgsandbox.errors import ApiError
from tgsandbox.methods.bot import BOT_METHODS
from tgsandbox.methods.media import MEDIA_METHODS
from tgsandbox.methods.messages import MESSAGE_METHODS
from tgsandbox.methods.updates import UPDATE_METHODS, Answer
from tgsandbox.records import RequestRecord
from tgsandbox.request import BodyError, Call, read_call

__all__ = ["METHODS", "ApiServer", "check_token"]

_RECEIVED = web.RequestKey("received", float)

Handler = Callable[[SandboxCore, Call], Awaitable[object]]
ControlHandler = Callable[[str, dict[str, object]], Awaitable[object]]

METHODS: dict[str, Handler] = {**BOT_METHODS, **MESSAGE_METHODS, **MEDIA_METHODS, **UPDATE_METHODS}
_LOGGER = logging.getLogger(__name__)
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def _json_response(
    body: dict[str, object], status: int, retry_after: int | None = None
) -> web.Response:
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return web.Response(
        text=json.dumps(body, ensure_ascii=False),
        status=status,
        content_type="application/json",
        headers=headers,
    )


def _error_response(error: ApiError) -> web.Response:
    return _json_response(error.body(), error.code, error.retry_after)


def check_token(token: str, expected: str) -> ApiError | None:
    """``ClientManager::send`` and the client's start: shape first, then the bot itself."""
    if not token or token[0] == "0" or len(token) > 80 or ":" not in token:
        return ApiError(401, "Unauthorized: invalid token specified")
    user_part, secret = token.split(":", 1)
    digits = user_part.removeprefix("-")
    if not digits.isascii() or not digits.isdigit() or str(int(user_part)) != user_part:
        return ApiError(421, "Misdirected Request: unallowed token specified")
    if not 0 < int(user_part) < 2**54:
        return ApiError(401, "Unauthorized: invalid token specified")
    if not _BASE64URL.fullmatch(secret) or len(secret) % 4 == 1 or len(secret) < 24:
        return ApiError(401, "Unauthorized")
    if token != expected:
        return ApiError(401, "Unauthorized")
    return None


class ApiServer:
    """Builds the web application around a :class:`SandboxCore`."""

    def __init__(self, core: SandboxCore, token: str, control: ControlHandler) -> None:
        self.core = core
        self.token = token
        self.control = control

    def application(self) -> web.Application:
        """The aiohttp application (uploads up to 60 MB)."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/control/{action}", self._control)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._file)
        app.router.add_route("*", "/{tail:.*}", self._api)
        return app

    async def _api(self, request: web.Request) -> web.Response:
        request[_RECEIVED] = time.time()
        path = request.path
        if not path.startswith("/bot"):
            return _error_response(ApiError(404, "Not Found"))
        token, slash, method = path[4:].partition("/")
        if not slash:
            return _error_response(ApiError(404, "Not Found"))
        self.core.requests.arrivals.append((request[_RECEIVED], method.lower()))
        if method == "test" or method.startswith("test/"):
            token += "/test"
            method = method[5:]
        try:
            call = await read_call(request, method)
        except BodyError as error:
            return _error_response(ApiError(400, f"Bad Request: {error}"))
        try:
            result = await self._dispatch(token, call)
        except ApiError as error:
            self._log(request, call, error.code, error.description)
            return _error_response(error)
        except Exception as error:  # a bug in the emulator: answer like the server would
            _LOGGER.exception("sandbox failed on %s", call.method)
            failure = ApiError(500, f"Internal Server Error: {type(error).__name__}: {error}")
            self._log(request, call, failure.code, failure.description)
            return _error_response(failure)
        body: dict[str, object] = {"ok": True}
        if isinstance(result, Answer):
            body["result"] = result.result
            body["description"] = result.description
        else:
            body["result"] = result
        self._log(request, call, 200, "")
        return _json_response(body, 200)

    async def _dispatch(self, token: str, call: Call) -> object:
        error = check_token(token, self.token)
        if error is not None:
            raise error
        handler = METHODS.get(call.method)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        injected = self.core.faults.take(call.method)
        if injected is not None:
            raise injected
        result = await handler(self.core, call)
        held = self.core.delays.take(call.method)
        if held:
            await asyncio.sleep(held)
        return result

    def _log(self, request: web.Request, call: Call, status: int, description: str) -> None:
        params = dict(call.args)
        for name, upload in call.files.items():
            params.setdefault(name, f"<file {upload.file_name} ({len(upload.data)} bytes)>")
        transport = request.transport
        delivered = transport is not None and not transport.is_closing()
        received = request.get(_RECEIVED, time.time())
        record = RequestRecord(
            received, call.method, params, status, description, delivered, time.time()
        )
        self.core.requests.add(record)

    async def _file(self, request: web.Request) -> web.StreamResponse:
        error = check_token(request.match_info["token"], self.token)
        if error is not None:
            return _error_response(error)
        record = self.core.world.files_by_path.get(request.match_info["path"])
        if record is None:
            return _error_response(ApiError(404, "Not Found"))
        return web.Response(body=record.data, content_type="application/octet-stream")

    async def _control(self, request: web.Request) -> web.Response:
        action = request.match_info["action"]
        payload: dict[str, object] = dict(request.query)
        if request.can_read_body:
            try:
                body = json.loads(await request.text() or "{}")
            except ValueError:
                return _json_response({"ok": False, "error": "body must be a JSON object"}, 400)
            if not isinstance(body, dict):
                return _json_response({"ok": False, "error": "body must be a JSON object"}, 400)
            payload.update(body)
        try:
            result = await self.control(action, payload)
        except LookupError as error:
            return _json_response({"ok": False, "error": str(error).strip("'\"")}, 404)
        except (TypeError, ValueError, TimeoutError) as error:
            return _json_response({"ok": False, "error": str(error) or type(error).__name__}, 400)
        return _json_response({"ok": True, "result": result}, 200)
