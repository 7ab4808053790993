"""Parameter checks the Bot API server makes before it looks at the chat.

Messages follow ``Client.cpp``: ``get_formatted_text``, ``get_reply_markup``,
``get_inline_keyboard_button``, ``get_reply_parameters``, ``get_bot_commands`` and
``get_bot_command_scope``; JSON field errors follow TDLib's ``JsonObject`` getters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tgsandbox.errors import td_error
from tgsandbox.formatting import utf8_length
from tgsandbox.html import Entity, HtmlParseError, parse_html_entities
from tgsandbox.links import check_link
from tgsandbox.markdown import MarkdownParseError, parse_markdown, parse_markdown_v2
from tgsandbox.request import Call

__all__ = [
    "ParsedText",
    "ReplyParameters",
    "bot_command_scope",
    "bot_commands",
    "formatted_text",
    "link_preview_options",
    "reply_markup",
    "reply_parameters",
]

_INLINE_ACTIONS = (
    "callback_game", "pay", "switch_inline_query", "switch_inline_query_chosen_chat",
    "switch_inline_query_current_chat", "login_url", "web_app", "copy_text",
)  # fmt: skip


class FieldError(ValueError):
    """A JSON field of the wrong shape, worded as TDLib's ``JsonObject`` getters."""


def _string_field(obj: dict[str, object], name: str, *, required: bool) -> str:
    if name not in obj:
        if required:
            raise FieldError(f'Can\'t find field "{name}"')
        return ""
    value = obj[name]
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    raise FieldError(f'Field "{name}" must be of type String')


def _int_field(obj: dict[str, object], name: str) -> int:
    if name not in obj:
        raise FieldError(f'Can\'t find field "{name}"')
    value = obj[name]
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    raise FieldError(f'Field "{name}" must be a valid Number')


def _bool_field(obj: dict[str, object], name: str) -> bool:
    value = obj.get(name, False)
    if not isinstance(value, bool):
        raise FieldError(f'Field "{name}" must be of type Boolean')
    return value


def _decode(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return _INVALID


_INVALID = object()


@dataclass
class ParsedText:
    """A text after its parse mode, before the server's cleanup."""

    text: str
    entities: list[Entity]


_ENTITY_TYPES = {
    "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link",
    "text_mention", "custom_emoji", "blockquote", "expandable_blockquote",
}  # fmt: skip
_AUTOMATIC_TYPES = {
    "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number",
    "bank_card_number",
}  # fmt: skip


def _explicit_entity(value: object) -> Entity | None:
    if not isinstance(value, dict):
        raise FieldError("expected an Object")
    offset = _int_field(value, "offset")
    length = _int_field(value, "length")
    kind = _string_field(value, "type", required=True)
    if not kind:
        raise FieldError("Type is not specified")
    if kind in _AUTOMATIC_TYPES:
        return None
    if kind not in _ENTITY_TYPES:
        raise FieldError("Unsupported type specified")
    entity = Entity(kind, offset, length)
    if kind == "pre":
        language = _string_field(value, "language", required=False)
        if language:
            entity.type, entity.argument = "pre_code", language
    elif kind == "text_link":
        url = _string_field(value, "url", required=True)
        entity.argument = check_link(url) or url
    elif kind == "custom_emoji":
        entity.argument = str(_int_field(value, "custom_emoji_id"))
    elif kind == "text_mention":
        user = value.get("user")
        if not isinstance(user, dict):
            raise FieldError('Field "user" must be of type Object')
        entity.user_id = _int_field(user, "id")
        entity.extra = dict(user)
    return entity


def formatted_text(text: str, parse_mode: str, entities_json: str) -> ParsedText:
    """``Client::get_formatted_text``: size, parse mode, then parsing or explicit entities."""
    if utf8_length(text) > (1 << 15):
        raise td_error(400, "Text is too long")
    mode = parse_mode.lower()
    if text and mode and mode != "none":
        parsers = {"html": parse_html_entities, "markdown": parse_markdown}
        parsers["markdownv2"] = parse_markdown_v2
        if mode not in parsers:
            raise td_error(400, "Unsupported parse_mode")
        try:
            plain, entities = parsers[mode](text)
        except (HtmlParseError, MarkdownParseError) as error:
            raise td_error(400, f"Can't parse entities: {error}") from error
        return ParsedText(plain, entities)
    decoded = _decode(entities_json) if entities_json else None
    parsed: list[Entity] = []
    if isinstance(decoded, list):
        for value in decoded:
            try:
                entity = _explicit_entity(value)
            except FieldError as error:
                raise td_error(400, f"Can't parse MessageEntity: {error}") from error
            if entity is not None:
                parsed.append(entity)
    return ParsedText(text, parsed)


def link_preview_options(call: Call) -> dict[str, object] | None:
    """``get_link_preview_options``, then TDLib's ``process_input_message_text``.

    The JSON must be an object with fields of the right types; without it, the legacy
    ``disable_web_page_preview`` flag counts. Returns the options the message keeps (a
    disabled preview drops the URL, no URL drops the media size preference), or ``None``.
    """
    raw = call.arg("link_preview_options")
    if not raw:
        return {"is_disabled": True} if call.flag("disable_web_page_preview") else None
    value = _decode(raw)
    if value is _INVALID:
        raise td_error(400, "Can't parse link preview options JSON object")
    if not isinstance(value, dict):
        raise td_error(400, "Object expected as link preview options")
    try:
        disabled = _bool_field(value, "is_disabled")
        url = _string_field(value, "url", required=False)
        small = _bool_field(value, "prefer_small_media")
        large = _bool_field(value, "prefer_large_media")
        above = _bool_field(value, "show_above_text")
    except FieldError as error:
        raise td_error(400, str(error)) from error
    if disabled:
        url = ""
    if not url:
        small = large = False
    options: dict[str, object] = {
        "is_disabled": disabled,
        "url": url,
        "prefer_small_media": small,
        "prefer_large_media": large,
        "show_above_text": above,
    }
    return {name: option for name, option in options.items() if option}


@dataclass
class ReplyParameters:
    """Where a message replies: same-chat message id, or another chat's."""

    message_id: int = 0
    chat_id: str = ""
    allow_sending_without_reply: bool = False


def reply_parameters(call: Call) -> ReplyParameters:
    """``get_reply_parameters``: the JSON object, or the legacy ``reply_to_message_id``."""
    if not call.has("reply_parameters"):
        message_id = call.integer("reply_to_message_id", 0)
        return ReplyParameters(max(message_id, 0), "", call.flag("allow_sending_without_reply"))
    raw = call.arg("reply_parameters")
    if not raw:
        return ReplyParameters()
    value = _decode(raw)
    if value is _INVALID:
        raise td_error(400, "Can't parse reply parameters JSON object")
    if not isinstance(value, dict):
        raise td_error(400, "Object expected as reply parameters")
    if not value:
        return ReplyParameters()
    try:
        chat_id = _string_field(value, "chat_id", required=False)
        message_id = _int_field(value, "message_id")
        allow = _bool_field(value, "allow_sending_without_reply")
    except FieldError as error:
        raise td_error(400, str(error)) from error
    return ReplyParameters(max(message_id, 0), chat_id, allow)


def _inline_button(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FieldError("InlineKeyboardButton must be an Object")
    text = _string_field(value, "text", required=True)
    url = _string_field(value, "url", required=False)
    if url:
        return {"text": text, "url": url}
    data = _string_field(value, "callback_data", required=False)
    if data:
        return {"text": text, "callback_data": data}
    for action in _INLINE_ACTIONS:
        if action in value:
            return {"text": text, action: value[action]}
    raise FieldError("Text buttons are unallowed in the inline keyboard")


def reply_markup(call: Call) -> dict[str, object] | None:
    """``get_reply_markup``: an inline keyboard as the message will carry it, or ``None``.

    Reply keyboards are checked for shape but, as on Telegram, are not part of the message.
    """
    raw = call.arg("reply_markup")
    if not raw:
        return None
    value = _decode(raw)
    if value is _INVALID:
        raise td_error(400, "Can't parse reply keyboard markup JSON object")
    if not isinstance(value, dict):
        raise td_error(400, "Object expected as reply markup")
    keyboard = value.get("keyboard")
    if keyboard is not None:
        if not isinstance(keyboard, list):
            raise td_error(400, 'Field "keyboard" must be of type Array')
        if any(not isinstance(row, list) for row in keyboard):
            raise td_error(400, 'Field "keyboard" must be an Array of Arrays')
    inline = value.get("inline_keyboard")
    if inline is None:
        return None
    if not isinstance(inline, list):
        raise td_error(400, 'Field "inline_keyboard" must be of type Array')
    rows: list[list[dict[str, object]]] = []
    for row in inline:
        if not isinstance(row, list):
            raise td_error(
                400,
                'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
            )
        try:
            rows.append([_inline_button(button) for button in row])
        except FieldError as error:
            raise td_error(400, f"Can't parse inline keyboard button: {error}") from error
    if keyboard or not any(rows):
        return None
    return {"inline_keyboard": rows}


def check_markup_on_server(markup: dict[str, object] | None) -> None:
    """What Telegram's servers refuse in an inline keyboard, after the chat is known."""
    if not markup:
        return
    rows = markup["inline_keyboard"]
    assert isinstance(rows, list)
    total = 0
    for row in rows:
        total += len(row)
        if len(row) > 8:
            raise td_error(400, "REPLY_MARKUP_TOO_LONG")
        for button in row:
            if not str(button.get("text", "")).strip():
                raise td_error(400, "BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= utf8_length(str(data)) <= 64:
                raise td_error(400, "BUTTON_DATA_INVALID")
    if total > 100:
        raise td_error(400, "REPLY_MARKUP_TOO_LONG")


def bot_commands(call: Call) -> list[tuple[str, str]]:
    """``get_bot_commands``: a JSON array of ``{command, description}`` objects."""
    raw = call.arg("commands")
    if not raw:
        return []
    value = _decode(raw)
    if value is _INVALID:
        raise td_error(400, "Can't parse commands JSON object")
    if not isinstance(value, list):
        raise td_error(400, "Expected an Array of BotCommand")
    result = []
    for item in value:
        try:
            if not isinstance(item, dict):
                raise FieldError("expected an Object")
            command = _string_field(item, "command", required=True)
            description = _string_field(item, "description", required=True)
        except FieldError as error:
            raise td_error(400, f"Can't parse BotCommand: {error}") from error
        result.append((command, description))
    return result


def bot_command_scope(call: Call) -> tuple[str, str, int]:
    """``get_bot_command_scope``: ``(type, chat_id, user_id)``; chat scopes name a chat."""
    raw = call.arg("scope")
    if not raw:
        return ("default", "", 0)
    value = _decode(raw)
    if value is _INVALID:
        raise td_error(400, "Can't parse BotCommandScope JSON object")
    try:
        if not isinstance(value, dict):
            raise FieldError("BotCommandScope must be an Object")
        kind = _string_field(value, "type", required=True)
        if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
            return (kind, "", 0)
        if kind not in ("chat", "chat_administrators", "chat_member"):
            raise FieldError("Unsupported type specified")
        chat_id = _string_field(value, "chat_id", required=True)
        if not chat_id:
            raise FieldError("Empty chat_id specified")
        if kind != "chat_member":
            return (kind, chat_id, 0)
        user_id = _int_field(value, "user_id")
        if user_id <= 0:
            raise FieldError("Invalid user_id specified")
        return (kind, chat_id, user_id)
    except FieldError as error:
        raise td_error(400, f"Can't parse BotCommandScope: {error}") from error
