"""Reading a deck's parts one by one, safely, whatever tool made it and whatever state it is in.

python-pptx reads every part up front and refuses a deck when one of them is odd, so the checker
reads the zip itself: it opens only the parts it needs, each on its own, and a part that cannot be
read becomes a finding instead of stopping the check. Decks come from anywhere (SALTs receive them
by e-mail), so everything is treated as hostile:

* zip bombs: the central directory, the number of members, every part's size and its compression
  ratio are limited, and parts are decompressed in chunks that stop at the limit;
* XML tricks: the parser never loads DTDs, never resolves entities, never touches the network and
  keeps libxml2's default depth and size limits; any part with a DTD is refused before parsing;
* not-a-deck files: a password-protected deck (an OLE compound file), PowerPoint's ``~$`` lock
  file, Word and Excel documents, OpenDocument files and damaged zips each get a plain sentence.

Strict OOXML parts are read by mapping their namespaces onto the usual (transitional) ones.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from pcpv.sniff import sniff_file

MAX_DECK_BYTES = 4 * 1024**3
"""A deck file bigger than this (4 GB) is refused before it is opened."""
MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024**2
"""The zip's table of contents; a real deck's is a few hundred kB."""
MAX_MEMBERS = 20_000
"""Files inside the zip; a 500-slide deck with media has a few thousand."""
MAX_PART_BYTES = 32 * 1024**2
"""Largest XML part read (uncompressed); a busy slide is well under 1 MB."""
MAX_TOTAL_BYTES = 256 * 1024**2
"""All XML read from one deck together."""
MAX_RATIO = 200
"""Largest uncompressed/compressed ratio accepted for a part bigger than ``RATIO_FLOOR``."""
RATIO_FLOOR = 1024**2
"""Small parts may compress very well (a part full of repeated empty shapes); only bigger ones are
held to ``MAX_RATIO``."""
_CHUNK = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_SCAN_BYTES = 8 * 1024**2

_STRICT_NAMESPACES = [
    (
        b"http://purl.oclc.org/ooxml/presentationml/main",
        b"http://schemas.openxmlformats.org/presentationml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/chart",
        b"http://schemas.openxmlformats.org/drawingml/2006/chart",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/diagram",
        b"http://schemas.openxmlformats.org/drawingml/2006/diagram",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
]


class DeckUnreadable(Exception):
    """The file cannot be checked at all; ``reason`` is a plain sentence saying why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PartError(Exception):
    """One part of an otherwise readable deck could not be read; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: what kind, and to which part (or outside address)."""

    kind: str
    """The last word of the relationship type, e.g. ``slide``, ``slideLayout``, ``image``."""
    target: str
    """The target part's name inside the zip (no leading slash), or the address if external."""
    external: bool


def _make_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def _has_dtd(data: bytes) -> bool:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return True
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
        return "<!DOCTYPE".encode(encoding) in data or "<!ENTITY".encode(encoding) in data
    return False


def _describe_ole(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(_OLE_SCAN_BYTES)
    if "PowerPoint Document".encode("utf-16-le") in head:
        return (
            "This is an old PowerPoint file (.ppt, from PowerPoint 97 to 2003), not a .pptx. "
            "Open it in PowerPoint and use File > Save As > PowerPoint Presentation (.pptx), "
            "then check the new file."
        )
    return (
        "This file has a password, so pcpv cannot look inside it. Open it in PowerPoint with "
        "the password, save a copy without one (File > Info > Protect Presentation), "
        "then check that copy."
    )


def _check_central_directory(path: Path, size: int) -> None:
    """Refuse a zip whose table of contents is too big, before ``zipfile`` loads it all."""
    tail_len = min(size, 65_536 + 22)
    with path.open("rb") as handle:
        handle.seek(size - tail_len)
        tail = handle.read(tail_len)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            raise DeckUnreadable(
                "The file is damaged: it looks like a deck that did not finish copying or "
                "downloading. Copy it again from where it came from, then check the new copy."
            )
        entries, cd_size = struct.unpack("<HI", tail[at + 10 : at + 16])
        if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
            # Zip64: the real counts are in the Zip64 end record, found through its locator.
            loc = tail.rfind(b"PK\x06\x07", 0, at)
            if loc >= 0 and loc + 20 <= len(tail):
                (end64,) = struct.unpack("<Q", tail[loc + 8 : loc + 16])
                handle.seek(min(end64, size))
                rec = handle.read(56)
                if rec[:4] == b"PK\x06\x06" and len(rec) >= 56:
                    entries, cd_size = struct.unpack("<QQ", rec[32:48])
    if entries > MAX_MEMBERS or cd_size > MAX_CENTRAL_DIRECTORY_BYTES:
        raise DeckUnreadable(
            f"The file holds {entries} files inside it, far more than any real deck. "
            "pcpv did not open it, to keep the computer safe. Ask the sender for a new copy."
        )


class Package:
    """An opened .pptx (or .potx/.ppsx/.pptm) zip, read part by part with limits."""

    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path = path
        self._zip = zf
        self._names: dict[str, str] = {
            info.filename.lower(): info.filename for info in zf.infolist()
        }
        self._parser = _make_parser()
        self._read_total = 0
        self._xml_cache: dict[str, etree._Element] = {}
        self._rels_cache: dict[str, dict[str, Relationship]] = {}

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> Package:
        """Open ``path`` or raise ``DeckUnreadable`` with a sentence saying why it cannot be."""
        name = path.name
        if name.startswith("~$"):
            raise DeckUnreadable(
                f"'{name}' is PowerPoint's lock file, made while someone has the deck open; it is "
                f"not the deck itself. Check '{name[2:]}' instead."
            )
        try:
            cls._classify(path)
        except OSError as exc:
            raise DeckUnreadable(
                f"pcpv could not open '{name}' ({exc.strerror or exc}). Check that you may read it."
            ) from None
        try:
            zf = zipfile.ZipFile(path)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,  # e.g. a zip "made by" a version zipfile refuses
            RuntimeError,
        ):
            raise DeckUnreadable(
                f"'{name}' is damaged and cannot be opened as a deck. It may not have finished "
                "copying or downloading. Copy it again, or open it in PowerPoint, which may "
                "offer to repair it."
            ) from None
        if len(zf.infolist()) > MAX_MEMBERS:
            zf.close()
            raise DeckUnreadable(f"'{name}' holds far more files than any real deck; not opened.")
        package = cls(path, zf)
        try:
            package._require_presentation()
        except DeckUnreadable:
            package.close()
            raise
        return package

    @classmethod
    def _classify(cls, path: Path) -> None:
        """Raise ``DeckUnreadable`` unless ``path`` looks like a zip that is safe to open."""
        name = path.name
        if not path.exists():
            raise DeckUnreadable(f"There is no file called '{path}'. Check the name and folder.")
        if path.is_dir():
            raise DeckUnreadable(f"'{path}' is a folder, not a deck.")
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
        if size == 0:
            raise DeckUnreadable(f"'{name}' is empty (0 bytes). Copy the deck again.")
        if size > MAX_DECK_BYTES:
            raise DeckUnreadable(
                f"'{name}' is {size / 1024**2:,.0f} MB, far bigger than a deck should be. "
                "pcpv did not open it."
            )
        if head == OLE_MAGIC:
            raise DeckUnreadable(_describe_ole(path))
        if not head.startswith(b"PK"):
            raise DeckUnreadable(cls._not_a_zip_reason(path))
        _check_central_directory(path, size)

    @staticmethod
    def _not_a_zip_reason(path: Path) -> str:
        found = sniff_file(path)
        what = f"{found.label}" if found else "not a PowerPoint deck"
        return (
            f"'{path.name}' is {what}, not a PowerPoint deck (.pptx). "
            "pcpv checks decks saved by PowerPoint, Keynote, Google Slides or LibreOffice as .pptx."
        )

    def _require_presentation(self) -> None:
        name = self.path.name
        if self.has("mimetype") and self.has("content.xml"):
            raise DeckUnreadable(
                f"'{name}' is an OpenDocument file (from LibreOffice). Open it there and use "
                "File > Save As > PowerPoint (.pptx), then check the new file."
            )
        if self.main_part():
            return
        if self.has("word/document.xml"):
            raise DeckUnreadable(f"'{name}' is a Word document, not a PowerPoint deck.")
        if self.has("xl/workbook.xml"):
            raise DeckUnreadable(f"'{name}' is an Excel workbook, not a PowerPoint deck.")
        raise DeckUnreadable(
            f"'{name}' is a zip file but not a PowerPoint deck: it has no presentation inside."
        )

    def main_part(self) -> str:
        """The presentation part's name (usually ``ppt/presentation.xml``), or "" if none."""
        try:
            for rel in self.rels("").values():
                if rel.kind == "officeDocument" and not rel.external and self.has(rel.target):
                    return rel.target
        except PartError:
            pass
        return "ppt/presentation.xml" if self.has("ppt/presentation.xml") else ""

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- parts -----------------------------------------------------------------------------------
    def has(self, part: str) -> bool:
        """Whether the zip holds ``part`` (names compare without case, as OPC says)."""
        return part.lower() in self._names

    def names(self) -> list[str]:
        """Every member's name."""
        return list(self._names.values())

    def read(self, part: str) -> bytes:
        """The bytes of ``part``, decompressed in chunks under the size and ratio limits."""
        real = self._names.get(part.lower())
        if real is None:
            raise PartError(f"the part '{part}' is missing")
        info = self._zip.getinfo(real)
        if info.file_size > MAX_PART_BYTES:
            raise PartError(f"the part '{part}' is too big to read safely")
        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_PART_BYTES:
                        raise PartError(f"the part '{part}' is too big to read safely")
                    if self._read_total + total > MAX_TOTAL_BYTES:
                        raise PartError(
                            f"the part '{part}' was not read: the deck holds more than pcpv "
                            "reads from one file"
                        )
                    if total > RATIO_FLOOR and total > MAX_RATIO * max(info.compress_size, 1):
                        raise PartError(
                            f"the part '{part}' is packed far too tightly (a 'zip bomb')"
                        )
                    chunks.append(chunk)
        except PartError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise PartError(f"the part '{part}' is damaged ({exc})") from None
        except (NotImplementedError, RuntimeError):
            raise PartError(f"the part '{part}' is packed in a way pcpv cannot read") from None
        self._read_total += total
        return b"".join(chunks)

    def head(self, part: str, size: int) -> bytes:
        """The first ``size`` bytes of ``part`` (for telling what a media file really is)."""
        real = self._names.get(part.lower())
        if real is None:
            raise PartError(f"the part '{part}' is missing")
        try:
            with self._zip.open(real) as handle:
                return handle.read(size)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise PartError(f"the part '{part}' is damaged ({exc})") from None

    def xml(self, part: str, *, cache: bool = True) -> etree._Element:
        """The parsed root element of ``part``. Raises ``PartError`` with a reason.

        Parts used again and again (layouts, masters, themes, relationships) are cached; slides
        are read with ``cache=False`` so only one slide's tree is in memory at a time.
        """
        key = part.lower()
        if key in self._xml_cache:
            return self._xml_cache[key]
        data = self.read(part)
        if _has_dtd(data):
            raise PartError(f"the part '{part}' holds a DTD, which decks never do; not read")
        if b"purl.oclc.org/ooxml/" in data:
            for strict, usual in _STRICT_NAMESPACES:
                data = data.replace(strict, usual)
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            raise PartError(f"the part '{part}' is not well-formed XML ({exc.msg})") from None
        if root is None:
            raise PartError(f"the part '{part}' is empty")
        if cache:
            self._xml_cache[key] = root
        return root

    def rels(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` ("" for the package), by id. Missing rels: empty."""
        if part in self._rels_cache:
            return self._rels_cache[part]
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        found: dict[str, Relationship] = {}
        if self.has(rels_name):
            for rel in self.xml(rels_name):
                if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                    continue
                rid, kind, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
                if not rid:
                    continue
                external = rel.get("TargetMode") == "External"
                if not external:
                    target = _resolve(folder, target)
                found[rid] = Relationship(kind.rsplit("/", 1)[-1], target, external)
        self._rels_cache[part] = found
        return found

    def related(self, part: str, kind: str) -> str:
        """The first internal part related to ``part`` with relationship ``kind``, or ""."""
        for rel in self.rels(part).values():
            if rel.kind == kind and not rel.external:
                return rel.target
        return ""


def _resolve(folder: str, target: str) -> str:
    target = unquote(target.replace("\\", "/"))
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
