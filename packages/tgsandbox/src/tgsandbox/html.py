"""Telegram's HTML parse mode, ported from TDLib's ``parse_html`` (td/telegram/MessageEntity.cpp).

The parser walks the UTF-8 bytes of the text exactly as TDLib does, so error messages carry
the same byte offsets and wording, and entity offsets and lengths are counted in UTF-16
code units. Reading past the end of the input yields a NUL byte, as TDLib reads its
NUL-terminated buffer; an embedded NUL therefore ends a tag the same way.

>>> parse_html("<b>سلام</b> &amp; خوش آمدید")
('سلام & خوش آمدید', [{'type': 'bold', 'offset': 0, 'length': 4}])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tgsandbox.links import check_link, link_user_id

__all__ = ["Entity", "HtmlParseError", "parse_html", "parse_html_entities"]

_SUPPORTED_TAGS = frozenset(
    {
        b"a", b"b", b"strong", b"i", b"em", b"s", b"strike", b"del", b"u", b"ins",
        b"tg-spoiler", b"tg-emoji", b"span", b"pre", b"code", b"blockquote",
    }
)  # fmt: skip

# TDLib's entity type priorities, used to order entities that share offset and length.
_PRIORITY = {
    "mention": 50, "hashtag": 50, "bot_command": 50, "url": 50, "email": 50, "bold": 90,
    "italic": 91, "code": 20, "pre": 11, "pre_code": 10, "text_link": 49, "text_mention": 49,
    "cashtag": 50, "phone_number": 50, "underline": 92, "strikethrough": 93, "blockquote": 0,
    "bank_card_number": 50, "spoiler": 94, "custom_emoji": 99, "expandable_blockquote": 1,
}  # fmt: skip


class HtmlParseError(ValueError):
    """Raised with TDLib's exact message when the HTML markup cannot be parsed."""


@dataclass
class Entity:
    """A message entity in TDLib's internal form (``pre_code`` is a ``pre`` with a language)."""

    type: str
    offset: int
    length: int
    argument: str = ""
    user_id: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, int]:
        """TDLib's ordering: by offset, then longer first, then by type priority."""
        return (self.offset, -self.length, _PRIORITY.get(self.type, 50))

    def to_bot_api(self) -> dict[str, object]:
        """The Bot API ``MessageEntity`` object for this entity."""
        kind = "pre" if self.type == "pre_code" else self.type
        result: dict[str, object] = {"type": kind, "offset": self.offset, "length": self.length}
        if self.type == "pre_code":
            result["language"] = self.argument
        elif self.type == "text_link":
            result["url"] = self.argument
        elif self.type == "custom_emoji":
            result["custom_emoji_id"] = self.argument
        elif self.type == "text_mention":
            result["user"] = dict(self.extra) or {
                "id": self.user_id, "is_bot": False, "first_name": ""
            }  # fmt: skip
        return result


def _is_space(c: int) -> bool:
    return c in (0x20, 0x09, 0x0D, 0x0A, 0x00, 0x0B)


def _is_digit(c: int) -> bool:
    return 0x30 <= c <= 0x39


def _is_alpha(c: int) -> bool:
    return 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A


def _is_hex_digit(c: int) -> bool:
    return _is_digit(c) or 0x61 <= c <= 0x66 or 0x41 <= c <= 0x46


def _is_alnum(c: int) -> bool:
    return _is_alpha(c) or _is_digit(c)


class _Bytes:
    """A byte buffer that reads NUL past its end, like a C string."""

    __slots__ = ("data", "size")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.size = len(data)

    def __getitem__(self, index: int) -> int:
        return self.data[index] if index < self.size else 0

    def text(self, begin: int, end: int) -> str:
        return self.data[begin:end].decode("utf-8", "surrogatepass")


def _decode_entity(buf: _Bytes, pos: int) -> tuple[int, int]:
    """Decode a character reference at ``pos``; return ``(code, next_pos)``, code 0 if none."""
    end = pos + 1
    res = 0
    if buf[pos + 1] == ord("#"):
        end += 1
        if buf[pos + 2] == ord("x"):
            end += 1
            while _is_hex_digit(buf[end]):
                res = res * 16 + int(chr(buf[end]), 16)
                end += 1
        else:
            while _is_digit(buf[end]):
                res = res * 10 + buf[end] - 0x30
                end += 1
        if res == 0 or res >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while _is_alpha(buf[end]):
            end += 1
        name = buf.data[pos + 1 : end]
        named = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
        if name not in named:
            return 0, pos
        res = named[name]
    return res, (end + 1 if buf[end] == ord(";") else end)


def _encode(code: int) -> bytes:
    return chr(code).encode("utf-8", "surrogatepass")


@dataclass
class _Open:
    tag: str
    argument: str
    entity_offset: int
    begin_pos: int


def _parse_attributes(buf: _Bytes, i: int, tag: str, begin_pos: int) -> tuple[int, str]:
    """Parse a start tag's attributes from ``i``; return the index of ``>`` and the argument."""
    argument = ""
    while buf[i] != ord(">"):
        while buf[i] != 0 and _is_space(buf[i]):
            i += 1
        if buf[i] == ord(">"):
            break
        name_begin = i
        while not _is_space(buf[i]) and buf[i] not in b"=>/\"'":
            i += 1
        name = buf.data[name_begin:i]
        if not name:
            raise HtmlParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {begin_pos}'
            )
        while buf[i] != 0 and _is_space(buf[i]):
            i += 1
        if buf[i] != ord("="):
            if buf[i] == 0:
                raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin_pos}')
            if tag == "blockquote" and name == b"expandable":
                argument = "1"
            continue
        i += 1
        while buf[i] != 0 and _is_space(buf[i]):
            i += 1
        if buf[i] == 0:
            raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin_pos}')
        if buf[i] not in b"'\"":
            token_begin = i
            while _is_alnum(buf[i]) or buf[i] in b".-":
                i += 1
            value = buf.text(token_begin, i).lower()
            if not _is_space(buf[i]) and buf[i] != ord(">"):
                raise HtmlParseError(f"Unexpected end of name token at byte offset {token_begin}")
        else:
            quote = buf[i]
            i += 1
            out = bytearray()
            while buf[i] != quote and buf[i] != 0:
                if buf[i] == ord("&"):
                    code, next_i = _decode_entity(buf, i)
                    if code != 0:
                        out += _encode(code)
                        i = next_i
                        continue
                out.append(buf[i])
                i += 1
            if buf[i] == quote:
                i += 1
            value = bytes(out).decode("utf-8", "surrogatepass")
        if buf[i] == 0:
            raise HtmlParseError(f"Unclosed start tag at byte offset {begin_pos}")
        if tag == "a" and name == b"href":
            argument = value
        elif tag == "code" and name == b"class" and value.startswith("language-"):
            argument = value[9:]
        elif tag == "span" and name == b"class" and value.startswith("tg-"):
            argument = value[3:]
        elif tag == "tg-emoji" and name == b"emoji-id":
            argument = value
        elif tag == "blockquote" and name == b"expandable":
            argument = "1"
    return i, argument


def _to_int64_safe(value: str) -> int | None:
    """TDLib's ``to_integer_safe<int64>``: the value must print back to the same string."""
    digits = value[1:] if value.startswith("-") else value
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    number = int(value)
    if str(number) != value or not -(2**63) <= number < 2**63:
        return None
    return number


def _close_entity(
    entities: list[Entity], top: _Open, offset: int, length: int, result: bytearray
) -> None:
    tag = top.tag
    if tag in ("i", "em"):
        entities.append(Entity("italic", offset, length))
    elif tag in ("b", "strong"):
        entities.append(Entity("bold", offset, length))
    elif tag in ("s", "strike", "del"):
        entities.append(Entity("strikethrough", offset, length))
    elif tag in ("u", "ins"):
        entities.append(Entity("underline", offset, length))
    elif tag == "tg-spoiler" or (tag == "span" and top.argument == "spoiler"):
        entities.append(Entity("spoiler", offset, length))
    elif tag == "tg-emoji":
        document_id = _to_int64_safe(top.argument)
        if document_id is None or document_id == 0:
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entities.append(Entity("custom_emoji", offset, length, str(document_id)))
    elif tag == "a":
        url = top.argument or bytes(result[top.begin_pos :]).decode("utf-8", "surrogatepass")
        user_id = link_user_id(url)
        if user_id:
            entities.append(Entity("text_mention", offset, length, user_id=user_id))
        else:
            checked = check_link(url)
            if checked:
                entities.append(Entity("text_link", offset, length, checked))
    elif tag == "pre":
        last = entities[-1] if entities else None
        if (
            last is not None and last.type == "code" and last.offset == offset
            and last.length == length and last.argument
        ):  # fmt: skip
            last.type = "pre_code"
        else:
            entities.append(Entity("pre", offset, length))
    elif tag == "code":
        last = entities[-1] if entities else None
        if (
            last is not None and last.type == "pre" and last.offset == offset
            and last.length == length and top.argument
        ):  # fmt: skip
            last.type = "pre_code"
            last.argument = top.argument
        else:
            entities.append(Entity("code", offset, length, top.argument))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if top.argument else "blockquote"
        entities.append(Entity(kind, offset, length))


def parse_html_entities(text: str) -> tuple[str, list[Entity]]:
    """Parse Telegram HTML into plain text and TDLib-style entities, or raise HtmlParseError."""
    buf = _Bytes(text.encode("utf-8", "surrogatepass"))
    result = bytearray()
    entities: list[Entity] = []
    stack: list[_Open] = []
    utf16_offset = 0
    need_recheck_utf8 = False
    i = 0
    while i < buf.size:
        c = buf[i]
        if c == ord("&"):
            code, next_i = _decode_entity(buf, i)
            if code != 0:
                utf16_offset += 1 + (code > 0xFFFF)
                need_recheck_utf8 = need_recheck_utf8 or 0xD800 <= code <= 0xDFFF
                result += _encode(code)
                i = next_i
                continue
        if c != ord("<"):
            if c & 0xC0 != 0x80:
                utf16_offset += 1 + (c >= 0xF0)
            result.append(c)
            i += 1
            continue
        begin_pos = i
        i += 1
        if buf[i] != ord("/"):
            while not _is_space(buf[i]) and buf[i] != ord(">"):
                i += 1
            if buf[i] == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin_pos}")
            tag = buf.data[begin_pos + 1 : i].lower()
            tag_name = tag.decode("utf-8", "surrogatepass")
            if tag not in _SUPPORTED_TAGS:
                raise HtmlParseError(
                    f'Unsupported start tag "{tag_name}" at byte offset {begin_pos}'
                )
            i, argument = _parse_attributes(buf, i, tag_name, begin_pos)
            if tag_name == "span" and argument != "spoiler":
                raise HtmlParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin_pos}'
                )
            stack.append(_Open(tag_name, argument, utf16_offset, len(result)))
        else:
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {begin_pos}")
            while not _is_space(buf[i]) and buf[i] != ord(">"):
                i += 1
            end_tag = buf.text(begin_pos + 2, i).lower()
            while _is_space(buf[i]) and buf[i] != 0:
                i += 1
            if buf[i] != ord(">"):
                raise HtmlParseError(f"Unclosed end tag at byte offset {begin_pos}")
            top = stack[-1]
            if end_tag and end_tag != top.tag:
                raise HtmlParseError(
                    f'Unmatched end tag at byte offset {begin_pos}, expected "</{top.tag}>", '
                    f'found "</{end_tag}>"'
                )
            if utf16_offset > top.entity_offset:
                length = utf16_offset - top.entity_offset
                _close_entity(entities, top, top.entity_offset, length, result)
            stack.pop()
        i += 1
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    for entity in entities:
        if entity.type == "code":
            entity.argument = ""
    entities.sort(key=Entity.sort_key)
    if need_recheck_utf8 and not _is_valid_utf8(bytes(result)):
        raise HtmlParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, check for "
            "unmatched surrogate code units"
        )
    return bytes(result).decode("utf-8", "surrogatepass"), entities


def _is_valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_html(text: str) -> tuple[str, list[dict[str, object]]]:
    """Parse Telegram HTML into plain text and Bot API ``MessageEntity`` dictionaries.

    Raises :class:`HtmlParseError` with TDLib's exact message (byte offsets in UTF-8).

    >>> parse_html('<a href="https://example.com">x</a>')[1]
    [{'type': 'text_link', 'offset': 0, 'length': 1, 'url': 'https://example.com/'}]
    """
    plain, entities = parse_html_entities(text)
    return plain, [entity.to_bot_api() for entity in entities]
