"""Where things go on a slide: the easy-read grid, in EMU, worked out from ``theme``.

Picture on the left, words on the right, the title across the top, calm margins. Both the plan
(to measure how many words fit) and the writer (to place them) use these boxes, so what was
measured is what is written. No python-pptx here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcpv.deck import fit, theme

INSET_X = 91_440
"""Left and right inset inside every text box (0.1 in, PowerPoint's default), set explicitly."""
INSET_Y = 45_720
"""Top and bottom inset inside every text box (0.05 in)."""
TITLE_GAP = 182_880
"""Space between the title and the words or pictures below it (0.2 in)."""
TITLE_LINES = 2
"""Lines the title box always has room for, so titles sit in the same place on every slide."""
SYMBOL_GAP = 137_160
"""Space between a symbol and the line of words it stands beside (0.15 in)."""


@dataclass(frozen=True)
class Rect:
    """A box on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


def pt(emu: int) -> float:
    """EMU to points."""
    return emu / theme.EMU_PER_PT


def emu(points: float) -> int:
    """Points to EMU."""
    return round(points * theme.EMU_PER_PT)


INNER = Rect(
    theme.MARGIN,
    theme.MARGIN,
    theme.SLIDE_WIDTH - 2 * theme.MARGIN,
    theme.SLIDE_HEIGHT - 2 * theme.MARGIN,
)
"""The slide inside its margins."""


def title_rect(lines: int, size_pt: float) -> Rect:
    """The title box for a title of ``lines`` lines at ``size_pt`` (room for at least 2)."""
    height = max(lines, TITLE_LINES) * fit.line_pitch_pt(size_pt)
    return Rect(INNER.x, INNER.y, INNER.w, emu(height) + 2 * INSET_Y)


def title_text_width_pt() -> float:
    """Width available to a title's words."""
    return pt(INNER.w - 2 * INSET_X)


@dataclass(frozen=True)
class Grid:
    """The boxes of one slide below its title."""

    title: Rect
    body: Rect
    """Everything below the title, inside the margins."""
    picture: Rect
    """The picture column on the left."""
    words: Rect
    """The words column on the right."""

    def words_box(self, *, with_picture: bool, with_symbols: bool) -> Rect:
        """The text box for the words: the right column beside a picture (or the whole width
        when there is none), moved right to leave room for symbols beside the lines."""
        area = self.words if with_picture else self.body
        if with_symbols:
            shift = symbol_size() + SYMBOL_GAP
            return Rect(area.x + shift, area.y, area.w - shift, area.h)
        return area


def grid(title_lines: int = TITLE_LINES, title_size_pt: float = theme.TITLE_PT) -> Grid:
    """The slide grid for a title taking ``title_lines`` lines at ``title_size_pt``."""
    title = title_rect(title_lines, title_size_pt)
    top = title.bottom + TITLE_GAP
    body = Rect(INNER.x, top, INNER.w, INNER.bottom - top)
    picture_w = round(INNER.w * theme.PICTURE_FRACTION)
    picture = Rect(INNER.x, top, picture_w, body.h)
    words_x = INNER.x + picture_w + theme.GUTTER
    words = Rect(words_x, top, INNER.right - words_x, body.h)
    return Grid(title=title, body=body, picture=picture, words=words)


def symbol_size() -> int:
    """Side of a symbol beside a line of words: one line plus the gap before the next paragraph,
    so symbols of one-line paragraphs sit one under the other without touching."""
    size_pt = fit.line_pitch_pt(theme.BODY_PT) + fit.paragraph_gap_pt(theme.BODY_PT) - 4
    return emu(size_pt)


def text_area_pt(box: Rect) -> tuple[float, float]:
    """Width and height in points available to words inside a text box ``box``."""
    return pt(box.w - 2 * INSET_X), pt(box.h - 2 * INSET_Y)


def fit_inside(size: tuple[int, int], box: Rect, *, align_top: bool = True) -> Rect:
    """A picture of pixel ``size`` scaled to fill ``box`` without changing its shape, centred
    across and at the top of the box (or centred both ways)."""
    width, height = size
    scale = min(box.w / width, box.h / height)
    w, h = round(width * scale), round(height * scale)
    x = box.x + (box.w - w) // 2
    y = box.y if align_top else box.y + (box.h - h) // 2
    return Rect(x, y, w, h)
