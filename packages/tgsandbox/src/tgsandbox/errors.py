"""Bot API errors, worded as the server words them.

:func:`td_error` reproduces ``Client::fail_query_with_error`` of tdlib/telegram-bot-api: codes
below 400 and 404 become 400, a few server codes get readable messages, and the description
gets its ``Bad Request: `` / ``Forbidden: `` prefix with the first letter lower-cased unless
the message is an upper-case server code such as ``BUTTON_DATA_INVALID``.

>>> td_error(400, "Message text is empty").description
'Bad Request: message text is empty'
>>> td_error(400, "USER_IS_BLOCKED").code, td_error(400, "USER_IS_BLOCKED").description
(403, 'Forbidden: bot was blocked by the user')
>>> td_error(400, "BUTTON_DATA_INVALID").description
'Bad Request: BUTTON_DATA_INVALID'
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ApiError", "conflict", "retry_after_error", "td_error"]

_MESSAGE_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)

_RENAMED_400: dict[str, tuple[int, str]] = {
    "MESSAGE_NOT_MODIFIED": (400, _MESSAGE_NOT_MODIFIED),
    "WC_CONVERT_URL_INVALID": (400, "Wrong HTTP URL specified"),
    "EXTERNAL_URL_INVALID": (400, "Wrong HTTP URL specified"),
    "WEBPAGE_CURL_FAILED": (400, "Failed to get HTTP URL content"),
    "WEBPAGE_MEDIA_EMPTY": (400, "Wrong type of the web page content"),
    "MEDIA_GROUPED_INVALID": (400, "Can't use the media of the specified type in the album"),
    "REPLY_MARKUP_TOO_LONG": (400, "reply markup is too long"),
    "INPUT_USER_DEACTIVATED": (403, "Forbidden: user is deactivated"),
    "USER_IS_BLOCKED": (403, "bot was blocked by the user"),
    "USER_ADMIN_INVALID": (400, "user is an administrator of the chat"),
    "File generation failed": (400, "can't upload file by URL"),
    "CHAT_ABOUT_NOT_MODIFIED": (400, "chat description is not modified"),
    "QUERY_ID_INVALID": (
        400,
        "query is too old and response timeout expired or query ID is invalid",
    ),
    "MESSAGE_DELETE_FORBIDDEN": (400, "message can't be deleted"),
}

_PREFIXES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    500: "Internal Server Error",
}


@dataclass
class ApiError(Exception):
    """An error answer: HTTP status ``code``, ``description`` and optional ``parameters``."""

    code: int
    description: str
    parameters: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(f"{self.code} {self.description}")

    @property
    def retry_after(self) -> int | None:
        """Seconds for the ``Retry-After`` header, for 429 answers."""
        return self.parameters.get("retry_after")

    def body(self) -> dict[str, object]:
        """The JSON body: ``parameters`` only when there are any."""
        result: dict[str, object] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            result["parameters"] = dict(self.parameters)
        return result


def retry_after_error(seconds: int) -> ApiError:
    """``Query::set_retry_after_error``: 429 with ``retry_after`` in the parameters."""
    return ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})


def conflict(message: str) -> ApiError:
    """A 409 Conflict answer with the message as written."""
    return ApiError(409, message)


def _is_server_code(message: str) -> bool:
    return all(char == "_" or "A" <= char <= "Z" or char.isdigit() for char in message)


def td_error(code: int, message: str, default_message: str = "") -> ApiError:
    """Turn a TDLib-level error into the Bot API answer, as ``fail_query_with_error`` does."""
    if code == 429:
        prefix = "Too Many Requests: retry after "
        tail = message[len(prefix) :]
        if message.startswith(prefix) and tail.isdigit() and int(tail) > 0:
            return retry_after_error(int(tail))
        return ApiError(500, message)
    if code < 400 or code == 404 or (code == 403 and _is_server_code(message)):
        code = 400
    if code == 400:
        if default_message:
            message = default_message
        if message in _RENAMED_400:
            code, message = _RENAMED_400[message]
    label = _PREFIXES.get(code)
    if label is None:
        return ApiError(400, f"Bad Request: {message}")
    if message.startswith(label):
        return ApiError(code, message)
    if len(message) >= 2 and (message[1] == "_" or "A" <= message[1] <= "Z"):
        return ApiError(code, f"{label}: {message}")
    return ApiError(code, f"{label}: {message[:1].lower()}{message[1:]}")
