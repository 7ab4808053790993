"""Reading a Bot API call from an HTTP request: query string, form, JSON or multipart.

Like the real server, parameters from the query string come first and the first occurrence
of a name wins; in a JSON body every non-string value is kept as its JSON text, so
``reply_markup`` arrives the same way whether a client sends JSON or a form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from aiohttp import web

__all__ = ["Call", "UploadedFile", "read_call", "td_to_integer"]


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    file_name: str
    mime_type: str
    data: bytes


@dataclass
class Call:
    """One Bot API call: lower-case method name, string arguments and uploaded files."""

    method: str
    args: dict[str, str] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    def arg(self, name: str) -> str:
        """The argument's value, ``""`` when absent (as ``Query::arg``)."""
        return self.args.get(name, "")

    def has(self, name: str) -> bool:
        """Whether the argument was sent at all."""
        return name in self.args

    def integer(
        self, name: str, default: int = 0, low: int = -(2**31), high: int = 2**31 - 1
    ) -> int:
        """``Client::get_integer_arg``: lenient parse, default when empty, then clamp."""
        raw = self.arg(name)
        value = default if not raw else td_to_integer(raw, bits=32)
        return max(low, min(high, value))

    def flag(self, name: str) -> bool:
        """``Client::to_bool``: ``true``, ``yes`` or ``1``, case-insensitively."""
        return self.arg(name).strip().lower() in ("true", "yes", "1")


def td_to_integer(text: str, bits: int = 64) -> int:
    """TDLib's ``to_integer``: optional minus, leading digits, the rest ignored, wrap-around."""
    negative = text.startswith("-")
    digits = ""
    for char in text[1:] if negative else text:
        if not ("0" <= char <= "9"):
            break
        digits += char
    value = int(digits) if digits else 0
    value = -value if negative else value
    modulus = 1 << bits
    value %= modulus
    return value - modulus if value >= modulus >> 1 else value


def _json_value_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class BodyError(ValueError):
    """The request body could not be read."""


async def read_call(request: web.Request, method: str) -> Call:
    """Collect the arguments and files of a request; ``method`` may come from the arguments."""
    call = Call(method=method.lower())
    for key, value in request.query.items():
        call.args.setdefault(key, value)
    content_type = request.content_type
    if request.can_read_body:
        if content_type == "application/json":
            try:
                body = json.loads(await request.text())
            except ValueError as error:
                raise BodyError("can't parse JSON object") from error
            if isinstance(body, dict):
                for key, value in body.items():
                    text = _json_value_text(value)
                    if text is not None:
                        call.args.setdefault(str(key), text)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, part in form.items():
                if isinstance(part, web.FileField):
                    if key not in call.files:
                        call.files[key] = UploadedFile(
                            key, part.filename, part.content_type, part.file.read()
                        )
                elif isinstance(part, str):
                    call.args.setdefault(key, part)
    if not call.method:
        call.method = call.arg("method").lower()
    return call
