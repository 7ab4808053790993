"""Calls to the emulator over plain HTTP, and reading its error envelopes."""

from __future__ import annotations

import json

import httpx


async def call(client: httpx.AsyncClient, method: str, **params: object) -> httpx.Response:
    """POST ``method`` form-encoded, as python-telegram-bot does (non-strings as JSON)."""
    data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    return await client.post(method, data=data)


def error_of(response: httpx.Response) -> tuple[int, str]:
    """The status and description of an error answer, checking its envelope."""
    body = response.json()
    assert body["ok"] is False and body["error_code"] == response.status_code
    return response.status_code, body["description"]
