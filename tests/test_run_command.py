"""newsbot run and newsbot sandbox as a user starts them: real processes, clear sentences."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from tgsandbox import BotApiEmulator

from .conftest import ROOT

WRONG_TOKEN = "654321:not-the-emulators-token-either"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(HF_HUB_OFFLINE="1", **extra)
    return env


def _newsbot(*args: str, cwd: Path, env: dict[str, str], timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_run_without_a_token_explains(tmp_path: Path) -> None:
    result = _newsbot("run", cwd=tmp_path, env=_env())
    assert result.returncode == 1
    assert "@BotFather" in result.stderr and "newsbot sandbox" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


async def test_run_with_a_refused_token_explains(tmp_path: Path) -> None:
    async with BotApiEmulator() as emulator:
        env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, TELEGRAM_API_URL=emulator.base_url)
        result = await asyncio.to_thread(_newsbot, "run", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "refused the bot token" in result.stderr
    assert "Traceback" not in result.stderr
    assert WRONG_TOKEN not in result.stderr + result.stdout


def test_sandbox_demo_answers_every_command() -> None:
    result = _newsbot("sandbox", "--demo", cwd=ROOT, env=_env(), timeout=180)
    assert result.returncode == 0, result.stderr
    assert "every one answered" in result.stdout
    for expected in ["#اوکراین", "— ترامپ، رئیس‌جمهور", "گام‌های آینده", "/help"]:
        assert expected in result.stdout
    assert "Traceback" not in result.stderr
    assert "sandbox-token" not in result.stdout + result.stderr


def test_run_with_a_bad_schedule_names_it(tmp_path: Path) -> None:
    env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, DIGEST_SCHEDULE="every 30s; 99 * * * *")
    result = _newsbot("run", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "DIGEST_SCHEDULE" in result.stderr and "'99 * * * *'" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_sandbox_console_reads_commands_and_button_numbers() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox"],
        input="/why\n2\n/summary\n/post\n/quit\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout
    assert "── you: /why" in out and "چرا اهمیت دارد" in out
    assert "── you pressed [2] آخرین اخبار" in out and "── bot (edited) ──" in out
    assert "── you: /summary\n── bot ──\n[photo 1200×675]" in out, "the sample's photo"
    assert "── channel @newsbot_sandbox ──" in out
    assert "@newsbot_sandbox: خلاصه «" in out and "» فرستاده شد." in out


# A hostile or unlucky world around `newsbot run`.

ADMIN = 4242


class Running:
    """A `newsbot run` process with its output in files, read while it runs."""

    def __init__(self, process: asyncio.subprocess.Process, out: Path, err: Path) -> None:
        self.process, self.out, self.err = process, out, err

    @classmethod
    async def start(cls, folder: Path, env: dict[str, str], name: str = "run") -> Running:
        out, err = folder / f"{name}.out", folder / f"{name}.err"
        with out.open("w") as stdout, err.open("w") as stderr:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=folder, env=env,
                stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
            )  # fmt: skip
        return cls(process, out, err)

    def output(self) -> str:
        return self.out.read_text() + self.err.read_text()

    async def wait_for(self, words: str, timeout: float = 60) -> None:
        """Until ``words`` are in the output; fails if the process ends first."""
        deadline = asyncio.get_running_loop().time() + timeout
        while words not in self.output():
            assert self.process.returncode is None, self.output()
            assert asyncio.get_running_loop().time() < deadline, self.output()
            await asyncio.sleep(0.1)

    async def stop(self) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                self.process.kill()
        return await self.process.wait()


def _run_env(emulator: BotApiEmulator, **extra: str) -> dict[str, str]:
    settings = {"TELEGRAM_BOT_TOKEN": emulator.token, "TELEGRAM_API_URL": emulator.base_url,
                "ADMIN_IDS": str(ADMIN), "DATABASE_PATH": "news.db"}  # fmt: skip
    return _env(**{**settings, **extra})


STARTED = "articles in news.db"


async def test_debug_log_never_shows_the_token(tmp_path: Path) -> None:
    """Defect 3: telegram.Bot logged `Set Bot API URL: …/bot<token>` at DEBUG."""
    async with BotApiEmulator() as emulator:
        run = await Running.start(tmp_path, _run_env(emulator, LOG_LEVEL="DEBUG"))
        try:
            await run.wait_for(STARTED)
            await asyncio.sleep(2)
        finally:
            await run.stop()
    text = run.output()
    assert "DEBUG" in text and "Set Bot API URL" in text, text[-2000:]
    token = emulator.token
    for form in (token, quote(token, safe=""), token.partition(":")[2]):
        assert form not in text
    assert "<bot token>" in text


async def test_a_second_run_on_the_same_database_is_refused(tmp_path: Path) -> None:
    """Defect 6: two processes served one database, both posting."""
    async with BotApiEmulator(strict_polling=False) as emulator:
        env = _run_env(emulator)
        first = await Running.start(tmp_path, env, "first")
        try:
            await first.wait_for(STARTED)
            started = asyncio.get_running_loop().time()
            second = await Running.start(tmp_path, env, "second")
            status = await asyncio.wait_for(second.process.wait(), 10)
            took = asyncio.get_running_loop().time() - started
            await asyncio.sleep(1)
            assert first.process.returncode is None, "the first goes on"
        finally:
            assert await first.stop() == 0, first.output()
    assert status == 1 and took < 10
    line = second.err.read_text()
    assert line.count("\n") == 1, line
    assert "news.db" in line and f"process {first.process.pid}" in line
    assert "Traceback" not in line


async def test_the_database_deleted_while_running_stops_the_bot(tmp_path: Path) -> None:
    """Defect 8: the bot went on with a deleted file while the worker made a new one."""
    async with BotApiEmulator(strict_polling=False) as emulator:
        emulator.add_user(ADMIN, "editor")
        run = await Running.start(tmp_path, _run_env(emulator))
        try:
            await run.wait_for(STARTED)
            (tmp_path / "news.db").unlink()
            status = await asyncio.wait_for(run.process.wait(), 20)
        finally:
            await run.stop()
        told = [m.text for m in emulator.messages(ADMIN)]
    assert status == 1, run.output()
    assert any("was deleted" in text for text in told), told
    last = run.err.read_text().strip().splitlines()[-1]
    assert last.startswith("newsbot: the database news.db was deleted"), last
    assert "Traceback" not in run.output()


async def test_empty_admin_ids_warns_in_the_first_lines(tmp_path: Path) -> None:
    """Defect 10: with no admin, uncertain posts reach nobody, and no one was told."""
    async with BotApiEmulator(strict_polling=False) as emulator:
        run = await Running.start(tmp_path, _run_env(emulator, ADMIN_IDS=""))
        try:
            await run.wait_for(STARTED)
        finally:
            await run.stop()
    lines = run.err.read_text().splitlines()
    warned = [n for n, line in enumerate(lines) if "ADMIN_IDS is empty" in line]
    assert len(warned) == 1 and warned[0] < 3, lines


@pytest.mark.parametrize(
    ("setting", "value", "words"),
    [
        ("TELEGRAM_BOT_TOKEN", "bot123456:sandbox-token-not-a-real-one", "starts with 'bot'"),
        ("TELEGRAM_BOT_TOKEN", "123456 sandbox-token", "does not look like a bot token"),
        ("ADMIN_IDS", "1,@editor", "'@editor' is not a Telegram user id"),
        ("DATABASE_PATH", "notes.txt", "notes.txt is not a SQLite database"),
    ],
)
def test_run_refuses_before_any_request(
    tmp_path: Path, setting: str, value: str, words: str
) -> None:
    (tmp_path / "notes.txt").write_text("my notes\n")
    # Nothing listens at this address: a request would say "cannot reach".
    good = {"TELEGRAM_BOT_TOKEN": "123456:sandbox-token-not-a-real-one",
            "TELEGRAM_API_URL": "http://127.0.0.1:9/bot"}  # fmt: skip
    env = _env(**{**good, setting: value})
    result = _newsbot("run", cwd=tmp_path, env=env)
    assert result.returncode in (1, 2)
    assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "sandbox-token" not in result.stderr


class _NotABotApi(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        body = b"<html><body><h1>404 Not Found</h1></body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_wrong_api_url_is_not_called_a_refused_token(tmp_path: Path) -> None:
    """Defect 10: a web server's 404 was reported as Telegram refusing the token."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotABotApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/bot"
        env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, TELEGRAM_API_URL=url)
        result = _newsbot("run", cwd=tmp_path, env=env)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1
    assert "not how a Bot API answers" in result.stderr and "TELEGRAM_API_URL" in result.stderr
    assert "refused" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert WRONG_TOKEN not in result.stderr and "<html>" not in result.stderr


def test_an_api_url_where_nothing_listens(tmp_path: Path) -> None:
    env = _env(TELEGRAM_BOT_TOKEN=WRONG_TOKEN, TELEGRAM_API_URL="http://127.0.0.1:9/bot")
    result = _newsbot("run", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "cannot reach the Bot API at http://127.0.0.1:9/bot" in result.stderr
    assert result.stderr.count("\n") == 1 and WRONG_TOKEN not in result.stderr
