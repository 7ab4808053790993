"""Input files as the server reads them: multipart uploads, file ids and URLs, and photo sizes.

``input_file`` follows ``Client::get_input_file`` of tdlib/telegram-bot-api; the file id
checks follow TDLib's ``FileManager::from_persistent_id`` and ``base64url_decode``; the photo
limits are the ones ``sendPhoto`` documents (10 MB, width + height at most 10,000, a ratio of
at most 20), refused with TDLib's and the servers' own words.

>>> file_id_error("AgACAgQAAxkD"), file_id_error("abcde"), file_id_error("ab$c")
('', 'Wrong string length', 'Wrong character in the string')
>>> photo_boxes(1000, 500)
[('s', 90, 45), ('m', 320, 160), ('x', 800, 400), ('y', 1000, 500)]
"""

from __future__ import annotations

from tgsandbox.images import ImageError, ImageInfo, image_info
from tgsandbox.request import Call, UploadedFile

__all__ = [
    "MAX_PHOTO_BYTES",
    "PhotoDimensionsError",
    "file_id_error",
    "input_file",
    "photo_boxes",
    "photo_dimensions_valid",
    "photo_info",
]

#: ``MAX_PHOTO_SIZE`` of TDLib's ``check_full_local_location``.
MAX_PHOTO_BYTES = 10 * (1 << 20)
#: The sizes Telegram keeps of a photo: type letter and the box the longer side fits in.
_BOXES = (("s", 90), ("m", 320), ("x", 800), ("y", 1280), ("w", 2560))
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_BASE64URL = {ord(char): value for value, char in enumerate(_ALPHABET)}


def input_file(call: Call, field: str) -> UploadedFile | str | None:
    """``Client::get_input_file``: a string argument (``attach://`` names an upload), else the
    uploaded file of that name; ``None`` when there is neither."""
    value = call.arg(field)
    if value.startswith("attach://"):
        return call.files.get(value[len("attach://") :])
    if value:
        return value
    return call.files.get(field)


def file_id_error(file_id: str) -> str:
    """TDLib's ``base64url_decode`` error for a malformed file id, ``""`` if it decodes.

    TDLib counts bytes, so a non-ASCII character counts for each of its UTF-8 bytes.
    """
    data = file_id.encode()
    body = data.rstrip(b"=")
    padding = len(data) - len(body)
    if padding >= 3:
        return "Wrong string padding"
    if padding and (len(body) + padding) % 4:
        return "Wrong padding length"
    if len(body) % 4 == 1:
        return "Wrong string length"
    if any(byte not in _BASE64URL for byte in body):
        return "Wrong character in the string"
    tail = len(body) % 4
    if tail and _BASE64URL[body[-1]] & (0x0F if tail == 2 else 0x03):
        return "Wrong padding in the string"
    if not body:
        return "Remote file identifier must be non-empty"
    return ""


def photo_boxes(width: int, height: int) -> list[tuple[str, int, int]]:
    """The sizes Telegram makes of a ``width`` x ``height`` photo, smallest first."""
    longest = max(width, height)
    boxes: list[tuple[str, int, int]] = []
    for kind, box in _BOXES:
        if longest <= box:
            boxes.append((kind, width, height))
            break
        scale = box / longest
        boxes.append((kind, max(1, round(width * scale)), max(1, round(height * scale))))
    return boxes


def photo_dimensions_valid(width: int, height: int) -> bool:
    """What ``PHOTO_INVALID_DIMENSIONS`` refuses: width + height over 10,000, a ratio over 20."""
    return width + height <= 10000 and max(width, height) <= 20 * min(width, height)


class PhotoDimensionsError(ImageError):
    """A readable image whose width and height Telegram refuses for a photo."""


def photo_info(data: bytes) -> ImageInfo:
    """The header of an image Telegram's servers take as a photo.

    :class:`ImageError` says why the bytes are no image the servers read, and its kind
    :class:`PhotoDimensionsError` why a readable one is refused for its dimensions.
    """
    info = image_info(data)
    if not photo_dimensions_valid(info.width, info.height):
        raise PhotoDimensionsError(f"a {info.width}x{info.height} photo has invalid dimensions")
    return info
