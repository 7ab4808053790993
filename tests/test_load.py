"""Reading article files: encodings, line endings and every kind of bad file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bot.pipeline.load import (
    LoadError,
    article_paths,
    decode_article,
    read_article,
    utf16_without_bom,
)

TEXT = "عنوان خبر\nچرا مهم است: متن."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        (TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("cp1256"), TEXT),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT.replace("\n", "\r\n")),
        (b"<b>a < b &amp;</b>", "<b>a < b &amp;</b>"),
    ],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode_article(data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"caf\xe9 \xff\xfe latin", "not UTF-8"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "not valid UTF-8"),
    ],
)
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        decode_article(data, "x.txt")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "is empty"), (b"  \n\t\r\n", "is empty"), (b"\x00\x01binary", "binary")],
)
def test_read_refuses_and_names_the_file(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(LoadError) as error:
        read_article(path)
    assert str(error.value).startswith(str(path))
    assert reason in str(error.value)
    assert "\n" not in str(error.value)


def test_read_refuses_oversized(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", ("خبر " * 200).encode())
    with pytest.raises(LoadError, match="over the 100-byte limit"):
        read_article(path, max_bytes=100)


def test_read_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="folder"):
        read_article(tmp_path)


def test_article_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "image.png").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("x")
    names = [p.name for p in article_paths([tmp_path])]
    assert names == ["a.md", "b.txt", "d.txt"]
    assert list(article_paths([tmp_path / "x.bin"])) == [tmp_path / "x.bin"]


ARTICLE = "عنوان خبر\nچرا مهم است: متن ۱۲ با 3 عدد.\r\nWhy it matters: text, “quoted”."
LATIN = "Title of the story\nWhy it matters: because."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", None),
        (b"\x00", None),
        (b"\x00\x00", None),
        (b"a\x00b", None),
        (ARTICLE.encode("utf-16-le"), ARTICLE),
        (ARTICLE.encode("utf-16-be"), ARTICLE),
        (LATIN.encode("utf-16-le"), LATIN),
        (LATIN.encode("utf-16-be"), LATIN),
        ("سلام\n".encode("utf-16-le"), "سلام\n"),
        ((ARTICLE + "\x00").encode("utf-16-le"), None),
        ("a\x01b\x02c".encode("utf-16-le"), None),
        (ARTICLE.encode("utf-16-le") + b"\x00", None),
        (b"\xd8\x00\x00\x00", None),
        ("一二三四 五".encode("utf-16-le"), None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
        (bytes(range(256)) * 4, None),
        (b"\x00a" * 3 + b"a\x00" * 3, None),
    ],
)
def test_utf16_without_bom(data: bytes, expected: str | None) -> None:
    assert utf16_without_bom(data) == expected


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "story.txt", ARTICLE.encode(encoding))
    assert read_article(path) == ARTICLE
