"""Telegram's Markdown and MarkdownV2 parse modes, ported from TDLib's ``parse_markdown`` and
``parse_markdown_v2`` (td/telegram/MessageEntity.cpp), with TDLib's error messages.

>>> parse_markdown_v2("*پررنگ* و _کج_")[0]
'پررنگ و کج'
>>> try:
...     parse_markdown_v2("1.5")
... except MarkdownParseError as error:
...     print(error)
Character '.' is reserved and must be escaped with the preceding '\\'
"""

from __future__ import annotations

from dataclasses import dataclass

from tgsandbox.html import Entity
from tgsandbox.links import check_link, link_user_id

__all__ = ["MarkdownParseError", "parse_markdown", "parse_markdown_v2"]

_TYPE_NAMES = {
    "bold": "Bold", "italic": "Italic", "underline": "Underline", "strikethrough": "Strikethrough",
    "blockquote": "BlockQuote", "code": "Code", "pre": "Pre", "pre_code": "PreCode",
    "text_link": "TextUrl", "spoiler": "Spoiler", "custom_emoji": "CustomEmoji",
}  # fmt: skip
_RESERVED = b"_*[]()~`>#+-=|{}.!\n"


class MarkdownParseError(ValueError):
    """Raised with TDLib's exact message when Markdown cannot be parsed."""


def _space(c: int) -> bool:
    return c in (0x20, 0x09, 0x0D, 0x0A, 0x00, 0x0B)


class _Text:
    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8", "surrogatepass")
        self.size = len(self.data)
        self.out = bytearray()
        self.utf16 = 0

    def __getitem__(self, index: int) -> int:
        return self.data[index] if index < self.size else 0

    def copy(self, index: int) -> None:
        c = self.data[index]
        if c & 0xC0 != 0x80:
            self.utf16 += 1 + (c >= 0xF0)
        self.out.append(c)

    def result(self) -> str:
        return bytes(self.out).decode("utf-8", "surrogatepass")


def _link_entity(kind_offset: tuple[int, int], url: str) -> Entity | None:
    offset, length = kind_offset
    user_id = link_user_id(url)
    if user_id:
        return Entity("text_mention", offset, length, user_id=user_id)
    checked = check_link(url)
    return Entity("text_link", offset, length, checked) if checked else None


def parse_markdown(text: str) -> tuple[str, list[Entity]]:
    """Legacy Markdown: ``*bold*``, ``_italic_``, ``[text](url)``, `` `code` `` and pre blocks."""
    t = _Text(text)
    entities: list[Entity] = []
    i = 0
    while i < t.size:
        c = t[i]
        if c == ord("\\") and t[i + 1] in b"_*`[" and t[i + 1] != 0:
            i += 1
            t.out.append(t[i])
            t.utf16 += 1
            i += 1
            continue
        if c not in b"_*`[":
            t.copy(i)
            i += 1
            continue
        begin_pos = i
        end_character = ord("]") if c == ord("[") else c
        is_pre = False
        i += 1
        language = ""
        if c == ord("`") and t[i] == ord("`") and t[i + 1] == ord("`"):
            i += 2
            is_pre = True
            language_end = i
            while not _space(t[language_end]) and t[language_end] != ord("`"):
                language_end += 1
            if i != language_end and language_end < t.size and t[language_end] != ord("`"):
                language = t.data[i:language_end].decode("utf-8", "surrogatepass")
                i = language_end
            if t[i] in b"\n\r" and t[i] != 0:
                pair = t[i + 1] in b"\n\r" and t[i + 1] != 0 and t[i] != t[i + 1]
                i += 2 if pair else 1
        entity_offset = t.utf16
        while i < t.size and (
            t[i] != end_character
            or (is_pre and not (t[i + 1] == ord("`") and t[i + 2] == ord("`")))
        ):
            t.copy(i)
            i += 1
        if i == t.size:
            raise MarkdownParseError(
                f"Can't find end of the entity starting at byte offset {begin_pos}"
            )
        if entity_offset != t.utf16:
            length = t.utf16 - entity_offset
            if c == ord("_"):
                entities.append(Entity("italic", entity_offset, length))
            elif c == ord("*"):
                entities.append(Entity("bold", entity_offset, length))
            elif c == ord("["):
                if t[i + 1] != ord("("):
                    url = t.data[begin_pos + 1 : i].decode("utf-8", "surrogatepass")
                else:
                    i += 2
                    url_begin = i
                    while i < t.size and t[i] != ord(")"):
                        i += 1
                    url = t.data[url_begin:i].decode("utf-8", "surrogatepass")
                entity = _link_entity((entity_offset, length), url)
                if entity is not None:
                    entities.append(entity)
            elif is_pre:
                kind = "pre_code" if language else "pre"
                entities.append(Entity(kind, entity_offset, length, language))
            else:
                entities.append(Entity("code", entity_offset, length))
        if is_pre:
            i += 2
        i += 1
    return t.result(), entities


@dataclass
class _Open:
    type: str
    argument: str
    offset: int
    byte_offset: int
    begin_pos: int


def _reserved(c: int) -> MarkdownParseError:
    return MarkdownParseError(
        f"Character '{chr(c)}' is reserved and must be escaped with the preceding '\\'"
    )


def _read_url(t: _Text, i: int) -> tuple[str, int]:
    out = bytearray()
    while i < t.size and t[i] != ord(")"):
        if t[i] == ord("\\") and 0 < t[i + 1] <= 126:
            out.append(t[i + 1])
            i += 2
            continue
        out.append(t[i])
        i += 1
    return out.decode("utf-8", "surrogatepass"), i


def _custom_emoji_id(url: str) -> str:
    lower = url.lower()
    prefix = "tg://emoji?id="
    value = url[len(prefix) :] if lower.startswith(prefix) else ""
    if not value.isascii() or not value.isdigit() or int(value) == 0 or str(int(value)) != value:
        raise MarkdownParseError("Invalid custom emoji identifier specified")
    return value


def _is_end(t: _Text, i: int, top: _Open, have_blockquote: bool) -> bool:
    c = t[i]
    if have_blockquote and c == ord("\n") and (i + 1 == t.size or t[i + 1] != ord(">")):
        return True
    kind = top.type
    if kind == "bold":
        return c == ord("*")
    if kind == "italic":
        return c == ord("_") and t[i + 1] != ord("_")
    if kind == "code":
        return c == ord("`")
    if kind in ("pre", "pre_code"):
        return c == ord("`") and t[i + 1] == ord("`") and t[i + 2] == ord("`")
    if kind in ("text_link", "custom_emoji"):
        return c == ord("]")
    if kind == "underline":
        return c == ord("_") and t[i + 1] == ord("_")
    if kind == "strikethrough":
        return c == ord("~")
    if kind == "spoiler":
        return c == ord("|") and t[i + 1] == ord("|")
    return False


def _begin(t: _Text, i: int, state: dict[str, bool]) -> tuple[str | None, str, int]:
    """Start an entity at ``i``; return its type (None for none), argument and new index."""
    c = t[i]
    if c == ord("_"):
        return ("underline", "", i + 1) if t[i + 1] == ord("_") else ("italic", "", i)
    if c == ord("*"):
        return "bold", "", i
    if c == ord("~"):
        return "strikethrough", "", i
    if c == ord("|"):
        if t[i + 1] == ord("|"):
            return "spoiler", "", i + 1
        raise _reserved(c)
    if c == ord("["):
        return "text_link", "", i
    if c == ord("`"):
        if not (t[i + 1] == ord("`") and t[i + 2] == ord("`")):
            return "code", "", i
        i += 3
        kind, argument = "pre", ""
        language_end = i
        while not _space(t[language_end]) and t[language_end] != ord("`"):
            language_end += 1
        if i != language_end and language_end < t.size and t[language_end] != ord("`"):
            kind = "pre_code"
            argument = t.data[i:language_end].decode("utf-8", "surrogatepass")
            i = language_end
        if t[i] in b"\n\r" and t[i] != 0:
            pair = t[i + 1] in b"\n\r" and t[i + 1] != 0 and t[i] != t[i + 1]
            i += 2 if pair else 1
        return kind, argument, i - 1
    if c == ord("!"):
        if t[i + 1] == ord("["):
            return "custom_emoji", "", i + 1
        raise _reserved(c)
    if c == ord("\n"):
        t.utf16 += 1
        t.out.append(c)
        if i + 1 < t.size and t[i + 1] == ord(">"):
            i += 1
            if not state["blockquote"]:
                state["blockquote"] = True
                return "blockquote", "", i
        return None, "", i
    if c == ord(">") and i == 0:
        state["blockquote"] = True
        return "blockquote", "", i
    raise _reserved(c)


def _end(t: _Text, i: int, top: _Open, state: dict[str, bool]) -> tuple[Entity | None, int]:
    """Close the innermost entity at ``i``; return the entity (or None) and the new index."""
    kind = top.type
    if t[i] == ord("\n") and kind != "blockquote":
        name = _TYPE_NAMES[kind]
        raise MarkdownParseError(
            f"Can't find end of {name} entity at byte offset {top.byte_offset}"
        )
    skip = t.utf16 == top.offset
    argument, user_id = top.argument, 0
    if kind in ("underline", "spoiler"):
        i += 1
    elif kind in ("pre", "pre_code"):
        i += 2
    elif kind == "text_link":
        if t[i + 1] != ord("("):
            url = bytes(t.out[top.begin_pos :]).decode("utf-8", "surrogatepass")
        else:
            url_begin = i + 2
            url, i = _read_url(t, i + 2)
            if t[i] != ord(")"):
                raise MarkdownParseError(f"Can't find end of a URL at byte offset {url_begin}")
        user_id = link_user_id(url)
        if not user_id:
            argument = check_link(url)
            skip = skip or not argument
    elif kind == "custom_emoji":
        if t[i + 1] != ord("("):
            raise MarkdownParseError("Custom emoji entity must contain a tg://emoji URL")
        url_begin = i + 2
        url, i = _read_url(t, i + 2)
        if t[i] != ord(")"):
            raise MarkdownParseError(
                f"Can't find end of a custom emoji URL at byte offset {url_begin}"
            )
        argument = _custom_emoji_id(url)
    elif kind == "blockquote":
        state["blockquote"] = False
        t.out.append(t[i])
        t.utf16 += 1
    if skip:
        return None, i
    length = t.utf16 - top.offset
    if user_id:
        return Entity("text_mention", top.offset, length, user_id=user_id), i
    return Entity(kind, top.offset, length, argument), i


def parse_markdown_v2(text: str) -> tuple[str, list[Entity]]:
    """MarkdownV2, where every reserved character outside an entity must be escaped."""
    t = _Text(text)
    entities: list[Entity] = []
    nested: list[_Open] = []
    state = {"blockquote": False}
    i = 0
    while i < t.size:
        c = t[i]
        if c == ord("\\") and 0 < t[i + 1] <= 126:
            i += 1
            t.utf16 += 1
            t.out.append(t[i])
            i += 1
            continue
        reserved = _RESERVED
        if nested and nested[-1].type in ("code", "pre", "pre_code"):
            reserved = b"`"
        if c == 0 or c not in reserved:
            t.copy(i)
            i += 1
            continue
        if nested and _is_end(t, i, nested[-1], state["blockquote"]):
            entity, i = _end(t, i, nested[-1], state)
            if entity is not None:
                entities.append(entity)
            nested.pop()
        else:
            byte_offset = i
            kind, argument, i = _begin(t, i, state)
            if kind is not None:
                nested.append(_Open(kind, argument, t.utf16, byte_offset, len(t.out)))
        i += 1
    if state["blockquote"] and nested and nested[-1].type == "blockquote":
        top = nested.pop()
        if t.utf16 != top.offset:
            entities.append(Entity("blockquote", top.offset, t.utf16 - top.offset))
    if nested:
        name = _TYPE_NAMES[nested[-1].type]
        raise MarkdownParseError(
            f"Can't find end of {name} entity at byte offset {nested[-1].byte_offset}"
        )
    entities.sort(key=Entity.sort_key)
    return t.result(), entities
