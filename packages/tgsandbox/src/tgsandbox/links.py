"""URL checks applied to ``text_link`` targets, modelled on TDLib's ``LinkManager::check_link``.

An invalid link does not fail the message: TDLib silently drops the entity. Valid links are
normalised (lower-case scheme, ``http://`` added, ``/`` added before an empty path).

>>> check_link("httP://google.com?1#tes")
'http://google.com/?1#tes'
>>> check_link("sftp://google.com")
''
>>> link_user_id("tg://user?id=42")
42
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

__all__ = ["check_link", "link_user_id"]

_TG_SCHEMES = ("tonsite", "ton", "tg")
_TG_HOST = re.compile(r"[A-Za-z0-9_-]+")
_TONSITE_HOST = re.compile(r"[A-Za-z0-9_.-]+")
_HOST_CHARS = re.compile(r"[\w.-]+")


def _split_tail(rest: str) -> tuple[str, str]:
    for index, char in enumerate(rest):
        if char in "?#":
            return rest[:index], rest[index:]
    return rest, ""


def _check_tg_link(scheme: str, rest: str) -> str:
    rest = rest.removeprefix("//")
    host, tail = _split_tail(rest)
    host = host.removesuffix("/")
    pattern = _TONSITE_HOST if scheme == "tonsite" else _TG_HOST
    if not pattern.fullmatch(host):
        return ""
    return f"{scheme}://{host}{tail or '/'}"


def _check_host(host: str) -> bool:
    if host.startswith("[") and host.endswith("]"):
        return re.fullmatch(r"\[[0-9A-Fa-f:.]+\]", host) is not None
    trimmed = host.removesuffix(".")
    return bool(trimmed) and "." in trimmed and _HOST_CHARS.fullmatch(host) is not None


def _check_http_link(scheme: str, rest: str) -> str:
    cut = len(rest)
    for index, char in enumerate(rest):
        if char in "/?#":
            cut = index
            break
    authority, tail = rest[:cut], rest[cut:]
    userinfo = ""
    if "@" in authority:
        userinfo, authority = authority.rsplit("@", 1)
        userinfo += "@"
    host, port_text = authority, ""
    match = re.fullmatch(r"(\[[^\]]*\]|[^:]*)(?::(.*))?", authority)
    if match is None:
        return ""
    host, port_text = match.group(1), match.group(2)
    port = ""
    if port_text is not None:
        if not port_text.isascii() or not port_text.isdigit():
            return ""
        number = int(port_text)
        if not 0 < number < 65536:
            return ""
        port = f":{number}"
    if not _check_host(host):
        return ""
    if not tail.startswith("/"):
        tail = "/" + tail
    return f"{scheme}://{userinfo}{host}{port}{tail}"


def check_link(url: str) -> str:
    """Return the normalised link, or ``""`` when Telegram would refuse it."""
    url = url.strip()
    if not url or any(char.isspace() for char in url):
        return ""
    lower = url.lower()
    for scheme in _TG_SCHEMES:
        if lower.startswith(scheme + ":"):
            return _check_tg_link(scheme, url[len(scheme) + 1 :])
    for scheme in ("https", "http"):
        if lower.startswith(scheme + "://"):
            return _check_http_link(scheme, url[len(scheme) + 3 :])
    if "://" in url:
        return ""
    return _check_http_link("http", url)


def link_user_id(url: str) -> int:
    """The user id of a ``tg://user?id=N`` link, or 0."""
    lower = url.lower()
    if not lower.startswith("tg:"):
        return 0
    rest = url[3:].removeprefix("//")
    if not rest.lower().startswith("user"):
        return 0
    rest = rest[4:].removeprefix("/")
    if not rest.startswith("?"):
        return 0
    values = parse_qs(rest[1:]).get("id", [])
    if not values or not values[0].isascii() or not values[0].isdigit():
        return 0
    user_id = int(values[0])
    return user_id if 0 < user_id < 2**53 and str(user_id) == values[0] else 0
