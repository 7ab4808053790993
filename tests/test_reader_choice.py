"""The reader's current article: the newest, unless they chose another in the last half hour."""

from __future__ import annotations

from typing import Any

import pytest

from bot.tg.replies import CHOICE_SECONDS, CHOSEN_AT, SELECTED, choose, chosen_article

T = 1_000_000.0


@pytest.mark.parametrize(
    ("data", "now", "expected"),
    [
        (None, T, None),
        ({}, T, None),
        ({SELECTED: 3}, T, None),  # a choice without its time (an older bot's) is not kept
        ({SELECTED: 3, CHOSEN_AT: T}, T, 3),
        ({SELECTED: 3, CHOSEN_AT: T}, T + CHOICE_SECONDS - 1, 3),
        ({SELECTED: 3, CHOSEN_AT: T}, T + CHOICE_SECONDS, None),
        ({SELECTED: 3, CHOSEN_AT: T}, T + 10 * CHOICE_SECONDS, None),
        ({SELECTED: 3, CHOSEN_AT: T + 5}, T, None),  # chosen "in the future": a clock jump
        ({SELECTED: "3", CHOSEN_AT: T}, T, None),
        ({SELECTED: 3, CHOSEN_AT: "x"}, T, None),
    ],
)
def test_chosen_article(data: dict[str, Any] | None, now: float, expected: int | None) -> None:
    assert chosen_article(data, now) == expected


def test_the_hold_is_injectable() -> None:
    data = {SELECTED: 3, CHOSEN_AT: T}
    assert chosen_article(data, T + 61, hold=60) is None
    assert chosen_article(data, T + 59, hold=60) == 3


@pytest.mark.parametrize(
    ("before", "article", "newest", "after"),
    [
        ({}, 3, 5, {SELECTED: 3, CHOSEN_AT: T}),
        ({SELECTED: 2, CHOSEN_AT: T - 9}, 3, 5, {SELECTED: 3, CHOSEN_AT: T}),
        # Choosing the newest article forgets the choice: the next one to arrive is current.
        ({SELECTED: 2, CHOSEN_AT: T - 9}, 5, 5, {}),
        ({}, 5, 5, {}),
        ({}, 5, None, {SELECTED: 5, CHOSEN_AT: T}),
    ],
)
def test_choose(
    before: dict[str, Any], article: int, newest: int | None, after: dict[str, Any]
) -> None:
    data = dict(before)
    choose(data, article, newest, T)
    assert data == after


def test_choose_without_user_data_does_nothing() -> None:
    choose(None, 3, 5, T)


def test_a_choice_lasts_half_an_hour() -> None:
    data: dict[str, Any] = {}
    choose(data, 3, 5, T)
    assert chosen_article(data, T + 29 * 60) == 3
    assert chosen_article(data, T + 30 * 60) is None
