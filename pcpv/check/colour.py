"""Working out the real colour of text and of what is behind it, as PowerPoint draws them.

A run's colour may be written on the run, or come from the shape, the layout, the master or the
theme; a background may be the shape's own fill, a theme fill style or the slide's, layout's or
master's background. Colours may be theme slots (``tx1``, ``accent2``) mapped through the master's
colour map and changed by ``lumMod``/``lumOff``/``tint``/``shade``. This module resolves all of
that to plain ``RRGGBB`` strings, so contrast is judged on what the audience sees.
"""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass, field

from lxml import etree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

SLOTS = (
    "dk1",
    "lt1",
    "dk2",
    "lt2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
)
DEFAULT_CLRMAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"} | {s: s for s in SLOTS}
_OFFICE_THEME = {
    "dk1": "000000",
    "lt1": "FFFFFF",
    "dk2": "44546A",
    "lt2": "E7E6E6",
    "accent1": "4472C4",
    "accent2": "ED7D31",
    "accent3": "A5A5A5",
    "accent4": "FFC000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
    "hlink": "0563C1",
    "folHlink": "954F72",
}
"""Office's default theme colours, used when a deck's theme part is missing or unreadable."""
_SYSTEM = {
    "windowText": "000000",
    "window": "FFFFFF",
    "btnText": "000000",
    "btnFace": "F0F0F0",
    "highlight": "0078D7",
    "highlightText": "FFFFFF",
    "grayText": "6D6D6D",
}
_PRESET = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "gray": "808080",
    "grey": "808080",
    "darkGray": "A9A9A9",
    "lightGray": "D3D3D3",
    "silver": "C0C0C0",
    "navy": "000080",
    "orange": "FFA500",
    "purple": "800080",
    "maroon": "800000",
    "teal": "008080",
    "lime": "00FF00",
    "cyan": "00FFFF",
    "magenta": "FF00FF",
    "darkBlue": "00008B",
    "darkRed": "8B0000",
    "darkGreen": "006400",
}
_COLOUR_TAGS = {A + t for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}
_FILL_TAGS = {A + t for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")}


@dataclass
class Theme:
    """The parts of a theme the checker needs."""

    colours: dict[str, str] = field(default_factory=lambda: dict(_OFFICE_THEME))
    """Theme slot (``dk1``, ``accent1``...) to ``RRGGBB``."""
    fill_styles: list[etree._Element] = field(default_factory=list)
    """``a:fillStyleLst`` children, used by shapes' ``a:fillRef``."""
    background_styles: list[etree._Element] = field(default_factory=list)
    """``a:bgFillStyleLst`` children, used by backgrounds' ``p:bgRef``."""


def read_theme(root: etree._Element) -> Theme:
    """The colours and fill styles of a theme part's root element."""
    theme = Theme()
    scheme = root.find(f"{A}themeElements/{A}clrScheme")
    if scheme is not None:
        for slot in scheme:
            name = etree.QName(slot).localname if isinstance(slot.tag, str) else ""
            if name in SLOTS and len(slot):
                value = _base_colour(slot[0], None)
                if value:
                    theme.colours[name] = value
    fmt = root.find(f"{A}themeElements/{A}fmtScheme")
    if fmt is not None:
        fills = fmt.find(f"{A}fillStyleLst")
        backgrounds = fmt.find(f"{A}bgFillStyleLst")
        theme.fill_styles = list(fills) if fills is not None else []
        theme.background_styles = list(backgrounds) if backgrounds is not None else []
    return theme


def read_clrmap(element: etree._Element | None, base: dict[str, str]) -> dict[str, str]:
    """A colour map (``p:clrMap`` or the ``a:overrideClrMapping`` of ``p:clrMapOvr``) over ``base``."""
    if element is None:
        return base
    if element.tag == P + "clrMapOvr":
        element = element.find(A + "overrideClrMapping")
        if element is None:
            return base
    return base | {k: v for k, v in element.attrib.items() if isinstance(k, str)}


@dataclass(frozen=True)
class SchemeColours:
    """What a scheme colour resolves through: the theme and the colour map in force."""

    theme: Theme
    clrmap: dict[str, str]

    def scheme(self, name: str) -> str | None:
        slot = self.clrmap.get(name, name)
        return self.theme.colours.get(slot) or self.theme.colours.get(name)


def _fraction(value: str | None, default: float = 1.0) -> float:
    if value is None:
        return default
    try:
        result = float(value[:-1]) / 100 if value.endswith("%") else int(value) / 100_000
    except ValueError:
        return default
    return result if math.isfinite(result) else default


def _hex(r: float, g: float, b: float) -> str:
    clamped = (min(max(c, 0.0), 1.0) if math.isfinite(c) else 0.0 for c in (r, g, b))
    return "".join(f"{round(c * 255):02X}" for c in clamped)


def _rgb(hex_rgb: str) -> tuple[float, float, float]:
    return tuple(int(hex_rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _linear_to_srgb(c: float) -> float:
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _base_colour(
    el: etree._Element, placeholder: str | None, palette: SchemeColours | None = None
) -> str | None:
    tag = el.tag
    if tag == A + "srgbClr":
        value = (el.get("val") or "").upper()
        return value if len(value) == 6 and all(c in "0123456789ABCDEF" for c in value) else None
    if tag == A + "sysClr":
        last = (el.get("lastClr") or "").upper()
        return last if len(last) == 6 else _SYSTEM.get(el.get("val", ""))
    if tag == A + "prstClr":
        return _PRESET.get(el.get("val", ""))
    if tag == A + "schemeClr":
        name = el.get("val", "")
        if name == "phClr":
            return placeholder
        return palette.scheme(name) if palette else None
    if tag == A + "scrgbClr":
        return _hex(*(_linear_to_srgb(_fraction(el.get(k), 0.0)) for k in ("r", "g", "b")))
    if tag == A + "hslClr":
        try:
            hue = int(el.get("hue", "0")) / 21_600_000
        except ValueError:
            hue = 0.0
        r, g, b = colorsys.hls_to_rgb(hue, _fraction(el.get("lum"), 0), _fraction(el.get("sat"), 0))
        return _hex(r, g, b)
    return None


def _transform(hex_rgb: str, el: etree._Element) -> str:
    r, g, b = _rgb(hex_rgb)
    for change in el:
        if not isinstance(change.tag, str):
            continue
        name = etree.QName(change).localname
        val = _fraction(change.get("val"))
        if name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * val if name == "lumMod" else lum + val
            r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
        elif name == "shade":
            r, g, b = r * val, g * val, b * val
        elif name == "tint":
            r, g, b = (c * val + (1 - val) for c in (r, g, b))
        elif name == "inv":
            r, g, b = 1 - r, 1 - g, 1 - b
        elif name == "gray":
            gray = 0.2126 * r + 0.7152 * g + 0.0722 * b
            r = g = b = gray
    return _hex(r, g, b)


def resolve_colour(
    el: etree._Element | None, palette: SchemeColours, placeholder: str | None = None
) -> str | None:
    """``RRGGBB`` of a colour element (``a:srgbClr``, ``a:schemeClr``...), or None if unknown."""
    if el is None:
        return None
    base = _base_colour(el, placeholder, palette)
    return _transform(base, el) if base and len(el) else base


def first_colour(parent: etree._Element | None) -> etree._Element | None:
    """The first colour element inside ``parent`` (e.g. of ``a:solidFill``)."""
    if parent is None:
        return None
    for child in parent:
        if child.tag in _COLOUR_TAGS:
            return child
    return None


@dataclass(frozen=True)
class Fill:
    """What a fill paints: nothing, colours (one for solid, several for gradients and patterns),
    a picture, the group's fill, or something the checker cannot judge."""

    kind: str
    """``none``, ``colour``, ``picture``, ``group`` or ``unknown``."""
    colours: tuple[str, ...] = ()


NO_FILL = Fill("none")


def fill_element(parent: etree._Element | None) -> etree._Element | None:
    """The fill child (``a:solidFill``, ``a:noFill``...) of ``spPr``/``bgPr``/``tcPr``, if any."""
    if parent is None:
        return None
    for child in parent:
        if child.tag in _FILL_TAGS:
            return child
    return None


def read_fill(el: etree._Element, palette: SchemeColours, placeholder: str | None = None) -> Fill:
    """What the fill element ``el`` paints."""
    tag = el.tag
    if tag == A + "noFill":
        return NO_FILL
    if tag == A + "blipFill":
        return Fill("picture")
    if tag == A + "grpFill":
        return Fill("group")
    if tag == A + "solidFill":
        colour = resolve_colour(first_colour(el), palette, placeholder)
        return Fill("colour", (colour,)) if colour else Fill("unknown")
    if tag == A + "gradFill":
        stops = [
            resolve_colour(first_colour(gs), palette, placeholder)
            for gs in el.iterfind(f"{A}gsLst/{A}gs")
        ]
        known = tuple(c for c in stops if c)
        return Fill("colour", known) if known and len(known) == len(stops) else Fill("unknown")
    if tag == A + "pattFill":
        parts = [
            resolve_colour(first_colour(el.find(A + k)), palette, placeholder)
            for k in ("fgClr", "bgClr")
        ]
        known = tuple(c for c in parts if c)
        return Fill("colour", known) if known else Fill("unknown")
    return Fill("unknown")


def style_fill(ref: etree._Element, palette: SchemeColours) -> Fill:
    """The fill a ``a:fillRef`` (or ``p:bgRef``) points at in the theme, with its colour as phClr."""
    try:
        idx = int(ref.get("idx", "0"))
    except ValueError:
        return Fill("unknown")
    placeholder = resolve_colour(first_colour(ref), palette)
    if idx in (0, 1000):
        return NO_FILL
    styles = palette.theme.background_styles if idx > 1000 else palette.theme.fill_styles
    pos = idx - 1001 if idx > 1000 else idx - 1
    if 0 <= pos < len(styles):
        return read_fill(styles[pos], palette, placeholder)
    # No theme style to read: the reference's own colour is the best guess PowerPoint would show.
    return Fill("colour", (placeholder,)) if placeholder else Fill("unknown")
