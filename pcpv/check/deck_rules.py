"""Accessibility and easy-read rules for any .pptx deck, ours or anyone else's.

``check_deck`` opens the deck safely (``package.py``), reads slides with what they inherit
(``deck_reader.py``) and runs the rules below on every slide it can read. Parts it cannot read
become findings; the rest is still checked. Numbers come from ``pcpv.deck.theme``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from pcpv.check.colour import A, Fill, P, fill_element, read_fill
from pcpv.check.deck_reader import (
    P14,
    UNEXPECTED,
    Deck,
    Shape,
    Slide,
    TextStyle,
    paragraph_text,
    runs,
    shape_fill,
)
from pcpv.check.findings import Finding, Report, Severity
from pcpv.check.package import DeckUnreadable, Package, PartError
from pcpv.check.plain_words import PlainWords, load_plain_words
from pcpv.check.text_rules import check_text
from pcpv.deck import theme

_FILE_NAME = re.compile(
    r"(?i)^[^/\\]{0,200}\.(jpe?g|png|gif|bmp|tiff?|emf|wmf|svg|heic|heif|webp|avif|mp4|m4v|mov|"
    r"m4a|mp3|wav|wma|wmv|avi|aac|ogg|flac|3gp)$"
    r"|^(picture|image|img|photo|graphic|dsc|pxl|screenshot|video|audio|media)[\s_-]*\d*$"
)
_GENERATED = re.compile(r"(?i)description automatically generated|automatically generated")
_VAGUE_LINKS = frozenset(
    {
        "click here",
        "here",
        "link",
        "this link",
        "more",
        "read more",
        "click",
        "click this",
        "this",
        "go",
        "website",
    }
)
_URL = re.compile(r"(?i)^(https?://|www\.)\S+$")
_TOOL_NAMES = frozenset(
    {
        "",
        "python-pptx",
        "pcpv",
        "pptxgenjs",
        "officegen",
        "pandoc",
        "unknown",
        "author",
        "user",
        "admin",
        "administrator",
        "microsoft office user",
        "google",
        "libreoffice",
        "apache poi",
        "aspose",
        "powerpoint",
        "microsoft powerpoint",
    }
)
_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
_DEFAULT_SECTION_NAMES = frozenset({"default section", "untitled section"})
MAX_SLIDES = 2000
"""Slides checked in one deck; a bigger deck is checked up to here and says so."""
MAX_SHAPES_PER_SLIDE = 2000
"""Shapes checked on one slide; a real slide has tens. Keeps a hostile slide from taking hours."""


@dataclass
class _Words:
    """What a shape says, gathered run by run for the per-shape rules."""

    smallest: float | None = None
    """The smallest text size in points, as shown."""
    worst: tuple[float, str, str] | None = None
    """The lowest contrast: (ratio, text colour, background colour)."""
    italic: str = ""
    """The first italic words, if any."""
    underline: str = ""
    """The first underlined words that are not a link, if any."""
    capitals: str = ""
    """The first words formatted to show in capitals, if any."""
    no_language: int = 0
    """How many runs have no language, even inherited."""
    vague_links: list[str] = field(default_factory=list)
    """Link words that do not say where they go."""


def _finding(
    rule: str,
    severity: Severity,
    message: str,
    fix: str,
    slide: Slide | None = None,
    shape: Shape | None = None,
    excerpt: str = "",
) -> Finding:
    return Finding(
        rule,
        severity,
        message,
        fix,
        slide=slide.number if slide else None,
        shape=shape.label if shape else "",
        shape_id=shape.id if shape else None,
        excerpt=excerpt,
    )


# -- pictures, media and objects -----------------------------------------------------------------
def _alt_rules(shape: Shape, slide: Slide, has_text: bool, fill: Fill) -> list[Finding]:
    if shape.decorative or shape.is_footer:
        return []
    what = ""
    severity = Severity.ERROR
    if shape.kind == "pic":
        if shape.media():
            if not shape.descr:
                return [
                    _finding(
                        "media-no-words",
                        Severity.ERROR,
                        f"The sound or video '{shape.label}' has no words saying what it is.",
                        "Add alt text that says what it is and who is speaking (right-click > "
                        "View Alt Text), and put a line of words beside it on the slide.",
                        slide,
                        shape,
                    )
                ]
            what = "sound or video"
        else:
            what = "picture"
    elif shape.kind == "graphicFrame":
        kind = shape.graphic_kind()
        if kind == "table":
            return []
        what = {"chart": "chart", "diagram": "diagram (SmartArt)", "ole": "embedded object"}.get(
            kind, "object"
        )
    elif shape.kind == "grpSp":
        if has_text:
            return []
        what, severity = "group of shapes", Severity.WARNING
    elif shape.kind == "sp" and not has_text and shape.ph_type is None:
        if fill.kind == "picture":
            what = "shape filled with a picture"
        elif fill.kind != "none":
            what, severity = "shape", Severity.WARNING
    if not what:
        return []
    if not shape.descr:
        return [
            _finding(
                "alt-missing",
                severity,
                f"The {what} '{shape.label}' has no alt text, so people who cannot see it miss it.",
                "Right-click it, choose View Alt Text and say in a few words what it shows. If it is "
                "only decoration, tick 'Mark as decorative'.",
                slide,
                shape,
            )
        ]
    if _FILE_NAME.match(shape.descr):
        return [
            _finding(
                "alt-file-name",
                Severity.ERROR,
                f"The alt text of '{shape.label}' is a file name ('{shape.descr}'), which tells "
                "nobody what it shows.",
                "Replace it with a few words saying what the picture shows.",
                slide,
                shape,
                shape.descr,
            )
        ]
    if _GENERATED.search(shape.descr):
        return [
            _finding(
                "alt-generated",
                Severity.WARNING,
                f"The alt text of '{shape.label}' was written by a computer and may be wrong.",
                "Read it, correct it, and remove 'Description automatically generated'.",
                slide,
                shape,
                shape.descr,
            )
        ]
    return []


def _table_rules(shape: Shape, slide: Slide) -> list[Finding]:
    table = shape.el.find(f"{A}graphic/{A}graphicData/{A}tbl")
    if table is None:
        return []
    found: list[Finding] = []
    props = table.find(A + "tblPr")
    if props is None or props.get("firstRow") not in ("1", "true"):
        found.append(
            _finding(
                "table-header",
                Severity.ERROR,
                f"The table '{shape.label}' has no header row, so screen readers cannot name its "
                "columns.",
                "Click the table, open Table Design and tick 'Header Row'; put column names in the "
                "first row.",
                slide,
                shape,
            )
        )
    for cell in table.iterfind(f"{A}tr/{A}tc"):
        if (
            int(cell.get("gridSpan", "1") or 1) > 1
            or int(cell.get("rowSpan", "1") or 1) > 1
            or cell.get("hMerge") in ("1", "true")
            or cell.get("vMerge") in ("1", "true")
        ):
            found.append(
                _finding(
                    "table-merged",
                    Severity.WARNING,
                    f"The table '{shape.label}' has merged cells, which screen readers read in a "
                    "confusing order.",
                    "Split the merged cells, or make the table simpler.",
                    slide,
                    shape,
                )
            )
            break
    return found


# -- words on the slide --------------------------------------------------------------------------
def _backgrounds(shapes: list[Shape], fills: list[Fill], index: int, background: Fill) -> Fill:
    """What is behind the words of ``shapes[index]``: its own fill, a shape behind, the slide."""
    if fills[index].kind != "none":
        return fills[index]
    box = shapes[index].box
    if box is not None:
        cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
        for other in range(index - 1, -1, -1):
            obox = shapes[other].box
            if shapes[other].kind == "grpSp" or obox is None or fills[other].kind == "none":
                continue
            if obox[0] <= cx <= obox[0] + obox[2] and obox[1] <= cy <= obox[1] + obox[3]:
                return fills[other]
    return background


def _cell_background(
    cell: etree._Element, table_has_style: bool, behind: Fill, slide: Slide
) -> Fill:
    own = fill_element(cell.find(A + "tcPr"))
    if own is not None:
        fill = read_fill(own, slide.palette)
        return behind if fill.kind == "none" else fill
    # Table styles live in their own part; without reading it the cell colour is a guess.
    return Fill("unknown") if table_has_style else behind


def _shape_words(deck: Deck, slide: Slide, shape: Shape, behind: Fill) -> _Words:
    words = _Words()
    table = (
        shape.el.find(f"{A}graphic/{A}graphicData/{A}tbl") if shape.kind == "graphicFrame" else None
    )
    styled = table is not None and (
        table.find(f"{A}tblPr/{A}tableStyleId") is not None
        or table.find(f"{A}tblPr/{A}tableStyle") is not None
    )
    for body in shape.text_bodies():
        style = TextStyle(deck, slide, shape, body)
        fill = behind
        if table is not None:
            fill = _cell_background(body.getparent(), styled, behind, slide)
        for p, r, text in runs(body):
            attrs, colour = style.props(p, r)
            size = style.size_pt(attrs)
            if words.smallest is None or size < words.smallest:
                words.smallest = size
            if colour and fill.kind == "colour":
                for bg in fill.colours:
                    ratio = theme.contrast_ratio(colour, bg)
                    if words.worst is None or ratio < words.worst[0]:
                        words.worst = (ratio, colour, bg)
            is_link = r.find(f"{A}rPr/{A}hlinkClick") is not None
            if not words.italic and attrs.get("i") in ("1", "true"):
                words.italic = text.strip()
            if not words.underline and not is_link and attrs.get("u", "none") != "none":
                words.underline = text.strip()
            if not words.capitals and attrs.get("cap") in ("all", "small"):
                words.capitals = text.strip()
            if not attrs.get("lang"):
                words.no_language += 1
            if is_link:
                label = text.strip().lower()
                if label in _VAGUE_LINKS or _URL.match(label):
                    words.vague_links.append(text.strip())
    return words


def _look_rules(shape: Shape, slide: Slide, words: _Words, behind: Fill) -> list[Finding]:
    found: list[Finding] = []
    if words.smallest is not None and not shape.is_footer:
        size = round(words.smallest, 1)
        if size < theme.MIN_BODY_PT:
            found.append(
                _finding(
                    "text-too-small",
                    Severity.ERROR,
                    f"Text in '{shape.label}' is {size:g} pt; easy read needs at least "
                    f"{theme.MIN_BODY_PT} pt on a slide ({theme.MIN_TITLE_PT} pt for titles).",
                    "Make the text bigger. If it no longer fits, move some of it to a new slide.",
                    slide,
                    shape,
                )
            )
        elif shape.is_title and size < theme.MIN_TITLE_PT:
            found.append(
                _finding(
                    "text-too-small",
                    Severity.WARNING,
                    f"The title is {size:g} pt; easy-read titles are at least {theme.MIN_TITLE_PT} pt.",
                    "Make the title bigger, or shorter so it fits.",
                    slide,
                    shape,
                )
            )
    if words.worst is not None:
        ratio, fg, bg = words.worst
        if ratio < theme.MIN_CONTRAST:
            found.append(
                _finding(
                    "contrast-low",
                    Severity.ERROR,
                    f"Text in '{shape.label}' (#{fg} on #{bg}) has a contrast of {ratio:.1f}:1; it "
                    f"needs at least {theme.MIN_CONTRAST:g}:1 to be read.",
                    "Use dark text on a light background, such as near-black on cream or white.",
                    slide,
                    shape,
                )
            )
        elif ratio < theme.TARGET_CONTRAST:
            found.append(
                _finding(
                    "contrast-below-target",
                    Severity.WARNING,
                    f"Text in '{shape.label}' (#{fg} on #{bg}) has a contrast of {ratio:.1f}:1; "
                    f"projectors wash colours out, so aim for {theme.TARGET_CONTRAST:g}:1.",
                    "Make the text darker or the background lighter.",
                    slide,
                    shape,
                )
            )
    for rule, text, what in (
        ("italic", words.italic, "in italics"),
        ("underline", words.underline, "underlined"),
        ("capitals", words.capitals, "set to show in capital letters"),
    ):
        if text:
            found.append(
                _finding(
                    rule,
                    Severity.WARNING,
                    f"Text in '{shape.label}' is {what}, which is harder to read.",
                    "Use plain text; use bold if a word needs to stand out.",
                    slide,
                    shape,
                    text,
                )
            )
    for label in words.vague_links[:1]:
        found.append(
            _finding(
                "link-text",
                Severity.WARNING,
                f"The link '{label}' does not say where it goes.",
                "Make the link's words say where it leads, like 'Mencap's easy-read guide'.",
                slide,
                shape,
                label,
            )
        )
    return found


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[0] + a[2], b[0] + b[2]) > max(a[0], b[0]) and min(a[1] + a[3], b[1] + b[3]) > max(
        a[1], b[1]
    )


def _over_picture(shapes: list[Shape], pictures: list[int], index: int, behind: Fill) -> bool:
    box = shapes[index].box
    if behind.kind == "picture":
        return True
    return box is not None and any(
        j < index and _overlaps(box, shapes[j].box)  # type: ignore[arg-type]
        for j in pictures
    )


# -- one slide -----------------------------------------------------------------------------------
def _is_patient_words(shape: Shape) -> bool:
    return shape.name.startswith(theme.PATIENT_WORDS_SHAPE)


def _check_slide(
    deck: Deck,
    slide: Slide,
    shapes: list[Shape],
    plain: PlainWords,
    titles: dict[str, list[int]],
    no_language: list[int],
) -> list[Finding]:
    found: list[Finding] = []
    texts = {id(s): s.text().strip() for s in shapes}
    slide_text = "\n".join(t for t in texts.values() if t)

    title = next((s for s in shapes if s.is_title and texts[id(s)]), None)
    if title is None:
        found.append(
            _finding(
                "title-missing",
                Severity.ERROR,
                "This slide has no title, so people using a screen reader cannot find it.",
                "Use a layout with a title and type a short title. To hide it, drag the title box "
                "off the slide.",
                slide,
            )
        )
    else:
        key = " ".join(texts[id(title)].lower().split())
        titles.setdefault(key, []).append(slide.number)

    content = [
        s
        for s in shapes
        if s.depth == 0
        and not s.decorative
        and not s.is_footer
        and (texts[id(s)] or s.kind in ("pic", "graphicFrame", "grpSp"))
    ]
    if title is not None and content and content[0] is not title and title.depth == 0:
        found.append(
            _finding(
                "reading-order",
                Severity.WARNING,
                f"A screen reader reads '{content[0].label}' before the title.",
                "Open Home > Arrange > Selection Pane (or Review > Check Accessibility > Reading "
                "Order) and move the title to the top of the reading order.",
                slide,
                content[0],
            )
        )

    background = deck.background(slide)
    # Worked out once per slide, so a slide with many shapes stays quick (no shape-by-shape rescans).
    fills = [shape_fill(s, slide.palette) for s in shapes]
    pictures = [
        i
        for i, s in enumerate(shapes)
        if s.box is not None and (s.kind == "pic" or fills[i].kind == "picture")
    ]
    groups_with_text = {id(g) for s in shapes if texts[id(s)] for g in _ancestors(s)}
    ideas = lines = 0
    languageless = 0
    for index, shape in enumerate(shapes):
        text = texts[id(shape)]
        has_text = bool(text) or id(shape) in groups_with_text
        found += _alt_rules(shape, slide, has_text, fills[index])
        if shape.kind == "graphicFrame" and shape.graphic_kind() == "table":
            found += _table_rules(shape, slide)
        if not text:
            continue
        behind = (
            _backgrounds(shapes, fills, index, background) if shape.kind == "sp" else background
        )
        words = _shape_words(deck, slide, shape, behind)
        languageless += words.no_language
        found += _look_rules(shape, slide, words, behind)
        if shape.kind == "sp" and _over_picture(shapes, pictures, index, behind):
            found.append(
                _finding(
                    "text-over-picture",
                    Severity.WARNING,
                    f"The words in '{shape.label}' sit on top of a picture, which makes them hard "
                    "to read.",
                    "Put the picture on the left and the words beside it, on a plain background.",
                    slide,
                    shape,
                    text[:60],
                )
            )
        patient = _is_patient_words(shape)
        if shape.kind == "sp" and not shape.is_title and not shape.is_footer and not patient:
            for p in (p for b in shape.text_bodies() for p in b.iterfind(A + "p")):
                if paragraph_text(p).strip():
                    ideas += 1
                    lines += 1 + len(p.findall(A + "br"))
        if not shape.is_footer:
            for f in check_text(text, patient_words=patient, words=plain, context=slide_text):
                found.append(replace(f, slide=slide.number, shape=shape.label, shape_id=shape.id))
    if languageless:
        no_language.append(slide.number)
    if ideas > theme.MAX_IDEAS_PER_SLIDE or lines > theme.MAX_LINES_PER_SLIDE:
        found.append(
            _finding(
                "too-many-ideas",
                Severity.WARNING,
                f"This slide has {ideas} points on {lines} lines; easy read puts at most "
                f"{theme.MAX_IDEAS_PER_SLIDE} points ({theme.MAX_LINES_PER_SLIDE} lines) on a slide.",
                "Keep one idea per slide; move the rest to a new slide.",
                slide,
            )
        )
    videos = [s for s in shapes if s.kind == "pic" and s.video()]
    if videos and not _has_captions(deck, slide):
        found.append(
            _finding(
                "video-captions",
                Severity.INFO,
                f"The video '{videos[0].label}' has no captions file with it, so people who "
                "cannot hear it miss what is said.",
                "In PowerPoint use Playback > Insert Captions, or write what is said on the "
                "slide or in the speaker notes.",
                slide,
                videos[0],
            )
        )
    if any(t.get("advTm") is not None for t in slide.root.iter(P + "transition")):
        found.append(
            _finding(
                "auto-advance",
                Severity.WARNING,
                "This slide moves on by itself after a set time, which can rush the person.",
                "In Transitions, untick 'After' under 'Advance Slide' so it moves on only with a "
                "click.",
                slide,
            )
        )
    return found


def _has_captions(deck: Deck, slide: Slide) -> bool:
    """Whether the slide links a captions file (PowerPoint stores inserted captions as WebVTT)."""
    try:
        rels = deck.package.rels(slide.part).values()
    except PartError:
        return False
    return any(r.target.lower().endswith(".vtt") or "caption" in r.kind.lower() for r in rels)


def _ancestors(shape: Shape) -> list[Shape]:
    found = []
    parent = shape.group
    while parent is not None:
        found.append(parent)
        parent = parent.group
    return found


# -- the whole deck ------------------------------------------------------------------------------
def _properties(package: Package) -> list[Finding]:
    found: list[Finding] = []
    names: list[tuple[str, str]] = []
    title = ""
    try:
        core_part = package.related("", "core-properties")
        app_part = package.related("", "extended-properties")
    except PartError:
        core_part = app_part = ""  # the package's own list of parts is damaged: look by name
    core_part = core_part or ("docProps/core.xml" if package.has("docProps/core.xml") else "")
    app_part = app_part or ("docProps/app.xml" if package.has("docProps/app.xml") else "")
    for part, fields in (
        (core_part, (("dc:creator", "Author"), ("cp:lastModifiedBy", "Last saved by"))),
        (app_part, (("ep:Manager", "Manager"),)),
    ):
        if not part:
            continue
        try:
            root = package.xml(part)
        except PartError:
            continue
        if part == core_part:
            title = (root.findtext("dc:title", "", _CORE_NS) or "").strip()
        for path, label in fields:
            value = (root.findtext(path, "", _CORE_NS) or "").strip()
            if value.lower() not in _TOOL_NAMES:
                names.append((label, value))
    for part, tag in (("ppt/commentAuthors.xml", "cmAuthor"), ("ppt/authors.xml", "author")):
        if package.has(part):
            try:
                root = package.xml(part)
            except PartError:
                continue
            for el in root.iter():
                if isinstance(el.tag, str) and el.tag.endswith("}" + tag) and el.get("name"):
                    names.append(("Comment author", el.get("name", "")))
    for label, value in names:
        found.append(
            Finding(
                "person-in-properties",
                Severity.WARNING,
                f"The deck's hidden details name a person ({label}: '{value}'). Copies sent to "
                "others carry it.",
                "File > Info > Check for Issues > Inspect Document, then remove Document "
                "Properties and Personal Information (and comments).",
                excerpt=value,
            )
        )
    if not title:
        found.append(
            Finding(
                "doc-title-missing",
                Severity.INFO,
                "The deck has no title in its properties; screen readers and PDFs show the file "
                "name instead.",
                "File > Info > Properties: type a Title.",
            )
        )
    return found


def _sections(presentation: etree._Element | None) -> list[Finding]:
    if presentation is None:
        return []
    found: list[Finding] = []
    seen: set[str] = set()
    for section in presentation.iter(P14 + "section"):
        name = (section.get("name") or "").strip()
        low = name.lower()
        if low in _DEFAULT_SECTION_NAMES or not name:
            found.append(
                Finding(
                    "section-name",
                    Severity.WARNING,
                    f"A section is still called '{name}', which does not help anyone find their way.",
                    "Right-click the section name and choose Rename Section.",
                    excerpt=name,
                )
            )
        elif low in seen:
            found.append(
                Finding(
                    "section-name",
                    Severity.WARNING,
                    f"Two sections are called '{name}'.",
                    "Give every section its own name.",
                    excerpt=name,
                )
            )
        seen.add(low)
    return found


def _problem_findings(deck: Deck) -> list[Finding]:
    found: list[Finding] = []
    for problem in deck.problems:
        if problem.is_slide:
            found.append(
                Finding(
                    "part-unreadable",
                    Severity.ERROR,
                    f"Slide {problem.slide} could not be read: {problem.reason}. The other slides "
                    "were checked.",
                    "Open the deck in PowerPoint: it may repair the slide. Then check it again.",
                    slide=problem.slide,
                )
            )
        else:
            found.append(
                Finding(
                    "part-unreadable",
                    Severity.WARNING,
                    f"Part of the deck could not be read: {problem.reason}. Colours, sizes or slide "
                    "order from it were guessed.",
                    "Open the deck in PowerPoint and save it again; that usually repairs it.",
                    slide=problem.slide,
                )
            )
    return found


def check_deck(path: Path | str) -> Report:
    """Check a .pptx deck against every deck rule and return a report; never raises for a bad file.

    A file that cannot be checked at all (not a deck, a password, damaged, hostile) gives a
    report with ``unreadable`` set and exit code 2.
    """
    path = Path(path)
    report = Report(source=str(path))
    try:
        package = Package.open(path)
    except DeckUnreadable as exc:
        report.unreadable = exc.reason
        return report
    with package:
        deck = Deck.read(package)
        if deck.presentation is None and not deck.slide_parts:
            report.unreadable = (
                f"'{path.name}' is damaged: {deck.problems[0].reason if deck.problems else 'no slides'}. "
                "Open it in PowerPoint, which may repair it, then check it again."
            )
            return report
        plain = load_plain_words()
        titles: dict[str, list[int]] = {}
        no_language: list[int] = []
        for slide in deck.slides():
            if report.slides >= MAX_SLIDES:
                report.findings.append(
                    Finding(
                        "part-unreadable",
                        Severity.WARNING,
                        f"The deck has {len(deck.slide_parts)} slides; pcpv checked the first "
                        f"{MAX_SLIDES}.",
                        "Split the deck into smaller decks and check each one.",
                    )
                )
                break
            report.slides += 1
            try:
                shapes = deck.shapes(slide)
                if len(shapes) > MAX_SHAPES_PER_SLIDE:
                    report.findings.append(
                        Finding(
                            "part-unreadable",
                            Severity.WARNING,
                            f"Slide {slide.number} has {len(shapes)} shapes; pcpv checked the "
                            f"first {MAX_SHAPES_PER_SLIDE}.",
                            "A slide with this many shapes is far too busy: split it up.",
                            slide=slide.number,
                        )
                    )
                    shapes = shapes[:MAX_SHAPES_PER_SLIDE]
                report.findings += _check_slide(deck, slide, shapes, plain, titles, no_language)
            except UNEXPECTED as exc:
                # A deck can be odd in ways no rule foresaw: say so for this slide, check the rest.
                report.findings.append(
                    Finding(
                        "part-unreadable",
                        Severity.WARNING,
                        f"Slide {slide.number} could not be fully checked ({type(exc).__name__}). "
                        "The other slides were checked.",
                        "Look at this slide yourself, or save the deck again in PowerPoint.",
                        slide=slide.number,
                    )
                )
        for numbers in titles.values():
            for number in numbers[1:]:
                report.findings.append(
                    Finding(
                        "title-duplicate",
                        Severity.WARNING,
                        f"This slide has the same title as slide {numbers[0]}, so they are hard to "
                        "tell apart in a list of slides.",
                        "Give every slide its own title, e.g. add '(2)' or say what is new.",
                        slide=number,
                    )
                )
        if no_language:
            shown = ", ".join(str(n) for n in no_language[:10]) + (
                "..." if len(no_language) > 10 else ""
            )
            report.findings.append(
                Finding(
                    "language-missing",
                    Severity.WARNING,
                    f"Text on slide(s) {shown} has no language set, so screen readers may read it "
                    "with the wrong voice.",
                    "Select all text (Ctrl+A on each slide), then Review > Language and choose "
                    "English (United Kingdom).",
                    slide=no_language[0],
                )
            )
        report.findings += _properties(package)
        report.findings += _sections(deck.presentation)
        report.findings += _problem_findings(deck)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    report.findings.sort(
        key=lambda f: (f.slide if f.slide is not None else 10**9, order[f.severity])
    )
    return report
