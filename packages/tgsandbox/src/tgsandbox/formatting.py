"""What the server does to a message text after parsing: TDLib's ``fix_formatted_text``.

``clean_input_string`` turns control characters into spaces, drops ``\\r``, U+2028..U+202E and
three combining vertical lines, and rewrites runs of LRM/RLM marks; the text is then trimmed
of spaces and newlines (on the left only up to the first entity), and must not be empty or
made only of invisible characters. Lengths Telegram enforces are counted in code points;
entity offsets are in UTF-16 code units.

>>> clean_text("\\r\\n  خبر\\u202bها\\t  ")
'خبرها'
>>> text_length("می\\u200cروم"), utf16_length("😀")
(6, 2)
"""

from __future__ import annotations

from tgsandbox.html import Entity

__all__ = [
    "FormattingError",
    "clean_text",
    "fix_formatted_text",
    "is_empty_text",
    "text_length",
    "utf8_length",
    "utf16_length",
]

_SPLITTABLE = ("bold", "italic", "underline", "strikethrough", "spoiler")
_PRE = ("pre", "pre_code")
_REMOVED = {"\r", "\u0333", "\u033f", "\u030a"} | {chr(c) for c in range(0x2028, 0x202F)}
_SPACE_CHARACTERS = {"\u1680", "\u180e", "\u202f", "\u205f", "\u2800", "\u3000", "\ufffc"} | {
    chr(c) for c in range(0x2000, 0x200B)
}
_EMPTY_CHARACTERS = {" ", "\n", "\u00a0", "\u202e", "\ufeff"} | {
    chr(c) for c in range(0x200B, 0x2010)
}


class FormattingError(ValueError):
    """A TDLib error about the text itself, e.g. ``Text must be non-empty``."""


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of entity offsets."""
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def utf8_length(text: str) -> int:
    """Length in UTF-8 bytes (lone surrogates count as three bytes, as TDLib sees them)."""
    return len(text.encode("utf-8", "surrogatepass"))


def text_length(text: str) -> int:
    """Length in Unicode code points, the unit of Telegram's 4096 and 1024 limits."""
    return len(text)


def _clean_char(char: str) -> str:
    """The replacement of one character by ``clean_input_string`` ("" removes it)."""
    if char in _REMOVED:
        return ""
    if ord(char) < 0x20 and char != "\n":
        return " "
    return char


def _replace_offending(chars: list[str]) -> None:
    """Runs of LRM/RLM marks: all but the last become ZERO WIDTH NON-JOINER."""
    for index in range(len(chars) - 1):
        if chars[index] in ("\u200e", "\u200f") and chars[index + 1] in ("\u200e", "\u200f"):
            chars[index] = "\u200c"


def _clean_with_map(text: str) -> tuple[str, list[int]]:
    """Clean ``text`` and map each old UTF-16 boundary to its new UTF-16 position."""
    out: list[str] = []
    mapping: list[int] = []
    position = 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        replacement = _clean_char(char)
        mapping.append(position)
        if width == 2:
            mapping.append(position + (1 if replacement else 0))
        if replacement:
            out.append(replacement)
            position += width
    mapping.append(position)
    _replace_offending(out)
    return "".join(out), mapping


def clean_text(text: str) -> str:
    """The server's cleanup of a plain text: control characters, marks, and trimmed ends."""
    cleaned, _ = _clean_with_map(text)
    return cleaned.strip(" \n")


def is_empty_text(text: str) -> bool:
    """TDLib's ``is_empty_string``: nothing left but spaces and invisible characters."""
    spaced = "".join(" " if char in _SPACE_CHARACTERS or 0xE0000 <= ord(char) <= 0xE007F
                     else char for char in text)  # fmt: skip
    trimmed = spaced.strip(" \t\r\n\x00\x0b")
    return all(char in _EMPTY_CHARACTERS for char in trimmed)


def _merge_splittable(entities: list[Entity]) -> list[Entity]:
    """Merge touching or overlapping entities of one splittable type; drop them inside pre."""
    pres = [entity for entity in entities if entity.type in _PRE]
    result = [entity for entity in entities if entity.type not in _SPLITTABLE]
    for kind in _SPLITTABLE:
        spans = sorted(
            (entity.offset, entity.offset + entity.length)
            for entity in entities
            if entity.type == kind
        )
        merged: list[list[int]] = []
        for begin, end in spans:
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])
        for begin, end in merged:
            inside_pre = any(pre.offset <= begin and end <= pre.offset + pre.length for pre in pres)
            if not inside_pre:
                result.append(Entity(kind, begin, end - begin))
    result.sort(key=Entity.sort_key)
    return result


def _remap(entities: list[Entity], mapping: list[int]) -> list[Entity]:
    result = []
    last = len(mapping) - 1
    for entity in entities:
        begin = mapping[min(entity.offset, last)]
        end = mapping[min(entity.offset + entity.length, last)]
        if end > begin:
            entity.offset, entity.length = begin, end - begin
            result.append(entity)
    return result


def fix_formatted_text(
    text: str, entities: list[Entity], *, allow_empty: bool = False
) -> tuple[str, list[Entity]]:
    """Clean, trim and normalise a parsed text as TDLib does before sending it.

    Raises :class:`FormattingError` ``Text must be non-empty`` unless ``allow_empty``.
    """
    for entity in entities:
        if not 0 <= entity.offset <= 1_000_000:
            raise FormattingError(f"Receive an entity with incorrect offset {entity.offset}")
        if not 0 <= entity.length <= 1_000_000:
            raise FormattingError(f"Receive an entity with incorrect length {entity.length}")
    cleaned, mapping = _clean_with_map(text)
    entities = _merge_splittable(_remap(entities, mapping))
    stripped_right = cleaned.rstrip(" \n")
    if not stripped_right:
        if allow_empty:
            return "", []
        raise FormattingError("Text must be non-empty")
    end = utf16_length(stripped_right)
    kept = []
    for entity in entities:
        if entity.offset >= end:
            continue
        entity.length = min(entity.length, end - entity.offset)
        kept.append(entity)
    first_entity = min((entity.offset for entity in kept), default=end)
    left = 0
    while left < first_entity and stripped_right[left] in " \n":
        left += 1
    for entity in kept:
        entity.offset -= left
    result = stripped_right[left:]
    kept.sort(key=Entity.sort_key)
    if not allow_empty and is_empty_text(result):
        raise FormattingError("Text must be non-empty")
    return result, kept
