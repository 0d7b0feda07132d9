"""The plain records media intake hands back, and the one way it words a refusal.

Every record is picklable (plain values, paths and bytes), so the deck builder can prepare photos
in a process pool and get the results back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import MediaError
from pcpv.model import MediaKind


@dataclass(frozen=True)
class MediaInfo:
    """What a media file is, found out quickly when the file is added (see ``inspect_media``)."""

    path: Path
    """The file that was inspected."""
    kind: MediaKind
    """Photo, audio or video, decided from the bytes and the streams inside, never from the name."""
    mime: str
    """The MIME type of the file as it is now (before any conversion)."""
    label: str
    """A plain name for the file's type, for messages, e.g. "a HEIC photo (from an iPhone or similar)"."""
    width: int | None = None
    """Width in pixels as the picture will be shown (after rotation); None for audio."""
    height: int | None = None
    """Height in pixels as the picture will be shown (after rotation); None for audio."""
    duration_s: float | None = None
    """Length in seconds of audio and video; None for photos."""
    needs_conversion: bool = False
    """True when PowerPoint cannot play or show the file as it is, so pcpv will convert it."""
    notes: tuple[str, ...] = ()
    """Plain sentences about things that are not wrong enough to refuse the file."""


@dataclass(frozen=True)
class PreparedImage:
    """A photo made ready for a slide: upright, sized for its box, every metadata block gone."""

    data: bytes
    """The encoded picture (JPEG or PNG), written afresh from the pixels."""
    format: str
    """"JPEG" or "PNG"."""
    width: int
    """Width in pixels of ``data``."""
    height: int
    """Height in pixels of ``data``."""
    sha256: str
    """Hex SHA-256 of ``data``."""
    source_label: str = ""
    """A plain name for what the photo was, e.g. "a HEIC photo (from an iPhone or similar)"."""
    notes: tuple[str, ...] = ()
    """Plain sentences about things that were fixed or could not be read (e.g. a bad colour profile)."""

    @property
    def mime(self) -> str:
        """``image/jpeg`` or ``image/png``."""
        return "image/jpeg" if self.format == "JPEG" else "image/png"

    @property
    def extension(self) -> str:
        """``.jpg`` or ``.png``."""
        return ".jpg" if self.format == "JPEG" else ".png"


@dataclass(frozen=True)
class PreparedAudio:
    """A sound clip made ready for a slide: a format PowerPoint plays, with every tag removed."""

    path: Path
    """The new file, inside the ``work_dir`` the caller gave. The caller moves or deletes it."""
    mime: str
    """``audio/mpeg``, ``audio/mp4`` or ``audio/x-wav`` (the types PowerPoint itself writes)."""
    extension: str
    """``.mp3``, ``.m4a`` or ``.wav``."""
    duration_s: float
    """Length of the clip in seconds."""
    sha256: str
    """Hex SHA-256 of the new file."""
    converted: bool = False
    """True when the sound was re-encoded (e.g. a phone's AMR voice note to AAC), not only re-wrapped."""
    notes: tuple[str, ...] = ()
    """Plain sentences about damage that did not stop the clip (skipped frames: a click or a gap)."""


@dataclass(frozen=True)
class PreparedVideo:
    """A video made ready for a slide: H.264 + AAC in MP4, upright, with no metadata or extra tracks."""

    path: Path
    """The new ``.mp4`` file, inside the ``work_dir`` the caller gave. The caller moves or deletes it."""
    poster_path: Path
    """A JPEG frame taken from the new video (upright), for PowerPoint to show before it plays."""
    width: int
    """Width in pixels of the new video, as shown."""
    height: int
    """Height in pixels of the new video, as shown."""
    duration_s: float
    """Length of the video in seconds."""
    sha256: str
    """Hex SHA-256 of the new video file."""
    has_sound: bool = True
    """False when the video has no sound track."""
    converted: bool = False
    """True when the pictures were re-encoded (other codec, rotation, size), not only re-wrapped."""
    notes: tuple[str, ...] = ()
    """Plain sentences about damage that did not stop the clip (skipped frames: a jump or a gap)."""
    mime: str = field(default="video/mp4")
    """Always ``video/mp4``."""


def media_error(path: Path, problem: str, hint: str, *, prompt: str | None = None) -> MediaError:
    """A ``MediaError`` that names the file (and the question it was for, when known).

    ``problem`` completes the sentence 'pcpv cannot use "NAME": ...'; ``hint`` says what to do next.
    """
    where = f' (for "{prompt}")' if prompt else ""
    return MediaError(f'pcpv cannot use "{path.name}"{where}: {problem}', hint=hint)


def require_readable(path: Path, prompt: str | None, *, empty_hint: str) -> None:
    """Refuse a missing, unreadable or empty file with a sentence that says what to do."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise media_error(
            path,
            "the file is not there any more.",
            "Check where it is and add it again.",
            prompt=prompt,
        ) from None
    except OSError as exc:
        raise media_error(
            path,
            f"the file cannot be read ({exc.strerror}).",
            "Check the file and try again.",
            prompt=prompt,
        ) from None
    if size == 0:
        raise media_error(path, "the file is empty.", empty_hint, prompt=prompt)
