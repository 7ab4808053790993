"""The ``newsbot`` command line."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
from pathlib import Path
from urllib.parse import quote

import click

from bot.config import DEFAULT_API_URL, ConfigError, Settings, load_settings, token_problem

log = logging.getLogger("newsbot")


#: Loggers that would print request URLs, and with them the bot token, at INFO.
QUIET_LOGGERS = ("httpx", "httpcore", "aiohttp.access", "apscheduler")


#: What stands in a log line for the bot token.
REDACTED = "<bot token>"


def secret_forms(token: str | None) -> tuple[str, ...]:
    """The texts that give ``token`` away: itself, URL-encoded, and its secret part.

    Longest first, so the whole token is replaced before its parts.

    >>> secret_forms("123:abcdefghijklmnop")
    ('123%3Aabcdefghijklmnop', '123:abcdefghijklmnop', 'abcdefghijklmnop')
    >>> secret_forms("")
    ()
    """
    if not token:
        return ()
    forms = {token, quote(token, safe="")}
    secret = token.partition(":")[2]
    # The part after the colon is the secret; too short a part could match anything.
    if len(secret) >= 8:
        forms.add(secret)
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def redact(text: str, forms: tuple[str, ...]) -> str:
    """``text`` with every form of the token replaced by :data:`REDACTED`."""
    for form in forms:
        text = text.replace(form, REDACTED)
    return text


class RedactToken(logging.Filter):
    """Take the bot token out of every record: its message, arguments and traceback."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.forms = secret_forms(token)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite ``record`` in place without the token; never drop it."""
        if not self.forms:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message, self.forms), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.forms)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.forms)
        return True


def setup_logging(level: str, token: str | None = None) -> None:
    """Log to standard error with the token redacted; URL-logging libraries at WARNING."""
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(token))
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


def fail(message: str, code: int = 1) -> None:
    """Print one line on standard error and exit with ``code``."""
    click.echo(f"newsbot: {message}", err=True)
    sys.exit(code)


def settings_from(ctx: click.Context) -> Settings:
    """The settings, read once per invocation; a bad value ends the command cleanly."""
    if not isinstance(ctx.obj, Settings):
        try:
            ctx.obj = load_settings()
        except ConfigError as error:
            fail(f"configuration: {error}", 2)
        setup_logging(ctx.obj.log_level, ctx.obj.token)
    settings: Settings = ctx.obj
    return settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newsbot: Persian news articles into Telegram channel digests."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--database", type=click.Path(path_type=Path), help="SQLite file (default: DATABASE_PATH)."
)
@click.option(
    "--source", help="Store a single file under this name instead of its path."
)
@click.option(
    "--jsonl",
    is_flag=True,
    help="Print one JSON object per file (path, status, article_id, title, sections, "
    "reason) instead of the human lines and summary.",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    database: Path | None,
    source: str | None,
    jsonl: bool,
) -> None:
    """Parse article files and folders into the database, one line per article."""
    from bot.pipeline.ingest import ingest_paths
    from bot.pipeline.report import FileReport, summary_line
    from bot.storage.articles import Store

    settings = settings_from(ctx)
    if source and (len(paths) != 1 or paths[0].is_dir()):
        fail("--source names one file: give exactly one file with it", 2)
    store = Store.open(database or settings.database_path)
    reports: list[FileReport] = []
    try:
        for result in ingest_paths(
            store, paths, max_bytes=settings.max_article_bytes, source=source
        ):
            report = FileReport.of(result)
            reports.append(report)
            if jsonl:
                # ASCII JSON: no file name or locale can make the line unwritable.
                click.echo(json.dumps(report.to_json()))
            elif report.failed:
                click.echo(f"newsbot: {report.reason}", err=True)
            else:
                click.echo(report.line())
                if report.photo_error:
                    click.echo(f"newsbot: {report.photo_error}", err=True)
    finally:
        store.close()
    if not jsonl:
        click.echo(summary_line(reports))
    if any(report.failed for report in reports):
        sys.exit(1)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed article as JSON.")
@click.pass_context
def show(ctx: click.Context, path: Path, as_json: bool) -> None:
    """Parse one article file and print it, storing nothing."""
    from bot.article.outline import outline
    from bot.pipeline.ingest import parse_file
    from bot.pipeline.load import LoadError, photo_beside

    settings = settings_from(ctx)
    try:
        _, article = parse_file(path, max_bytes=settings.max_article_bytes)
    except LoadError as error:
        fail(str(error))
        return
    if as_json:
        photo = photo_beside(path)
        data = {**article.to_json(), "photo": photo.name if photo else None}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(outline(article))


@main.command()
@click.pass_context
def normalize(ctx: click.Context) -> None:
    """Normalise standard input to standard output, one line out for each line in."""
    from bot.text import default_normalizer, detect_lang

    settings_from(ctx)
    normalizer = default_normalizer()
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="")
    for line in stdin:
        text = line.rstrip("\r\n")
        click.echo(normalizer.normalize_line(text, detect_lang(text)))


NO_TOKEN = (
    "newsbot needs a bot token to talk to Telegram. Open @BotFather in Telegram, send "
    "/newbot, and put the token it gives you in .env as TELEGRAM_BOT_TOKEN=... (or in the "
    "environment). To try newsbot without a token or network, run: newsbot sandbox"
)


NO_ADMINS = (
    "ADMIN_IDS is empty: no one can use the editor commands, and alerts about posts that "
    "may not have arrived reach nobody. Put your Telegram user id in ADMIN_IDS."
)
REFUSED_TOKEN = (
    "Telegram refused the bot token in TELEGRAM_BOT_TOKEN. Check it with @BotFather "
    "(/mybots → API Token), or try newsbot sandbox, which needs none."
)
#: What the Bot API says when it refuses a token (401 "Unauthorized", or 404 "Not Found").
REFUSALS = ("Unauthorized", "Not Found")


def _answer(error: BaseException) -> BaseException:
    """The innermost ``InvalidToken`` of a chain: the server's own answer.

    python-telegram-bot wraps the server's refusal in one that quotes the token.
    """
    while type(error.__cause__) is type(error):
        error = error.__cause__
    return error


def refused_token(error: BaseException) -> bool:
    """Whether an ``InvalidToken`` came from a Bot API refusing the token.

    A server that is not a Bot API answers 404 too, but not with the API's JSON
    (python-telegram-bot then chains the parsing error) or not with its words.
    """
    answer = _answer(error)
    return answer.__cause__ is None and str(answer).startswith(REFUSALS)


def not_a_bot_api(url: str, error: BaseException) -> str:
    """The line for a server at TELEGRAM_API_URL that answered, but not as a Bot API."""
    status = str(_answer(error)).partition(". Parsing the server response")[0][:80]
    return (
        f"the server at TELEGRAM_API_URL ({url}) answered getMe with {status!r}, which is "
        "not how a Bot API answers: check the address (Telegram's is "
        f"{DEFAULT_API_URL}), or remove TELEGRAM_API_URL to use it"
    )


def start_problem(settings: Settings) -> str | None:
    """Why ``newsbot run`` cannot start with ``settings`` before any request, or ``None``.

    The token's shape, then the database: usable, and served by no other process (this
    process then holds it for its life).
    """
    from bot.storage.health import DatabaseProblem, check_database
    from bot.storage.lock import DatabaseBusy, hold

    if not settings.token:
        return NO_TOKEN
    problem = token_problem(settings.token)
    if problem:
        return problem
    try:
        check_database(settings.database_path)
        hold(settings.database_path)
    except (DatabaseProblem, DatabaseBusy) as error:
        return str(error)
    return None


@main.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Run the bot against the Bot API (long polling)."""
    import asyncio

    from telegram import Update
    from telegram.error import InvalidToken, NetworkError

    from bot.tg.app import build_application, check_connection
    from bot.tg.watch import STOPPED

    settings = settings_from(ctx)
    problem = start_problem(settings)
    if problem:
        fail(problem)
    forms = secret_forms(settings.token)
    url = redact(settings.telegram_api_url, forms)
    # python-telegram-bot logs a server's non-JSON answer with a traceback; the line
    # below says it better.
    request_log = logging.getLogger("telegram.request")
    quiet = request_log.level
    request_log.setLevel(logging.CRITICAL)
    try:
        # Ask who we are first, so a refused token or an unreachable server is one
        # sentence rather than a logged traceback from inside the polling loop.
        asyncio.run(check_connection(settings))
    except InvalidToken as error:
        fail(REFUSED_TOKEN if refused_token(error) else not_a_bot_api(url, error))
    except NetworkError as error:
        reason = redact(error.message.partition(". Parsing the server response")[0], forms)
        fail(f"cannot reach the Bot API at {url} ({reason}).")
    finally:
        request_log.setLevel(quiet)
    if not settings.admin_ids:
        log.warning("%s", NO_ADMINS)
    application = build_application(settings)
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    stopped = application.bot_data.get(STOPPED)
    if stopped:
        fail(str(stopped))


@main.command()
@click.option(
    "--database", type=click.Path(path_type=Path), help="SQLite file (default: DATABASE_PATH)."
)
@click.option("--repair", is_flag=True, help="Rebuild the full-text search index first.")
@click.pass_context
def doctor(ctx: click.Context, database: Path | None, repair: bool) -> None:
    """Check the database: integrity, the search index, the post log; exit 1 on a problem."""
    from bot.storage import doctor as checks
    from bot.storage.lock import DatabaseBusy, hold

    settings = settings_from(ctx)
    path = database or settings.database_path
    findings = []
    try:
        if repair:
            # Rebuilding writes the whole index: not under a running bot.
            lock = hold(path)
            try:
                findings.append(checks.repair(path))
            finally:
                lock.release()
        findings += checks.diagnose(path)
    except (ValueError, DatabaseBusy) as error:
        fail(str(error))
    for finding in findings:
        click.echo(finding.line())
    if not all(finding.ok for finding in findings):
        sys.exit(1)


@main.command()
@click.option("--demo", is_flag=True, help="Play a short scripted tour and exit.")
@click.option(
    "--lang",
    type=click.Choice(["fa", "en"]),
    default="fa",
    show_default=True,
    help="The console reader's Telegram language.",
)
@click.pass_context
def sandbox(ctx: click.Context, demo: bool, lang: str) -> None:
    """Run the bot against a local Bot API emulator with a console chat: no token, no network."""
    import asyncio

    from bot.tg.sandbox import run_sandbox

    settings = settings_from(ctx)
    if settings.log_level == "INFO":
        # The console is the sandbox's output: keep routine log lines off it.
        logging.getLogger().setLevel(logging.WARNING)
    try:
        status = asyncio.run(run_sandbox(settings, demo=demo, lang=lang))
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)


@main.command()
@click.option("--port", type=int, default=8081, show_default=True, help="Port on 127.0.0.1.")
@click.option(
    "--channel", "channels", multiple=True, help="A channel to create, e.g. @some_channel."
)
@click.option("--user", "users", type=int, multiple=True, help="A user id to create.")
def emulator(port: int, channels: tuple[str, ...], users: tuple[int, ...]) -> None:
    """Run the loopback Bot API emulator alone and print what the bot sends.

    Point a bot at it with the two lines it prints, e.g. to watch `newsbot run` post
    digests to a channel without Telegram.
    """
    import asyncio

    from tgsandbox.emulator import BotApiEmulator
    from tgsandbox.records import MessageEvent

    async def serve() -> None:
        async with BotApiEmulator(port=port, strict_polling=False) as server:
            names = {server.add_channel(name): name for name in channels}
            for user in users:
                server.add_user(user, f"user {user}")

            def show(event: MessageEvent) -> None:
                message = event.message
                where = names.get(message.chat_id, str(message.chat_id))
                click.echo(f"── {event.kind} #{message.message_id} to {where}")
                click.echo(message.text)

            server.subscribe(show)
            click.echo(f"TELEGRAM_API_URL={server.base_url}")
            click.echo(f"TELEGRAM_BOT_TOKEN={server.token}")
            click.echo("(Ctrl-C stops the emulator)")
            await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())
