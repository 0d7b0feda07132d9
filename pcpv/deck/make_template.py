"""Make pcpv's own 16:9, en-GB slide template: ``template/pcpv-16x9.pptx``.

Why a template of our own: python-pptx's built-in one is 4:3, tags its text ``en-US``, uses Calibri,
names a stranger as the last author, carries 2013 dates, a thumbnail and Mac printer settings.
Widening it at build time does not move its placeholders (titles end up off-centre).

This script starts from python-pptx's template and makes it ours: widescreen size, only the two
layouts the deck uses ("Title Slide" and "Title Only") with their placeholders on pcpv's grid
(``layout.py``), Arial as the theme's fonts, left-aligned text at easy-read sizes with no bullets,
``en-GB`` everywhere, and empty document properties. The writer still sets every run's size,
colour, font and language itself, so the template is the fall-back for text a person adds in
PowerPoint later. Run it after changing the grid or the theme, and ship the result:

    python -m pcpv.deck.make_template
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

from pcpv.deck import layout, theme

TEMPLATE = Path(__file__).resolve().parent / "template" / "pcpv-16x9.pptx"
KEEP_LAYOUTS = ("Title Slide", "Title Only")
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
"""The template's own dates: fixed, so rebuilding it gives the same file."""

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS = {"a": _A, "p": _P}
_DROP_PLACEHOLDERS = {"dt", "ftr", "sldNum"}

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>pcpv</Application><PresentationFormat>Widescreen</PresentationFormat>"
    "<Slides>{slides}</Slides><Notes>{slides}</Notes><HiddenSlides>0</HiddenSlides>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
"""Extended properties with nothing about anyone (no company, manager or slide titles)."""


def app_xml(slides: int) -> bytes:
    """The deck's ``docProps/app.xml`` for a deck of ``slides`` slides."""
    return APP_XML.format(slides=slides).encode("utf-8")


def _set_rect(shape: object, rect: layout.Rect) -> None:
    shape.left, shape.top, shape.width, shape.height = (  # type: ignore[attr-defined]
        Emu(rect.x),
        Emu(rect.y),
        Emu(rect.w),
        Emu(rect.h),
    )


def _drop_footer_placeholders(shapes: object) -> None:
    for shape in list(shapes):  # type: ignore[call-overload]
        ph = shape._element.find(".//p:nvPr/p:ph", _NS)
        if ph is not None and ph.get("type") in _DROP_PLACEHOLDERS:
            shape._element.getparent().remove(shape._element)


def _style_levels(style: etree._Element, size_pt: float, *, bold: bool) -> None:
    """Easy-read defaults on every level of a master text style."""
    for level in style:
        if not level.tag.endswith("pPr"):
            continue
        level.set("algn", "l")
        for bullet in level.findall("a:buChar", _NS) + level.findall("a:buAutoNum", _NS):
            level.remove(bullet)
        if level.find("a:buNone", _NS) is None:
            defrpr = level.find("a:defRPr", _NS)
            bu_none = etree.Element(f"{{{_A}}}buNone")
            if defrpr is not None:
                defrpr.addprevious(bu_none)
            else:
                level.append(bu_none)
        level.set("marL", "0")
        level.set("indent", "0")
        defrpr = level.find("a:defRPr", _NS)
        if defrpr is not None:
            defrpr.set("sz", str(round(size_pt * 100)))
            defrpr.set("b", "1" if bold else "0")
            defrpr.set("i", "0")


def _set_language(element: etree._Element, language: str) -> None:
    for node in element.iter():
        if node.get("lang") is not None:
            node.set("lang", language)


def _arial_theme(theme_part: object) -> None:
    root = etree.fromstring(theme_part.blob)  # type: ignore[attr-defined]
    for font in root.iterfind(".//a:fontScheme/*/a:latin", _NS):
        font.set("typeface", theme.FONT_FAMILY)
    scheme = root.find(".//a:fontScheme", _NS)
    if scheme is not None:
        scheme.set("name", "pcpv")
    theme_part._blob = etree.tostring(  # type: ignore[attr-defined]
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def make_template() -> bytes:
    """The template as bytes (deterministic: the same code gives the same file)."""
    prs = Presentation()
    prs.slide_width = Emu(theme.SLIDE_WIDTH)
    prs.slide_height = Emu(theme.SLIDE_HEIGHT)
    pres_el = prs.part._element
    pres_el.find("p:sldSz", _NS).attrib.pop("type", None)

    master = prs.slide_master
    for slide_layout in list(prs.slide_layouts):
        if slide_layout.name not in KEEP_LAYOUTS:
            prs.slide_layouts.remove(slide_layout)

    grid = layout.grid()
    _drop_footer_placeholders(master.shapes)
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        _set_rect(shape, grid.title if "TITLE" in str(kind) else grid.body)
    for slide_layout in prs.slide_layouts:
        _drop_footer_placeholders(slide_layout.shapes)
        for shape in slide_layout.placeholders:
            name = str(shape.placeholder_format.type)
            _set_rect(shape, grid.title if "TITLE" in name else grid.words)

    styles = master._element.find("p:txStyles", _NS)
    _style_levels(styles.find("p:titleStyle", _NS), theme.TITLE_PT, bold=True)
    _style_levels(styles.find("p:bodyStyle", _NS), theme.BODY_PT, bold=False)
    for slide_layout in prs.slide_layouts:
        for style in slide_layout._element.iterfind(".//p:txBody/a:lstStyle", _NS):
            for level in style:
                level.set("algn", "l")

    _arial_theme(master.part.part_related_by(RT.THEME))
    for element in (pres_el, master._element, *(lo._element for lo in prs.slide_layouts)):
        _set_language(element, "en-GB")

    package = prs.part.package
    for rId, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(rId)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_xml(0)
    for rId, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.rels.pop(rId)

    props = prs.core_properties
    for name in ("author", "category", "comments", "keywords", "subject", "title"):
        setattr(props, name, "")
    props.last_modified_by = ""
    props.revision = 1
    props.created = props.modified = FIXED_TIME
    props.language = "en-GB"

    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def main() -> None:
    """Write the template beside this module."""
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(make_template())
    print(f"Wrote {TEMPLATE}")


if __name__ == "__main__":
    main()
