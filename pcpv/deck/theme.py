"""Every accessibility and easy-read number pcpv uses, in one place.

The deck writer lays slides out with these numbers and the checker (``pcpv.check``) judges any deck
against the same ones, so the two can never disagree. No python-pptx here: the checker imports this
module without pulling in the deck writer. Sources are in ``../shared/DOMAIN.md`` (easy-read print
rules read for slides; WCAG 2.x contrast).
"""

from __future__ import annotations

from dataclasses import dataclass

# -- Text sizes (points) ------------------------------------------------------------------------
MIN_BODY_PT = 28
"""Smallest body text on a slide (easy-read print minimum of 14-16 pt, read for a projector)."""
MIN_TITLE_PT = 36
"""Smallest slide title."""
BODY_PT = 32
"""The size pcpv writes body text at; never shrunk below ``MIN_BODY_PT``."""
TITLE_PT = 40
"""The size pcpv writes slide titles at; never shrunk below ``MIN_TITLE_PT``."""
NOTES_PT = 14
"""Speaker notes are read by the presenter on a laptop, not projected."""
LINE_SPACING = 1.2
"""Line height as a multiple of the font size."""

# -- Fonts --------------------------------------------------------------------------------------
FONT_FAMILY = "Arial"
"""The plain sans-serif the deck asks for."""
METRIC_FONT_FAMILY = "Liberation Sans"
"""Metric-compatible twin of Arial, used to measure text when Arial itself is not installed."""

# -- Colour and contrast ------------------------------------------------------------------------
MIN_CONTRAST = 4.5
"""WCAG AA for normal text: below this is an error."""
TARGET_CONTRAST = 7.0
"""WCAG AAA: pcpv's own target, because projectors wash colours out; below this is a warning."""


@dataclass(frozen=True)
class Palette:
    """The colours of one deck theme, as RGB hex strings without '#'."""

    name: str
    background: str
    text: str
    title: str
    accent: str
    """Lines and frames only; never carries meaning on its own."""
    quote_background: str
    """Panel behind the patient's own words."""


PALETTES: dict[str, Palette] = {
    "cream": Palette(
        "cream",
        background="FFF8E7",
        text="1A1A1A",
        title="0B2545",
        accent="8D6A00",
        quote_background="FFEFC2",
    ),
    "pale-yellow": Palette(
        "pale-yellow",
        background="FFFBD6",
        text="1A1A1A",
        title="0B2545",
        accent="7A5C00",
        quote_background="FFF3A8",
    ),
    "white": Palette(
        "white",
        background="FFFFFF",
        text="111111",
        title="0B2545",
        accent="005A9C",
        quote_background="EEF4FA",
    ),
}
DEFAULT_PALETTE = "cream"

# -- Slide geometry (EMU; 914400 EMU = 1 inch) --------------------------------------------------
EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700
SLIDE_WIDTH = 12_192_000
"""16:9, 13.333 in wide (PowerPoint's own widescreen size)."""
SLIDE_HEIGHT = 6_858_000
"""7.5 in high."""
MARGIN = 457_200
"""Half an inch of calm space on every side."""
PICTURE_FRACTION = 0.42
"""Share of the width (inside the margins) given to the picture column on the left."""
GUTTER = 365_760
"""Space between the picture column and the words."""

# -- Easy-read limits ---------------------------------------------------------------------------
MAX_SENTENCE_WORDS = 15
"""A sentence written by staff or a template should have at most this many words."""
MAX_LINES_PER_SLIDE = 6
"""More lines than this on one slide is more than one idea: continue on a next slide."""
MAX_IDEAS_PER_SLIDE = 3
"""Bullet points or paragraphs on one slide before the checker says it is too much."""
LONG_WORD_LETTERS = 12
"""A word with more letters than this is long for an easy-read reader (the checker notes it)."""
BIG_NUMBER = 1000
"""Numbers from this size up are hard to picture; easy read says "a lot" or uses a picture."""
MAX_CLAUSE_JOINERS = 1
"""Joining words ("because", "but", "which", "and I"...) one sentence may hold before it carries
more than one idea."""
PATIENT_WORDS_SHAPE = "Patient's words"
"""Name (or start of the name) of the shape the deck writer puts the patient's own words in. The
checker never suggests changing text in such a shape, only notes it."""

# -- Pictures -----------------------------------------------------------------------------------
SCREEN_PPI = 150
"""Pictures are scaled to this many pixels per inch of their placed size (default)."""
PRINT_PPI = 220
"""With ``--print``: PowerPoint's own "print" picture quality."""
JPEG_QUALITY = 85


def relative_luminance(hex_rgb: str) -> float:
    """WCAG 2.x relative luminance of an ``RRGGBB`` colour."""
    channels = [int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two ``RRGGBB`` colours, from 1.0 to 21.0."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def palette(name: str) -> Palette:
    """The palette called ``name``, or the default one for an unknown name."""
    return PALETTES.get(name, PALETTES[DEFAULT_PALETTE])
