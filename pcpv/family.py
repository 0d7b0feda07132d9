"""The family copy: only what the patient agreed to share, and nothing hidden.

``export_family`` does this, readable in one function:

1. which items have consent (``pcpv.consent``): the rest, and anything naming a private word, stay out;
2. plans the deck from a *view* of the project that holds only those items, so slides that would
   be empty are never made, and removes every speaker note;
3. adds the "shared with permission" line (``family-line.j2``) to the first and last slide;
4. prepares the media afresh (re-scrubbed), writes the deck, and reduces the document properties
   to the title (no author, dates, thumbnail or notes count);
5. locks it with a password when asked (Office agile encryption, msoffcrypto-tool);
6. opens the saved file again and proves it: every embedded file is one pcpv made in this run from
   a consented item (or a symbol), none is an unconsented file, none carries metadata, nothing is
   cropped or left unused, no slide text comes from anywhere but the plan, no unconsented answer's
   words and no private word appear anywhere. If anything is found, the file is deleted and the
   export fails with every finding listed;
7. records the export (when, for whom, which items, the file's hash) in ``consent.yaml``.

This module never imports python-pptx: it reads the saved file as the zip of XML it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import re
import secrets
import shutil
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from pcpv.consent import (
    ConsentBook,
    ConsentItem,
    ExportRecord,
    ItemKind,
    answer_key,
    consent_items,
    media_key,
    private_words_in,
)
from pcpv.errors import FamilyCopyError, PcpvError, UsageError
from pcpv.model import Answer, PromptState
from pcpv.project import check_deck_output
from pcpv.questions import format_date, text_context
from pcpv.safe_io import atomic_copy, atomic_writer

FAMILY_LINE_TEMPLATE = "family-line.j2"
MIN_PASSWORD_LENGTH = 8
"""Shorter passwords are refused: the copy may travel by email or on a phone."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_MIN_UNIT_WORDS = 3
"""Unconsented sentences this long or longer are searched for in the finished copy; shorter ones
("Yes.", "My nan.") are too common to prove anything and are kept out by the plan itself."""
_FORBIDDEN_PARTS = (
    ("ppt/notesSlides/", "speaker notes"),
    ("ppt/comments/", "comments"),
    ("ppt/commentAuthors.xml", "comment authors"),
    ("docProps/thumbnail", "a thumbnail picture"),
    ("docProps/custom.xml", "custom document properties"),
    ("customXml/", "custom data"),
    ("ppt/embeddings/", "an embedded file"),
)
_CORE_ALLOWED = {"{http://purl.org/dc/elements/1.1/}title"}
_APP_ALLOWED = {
    "Properties",
    "Application",
    "PresentationFormat",
    "Slides",
    "Notes",
    "HiddenSlides",
    "ScaleCrop",
    "LinksUpToDate",
    "SharedDoc",
    "HyperlinksChanged",
}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>{title}</dc:title></cp:coreProperties>"
)


# -- what the proof expects -------------------------------------------------------------------


@dataclass
class Expectations:
    """What a family copy may and may not hold, worked out before it is written."""

    allowed_media: dict[str, str] = field(default_factory=dict)
    """SHA-256 of every file pcpv made for this copy -> what it is."""
    denied_media: dict[str, str] = field(default_factory=dict)
    """SHA-256 of every unconsented original file -> which item it is."""
    denied_text: list[tuple[str, str]] = field(default_factory=list)
    """(sentence, which item) from unconsented answers and captions."""
    private_words: list[str] = field(default_factory=list)
    allowed_text: set[str] | None = None
    """Every paragraph and alt text the slides may show (normalised); None = not checked."""
    symbol_alts: set[str] = field(default_factory=set)
    """The meanings of the plan's symbols (normalised): a PNG shown only as these is a symbol."""


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _units(text: str) -> list[str]:
    return [_norm(u) for u in _SENTENCE_END.split(text) if len(u.split()) >= _MIN_UNIT_WORDS]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _ready_bytes(photo: Any) -> bytes:
    """The bytes of a prepared photo, whether the deck keeps them in memory or on disk."""
    data = getattr(photo, "data", None)
    return data if isinstance(data, bytes) else Path(photo.path).read_bytes()


# -- choosing and planning --------------------------------------------------------------------


def family_view(project: Any, keys: set[str]) -> Any:
    """A read-only copy of ``project`` holding only the consented parts of each answer.

    An answer whose words are not consented loses its words, choice and symbols; media without
    consent are dropped; an answer left with nothing is "not started", so no slide is made for it.
    """
    answers: dict[str, Answer] = {}
    for prompt_id, answer in project.answers.items():
        keep_words = answer_key(prompt_id) in keys
        kept = dataclasses.replace(
            answer,
            words=answer.words if keep_words else "",
            choice=answer.choice if keep_words else "",
            symbols=list(answer.symbols) if keep_words else [],
            media=[m for m in answer.media if media_key(m) in keys],
        )
        empty = not (kept.words.strip() or kept.choice.strip() or kept.symbols or kept.media)
        if kept.state == PromptState.ANSWERED and empty:
            kept.state = PromptState.NOT_STARTED
        answers[prompt_id] = kept
    return dataclasses.replace(project, answers=answers, writable=False, _lock=None)


def family_lines(project: Any, day: dt.date) -> list[str]:
    """The "shared with permission" lines, from ``family-line.j2``."""
    context = text_context(project.info) | {"date": format_date(day)}
    text = project.questions.texts.render(FAMILY_LINE_TEMPLATE, context)
    return [line.strip() for line in text.splitlines() if line.strip()]


def plan_family_deck(project: Any, keys: set[str], day: dt.date, *, symbols: Any = None) -> Any:
    """The ``DeckPlan`` of the family copy: consented items only, no speaker notes, the family
    line on the first and last slide."""
    from pcpv.deck import fit, layout, theme
    from pcpv.deck.plan import Line, SlideKind, SlidePlan, make_plan

    plan = make_plan(family_view(project, keys), symbols=symbols)
    for slide in plan.slides:
        slide.notes = ""
    lines = family_lines(project, day)
    plan.slides[0].lines.extend(Line(text) for text in lines)
    last = plan.slides[-1]
    grid = layout.grid(max(last.title_lines, layout.TITLE_LINES), last.title_size_pt)
    box = grid.words_box(
        with_picture=bool(last.pictures), with_symbols=any(x.symbol for x in last.lines)
    )
    width, height = layout.text_area_pt(box)
    texts = ([last.label] if last.label else []) + [x.text for x in last.lines] + lines
    if (
        last is not plan.slides[0]
        and last.clip is None
        and (fit.text_height_pt(texts, width, theme.BODY_PT) <= height)
    ):
        last.lines.extend(Line(text) for text in lines)
    elif last is not plan.slides[0]:
        # No room on the last slide: the line gets a closing slide of its own.
        title = lines[-1]
        size, title_lines = fit.fit_title(title, layout.title_text_width_pt(), layout.TITLE_LINES)
        plan.slides.append(
            SlidePlan(
                kind=SlideKind.THANKS,
                title=title,
                title_size_pt=size,
                title_lines=len(title_lines),
                lines=[Line(text) for text in lines],
            )
        )
    return plan


def _plan_texts(plan: Any) -> set[str]:
    texts: set[str] = set()
    for slide in plan.slides:
        for text in [slide.title, slide.label, *(line.text for line in slide.lines)]:
            if text:
                texts.add(_norm(text))
                texts.add(_norm(f"“{text}”"))
        for picture in slide.pictures:
            texts.add(_norm(picture.alt))
        for symbol in slide.symbols():
            texts.add(_norm(symbol.meaning))
        if slide.clip is not None:
            texts.add(_norm(slide.clip.alt))
    return texts


def _plan_private_words(plan: Any, words: list[str]) -> list[str]:
    found = []
    for number, slide in enumerate(plan.slides, start=1):
        texts = [slide.title, slide.label, *(line.text for line in slide.lines)]
        texts += [p.alt for p in slide.pictures] + ([slide.clip.alt] if slide.clip else [])
        for word in private_words_in("\n".join(texts), words):
            found.append(f"slide {number} ('{slide.title}') names the private word '{word}'")
    return found


def expectations(
    project: Any, items: list[ConsentItem], plan: Any, book: ConsentBook
) -> Expectations:
    """What the proof checks, apart from the media pcpv makes while writing."""
    included = [i for i in items if i.in_family_copy]
    innocent = _norm("\n".join(i.text() for i in included))
    expect = Expectations(
        private_words=list(book.private_words),
        allowed_text=_plan_texts(plan),
        symbol_alts={_norm(y.meaning) for slide in plan.slides for y in slide.symbols()},
    )
    kept_hashes = {i.media.sha256 for i in included if i.media is not None}
    for answer in project.answers.values():
        for media in answer.media:
            if media.sha256 not in kept_hashes:
                expect.denied_media[media.sha256] = f"the {media.kind.value} '{media.file}'"
    for item in items:
        if item.in_family_copy or item.kind == ItemKind.VOICE_AND_FACE:
            continue
        for unit in _units(item.text()):
            if unit not in innocent:
                expect.denied_text.append((unit, item.title))
    return expect


# -- writing ----------------------------------------------------------------------------------


def reduce_properties(source: Path, target: Path, title: str) -> None:
    """Copy the deck ``source`` to ``target`` with its document properties reduced to the title:
    no author, dates, revision, language, thumbnail or notes count. Every zip entry gets the same
    fixed time. Entries are streamed, so a deck with a long video is never held in memory whole."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as out:
        for info in package.infolist():
            name = info.filename
            if name.startswith("docProps/thumbnail"):
                continue
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = info.compress_type
            if name.endswith((".xml", ".rels")):
                out.writestr(entry, _reduced_part(name, package.read(name), title))
                continue
            with package.open(info) as reader, out.open(entry, "w") as writer:
                shutil.copyfileobj(reader, writer, 1024 * 1024)


def _reduced_part(name: str, body: bytes, title: str) -> bytes:
    if name == "docProps/core.xml":
        return _CORE_XML.format(title=escape(title)).encode("utf-8")
    if name == "docProps/app.xml":
        return re.sub(rb"<Notes>\d+</Notes>", b"<Notes>0</Notes>", body)
    if name == "_rels/.rels":
        return re.sub(rb"<Relationship [^>]*docProps/thumbnail[^>]*/>", b"", body)
    if name == "[Content_Types].xml":
        return re.sub(rb"<Override [^>]*docProps/thumbnail[^>]*/>", b"", body)
    return body


def encrypt(source: Path, target: Path, password: str) -> None:
    """Lock the .pptx ``source`` with ``password`` into ``target`` (atomically, owner-only):
    Office agile encryption, AES-256 with SHA-512, as PowerPoint itself writes."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as reader, atomic_writer(target) as writer:
        OOXMLFile(reader).encrypt(password, writer)


def decrypt(source: Path, target: Path, password: str) -> None:
    """Unlock ``source`` into ``target``. Raises ``FamilyCopyError`` for a wrong password or a
    file that is not locked."""
    import msoffcrypto
    from msoffcrypto.exceptions import InvalidKeyError

    with source.open("rb") as reader:
        office = msoffcrypto.OfficeFile(reader)
        if not office.is_encrypted():
            raise FamilyCopyError("The family copy is not locked with a password.")
        try:
            office.load_key(password=password)
            with target.open("wb") as writer:
                office.decrypt(writer)
        except InvalidKeyError:
            raise FamilyCopyError("The password does not open this family copy.") from None


def is_encrypted(data: bytes) -> bool:
    """True when ``data`` (or at least its first 8 bytes) is an encrypted Office file: an OLE
    container, not a zip."""
    return data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_WORD_TEXT = (
    "apple acorn badge beach berry bike biscuit boat bread brick bridge brush bucket button cake "
    "camel candle carrot castle cherry chess cliff cloud clover coat comet cookie crab crayon "
    "daisy desk dolphin donkey drum duck eagle earth feather fern field finch flag flute forest "
    "fox frog garden ginger glove goat grape grass guitar hammer harbour hat hazel hedge honey "
    "horse island jacket jam jelly kettle kite koala ladder lake lemon lily lion llama magnet "
    "mango maple meadow melon mint mitten moon moss mountain mouse mug nest noodle oak ocean "
    "olive onion orange otter owl paddle panda parrot peach pear pebble pencil pepper piano "
    "pillow plum pond popcorn potato puffin pumpkin puzzle rabbit radish rain raven river robin "
    "rocket rose salmon sand scarf seal sheep shell ship sock sofa spoon squirrel star stone "
    "storm sugar sun swan table teapot tiger toast tomato tractor train tree tulip turnip "
    "umbrella valley violin wagon walnut whale willow window wolf yacht yoghurt zebra"
)
WORDS = tuple(_WORD_TEXT.split())
"""Short, everyday words for readable passwords."""


def generate_password(words: int = 5, digits: int = 2) -> str:
    """A password that is easy to read out and type: ``words`` words and a number, e.g.
    ``otter-maple-drum-kite-honey-47`` (about 43 bits of chance with the defaults)."""
    chosen = [secrets.choice(WORDS) for _ in range(words)]
    number = "".join(secrets.choice("0123456789") for _ in range(digits))
    return "-".join([*chosen, number])


def check_password(password: str) -> None:
    """Refuse a password that is empty or too short, in plain words."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(
            f"The password is too short (it needs at least {MIN_PASSWORD_LENGTH} characters).",
            hint="Use --generate-password to let pcpv make a readable one.",
        )


def _deny_prepared_photos(
    project: Any, items: list[ConsentItem], expect: Expectations, work: Path
) -> None:
    """Add the prepared form of every unconsented photo to the denied files (photos are prepared
    the same way every time, so an unconsented photo would arrive with exactly this hash)."""
    from pcpv.deck.assets import photo_box_px
    from pcpv.media import prepare_photo

    box = photo_box_px()
    for item in items:
        if item.in_family_copy or item.kind != ItemKind.PHOTO or item.path is None:
            continue
        try:
            prepared = prepare_photo(item.path, box_px=box, work_dir=work)
        except PcpvError:
            continue  # a file that cannot be prepared cannot reach the deck either
        expect.denied_media[_sha(prepared.data)] = f"the photo for '{item.question}'"


# -- the proof --------------------------------------------------------------------------------


def _resolve(rels_name: str, target: str) -> str:
    """The zip name a relationship in ``rels_name`` points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    folder = PurePosixPath(rels_name).parent.parent
    parts: list[str] = []
    for part in (folder / target).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _slide_number(name: str) -> str:
    match = re.search(r"slide(\d+)\.xml$", name)
    return f"slide {match.group(1)}" if match else name


def verify_family_copy(data: bytes | Path, expect: Expectations) -> list[str]:
    """Every way the family copy ``data`` (an unencrypted .pptx, its bytes or its path) breaks
    ``expect``; [] when clean."""
    try:
        package = zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data))
        names = package.namelist()
    except zipfile.BadZipFile:
        return ["the file is not a complete PowerPoint file"]
    problems: list[str] = []
    for name in names:
        for prefix, what in _FORBIDDEN_PARTS:
            if name.startswith(prefix):
                problems.append(f"it holds {what} ({name})")
    rels: dict[str, dict[str, str]] = {}
    xml: dict[str, ElementTree.Element] = {}
    for name in names:
        if not name.endswith((".xml", ".rels")):
            continue
        try:
            root = ElementTree.fromstring(package.read(name))
        except ElementTree.ParseError:
            problems.append(f"{name} cannot be read")
            continue
        if name.endswith(".rels"):
            rels[name] = {}
            for rel in root.iter(_REL):
                if rel.get("TargetMode") == "External":
                    problems.append(f"{name} links to an outside file ({rel.get('Target')})")
                else:
                    rels[name][rel.get("Id", "")] = _resolve(name, rel.get("Target", ""))
        else:
            xml[name] = root
    targets = {target for found in rels.values() for target in found.values()}
    shown_as: dict[str, list[str | None]] = {}
    for name, root in xml.items():
        problems.extend(_properties_problems(name, root))
        if name.startswith("ppt/slides/slide"):
            problems.extend(_slide_problems(name, root, expect))
            slide_rels = rels.get(_rels_name(name), {})
            for part, descr in _pictures(root, slide_rels):
                shown_as.setdefault(part, []).append(descr)
        texts = [t for e in root.iter() for t in _visible(e) if t.strip()]
        if not name.startswith(("ppt/slides/", "docProps/")):
            # Masters and layouts keep the template's own prompts ("Click to edit Master title
            # style"); only words that are not the template's can come from the patient.
            boilerplate = _template_texts()
            texts = [t for t in texts if t not in boilerplate]
        for word in private_words_in("\n".join(texts), expect.private_words):
            problems.append(f"{_slide_number(name)} names the private word '{word}'")
    for name in names:
        if name.startswith("ppt/media/"):
            problems.extend(_media_problems(name, package.read(name), expect, targets, shown_as))
    every = _norm(
        "\n".join(
            t
            for name, root in xml.items()
            if name.startswith("ppt/slides/")
            for e in root.iter()
            for t in [e.text or "", e.get("descr", "")]
        )
    )
    for unit, item in expect.denied_text:
        if unit in every:
            problems.append(f"words from '{item}', which has no consent, are in it")
    return problems


_SHOWN_ATTRIBUTES = ("descr", "title", "name")
"""Attributes a person can see in PowerPoint (alt text, titles, names in the selection pane)."""


def _visible(element: ElementTree.Element) -> list[str]:
    """The words a person could see in ``element``: its text and its shown attributes."""
    return [element.text or "", *(element.get(a, "") for a in _SHOWN_ATTRIBUTES)]


@functools.cache
def _template_texts() -> frozenset[str]:
    """Every text and attribute value in pcpv's own deck template."""
    from pcpv.deck.make_template import TEMPLATE

    found: set[str] = set()
    with zipfile.ZipFile(TEMPLATE) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                root = ElementTree.fromstring(package.read(name))
                for e in root.iter():
                    found.update(t for t in _visible(e) if t.strip())
    return frozenset(found)


def _rels_name(name: str) -> str:
    path = PurePosixPath(name)
    return str(path.parent / "_rels" / f"{path.name}.rels")


def _pictures(
    root: ElementTree.Element, slide_rels: dict[str, str]
) -> list[tuple[str, str | None]]:
    """(media part, the alt text of the picture showing it) for everything a slide embeds."""
    found: list[tuple[str, str | None]] = []
    in_pictures: set[int] = set()
    for pic in root.iter(f"{_P}pic"):
        c_nv_pr = pic.find(f".//{_P}cNvPr")
        descr = c_nv_pr.get("descr") if c_nv_pr is not None else None
        for element in pic.iter():
            in_pictures.add(id(element))
            for attr in (f"{_R}embed", f"{_R}link"):
                if element.get(attr) in slide_rels:
                    found.append((slide_rels[element.get(attr, "")], descr))
    for element in root.iter():
        if id(element) in in_pictures:
            continue
        for attr in (f"{_R}embed", f"{_R}link", f"{_R}id"):
            if element.get(attr) in slide_rels:
                found.append((slide_rels[element.get(attr, "")], None))
    return found


def _properties_problems(name: str, root: ElementTree.Element) -> list[str]:
    if name == "docProps/core.xml":
        extra = [e.tag.split("}")[-1] for e in root if e.tag not in _CORE_ALLOWED]
        if extra:
            return [f"document properties besides the title are set: {', '.join(extra)}"]
    elif name == "docProps/app.xml":
        extra = [
            e.tag.split("}")[-1] for e in root.iter() if e.tag.split("}")[-1] not in _APP_ALLOWED
        ]
        if extra:
            return [f"extra document properties are set: {', '.join(extra)}"]
    return []


def _media_problems(
    name: str,
    body: bytes,
    expect: Expectations,
    targets: set[str],
    shown_as: dict[str, list[str | None]],
) -> list[str]:
    from pcpv.media import scrub_check

    problems = []
    sha = _sha(body)
    uses = shown_as.get(name, [])
    is_symbol = (
        body.startswith(b"\x89PNG")
        and bool(uses)
        and all(d is not None and _norm(d) in expect.symbol_alts for d in uses)
    )
    if sha in expect.denied_media:
        problems.append(f"{name} is {expect.denied_media[sha]}, which has no consent")
    elif sha not in expect.allowed_media and not is_symbol:
        problems.append(f"{name} is not a file pcpv made for this copy")
    problems.extend(f"{name} still has {leak}" for leak in scrub_check(body))
    if name not in targets:
        problems.append(f"{name} is left over: no slide uses it")
    return problems


def _slide_problems(name: str, root: ElementTree.Element, expect: Expectations) -> list[str]:
    problems = []
    where = _slide_number(name)
    for crop in root.iter(f"{_A}srcRect"):
        if any(crop.get(side, "0") not in ("0", "") for side in ("l", "t", "r", "b")):
            problems.append(f"{where} has a cropped picture (the hidden part is still in the file)")
    if expect.allowed_text is None:
        return problems
    for paragraph in root.iter(f"{_A}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{_A}t"))
        if text.strip() and _norm(text) not in expect.allowed_text:
            problems.append(f"{where} shows words pcpv did not plan for it: '{text[:60]}'")
    for element in root.iter():
        descr = element.get("descr")
        if descr and _norm(descr) not in expect.allowed_text:
            problems.append(f"{where} has a picture description pcpv did not plan: '{descr[:60]}'")
    return problems


# -- the whole export -------------------------------------------------------------------------


@dataclass
class FamilyExport:
    """What ``export_family`` made."""

    path: Path
    sha256: str
    """Hash of the saved file."""
    slides: int
    included: list[ConsentItem]
    left_out: list[ConsentItem]
    """The items that stayed out, each with its reasons."""
    encrypted: bool
    record: ExportRecord
    checks: int
    """How many embedded files and slides the proof looked at."""
    seconds: float = 0.0


def default_output(project: Any, for_whom: str = "") -> Path:
    """``<Name>-family-copy[-for-<who>].pptx`` in the project folder."""
    stem = f"{project.info.name} family copy" + (f" for {for_whom}" if for_whom else "")
    slug = re.sub(r"[^\w]+", "-", stem, flags=re.UNICODE).strip("-") or "family-copy"
    return project.root / f"{slug}.pptx"


def export_family(
    project: Any,
    *,
    for_whom: str = "",
    output: Path | None = None,
    password: str | None = None,
    day: dt.date | None = None,
    symbols: Any = None,
    progress: Any = None,
) -> FamilyExport:
    """Make, prove and record the family copy of ``project`` (open for writing: the lock keeps
    consent from changing while the copy is made). See the module's docstring for the steps.

    Raises ``FamilyCopyError`` when nothing has consent, when pcpv's own wording names a private
    word, or when the proof finds anything (the file is then deleted); ``MediaError`` when a
    consented file cannot be used.
    """
    from pcpv.deck import theme
    from pcpv.deck.assets import failure_error, prepare_media
    from pcpv.deck.writer import speaker_png, write_deck

    started = time.perf_counter()
    if not getattr(project, "writable", False):
        raise UsageError("The project must be open for changing to make a family copy.")
    if password is not None:
        check_password(password)
    day = day or dt.date.today()
    book = ConsentBook.load(project.root)
    items = consent_items(project, book)
    included = [i for i in items if i.in_family_copy]
    if not any(i.kind != ItemKind.VOICE_AND_FACE for i in included):
        raise FamilyCopyError(
            "Nothing has consent for the family copy yet, so no copy was made.",
            hint="See what can be shared with: pcpv consent FOLDER list",
        )
    keys = {i.key for i in included}
    plan = plan_family_deck(project, keys, day, symbols=symbols)
    kept = {i.media.sha256 for i in included if i.media is not None}
    stray = [m for m in plan.media() if m.sha256 not in kept]
    if stray:
        raise FamilyCopyError("pcpv planned a file without consent; nothing was written.")
    found = _plan_private_words(plan, book.private_words)
    if found:
        raise FamilyCopyError(
            "The family copy was not made, because pcpv's own wording names a private word:\n"
            + "\n".join(f"  - {f}" for f in found),
            hint="Change the meeting's title or the question set's wording, or the private words.",
        )
    expect = expectations(project, items, plan, book)
    target = output if output is not None else default_output(project, for_whom)
    check_deck_output(project.root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with project.scratch() as work:
        media = prepare_media(plan.media(), work_dir=work, progress=progress)
        if media.failures:
            raise failure_error(media.failures)
        draft, plain = work / "draft.pptx", work / "family.pptx"
        written = write_deck(plan, draft, media=media, symbols=symbols, progress=progress)
        reduce_properties(draft, plain, plan.title)
        draft.unlink()
        for sha, photo in media.photos.items():
            expect.allowed_media[_sha(_ready_bytes(photo))] = f"the photo {sha[:12]}"
        for sha, clip in media.clips.items():
            expect.allowed_media[_sha_file(clip.path)] = f"the {clip.kind.value} {sha[:12]}"
            if clip.poster is not None:
                expect.allowed_media[_sha_file(clip.poster)] = f"the video picture {sha[:12]}"
        _deny_prepared_photos(project, items, expect, work)
        expect.allowed_media[_sha(speaker_png(theme.palette(plan.palette).title))] = "the speaker"
        # The copy is proved while it is still in the project's scratch folder, and only a proved
        # copy is moved to where it will be shared: an interrupted or failed check leaves nothing.
        final = work / "final.pptx"
        if password is not None:
            encrypt(plain, final, password)
        else:
            atomic_copy(plain, final)
        problems = prove(final, expect, password=password, plain_sha=_sha_file(plain), work=work)
        if problems:
            raise FamilyCopyError(
                "The family copy failed its check, so it was not saved:\n"
                + "\n".join(f"  - {p}" for p in problems),
                hint="Nothing was shared. Please report this to whoever looks after pcpv.",
            )
        atomic_copy(final, target)
    file_sha = _sha_file(target)
    record = ExportRecord(
        when=dt.datetime.now().replace(microsecond=0),
        for_whom=for_whom.strip(),
        file=str(target),
        sha256=file_sha,
        items=sorted(keys),
        encrypted=password is not None,
        private_words=book.private_words_fingerprint(),
    )
    book.exports.append(record)
    book.save(project)
    return FamilyExport(
        path=target,
        sha256=file_sha,
        slides=written.slides,
        included=included,
        left_out=[i for i in items if not i.in_family_copy],
        encrypted=password is not None,
        record=record,
        checks=len(expect.allowed_media) + written.slides,
        seconds=time.perf_counter() - started,
    )


def prove(
    path: Path,
    expect: Expectations,
    *,
    password: str | None,
    work: Path,
    plain_sha: str | None = None,
) -> list[str]:
    """Open the saved family copy again and list everything wrong with it ([] when it is clean).

    A locked copy is unlocked with its password into ``work`` (the project's scratch folder).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return [f"the saved file cannot be read ({exc.strerror})"]
    if password is not None:
        if not is_encrypted(head):
            return ["the file was meant to be locked with a password but is not"]
        opened = work / "check.pptx"
        try:
            decrypt(path, opened, password)
        except Exception as exc:  # a damaged container must fail the proof, not crash
            return [f"the locked file cannot be opened with its password ({exc})"]
        path = opened
    elif is_encrypted(head):
        return ["the file is locked, but no password was asked for"]
    problems: list[str] = []
    if plain_sha is not None and _sha_file(path) != plain_sha:
        problems.append("the saved file is not the one pcpv wrote")
    return problems + verify_family_copy(path, expect)
