"""A small picture of a symbol for a colour terminal, drawn with half-block characters.

Each character cell shows two pixels: the upper half block "▀" in the top pixel's colour over a
background of the bottom pixel's colour (24-bit ANSI colour). Transparent parts are shown white,
the colour of a slide's symbol panel.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

_RESET = "\x1b[0m"


def terminal_can_preview(stream: TextIO | None = None) -> bool:
    """True for an interactive terminal that says it shows 24-bit colour (and NO_COLOR is unset)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or not getattr(stream, "isatty", lambda: False)():
        return False
    return os.environ.get("COLORTERM", "").lower() in {"truecolor", "24bit"}


def halfblock(png: Path, width: int = 16) -> list[str]:
    """Lines of ANSI text showing ``png`` ``width`` characters wide (and ``width // 2`` lines high)."""
    from PIL import Image

    with Image.open(png) as opened:
        image = opened.convert("RGBA")
    height = max(2, width - width % 2)
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    white.alpha_composite(image)
    pixels = white.convert("RGB").load()
    lines = []
    for y in range(0, height, 2):
        cells = []
        for x in range(width):
            top = pixels[x, y]
            bottom = pixels[x, y + 1]
            cells.append(
                f"\x1b[38;2;{top[0]};{top[1]};{top[2]}m\x1b[48;2;{bottom[0]};{bottom[1]};{bottom[2]}m▀"
            )
        lines.append("".join(cells) + _RESET)
    return lines
