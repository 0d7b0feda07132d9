"""What sound and video intake share: telling what a file really holds, and scratch files.

A file is judged by its bytes first (``pcpv.sniff``), then by what ffmpeg finds inside. Bytes that
sniff as nothing are still given to ffmpeg: an MP3 with garbage in front sniffs as nothing but
plays fine. Every refusal names the file and says what to do.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from pcpv import sniff
from pcpv.errors import MediaError
from pcpv.media.ffmpeg import FfmpegFailed, Probe, Stream, probe
from pcpv.media.records import media_error, require_readable
from pcpv.model import MediaKind

MIN_SOUND_S = 0.05
"""Less decoded sound than this counts as "no sound in this file"."""
FFMPEG_BASE_TIMEOUT_S = 120.0
"""Every ffmpeg run gets this long, plus ``FFMPEG_TIMEOUT_PER_S`` per second of media."""
FFMPEG_TIMEOUT_PER_S = 4.0
"""Transcoding phone video on two slow cores runs at about real time; four times is a safe margin."""
UNKNOWN_LENGTH_S = 600.0
"""Length assumed for timeouts when a file does not say how long it is."""

NO_SOUND_HINT = "Record or copy the sound again, then add the new file."


@dataclass(frozen=True)
class AvSource:
    """A sound or video file after its bytes and streams were read."""

    path: Path
    """The file."""
    file_type: sniff.FileType | None
    """What the first bytes say (None when they match nothing, e.g. garbage before an MP3)."""
    probe: Probe
    """What ffmpeg found inside."""

    @property
    def audio(self) -> Stream | None:
        """The first sound stream, if any."""
        return self.probe.first("audio")

    @property
    def video(self) -> Stream | None:
        """The first real video stream (not cover art), if any."""
        return self.probe.first("video")

    @property
    def kind(self) -> MediaKind:
        """Video when there are moving pictures, otherwise audio (e.g. an audio-only .3gp or .mp4)."""
        return MediaKind.VIDEO if self.video else MediaKind.AUDIO

    @property
    def label(self) -> str:
        """A plain name of the file's type, for messages."""
        if self.file_type is None:
            return "a sound file"
        if self.file_type is sniff.THREE_GP and self.kind is MediaKind.AUDIO:
            return "a phone voice recording (3GP)"
        return self.file_type.label

    @property
    def mime(self) -> str:
        """MIME type of the file as it is."""
        if self.file_type is None:
            return (
                "audio/mpeg"
                if self.audio and self.audio.codec == "mp3"
                else "application/octet-stream"
            )
        if self.kind is MediaKind.AUDIO and self.file_type.kind is MediaKind.VIDEO:
            return "audio/3gpp" if self.file_type is sniff.THREE_GP else "audio/mp4"
        return self.file_type.mime


def check_readable(path: Path, prompt: str | None) -> None:
    """Refuse a missing, unreadable or empty sound or video file."""
    require_readable(path, prompt, empty_hint=NO_SOUND_HINT)


def open_av(path: Path, *, prompt: str | None, wanted: str) -> AvSource:
    """Read ``path`` as sound or video (``wanted`` is "sound" or "video", for messages).

    Refuses photos, documents and text with a message saying what the file is; refuses files
    that look like sound but hold none with "there is no sound in this file".
    """
    found = screen_av(path, prompt=prompt, wanted=wanted)
    try:
        probed = probe(path)
    except FfmpegFailed as exc:
        raise _unreadable(path, found, wanted, prompt, exc) from None
    source = usable_source(path, found, probed)
    if source is None:
        raise _unreadable(path, found, wanted, prompt, None)
    return source


def screen_av(path: Path, *, prompt: str | None, wanted: str) -> sniff.FileType | None:
    """What the bytes of ``path`` say it is (``sniff``), after refusing what cannot be a sound or
    video: a missing or empty file, a photo, a document. The first half of ``open_av``."""
    check_readable(path, prompt)
    found = sniff.sniff_file(path)
    if found is not None and found.kind is MediaKind.PHOTO:
        raise media_error(
            path,
            f"it is not a {wanted}: it looks like {found.label}.",
            "Add it as a photo instead, or choose a different file.",
            prompt=prompt,
        )
    if found is not None and found.kind is None and found is not sniff.TEXT:
        raise media_error(
            path,
            f"it is not a {wanted}: it looks like {found.label}.",
            f"Choose a {wanted} file instead.",
            prompt=prompt,
        )
    return found


def usable_source(path: Path, found: sniff.FileType | None, probed: Probe) -> AvSource | None:
    """The file as an ``AvSource``, or None when ffmpeg found nothing in it that can be played
    (the second half of ``open_av``, which then refuses it)."""
    source = AvSource(path, found, probed)
    if source.audio is None and source.video is None:
        return None
    if found in (None, sniff.TEXT) and source.audio is None:
        return None
    return source


def _unreadable(
    path: Path,
    found: sniff.FileType | None,
    wanted: str,
    prompt: str | None,
    exc: FfmpegFailed | None,
) -> MediaError:
    if exc is not None and exc.timed_out:
        return media_error(
            path,
            "it took too long to read, so it is probably damaged.",
            "Copy the file again, or choose a different one.",
            prompt=prompt,
        )
    if found is sniff.TEXT:
        return media_error(
            path,
            f"it is not a {wanted}: it looks like a text file.",
            f"Choose a {wanted} file instead.",
            prompt=prompt,
        )
    if found is None:
        return media_error(
            path,
            f"pcpv does not recognise it as a {wanted}.",
            f"Choose a {wanted} file (for example one recorded on a phone) instead.",
            prompt=prompt,
        )
    if found.kind is MediaKind.AUDIO or wanted == "sound":
        return media_error(
            path,
            "there is no sound in this file. It may be damaged, or hold only a title or a picture.",
            NO_SOUND_HINT,
            prompt=prompt,
        )
    return media_error(
        path,
        f"it looks like {found.label}, but nothing inside it can be played.",
        "Copy the video from the phone again, or choose a different one.",
        prompt=prompt,
    )


def timeout_for(duration_s: float | None) -> float:
    """How long one ffmpeg run may take on media of this length."""
    length = duration_s if duration_s and duration_s > 0 else UNKNOWN_LENGTH_S
    return FFMPEG_BASE_TIMEOUT_S + FFMPEG_TIMEOUT_PER_S * length


def scratch_path(work_dir: Path, prefix: str, suffix: str) -> Path:
    """A new, unused file name inside ``work_dir`` (which the caller made private)."""
    if not work_dir.is_dir():
        raise ValueError(f"work_dir {work_dir} is not a folder")
    return work_dir / f"{prefix}-{secrets.token_hex(8)}{suffix}"


def finish_output(path: Path) -> str:
    """Make a file ffmpeg wrote owner-only; return its SHA-256."""
    if sys.platform != "win32":
        # ffmpeg creates files with the default umask; patient media is for the owner only.
        path.chmod(0o600)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def remove_quietly(*paths: Path) -> None:
    """Delete scratch files made by a run that failed."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
