"""The image header parser, file id checks and photo sizes: pure functions, table tests."""

from __future__ import annotations

import pytest
from sample_images import gif, jpeg, png, webp_extended, webp_lossless, webp_lossy
from tgsandbox.files import file_id_error, photo_boxes, photo_dimensions_valid
from tgsandbox.images import ImageError, ImageInfo, image_info


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(3, 2), ImageInfo("png", 3, 2)),
        (jpeg(1280, 720), ImageInfo("jpeg", 1280, 720)),
        (jpeg(640, 480, app_segment=False), ImageInfo("jpeg", 640, 480)),
        (b"\xff\xd8\xff\xff\xff" + jpeg(10, 20)[2:], ImageInfo("jpeg", 10, 20)),
        (gif(800, 600), ImageInfo("gif", 800, 600)),
        (webp_lossy(1000, 500), ImageInfo("webp", 1000, 500)),
        (webp_lossless(16384, 1), ImageInfo("webp", 16384, 1)),
        (webp_extended(5000, 4000), ImageInfo("webp", 5000, 4000)),
    ],
)
def test_image_info_reads_dimensions(data: bytes, expected: ImageInfo) -> None:
    assert image_info(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a JPEG, PNG, GIF or WebP image"),
        ("خبر".encode(), "not a JPEG, PNG, GIF or WebP image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a JPEG, PNG, GIF or WebP image"),
        (b"\xff\xd8", "JPEG ends before its frame header"),
        (b"\xff\xd8\x00\x00", "JPEG segment does not start with a marker"),
        (b"\xff\xd8\xff\xda\x00\x02", "JPEG has no frame header before its image data"),
        (b"\xff\xd8\xff\xe0\x00\x40JFIF", "JPEG segment length is out of range"),
        (b"\xff\xd8\xff\xe0\x00\x01", "JPEG segment length is out of range"),
        (jpeg(0, 100), "JPEG has a zero width or height"),
        (png(1, 1)[:20], "PNG does not start with an IHDR chunk"),
        (png(1, 1)[:16] + b"\x80\x00\x00\x00\x00\x00\x00\x01", "PNG dimensions are out of range"),
        (gif(0, 0), "GIF has a zero width or height"),
        (b"GIF89a\x01", "not a JPEG, PNG, GIF or WebP image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP has no VP8, VP8L or VP8X chunk"),
        (webp_lossy(10, 10).replace(b"\x9d\x01\x2a", b"\x00\x00\x00"), "WebP VP8 frame has"),
        (webp_lossless(10, 10).replace(b"\x2f", b"\x00", 1), "WebP VP8L frame has no"),
    ],
)
def test_image_info_refuses_what_it_cannot_read(data: bytes, message: str) -> None:
    with pytest.raises(ImageError, match=message):
        image_info(data)


@pytest.mark.parametrize(
    ("file_id", "error"),
    [
        ("AgACAgQAAxkDSandbox0", ""),
        ("nonsense", ""),
        ("", "Remote file identifier must be non-empty"),
        ("a", "Wrong string length"),
        ("abcde", "Wrong string length"),
        ("ab$c", "Wrong character in the string"),
        ("خبرها", "Wrong character in the string"),
        ("ab+c", "Wrong character in the string"),
        ("ab", "Wrong padding in the string"),
        ("aQ", ""),
        ("aQ==", ""),
        ("aQ=", "Wrong padding length"),
        ("a===", "Wrong string padding"),
        ("abd", "Wrong padding in the string"),
        ("abc=", ""),
        ("abA", ""),
    ],
)
def test_file_id_errors_follow_base64url_decode(file_id: str, error: str) -> None:
    assert file_id_error(file_id) == error


@pytest.mark.parametrize(
    ("width", "height", "boxes"),
    [
        (1, 1, [("s", 1, 1)]),
        (90, 40, [("s", 90, 40)]),
        (91, 91, [("s", 90, 90), ("m", 91, 91)]),
        (600, 1200, [("s", 45, 90), ("m", 160, 320), ("x", 400, 800), ("y", 600, 1200)]),
        (
            5000,
            5000,
            [("s", 90, 90), ("m", 320, 320), ("x", 800, 800), ("y", 1280, 1280), ("w", 2560, 2560)],
        ),
        (
            4000,
            100,
            [("s", 90, 2), ("m", 320, 8), ("x", 800, 20), ("y", 1280, 32), ("w", 2560, 64)],
        ),
    ],
)
def test_photo_boxes(width: int, height: int, boxes: list[tuple[str, int, int]]) -> None:
    assert photo_boxes(width, height) == boxes


@pytest.mark.parametrize(
    ("width", "height", "valid"),
    [
        (1, 1, True),
        (5000, 5000, True),
        (5000, 5001, False),
        (9990, 10, False),
        (2000, 100, True),
        (2001, 100, False),
        (100, 2001, False),
        (20, 1, True),
        (21, 1, False),
    ],
)
def test_photo_dimensions(width: int, height: int, valid: bool) -> None:
    assert photo_dimensions_valid(width, height) is valid
