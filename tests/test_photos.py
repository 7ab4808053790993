"""Photos: the image beside a file, checking images, the photo store, captions, uploads."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import time
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image
from sqlite_utils import Database
from telegram import InputFile
from telegram.error import BadRequest
from tgsandbox import parse_html, text_length

from bot.article import Article, Block, Section
from bot.digest.compose import post_parts
from bot.digest.sending import PhotoUploads
from bot.pipeline.images import MAX_PHOTO_BYTES, ImageError, check_image
from bot.pipeline.ingest import changed_files, ingest_paths, photo_action, sync_photo
from bot.pipeline.load import photo_beside, photos_in
from bot.render import CAPTION_LIMIT, MESSAGE_LIMIT, photo_credit, render_photo_summary
from bot.storage.articles import Store
from bot.storage.photos import PhotoData, PhotoRef, Photos, StoredPhoto
from bot.tg.photos import is_image_document, photo_request, target_article

from .conftest import SAMPLE


def image_bytes(width: int = 64, height: int = 48, kind: str = "JPEG", mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), "orange" if mode == "RGB" else 1).save(out, kind)
    return out.getvalue()


def noisy_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(out, "JPEG")
    return out.getvalue()


# the image beside an article file


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([], None),
        (["story.jpg"], "story.jpg"),
        (["story.JPG"], "story.JPG"),
        (["story.Jpeg"], "story.Jpeg"),
        (["story.webp", "story.png"], "story.png"),
        (["story.png", "story.jpeg", "story.jpg"], "story.jpg"),
        (["story.gif", "story.bmp", "story.jpg.txt"], None),
        (["Story.jpg", "stories.jpg", "story-2.jpg"], None),
        ([".story.jpg"], None),
        (["story.txt.jpg"], None),
    ],
)
def test_photo_beside(tmp_path: Path, files: list[str], expected: str | None) -> None:
    article = tmp_path / "story.txt"
    article.write_text("خبر", encoding="utf-8")
    for name in files:
        (tmp_path / name).write_bytes(b"x")
    found = photo_beside(article)
    assert (found.name if found else None) == expected
    cache: dict[Path, dict[str, Path]] = {}
    assert photo_beside(article, cache) == found and tmp_path in cache


def test_a_folder_named_like_an_image_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "story.jpg").mkdir()
    assert photos_in(tmp_path) == {}
    assert photos_in(tmp_path / "missing") == {}


# checking an image


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"<b>not an image</b> & <i>", "is not an image that can be read"),
        ("خبر".encode(), "is not an image that can be read"),
        (image_bytes(kind="GIF"), "is a GIF image; a photo must be JPEG, PNG or WebP"),
        (image_bytes(kind="BMP"), "is a BMP image"),
        (image_bytes(9000, 1001, "PNG", "1"), "is 9000×1001 pixels; width and height together"),
        (image_bytes(2100, 100, "PNG", "1"), "more than 20 times as wide as it is high"),
        (image_bytes(100, 2100, "PNG", "1"), "more than 20 times as tall as it is wide"),
        (noisy_jpeg()[:3000], "is damaged and cannot be read"),
        (b"\x00" * (MAX_PHOTO_BYTES + 1), "over the 10 MB limit of a Telegram photo"),
    ],
)
def test_bad_images_are_refused_in_one_line_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(ImageError) as caught:
        check_image(data, "story.jpg")
    message = str(caught.value)
    assert message.startswith("story.jpg: ") and reason in message, message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "kind", "size"),
    [
        (image_bytes(), "JPEG", (64, 48)),
        (image_bytes(kind="PNG"), "PNG", (64, 48)),
        (image_bytes(kind="WEBP"), "WEBP", (64, 48)),
        (image_bytes(9000, 1000, "PNG", "1"), "PNG", (9000, 1000)),
        (image_bytes(2000, 100, "PNG", "1"), "PNG", (2000, 100)),
    ],
)
def test_good_images_are_taken(data: bytes, kind: str, size: tuple[int, int]) -> None:
    photo = check_image(data, "a.jpg")
    assert (photo.format, (photo.width, photo.height), photo.data) == (kind, size, data)


# the photo store


def test_the_store_keeps_one_photo_per_article_and_its_file_id() -> None:
    photos = Photos(Database(memory=True))
    first = check_image(image_bytes(), "a.jpg")
    assert photos.ref(1) is None and photos.get(1) is None
    assert photos.put(1, first, "file", "a.jpg")
    ref = photos.ref(1)
    assert ref == PhotoRef(1, first.sha256) and photos.file_id(ref) is None
    assert photos.remember_file_id(ref, "F1") and photos.file_id(ref) == "F1"
    assert not photos.put(1, first, "file", "a.jpg"), "the same bytes change nothing"
    assert photos.file_id(ref) == "F1"
    stored = photos.get(1)
    assert stored is not None and stored.data == first.data and stored.origin == "file"
    second = check_image(image_bytes(kind="PNG"), "b.png")
    assert photos.put(1, second, "admin", "b.png")
    assert photos.file_id(ref) is None, "the old photo's file_id is gone with it"
    assert not photos.remember_file_id(ref, "late"), "an upload of the old photo is not kept"
    new = photos.ref(1)
    assert new is not None and photos.file_id(new) is None
    photos.remember_file_id(new, "F2")
    photos.forget_file_id(new, "other")
    assert photos.file_id(new) == "F2", "only the refused file_id is forgotten"
    photos.forget_file_id(new, "F2")
    assert photos.file_id(new) is None
    assert photos.forget(1) and not photos.forget(1)
    with pytest.raises(ValueError, match="comes from one of file, admin"):
        photos.put(2, first, "web")  # type: ignore[arg-type]


def test_a_photo_goes_with_its_article(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.db")
    photos = Photos(store.db)
    [result] = ingest_paths(store, [SAMPLE])
    assert result.photo == "us-ukraine-miami-peace-talks.jpg" and result.photo_error is None
    assert result.article_id is not None and photos.ref(result.article_id) is not None
    assert store.delete(result.article_id)
    assert photos.get(result.article_id) is None
    store.close()


# the image beside decides the article's photo


def _stored(origin: str, sha: str = "old", added: datetime | None = None) -> StoredPhoto:
    when = added or datetime(2026, 1, 1, tzinfo=UTC)
    return StoredPhoto(1, "JPEG", 1, 1, sha, None, origin, "x.jpg", when)


LATER = datetime(2026, 6, 1, tzinfo=UTC)
EARLIER = datetime(2025, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("current", "image", "sha", "modified", "action"),
    [
        (None, None, None, None, "keep"),
        (None, "a.jpg", "new", EARLIER, "take"),
        (_stored("file"), None, None, None, "drop"),
        (_stored("admin"), None, None, None, "keep"),
        (_stored("file"), "a.jpg", "old", LATER, "keep"),
        (_stored("file"), "a.jpg", "new", EARLIER, "take"),
        (_stored("admin"), "a.jpg", "new", EARLIER, "keep"),
        (_stored("admin"), "a.jpg", "new", LATER, "take"),
        (_stored("admin"), "a.jpg", "old", LATER, "keep"),
    ],
)
def test_photo_action(
    current: StoredPhoto | None,
    image: str | None,
    sha: str | None,
    modified: datetime | None,
    action: str,
) -> None:
    assert photo_action(current, image, sha, modified) == action


def test_sync_photo_follows_the_image_beside(tmp_path: Path) -> None:
    photos = Photos(Database(memory=True))
    article = tmp_path / "story.txt"
    article.write_text("خبر", encoding="utf-8")
    assert sync_photo(photos, 1, article) == (None, None)
    image = tmp_path / "story.jpg"
    image.write_bytes(image_bytes())
    assert sync_photo(photos, 1, article) == ("story.jpg", None)
    first = photos.ref(1)
    assert first is not None
    photos.remember_file_id(first, "F")
    assert sync_photo(photos, 1, article) == ("story.jpg", None)
    assert photos.file_id(first) == "F", "an unchanged image keeps its upload"
    image.write_bytes(b"<not an image>")
    name, problem = sync_photo(photos, 1, article)
    assert name is None and problem == (
        "photo refused: story.jpg: is not an image that can be read (JPEG, PNG or WebP); "
        "the article goes out without a photo"
    )
    assert photos.ref(1) is None, "a replaced image that is refused leaves no stale photo"
    image.unlink()
    assert sync_photo(photos, 1, article) == (None, None)


def test_an_admins_photo_stays_until_the_image_beside_changes_after_it(tmp_path: Path) -> None:
    photos = Photos(Database(memory=True))
    article = tmp_path / "story.txt"
    article.write_text("خبر", encoding="utf-8")
    image = tmp_path / "story.png"
    image.write_bytes(image_bytes(kind="PNG"))
    old = time.time() - 3600
    os.utime(image, (old, old))
    photos.put(1, check_image(image_bytes(32, 32), "photo"), "admin", "photo")
    assert sync_photo(photos, 1, article) == ("photo", None)
    image.write_bytes(b"broken")
    os.utime(image, (old, old))
    assert sync_photo(photos, 1, article) == ("photo", None), "an old image is not looked at"
    image.write_bytes(b"broken")
    name, problem = sync_photo(photos, 1, article)
    assert name == "photo" and problem is not None
    assert problem.endswith("the article keeps the photo an admin sent")
    image.write_bytes(image_bytes(kind="PNG"))
    assert sync_photo(photos, 1, article) == ("story.png", None)
    image.unlink()
    assert sync_photo(photos, 1, article) == (None, None)


# the caption


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        (None, None),
        ("", None),
        ("جرد کوشنر در ژوئیه. عکس: برندان/AFP از طریق گتی", "برندان/AFP از طریق گتی"),
        ("تصویر: ایرنا", "ایرنا"),
        ("A protest in Paris. Photo: Jane Doe / Reuters ", "Jane Doe / Reuters"),
        ("Photo credit:   AP", "AP"),
        ("عکس: ", None),
        ("جلسه دیروز در تهران", None),
        ("<b>x</b> عکس: <script>&amp;", "<script>&amp;"),
        ("عکس: الف. عکس: ب", "ب"),
    ],
)
def test_photo_credit(caption: str | None, credit: str | None) -> None:
    assert photo_credit(caption) == credit


def shown(markup: str) -> str:
    """The text Telegram shows for ``markup`` (raises if Telegram would refuse it)."""
    text, _ = parse_html(markup)
    return text


DAY = date(2026, 12, 1)
WHY = Section("why_it_matters", "چرا اهمیت دارد", (Block("paragraph", "چون مهم است."),))


@pytest.mark.parametrize(
    ("article", "parts", "caption_has", "caption_lacks"),
    [
        (Article(""), 1, [], ["عکس"]),
        (Article("عنوان", caption="عکس: ایرنا"), 1, ["عنوان\n", "عکس: ایرنا"], []),
        (Article("Title", lang="en", caption="Photo: AP"), 1, ["Title\n", "Photo: AP"], []),
        (Article("<b>هک</b> & <i>", caption="عکس: <a href='x'>"), 1,
         ["<b>هک</b> & <i>", "عکس: <a href='x'>"], []),
        (Article("عنوان", lede="لید کوتاه.", sections=(WHY,)), 1,
         ["لید کوتاه.", "چرا اهمیت دارد", "چون مهم است."], []),
        (Article("عنوان", lede="لید. " * 195, sections=(WHY,), caption="عکس: ایرنا"), 2,
         ["عنوان", "عکس: ایرنا"], ["چرا اهمیت دارد"]),
        (Article("خبر مهم " * 600, caption="عکس: " + "عکاس " * 100), 1, ["خبر مهم", "عکس: "], []),
    ],
)
@pytest.mark.parametrize("signature", [None, "@my_channel"])
def test_render_photo_summary(
    article: Article,
    parts: int,
    caption_has: list[str],
    caption_lacks: list[str],
    signature: str | None,
) -> None:
    messages = render_photo_summary(article, DAY, signature=signature)
    assert len(messages) == parts
    caption = shown(messages[0])
    assert text_length(caption) <= CAPTION_LIMIT
    assert all(text_length(shown(message)) <= MESSAGE_LIMIT for message in messages[1:])
    for text in caption_has:
        assert text in caption, (text, caption)
    for text in caption_lacks:
        assert text not in caption, (text, caption)
    if signature is not None:
        assert all(shown(message).endswith(f"\n\n{signature}") for message in messages)


def test_a_long_summary_continues_in_text_and_no_heading_ends_the_caption() -> None:
    lede = "جمله‌ای نسبتاً بلند درباره مذاکرات که ادامه دارد. " * 10
    why = Section("why_it_matters", "چرا اهمیت دارد", tuple(
        Block("bullet", f"نکته شماره {n} درباره این خبر که باید خوانده شود. " * (1 + 20 * (n == 0)))
        for n in range(60)
    ))  # fmt: skip
    article = Article("عنوان خبر", lede=lede.strip(), sections=(why,), caption="عکس: ایرنا")
    caption, *rest = render_photo_summary(article, DAY)
    assert rest, "the rest goes out as text"
    assert shown(caption).endswith("عکس: ایرنا")
    assert "چرا اهمیت دارد" not in shown(caption), "the heading goes with its text"
    body = "\n".join(shown(message) for message in rest)
    assert "چرا اهمیت دارد" in body and "نکته شماره 59" in body and "نکته شماره 0 " in body


def test_the_summary_of_an_article_with_a_photo_starts_with_its_caption(tmp_path: Path) -> None:
    store = Store.open(None)
    photos = Photos(store.db)
    [result] = ingest_paths(store, [SAMPLE])
    stored = store.get(result.article_id or 0)
    assert stored is not None
    [caption] = post_parts(stored, "summary", UTC, photos=photos)
    assert caption.kind == "caption" and caption.photo == photos.ref(stored.id)
    assert [part.kind for part in post_parts(stored, "summary", UTC)] == ["text"]
    assert all(part.photo is None for part in post_parts(stored, "latest", UTC, photos=photos))
    text = shown(caption.text)
    assert "اسمیالووسکی" in text and text_length(text) <= CAPTION_LIMIT


# what an admin's photo is for


@pytest.mark.parametrize(
    ("caption", "wanted"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("#12", 12),
        ("# ۱۲", 12),
        ("#٣", 3),
        ("story.txt", "story.txt"),
        ("خبر میامی", "خبر میامی"),
        ("#12 و #13", "#12 و #13"),
        ("line\nbreak", None),
        ("x" * 201, None),
        ("<b>&", "<b>&"),
    ],
)
def test_photo_request(caption: str | None, wanted: int | str | None) -> None:
    assert photo_request(caption) == wanted


@pytest.mark.parametrize(
    ("name", "mime", "image"),
    [
        ("a.jpg", None, True),
        ("a.WEBP", "application/octet-stream", True),
        (None, "image/png", True),
        ("a.txt", "text/plain", False),
        ("a.gif", "image/gif", False),
        (None, None, False),
        ("", "", False),
    ],
)
def test_is_image_document(name: str | None, mime: str | None, image: bool) -> None:
    assert is_image_document(name, mime) is image


# one upload, then the file_id


class FakeBot:
    """Records send_photo calls; refuses the file_ids in ``refused``."""

    def __init__(self, refused: set[str] | None = None) -> None:
        self.calls: list[Any] = []
        self.refused = refused or set()
        self.uploads = 0

    async def send_photo(self, chat: object, photo: object, **kwargs: object) -> Any:
        self.calls.append(photo)
        await asyncio.sleep(0.01)
        if isinstance(photo, str) and photo in self.refused:
            raise BadRequest("Wrong file identifier/http url specified")
        if isinstance(photo, InputFile):
            self.uploads += 1
            file_id = f"uploaded-{self.uploads}"
        else:
            file_id = str(photo)
        size = SimpleNamespace(file_id=file_id)
        return SimpleNamespace(message_id=len(self.calls), photo=(size,))


async def test_a_photo_is_uploaded_once_for_many_chats_at_once() -> None:
    photos = Photos(Database(memory=True))
    photos.put(1, check_image(image_bytes(), "a.jpg"), "file", "a.jpg")
    ref = photos.ref(1)
    assert ref is not None
    uploads = PhotoUploads(photos)
    bot = FakeBot()
    await asyncio.gather(*(uploads.send(bot, chat, ref, "c") for chat in range(30)))  # type: ignore[arg-type]
    assert bot.uploads == 1 and bot.calls.count("uploaded-1") == 29
    assert photos.file_id(ref) == "uploaded-1"


async def test_a_refused_file_id_is_uploaded_again_once() -> None:
    photos = Photos(Database(memory=True))
    photos.put(1, check_image(image_bytes(), "a.jpg"), "admin", "photo", file_id="stale")
    ref = photos.ref(1)
    assert ref is not None
    bot = FakeBot(refused={"stale"})
    uploads = PhotoUploads(photos)
    await uploads.send(bot, 5, ref, "c")  # type: ignore[arg-type]
    assert bot.calls[0] == "stale" and isinstance(bot.calls[1], InputFile)
    assert photos.file_id(ref) == "uploaded-1"
    await uploads.send(bot, 6, ref, "c")  # type: ignore[arg-type]
    assert bot.calls[2:] == ["uploaded-1"]


async def test_another_refusal_is_not_retried() -> None:
    photos = Photos(Database(memory=True))
    photos.put(1, check_image(image_bytes(), "a.jpg"), "file", "a.jpg", file_id="F")
    ref = photos.ref(1)
    assert ref is not None

    class Refusing(FakeBot):
        async def send_photo(self, chat: object, photo: object, **kwargs: object) -> Any:
            self.calls.append(photo)
            raise BadRequest("Chat not found")

    bot = Refusing()
    with pytest.raises(BadRequest, match="Chat not found"):
        await PhotoUploads(photos).send(bot, 5, ref, "c")  # type: ignore[arg-type]
    assert bot.calls == ["F"] and photos.file_id(ref) == "F"


def test_photo_data_hash() -> None:
    data = PhotoData(b"abc", "JPEG", 1, 1)
    assert data.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_an_image_taken_from_beside_its_file_is_hashed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photos = Photos(Database(memory=True))
    article = tmp_path / "story.txt"
    article.write_text("خبر", encoding="utf-8")
    data = image_bytes()
    (tmp_path / "story.jpg").write_bytes(data)
    hashed: list[bytes] = []
    sha256 = hashlib.sha256

    def counted(content: bytes = b"", **options: Any) -> Any:
        hashed.append(bytes(content))
        return sha256(content, **options)

    monkeypatch.setattr(hashlib, "sha256", counted)
    assert sync_photo(photos, 1, article) == ("story.jpg", None)
    stored = photos.get(1, with_data=False)
    assert stored is not None and stored.sha256 == sha256(data).hexdigest()
    assert hashed.count(data) == 1


# the content folder's re-scan notices images


def test_a_rescan_notices_an_image_added_changed_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    article = folder / "story.txt"
    article.write_text("خبر تازه\nلید.\nچرا مهم است: زیرا.", encoding="utf-8")
    store = Store.open(None)
    seen: dict[Path, tuple[object, ...]] = {}
    assert changed_files(store, folder, seen, 10_000) == [article]
    list(ingest_paths(store, [folder]))
    assert changed_files(store, folder, {}, 10_000) == [], "a fresh start finds nothing new"
    image = folder / "story.jpg"
    image.write_bytes(image_bytes())
    assert changed_files(store, folder, seen, 10_000) == [article]
    assert changed_files(store, folder, seen, 10_000) == [], "looked at once per change"
    [result] = ingest_paths(store, [article])
    assert (result.status, result.photo) == ("unchanged", "story.jpg")
    assert changed_files(store, folder, {}, 10_000) == []
    image.write_bytes(image_bytes(kind="PNG"))
    assert changed_files(store, folder, seen, 10_000) == [article]
    list(ingest_paths(store, [article]))
    image.unlink()
    assert changed_files(store, folder, seen, 10_000) == [article]
    [result] = ingest_paths(store, [article])
    assert result.photo is None and Photos(store.db).ref(result.article_id or 0) is None
    assert changed_files(store, folder, {}, 10_000) == []


def test_newsbot_ingest_reports_a_refused_photo_in_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    article = tmp_path / "story.txt"
    article.write_text("خبر\nلید.", encoding="utf-8")
    (tmp_path / "story.webp").write_bytes(b"RIFF....WEBPVP8 broken")
    result = CliRunner().invoke(main, ["ingest", str(article), "--database",
                                       str(tmp_path / "n.db")])  # fmt: skip
    assert result.exit_code == 0, "the article is stored all the same"
    assert result.stdout.startswith("new       #1 خبر (0 sections) ← ")
    assert result.stderr == (
        "newsbot: photo refused: story.webp: is not an image that can be read "
        "(JPEG, PNG or WebP); the article goes out without a photo\n"
    )


@pytest.mark.parametrize(
    ("request_", "about", "replied", "expected"),
    [
        (None, None, None, None),
        ("", None, "", None),
        (1, None, None, "A"),
        (2, 1, "A", "B"),
        (9, 1, None, None),
        ("b.txt", None, None, "B"),
        ("B", 1, None, "B"),
        ("a comment on the photo", 2, None, "B"),
        ("a comment on the photo", None, None, None),
        (None, 1, "B", "A"),
        (None, None, "B", "B"),
        (None, None, "B…", None),
        (None, 99, None, None),
        ("%", None, "<b>", None),
    ],
)
def test_target_article(
    request_: int | str | None, about: int | None, replied: str | None, expected: str | None
) -> None:
    store = Store.open(None)
    store.ingest(Article("A"), "/content/a.txt", "a")
    store.ingest(Article("B"), "telegram:0123456789ab-b.txt", "b")
    found = target_article(store, request_, about, replied)
    assert (found.article.title if found else None) == expected


def test_the_bot_remembers_which_recent_messages_were_about_which_article() -> None:
    from bot.tg.replies import ABOUT_KEPT, message_about, remember_about

    context: Any = SimpleNamespace(chat_data={})
    sent: Any = [SimpleNamespace(message_id=n) for n in range(ABOUT_KEPT + 10)]
    remember_about(context, sent[:3], 7)
    assert [message_about(context, n) for n in range(4)] == [7, 7, 7, None]
    remember_about(context, sent[3:], 8)
    assert message_about(context, 0) is None, "the oldest are forgotten"
    assert message_about(context, ABOUT_KEPT + 9) == 8
    assert len(context.chat_data["messages_about"]) == ABOUT_KEPT
    assert message_about(SimpleNamespace(chat_data=None), 1) is None  # type: ignore[arg-type]
