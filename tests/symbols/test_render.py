"""Drawing symbols as square PNGs, cached outside the patient's folder, and refusing bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from pcpv.errors import SymbolError
from pcpv.safe_io import is_owner_only
from pcpv.symbols import render as render_module
from pcpv.symbols.render import render_bytes, render_cached

from .helpers import SVG_OK, SVG_TALL, jpeg_bytes, png_bytes, write_folder


def open_png(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image


def test_openmoji_symbol_is_drawn_at_the_size_asked_and_cached(
    library, tmp_path: Path, monkeypatch
):
    path = library.render_png("openmoji:1F3E5", 96)
    assert path.is_relative_to(tmp_path / "user-cache" / "symbols"), (
        "in pcpv's cache, not a project"
    )
    image = open_png(path)
    assert image.size == (96, 96) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0, "transparent around the picture"
    assert image.getbbox() is not None
    assert is_owner_only(path)

    def refuse(*_args):
        raise AssertionError("drawn again although cached")

    monkeypatch.setattr(render_module, "render_bytes", refuse)
    assert library.render_png("openmoji:1F3E5", 96) == path
    with pytest.raises(AssertionError, match="drawn again"):
        library.render_png("openmoji:1F3E5", 97)


def test_a_changed_source_is_drawn_again(tmp_path: Path):
    folder = write_folder(tmp_path / "set", {"a.svg": SVG_OK})
    first = render_cached("set", "a", folder / "a.svg", 32, tmp_path / "cache")
    (folder / "a.svg").write_text(SVG_TALL, encoding="utf-8")
    stat = (folder / "a.svg").stat()
    os.utime(folder / "a.svg", ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    second = render_cached("set", "a", folder / "a.svg", 32, tmp_path / "cache")
    assert first != second
    assert first.exists() and second.exists()


def test_tall_and_wide_pictures_are_centred_in_a_square(tmp_path: Path):
    folder = write_folder(
        tmp_path / "set",
        {"tall.svg": SVG_TALL, "wide.png": png_bytes((40, 20)), "t.jpg": jpeg_bytes()},
    )
    tall = Image.open(__import__("io").BytesIO(render_bytes(folder / "tall.svg", 64)))
    assert tall.size == (64, 64)
    assert tall.getbbox() == (16, 0, 48, 64), "half as wide as high, centred"
    wide = Image.open(__import__("io").BytesIO(render_bytes(folder / "wide.png", 64)))
    assert wide.getbbox() == (0, 16, 64, 48)
    small = Image.open(__import__("io").BytesIO(render_bytes(folder / "t.jpg", 200)))
    assert small.size == (200, 200), "small pictures are scaled up to the size shown"


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("broken.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect", "cannot be drawn"),
        ("text.svg", "hello", "cannot be drawn"),
        ("entity.svg", '<!DOCTYPE svg [<!ENTITY x "y">]><svg/>', "entities"),
        ("fake.png", b"not a png", "cannot be drawn"),
    ],
)
def test_unreadable_pictures_raise_a_plain_error(tmp_path: Path, name, content, why):
    folder = write_folder(tmp_path / "set", {name: content})
    with pytest.raises(SymbolError, match=why) as caught:
        render_cached("set", "x", folder / name, 64, tmp_path / "cache")
    assert name in str(caught.value)
    assert not list((tmp_path / "cache").rglob("*.png")), "nothing cached for a failure"


def test_sizes_and_missing_files(library, tmp_path: Path):
    with pytest.raises(SymbolError, match="between"):
        library.render_png("openmoji:1F3E5", 4)
    with pytest.raises(SymbolError, match="There is no symbol 'openmoji:NOPE'"):
        library.render_png("openmoji:NOPE", 64)
    with pytest.raises(SymbolError, match="missing"):
        render_cached("set", "gone", tmp_path / "gone.svg", 64, tmp_path / "cache")


def test_a_bare_word_renders_its_lookup(library):
    assert library.render_png("hospital", 48) == library.render_png("openmoji:1F3E5", 48)
