"""A picture in the terminal: graphics where the terminal can, coloured half-blocks where not.

``textual-image`` picks the best way the terminal offers (Kitty graphics, Sixel, or coloured half
blocks). It must be imported before the app starts, because it asks the terminal what it can do;
``pcpv.ui.app`` does that. If it is missing, ``HalfBlocks`` draws the picture itself with the
upper-half-block character, one pixel above another in each cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

PREVIEW_PIXELS = 256
"""Pictures are shrunk to this many pixels across before drawing: enough for a terminal preview."""

GRAPHICS_MODES = ("auto", "halfcell", "blocks")
"""``auto``: the best the terminal can do (textual-image asks the terminal, which takes up to half
a second where the terminal does not answer); ``halfcell``: textual-image's half blocks (the same
on every terminal: tests use it); ``blocks``: pcpv's own half blocks (no question to the terminal)."""

GRAPHICS_ENV = "PCPV_GRAPHICS"
"""Set to one of ``GRAPHICS_MODES`` to choose how pictures are drawn."""

_GRAPHICS_TERMINALS = {
    "KITTY_WINDOW_ID": "",
    "WEZTERM_PANE": "",
    "KONSOLE_VERSION": "",
    "WT_SESSION": "",  # Windows Terminal draws Sixel since 1.22
    "TERM_PROGRAM": ("iTerm.app", "WezTerm", "ghostty", "vscode", "mlterm"),
    "TERM": ("xterm-kitty", "foot", "foot-extra", "mlterm", "xterm-ghostty"),
}


def graphics_for_terminal(env: dict[str, str]) -> str:
    """How to draw pictures in the terminal described by ``env`` (the process's environment).

    Terminals known to draw real pictures get ``auto``; the rest (and tmux or screen, which pass
    no pictures through) get pcpv's own coloured half blocks, without asking the terminal.
    """
    chosen = env.get(GRAPHICS_ENV, "").strip().lower()
    if chosen in GRAPHICS_MODES:
        return chosen
    if env.get("TMUX") or env.get("TERM", "").startswith("screen"):
        return "blocks"
    for name, values in _GRAPHICS_TERMINALS.items():
        value = env.get(name)
        if value and (not values or value in values):
            return "auto"
    return "blocks"


def load_preview(path: Path) -> PILImage.Image:
    """A small, upright RGB copy of the picture at ``path`` (raises ``OSError`` if unreadable)."""
    with PILImage.open(path) as image:
        image.draft("RGB", (PREVIEW_PIXELS, PREVIEW_PIXELS))  # JPEG decodes small: fast
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS))
        if upright.mode in ("RGBA", "LA", "P"):
            background = PILImage.new("RGB", upright.size, (255, 255, 255))
            rgba = upright.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            return background
        return upright.convert("RGB")


class HalfBlocks(Widget):
    """A picture drawn with "▀": each cell shows two pixels, the top in the character's colour
    and the bottom in its background."""

    DEFAULT_CSS = """
    HalfBlocks { width: auto; height: 8; }
    """

    def __init__(self, image: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._image: PILImage.Image | None = None
        self._cells: list[Strip] = []
        self.image = image

    @property
    def image(self) -> PILImage.Image | None:
        return self._image

    @image.setter
    def image(self, value: Any) -> None:
        self._image = value if value is None or isinstance(value, PILImage.Image) else None
        self._cells = []
        self.refresh(layout=True)

    def _size_for(self, rows: int) -> tuple[int, int]:
        assert self._image is not None
        width, height = self._image.size
        # A cell is about twice as tall as it is wide, and holds two pixels one above the other.
        cols = max(1, round(rows * 2 * width / max(height, 1)))
        return cols, rows

    def get_content_width(self, container: Any, viewport: Any) -> int:
        if self._image is None:
            return 0
        rows = self.styles.height.cells if self.styles.height and self.styles.height.cells else 8
        return min(self._size_for(rows)[0], container.width or 10_000)

    def render_line(self, y: int) -> Strip:
        if self._image is None:
            return Strip.blank(self.size.width)
        if not self._cells:
            self._cells = self._draw(self.size.width, self.size.height)
        return self._cells[y] if y < len(self._cells) else Strip.blank(self.size.width)

    def _draw(self, width: int, height: int) -> list[Strip]:
        assert self._image is not None
        cols, rows = self._size_for(height)
        if cols > width:
            cols, rows = width, max(1, round(width * self._image.size[1] / self._image.size[0] / 2))
        small = self._image.resize((max(cols, 1), max(rows * 2, 1)))
        pixels = small.load()
        assert pixels is not None
        strips = []
        for row in range(rows):
            segments = [
                Segment(
                    "▀",
                    Style.from_color(_colour(pixels[x, row * 2]), _colour(pixels[x, row * 2 + 1])),
                )
                for x in range(cols)
            ]
            strips.append(Strip(segments, cols))
        return strips


def _colour(pixel: Any) -> Any:
    from rich.color import Color

    r, g, b = pixel[:3]
    return Color.from_rgb(r, g, b)


def image_widget_class(mode: str) -> type[Widget]:
    """The widget class that draws pictures in ``mode`` (see ``GRAPHICS_MODES``)."""
    if mode != "blocks":
        try:
            from textual_image import widget as image_widgets
        except ImportError:
            return HalfBlocks
        if mode == "halfcell":
            return image_widgets.HalfcellImage
        return image_widgets.Image
    return HalfBlocks
