"""Pictures in the terminal: choosing how to draw them, and pcpv's own half-block drawing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from textual.app import App, ComposeResult

from pcpv.ui.widgets.picture import (
    PREVIEW_PIXELS,
    HalfBlocks,
    graphics_for_terminal,
    image_widget_class,
    load_preview,
)

from .helpers import photo


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({"TERM": "xterm-256color"}, "blocks"),
        ({"TERM": "xterm-kitty"}, "auto"),
        ({"TERM": "xterm-256color", "WT_SESSION": "1234"}, "auto"),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, "auto"),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}, "blocks"),
        (
            {"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "KITTY_WINDOW_ID": "1"},
            "blocks",
        ),
        ({"TERM": "screen", "KONSOLE_VERSION": "230800"}, "blocks"),
        ({"TERM": "xterm-kitty", "PCPV_GRAPHICS": "blocks"}, "blocks"),
        ({"TERM": "dumb", "PCPV_GRAPHICS": "Auto "}, "auto"),
        ({"TERM": "dumb", "PCPV_GRAPHICS": "sixel please"}, "blocks"),
    ],
)
def test_pictures_are_drawn_as_the_terminal_allows(env: dict[str, str], mode: str) -> None:
    assert graphics_for_terminal(env) == mode


def test_every_mode_has_a_widget() -> None:
    assert image_widget_class("blocks") is HalfBlocks
    assert image_widget_class("halfcell").__name__ == "HalfcellImage"
    assert image_widget_class("auto") is not HalfBlocks


def test_previews_are_small_upright_and_without_transparency(tmp_path: Path) -> None:
    big = photo(tmp_path / "big.jpg", size=(1200, 900))
    assert max(load_preview(big).size) == PREVIEW_PIXELS
    sideways = Image.new("RGB", (80, 40), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways, shown upright
    sideways.save(tmp_path / "sideways.jpg", exif=exif)
    assert load_preview(tmp_path / "sideways.jpg").size == (40, 80)
    clear = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    clear.save(tmp_path / "clear.png")
    preview = load_preview(tmp_path / "clear.png")
    assert preview.mode == "RGB" and preview.getpixel((5, 5)) == (255, 255, 255)
    (tmp_path / "bad.jpg").write_bytes(b"\xff\xd8\xff not a picture")
    with pytest.raises(OSError):
        load_preview(tmp_path / "bad.jpg")


class _PictureApp(App):
    def __init__(self, image: Image.Image | None) -> None:
        super().__init__()
        self.image = image

    def compose(self) -> ComposeResult:
        yield HalfBlocks(self.image, id="picture")


async def test_half_blocks_draw_two_pixels_a_cell_in_true_colour() -> None:
    image = Image.new("RGB", (8, 8), (255, 0, 0))
    for x in range(8):
        for y in range(4, 8):
            image.putpixel((x, y), (0, 0, 255))
    app = _PictureApp(image)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one("#picture", HalfBlocks)
        assert widget.size.height == 8 and widget.size.width == 16  # square: twice as wide
        top = widget.render_line(0)
        segments = list(top)
        assert {s.text for s in segments} == {"▀"}
        assert segments[0].style.color.triplet == (255, 0, 0)
        assert segments[0].style.bgcolor.triplet == (255, 0, 0)
        bottom = list(widget.render_line(7))
        assert bottom[0].style.color.triplet == (0, 0, 255)
        widget.image = None
        await pilot.pause()
        assert widget.render_line(0).cell_length == widget.size.width
        assert not any(s.text == "▀" for s in widget.render_line(0))
