"""The bot's own methods: getMe, logOut, close, commands, getChat, getFile, sendChatAction and
answerCallbackQuery."""

from __future__ import annotations

import re
import time

from tgsandbox import serialize, validate
from tgsandbox.core import Access, SandboxCore
from tgsandbox.errors import ApiError, td_error
from tgsandbox.formatting import text_length
from tgsandbox.request import Call, td_to_integer

__all__ = ["BOT_METHODS"]

_CHAT_ACTIONS = frozenset(
    {
        "cancel", "typing", "record_video", "upload_video", "record_audio", "record_voice",
        "upload_audio", "upload_voice", "upload_photo", "upload_document", "choose_sticker",
        "pick_up_location", "find_location", "record_video_note", "upload_video_note",
    }
)  # fmt: skip
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


async def get_me(core: SandboxCore, call: Call) -> object:
    """``getMe``: the bot user, with ``username`` and its capabilities."""
    return serialize.bot_user_json(core.world)


async def log_out(core: SandboxCore, call: Call) -> object:
    """``logOut`` and ``close``: accepted."""
    return True


def _scope_key(core: SandboxCore, call: Call) -> tuple[str, str]:
    kind, chat_id, user_id = validate.bot_command_scope(call)
    if chat_id:
        chat = core.check_chat(chat_id, Access.READ_MEMBERS)
        kind = f"{kind}:{chat.id}" + (f":{user_id}" if user_id else "")
    language = call.arg("language_code")
    if language and not re.fullmatch(r"[a-z]{2}", language):
        raise td_error(400, "Invalid language code specified")
    return kind, language


async def set_my_commands(core: SandboxCore, call: Call) -> object:
    """``setMyCommands``: TDLib's checks, then the server's (``a-z0-9_``, at most 100)."""
    commands = validate.bot_commands(call)
    key = _scope_key(core, call)
    cleaned = []
    for command, description in commands:
        command = command.strip()
        command = command.removeprefix("/")
        if not command:
            raise td_error(400, "Command must be non-empty")
        if text_length(command) > 32:
            raise td_error(400, "Command length must not exceed 32")
        description = description.strip()
        if not description:
            raise td_error(400, "Command description must be non-empty")
        if text_length(description) > 256:
            raise td_error(400, "Command description length must not exceed 256")
        cleaned.append((command, description))
    if any(not _COMMAND.fullmatch(command) for command, _ in cleaned):
        raise td_error(400, "BOT_COMMAND_INVALID")
    if len(cleaned) > 100:
        raise td_error(400, "BOT_COMMANDS_TOO_MUCH")
    if cleaned:
        core.world.commands[key] = [{"command": c, "description": d} for c, d in cleaned]
    else:
        core.world.commands.pop(key, None)
    return True


async def get_my_commands(core: SandboxCore, call: Call) -> object:
    """``getMyCommands`` for exactly this scope and language."""
    return list(core.world.commands.get(_scope_key(core, call), []))


async def delete_my_commands(core: SandboxCore, call: Call) -> object:
    """``deleteMyCommands`` for exactly this scope and language."""
    core.world.commands.pop(_scope_key(core, call), None)
    return True


async def get_chat(core: SandboxCore, call: Call) -> object:
    """``getChat``: a ``ChatFullInfo``."""
    chat = core.check_chat(call.arg("chat_id"), Access.READ)
    return serialize.chat_full_info_json(chat, core.world)


async def get_file(core: SandboxCore, call: Call) -> object:
    """``getFile``: the file's id, size and download path."""
    file_id = call.arg("file_id")
    if not file_id:
        raise ApiError(400, "Bad Request: file_id not specified")
    record = core.world.files.get(file_id)
    if record is None:
        raise td_error(400, "Wrong file identifier", "invalid file_id")
    return {
        "file_id": record.file_id,
        "file_unique_id": record.file_unique_id,
        "file_size": len(record.data),
        "file_path": record.file_path,
    }


async def send_chat_action(core: SandboxCore, call: Call) -> object:
    """``sendChatAction``: a known action, a chat the bot can write to."""
    if call.arg("action").lower() not in _CHAT_ACTIONS:
        raise td_error(400, "Wrong parameter action in request")
    chat = core.check_chat(call.arg("chat_id"), Access.WRITE)
    if chat.type == "private" and core.world.users[chat.user_id or chat.id].blocked_bot:
        raise td_error(400, "USER_IS_BLOCKED")
    return True


async def answer_callback_query(core: SandboxCore, call: Call) -> object:
    """``answerCallbackQuery``: once, soon after the press, with at most 200 characters."""
    query_id = str(td_to_integer(call.arg("callback_query_id")))
    query = core.world.callback_queries.get(query_id)
    if (
        query is None
        or query.answered
        or time.monotonic() - query.created > core.callback_query_ttl
    ):
        raise td_error(400, "QUERY_ID_INVALID")
    text = call.arg("text")
    if text_length(text) > 200:
        raise td_error(400, "MESSAGE_TOO_LONG")
    query.answered = True
    query.answer = {
        "text": text,
        "show_alert": call.flag("show_alert"),
        "url": call.arg("url"),
        "cache_time": call.integer("cache_time", 0, 0, 24 * 30 * 60 * 60),
    }
    return True


BOT_METHODS = {
    "getme": get_me,
    "logout": log_out,
    "close": log_out,
    "setmycommands": set_my_commands,
    "getmycommands": get_my_commands,
    "deletemycommands": delete_my_commands,
    "getchat": get_chat,
    "getfile": get_file,
    "sendchataction": send_chat_action,
    "answercallbackquery": answer_callback_query,
}
