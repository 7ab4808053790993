"""The console chat: a reader at the terminal talking to the real bot through the emulator.

Messages show with their formatting (bold, italics, quotes, hashtags) and their
buttons numbered; typing a number presses that button of the latest message. The reader
can also send files: ``/doc PATH [caption]`` a document, ``/photo PATH [caption]`` a
photo, and ``/reply LINE`` sends a line (text, ``/doc`` or ``/photo``) in reply to the
bot's latest message.
"""

from __future__ import annotations

import asyncio
import mimetypes
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tgsandbox.emulator import BotApiEmulator
from tgsandbox.records import MessageEvent, SentMessage

BOLD, ITALIC, DIM, CYAN, RESET = "\033[1m", "\033[3m", "\033[2m", "\033[36m", "\033[0m"
#: How long the bot may stay silent before a demo step counts as answered.
QUIET_SECONDS = 0.4
ANSWER_TIMEOUT = 15.0


def _utf16_to_index(text: str) -> list[int]:
    """For each UTF-16 offset, the code point index it falls on (one past the end too)."""
    index: list[int] = []
    for position, char in enumerate(text):
        index.extend([position] * (2 if ord(char) > 0xFFFF else 1))
    index.append(len(text))
    return index


def styled(text: str, entities: list[dict[str, object]], color: bool = True) -> str:
    """``text`` with its entities shown: ANSI styles, or plain markers without colour."""
    if not color and not entities:
        return text
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    index = _utf16_to_index(text)
    styles = {
        "bold": (BOLD, "*"),
        "italic": (ITALIC, "_"),
        "hashtag": (CYAN, ""),
        "blockquote": (DIM, "│ "),
        "code": (CYAN, "`"),
    }
    for entity in entities:
        kind = str(entity.get("type"))
        offset, length = int(str(entity["offset"])), int(str(entity["length"]))
        if kind not in styles or offset + length >= len(index):
            continue
        start, end = index[offset], index[offset + length]
        ansi, marker = styles[kind]
        if color:
            starts.setdefault(start, []).append(ansi)
            ends.setdefault(end, []).append(RESET)
        elif kind == "blockquote":
            starts.setdefault(start, []).append(marker)
        elif marker:
            starts.setdefault(start, []).append(marker)
            ends.setdefault(end, []).insert(0, marker)
    out: list[str] = []
    for position, char in enumerate(text + "\0"):
        out.extend(ends.get(position, []))
        out.extend(starts.get(position, []))
        if char != "\0":
            out.append(char)
    return "".join(out)


def split_path(rest: str) -> tuple[str, str]:
    """``PATH [caption]``: the path (quoted if it has spaces) and the rest of the line.

    >>> split_path('"my photo.jpg" عکس: ایرنا')
    ('my photo.jpg', 'عکس: ایرنا')
    >>> split_path("content/a.txt"), split_path("")
    (('content/a.txt', ''), ('', ''))
    """
    rest = rest.strip()
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        if end > 0:
            return rest[1:end], rest[end + 1 :].strip()
    path, _, caption = rest.partition(" ")
    return path, caption.strip()


def media_line(message: SentMessage) -> str:
    """A line standing for the photo or document of a message, or ``""``."""
    if message.photo:
        largest = message.photo[-1]
        return f"[photo {largest['width']}×{largest['height']}]"
    if message.document:
        return f"[document {message.document.get('file_name', '')}]"
    return ""


def buttons_of(message: SentMessage) -> list[tuple[str, str]]:
    """``(text, callback_data)`` of the message's inline buttons, in reading order."""
    markup = message.reply_markup or {}
    rows = markup.get("inline_keyboard", [])
    found: list[tuple[str, str]] = []
    if isinstance(rows, list):
        for row in rows:
            for button in row if isinstance(row, list) else []:
                if isinstance(button, dict) and "callback_data" in button:
                    found.append((str(button.get("text", "")), str(button["callback_data"])))
    return found


@dataclass
class ConsoleChat:
    """One reader's private chat, printed to ``out``; channels show as they post."""

    emulator: BotApiEmulator
    user_id: int
    out: TextIO = field(default_factory=lambda: sys.stdout)
    color: bool = True
    channel_names: dict[int, str] = field(default_factory=dict)
    _keyboard: SentMessage | None = None
    _latest: SentMessage | None = None
    _activity: asyncio.Event = field(default_factory=asyncio.Event)
    _unsubscribe: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self._unsubscribe = self.emulator.subscribe(self._on_event)

    def close(self) -> None:
        """Stop printing the bot's messages."""
        if self._unsubscribe:
            self._unsubscribe()

    def _print(self, line: str = "") -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def _on_event(self, event: MessageEvent) -> None:
        message = event.message
        if message.chat_id == self.user_id:
            heading = "bot" if event.kind == "sent" else f"bot ({event.kind})"
        elif message.chat_id in self.channel_names:
            heading = f"channel {self.channel_names[message.chat_id]}"
        else:
            return
        self._activity.set()
        if event.kind == "deleted":
            self._print(f"── {heading}: message {message.message_id}")
            return
        if event.kind == "sent" and message.chat_id == self.user_id:
            self._latest = message
        self._print(f"── {heading} ──")
        media = media_line(message)
        if media:
            self._print(media)
        if message.text or not media:
            self._print(styled(message.text, message.entities, self.color))
        buttons = buttons_of(message)
        if buttons and message.chat_id == self.user_id:
            self._keyboard = message
            self._print("  ".join(f"[{n}] {text}" for n, (text, _) in enumerate(buttons, 1)))
        self._print()

    def say(self, text: str) -> bool:
        """The reader types ``text``: a number presses a button, ``/doc`` and ``/photo`` send a
        file, ``/reply`` replies to the bot's latest message, anything else is sent as text.

        Returns whether anything reached the bot (a wrong button number or an unreadable
        file does not).
        """
        text = text.strip()
        if not text:
            return False
        self._activity.clear()
        if text.isdecimal() and self._keyboard is not None:
            buttons = buttons_of(self._keyboard)
            number = int(text)
            if 1 <= number <= len(buttons):
                label, data = buttons[number - 1]
                self._print(f"── you pressed [{number}] {label}")
                self.emulator.press_button(
                    self.user_id, self._keyboard.message_id, data, user_id=self.user_id
                )
                return True
            self._print(f"(no button {number}; buttons are 1 to {len(buttons)})")
            return False
        reply_to = None
        command, _, rest = text.partition(" ")
        if command == "/reply":
            if self._latest is None:
                self._print("(/reply LINE replies to the bot's latest message; there is none yet)")
                return False
            if not rest.strip():
                self._print("(/reply needs a line to send)")
                return False
            reply_to, text = self._latest.message_id, rest.strip()
            command, _, rest = text.partition(" ")
        if command in ("/doc", "/photo"):
            return self._send_file(command, rest, reply_to)
        self._print(f"── you: {text}" + (" (in reply)" if reply_to else ""))
        self.emulator.send_text(self.user_id, text, user_id=self.user_id, reply_to=reply_to)
        return True

    def _send_file(self, command: str, rest: str, reply_to: int | None) -> bool:
        """``/doc PATH [caption]`` or ``/photo PATH [caption]`` from the reader."""
        path_text, caption = split_path(rest)
        if not path_text:
            self._print(f"({command} PATH [caption] sends a file)")
            return False
        path = Path(path_text).expanduser()
        try:
            data = path.read_bytes()
            if command == "/photo":
                self.emulator.send_photo(self.user_id, data, path.name, caption=caption or None,
                                         user_id=self.user_id, reply_to=reply_to)  # fmt: skip
            else:
                mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                self.emulator.send_document(self.user_id, data, path.name, mime_type,
                                            caption=caption or None, user_id=self.user_id,
                                            reply_to=reply_to)  # fmt: skip
        except (OSError, ValueError) as error:
            self._print(f"(can't send {path_text}: {error})")
            return False
        kind = "photo" if command == "/photo" else "document"
        line = f"── you: [{kind} {path.name}]" + (f" {caption}" if caption else "")
        self._print(line + (" (in reply)" if reply_to else ""))
        return True

    async def settle(self, timeout: float = ANSWER_TIMEOUT) -> bool:
        """Wait for the bot to answer and then fall quiet; ``False`` if it never answered."""
        try:
            await asyncio.wait_for(self._activity.wait(), timeout)
        except TimeoutError:
            return False
        while True:
            self._activity.clear()
            try:
                await asyncio.wait_for(self._activity.wait(), QUIET_SECONDS)
            except TimeoutError:
                return True

    async def interact(self, stdin: TextIO) -> None:
        """Read lines until end of input or ``/quit``."""
        loop = asyncio.get_running_loop()
        self._print(
            "Type a command (/help), a button number, /doc PATH [caption], "
            "/photo PATH [caption], /reply LINE, or /quit."
        )
        while True:
            line = await loop.run_in_executor(None, stdin.readline)
            if not line or line.strip() in {"/quit", "/exit"}:
                return
            # Let the answer arrive before the next line (typed or piped) is read.
            if self.say(line):
                await self.settle()
