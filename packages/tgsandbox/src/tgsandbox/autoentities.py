"""Entities Telegram finds by itself in a text: bot commands, mentions, hashtags, cashtags,
and (approximately) URLs and e-mail addresses.

Bot commands, mentions, hashtags and cashtags follow TDLib's ``match_*`` functions; URL and
e-mail detection is a simplification of TDLib's ``find_urls``.

>>> [(e.type, e.offset, e.length) for e in find_entities("/start@newsbot_sandbox_bot #خبر")]
[('bot_command', 0, 26), ('hashtag', 27, 4)]
"""

from __future__ import annotations

import re
import unicodedata

from tgsandbox.formatting import utf16_length
from tgsandbox.html import Entity

__all__ = ["find_bot_commands", "find_entities", "merge_found_entities"]

_ALNUM_UNDERSCORE = re.compile(r"[A-Za-z0-9_]*")
_URL = re.compile(
    r"(?i)(?<![\w@/.])(?:(?:https?|ftp|tg)://|www\.|t\.me/)[^\s<>\"«»]+"
    r"|(?<![\w@/.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\."
    r"(?:com|org|net|ir|io|me|info|ru|de|uk|gov|edu|co|app|dev|news|tv|fm)\b(?:/[^\s<>\"«»]*)?"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_TRAILING = ".,;:!?)]}'\"؛،"


def _is_word(char: str) -> bool:
    return char == "_" or unicodedata.category(char)[0] in "LN"


def _is_hashtag_letter(char: str) -> tuple[bool, bool]:
    """Whether ``char`` continues a hashtag, and whether it is a letter."""
    category = unicodedata.category(char)
    is_letter = category[0] == "L"
    allowed = (
        char in ("_", "\u200c", "\u00b7") or 0xD80 <= ord(char) <= 0xDFF
        or is_letter or category == "Nd"
    )  # fmt: skip
    return allowed, is_letter


def _entity(text: str, kind: str, begin: int, end: int) -> Entity:
    return Entity(kind, utf16_length(text[:begin]), utf16_length(text[begin:end]))


def find_bot_commands(text: str) -> list[Entity]:
    """``match_bot_commands``: ``/command`` or ``/command@botname`` tokens."""
    result = []
    for begin, char in enumerate(text):
        if char != "/":
            continue
        if begin > 0:
            prev = text[begin - 1]
            if _is_word(prev) or prev in "/<>":
                continue
        match = _ALNUM_UNDERSCORE.match(text, begin + 1)
        end = match.end() if match else begin + 1
        if not 1 <= end - begin - 1 <= 64:
            continue
        if end < len(text) and text[end] == "@":
            mention = _ALNUM_UNDERSCORE.match(text, end + 1)
            mention_end = mention.end() if mention else end + 1
            if not 3 <= mention_end - end - 1 <= 32:
                continue
            end = mention_end
        if end < len(text) and (_is_word(text[end]) or text[end] in "/<>"):
            continue
        result.append(_entity(text, "bot_command", begin, end))
    return result


def _find_mentions(text: str) -> list[Entity]:
    result = []
    for begin, char in enumerate(text):
        if char != "@" or (begin > 0 and _is_word(text[begin - 1])):
            continue
        match = _ALNUM_UNDERSCORE.match(text, begin + 1)
        end = match.end() if match else begin + 1
        if not 2 <= end - begin - 1 <= 32 or (end < len(text) and _is_word(text[end])):
            continue
        result.append(_entity(text, "mention", begin, end))
    return result


def _find_hashtags(text: str) -> list[Entity]:
    result = []
    for begin, char in enumerate(text):
        if char != "#" or (begin > 0 and _is_hashtag_letter(text[begin - 1])[0]):
            continue
        end = begin + 1
        size = 0
        tag_end = 0
        was_letter = False
        while end < len(text):
            allowed, is_letter = _is_hashtag_letter(text[end])
            if not allowed:
                break
            end += 1
            if size == 255:
                tag_end = end
            if size != 256:
                was_letter = was_letter or is_letter
                size += 1
        if size < 1 or (end < len(text) and text[end] == "#") or not was_letter:
            continue
        result.append(_entity(text, "hashtag", begin, tag_end or end))
    return result


def _find_cashtags(text: str) -> list[Entity]:
    result = []
    for begin, char in enumerate(text):
        if char != "$":
            continue
        if begin > 0 and (_is_hashtag_letter(text[begin - 1])[0] or text[begin - 1] == "$"):
            continue
        end = begin + 1
        if text.startswith("1INCH", end):
            end += 5
        else:
            while end < len(text) and "A" <= text[end] <= "Z":
                end += 1
        if not 1 <= end - begin - 1 <= 8:
            continue
        if end < len(text) and (_is_hashtag_letter(text[end])[0] or text[end] == "$"):
            continue
        result.append(_entity(text, "cashtag", begin, end))
    return result


def _find_links(text: str) -> list[Entity]:
    result = []
    for kind, pattern in (("email", _EMAIL), ("url", _URL)):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in _TRAILING:
                end -= 1
            if end > match.start():
                result.append(_entity(text, kind, match.start(), end))
    return result


def find_entities(text: str, *, skip_bot_commands: bool = False) -> list[Entity]:
    """All automatic entities of ``text``, without overlaps, in TDLib's order."""
    found = _find_mentions(text) + _find_hashtags(text) + _find_cashtags(text)
    found += _find_links(text)
    if not skip_bot_commands:
        found += find_bot_commands(text)
    found.sort(key=Entity.sort_key)
    result: list[Entity] = []
    end = 0
    for entity in found:
        if entity.offset >= end:
            result.append(entity)
            end = entity.offset + entity.length
    return result


_CONTINUOUS_SKIP = {"bold", "italic", "underline", "strikethrough", "spoiler"}


def merge_found_entities(text: str, entities: list[Entity]) -> list[Entity]:
    """Add automatic entities that do not overlap an entity the sender gave (bold and the like
    aside), as ``merge_new_entities`` does."""
    blocking = [e for e in entities if e.type not in _CONTINUOUS_SKIP]
    merged = list(entities)
    for entity in find_entities(text):
        end = entity.offset + entity.length
        if all(end <= b.offset or entity.offset >= b.offset + b.length for b in blocking):
            merged.append(entity)
    merged.sort(key=Entity.sort_key)
    return merged
