"""HTTP-level tests of the emulator with httpx: envelope, routing, tokens, and check order."""

from __future__ import annotations

import json

import httpx
import pytest
from http_calls import call, error_of
from tgsandbox import BotApiEmulator


async def test_get_me_envelope(client: httpx.AsyncClient) -> None:
    response = await client.get("getMe")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is True
    assert body["result"]["username"] == "newsbot_sandbox_bot"
    assert body["result"]["is_bot"] is True and body["result"]["can_join_groups"] is True


@pytest.mark.parametrize("method", ["getme", "GETME", "GetMe"])
async def test_methods_are_case_insensitive(client: httpx.AsyncClient, method: str) -> None:
    assert (await client.post(method)).json()["ok"] is True


async def test_unknown_method_is_404(client: httpx.AsyncClient) -> None:
    response = await client.post("sendTelepathy")
    assert error_of(response) == (404, "Not Found: method not found")
    assert "parameters" not in response.json()


@pytest.mark.parametrize(
    ("path", "status", "description"),
    [
        ("/botnot-a-token/getMe", 401, "Unauthorized: invalid token specified"),
        ("/bot/getMe", 401, "Unauthorized: invalid token specified"),
        (
            "/bot0123:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe",
            401,
            "Unauthorized: invalid token specified",
        ),
        (
            "/botabc:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe",
            421,
            "Misdirected Request: unallowed token specified",
        ),
        ("/bot987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe", 401, "Unauthorized"),
        ("/bot123456789:short/getMe", 401, "Unauthorized"),
        ("/bot987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAA/noSuchMethod", 401, "Unauthorized"),
        ("/getMe", 404, "Not Found"),
        ("/bot123", 404, "Not Found"),
    ],
)
async def test_token_and_path_errors(
    emulator: BotApiEmulator, path: str, status: int, description: str
) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(emulator.url + path)
    assert error_of(response) == (status, description)


async def test_method_may_come_from_the_parameters(emulator: BotApiEmulator) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{emulator.base_url}{emulator.token}/", data={"method": "getMe"}
        )
    assert response.json()["ok"] is True


async def test_query_string_form_and_json_bodies(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    keyboard = {"inline_keyboard": [[{"text": "خبر", "callback_data": "news:1"}]]}
    by_query = await client.get("sendMessage", params={"chat_id": user, "text": "یک"})
    by_form = await call(client, "sendMessage", chat_id=str(user), text="دو", reply_markup=keyboard)
    by_json = await client.post(
        "sendMessage", json={"chat_id": user, "text": "سه", "reply_markup": keyboard}
    )
    assert [r.status_code for r in (by_query, by_form, by_json)] == [200, 200, 200]
    assert by_form.json()["result"]["reply_markup"] == keyboard
    assert by_json.json()["result"]["reply_markup"] == keyboard
    assert [m.text for m in emulator.messages(user)] == ["یک", "دو", "سه"]


async def test_fault_injection_and_retry_after_header(
    client: httpx.AsyncClient, emulator: BotApiEmulator
) -> None:
    emulator.fail_next("getMe", 429, "Too Many Requests: retry after 5", retry_after=5)
    response = await client.post("getMe")
    assert error_of(response) == (429, "Too Many Requests: retry after 5")
    assert response.json()["parameters"] == {"retry_after": 5}
    assert response.headers["Retry-After"] == "5"
    assert (await client.post("getMe")).status_code == 200


SEND_ORDER = [
    ({}, "Bad Request: message text is empty"),
    ({"text": "x" * 32769, "chat_id": "1"}, "Bad Request: text is too long"),
    ({"text": "<b>x</b>", "parse_mode": "XML"}, "Bad Request: unsupported parse_mode"),
    (
        {"text": "a < b", "parse_mode": "HTML"},
        'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2',
    ),
    (
        {"text": "*x", "parse_mode": "MarkdownV2"},
        "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0",
    ),
    ({"text": "x"}, "Bad Request: chat_id is empty"),
    ({"text": "x", "chat_id": "42"}, "Bad Request: chat not found"),
    ({"text": "x", "chat_id": "@nobody"}, "Bad Request: chat not found"),
    (
        {"text": "x", "chat_id": "USER", "reply_markup": "{"},
        "Bad Request: can't parse reply keyboard markup JSON object",
    ),
    (
        {"text": "x", "chat_id": "USER", "reply_markup": '{"inline_keyboard": [[{"text": "a"}]]}'},
        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline "
        "keyboard",
    ),
    (
        {"text": "x", "chat_id": "USER", "reply_markup": '{"inline_keyboard": [[{"url": "a"}]]}'},
        "Bad Request: can't parse inline keyboard button: Can't find field \"text\"",
    ),
    (
        {"text": "x", "chat_id": "USER", "link_preview_options": "[]"},
        "Bad Request: object expected as link preview options",
    ),
    (
        {"text": "x", "chat_id": "USER", "reply_to_message_id": "99"},
        "Bad Request: message to be replied not found",
    ),
    (
        {"text": "<b> </b>\u200c", "chat_id": "USER", "parse_mode": "HTML"},
        "Bad Request: text must be non-empty",
    ),
    ({"text": "x" * 4097, "chat_id": "USER"}, "Bad Request: message is too long"),
    (
        {"text": "x", "chat_id": "USER", "entities": '[{"type": "bold", "offset": 0}]'},
        "Bad Request: can't parse MessageEntity: Can't find field \"length\"",
    ),
]


@pytest.mark.parametrize(("params", "description"), SEND_ORDER)
async def test_send_message_checks_in_order(
    emulator: BotApiEmulator, client: httpx.AsyncClient, params: dict[str, str], description: str
) -> None:
    user = emulator.add_user()
    params = {k: v.replace("USER", str(user)) for k, v in params.items()}
    assert error_of(await call(client, "sendMessage", **params)) == (400, description)


async def test_sent_message_is_cleaned_and_gets_automatic_entities(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    text = "\r\n<b>خبر\u202b</b> #نرم‌افزار /help https://example.com  "
    result = await call(client, "sendMessage", chat_id=str(user), text=text, parse_mode="HTML")
    message = result.json()["result"]
    assert message["text"] == "خبر #نرم‌افزار /help https://example.com"
    assert [(e["type"], e["offset"], e["length"]) for e in message["entities"]] == [
        ("bold", 0, 3),
        ("hashtag", 4, 10),
        ("bot_command", 15, 5),
        ("url", 21, 19),
    ]
    assert message["from"]["username"] == emulator.username
    assert message["chat"] == {"id": user, "first_name": "کاربر", "type": "private"}


async def test_keyboard_limits_checked_by_the_server(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()

    def keyboard(rows: int, per_row: int, data: str = "x") -> str:
        row = [{"text": "ب", "callback_data": data}] * per_row
        return json.dumps({"inline_keyboard": [row] * rows})

    ok = await call(
        client, "sendMessage", chat_id=str(user), text="x", reply_markup=keyboard(12, 8)
    )
    assert ok.status_code == 200
    for markup, description in [
        (keyboard(1, 9), "Bad Request: reply markup is too long"),
        (keyboard(13, 8), "Bad Request: reply markup is too long"),
        (keyboard(1, 1, "خ" * 33), "Bad Request: BUTTON_DATA_INVALID"),
        (
            json.dumps({"inline_keyboard": [[{"text": "", "callback_data": "a"}]]}),
            "Bad Request: BUTTON_TEXT_INVALID",
        ),
    ]:
        response = await call(
            client, "sendMessage", chat_id=str(user), text="x", reply_markup=markup
        )
        assert error_of(response) == (400, description)


async def test_chat_access_errors(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    blocked = emulator.add_user()
    emulator.block_bot(blocked)
    gone = emulator.add_user()
    emulator.deactivate_user(gone)
    kicked_group = emulator.add_group("گروه")
    emulator.kick_bot(kicked_group, by_user_id=gone)
    left_group = emulator.add_group(bot_status="left")
    public_left = emulator.add_channel("@public_news", bot_status="left")
    member_channel = emulator.add_channel("@readers", bot_status="member")
    kicked_channel = emulator.add_channel("@banned", bot_status="kicked")
    private_unknown = emulator.add_channel(-1009999999999, bot_status="left")
    upgraded = emulator.add_group("قدیمی")
    new_id = emulator.upgrade_group(upgraded)
    cases = [
        (blocked, 403, "Forbidden: bot was blocked by the user"),
        (gone, 403, "Forbidden: user is deactivated"),
        (kicked_group, 403, "Forbidden: bot was kicked from the group chat"),
        (left_group, 403, "Forbidden: bot is not a member of the group chat"),
        ("@public_news", 403, "Forbidden: bot is not a member of the channel chat"),
        (public_left, 403, "Forbidden: bot is not a member of the channel chat"),
        (member_channel, 400, "Bad Request: need administrator rights in the channel chat"),
        (kicked_channel, 403, "Forbidden: bot was kicked from the channel chat"),
        (private_unknown, 400, "Bad Request: chat not found"),
        (upgraded, 400, "Bad Request: group chat was upgraded to a supergroup chat"),
    ]
    for chat_id, status, description in cases:
        response = await call(client, "sendMessage", chat_id=str(chat_id), text="x")
        assert error_of(response) == (status, description), chat_id
    migrated = await call(client, "sendMessage", chat_id=str(upgraded), text="x")
    assert migrated.json()["parameters"] == {"migrate_to_chat_id": new_id}


async def test_channel_by_username_posts_as_the_channel(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    channel = emulator.add_channel("@news_fa", title="اخبار")
    message = (await call(client, "sendMessage", chat_id="@news_fa", text="تیتر")).json()["result"]
    assert "from" not in message
    assert message["sender_chat"] == {
        "id": channel,
        "title": "اخبار",
        "username": "news_fa",
        "type": "channel",
    }
    assert message["chat"]["type"] == "channel"


async def test_forum_topics(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    forum = emulator.add_supergroup("انجمن", is_forum=True)
    topic = emulator.create_topic(forum, "اقتصاد")
    sent = await call(
        client, "sendMessage", chat_id=str(forum), text="x", message_thread_id=str(topic)
    )
    message = sent.json()["result"]
    assert message["message_thread_id"] == topic and message["is_topic_message"] is True
    assert message["reply_to_message"]["forum_topic_created"]["name"] == "اقتصاد"
    assert emulator.messages(forum)[0].thread_id == topic
    wrong = await call(client, "sendMessage", chat_id=str(forum), text="x", message_thread_id="999")
    assert error_of(wrong) == (400, "Bad Request: message thread not found")
    plain = emulator.add_supergroup("ساده")
    in_plain = await call(
        client, "sendMessage", chat_id=str(plain), text="x", message_thread_id="5"
    )
    assert error_of(in_plain) == (400, "Bad Request: message thread not found")


async def test_edit_delete_and_not_modified(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    sent = await call(client, "sendMessage", chat_id=str(user), text="<b>یک</b>", parse_mode="HTML")
    message_id = str(sent.json()["result"]["message_id"])
    same = await call(
        client,
        "editMessageText",
        chat_id=str(user),
        message_id=message_id,
        text="<b>یک</b>",
        parse_mode="HTML",
    )
    assert error_of(same)[1].startswith("Bad Request: message is not modified: specified new")
    edited = await call(
        client, "editMessageText", chat_id=str(user), message_id=message_id, text="دو"
    )
    assert edited.json()["result"]["edit_date"] > 0
    record = emulator.messages(user)[0]
    assert record.text == "دو" and len(record.edits) == 1 and record.edits[0].raw_text == "دو"
    missing = await call(client, "editMessageText", chat_id=str(user), message_id="99", text="x")
    assert error_of(missing) == (400, "Bad Request: message to edit not found")
    no_id = await call(client, "editMessageText", text="x")
    assert error_of(no_id) == (400, "Bad Request: message identifier is not specified")
    assert (await call(client, "deleteMessage", chat_id=str(user), message_id=message_id)).json()[
        "result"
    ]
    again = await call(client, "deleteMessage", chat_id=str(user), message_id=message_id)
    assert error_of(again) == (400, "Bad Request: message to delete not found")
    assert record.deleted


async def test_get_updates_offsets_limits_and_allowed_updates(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    for text in ("یک", "دو", "سه"):
        emulator.send_text(user, text)
    updates = (await call(client, "getUpdates", limit="0")).json()["result"]
    assert [u["message"]["text"] for u in updates] == ["یک"]
    first = updates[0]["update_id"]
    updates = (await call(client, "getUpdates", offset=str(first + 1), limit="500")).json()[
        "result"
    ]
    assert [u["update_id"] for u in updates] == [first + 1, first + 2]
    updates = (await call(client, "getUpdates")).json()["result"]
    assert [u["message"]["text"] for u in updates] == ["دو", "سه"]
    emulator.send_text(user, "چهار")
    updates = (await call(client, "getUpdates", offset="-1")).json()["result"]
    assert [u["message"]["text"] for u in updates] == ["چهار"]
    await call(client, "getUpdates", offset=str(first + 4), allowed_updates=["callback_query"])
    emulator.send_text(user, "پنج")
    assert (await call(client, "getUpdates", offset=str(first + 4))).json()["result"] == []


async def test_webhook(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    cases = [
        (
            {"url": "http://example.com/hook"},
            "Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
        ),
        (
            {"url": "https://example.com:8080/hook"},
            "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443",
        ),
        (
            {"url": "https://127.0.0.1/hook"},
            "Bad Request: bad webhook: IP address 127.0.0.1 is reserved",
        ),
        (
            {"url": "https://example.com/hook", "secret_token": "no spaces!"},
            "Bad Request: secret token contains unallowed characters",
        ),
        (
            {"url": "https://example.com/hook", "secret_token": "a" * 257},
            "Bad Request: secret token is too long",
        ),
    ]
    for params, description in cases:
        emulator.core.webhook.next_allowed_set = 0.0
        assert error_of(await call(client, "setWebhook", **params)) == (400, description)
    emulator.core.webhook.next_allowed_set = 0.0
    response = await call(
        client, "setWebhook", url="https://example.com/hook", secret_token="s-1_A"
    )
    assert response.json() == {"ok": True, "result": True, "description": "Webhook was set"}
    too_soon = await call(client, "setWebhook", url="https://example.com/other")
    assert error_of(too_soon) == (429, "Too Many Requests: retry after 1")
    conflict = await call(client, "getUpdates")
    assert error_of(conflict) == (
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
        "delete the webhook first",
    )
    info = (await call(client, "getWebhookInfo")).json()["result"]
    assert info["url"] == "https://example.com/hook" and info["pending_update_count"] == 0
    deleted = (await call(client, "deleteWebhook")).json()
    assert deleted["description"] == "Webhook was deleted"
    assert (await call(client, "deleteWebhook")).json()[
        "description"
    ] == "Webhook is already deleted"


async def test_commands(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    good = [
        {"command": "start", "description": "شروع"},
        {"command": "/news", "description": " اخبار "},
    ]
    assert (await call(client, "setMyCommands", commands=good, language_code="fa")).json()["result"]
    got = (await call(client, "getMyCommands", language_code="fa")).json()["result"]
    assert got == [
        {"command": "start", "description": "شروع"},
        {"command": "news", "description": "اخبار"},
    ]
    assert (await call(client, "getMyCommands")).json()["result"] == []
    cases = [
        ([{"command": "Start", "description": "x"}], {}, "Bad Request: BOT_COMMAND_INVALID"),
        ([{"command": "خبر", "description": "x"}], {}, "Bad Request: BOT_COMMAND_INVALID"),
        (
            [{"command": "a" * 33, "description": "x"}],
            {},
            "Bad Request: command length must not exceed 32",
        ),
        (
            [{"command": "a", "description": " "}],
            {},
            "Bad Request: command description must be non-empty",
        ),
        (
            [{"command": "a", "description": "x" * 257}],
            {},
            "Bad Request: command description length must not exceed 256",
        ),
        (
            [{"command": f"c{i}", "description": "x"} for i in range(101)],
            {},
            "Bad Request: BOT_COMMANDS_TOO_MUCH",
        ),
        (
            [{"command": "a"}],
            {},
            "Bad Request: can't parse BotCommand: Can't find field \"description\"",
        ),
        (good, {"language_code": "fas"}, "Bad Request: invalid language code specified"),
        (good, {"scope": {"type": "chat", "chat_id": 5}}, "Bad Request: chat not found"),
    ]
    for commands, extra, description in cases:
        response = await call(client, "setMyCommands", commands=commands, **extra)
        assert error_of(response) == (400, description)


async def test_callback_queries(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    user = emulator.add_user()
    markup = {"inline_keyboard": [[{"text": "بیشتر", "callback_data": "more:7"}]]}
    sent = await call(client, "sendMessage", chat_id=str(user), text="x", reply_markup=markup)
    query_id = emulator.press_button(user, sent.json()["result"]["message_id"])
    update = (await call(client, "getUpdates")).json()["result"][-1]["callback_query"]
    assert update["data"] == "more:7" and update["from"]["id"] == user
    too_long = await call(client, "answerCallbackQuery", callback_query_id=query_id, text="x" * 201)
    assert error_of(too_long) == (400, "Bad Request: MESSAGE_TOO_LONG")
    answered = await call(client, "answerCallbackQuery", callback_query_id=query_id, text="باشه")
    assert answered.json()["result"] is True
    assert emulator.callback_answer(query_id) == {
        "text": "باشه",
        "show_alert": False,
        "url": "",
        "cache_time": 0,
    }
    for query in (query_id, "12345"):
        response = await call(client, "answerCallbackQuery", callback_query_id=query)
        assert error_of(response) == (
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        )


async def test_rate_limit_per_private_chat(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    emulator.set_rate_limits(per_chat_burst=2)
    user = emulator.add_user()
    statuses = [(await call(client, "sendMessage", chat_id=str(user), text="x")) for _ in range(3)]
    assert [r.status_code for r in statuses] == [200, 200, 429]
    assert statuses[2].json()["parameters"]["retry_after"] >= 1
    assert len(emulator.messages(user)) == 2
    assert emulator.status_counts[429] == 1


async def test_group_limit_of_twenty_a_minute(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    emulator.set_rate_limits(per_chat_burst=100, per_chat_per_second=100, group_per_minute=20)
    group = emulator.add_group()
    codes = [
        (await call(client, "sendMessage", chat_id=str(group), text="x")).status_code
        for _ in range(21)
    ]
    assert codes == [200] * 20 + [429]


async def test_chat_action_and_get_chat(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user(first_name="مریم", username="maryam")
    ok = await call(client, "sendChatAction", chat_id=str(user), action="typing")
    assert ok.json()["result"] is True
    bad = await call(client, "sendChatAction", chat_id=str(user), action="dancing")
    assert error_of(bad) == (400, "Bad Request: wrong parameter action in request")
    chat = (await call(client, "getChat", chat_id=str(user))).json()["result"]
    assert chat["username"] == "maryam" and chat["type"] == "private" and "accent_color_id" in chat


async def test_document_upload_get_file_and_download(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    files = {"document": ("گزارش.txt", "متن خبر".encode(), "text/plain")}
    response = await client.post(
        "sendDocument",
        data={"chat_id": str(user), "caption": "<i>پیوست</i>", "parse_mode": "HTML"},
        files=files,
    )
    message = response.json()["result"]
    assert message["caption"] == "پیوست" and message["caption_entities"][0]["type"] == "italic"
    document = message["document"]
    assert document["file_name"] == "گزارش.txt" and document["file_size"] == len("متن خبر".encode())
    file = (await call(client, "getFile", file_id=document["file_id"])).json()["result"]
    async with httpx.AsyncClient() as http:
        download = await http.get(f"{emulator.base_file_url}{emulator.token}/{file['file_path']}")
    assert download.content == "متن خبر".encode()
    again = await call(client, "sendDocument", chat_id=str(user), document=document["file_id"])
    assert again.json()["result"]["document"]["file_id"] == document["file_id"]
    bad = await call(client, "sendDocument", chat_id=str(user), document="nonsense")
    assert error_of(bad) == (400, "Bad Request: wrong file identifier/HTTP URL specified")
    missing = await call(client, "sendDocument", chat_id=str(user))
    assert error_of(missing) == (400, "Bad Request: there is no document in the request")
    long_caption = await client.post(
        "sendDocument", data={"chat_id": str(user), "caption": "x" * 1025}, files=files
    )
    assert error_of(long_caption) == (400, "Bad Request: message caption is too long")
    assert error_of(await call(client, "getFile", file_id="nope")) == (
        400,
        "Bad Request: invalid file_id",
    )


async def test_privacy_mode_in_groups(emulator: BotApiEmulator, client: httpx.AsyncClient) -> None:
    user = emulator.add_user()
    group = emulator.add_group()
    for text in (
        "سلام",
        "/start@other_bot",
        "/start",
        "/help@newsbot_sandbox_bot",
        "@newsbot_sandbox_bot بیا",
    ):
        emulator.send_text(group, text, user_id=user)
    updates = (await call(client, "getUpdates")).json()["result"]
    assert [u["message"]["text"] for u in updates] == [
        "/start",
        "/help@newsbot_sandbox_bot",
        "@newsbot_sandbox_bot بیا",
    ]


async def test_channel_posts_and_kicks_arrive_as_their_own_update_types(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    channel = emulator.add_channel("@news_fa")
    emulator.post_to_channel(channel, "خبر تازه")
    emulator.kick_bot(channel, by_user_id=user)
    updates = (await call(client, "getUpdates")).json()["result"]
    assert updates[0]["channel_post"]["text"] == "خبر تازه"
    assert updates[0]["channel_post"]["sender_chat"]["id"] == channel
    member = updates[1]["my_chat_member"]
    assert (member["old_chat_member"]["status"], member["new_chat_member"]["status"]) == (
        "administrator",
        "kicked",
    )


async def test_control_http_api(emulator: BotApiEmulator) -> None:
    async with httpx.AsyncClient(base_url=f"{emulator.url}/control/") as control:
        user = (await control.post("add_user", json={"first_name": "علی"})).json()["result"]
        sent = await control.post("send_text", json={"chat_id": user, "text": "/start"})
        assert sent.json()["result"]["entities"] == [
            {"type": "bot_command", "offset": 0, "length": 6}
        ]
        bot = (await control.get("bot")).json()["result"]
        assert bot["username"] == "newsbot_sandbox_bot"
        async with httpx.AsyncClient() as http:
            await http.post(
                f"{bot['base_url']}{bot['token']}/sendMessage",
                data={"chat_id": user, "text": "درود"},
            )
        waited = (
            await control.post("wait_for_message", json={"chat_id": user, "timeout": 1})
        ).json()
        assert waited["result"]["text"] == "درود"
        counts = (await control.get("status_counts")).json()["result"]
        assert counts == {"200": 1}
        unknown = await control.post("teleport", json={})
        assert unknown.status_code == 404 and unknown.json()["ok"] is False
        bad = await control.post("send_text", json={"chat_id": 1, "text": "x"})
        assert bad.status_code == 404 and "unknown chat 1" in bad.json()["error"]


async def test_request_log_records_every_answer(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    await client.post("getMe")
    await call(client, "sendMessage", chat_id="5", text="x")
    assert [(r.method, r.status) for r in emulator.requests] == [
        ("getme", 200),
        ("sendmessage", 400),
    ]
    assert emulator.requests[1].params == {"chat_id": "5", "text": "x"}
    assert emulator.requests[1].description == "Bad Request: chat not found"
    assert emulator.status_counts == {200: 1, 400: 1}


async def test_wait_for_message_returns_each_message_once(
    emulator: BotApiEmulator, client: httpx.AsyncClient
) -> None:
    user = emulator.add_user()
    events: list[tuple[str, str]] = []
    unsubscribe = emulator.subscribe(lambda event: events.append((event.kind, event.message.text)))
    for text in ("یک", "دو"):
        await call(client, "sendMessage", chat_id=str(user), text=text)
    assert (await emulator.wait_for_message(user, timeout=1)).text == "یک"
    assert (await emulator.wait_for_message(user, timeout=1)).text == "دو"
    with pytest.raises(TimeoutError):
        await emulator.wait_for_message(user, timeout=0.05)
    markup = {"inline_keyboard": [[{"text": "الف", "callback_data": "a"}]]}
    message_id = str(emulator.messages(user)[0].message_id)
    edited = await call(
        client,
        "editMessageReplyMarkup",
        chat_id=str(user),
        message_id=message_id,
        reply_markup=markup,
    )
    assert edited.json()["result"]["reply_markup"] == markup
    same = await call(
        client,
        "editMessageReplyMarkup",
        chat_id=str(user),
        message_id=message_id,
        reply_markup=markup,
    )
    assert error_of(same)[1].startswith("Bad Request: message is not modified")
    unsubscribe()
    await call(client, "sendMessage", chat_id=str(user), text="سه")
    assert events == [("sent", "یک"), ("sent", "دو"), ("edited", "یک")]
    assert emulator.last_message(user).text == "سه"  # type: ignore[union-attr]
