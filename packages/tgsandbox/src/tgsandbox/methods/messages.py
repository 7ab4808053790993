"""Sending, editing and deleting messages: sendMessage, sendDocument, editMessageText,
editMessageReplyMarkup and deleteMessage, with the real server's order of checks."""

from __future__ import annotations

from tgsandbox.core import Access, SandboxCore
from tgsandbox.errors import td_error
from tgsandbox.formatting import text_length
from tgsandbox.request import Call, UploadedFile
from tgsandbox.state import Chat, FileRecord, Message
from tgsandbox.validate import (
    check_markup_on_server,
    formatted_text,
    link_preview_options,
    reply_markup,
)

__all__ = ["MESSAGE_METHODS"]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


async def send_message(core: SandboxCore, call: Call) -> object:
    """``sendMessage``: text checks, chat checks, then what the servers refuse."""
    link_preview_options(call)
    raw = call.arg("text")
    if not raw:
        raise td_error(400, "Message text is empty")
    parsed = formatted_text(raw, call.arg("parse_mode"), call.arg("entities"))
    target = core.prepare_send(call)
    text, entities = core.finish_text(parsed)
    core.server_send_checks(target, text, TEXT_LIMIT, "Message is too long")
    message = core.store_bot_message(target, text=text, entities=entities)
    core.record_sent(message, call, raw)
    return core.message_json(message)


def _input_document(core: SandboxCore, call: Call) -> UploadedFile | FileRecord | str | None:
    """The document: an uploaded file, a known file id, or the unusable id or URL as given."""
    if "document" in call.files:
        return call.files["document"]
    value = call.arg("document")
    if not value:
        return None
    if value.startswith("attach://"):
        return call.files.get(value[len("attach://") :])
    return core.world.files.get(value, value)


async def send_document(core: SandboxCore, call: Call) -> object:
    """``sendDocument``: a multipart upload, or the file id of a file sent before."""
    document = _input_document(core, call)
    if document is None:
        raise td_error(400, "There is no document in the request")
    raw_caption = call.arg("caption")
    parsed = formatted_text(raw_caption, call.arg("parse_mode"), call.arg("caption_entities"))
    target = core.prepare_send(call)
    if isinstance(document, str):
        if document.lower().startswith(("http://", "https://")):
            raise td_error(400, "WEBPAGE_CURL_FAILED")
        raise td_error(400, "Wrong file identifier/HTTP URL specified")
    if isinstance(document, UploadedFile) and not document.data:
        raise td_error(400, "File must be non-empty")
    caption, entities = core.finish_text(parsed, allow_empty=True)
    core.server_send_checks(target, caption, CAPTION_LIMIT, "Message caption is too long")
    if isinstance(document, UploadedFile):
        mime_type = document.mime_type or "application/octet-stream"
        document = core.world.new_file(document.data, document.file_name or "document", mime_type)
    message = core.store_bot_message(
        target, document=document, caption=caption or None, caption_entities=entities
    )
    core.record_sent(message, call, raw_caption, document.document_json())
    return core.message_json(message)


def _edit_target(core: SandboxCore, call: Call) -> tuple[Chat, Message]:
    chat_id = call.arg("chat_id")
    message_id = max(0, call.integer("message_id"))
    if not chat_id and message_id == 0:
        if not call.arg("inline_message_id"):
            raise td_error(400, "Message identifier is not specified")
        raise td_error(400, "MESSAGE_ID_INVALID")
    chat, message = core.check_message(chat_id, message_id, Access.EDIT, "message to edit")
    if not message.by_bot:
        raise td_error(400, "Message can't be edited")
    return chat, message


async def edit_message_text(core: SandboxCore, call: Call) -> object:
    """``editMessageText``: same text checks as sending; refuses an edit that changes nothing."""
    link_preview_options(call)
    raw = call.arg("text")
    if not raw:
        raise td_error(400, "Message text is empty")
    parsed = formatted_text(raw, call.arg("parse_mode"), call.arg("entities"))
    markup = reply_markup(call)
    _, message = _edit_target(core, call)
    if message.text is None:
        raise td_error(400, "There is no text in the message to edit")
    text, entities = core.finish_text(parsed)
    if text_length(text) > TEXT_LIMIT:
        raise td_error(400, "MESSAGE_TOO_LONG")
    check_markup_on_server(markup)
    same_entities = [e.to_bot_api() for e in entities] == [e.to_bot_api() for e in message.entities]
    if text == message.text and same_entities and markup == message.reply_markup:
        raise td_error(400, "MESSAGE_NOT_MODIFIED")
    message.text, message.entities, message.reply_markup = text, entities, markup
    message.edit_date = core.world.now()
    core.record_edit(message, call, raw)
    return core.message_json(message)


async def edit_message_reply_markup(core: SandboxCore, call: Call) -> object:
    """``editMessageReplyMarkup``: replace or remove the inline keyboard."""
    markup = reply_markup(call)
    _, message = _edit_target(core, call)
    check_markup_on_server(markup)
    if markup == message.reply_markup:
        raise td_error(400, "MESSAGE_NOT_MODIFIED")
    message.reply_markup = markup
    message.edit_date = core.world.now()
    core.record_edit(message, call, "")
    return core.message_json(message)


async def delete_message(core: SandboxCore, call: Call) -> object:
    """``deleteMessage``: the bot's own messages, or others' where it may delete them."""
    message_id = max(0, call.integer("message_id"))
    chat, message = core.check_message(
        call.arg("chat_id"), message_id, Access.WRITE, "message to delete"
    )
    admin = chat.bot_status in ("administrator", "creator")
    if not (message.by_bot or chat.type == "private" or admin):
        raise td_error(400, "MESSAGE_DELETE_FORBIDDEN")
    del chat.messages[message.message_id]
    for sent in core.sent.messages:
        if sent.chat_id == chat.id and sent.message_id == message.message_id:
            sent.deleted = True
            core.sent.emit("deleted", sent)
    return True


MESSAGE_METHODS = {
    "sendmessage": send_message,
    "senddocument": send_document,
    "editmessagetext": edit_message_text,
    "editmessagereplymarkup": edit_message_reply_markup,
    "deletemessage": delete_message,
}
