"""The bot token never reaches a log line: its text, URL-encoded, in arguments or tracebacks."""

from __future__ import annotations

import io
import logging
from urllib.parse import quote

import pytest

from bot.cli import REDACTED, RedactToken, redact, secret_forms

TOKEN = "123456789:AAE-secret_part-of-the-token-xyz"


def _format(record_args: tuple[object, ...], msg: str, token: str | None,
            exc: BaseException | None = None) -> str:  # fmt: skip
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactToken(token))
    logger = logging.getLogger("test.redaction")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    if exc is None:
        logger.debug(msg, *record_args)
    else:
        try:
            raise exc
        except BaseException:
            logger.exception(msg, *record_args)
    return stream.getvalue()


@pytest.mark.parametrize(
    ("msg", "args"),
    [
        ("Set Bot API URL: http://127.0.0.1:8081/bot" + TOKEN, ()),
        ("Set Bot API URL: %s", ("http://127.0.0.1/bot" + TOKEN,)),
        ("getMe %s/%s", ("x", quote(TOKEN, safe=""))),
        ("secret alone: %s", (TOKEN.partition(":")[2],)),
        ("%(url)s", ({"url": "https://api.telegram.org/bot" + TOKEN + "/getMe"},)),
        ("%d tokens: %s %s", (2, TOKEN, TOKEN)),
    ],
)
def test_the_token_is_redacted_in_message_and_args(msg: str, args: tuple[object, ...]) -> None:
    line = _format(args, msg, TOKEN)
    assert TOKEN not in line and quote(TOKEN, safe="") not in line
    assert TOKEN.partition(":")[2] not in line
    assert REDACTED in line


def test_the_token_is_redacted_in_exception_text() -> None:
    text = _format((), "request failed", TOKEN, ValueError(f"bad URL /bot{TOKEN}/getMe"))
    assert "Traceback" in text and "ValueError" in text
    assert TOKEN not in text and REDACTED in text


@pytest.mark.parametrize("token", [None, ""])
def test_no_token_changes_nothing(token: str | None) -> None:
    assert _format(("a",), "plain %s line", token) == "DEBUG plain a line\n"


def test_a_record_with_bad_arguments_still_logs_redacted() -> None:
    line = _format((TOKEN,), "no placeholder", TOKEN)
    assert TOKEN not in line and "no placeholder" in line


@pytest.mark.parametrize(
    ("token", "forms"),
    [
        ("", ()),
        ("123:short", ("123%3Ashort", "123:short")),
        ("123:abcdefghij", ("123%3Aabcdefghij", "123:abcdefghij", "abcdefghij")),
        ("no colon at all", ("no%20colon%20at%20all", "no colon at all")),
    ],
)
def test_secret_forms(token: str, forms: tuple[str, ...]) -> None:
    assert secret_forms(token) == forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("nothing here", "nothing here"),
        ("a 123:abcdefghij b", f"a {REDACTED} b"),
        ("123%3Aabcdefghij", REDACTED),
        ("<b>abcdefghij</b>", f"<b>{REDACTED}</b>"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text, secret_forms("123:abcdefghij")) == expected
