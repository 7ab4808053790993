"""Table tests for schedules, digest targets and plans."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import ConfigError, load_settings, replace_settings
from bot.digest.plan import plan_items, render_item
from bot.schedule import Target, next_fire_times, parse_chats, parse_schedule

TEHRAN = ZoneInfo("Asia/Tehran")


@pytest.mark.parametrize(
    ("value", "texts"),
    [
        ("every 30s", ["every 30s"]),
        ("every 2h", ["every 2h"]),
        ("every 5 minutes", ["every 5 minutes"]),
        ("0 8,12,16,20 * * *", ["0 8,12,16,20 * * *"]),
        ("every 1s; 30 7 * * 1-5 ;", ["every 1s", "30 7 * * 1-5"]),
    ],
)
def test_parse_schedule(value: str, texts: list[str]) -> None:
    assert [tick.text for tick in parse_schedule(value, TEHRAN)] == texts


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("", "no schedule"),
        ("  ;  ", "no schedule"),
        ("every 0s", "'every 0s'"),
        ("every day", "'every day'"),
        ("61 * * * *", "'61 * * * *'"),
        ("0 8 * *", "'0 8 * *'"),
        ("every 30s; banana", "'banana'"),
        ("<script>", "'<script>'"),
    ],
)
def test_bad_schedule_names_the_entry(value: str, named: str) -> None:
    with pytest.raises(ValueError, match=re.escape(named)):
        parse_schedule(value, TEHRAN)
    with pytest.raises(ConfigError, match=r"^DIGEST_SCHEDULE: ") as error:
        load_settings(env_file=None, digest_schedule=value)
    assert named in str(error.value)
    assert "\n" not in str(error.value)


def test_cron_runs_in_the_configured_zone() -> None:
    [tick] = parse_schedule("0 8 * * *", TEHRAN)
    start = datetime(2026, 11, 29, 0, 0, tzinfo=UTC)
    [fire] = next_fire_times([tick], start, 1)
    assert fire.astimezone(TEHRAN).hour == 8


def test_next_fire_times_merges_entries() -> None:
    ticks = parse_schedule("0 8 * * *; 0 20 * * *", TEHRAN)
    start = datetime(2026, 11, 29, 9, 0, tzinfo=TEHRAN)
    hours = [t.astimezone(TEHRAN).hour for t in next_fire_times(ticks, start, 4)]
    assert hours == [20, 8, 20, 8]


@pytest.mark.parametrize(
    ("entries", "targets"),
    [
        ([], []),
        (["@news_fa"], [Target("@news_fa")]),
        (["-1001234567890"], [Target(-1001234567890)]),
        (["-100123:7"], [Target(-100123, 7)]),
        (["@a_chan", "@a_chan"], [Target("@a_chan")]),
    ],
)
def test_parse_chats(entries: list[str], targets: list[Target]) -> None:
    assert parse_chats(entries) == targets


@pytest.mark.parametrize("entry", ["news", "@ab", "-100:x", "@bad-name", "", "@chan:1:2"])
def test_bad_chat_is_refused(entry: str) -> None:
    with pytest.raises(ValueError, match="is not a chat"):
        parse_chats([entry])
    with pytest.raises(ConfigError, match=r"^DIGEST_CHATS: ") as error:
        load_settings(env_file=None, digest_chats=[entry])
    assert repr(entry) in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("chats", "schedule", "targets", "texts"),
    [
        ("", "", [], None),
        (" @news_fa , -100123:7 ,", "every 30s; 0 8 * * *",
         [Target("@news_fa"), Target(-100123, 7)], ["every 30s", "0 8 * * *"]),
        ("@a_chan,@a_chan", "0 8,12,16,20 * * *", [Target("@a_chan")], ["0 8,12,16,20 * * *"]),
    ],
)  # fmt: skip
def test_settings_parse_the_environment_once(
    monkeypatch: pytest.MonkeyPatch,
    chats: str,
    schedule: str,
    targets: list[Target],
    texts: list[str] | None,
) -> None:
    monkeypatch.setenv("DIGEST_CHATS", chats)
    if schedule:
        monkeypatch.setenv("DIGEST_SCHEDULE", schedule)
    settings = load_settings(env_file=None)
    assert settings.digest_chats == targets
    assert [tick.text for tick in settings.digest_schedule] == (texts or ["0 8,12,16,20 * * *"])


def test_the_schedule_runs_in_the_configured_zone() -> None:
    settings = load_settings(env_file=None, timezone="UTC", digest_schedule="0 8 * * *")
    start = datetime(2026, 11, 29, 0, 0, tzinfo=UTC)
    assert next_fire_times(settings.digest_schedule, start, 1)[0].hour == 8
    tehran = replace_settings(settings, timezone="Asia/Tehran")
    [fire] = next_fire_times(tehran.digest_schedule, start, 1)
    assert fire.astimezone(TEHRAN).hour == 8 and fire.astimezone(UTC).hour == 4


def test_replace_settings_parses_the_changes() -> None:
    settings = load_settings(env_file=None, digest_chats="@one_chan")
    changed = replace_settings(settings, digest_chats=["@two_chan", "-100:3"],
                               digest_schedule="every 2s")  # fmt: skip
    assert changed.digest_chats == [Target("@two_chan"), Target(-100, 3)]
    assert [tick.text for tick in changed.digest_schedule] == ["every 2s"]
    assert settings.digest_chats == [Target("@one_chan")]
    with pytest.raises(ConfigError, match=r"^DIGEST_CHATS: 'x' is not a chat"):
        replace_settings(settings, digest_chats=["x"])


def test_a_wrong_zone_and_schedule_are_both_named() -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None, timezone="Mars/Olympus", digest_schedule="banana")
    assert str(error.value).startswith("TIMEZONE: unknown time zone 'Mars/Olympus'")
    assert "; DIGEST_SCHEDULE: 'banana' is neither" in str(error.value)


def test_target_keys() -> None:
    assert [t.key for t in parse_chats(["@n_ews", "-1", "-100:3"])] == ["@n_ews", "-1", "-100:3"]


@pytest.mark.parametrize(
    ("sections", "quotes", "items"),
    [
        ([], False, ["summary"]),
        ([], True, ["summary", "quotes"]),
        ([("why_it_matters", True)], True, ["summary", "quotes"]),
        ([("what_theyre_saying", True)], True, ["summary", "what_theyre_saying"]),
        ([("latest", False), ("background", True)], False, ["summary", "background"]),
        (
            [("why_it_matters", True), ("why_it_matters", True), ("other", True), ("other", True)],
            False,
            ["summary", "why_it_matters#2", "other", "other#2"],
        ),
    ],
)
def test_plan_items(sections: list[tuple[str, bool]], quotes: bool, items: list[str]) -> None:
    assert plan_items(sections, quotes) == items


def test_render_item() -> None:
    from bot.article import parse_article

    article = parse_article("ع\nنکته: الف «نقل» گفت وزیر.\nنکته: ب")
    assert render_item(article, "other#2")[0].endswith("ب")
    assert render_item(article, "other#3") == []
    # Headed by the Persian name of "what they're saying" over the title, as a section.
    assert render_item(article, "quotes")[0].startswith("<b>آنچه می‌گویند</b>\n<i>ع</i>\n\n")
    assert render_item(article, "summary")
    terms_only = parse_article("ع\nنکته: سهم «آب بدون درآمد» بالاست.")
    assert [quote.kind for quote in terms_only.quotes] == ["term"]
    assert render_item(terms_only, "quotes") == []
