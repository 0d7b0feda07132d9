"""Videos: H.264 + AAC in MP4, upright, with one picture track, one sound track and no metadata.

Phones add GPS (QuickTime ``mdta`` keys on iPhones, a ``©xyz`` atom on Android), timed metadata
tracks and vendor boxes. ``-map_metadata -1`` alone still copies extra tracks, so exactly one video
stream and at most one sound stream are mapped, and the empty ``udta`` ffmpeg writes is blanked.

A clip already in H.264 (8-bit 4:2:0) + AAC and not rotated is only re-wrapped (fast, no loss).
Anything else - HEVC, 10-bit, other codecs, a rotation in the display matrix, a picture larger than
``MAX_VIDEO_EDGE`` - is re-encoded; ffmpeg's autorotate applies the rotation, so the new file
needs none and the poster frame (taken from the new file) comes out upright.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from pcpv.deck.theme import JPEG_QUALITY
from pcpv.media.ffmpeg import FfmpegFailed, Probe, ffmpeg_bytes, file_arg, probe, run_ffmpeg
from pcpv.media.records import MediaInfo, PreparedVideo, media_error
from pcpv.media.scrub import blank_mp4_metadata
from pcpv.media.streams import (
    AvSource,
    finish_output,
    open_av,
    remove_quietly,
    scratch_path,
    timeout_for,
)
from pcpv.model import MediaKind
from pcpv.safe_io import atomic_write_bytes

MAX_VIDEO_EDGE = 1920
"""Longest side of a video pcpv writes (Full HD): meeting-room projectors show no more, and 4K
phone clips would make the deck huge."""
X264_PRESET = "veryfast"
"""Encoding speed: two slow cores must convert a phone clip in about its own length."""
X264_CRF = 23
"""x264's default quality."""
AAC_BITRATE = "128k"
"""Bit rate for re-encoded sound."""
POSTER_AT_S = 1.0
"""Poster frame time; clips shorter than twice this use their middle (the first frame is often black)."""

_COPYABLE_PIX_FMTS = {"yuv420p", "yuvj420p"}
DAMAGED_NOTE = "Part of the video is damaged: it may jump or pause for a moment."
_FAILED_HINT = "Copy the video from the phone again, or choose a different one."
_CLEAN = [
    "-map_metadata",
    "-1",
    "-map_chapters",
    "-1",
    "-dn",
    "-sn",
    "-fflags",
    "+bitexact",
    "-flags:v",
    "+bitexact",
    "-flags:a",
    "+bitexact",
    "-movflags",
    "+faststart",
]


def _open_video(path: Path, prompt: str | None) -> AvSource:
    source = open_av(path, prompt=prompt, wanted="video")
    if source.video is None:
        raise media_error(
            path,
            "there are no moving pictures in it: it is a sound file.",
            "Add it as a sound instead.",
            prompt=prompt,
        )
    return source


def _upright_size(source: AvSource) -> tuple[int | None, int | None]:
    video = source.video
    assert video is not None
    if video.rotation in (90, 270):
        return video.height, video.width
    return video.width, video.height


def _needs_video_encode(source: AvSource) -> bool:
    video = source.video
    assert video is not None
    too_big = max(video.width or 0, video.height or 0) > MAX_VIDEO_EDGE
    return (
        video.codec != "h264"
        or video.pix_fmt not in _COPYABLE_PIX_FMTS
        or video.rotation != 0
        or too_big
    )


def inspect_video(path: Path, *, prompt: str | None = None) -> MediaInfo:
    """Check that ``path`` is a video pcpv can use; report its upright size and length (header only)."""
    source = _open_video(path, prompt)
    width, height = _upright_size(source)
    audio = source.audio
    return MediaInfo(
        path=path,
        kind=MediaKind.VIDEO,
        mime=source.mime,
        label=source.label,
        width=width,
        height=height,
        duration_s=source.probe.duration_s,
        needs_conversion=_needs_video_encode(source)
        or (audio is not None and audio.codec != "aac"),
    )


def _scale_filter() -> str:
    # After autorotate, iw/ih are the upright size. Shrink the long side to MAX_VIDEO_EDGE (never
    # enlarge); -2 keeps the shape with an even number, which 4:2:0 H.264 needs.
    edge = MAX_VIDEO_EDGE
    return (
        f"scale=w='if(gte(iw,ih),min({edge},iw),-2)':h='if(gte(iw,ih),-2,min({edge},ih))',"
        "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p"
    )


def _transcode_args(source: AvSource) -> tuple[list[str], bool]:
    video, audio = source.video, source.audio
    assert video is not None
    args = ["-map", f"0:{video.index}"]
    if audio is not None:
        args += ["-map", f"0:{audio.index}"]
    converted = _needs_video_encode(source)
    if converted:
        args += [
            "-c:v",
            "libx264",
            "-preset",
            X264_PRESET,
            "-crf",
            str(X264_CRF),
            "-profile:v",
            "high",
            "-vf",
            _scale_filter(),
        ]
    else:
        args += ["-c:v", "copy"]
    if audio is not None:
        if audio.codec == "aac":
            args += ["-c:a", "copy"]
        else:
            args += ["-c:a", "aac", "-b:a", AAC_BITRATE]
            if audio.channels and audio.channels > 2:
                args += ["-ac", "2"]
    return args, converted


def _poster(video_path: Path, result: Probe, poster_path: Path, timeout_s: float) -> None:
    duration = result.duration_s or 0.0
    at = POSTER_AT_S if duration >= 2 * POSTER_AT_S else duration / 2
    # The frame comes back on stdout: no scratch file, and no image2 file-name patterns ("%d")
    # to trip over in a folder name.
    seek = ["-ss", f"{at:.3f}", "-i", file_arg(video_path), "-map", "0:v:0", "-frames:v", "1"]
    png = ffmpeg_bytes(
        ["-v", "error", *seek, "-f", "image2pipe", "-c:v", "png", "-"], timeout_s=timeout_s
    )
    if not png:
        raise FfmpegFailed("no frame came out")
    try:
        with Image.open(io.BytesIO(png), formats=["PNG"]) as im:
            rgb = im.convert("RGB")
    except (OSError, SyntaxError, ValueError) as exc:
        raise FfmpegFailed("the poster frame could not be read") from exc
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG", quality=JPEG_QUALITY)
    atomic_write_bytes(poster_path, buffer.getvalue())


def prepare_video(path: Path, *, work_dir: Path, prompt: str | None = None) -> PreparedVideo:
    """Write an upright, metadata-free H.264 + AAC MP4 of ``path``, and a poster JPEG, into ``work_dir``.

    Both files belong to the caller; on failure nothing is left in ``work_dir``. Raises
    ``MediaError`` naming the file (and ``prompt``).
    """
    source = _open_video(path, prompt)
    output = scratch_path(work_dir, "video", ".mp4")
    poster = output.with_name(output.stem + "-poster.jpg")
    codec_args, converted = _transcode_args(source)
    timeout_s = timeout_for(source.probe.duration_s)
    try:
        source_args = ["-v", "error", "-i", file_arg(path)]
        output_args = ["-f", "mp4", "-y", file_arg(output)]
        complaints = run_ffmpeg(
            [*source_args, *codec_args, *_CLEAN, *output_args], timeout_s=timeout_s
        )
        blank_mp4_metadata(output)
        result = probe(output)
        made = result.first("video")
        if made is None or not made.width or not made.height:
            raise FfmpegFailed("the new video has no pictures")
        _poster(output, result, poster, timeout_s)
        digest = finish_output(output)
    except FfmpegFailed as exc:
        remove_quietly(output, poster)
        problem = (
            "it took too long to convert, so it is probably damaged."
            if exc.timed_out
            else "the video in it could not be converted; the file may be damaged."
        )
        raise media_error(path, problem, _FAILED_HINT, prompt=prompt) from None
    except BaseException:
        remove_quietly(output, poster)
        raise
    return PreparedVideo(
        path=output,
        poster_path=poster,
        width=made.width,
        height=made.height,
        duration_s=result.duration_s or 0.0,
        sha256=digest,
        has_sound=result.first("audio") is not None,
        converted=converted,
        notes=(DAMAGED_NOTE,) if complaints else (),
    )
