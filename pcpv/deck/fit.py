"""Measuring words with real font metrics, and cutting them into slides that fit.

Text on a slide never shrinks below the easy-read minimum and never runs out of its box: when the
words do not fit, they continue on a next slide ("1 of 2"). To know whether they fit, pcpv measures
them the way PowerPoint will lay them out: Arial's advance widths (read from Liberation Sans, its
metric-compatible twin, shipped in ``fonts/`` under the SIL Open Font License), greedy word
wrapping at spaces, and a word wider than the line broken between letters, as PowerPoint does.

Characters the font has no glyph for (Urdu, for example: PowerPoint then falls back to another
font) are counted at ``FALLBACK_EM`` of the size, wider than those scripts' letters usually are, so
the estimate errs towards one line too many, never one too few. Combining marks take no width.

No python-pptx here: the plan (``plan.py``) cuts the words into slides before anything is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

from pcpv.deck import theme

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR_FONT = FONTS_DIR / "LiberationSans-Regular.ttf"
BOLD_FONT = FONTS_DIR / "LiberationSans-Bold.ttf"

FALLBACK_EM = 0.62
"""Width of a character the font lacks, as a share of the font size (wide on purpose)."""
SAFETY = 0.96
"""Share of a box's width that text may fill: room for differences between PowerPoint, LibreOffice
and our measuring (kerning, hinting, a fallback font's wider letters)."""

_SENTENCE_END = re.compile(r"(?<=[.!?؟۔])\s+")
_RTL_BIDI = {"R", "AL", "AN"}


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths and line height of one font, in font units."""

    units_per_em: int
    """Font units in one em (the font size)."""
    advances: dict[int, int]
    """Advance width of each character the font has, by code point."""
    line_em: float
    """Natural line height (ascent + descent + line gap) as a multiple of the font size."""

    @classmethod
    def load(cls, path: Path) -> FontMetrics:
        """Read the metrics of the TrueType font at ``path``."""
        font = TTFont(path, lazy=True)
        try:
            cmap = font.getBestCmap()
            hmtx = font["hmtx"].metrics
            advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
            hhea = font["hhea"]
            upem = font["head"].unitsPerEm
            line_em = (hhea.ascent - hhea.descent + hhea.lineGap) / upem
        finally:
            font.close()
        return cls(units_per_em=upem, advances=advances, line_em=line_em)

    def char_em(self, char: str) -> float:
        """Width of one character as a share of the font size."""
        code = ord(char)
        advance = self.advances.get(code)
        if advance is not None:
            return advance / self.units_per_em
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            return 0.0
        return FALLBACK_EM

    def width_pt(self, text: str, size_pt: float) -> float:
        """Width of ``text`` on one line at ``size_pt`` points (no kerning: a little wider)."""
        return sum(self.char_em(c) for c in text) * size_pt


def metrics(*, bold: bool = False) -> FontMetrics:
    """The metrics of the deck's font (regular or bold), loaded once."""
    return _metrics(bold)


@functools.cache
def _metrics(bold: bool) -> FontMetrics:
    # Keyed on the plain flag: a cache on ``metrics`` itself keys ``metrics()`` and
    # ``metrics(bold=False)`` apart, and a small one then reloads the fonts on every call.
    return FontMetrics.load(BOLD_FONT if bold else REGULAR_FONT)


def line_pitch_pt(size_pt: float) -> float:
    """Distance between two lines' baselines for text at ``size_pt``: the theme's line spacing
    times the font's natural line height. The writer sets this as exact spacing, so the height of
    a paragraph on the slide is known before PowerPoint lays it out."""
    return round(size_pt * theme.LINE_SPACING * metrics().line_em, 1)


def paragraph_gap_pt(size_pt: float) -> float:
    """Space before each paragraph after the first: half a line, to separate ideas calmly."""
    return round(size_pt * 0.5, 1)


def is_rtl(text: str) -> bool:
    """True when most letters of ``text`` belong to a right-to-left script (Urdu, Arabic, Hebrew)."""
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_BIDI:
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr


def _break_word(word: str, width_pt: float, size_pt: float, font: FontMetrics) -> list[str]:
    """A word too wide for a line, cut between letters the way PowerPoint cuts it."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and font.width_pt(current + char, size_pt) > width_pt:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width_pt: float, size_pt: float, *, bold: bool = False) -> list[str]:
    """The lines ``text`` takes in a box ``width_pt`` wide: greedy wrapping at spaces, as
    PowerPoint and LibreOffice do. Explicit line breaks in ``text`` start new lines."""
    font = metrics(bold=bold)
    usable = width_pt * SAFETY
    lines: list[str] = []
    for hard_line in text.split("\n"):
        words = hard_line.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.width_pt(candidate, size_pt) <= usable:
                current = candidate
                continue
            if current:
                lines.append(current)
            if font.width_pt(word, size_pt) <= usable:
                current = word
            else:
                *full, current = _break_word(word, usable, size_pt, font)
                lines.extend(full)
        lines.append(current)
    return lines


def text_height_pt(paragraphs: list[str], width_pt: float, size_pt: float) -> float:
    """Height the ``paragraphs`` take at ``size_pt`` in a box ``width_pt`` wide (no insets)."""
    pitch = line_pitch_pt(size_pt)
    lines = sum(len(wrap(p, width_pt, size_pt)) for p in paragraphs)
    gaps = max(0, len(paragraphs) - 1) * paragraph_gap_pt(size_pt)
    return lines * pitch + gaps


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, split after ``.``, ``!`` or ``?`` (and the Urdu full stop)."""
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s]


@dataclass(frozen=True)
class Page:
    """The words that go on one slide."""

    paragraphs: tuple[str, ...]
    """Paragraphs in order; a long paragraph may be continued from the page before."""
    lines: int
    """How many lines they take, measured."""
    sources: tuple[tuple[int, bool], ...] = ()
    """For each paragraph: the index of the paragraph it comes from in the list given to
    ``paginate``, and whether it is that paragraph's beginning (False for a continuation)."""


@dataclass(frozen=True)
class Box:
    """The room words have on a slide."""

    width_pt: float
    """Width inside the text box's insets."""
    height_pt: float
    """Height inside the text box's insets."""
    size_pt: float = theme.BODY_PT
    """Font size of the words."""
    reserved_lines: int = 0
    """Lines taken on every page by something else in the same box (e.g. "Sam said:")."""
    reserved_ideas: int = 0
    """Paragraphs on every page that are not the words being cut (the "Sam said:" label)."""

    @property
    def max_ideas(self) -> int:
        """Most paragraphs of words one page holds."""
        return max(1, theme.MAX_IDEAS_PER_SLIDE - self.reserved_ideas)

    @property
    def max_lines(self) -> int:
        """Most lines of words one page holds: what fits, and never over the easy-read limit."""
        fits = int(self.height_pt // line_pitch_pt(self.size_pt))
        return max(1, min(fits, theme.MAX_LINES_PER_SLIDE) - self.reserved_lines)

    @property
    def room_pt(self) -> float:
        """Height left for the words once the reserved lines (and the gap after them) are set."""
        if not self.reserved_lines:
            return self.height_pt
        used = self.reserved_lines * line_pitch_pt(self.size_pt) + paragraph_gap_pt(self.size_pt)
        return self.height_pt - used


def paginate(paragraphs: list[str], box: Box) -> list[Page]:
    """Cut ``paragraphs`` into pages that each fit ``box``.

    A page holds at most ``box.max_ideas`` paragraphs and at most ``box.max_lines``
    lines, with the paragraph gaps counted. A paragraph too long for a page is cut after a
    sentence where possible, else after a line, never inside a word (unless a single word is wider
    than the box, which PowerPoint would break too). Always returns at least one page.
    """
    pitch = line_pitch_pt(box.size_pt)
    gap = paragraph_gap_pt(box.size_pt)
    pages: list[Page] = []
    current: list[str] = []
    sources: list[tuple[int, bool]] = []
    used_lines = 0
    used_height = 0.0
    for index, paragraph in enumerate(paragraphs):
        text = " ".join(paragraph.split())
        if not text:
            continue
        for number, (chunk, lines) in enumerate(_chunks_of(text, box)):
            height = lines * pitch + (gap if current else 0.0)
            if current and (
                used_lines + lines > box.max_lines
                or used_height + height > box.room_pt + 0.01
                or len(current) >= box.max_ideas
            ):
                pages.append(Page(tuple(current), used_lines, tuple(sources)))
                current, sources, used_lines, used_height = [], [], 0, 0.0
                height = lines * pitch
            current.append(chunk)
            sources.append((index, number == 0))
            used_lines += lines
            used_height += height
    if current or not pages:
        pages.append(Page(tuple(current), used_lines, tuple(sources)))
    return pages


def _chunks_of(paragraph: str, box: Box) -> list[tuple[str, int]]:
    """A paragraph as pieces that each fit on one page, with their line counts: whole if it
    fits, else runs of whole sentences, else runs of lines."""
    limit = box.max_lines
    lines = wrap(paragraph, box.width_pt, box.size_pt)
    if len(lines) <= limit:
        return [(paragraph, len(lines))]
    pieces: list[str] = []
    for sentence in sentences(paragraph):
        sentence_lines = wrap(sentence, box.width_pt, box.size_pt)
        if len(sentence_lines) <= limit:
            pieces.append(sentence)
        else:
            pieces.extend(_split_by_words(sentence, box))
    # Pack neighbouring sentences back together while they still fit one page.
    packed: list[str] = []
    for piece in pieces:
        if packed and len(wrap(f"{packed[-1]} {piece}", box.width_pt, box.size_pt)) <= limit:
            packed[-1] = f"{packed[-1]} {piece}"
        else:
            packed.append(piece)
    return [(text, len(wrap(text, box.width_pt, box.size_pt))) for text in packed]


def _split_by_words(text: str, box: Box) -> list[str]:
    """``text`` cut between words into pieces of at most ``box.max_lines`` lines. Only a single
    word longer than a whole page is cut between letters (its pieces joined with nothing)."""
    limit = box.max_lines
    pieces: list[str] = []
    current: list[str] = []
    for word in text.split():
        if len(wrap(word, box.width_pt, box.size_pt)) > limit:
            if current:
                pieces.append(" ".join(current))
                current = []
            letters = wrap(word, box.width_pt, box.size_pt)
            pieces.extend("".join(letters[i : i + limit]) for i in range(0, len(letters), limit))
            continue
        if current and len(wrap(" ".join([*current, word]), box.width_pt, box.size_pt)) > limit:
            pieces.append(" ".join(current))
            current = []
        current.append(word)
    if current:
        pieces.append(" ".join(current))
    return pieces


def shorten(text: str, width_pt: float, size_pt: float, max_lines: int) -> str:
    """``text`` cut after whole words to take at most ``max_lines`` lines, ending in "…" when
    cut. Only for captions, whose full words stay in the alt text and the speaker notes; never
    for an answer's words, which continue on a next slide instead."""
    if len(wrap(text, width_pt, size_pt)) <= max_lines:
        return text
    words = text.split()
    while words and len(wrap(" ".join(words) + "…", width_pt, size_pt)) > max_lines:
        words.pop()
    return (" ".join(words) + "…") if words else text[: max(1, max_lines * 10)] + "…"


def fit_title(text: str, width_pt: float, max_lines: int) -> tuple[float, list[str]]:
    """The largest title size from ``theme.TITLE_PT`` down to ``theme.MIN_TITLE_PT`` at which
    ``text`` takes at most ``max_lines`` lines, and those lines. If even the minimum needs more
    lines, the minimum and all its lines (the caller makes room for them)."""
    size = float(theme.TITLE_PT)
    while True:
        lines = wrap(text, width_pt, size, bold=True)
        if len(lines) <= max_lines or size <= theme.MIN_TITLE_PT:
            return size, lines
        size = max(float(theme.MIN_TITLE_PT), size - 2)
