"""Calls to the emulator over plain HTTP, and reading its error envelopes."""

from __future__ import annotations

import json

import httpx


def form(params: dict[str, object]) -> dict[str, str]:
    """Form fields as python-telegram-bot sends them (non-strings as JSON)."""
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}


async def call(client: httpx.AsyncClient, method: str, **params: object) -> httpx.Response:
    """POST ``method`` form-encoded, as python-telegram-bot does."""
    return await client.post(method, data=form(params))


async def upload(
    client: httpx.AsyncClient, data: bytes, name: str = "photo.jpg", **params: object
) -> httpx.Response:
    """``sendPhoto`` with ``data`` as a multipart upload named ``name``."""
    photo = {"photo": (name, data, "image/jpeg")}
    return await client.post("sendPhoto", data=form(params), files=photo)


def error_of(response: httpx.Response) -> tuple[int, str]:
    """The status and description of an error answer, checking its envelope."""
    body = response.json()
    assert body["ok"] is False and body["error_code"] == response.status_code
    return response.status_code, body["description"]
