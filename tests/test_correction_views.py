"""The replies and buttons of corrections and retractions (pure)."""

from __future__ import annotations

import pytest

from bot.storage.corrections import Correction
from bot.tg.callbacks import decode_action
from bot.tg.correction_views import (
    CORRECTION_ACTIONS,
    RETRACT_ACTIONS,
    correction_keyboard,
    retract_confirmation,
    retract_result,
    retract_usage,
    uncertain_correction_reply,
)


@pytest.mark.parametrize(
    ("data", "prefix", "actions", "expected"),
    [
        ("k:again:12", "k", CORRECTION_ACTIONS, ("again", 12)),
        ("k:done:1", "k", CORRECTION_ACTIONS, ("done", 1)),
        ("r:yes:3", "r", RETRACT_ACTIONS, ("yes", 3)),
        ("r:no:3", "r", RETRACT_ACTIONS, ("no", 3)),
        ("", "k", CORRECTION_ACTIONS, None),
        (None, "k", CORRECTION_ACTIONS, None),
        ("k:again:", "k", CORRECTION_ACTIONS, None),
        ("k:again:-1", "k", CORRECTION_ACTIONS, None),
        ("k:again:۱۲", "k", CORRECTION_ACTIONS, None),
        ("k:again:12:x", "k", CORRECTION_ACTIONS, None),
        ("r:yes:3", "k", CORRECTION_ACTIONS, None),
        ("k:yes:3", "k", CORRECTION_ACTIONS, None),
        ("p:again:3", "k", CORRECTION_ACTIONS, None),
        ("k:again:" + "9" * 19, "k", CORRECTION_ACTIONS, None),
        ("k:again:1" + " " * 64, "k", CORRECTION_ACTIONS, None),
    ],
)
def test_decode(
    data: str | None, prefix: str, actions: tuple[str, ...], expected: tuple[str, int] | None
) -> None:
    assert decode_action(data, prefix, actions) == expected


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("12", 12), ("#12", 12), (" # 7 ", 7), ("۱۲", 12), ("١٢", 12), ("", None),
        ("   ", None), ("x", None), ("12 13", None), ("-3", None), ("1" * 10, None),
        ("<b>1</b>", None), ("²", None),
    ],
)  # fmt: skip
def test_retract_usage(argument: str, expected: int | None) -> None:
    assert retract_usage(argument) == expected


def test_the_confirmation_has_both_buttons_and_escapes_the_title() -> None:
    reply = retract_confirmation(4, "<script>&", 3, 2, "en")
    assert "&lt;script&gt;&amp;" in reply.messages[0] and "3 messages sent" in reply.messages[0]
    assert reply.keyboard is not None
    [[yes, no]] = reply.keyboard.inline_keyboard
    assert (yes.callback_data, no.callback_data) == ("r:yes:4", "r:no:4")
    fa = retract_confirmation(4, "خبر", 0, 0)
    assert fa.keyboard.inline_keyboard[0][0].text == "بله، پس گرفته شود"


def correction(id_: int, state: str, result: str | None, action: str = "remove") -> Correction:
    return Correction(id_, 1, 9, "@a", 0, action, 55, "text", "", "", state, 1, "timed out",
                      result)  # fmt: skip


@pytest.mark.parametrize(
    ("corrections", "cancelled", "line"),
    [
        ([], 0, "Article #9 withdrawn: 0 messages deleted, 0 marked withdrawn, 0 posts "
                "cancelled."),
        ([correction(1, "done", "deleted"), correction(2, "done", "withdrawn"),
          correction(3, "done", "gone"), correction(4, "uncertain", None)], 2,
         "Article #9 withdrawn: 2 messages deleted, 1 marked withdrawn, 2 posts cancelled; "
         "1 not done yet."),
    ],
)  # fmt: skip
def test_retract_result(corrections: list[Correction], cancelled: int, line: str) -> None:
    assert retract_result(9, corrections, cancelled, "en").messages == (line,)


def test_an_uncertain_correction_names_what_and_where() -> None:
    reply = uncertain_correction_reply(correction(5, "uncertain", None, "edit"), "<t>")
    text = reply.messages[0]
    assert "اصلاح #5" in text and "ویرایش" in text and "@a" in text and "&lt;t&gt;" in text
    assert reply.keyboard == correction_keyboard(5)
    english = uncertain_correction_reply(correction(5, "uncertain", None, "send"), "", "en")
    assert "sending the rest" in english.messages[0] and "#9" in english.messages[0]
