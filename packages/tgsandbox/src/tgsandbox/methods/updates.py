"""Receiving updates: getUpdates, setWebhook, deleteWebhook and getWebhookInfo.

Webhooks are checked and recorded as the real server does (HTTPS, ports 80/88/443/8443, no
reserved IP addresses, secret tokens of ``A-Za-z0-9_-``); updates are not pushed to them, and
``getUpdates`` answers 409 while one is set.
"""

from __future__ import annotations

import ipaddress
import json
import re
import time
from urllib.parse import urlsplit

from tgsandbox.core import SandboxCore
from tgsandbox.errors import ApiError, retry_after_error
from tgsandbox.request import Call
from tgsandbox.updates import ALL_UPDATE_TYPES, DEFAULT_ALLOWED

__all__ = ["UPDATE_METHODS", "Answer", "allowed_update_types"]

WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)


class Answer:
    """A successful result with the ``description`` the server adds to some answers."""

    def __init__(self, result: object, description: str) -> None:
        self.result = result
        self.description = description


def allowed_update_types(raw: str) -> frozenset[str] | None:
    """``get_allowed_update_types``: ``None`` keeps the current set; unknown-only means default."""
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list) or any(not isinstance(item, str) for item in value):
        return None
    names = {item.lower() for item in value} & set(ALL_UPDATE_TYPES)
    return frozenset(names) or DEFAULT_ALLOWED


def _update_allowed(core: SandboxCore, call: Call) -> bool:
    allowed = allowed_update_types(call.arg("allowed_updates"))
    if allowed is None or allowed == core.queue.allowed:
        return False
    core.queue.allowed = allowed
    return True


async def get_updates(core: SandboxCore, call: Call) -> object:
    """``getUpdates``: confirm by offset, clamp limit and timeout, long-poll one at a time."""
    if core.webhook.url:
        raise await core.poller.fail_conflict(WEBHOOK_ACTIVE)
    offset = call.integer("offset", 0)
    limit = call.integer("limit", 100, 1, 100)
    timeout = call.integer("timeout", 0, 0, 50)
    _update_allowed(core, call)
    limit, timeout = core.poller.throttle(offset, limit, timeout)
    updates = await core.poller.get_updates(offset, limit, timeout)
    return [update.to_json() for update in updates]


def _verify_webhook(url: str) -> None:
    """What the server checks when it first connects to the webhook."""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ApiError(400, "Bad Request: invalid webhook URL specified")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise ApiError(400, "Bad Request: invalid webhook URL specified") from None
    if parts.scheme.lower() != "https":
        raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
    if port not in (80, 88, 443, 8443):
        raise ApiError(
            400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
        )
    host = parts.hostname
    address = "127.0.0.1" if host == "localhost" else host
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return
    if ip.version == 6:
        raise ApiError(400, "Bad Request: bad webhook: IPv6-only addresses are not allowed")
    if not ip.is_global:
        raise ApiError(400, f"Bad Request: bad webhook: IP address {ip} is reserved")


async def set_webhook(core: SandboxCore, call: Call) -> object:
    """``setWebhook`` and ``deleteWebhook``."""
    webhook = core.webhook
    url = call.arg("url") if call.method == "setwebhook" else ""
    now = time.monotonic()
    if url:
        if now < webhook.next_allowed_set:
            raise retry_after_error(1)
        webhook.next_allowed_set = now + 1
    secret = call.arg("secret_token") if url else ""
    max_connections = call.integer("max_connections", 40, 1, 100) if url else 40
    drop = call.flag("drop_pending_updates")
    unchanged = (
        url == webhook.url
        and secret == webhook.secret_token
        and (not url or max_connections == webhook.max_connections)
    )
    if unchanged and not drop:
        _update_allowed(core, call)
        return Answer(True, "Webhook is already set" if url else "Webhook is already deleted")
    if url:
        core.poller.abort("Conflict: terminated by setWebhook request")
    was_set = bool(webhook.url)
    webhook.url, webhook.secret_token = "", ""
    if drop:
        core.queue.clear()
    if not url:
        return Answer(True, "Webhook was deleted" if was_set else "Webhook is already deleted")
    if len(secret) > 256:
        raise ApiError(400, "Bad Request: secret token is too long")
    if not re.fullmatch(r"[A-Za-z0-9_-]*", secret):
        raise ApiError(400, "Bad Request: secret token contains unallowed characters")
    _verify_webhook(url)
    webhook.url, webhook.secret_token = url, secret
    webhook.max_connections = max_connections
    webhook.ip_address = call.arg("ip_address")
    _update_allowed(core, call)
    return Answer(True, "Webhook was set")


async def get_webhook_info(core: SandboxCore, call: Call) -> object:
    """``getWebhookInfo``."""
    webhook = core.webhook
    result: dict[str, object] = {
        "url": webhook.url,
        "has_custom_certificate": False,
        "pending_update_count": core.queue.pending_count(),
    }
    if webhook.url:
        result["max_connections"] = webhook.max_connections
        if webhook.ip_address:
            result["ip_address"] = webhook.ip_address
    if core.queue.allowed != DEFAULT_ALLOWED:
        result["allowed_updates"] = [
            name for name in ALL_UPDATE_TYPES if name in core.queue.allowed
        ]
    return result


UPDATE_METHODS = {
    "getupdates": get_updates,
    "setwebhook": set_webhook,
    "deletewebhook": set_webhook,
    "getwebhookinfo": get_webhook_info,
}
