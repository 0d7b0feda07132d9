"""A light model of a deck for the rules: slides, their shapes, and what each shape inherits.

Only what the rules need is read: for every slide its layout and master (each read once), the
theme's colours, and for every shape its name, alt text, placeholder, position on the slide (from
the slide, or inherited from the layout or master when the slide leaves it out, as generators often
do) and the chain of text styles its words inherit. Groups are walked with their transforms, so a
picture inside a group is placed where PowerPoint draws it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from pcpv.check.colour import (
    DEFAULT_CLRMAP,
    A,
    Fill,
    P,
    SchemeColours,
    Theme,
    fill_element,
    first_colour,
    read_clrmap,
    read_fill,
    read_theme,
    resolve_colour,
    style_fill,
)
from pcpv.check.package import Package, PartError

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
DEFAULT_FONT_HUNDREDTHS = 1800
"""DrawingML's size for text nobody gave a size: 18 pt."""

TITLE_TYPES = frozenset({"title", "ctrTitle"})
FOOTER_TYPES = frozenset({"dt", "ftr", "sldNum", "hdr"})
_TAGS = {
    P + "sp": "sp",
    P + "pic": "pic",
    P + "graphicFrame": "graphicFrame",
    P + "grpSp": "grpSp",
    P + "cxnSp": "cxnSp",
    P + "contentPart": "contentPart",
}
_MEDIA_TAGS = (
    A + "videoFile",
    A + "audioFile",
    A + "quickTimeFile",
    A + "audioCd",
    A + "wavAudioFile",
)

UNEXPECTED = (
    ValueError,
    TypeError,
    AttributeError,
    KeyError,
    IndexError,
    ZeroDivisionError,
    RecursionError,
    OverflowError,
)
"""Errors that only a deck odd in a way no rule foresaw can cause; caught per part or slide so the
rest of the deck is still checked."""

Box = tuple[float, float, float, float]
"""x, y, width, height in EMU on the slide."""


@dataclass
class Problem:
    """A part that could not be read."""

    part: str
    """The part's name inside the zip, e.g. ``ppt/slides/slide3.xml``."""
    reason: str
    """Why, as a plain phrase ("the part ... is not well-formed XML")."""
    slide: int | None = None
    """The slide it belongs to, when known."""
    is_slide: bool = False
    """True when the part is a slide itself (so that slide was not checked at all)."""


@dataclass
class Master:
    """A slide master, read once per deck."""

    part: str
    """The master's part name."""
    root: etree._Element | None
    """Its parsed XML, or None when it could not be read (defaults are used instead)."""
    palette: SchemeColours
    """Its theme's colours through its colour map."""
    placeholders: dict[tuple[str, str], etree._Element]
    """Its placeholders by ``("type", type)`` and ``("idx", idx)``."""
    text_styles: dict[str, etree._Element]
    """``title``, ``body`` and ``other`` text styles (``p:txStyles``)."""


@dataclass
class Layout:
    """A slide layout, read once per deck."""

    part: str
    """The layout's part name."""
    root: etree._Element | None
    """Its parsed XML, or None when it could not be read."""
    master: Master
    """The master it is based on."""
    palette: SchemeColours
    """The master's colours with this layout's colour-map override."""
    placeholders: dict[tuple[str, str], etree._Element]
    """Its placeholders by ``("type", type)`` and ``("idx", idx)``."""


@dataclass
class Shape:
    """One shape on a slide, groups flattened, in reading (document) order."""

    el: etree._Element
    """The shape's element in the slide's XML."""
    kind: str
    """``sp``, ``pic``, ``graphicFrame``, ``grpSp``, ``cxnSp`` or ``contentPart``."""
    name: str
    """The name PowerPoint's Selection pane shows, e.g. ``Picture 3``."""
    id: int | None
    """``cNvPr/@id``; generators sometimes repeat ids, so never used as a key."""
    descr: str
    """The alt text ("Description"); PowerPoint's "title" field is added when descr is empty."""
    decorative: bool
    """Marked "decorative" in PowerPoint (needs no alt text, read by nobody)."""
    ph_type: str | None
    """Placeholder type (``title``, ``body``, ``obj``...), None for shapes that are not placeholders."""
    inherited: list[etree._Element]
    """The matching layout and master placeholders, nearest first."""
    box: Box | None
    """Where it is on the slide (own, or inherited from the layout/master), groups applied."""
    depth: int
    """0 for shapes directly on the slide, 1 inside a group, and so on."""
    group: Shape | None = None
    """The group it is in, if any."""

    @property
    def is_title(self) -> bool:
        return self.ph_type in TITLE_TYPES

    @property
    def is_footer(self) -> bool:
        return self.ph_type in FOOTER_TYPES

    @property
    def label(self) -> str:
        return self.name or (f"shape {self.id}" if self.id is not None else "a shape")

    def media(self) -> bool:
        """Whether this is a sound or video (a picture standing for a media file)."""
        nv = self.el.find(f"{P}nvPicPr/{P}nvPr")
        if nv is None:
            return False
        return any(nv.find(tag) is not None for tag in _MEDIA_TAGS) or (
            nv.find(f"{P}extLst/{P}ext/{P14}media") is not None
        )

    def video(self) -> bool:
        """Whether this is a video (not only a sound)."""
        nv = self.el.find(f"{P}nvPicPr/{P}nvPr")
        return nv is not None and (
            nv.find(A + "videoFile") is not None or nv.find(A + "quickTimeFile") is not None
        )

    def graphic_kind(self) -> str:
        """For graphic frames: ``table``, ``chart``, ``diagram``, ``ole`` or ``other``."""
        data = self.el.find(f"{A}graphic/{A}graphicData")
        uri = data.get("uri", "") if data is not None else ""
        if uri.endswith("/table"):
            return "table"
        if uri.endswith("/chart") or "chart" in uri:
            return "chart"
        if uri.endswith("/diagram"):
            return "diagram"
        if uri.endswith("/ole"):
            return "ole"
        return "other"

    def text_bodies(self) -> list[etree._Element]:
        """The shape's text bodies: one for a text shape, one per cell for a table."""
        if self.kind == "sp":
            body = self.el.find(P + "txBody")
            return [body] if body is not None else []
        if self.kind == "graphicFrame":
            return list(self.el.iterfind(f"{A}graphic/{A}graphicData/{A}tbl/{A}tr/{A}tc/{A}txBody"))
        return []

    def text(self) -> str:
        """All the shape's words, paragraphs on separate lines."""
        return "\n".join(paragraph_text(p) for b in self.text_bodies() for p in b.iterfind(A + "p"))


@dataclass
class Slide:
    """One slide, with what it inherits."""

    number: int
    """1-based position in the show."""
    part: str
    """The slide's part name."""
    root: etree._Element
    """Its parsed XML."""
    layout: Layout | None
    """Its layout, None when the slide names none."""
    master: Master | None
    """Its layout's master."""
    palette: SchemeColours
    """Theme colours through the master's, layout's and slide's colour maps."""
    hidden: bool
    """Hidden in the show (still checked: it is still in the file)."""


@dataclass
class Deck:
    """The whole deck as the rules see it."""

    package: Package
    """The opened zip."""
    slide_parts: list[str]
    """Slide part names in show order."""
    presentation: etree._Element | None
    """``presentation.xml``, None when it could not be read."""
    default_text_style: etree._Element | None
    """The presentation's ``p:defaultTextStyle``: the last place text properties come from."""
    problems: list[Problem] = field(default_factory=list)
    """Parts that could not be read so far."""
    _layouts: dict[str, Layout] = field(default_factory=dict)
    _masters: dict[str, Master] = field(default_factory=dict)
    _themes: dict[str, Theme] = field(default_factory=dict)

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def read(cls, package: Package) -> Deck:
        """Find the presentation and its slides; unreadable parts become ``problems``."""
        main = package.main_part()
        problems: list[Problem] = []
        presentation = None
        slide_parts: list[str] = []
        try:
            presentation = package.xml(main)
            rels = package.rels(main)
            listed: set[str] = set()
            for sld in presentation.iterfind(f"{P}sldIdLst/{P}sldId"):
                rel = rels.get(sld.get(R + "id", ""))
                # A slide listed twice is checked once (PowerPoint itself refuses such a deck).
                if rel and not rel.external and rel.target not in listed:
                    listed.add(rel.target)
                    slide_parts.append(rel.target)
        except PartError as exc:
            problems.append(Problem(main, exc.reason))
        if presentation is None or not slide_parts:
            # Without a readable slide list, take the slides in the order of their file names.
            slide_parts = sorted(
                (n for n in package.names() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n, re.I)),
                key=lambda n: int(re.sub(r"\D", "", n.rsplit("/", 1)[-1]) or 0),
            )
        default_style = (
            presentation.find(P + "defaultTextStyle") if presentation is not None else None
        )
        return cls(package, slide_parts, presentation, default_style, problems)

    def _safe_xml(self, part: str, slide: int | None = None) -> etree._Element | None:
        try:
            return self.package.xml(part)
        except PartError as exc:
            if not any(p.part == part for p in self.problems):
                self.problems.append(Problem(part, exc.reason, slide))
            return None

    def theme(self, part: str) -> Theme:
        if part not in self._themes:
            root = self._safe_xml(part) if part else None
            self._themes[part] = read_theme(root) if root is not None else Theme()
        return self._themes[part]

    def master(self, part: str) -> Master:
        if part not in self._masters:
            root = self._safe_xml(part) if part else None
            theme_part = self._related(part, "theme") if root is not None else ""
            clrmap = read_clrmap(
                root.find(P + "clrMap") if root is not None else None, DEFAULT_CLRMAP
            )
            styles: dict[str, etree._Element] = {}
            if root is not None:
                for key, tag in (
                    ("title", "titleStyle"),
                    ("body", "bodyStyle"),
                    ("other", "otherStyle"),
                ):
                    found = root.find(f"{P}txStyles/{P}{tag}")
                    if found is not None:
                        styles[key] = found
            self._masters[part] = Master(
                part,
                root,
                SchemeColours(self.theme(theme_part), clrmap),
                _placeholders(root),
                styles,
            )
        return self._masters[part]

    def layout(self, part: str) -> Layout:
        if part not in self._layouts:
            root = self._safe_xml(part) if part else None
            master = self.master(self._related(part, "slideMaster") if root is not None else "")
            clrmap = read_clrmap(
                root.find(P + "clrMapOvr") if root is not None else None, master.palette.clrmap
            )
            self._layouts[part] = Layout(
                part, root, master, SchemeColours(master.palette.theme, clrmap), _placeholders(root)
            )
        return self._layouts[part]

    def _related(self, part: str, kind: str) -> str:
        try:
            return self.package.related(part, kind)
        except PartError as exc:
            self.problems.append(Problem(part, exc.reason))
            return ""

    def slides(self) -> Iterator[Slide]:
        """Every slide that could be read, in show order; the others are added to ``problems``."""
        for number, part in enumerate(self.slide_parts, start=1):
            try:
                root = self.package.xml(part, cache=False)
            except PartError as exc:
                self.problems.append(Problem(part, exc.reason, number, is_slide=True))
                continue
            layout_part = self._related(part, "slideLayout")
            try:
                layout = self.layout(layout_part) if layout_part else None
            except UNEXPECTED as exc:
                # A layout, master or theme odd in a way no rule foresaw: use defaults.
                self.problems.append(
                    Problem(layout_part, f"it could not be used ({exc!r})", number)
                )
                layout = None
            master = layout.master if layout else None
            base = layout.palette if layout else SchemeColours(Theme(), DEFAULT_CLRMAP)
            palette = SchemeColours(
                base.theme, read_clrmap(root.find(P + "clrMapOvr"), base.clrmap)
            )
            yield Slide(
                number, part, root, layout, master, palette, root.get("show") in ("0", "false")
            )

    # -- shapes ----------------------------------------------------------------------------------
    def shapes(self, slide: Slide) -> list[Shape]:
        """The slide's shapes in document order (first = read first, drawn at the back)."""
        tree = slide.root.find(f"{P}cSld/{P}spTree")
        found: list[Shape] = []
        if tree is not None:
            _walk(tree, slide, found, _IDENTITY, 0, None)
        return found

    def background(self, slide: Slide) -> Fill:
        """What the slide's background paints (slide, else layout, else master; white if none)."""
        for root in (
            slide.root,
            slide.layout and slide.layout.root,
            slide.master and slide.master.root,
        ):
            if root is None:
                continue
            bg = root.find(f"{P}cSld/{P}bg")
            if bg is None:
                continue
            pr = bg.find(P + "bgPr")
            if pr is not None:
                fill = fill_element(pr)
                if fill is not None:
                    return read_fill(fill, slide.palette)
            ref = bg.find(P + "bgRef")
            if ref is not None:
                return style_fill(ref, slide.palette)
        white = slide.palette.scheme("bg1") or "FFFFFF"
        return Fill("colour", (white,))


# -- placeholders ------------------------------------------------------------------------------
def _ph(el: etree._Element) -> etree._Element | None:
    for nv in el:
        if isinstance(nv.tag, str) and nv.tag.startswith(P + "nv"):
            return nv.find(f"{P}nvPr/{P}ph")
    return None


def _placeholders(root: etree._Element | None) -> dict[tuple[str, str], etree._Element]:
    found: dict[tuple[str, str], etree._Element] = {}
    if root is None:
        return found
    tree = root.find(f"{P}cSld/{P}spTree")
    if tree is None:
        return found
    for el in tree:
        ph = _ph(el)
        if ph is None:
            continue
        kind = ph.get("type", "obj")
        found.setdefault(("type", kind), el)
        if ph.get("idx"):
            found.setdefault(("idx", ph.get("idx", "")), el)
    return found


def _master_type(kind: str) -> str:
    if kind in TITLE_TYPES:
        return "title"
    return kind if kind in FOOTER_TYPES else "body"


def _inherited(ph: etree._Element, slide: Slide) -> list[etree._Element]:
    kind = ph.get("type", "obj")
    idx = ph.get("idx")
    chain: list[etree._Element] = []
    if slide.layout is not None:
        lay = slide.layout.placeholders
        keys = [("idx", idx)] if idx else []
        keys.append(("type", kind))
        if kind in TITLE_TYPES:
            keys += [("type", "title"), ("type", "ctrTitle")]
        found = next((lay[k] for k in keys if k in lay), None)
        if found is not None:
            chain.append(found)
    if slide.master is not None:
        found = slide.master.placeholders.get(("type", _master_type(kind)))
        if found is not None:
            chain.append(found)
    return chain


# -- walking the shape tree --------------------------------------------------------------------
Transform = tuple[float, float, float, float]
"""x -> ax + bx * x, y -> ay + by * y."""
_IDENTITY: Transform = (0.0, 1.0, 0.0, 1.0)


def _int(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _xfrm(el: etree._Element, kind: str) -> etree._Element | None:
    if kind == "graphicFrame":
        return el.find(P + "xfrm")
    if kind == "grpSp":
        return el.find(f"{P}grpSpPr/{A}xfrm")
    return el.find(f"{P}spPr/{A}xfrm")


def _box_of(xfrm: etree._Element | None) -> Box | None:
    if xfrm is None:
        return None
    off, ext = xfrm.find(A + "off"), xfrm.find(A + "ext")
    if off is None or ext is None:
        return None
    values = [_int(off.get("x")), _int(off.get("y")), _int(ext.get("cx")), _int(ext.get("cy"))]
    if any(v is None for v in values):
        return None
    return tuple(values)  # type: ignore[return-value]


def _apply(t: Transform, box: Box) -> Box:
    ax, bx, ay, by = t
    return (ax + bx * box[0], ay + by * box[1], bx * box[2], by * box[3])


def _group_transform(t: Transform, xfrm: etree._Element | None) -> Transform:
    if xfrm is None:
        return t
    box = _box_of(xfrm)
    ch_off, ch_ext = xfrm.find(A + "chOff"), xfrm.find(A + "chExt")
    if box is None or ch_off is None or ch_ext is None:
        return t
    cx, cy = _int(ch_off.get("x")) or 0.0, _int(ch_off.get("y")) or 0.0
    cw, chh = _int(ch_ext.get("cx")) or 0.0, _int(ch_ext.get("cy")) or 0.0
    sx = box[2] / cw if cw else 1.0
    sy = box[3] / chh if chh else 1.0
    # child x -> group x: off + (x - chOff) * scale, then the parent's own transform.
    inner = (box[0] - cx * sx, sx, box[1] - cy * sy, sy)
    ax, bx, ay, by = t
    return (ax + bx * inner[0], bx * inner[1], ay + by * inner[2], by * inner[3])


def _children(tree: etree._Element) -> Iterator[etree._Element]:
    for el in tree:
        if el.tag == MC + "AlternateContent":
            # Take what PowerPoint shows (the first Choice); Fallback is for older readers.
            choice = el.find(MC + "Choice")
            branch = choice if choice is not None else el.find(MC + "Fallback")
            if branch is not None:
                yield from branch
        else:
            yield el


def _walk(
    tree: etree._Element,
    slide: Slide,
    found: list[Shape],
    t: Transform,
    depth: int,
    group: Shape | None,
) -> None:
    for el in _children(tree):
        kind = _TAGS.get(el.tag) if isinstance(el.tag, str) else None
        if kind is None:
            continue
        nv = next((c for c in el if isinstance(c.tag, str) and c.tag.startswith(P + "nv")), None)
        c_nv = nv.find(P + "cNvPr") if nv is not None else None
        ph = _ph(el)
        inherited = _inherited(ph, slide) if ph is not None else []
        box = _box_of(_xfrm(el, kind))
        if box is None:
            box = next((b for b in (_box_of(_xfrm(i, "sp")) for i in inherited) if b), None)
        attrs = c_nv.attrib if c_nv is not None else {}
        descr = (attrs.get("descr") or "").strip() or (attrs.get("title") or "").strip()
        decorative = c_nv is not None and any(
            d.get("val") in ("1", "true")
            for d in c_nv.iterfind(f"{A}extLst/{A}ext/{ADEC}decorative")
        )
        shape = Shape(
            el=el,
            kind=kind,
            name=attrs.get("name", ""),
            id=int(attrs["id"]) if str(attrs.get("id", "")).isdigit() else None,
            descr=descr,
            decorative=decorative,
            ph_type=ph.get("type", "obj") if ph is not None else None,
            inherited=inherited,
            box=_apply(t, box) if box else None,
            depth=depth,
            group=group,
        )
        if attrs.get("hidden") in ("1", "true"):
            continue
        found.append(shape)
        if kind == "grpSp":
            _walk(el, slide, found, _group_transform(t, _xfrm(el, kind)), depth + 1, shape)


# -- text --------------------------------------------------------------------------------------
def paragraph_text(p: etree._Element) -> str:
    """The words of one ``a:p``; line breaks become spaces."""
    parts: list[str] = []
    for child in p:
        if child.tag in (A + "r", A + "fld"):
            t = child.find(A + "t")
            if t is not None and t.text:
                parts.append(t.text)
        elif child.tag == A + "br":
            parts.append("\n")
    return "".join(parts).replace("\n", " ")


def runs(body: etree._Element) -> Iterator[tuple[etree._Element, etree._Element, str]]:
    """Every run with words in a text body: (paragraph, run, its text)."""
    for p in body.iterfind(A + "p"):
        for r in p:
            if r.tag in (A + "r", A + "fld"):
                t = r.find(A + "t")
                if t is not None and t.text and t.text.strip():
                    yield p, r, t.text


class TextStyle:
    """Where a shape's runs get the properties they do not set themselves.

    PowerPoint looks in order at: the run, the shape's own list style, the shape's style
    (``p:style/a:fontRef``, colour only), the layout's and master's matching placeholders, the
    master's text styles (title, body or other) and the presentation's default text style.
    """

    def __init__(self, deck: Deck, slide: Slide, shape: Shape, body: etree._Element) -> None:
        self.palette = slide.palette
        own_list = body.find(A + "lstStyle")
        self.has_own_list = own_list is not None
        sources = [own_list]
        sources += [i.find(f"{P}txBody/{A}lstStyle") for i in shape.inherited]
        master_styles = slide.master.text_styles if slide.master else {}
        if shape.is_title:
            sources.append(master_styles.get("title"))
        elif shape.ph_type is not None and not shape.is_footer:
            sources.append(master_styles.get("body"))
        else:
            sources.append(master_styles.get("other"))
        sources.append(deck.default_text_style)
        self.sources = [s for s in sources if s is not None]
        font_ref = shape.el.find(f"{P}style/{A}fontRef")
        self.font_colour = first_colour(font_ref) if font_ref is not None else None
        self.font_scale = 1.0
        self._cache: dict[int, tuple[dict[str, str], str | None]] = {}
        for holder in (body, *(i.find(P + "txBody") for i in shape.inherited)):
            autofit = holder.find(f"{A}bodyPr/{A}normAutofit") if holder is not None else None
            if autofit is not None:
                self.font_scale = _scale(autofit.get("fontScale"))
                break

    def _level_defaults(self, level: int) -> tuple[dict[str, str], str | None]:
        """Attributes and colour every run at ``level`` inherits (before its paragraph and run)."""
        if level in self._cache:
            return self._cache[level]
        attrs: dict[str, str] = {}
        colour: str | None = None
        font_ref_pending = self.font_colour is not None
        for i, source in enumerate(self.sources):
            own = i == 0 and self.has_own_list
            if not own and font_ref_pending and colour is None:
                # The shape's style colour beats what layouts and masters say, not its own list.
                colour = resolve_colour(self.font_colour, self.palette)
                font_ref_pending = False
            for tag in (f"lvl{level}pPr", "defPPr"):
                found = source.find(f"{A}{tag}/{A}defRPr")
                if found is None:
                    continue
                for key, value in found.attrib.items():
                    attrs.setdefault(key, value)
                if colour is None:
                    colour = _text_fill_colour(found, self.palette)
        if colour is None and font_ref_pending:
            colour = resolve_colour(self.font_colour, self.palette)
        self._cache[level] = (attrs, colour or self.palette.scheme("tx1"))
        return self._cache[level]

    def props(self, p: etree._Element, r: etree._Element) -> tuple[dict[str, str], str | None]:
        """The run's effective attributes (``sz``, ``i``, ``u``, ``cap``, ``lang``...) and colour."""
        ppr = p.find(A + "pPr")
        level = 1
        para_default = None
        if ppr is not None:
            try:
                level = min(max(int(ppr.get("lvl", "0")), 0), 8) + 1
            except ValueError:
                level = 1
            para_default = ppr.find(A + "defRPr")
        inherited, colour = self._level_defaults(level)
        attrs = dict(inherited)
        for holder in (para_default, r.find(A + "rPr")):
            if holder is None:
                continue
            attrs.update(holder.attrib)
            own = _text_fill_colour(holder, self.palette)
            if own:
                colour = own
            elif holder.find(A + "hlinkClick") is not None:
                colour = self.palette.scheme("hlink")
        return attrs, colour

    def size_pt(self, attrs: dict[str, str]) -> float:
        """A run's size in points as shown (from ``props``), after PowerPoint's shrink-to-fit."""
        size = _int(attrs.get("sz"))
        return (size or DEFAULT_FONT_HUNDREDTHS) / 100 * self.font_scale


def _scale(value: str | None) -> float:
    """``fontScale`` as a fraction: "62500" (transitional) or "62.5%" (Strict); 1 when absent."""
    if not value:
        return 1.0
    try:
        scale = float(value[:-1]) / 100 if value.endswith("%") else float(value) / 100_000
    except ValueError:
        return 1.0
    return scale if 0 < scale <= 1 else 1.0


def _text_fill_colour(rpr: etree._Element, palette: SchemeColours) -> str | None:
    solid = rpr.find(A + "solidFill")
    if solid is not None:
        return resolve_colour(first_colour(solid), palette)
    grad = rpr.find(f"{A}gradFill/{A}gsLst/{A}gs")
    if grad is not None:
        return resolve_colour(first_colour(grad), palette)
    return None


def shape_fill(shape: Shape, palette: SchemeColours) -> Fill:
    """What the shape paints behind its own text: its fill, or its theme style's."""
    if shape.kind == "pic":
        return Fill("picture")
    if shape.kind == "graphicFrame":
        return Fill("none")
    holders = [shape.el, *shape.inherited]
    for holder in holders:
        pr = holder.find(P + "grpSpPr") if shape.kind == "grpSp" else holder.find(P + "spPr")
        fill = fill_element(pr)
        if fill is not None:
            result = read_fill(fill, palette)
            if result.kind == "group" and shape.group is not None:
                return shape_fill(shape.group, palette)
            return result
    ref = shape.el.find(f"{P}style/{A}fillRef")
    if ref is not None:
        return style_fill(ref, palette)
    return Fill("none")
