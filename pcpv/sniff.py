"""What kind of file is this? Decided by its first bytes, never by its name.

Messaging apps rename files freely (PNG bytes called ``.jpg``, WebP called ``.png``), so the name is
only a hint. This reads at most ``HEAD_BYTES`` and recognises the photo, sound and video formats a
phone, camera or computer is likely to hand a SALT, plus a few common "wrong" files (PDF, Office,
zip) so the message can say what the file is instead of only what it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pcpv.model import MediaKind

HEAD_BYTES = 4096
"""Enough for every signature below, including an MP3 with a short ID3 tag in front."""


@dataclass(frozen=True)
class FileType:
    """A recognised file type."""

    kind: MediaKind | None
    """Photo, audio or video; None for files pcpv cannot use as media (PDF, zip...)."""
    mime: str
    extension: str
    """The extension pcpv gives the file in ``media/``, with the dot."""
    label: str
    """A plain name for messages, e.g. "a JPEG photo"."""


JPEG = FileType(MediaKind.PHOTO, "image/jpeg", ".jpg", "a JPEG photo")
PNG = FileType(MediaKind.PHOTO, "image/png", ".png", "a PNG picture")
GIF = FileType(MediaKind.PHOTO, "image/gif", ".gif", "a GIF picture")
WEBP = FileType(MediaKind.PHOTO, "image/webp", ".webp", "a WebP picture")
BMP = FileType(MediaKind.PHOTO, "image/bmp", ".bmp", "a BMP picture")
TIFF = FileType(MediaKind.PHOTO, "image/tiff", ".tif", "a TIFF picture")
HEIC = FileType(MediaKind.PHOTO, "image/heic", ".heic", "a HEIC photo (from an iPhone or similar)")
AVIF = FileType(MediaKind.PHOTO, "image/avif", ".avif", "an AVIF picture")
WAV = FileType(MediaKind.AUDIO, "audio/wav", ".wav", "a WAV sound")
MP3 = FileType(MediaKind.AUDIO, "audio/mpeg", ".mp3", "an MP3 sound")
M4A = FileType(MediaKind.AUDIO, "audio/mp4", ".m4a", "an M4A sound")
AAC = FileType(MediaKind.AUDIO, "audio/aac", ".aac", "an AAC sound")
OGG = FileType(MediaKind.AUDIO, "audio/ogg", ".ogg", "an Ogg sound")
FLAC = FileType(MediaKind.AUDIO, "audio/flac", ".flac", "a FLAC sound")
AMR = FileType(MediaKind.AUDIO, "audio/amr", ".amr", "an AMR voice recording (from a phone)")
MP4 = FileType(MediaKind.VIDEO, "video/mp4", ".mp4", "an MP4 video")
MOV = FileType(MediaKind.VIDEO, "video/quicktime", ".mov", "a QuickTime video (from an iPhone)")
THREE_GP = FileType(MediaKind.VIDEO, "video/3gpp", ".3gp", "a 3GP video (from a phone)")
WEBM = FileType(MediaKind.VIDEO, "video/webm", ".webm", "a WebM video")
AVI = FileType(MediaKind.VIDEO, "video/x-msvideo", ".avi", "an AVI video")

PDF = FileType(None, "application/pdf", ".pdf", "a PDF document")
ZIP = FileType(None, "application/zip", ".zip", "a zip file or an Office document")
OLE = FileType(
    None, "application/x-ole-storage", ".ole", "an old Office file or a password-protected document"
)
SVG = FileType(None, "image/svg+xml", ".svg", "an SVG drawing (use it as a symbol, not a photo)")
TEXT = FileType(None, "text/plain", ".txt", "a text file")

_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}
_QT_BRANDS = {b"qt  "}
_3GP_PREFIXES = (b"3gp", b"3g2")


def _sniff_ftyp(head: bytes) -> FileType | None:
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    brands = {major}
    # Compatible brands follow the minor version; the box is at most `size` bytes long.
    end = min(max(size, 16), len(head))
    brands.update(head[i : i + 4] for i in range(16, end - 3, 4))
    if major in _AVIF_BRANDS:
        return AVIF
    if major in _HEIF_BRANDS or (
        brands & _HEIF_BRANDS and not brands & {b"isom", b"mp41", b"mp42"}
    ):
        return HEIC
    if major in _AUDIO_BRANDS:
        return M4A
    if major in _QT_BRANDS:
        return MOV
    if major.startswith(_3GP_PREFIXES):
        # Phones write voice notes as audio-only .3gp; telling them apart needs the track list,
        # which media intake reads. Here a 3GP counts as video.
        return THREE_GP
    return MP4


def _looks_like_mp3(head: bytes) -> bool:
    if head.startswith(b"ID3"):
        return True
    # An MPEG audio frame header: 11 set sync bits, a valid layer and bitrate index.
    for i in range(min(len(head) - 3, 2048)):
        if head[i] == 0xFF and head[i + 1] & 0xE0 == 0xE0:
            layer = (head[i + 1] >> 1) & 0x03
            bitrate = head[i + 2] >> 4
            if layer != 0 and bitrate not in (0, 15) and (head[i + 2] >> 2) & 0x03 != 3:
                return i == 0 or head[:i].strip(b"\x00") == b""
    return False


def sniff_bytes(head: bytes) -> FileType | None:
    """The type of a file starting with ``head``, or None when it is not one pcpv recognises."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return WAV
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return AVI
    if head[:2] == b"BM" and len(head) >= 14:
        return BMP
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    found = _sniff_ftyp(head)
    if found:
        return found
    if head.startswith(b"#!AMR"):
        return AMR
    if head.startswith(b"OggS"):
        return OGG
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    if head[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return AAC
    if _looks_like_mp3(head):
        return MP3
    if head.startswith(b"%PDF"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<svg", b"<?xml")) and b"<svg" in head:
        return SVG
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return TEXT if head else None


def sniff_file(path: Path) -> FileType | None:
    """The type of the file at ``path``, read from its first bytes."""
    with path.open("rb") as handle:
        return sniff_bytes(handle.read(HEAD_BYTES))
