"""Sending files: sendDocument and sendPhoto, as a multipart upload or the file id of a file
the server has, with the checks of the Bot API server, TDLib and Telegram's servers in order.
"""

from __future__ import annotations

from tgsandbox.core import SandboxCore, SendTarget
from tgsandbox.errors import td_error
from tgsandbox.files import (
    MAX_PHOTO_BYTES,
    PhotoDimensionsError,
    file_id_error,
    input_file,
    photo_info,
)
from tgsandbox.formatting import text_length
from tgsandbox.html import Entity
from tgsandbox.images import ImageError, ImageInfo
from tgsandbox.request import Call, UploadedFile
from tgsandbox.state import FileRecord, Photo
from tgsandbox.validate import formatted_text

__all__ = ["CAPTION_LIMIT", "MEDIA_METHODS"]

CAPTION_LIMIT = 1024


def local_file(
    core: SandboxCore, value: UploadedFile | str, kind: str
) -> UploadedFile | FileRecord | str:
    """TDLib's ``get_input_file_id``: the upload or file id checked before anything is sent.

    Returns the upload, the known file, or the unknown id or URL for the servers to refuse.
    """
    if isinstance(value, UploadedFile):
        size = len(value.data)
        if size == 0:
            raise td_error(400, "File must be non-empty")
        if kind == "photo" and size > MAX_PHOTO_BYTES:
            raise td_error(
                400,
                f"File of size {size} bytes is too big for a photo; "
                f"the maximum size is {MAX_PHOTO_BYTES} bytes",
            )
        return value
    if "." in value:
        return value
    record = core.world.files.get(value)
    if record is None:
        error = file_id_error(value)
        if error:
            raise td_error(400, f"Wrong remote file identifier specified: {error}")
        return value
    if record.kind != kind:
        raise td_error(400, f"Can't use file of type {record.type_name} as {kind.capitalize()}")
    return record


def refuse_unknown(value: str) -> None:
    """What the servers answer for a URL they cannot fetch or a file id they do not know."""
    if "." in value:
        raise td_error(400, "WEBPAGE_CURL_FAILED")
    raise td_error(400, "Wrong file identifier/HTTP URL specified")


def check_caption(caption: str) -> None:
    """TDLib's ``message_caption_length_max`` check, before the message leaves."""
    if text_length(caption) > CAPTION_LIMIT:
        raise td_error(400, "Message caption is too long")


def _captioned_file(
    core: SandboxCore, call: Call, kind: str
) -> tuple[str, SendTarget, UploadedFile | FileRecord | str, str, list[Entity]]:
    """The Bot API and TDLib checks a file with a caption shares before the servers see it.

    The file is there, the caption parses, the chat and the reply, then the file size or
    file id and the caption length. Returns the raw caption, the target, the checked file,
    and the caption with its entities.
    """
    value = input_file(call, kind)
    if value is None:
        raise td_error(400, f"There is no {kind} in the request")
    raw_caption = call.arg("caption")
    parsed = formatted_text(raw_caption, call.arg("parse_mode"), call.arg("caption_entities"))
    target = core.prepare_send(call)
    source = local_file(core, value, kind)
    caption, entities = core.finish_text(parsed, allow_empty=True)
    check_caption(caption)
    return raw_caption, target, source, caption, entities


async def send_document(core: SandboxCore, call: Call) -> object:
    """``sendDocument``: a multipart upload, or the file id of a file sent before."""
    raw_caption, target, source, caption, entities = _captioned_file(core, call, "document")
    if isinstance(source, str):
        refuse_unknown(source)
    core.server_send_checks(target)
    if isinstance(source, UploadedFile):
        mime_type = source.mime_type or "application/octet-stream"
        source = core.world.new_file(source.data, source.file_name or "document", mime_type)
    assert isinstance(source, FileRecord)
    message = core.store_bot_message(
        target, document=source, caption=caption or None, caption_entities=entities
    )
    core.record_sent(message, call, raw_caption)
    return core.message_json(message)


def _server_image(source: UploadedFile | FileRecord | str) -> ImageInfo | None:
    """The servers' processing of an uploaded image: readable, and of allowed dimensions."""
    if isinstance(source, str):
        refuse_unknown(source)
    if not isinstance(source, UploadedFile):
        return None
    try:
        return photo_info(source.data)
    except PhotoDimensionsError as error:
        raise td_error(400, "PHOTO_INVALID_DIMENSIONS") from error
    except ImageError as error:
        raise td_error(400, "IMAGE_PROCESS_FAILED") from error


async def send_photo(core: SandboxCore, call: Call) -> object:
    """``sendPhoto``: an uploaded image, or the file id of a photo the server has.

    Bot API checks (the photo is there, the caption parses, the chat and the reply), then
    TDLib's (file size or file id, caption length), then the servers' (the image can be
    read and has allowed dimensions, the user has not blocked the bot, flood limits).
    """
    raw_caption, target, source, caption, entities = _captioned_file(core, call, "photo")
    info = _server_image(source)
    core.server_send_checks(target)
    stored: Photo
    if isinstance(source, UploadedFile):
        assert info is not None
        stored = core.world.new_photo(
            source.data,
            source.file_name or "photo.jpg",
            info.format,
            info.width,
            info.height,
            core.world.bot.id,
        )
    else:
        assert isinstance(source, FileRecord)
        stored = core.world.photo_of_file[source.file_id]
    message = core.store_bot_message(
        target,
        photo=stored,
        caption=caption or None,
        caption_entities=entities,
        show_caption_above_media=call.flag("show_caption_above_media"),
        has_media_spoiler=call.flag("has_spoiler"),
    )
    core.record_sent(message, call, raw_caption, photo_uploaded=isinstance(source, UploadedFile))
    return core.message_json(message)


MEDIA_METHODS = {
    "senddocument": send_document,
    "sendphoto": send_photo,
}
