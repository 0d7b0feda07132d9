"""Decks for the checker's tests: a clean one that breaks no rule, and ways to break it.

Decks are made with python-pptx (tests may import it), then changed part by part by rewriting the
zip, the way other tools' decks differ from ours.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Inches, Pt

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
ADEC_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"

# Where the helpers put things: picture on the left, words on the right, as easy read asks.
PICTURE_LEFT, PICTURE_WIDTH = Inches(0.5), Inches(3)
WORDS_LEFT, WORDS_WIDTH, WORDS_HEIGHT = Inches(5), Inches(4.5), Inches(1.5)
TOP = Inches(2)

TITLE_ONLY = 5
TITLE_AND_CONTENT = 1
BLANK = 6


def png_bytes(
    colour: tuple[int, int, int] = (40, 120, 200), size: tuple[int, int] = (40, 30)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def set_alt(shape, text: str) -> None:
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def mark_decorative(shape) -> None:
    c_nv = shape._element.xpath("./*[1]/p:cNvPr")[0]
    c_nv.attrib.pop("descr", None)
    ext_lst = etree.SubElement(c_nv, f"{{{A_NS}}}extLst")
    ext = etree.SubElement(ext_lst, f"{{{A_NS}}}ext", uri=ADEC_URI)
    etree.SubElement(ext, f"{{{ADEC_NS}}}decorative", val="1")


def new_presentation() -> Presentation:
    prs = Presentation()
    prs.core_properties.author = ""
    prs.core_properties.last_modified_by = ""
    prs.core_properties.title = "My care meeting"
    return prs


def add_slide(
    prs, title: str, body: str | None = "I like the garden.", *, layout: int = TITLE_AND_CONTENT
):
    """A slide with a big title and (optionally) big body text, as easy read asks."""
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    slide.shapes.title.text = title
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    if body is not None and layout == TITLE_AND_CONTENT:
        frame = slide.placeholders[1].text_frame
        frame.text = body
        frame.paragraphs[0].runs[0].font.size = Pt(32)
    return slide


def add_picture(
    slide,
    alt: str | None = "A red bus at the bus stop",
    *,
    left=PICTURE_LEFT,
    top=TOP,
    width=PICTURE_WIDTH,
    data: bytes | None = None,
):
    pic = slide.shapes.add_picture(io.BytesIO(data or png_bytes()), left, top, width=width)
    if alt is not None:
        set_alt(pic, alt)
    return pic


def add_words(
    slide,
    text: str,
    *,
    left=WORDS_LEFT,
    top=TOP,
    width=WORDS_WIDTH,
    height=WORDS_HEIGHT,
    size: float = 32,
    colour: str | None = None,
    name: str | None = None,
):
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.text = text
    for p in box.text_frame.paragraphs:
        for run in p.runs:
            run.font.size = Pt(size)
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
    if name:
        box.name = name
    return box


def clean_deck(path: Path, slides: int = 3) -> Path:
    """A deck that breaks no rule: titles, big dark text on white, pictures with alt text."""
    prs = new_presentation()
    for n in range(1, slides + 1):
        slide = add_slide(prs, f"My week {n}", None, layout=TITLE_ONLY)
        add_picture(slide)
        add_words(slide, "I go to the shop.")
    prs.save(path)
    return path


def save(prs, path: Path) -> Path:
    prs.save(path)
    return path


# -- rewriting the zip ---------------------------------------------------------------------------
Change = bytes | None | Callable[[bytes], bytes]


def rewrite(
    source: Path, target: Path, changes: dict[str, Change], *, add: dict[str, bytes] | None = None
) -> Path:
    """Copy a zip, replacing (bytes), editing (a function) or dropping (None) named members."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in changes:
                change = changes[info.filename]
                if change is None:
                    continue
                data = change(data) if callable(change) else change
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return target


def edit_all_xml(source: Path, target: Path, edit: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as zin:
        names = [n for n in zin.namelist() if n.endswith((".xml", ".rels"))]
    return rewrite(source, target, {n: edit for n in names})


def sub(pattern: str, replacement: str) -> Callable[[bytes], bytes]:
    return lambda data: re.sub(pattern.encode(), replacement.encode(), data)


def chart_slide(prs, alt: str | None):
    slide = add_slide(prs, "My points", None, layout=TITLE_ONLY)
    data = CategoryChartData()
    data.categories = ["May", "June"]
    data.add_series("Points", (3, 5))
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data
    )
    if alt is not None:
        set_alt(frame, alt)
    return slide, frame


def emu(value: int) -> Emu:
    return Emu(value)
