"""Reading a family copy back for tests, independently of ``pcpv.family``'s own proof: python-pptx
for the slides, Pillow for the pictures, msoffcrypto for the lock."""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import msoffcrypto
from PIL import Image
from pptx import Presentation

from pcpv.consent import ConsentBook, ConsentItem, ItemKind, consent_items
from pcpv.deck.assets import photo_box_px
from pcpv.media import prepare_audio, prepare_photo, scrub_check
from pcpv.project import Project


@dataclass
class Copy:
    """What a family copy holds."""

    parts: dict[str, bytes]
    slide_texts: list[str]
    """Per slide: every paragraph and every picture description, joined."""
    has_notes: bool
    media_hashes: set[str] = field(default_factory=set)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(t.split()) for t in self.slide_texts).casefold()


def plain_bytes(path: Path, password: str | None) -> bytes:
    data = path.read_bytes()
    if password is None:
        return data
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.load_key(password=password)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def read_copy(path: Path, password: str | None = None) -> Copy:
    data = plain_bytes(path, password)
    package = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: package.read(name) for name in package.namelist()}
    prs = Presentation(io.BytesIO(data))
    texts = []
    has_notes = False
    for slide in prs.slides:
        has_notes = has_notes or slide.has_notes_slide
        found = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                found.extend(p.text for p in shape.text_frame.paragraphs)
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            found.extend(descr)
        texts.append("\n".join(found))
    copy = Copy(parts=parts, slide_texts=texts, has_notes=has_notes)
    copy.media_hashes = {
        hashlib.sha256(body).hexdigest()
        for name, body in parts.items()
        if name.startswith("ppt/media/")
    }
    return copy


def metadata_left(copy: Copy) -> list[str]:
    """Every trace of metadata found by scrub_check and by Pillow, plus document properties."""
    found = []
    for name, body in copy.parts.items():
        if name.startswith("ppt/media/"):
            found += [f"{name}: {p}" for p in scrub_check(body)]
            if name.endswith((".jpg", ".jpeg", ".png")):
                image = Image.open(io.BytesIO(body))
                if dict(image.getexif()):
                    found.append(f"{name}: EXIF")
                if any(k in image.info for k in ("xmp", "XML:com.adobe.xmp", "exif", "comment")):
                    found.append(f"{name}: {sorted(image.info)}")
        if name.startswith(("docProps/thumbnail", "ppt/notesSlides/", "docProps/custom")):
            found.append(name)
    core = copy.parts["docProps/core.xml"].decode()
    tags = set(re.findall(r"<(\w+:\w+)[ >]", core)) - {"cp:coreProperties", "dc:title"}
    if tags:
        found.append(f"core properties: {sorted(tags)}")
    return found


def prepared_hash(item: ConsentItem, work: Path) -> str | None:
    """The hash a photo or sound would have once prepared for a deck (None for videos)."""
    assert item.path is not None
    if item.kind == ItemKind.PHOTO:
        return prepare_photo(item.path, box_px=photo_box_px(), work_dir=work).sha256
    if item.kind == ItemKind.AUDIO:
        sound = prepare_audio(item.path, work_dir=work)
        digest = hashlib.sha256(Path(sound.path).read_bytes()).hexdigest()
        Path(sound.path).unlink()
        return digest
    return None


def shown_words(xml: bytes) -> str:
    """The words of an XML part a person could see: element text, alt text, titles and names.
    (Attribute values such as ``cap="flat"`` are drawing settings, not words.)"""
    text = re.sub(r"<[^>]*>", " ", xml.decode("utf-8"))
    shown = re.findall(r'\s(?:descr|title|name)="([^"]*)"', xml.decode("utf-8"))
    return html.unescape(text + " " + " ".join(shown))


def sentences(text: str) -> list[str]:
    return [
        " ".join(s.split()).casefold()
        for s in re.split(r"(?<=[.!?])\s+|\n+", text)
        if len(s.split()) >= 3
    ]


def leaks(root: Path, copy: Copy, work: Path) -> list[str]:
    """Everything in ``copy`` that has no consent, judged from consent.yaml and the answers."""
    project = Project.open(root)
    book = ConsentBook.load(root)
    items = consent_items(project, book)
    shared = [i for i in items if i.in_family_copy]
    shared_text = " ".join(" ".join(i.text().split()) for i in shared).casefold()
    found = []
    for item in items:
        if item.in_family_copy or item.kind == ItemKind.VOICE_AND_FACE:
            continue
        if item.media is not None:
            if item.media.sha256 in copy.media_hashes:
                found.append(f"the original file of {item.key}")
            prepared = prepared_hash(item, work)
            if prepared is not None and prepared in copy.media_hashes:
                found.append(f"the prepared file of {item.key}")
        for sentence in sentences(item.text()):
            if sentence not in shared_text and sentence in copy.all_text:
                found.append(f"words of {item.key}: {sentence}")
    for word in book.private_words:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in word.split()) + r"(?!\w)"
        for name, body in copy.parts.items():
            if name.endswith(".xml") and re.search(pattern, shown_words(body), re.I):
                found.append(f"private word {word!r} in {name}")
    videos = [n for n in copy.parts if n.startswith("ppt/media/") and n.endswith(".mp4")]
    shared_videos = [i for i in shared if i.kind == ItemKind.VIDEO]
    if len(videos) > len(shared_videos):
        found.append(f"{len(videos)} videos for {len(shared_videos)} consented")
    return found
