"""Sound clips: accept what PowerPoint plays, convert what it cannot, strip every tag.

PowerPoint plays WAV, MP3 and AAC in M4A. Phones also hand over AMR voice notes (``.amr``,
audio-only ``.3gp``), Ogg/Opus from messaging apps and FLAC: those are converted to AAC in M4A.

Tags hide in many places (ID3v2 at the front of an MP3, ID3v1 and APEv2 at its end, ``LIST/INFO``
and ``id3 `` chunks in WAV, ``ilst`` atoms with cover art in M4A, Vorbis comments and pictures).
Rather than hunt each one, the sound stream alone is copied (or re-encoded) into a new file with
``-map_metadata -1`` and ffmpeg's bit-exact mode, which writes no encoder tag either. Only the
first sound stream travels: cover art, which ffmpeg sees as a video stream, never does.
"""

from __future__ import annotations

from pathlib import Path

from pcpv import sniff
from pcpv.media.ffmpeg import (
    Decoded,
    FfmpegFailed,
    decode_stream,
    file_arg,
    probe_write_and_decode,
    run_ffmpeg,
    write_and_decode,
)
from pcpv.media.records import MediaInfo, PreparedAudio, media_error
from pcpv.media.scrub import blank_mp4_metadata
from pcpv.media.streams import (
    FFMPEG_BASE_TIMEOUT_S,
    MIN_SOUND_S,
    NO_SOUND_HINT,
    AvSource,
    finish_output,
    open_av,
    remove_quietly,
    scratch_path,
    screen_av,
    timeout_for,
    usable_source,
)
from pcpv.model import MediaKind

AAC_BITRATE = "128k"
"""Bit rate for sound pcpv converts to AAC: clear speech and music at a modest size."""
AAC_SAMPLE_RATE = "44100"
"""AMR is 8 kHz; PowerPoint and every player handle 44.1 kHz AAC."""
INSPECT_DECODE_S = 60.0
"""``inspect_media`` decodes at most this much sound to prove the file holds some."""

_PCM_KEPT = {"pcm_s16le", "pcm_u8", "pcm_s24le"}
# (output extension, MIME PowerPoint writes, ffmpeg muxer)
_WAV = (".wav", "audio/x-wav", "wav")
_MP3 = (".mp3", "audio/mpeg", "mp3")
_M4A = (".m4a", "audio/mp4", "ipod")
_CLEAN = [
    "-map_metadata",
    "-1",
    "-map_chapters",
    "-1",
    "-fflags",
    "+bitexact",
    "-flags:a",
    "+bitexact",
]


def _plan(source: AvSource) -> tuple[tuple[str, str, str], list[str], bool]:
    """(output kind, codec arguments, converted?) for the sound in ``source``."""
    stream = source.audio
    assert stream is not None
    codec = stream.codec
    if source.file_type is sniff.WAV:
        if codec in _PCM_KEPT:
            return _WAV, ["-c:a", "copy"], False
        return _WAV, ["-c:a", "pcm_s16le"], True
    if codec == "mp3" and source.file_type in (sniff.MP3, sniff.TEXT, None):
        # No ID3v2 or ID3v1 written; the Xing header (kept) gives players the exact length.
        return _MP3, ["-c:a", "copy", "-id3v2_version", "0", "-write_id3v1", "0"], False
    if codec == "aac" and source.file_type in (
        sniff.M4A,
        sniff.MP4,
        sniff.AAC,
        sniff.THREE_GP,
        sniff.MOV,
    ):
        return _M4A, ["-c:a", "copy"], False
    args = ["-c:a", "aac", "-b:a", AAC_BITRATE, "-ar", AAC_SAMPLE_RATE]
    if stream.channels and stream.channels > 2:
        args += ["-ac", "2"]
    return _M4A, args, True


def _open_sound(path: Path, prompt: str | None) -> AvSource:
    source = open_av(path, prompt=prompt, wanted="sound")
    if source.video is not None:
        raise media_error(
            path, "it is a video, not a sound.", "Add it as a video instead.", prompt=prompt
        )
    if source.audio is None:
        raise media_error(path, "there is no sound in this file.", NO_SOUND_HINT, prompt=prompt)
    return source


DAMAGED_NOTE = "Part of the sound is damaged: you may hear a click or a short gap."


def _decoded_or_refuse(
    path: Path,
    stream_index: int,
    *,
    limit_s: float | None,
    duration_s: float | None,
    prompt: str | None,
    decode: Path | None = None,
) -> Decoded:
    """Decode the sound of ``decode`` (default ``path``); refuse silence. Messages name ``path``."""
    try:
        result = decode_stream(
            decode or path, stream_index, limit_s=limit_s, timeout_s=timeout_for(duration_s)
        )
    except FfmpegFailed as exc:
        problem = (
            "it took too long to read, so it is probably damaged."
            if exc.timed_out
            else "the sound in it is damaged and cannot be played."
        )
        raise media_error(path, problem, NO_SOUND_HINT, prompt=prompt) from None
    if result.seconds < MIN_SOUND_S:
        raise media_error(path, "there is no sound in this file.", NO_SOUND_HINT, prompt=prompt)
    return result


def inspect_audio(path: Path, *, prompt: str | None = None) -> MediaInfo:
    """Check that ``path`` holds sound pcpv can use; report its length and whether it will be converted."""
    source = _open_sound(path, prompt)
    assert source.audio is not None
    decoded = _decoded_or_refuse(
        path,
        source.audio.index,
        limit_s=INSPECT_DECODE_S,
        duration_s=source.probe.duration_s,
        prompt=prompt,
    )
    # Past the decoded minute, trust the header for the length.
    whole = decoded.seconds < INSPECT_DECODE_S
    duration = decoded.seconds if whole else (source.probe.duration_s or decoded.seconds)
    _kind, _args, converted = _plan(source)
    return MediaInfo(
        path=path,
        kind=MediaKind.AUDIO,
        mime=source.mime,
        label=source.label,
        duration_s=duration,
        needs_conversion=converted,
        notes=(DAMAGED_NOTE,) if decoded.errors else (),
    )


def _healthy_m4a_in_one_run(
    path: Path, found: sniff.FileType, work_dir: Path
) -> PreparedAudio | None:
    """The usual phone voice note (AAC in M4A) in one run of ffmpeg instead of two: probe, copy
    the sound without tags and decode it, together. None, leaving nothing behind, when the file
    turns out to be anything but a healthy M4A holding AAC sound: the careful path then judges
    it and words any refusal. Starting the bundled ffmpeg costs as much as probing a file."""
    (extension, mime, muxer), codec_args, _converted = _M4A, ["-c:a", "copy"], False
    output = scratch_path(work_dir, "audio", extension)
    output_args = ["-vn", "-sn", "-dn", *codec_args, *_CLEAN, "-movflags", "+faststart"]
    output_args += ["-f", muxer, "-y", file_arg(output)]
    try:
        try:
            probed, decoded = probe_write_and_decode(
                path, output_args, timeout_s=FFMPEG_BASE_TIMEOUT_S
            )
        except FfmpegFailed:
            probed, decoded = None, Decoded(0.0, ())
        source = usable_source(path, found, probed) if probed else None
        if (
            source is None
            or source.video is not None
            or source.audio is None
            or _plan(source) != (_M4A, codec_args, False)
            or decoded.errors
            or decoded.seconds < MIN_SOUND_S
        ):
            remove_quietly(output)
            return None
        blank_mp4_metadata(output)
        digest = finish_output(output)
    except BaseException:
        remove_quietly(output)
        raise
    return PreparedAudio(
        path=output,
        mime=mime,
        extension=extension,
        duration_s=decoded.seconds,
        sha256=digest,
        converted=False,
        notes=(),
    )


def prepare_audio(path: Path, *, work_dir: Path, prompt: str | None = None) -> PreparedAudio:
    """Write a tag-free copy of the sound in ``path`` into ``work_dir``, in a format PowerPoint plays.

    WAV stays WAV (16-bit PCM), MP3 stays MP3, AAC stays AAC in M4A; everything else (AMR, 3GP,
    Ogg/Opus, FLAC...) becomes AAC in M4A. The new file belongs to the caller; on failure nothing
    is left in ``work_dir``. Raises ``MediaError`` naming the file (and ``prompt``).
    """
    found = screen_av(path, prompt=prompt, wanted="sound")
    if found is sniff.M4A:
        done = _healthy_m4a_in_one_run(path, found, work_dir)
        if done is not None:
            return done
    source = _open_sound(path, prompt)
    assert source.audio is not None
    (extension, mime, muxer), codec_args, converted = _plan(source)
    output = scratch_path(work_dir, "audio", extension)
    args = [
        "-v",
        "error",
        "-i",
        file_arg(path),
        "-map",
        f"0:{source.audio.index}",
        "-vn",
        "-sn",
        "-dn",
        *codec_args,
        *_CLEAN,
    ]
    if muxer == "ipod":
        args += ["-movflags", "+faststart"]
    args += ["-f", muxer, "-y", file_arg(output)]
    timeout_s = timeout_for(source.probe.duration_s)
    try:
        if converted:
            complaints = run_ffmpeg(args, timeout_s=timeout_s)
            checked = None
        else:
            # A copied stream is the input's own packets: decoding the input in the same run
            # checks the bytes written, for one start of ffmpeg instead of two.
            checked = write_and_decode(args, source.audio.index, timeout_s=timeout_s)
            complaints = checked.errors
        if muxer == "ipod":
            blank_mp4_metadata(output)
        if checked is None or complaints or checked.seconds < MIN_SOUND_S:
            # Converted, or something is wrong: the exact check of the file written (the length
            # reported by a two-output run also counts packets that were copied but not decoded).
            checked = _decoded_or_refuse(
                path,
                0,
                limit_s=None,
                duration_s=source.probe.duration_s,
                prompt=prompt,
                decode=output,
            )
        decoded = checked
        digest = finish_output(output)
    except FfmpegFailed as exc:
        remove_quietly(output)
        if not converted:  # the copy and the decoding ran together: the same words as decoding
            problem = (
                "it took too long to read, so it is probably damaged."
                if exc.timed_out
                else "the sound in it is damaged and cannot be played."
            )
        elif exc.timed_out:
            problem = "it took too long to convert, so it is probably damaged."
        else:
            problem = "the sound in it could not be converted; the file may be damaged."
        raise media_error(path, problem, NO_SOUND_HINT, prompt=prompt) from None
    except BaseException:
        remove_quietly(output)
        raise
    return PreparedAudio(
        path=output,
        mime=mime,
        extension=extension,
        duration_s=decoded.seconds,
        sha256=digest,
        converted=converted,
        notes=(DAMAGED_NOTE,) if complaints or decoded.errors else (),
    )
