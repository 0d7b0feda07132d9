"""DeckPlan -> .pptx: one function per slide kind, on pcpv's own 16:9 template.

Every text run gets its size, colour, font (Arial, also for complex scripts) and language written on
it, so the deck looks the same wherever it is opened and the checker can read what is there. Shapes
go into each slide in reading order: title, words, pictures (a decorative panel behind a quote comes
just after the title and is marked decorative). Pictures get alt text from the plan, never a file
name. The file is written to a temporary file beside the target and renamed when complete.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn
from pptx.package import _ImageParts
from pptx.parts.image import Image as PptxImage
from pptx.parts.image import ImagePart
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.picture import Picture as PptxPicture
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Emu, Pt

from pcpv.deck import fit, layout, media_xml, theme
from pcpv.deck.assets import PreparedMedia, Progress, failure_error, preparing_media
from pcpv.deck.layout import Rect
from pcpv.deck.make_template import TEMPLATE, app_xml
from pcpv.deck.plan import DeckPlan, Line, MediaRef, Picture, SlideKind, SlidePlan, Voice
from pcpv.deck.symbols import Symbol, SymbolSource, project_symbols
from pcpv.errors import PcpvError
from pcpv.model import MediaKind
from pcpv.project import scratch_folder
from pcpv.safe_io import atomic_writer

DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
SYMBOL_PPI = 150
"""Symbols are drawn at this many pixels per inch of their placed size (they are simple shapes)."""
MAX_SYMBOL_PX = 512
SPEAKER_SIZE = 2_286_000
"""Side of the speaker picture on a sound slide (2.5 in): a big, easy click target."""
QUOTE_PANEL_PAD = 182_880
"""How far the panel behind a quote reaches beyond its words (0.2 in)."""
_LAYOUT_TITLE_SLIDE = "Title Slide"
_LAYOUT_TITLE_ONLY = "Title Only"
_TEXT_TAGS = {qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")}


@dataclass
class WriteResult:
    """What ``write_deck`` made."""

    path: Path
    slides: int
    media_files: int = 0
    """How many distinct photos, sounds and videos are embedded."""
    notes: list[str] = field(default_factory=list)
    """Plain sentences about things left out."""


class DeckWriter:
    """Writes one deck in two passes, so the slides can be laid out while the media are still
    being prepared on the other cores: ``lay_out()`` writes titles, words, symbols and notes and
    remembers where each photo, sound and video goes; ``finish(output, media)`` puts them in and
    saves."""

    def __init__(self, plan: DeckPlan, symbols: SymbolSource | None = None) -> None:
        self.plan = plan
        self.media = PreparedMedia()
        self.symbols = symbols if symbols is not None else project_symbols(plan.project_root)
        self._later: list[tuple[str, Callable[[], None]]] = []
        """What is left to do once each media file is ready (by its SHA-256), in slide order."""
        self.palette = theme.palette(plan.palette)
        media_xml.register_audio_parts()
        self.prs = Presentation(str(TEMPLATE))
        _index_parts(self.prs)
        self.layouts = {lo.name: lo for lo in self.prs.slide_layouts}
        self.notes: list[str] = []
        self._symbol_png: dict[tuple[str, int], tuple[bytes, tuple[int, int]] | None] = {}
        self._number = 0
        """Symbols placed on the current slide, to name each one uniquely."""
        self._run_styles: dict[tuple[float, str, bool], etree._Element] = {}
        """A finished ``a:rPr`` for each (size, colour, bold) already written."""
        self._paragraph_styles: dict[tuple[float, bool, bool], etree._Element] = {}
        """A finished ``a:pPr`` for each (size, first paragraph?, right-to-left?) written."""

    # -- text --------------------------------------------------------------------------------
    def _style_run(self, run: _Run, size_pt: float, colour: str, *, bold: bool = False) -> None:
        key = (size_pt, colour, bold)
        styled = self._run_styles.get(key)
        if styled is not None:
            # A deck has a handful of run styles: copying a finished one is a fraction of the
            # cost of setting each property through python-pptx again, for the same XML.
            old = run._r.find(qn("a:rPr"))
            if old is not None:
                run._r.remove(old)
            run._r.insert(0, copy.deepcopy(styled))
            return
        font = run.font
        font.size = Pt(size_pt)
        font.bold = bold
        font.italic = False
        font.underline = False
        font.name = theme.FONT_FAMILY
        font.color.rgb = RGBColor.from_string(colour)
        rpr = run._r.get_or_add_rPr()
        rpr.set("lang", self.plan.language)
        latin = rpr.find(qn("a:latin"))
        cs = etree.SubElement(rpr, qn("a:cs"))
        cs.set("typeface", theme.FONT_FAMILY)
        latin.addnext(cs)
        self._run_styles[key] = copy.deepcopy(rpr)

    def _paragraph(
        self,
        paragraph: _Paragraph,
        text: str,
        size_pt: float,
        colour: str,
        *,
        first: bool,
        bold: bool = False,
    ) -> None:
        rtl = fit.is_rtl(text)
        key = (size_pt, first, rtl)
        p = paragraph._p
        old = p.pPr
        styled = self._paragraph_styles.get(key)
        if styled is not None and (old is None or (len(old) == 0 and not old.attrib)):
            # Same shortcut as for runs (only where python-pptx would start from nothing).
            if old is not None:
                p.remove(old)
            p.insert(0, copy.deepcopy(styled))
        else:
            paragraph.line_spacing = Pt(fit.line_pitch_pt(size_pt))
            if not first:
                paragraph.space_before = Pt(fit.paragraph_gap_pt(size_pt))
            if rtl:
                # Right-to-left words start at the right: "aligned where reading starts".
                paragraph.alignment = PP_ALIGN.RIGHT
                paragraph._pPr.set("rtl", "1")
            else:
                paragraph.alignment = PP_ALIGN.LEFT
            if old is None or (len(old) == 0 and not old.attrib):
                self._paragraph_styles[key] = copy.deepcopy(p.pPr)
        run = paragraph.add_run()
        run.text = text
        self._style_run(run, size_pt, colour, bold=bold)

    def _frame(self, text_frame: TextFrame) -> None:
        tf = text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = Emu(layout.INSET_X)
        tf.margin_top = tf.margin_bottom = Emu(layout.INSET_Y)
        tf.vertical_anchor = MSO_ANCHOR.TOP

    def _write_paragraphs(
        self,
        text_frame: TextFrame,
        texts: list[str],
        size_pt: float,
        colour: str,
        *,
        bold: bool = False,
    ) -> None:
        self._frame(text_frame)
        text_frame.clear()
        paragraphs = text_frame.paragraphs
        for i, text in enumerate(texts):
            paragraph = paragraphs[0] if i == 0 else text_frame.add_paragraph()
            self._paragraph(paragraph, text, size_pt, colour, first=i == 0, bold=bold)

    def _title(self, slide: Slide, plan: SlidePlan) -> Rect:
        rect = layout.title_rect(plan.title_lines, plan.title_size_pt)
        shape = slide.shapes.title
        _place(shape, rect)
        self._write_paragraphs(
            shape.text_frame, [plan.title], plan.title_size_pt, self.palette.title, bold=True
        )
        return rect

    def _words(self, slide: Slide, box: Rect, texts: list[str], *, patient: bool = False) -> Shape:
        shape = slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
        # The checker knows the patient's own words by this name and never suggests changing them.
        shape.name = theme.PATIENT_WORDS_SHAPE if patient else "Words"
        self._write_paragraphs(shape.text_frame, texts, theme.BODY_PT, self.palette.text)
        return shape

    # -- pictures ----------------------------------------------------------------------------
    def _add_picture(
        self, slide: Slide, data: bytes, rect: Rect, alt: str, name: str
    ) -> PptxPicture:
        picture = slide.shapes.add_picture(
            io.BytesIO(data), Emu(rect.x), Emu(rect.y), Emu(rect.w), Emu(rect.h)
        )
        c_nv_pr = picture._element.nvPicPr.cNvPr
        c_nv_pr.set("name", name)
        c_nv_pr.set("descr", alt)
        return picture

    def _symbol_image(self, symbol: Symbol, size_emu: int) -> tuple[bytes, tuple[int, int]] | None:
        """The symbol's PNG with its empty margin cut off (symbol sets pad their drawings
        unevenly, so symbols side by side would look different sizes), and its pixel size."""
        size_px = min(MAX_SYMBOL_PX, max(64, round(size_emu / theme.EMU_PER_INCH * SYMBOL_PPI)))
        key = (symbol.ref, size_px)
        if key not in self._symbol_png:
            try:
                self._symbol_png[key] = _trimmed(self.symbols.render_png(symbol, size_px))
            except Exception as exc:  # a missing symbol file must not stop the deck
                self.notes.append(f"The symbol '{symbol.meaning}' could not be drawn ({exc}).")
                self._symbol_png[key] = None
        return self._symbol_png[key]

    def _symbol(self, slide: Slide, symbol: Symbol, rect: Rect) -> None:
        image = self._symbol_image(symbol, rect.w)
        if image is not None:
            data, size = image
            placed = layout.fit_inside(size, rect, align_top=False)
            self._number += 1
            self._add_picture(slide, data, placed, symbol.meaning, f"Symbol {self._number}")

    def _picture_column(self, slide: Slide, pictures: list[Picture], column: Rect) -> None:
        photos = [(p.photo, p.alt) for p in pictures if p.photo is not None]
        symbols = [p.symbol for p in pictures if p.symbol is not None]
        photo_area = column
        if photos and symbols:
            row = min(layout.symbol_size() * 2, column.h // 4)
            photo_area = Rect(column.x, column.y, column.w, column.h - row - layout.SYMBOL_GAP)
            symbol_rects = _row(
                Rect(column.x, photo_area.bottom + layout.SYMBOL_GAP, column.w, row), len(symbols)
            )
        else:
            symbol_rects = _grid(column, len(symbols))
        if photos:
            # One photo per slide: the plan gives each further photo a slide of its own.
            photo, alt = photos[0]
            self._later.append((photo.sha256, lambda: self._photo(slide, photo, alt, photo_area)))
        # The grid holds at most 4 symbols (the plan gives no more).
        for symbol, rect in zip(symbols, symbol_rects, strict=False):
            self._symbol(slide, symbol, rect)

    def _photo(self, slide: Slide, photo: MediaRef, alt: str, area: Rect) -> None:
        ready = self.media.photos.get(photo.sha256)
        if ready is None:
            return  # a bad photo the user chose to leave out
        rect = layout.fit_inside((ready.width, ready.height), area)
        self._add_picture(slide, ready.path.read_bytes(), rect, alt, "Photo 1")

    # -- slide kinds -------------------------------------------------------------------------
    def _new_slide(self, plan: SlidePlan, layout_name: str = _LAYOUT_TITLE_ONLY) -> Slide:
        slide = self.prs.slides.add_slide(self.layouts[layout_name])
        self._number = 0
        self._title(slide, plan)
        if plan.notes:
            notes = slide.notes_slide.notes_text_frame
            self._write_paragraphs(
                notes, plan.notes.splitlines(), theme.NOTES_PT, self.palette.text
            )
        return slide

    def _grid(self, plan: SlidePlan) -> layout.Grid:
        return layout.grid(max(plan.title_lines, layout.TITLE_LINES), plan.title_size_pt)

    def words_slide(self, plan: SlidePlan) -> None:
        """Answer, quote, next, thanks, photos, section and credits slides: words on the right,
        symbols beside their lines, the picture column on the left."""
        slide = self._new_slide(plan)
        grid = self._grid(plan)
        has_pictures = bool(plan.pictures)
        with_symbols = any(line.symbol for line in plan.lines)
        box = grid.words_box(with_picture=has_pictures, with_symbols=with_symbols)
        texts = ([plan.label] if plan.label else []) + [
            _shown(line, plan.quote) for line in plan.lines
        ]
        if plan.quote and texts:
            self._quote_panel(slide, box, texts)
        if texts:
            self._words(slide, box, texts, patient=plan.voice == Voice.PATIENT)
        if with_symbols:
            self._line_symbols(slide, box, plan)
        if has_pictures:
            self._picture_column(slide, plan.pictures, grid.picture)

    def _quote_panel(self, slide: Slide, box: Rect, texts: list[str]) -> None:
        width, _ = layout.text_area_pt(box)
        height = fit.text_height_pt(texts, width, theme.BODY_PT)
        panel = Rect(
            box.x - QUOTE_PANEL_PAD,
            box.y - QUOTE_PANEL_PAD // 2,
            box.w + 2 * QUOTE_PANEL_PAD,
            min(box.h + QUOTE_PANEL_PAD, layout.emu(height) + 2 * layout.INSET_Y + QUOTE_PANEL_PAD),
        )
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Emu(panel.x), Emu(panel.y), Emu(panel.w), Emu(panel.h)
        )
        shape.name = "Quote panel"
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(self.palette.quote_background)
        shape.line.fill.background()
        shape.shadow.inherit = False
        mark_decorative(shape)

    def _line_symbols(self, slide: Slide, box: Rect, plan: SlidePlan) -> None:
        width, _ = layout.text_area_pt(box)
        pitch = fit.line_pitch_pt(theme.BODY_PT)
        gap = fit.paragraph_gap_pt(theme.BODY_PT)
        size = layout.symbol_size()
        top_pt = layout.pt(box.y + layout.INSET_Y)
        texts = ([plan.label] if plan.label else []) + [
            _shown(line, plan.quote) for line in plan.lines
        ]
        offsets = []
        y = top_pt
        for i, text in enumerate(texts):
            if i:
                y += gap
            offsets.append(y)
            y += len(fit.wrap(text, width, theme.BODY_PT)) * pitch
        first_line = 1 if plan.label else 0
        for line, y_pt in zip(plan.lines, offsets[first_line:], strict=True):
            if line.symbol is not None:
                # Centred on the paragraph's first line.
                top = layout.emu(y_pt + pitch / 2) - size // 2
                rect = Rect(box.x - size - layout.SYMBOL_GAP, top, size, size)
                self._symbol(slide, line.symbol, rect)

    def title_slide(self, plan: SlidePlan) -> None:
        """The opening slide: the deck's title, the subtitle and who presents, in the subtitle
        placeholder; a symbol on the left."""
        slide = self._new_slide(plan, _LAYOUT_TITLE_SLIDE)
        grid = self._grid(plan)
        box = grid.words if plan.pictures else grid.body
        subtitle = next(
            (s for s in slide.placeholders if s.placeholder_format.idx != 0),
            None,
        )
        texts = [line.text for line in plan.lines]
        if subtitle is not None:
            _place(subtitle, box)
            self._write_paragraphs(subtitle.text_frame, texts, theme.BODY_PT, self.palette.text)
        else:
            self._words(slide, box, texts)
        if plan.pictures:
            self._picture_column(slide, plan.pictures, grid.picture)

    def media_slide(self, plan: SlidePlan) -> None:
        """A sound or video: what it is in words on the right, the object on the left, played
        by a click (nothing plays by itself)."""
        slide = self._new_slide(plan)
        grid = self._grid(plan)
        self._words(slide, grid.words, [line.text for line in plan.lines])
        assert plan.clip is not None
        self._later.append((plan.clip.sha256, lambda: self._clip(slide, plan, grid.picture)))

    def _clip(self, slide: Slide, plan: SlidePlan, column: Rect) -> None:
        clip_ref = plan.clip
        assert clip_ref is not None
        ready = self.media.clips[clip_ref.sha256]
        if ready.kind == MediaKind.AUDIO:
            side = min(SPEAKER_SIZE, column.w, column.h)
            rect = Rect(column.x + (column.w - side) // 2, column.y, side, side)
            picture = speaker_png(self.palette.title)
            name = "Sound"
        else:
            rect = layout.fit_inside((ready.width or 16, ready.height or 9), column)
            picture = ready.poster.read_bytes() if ready.poster else speaker_png(self.palette.title)
            name = "Video"
        shape_id = media_xml.MediaPicCreator(slide).add(
            kind=ready.kind.value,
            blob=ready.path.read_bytes(),
            mime=ready.mime,
            extension=ready.extension,
            picture=picture,
            box=(rect.x, rect.y, rect.w, rect.h),
            name=name,
            descr=clip_ref.alt,
        )
        media_xml.set_click_timing(
            slide,
            [media_xml.MediaTiming(shape_id, ready.kind.value, round(ready.duration_s * 1000))],
        )

    # -- the whole deck ----------------------------------------------------------------------
    def lay_out(self, progress: Progress | None = None) -> None:
        """Pass 1: every slide with its title, words, symbols and notes."""
        background = self.prs.slide_master.background.fill
        background.solid()
        background.fore_color.rgb = RGBColor.from_string(self.palette.background)
        writers: dict[SlideKind, Callable[[SlidePlan], None]] = {
            SlideKind.TITLE: self.title_slide,
            SlideKind.AUDIO: self.media_slide,
            SlideKind.VIDEO: self.media_slide,
        }
        total = len(self.plan.slides)
        for number, plan in enumerate(self.plan.slides, start=1):
            writers.get(plan.kind, self.words_slide)(plan)
            if progress:
                progress(number, total, f"Laid out slide {number} of {total}.")

    def put_in_ready(self, media: PreparedMedia) -> None:
        """Put in the photos, sounds and videos that are ready so far, while the rest are still
        being prepared, so that little is left for ``finish`` (which runs on one core).

        Strictly in slide order, stopping at the first file not ready yet: python-pptx numbers
        the media parts in the order they are added, and a rebuild must give the same package.
        Does nothing once a file has failed (the deck is then refused or laid out again).
        """
        self.media = media
        if media.failures:
            return
        done = 0
        for sha256, step in self._later:
            if sha256 not in media.photos and sha256 not in media.clips:
                break
            step()
            done += 1
        del self._later[:done]

    def finish(self, output: Path, media: PreparedMedia) -> WriteResult:
        """Pass 2: put in the prepared photos, sounds and videos not yet put in, then save to
        ``output`` (a temporary file beside it, renamed when complete)."""
        self.media = media
        for _sha256, step in self._later:
            step()
        self._later = []
        self._tidy()
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with atomic_writer(output) as handle:
                save_package(self.prs, handle)
        except OSError as exc:
            raise PcpvError(
                f"pcpv could not save the deck as {output} ({exc.strerror or exc}).",
                hint="Check the disk has space and you may save in that folder, then build "
                "again. A deck that was there before is unchanged.",
            ) from None
        used = self.plan.media()
        return WriteResult(
            path=output,
            slides=len(self.prs.slides),
            media_files=sum(1 for m in used if m.sha256 in media.photos or m.sha256 in media.clips),
            notes=self.plan.notes + self.notes,
        )

    def _tidy(self) -> None:
        """Language on every run and default, document properties with nothing about anyone."""
        for part in self.prs.part.package.iter_parts():
            element = getattr(part, "_element", None)
            if element is None:
                continue
            for node in element.iter(*_TEXT_TAGS):
                node.set("lang", self.plan.language)
        props = self.prs.core_properties
        for name in ("author", "category", "comments", "keywords", "subject", "last_modified_by"):
            setattr(props, name, "")
        props.title = self.plan.title
        props.language = self.plan.language
        props.revision = 1
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        for rel in self.prs.part.package._rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = app_xml(len(self.prs.slides))


class _IndexedImageParts(_ImageParts):
    """python-pptx's image parts of a package, with the lookups it does for every picture added
    (is this image already in? which part name is free?) kept in memory instead of walking the
    whole package each time, which made adding pictures grow with the square of the deck.
    Gives the same parts and names as python-pptx, as long as every image part is added here
    and none is removed (true while a deck is written)."""

    def __init__(self, package: Any) -> None:
        super().__init__(package)
        self._by_sha1 = {part.sha1: part for part in self if hasattr(part, "sha1")}
        self._used = {
            part.partname.idx
            for part in package.iter_parts()
            if part.partname.startswith("/ppt/media/image") and part.partname.idx is not None
        }

    def get_or_add_image_part(self, image_file: str | IO[bytes]) -> ImagePart:
        image = PptxImage.from_file(image_file)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            idx = next(i for i in itertools.count(1) if i not in self._used)
            part = ImagePart(
                PackURI(f"/ppt/media/image{idx}.{image.ext}"),
                image.content_type,
                self._package,
                image.blob,
                image.filename,
            )
            self._used.add(idx)
            self._by_sha1[image.sha1] = part
        return part


class _PartNames:
    """python-pptx's ``next_partname`` (used for each notes page), remembering the names it gave
    instead of walking the whole package on every call. Each template's names are read from the
    package once; after that only this hands them out (python-pptx names notes pages, themes,
    charts and embeddings only through it), so the names are the same as python-pptx's."""

    def __init__(self, package: Any) -> None:
        self._package = package
        self._taken: dict[str, set[str]] = {}

    def __call__(self, template: str) -> PackURI:
        taken = self._taken.get(template)
        if taken is None:
            taken = self._taken[template] = {str(p.partname) for p in self._package.iter_parts()}
        number = 1
        while template % number in taken:
            number += 1
        taken.add(template % number)
        return PackURI(template % number)


def _index_parts(prs: PresentationType) -> None:
    """Make adding pictures and notes pages cost the same however big the deck already is."""
    package = prs.part.package
    # ``_image_parts`` is a python-pptx lazy property, kept in the instance's __dict__.
    package.__dict__["_image_parts"] = _IndexedImageParts(package)
    package.next_partname = _PartNames(package)


_STORED_EXTENSIONS = frozenset({"jpeg", "jpg", "png", "gif", "m4a", "mp4", "mp3", "mov"})
"""Parts already compressed by their own format: deflating them again costs time and saves
nothing, so they are stored as they are (as PowerPoint itself does for media)."""


class _MediaStoredZip:
    """python-pptx's zip writer, but storing already-compressed media instead of deflating it."""

    def __init__(self, zipf: zipfile.ZipFile) -> None:
        self._zipf = zipf

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        stored = pack_uri.ext.lower() in _STORED_EXTENSIONS
        self._zipf.writestr(
            pack_uri.membername,
            blob,
            compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
        )


class _PackageWriter(PackageWriter):
    def _write(self) -> None:
        # The same parts in the same order as ``PackageWriter._write``; only compression differs.
        with zipfile.ZipFile(
            self._pkg_file, "w", compression=zipfile.ZIP_DEFLATED, strict_timestamps=False
        ) as zipf:
            writer = cast(Any, _MediaStoredZip(zipf))
            self._write_content_types_stream(writer)
            self._write_pkg_rels(writer)
            self._write_parts(writer)


def save_package(prs: PresentationType, handle: BinaryIO) -> None:
    """Save ``prs`` to ``handle`` like ``Presentation.save``, with media stored uncompressed.

    Saving runs on one core after everything else, and deflating a deck's JPEGs and sounds was
    most of it, for a file a few per cent smaller.
    """
    package = prs.part.package
    _PackageWriter.write(handle, package._rels, tuple(package.iter_parts()))


def _trimmed(path: Path) -> tuple[bytes, tuple[int, int]]:
    """A PNG without its fully transparent border, and its size."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        rgba = image.convert("RGBA")
    box = rgba.getchannel("A").getbbox()
    if box is not None and box != (0, 0, *rgba.size):
        rgba = rgba.crop(box)
    buffer = io.BytesIO()
    rgba.save(buffer, "PNG")
    return buffer.getvalue(), rgba.size


def _place(shape: BaseShape, rect: Rect) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        Emu(rect.x),
        Emu(rect.y),
        Emu(rect.w),
        Emu(rect.h),
    )


def _shown(line: Line, quote: bool) -> str:
    """The words as shown: the patient's own words in a quote slide get quotation marks."""
    if quote and line.voice == Voice.PATIENT:
        return f"“{line.text}”"
    return line.text


def _grid(column: Rect, count: int) -> list[Rect]:
    """Up to 4 symbols in the picture column: 1 large, 2 stacked, 3-4 in a 2 x 2 grid."""
    if count == 0:
        return []
    gap = layout.SYMBOL_GAP
    if count == 1:
        side = min(column.w, column.h)
        return [Rect(column.x + (column.w - side) // 2, column.y, side, side)]
    if count == 2:
        side = min(column.w, (column.h - gap) // 2)
        x = column.x + (column.w - side) // 2
        return [Rect(x, column.y, side, side), Rect(x, column.y + side + gap, side, side)]
    side = min((column.w - gap) // 2, (column.h - gap) // 2)
    return [
        Rect(column.x + (i % 2) * (side + gap), column.y + (i // 2) * (side + gap), side, side)
        for i in range(min(count, 4))
    ]


def _row(area: Rect, count: int) -> list[Rect]:
    """Symbols side by side in a row under a photo."""
    if count == 0:
        return []
    gap = layout.SYMBOL_GAP
    side = min(area.h, (area.w - gap * (count - 1)) // count)
    return [Rect(area.x + i * (side + gap), area.y, side, side) for i in range(count)]


def mark_decorative(shape: BaseShape) -> None:
    """Mark a shape decorative (screen readers skip it), as PowerPoint does; removes any alt text."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    c_nv_pr.attrib.pop("descr", None)
    ext_lst = c_nv_pr.find(qn("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"))
    ext.set("uri", DECORATIVE_EXT)
    decorative = etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC})
    decorative.set("val", "1")


def speaker_png(colour: str) -> bytes:
    """A plain speaker picture (the sound object's face), drawn in ``colour`` on transparency."""
    from PIL import Image, ImageDraw

    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rgb = tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))
    fill = (*rgb, 255)
    draw.rectangle((40, 98, 92, 158), fill=fill)
    draw.polygon([(92, 98), (150, 50), (150, 206), (92, 158)], fill=fill)
    for radius in (40, 75):
        box = (150 - radius, 128 - radius, 150 + radius, 128 + radius)
        draw.arc(box, start=-45, end=45, fill=fill, width=14)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def write_deck(
    plan: DeckPlan,
    output: Path,
    *,
    media: PreparedMedia | None = None,
    symbols: SymbolSource | None = None,
    print_quality: bool = False,
    progress: Progress | None = None,
) -> WriteResult:
    """Write ``plan`` as a .pptx at ``output`` (temporary file beside it, renamed when complete).

    ``media`` is what ``assets.prepare_media`` made for this plan; without it the media are prepared
    here (in the project's scratch folder, while the slides are laid out) and any bad file stops
    the deck with a ``MediaError`` listing them all, before anything is written. ``symbols``
    defaults to the project's library.
    """
    writer = DeckWriter(plan, symbols)
    if media is not None:
        writer.lay_out(progress)
        return writer.finish(output, media)
    with scratch_folder(plan.project_root) as work:
        with preparing_media(
            plan.media(), work_dir=work, print_quality=print_quality, progress=progress
        ) as pending:
            writer.lay_out(progress)
            prepared = pending.wait(writer.put_in_ready)
        if prepared.failures:
            raise failure_error(prepared.failures)
        return writer.finish(output, prepared)
