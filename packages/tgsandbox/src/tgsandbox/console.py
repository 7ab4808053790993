"""The console chat: a reader at the terminal talking to the real bot through the emulator.

Messages show with their formatting (bold, italics, quotes, hashtags) and their
buttons numbered; typing a number presses that button of the latest message.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
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
        self._print(f"── {heading} ──")
        self._print(styled(message.text, message.entities, self.color))
        buttons = buttons_of(message)
        if buttons and message.chat_id == self.user_id:
            self._keyboard = message
            self._print("  ".join(f"[{n}] {text}" for n, (text, _) in enumerate(buttons, 1)))
        self._print()

    def say(self, text: str) -> None:
        """The reader types ``text``: a number presses a button, anything else is sent."""
        text = text.strip()
        if not text:
            return
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
                return
            self._print(f"(no button {number}; buttons are 1 to {len(buttons)})")
            return
        self._print(f"── you: {text}")
        self.emulator.send_text(self.user_id, text, user_id=self.user_id)

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
        self._print("Type a command (/help), a button number, or /quit.")
        while True:
            line = await loop.run_in_executor(None, stdin.readline)
            if not line or line.strip() in {"/quit", "/exit"}:
                return
            self.say(line)
            # Let the answer arrive before the next line (typed or piped) is read.
            await self.settle()
