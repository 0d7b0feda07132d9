"""Proof that a prepared file carries no metadata: the checks tests and the family-copy export run.

``scrub_check`` reads the file's structure (JPEG segments, PNG chunks, RIFF chunks, MP3 tag
blocks, MP4 boxes) and lists every place where metadata could hide. An empty list means clean.
It reads structure only, so it is quick and needs neither Pillow nor ffmpeg.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pcpv import sniff

Buffer = bytes | bytearray | memoryview | mmap.mmap

_PNG_HARMLESS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"pHYs",
    b"sBIT",
    b"bKGD",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
_PNG_NAMED = {
    b"tEXt": "a text block (tEXt)",
    b"zTXt": "a compressed text block (zTXt)",
    b"iTXt": "an international text block (iTXt, where XMP lives)",
    b"eXIf": "an EXIF block (eXIf)",
    b"tIME": "a last-changed time (tIME)",
    b"iCCP": "a colour profile (iCCP)",
}
_WAV_ALLOWED = {b"fmt ", b"data", b"fact"}
_MP4_TOP_ALLOWED = {
    b"ftyp",
    b"moov",
    b"mdat",
    b"free",
    b"skip",
    b"wide",
    b"styp",
    b"sidx",
    b"moof",
    b"mfra",
}
_MP4_METADATA = {b"udta", b"meta", b"ilst", b"keys", b"XMP_", b"uuid", b"cprt", b"loci"}
_MP4_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"edts", b"mvex"}
_AV_HANDLERS = {b"vide", b"soun"}


@contextmanager
def _buffer(data_or_path: bytes | bytearray | Path) -> Iterator[Buffer]:
    if isinstance(data_or_path, (bytes, bytearray)):
        yield data_or_path
        return
    with Path(data_or_path).open("rb") as handle:
        if handle.seek(0, 2) == 0:
            yield b""
            return
        # mmap: a video can be hundreds of MB; only the structure is read.
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield mapped


def scrub_check(data_or_path: bytes | bytearray | Path) -> list[str]:
    """Every place metadata remains in a JPEG, PNG, WAV, MP3 or MP4/M4A/MOV file; [] when clean.

    Each entry is a plain sentence. For kinds of file it cannot check, it says so (it never
    reports an unchecked file as clean).
    """
    with _buffer(data_or_path) as data:
        found = sniff.sniff_bytes(bytes(data[: sniff.HEAD_BYTES]))
        if not data:
            return ["the file is empty"]
        if found is sniff.JPEG:
            return _jpeg(data)
        if found is sniff.PNG:
            return _png(data)
        if found is sniff.WAV:
            return _wav(data)
        if found is sniff.MP3:
            return _mp3(data)
        if found in (sniff.MP4, sniff.M4A, sniff.MOV, sniff.THREE_GP):
            return _mp4(data)
        label = found.label if found else "a file of unknown kind"
        return [f"pcpv cannot check {label} for metadata"]


def _jpeg(data: Buffer) -> list[str]:
    problems: list[str] = []
    pos, end = 2, len(data)
    eoi = None
    while pos + 2 <= end:
        if data[pos] != 0xFF:
            problems.append(f"unexpected bytes inside the JPEG at offset {pos}")
            break
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            eoi = pos + 2
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        body = bytes(data[pos + 4 : pos + 2 + length][:32])
        problem = _jpeg_segment(marker, body)
        if problem:
            problems.append(problem)
        pos += 2 + length
        if marker == 0xDA:
            pos = _after_entropy_data(data, pos)
    if eoi is None:
        problems.append("the JPEG has no end-of-picture marker")
    elif bytes(data[eoi:]).strip(b"\x00"):
        problems.append(f"{len(data) - eoi} bytes are hidden after the end of the picture")
    return problems


def _after_entropy_data(data: Buffer, pos: int) -> int:
    """Position of the next marker after compressed picture data (0xFF00 and restarts are data)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1
            continue
        return pos


def _jpeg_segment(marker: int, body: bytes) -> str | None:
    if marker == 0xFE:
        return "a comment (COM)"
    if marker == 0xE0:
        return (
            None
            if body.startswith(b"JFIF\x00")
            else "an extra APP0 block (for example a thumbnail)"
        )
    if marker == 0xE1:
        if body.startswith(b"Exif"):
            return "an EXIF block (camera, time, GPS)"
        if body.startswith(b"http://ns.adobe.com/xap") or body.startswith(
            b"http://ns.adobe.com/xmp"
        ):
            return "an XMP block"
        return "an APP1 block"
    if marker == 0xED:
        return "a Photoshop/IPTC block (APP13)"
    if marker == 0xE2:
        if body.startswith(b"MPF"):
            return "a multi-picture index (MPF)"
        if body.startswith(b"ICC_PROFILE"):
            return "a colour profile (ICC)"
        return "an APP2 block"
    if marker == 0xEE:
        return None if body.startswith(b"Adobe") else "an APP14 block"
    if 0xE3 <= marker <= 0xEF:
        return f"an APP{marker - 0xE0} block"
    return None


def _png(data: Buffer) -> list[str]:
    problems: list[str] = []
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = bytes(data[pos + 4 : pos + 8])
        if kind in _PNG_NAMED:
            problems.append(_PNG_NAMED[kind])
        elif kind not in _PNG_HARMLESS:
            problems.append(f"an unknown PNG block ({kind.decode('latin-1')})")
        pos += 12 + length
        if kind == b"IEND":
            break
    else:
        problems.append("the PNG has no end block")
        return problems
    if bytes(data[pos:]).strip(b"\x00"):
        problems.append(f"{end - pos} bytes are hidden after the end of the picture")
    return problems


def _wav(data: Buffer) -> list[str]:
    problems: list[str] = []
    riff_end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    pos = 12
    while pos + 8 <= riff_end:
        kind = bytes(data[pos : pos + 4])
        size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if kind == b"LIST":
            sub = bytes(data[pos + 8 : pos + 12]).decode("latin-1")
            problems.append(f"a LIST/{sub.strip()} block (title, artist, software...)")
        elif kind in (b"id3 ", b"ID3 "):
            problems.append("an ID3 tag block")
        elif kind not in _WAV_ALLOWED:
            problems.append(f"an extra '{kind.decode('latin-1')}' block")
        pos += 8 + size + (size & 1)
    if bytes(data[riff_end:]).strip(b"\x00"):
        problems.append(f"{len(data) - riff_end} bytes are hidden after the end of the sound")
    return problems


def _mp3(data: Buffer) -> list[str]:
    problems: list[str] = []
    if bytes(data[:3]) == b"ID3":
        problems.append("an ID3v2 tag at the start")
    if len(data) >= 128 and bytes(data[-128:-125]) == b"TAG":
        problems.append("an ID3v1 tag at the end")
    if data.find(b"APETAGEX") >= 0:
        problems.append("an APE tag")
    if data.find(b"LYRICSBEGIN") >= 0:
        problems.append("a Lyrics3 tag")
    if len(data) >= 10 and data.rfind(b"3DI", max(0, len(data) - 300)) >= 0:
        problems.append("an ID3v2 tag at the end")
    return problems


def _boxes(data: Buffer, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, box end) of each MP4 box between ``start`` and ``end``."""
    for kind, _box_start, body, box_end in _boxes_at(data, start, end):
        yield kind, body, box_end


def _boxes_at(data: Buffer, start: int, end: int) -> Iterator[tuple[bytes, int, int, int]]:
    """(type, box start, body start, box end) of each MP4 box between ``start`` and ``end``."""
    pos = start
    while pos + 8 <= end:
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind = bytes(data[pos + 4 : pos + 8])
        header = 8
        if size == 1 and pos + 16 <= end:
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield kind, pos, pos + header, min(pos + size, end)
        pos += size


def _mp4(data: Buffer) -> list[str]:
    problems: list[str] = []
    handlers: list[bytes] = []
    for kind, body, box_end in _boxes(data, 0, len(data)):
        if kind not in _MP4_TOP_ALLOWED:
            problems.append(f"an extra '{kind.decode('latin-1')}' block in the file")
        if kind == b"moov":
            _mp4_walk(data, body, box_end, "moov", problems, handlers)
    for handler in sorted(set(handlers)):
        count = handlers.count(handler)
        if handler not in _AV_HANDLERS:
            problems.append(f"an extra track of kind '{handler.decode('latin-1')}'")
        elif count > 1:
            problems.append(
                f"{count} tracks of kind '{handler.decode('latin-1')}' (only one belongs)"
            )
    return problems


def _mp4_walk(
    data: Buffer, start: int, end: int, where: str, problems: list[str], handlers: list[bytes]
) -> None:
    for kind, body, box_end in _boxes(data, start, end):
        name = kind.decode("latin-1")
        if kind in _MP4_METADATA or kind.startswith(b"\xa9"):
            problems.append(f"a metadata block '{name}' in {where}")
        elif kind == b"hdlr" and where.endswith("mdia"):
            handlers.append(bytes(data[body + 8 : body + 12]))
        elif kind in _MP4_CONTAINERS:
            _mp4_walk(data, body, box_end, f"{where}/{name}", problems, handlers)


def blank_mp4_metadata(path: Path) -> int:
    """Turn every ``udta``/``meta`` box of an MP4's ``moov`` (and its tracks) into zeroed ``free`` space.

    ffmpeg's MP4 muxer always writes an (empty) iTunes ``udta/meta/ilst``, even with
    ``-map_metadata -1``. Rewriting those boxes in place as ``free`` keeps every byte offset (so
    the sample tables stay right) and leaves nothing for any reader to find. Returns how many boxes
    were blanked.
    """
    edits: list[tuple[int, int, int]] = []
    with _buffer(path) as data:
        for kind, _start, body, box_end in _boxes_at(data, 0, len(data)):
            if kind == b"moov":
                _metadata_boxes(data, body, box_end, edits)
    if edits:
        with path.open("r+b") as handle:
            for box_start, body, box_end in edits:
                handle.seek(box_start + 4)
                handle.write(b"free")
                handle.seek(body)
                handle.write(bytes(box_end - body))
    return len(edits)


def _metadata_boxes(data: Buffer, start: int, end: int, edits: list[tuple[int, int, int]]) -> None:
    for kind, box_start, body, box_end in _boxes_at(data, start, end):
        if kind in (b"udta", b"meta"):
            edits.append((box_start, body, box_end))
        elif kind == b"trak":
            _metadata_boxes(data, body, box_end, edits)
