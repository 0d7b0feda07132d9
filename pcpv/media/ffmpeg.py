"""Running the ffmpeg that ships with ``imageio-ffmpeg``, and reading what it says about a file.

Never a system ffmpeg: the bundled one is the same on every machine, so a deck made on a locked-down
NHS laptop behaves like one made in the tests. ffmpeg always runs from an argument list (no shell),
with ``-nostdin`` (so it can never wait for a key press) and a timeout.

``imageio-ffmpeg`` ships no ffprobe, so ``probe`` reads the summary ffmpeg prints for ``-i FILE``.
That text is meant for people, so the parsing below is deliberately forgiving: anything it cannot
find is left as None and the callers decide what that means.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

PROBE_TIMEOUT_S = 30.0
"""Reading a file's header; a healthy file takes well under a second."""


class FfmpegFailed(Exception):
    """ffmpeg could not do what was asked. Callers turn this into a ``MediaError`` naming the file."""

    def __init__(self, reason: str, stderr: str = "", *, timed_out: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.stderr = stderr
        self.timed_out = timed_out


@cache
def ffmpeg_exe() -> str:
    """Path of the bundled ffmpeg binary."""
    import imageio_ffmpeg  # deferred: finding the binary touches the file system

    return imageio_ffmpeg.get_ffmpeg_exe()


def file_arg(path: Path) -> str:
    """A file name as an ffmpeg argument that can only mean that file.

    Absolute, so a name starting with "-" is never read as an option and a name like
    "concat:a|b" or "http:..." is never read as a protocol.
    """
    return str(Path(path).absolute())


def _run(args: list[str], timeout_s: float) -> tuple[bytes, str]:
    command = [ffmpeg_exe(), "-nostdin", "-hide_banner", *args]
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace")
        raise FfmpegFailed("it took too long", stderr, timed_out=True) from exc
    except OSError as exc:
        raise FfmpegFailed(f"the converter could not start ({exc.strerror})") from exc
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise FfmpegFailed(_last_error_line(stderr), stderr)
    return done.stdout, stderr


def run_ffmpeg(args: list[str], *, timeout_s: float) -> tuple[str, ...]:
    """Run the bundled ffmpeg with ``args`` (after ``-nostdin -hide_banner``).

    Returns the lines ffmpeg complained with while still succeeding (with ``-v error``: damaged
    frames it skipped). Raises ``FfmpegFailed`` when it exits with an error or runs longer than
    ``timeout_s`` (the process is killed then).
    """
    _stdout, stderr = _run(args, timeout_s)
    return _lines(stderr)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def ffmpeg_bytes(args: list[str], *, timeout_s: float) -> bytes:
    """Like ``run_ffmpeg`` but returns stdout as bytes (e.g. a frame written to ``-``)."""
    stdout, _stderr = _run(args, timeout_s)
    return stdout


def _last_error_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else "the converter stopped with an error"


@dataclass(frozen=True)
class Stream:
    """One stream ffmpeg found in a file."""

    index: int
    """ffmpeg's stream number inside the file (for ``-map 0:INDEX``)."""
    type: str
    """"video", "audio", "subtitle", "data" or "attachment"."""
    codec: str
    """ffmpeg's codec name, e.g. "h264", "hevc", "aac", "amr_nb", "mp3", "pcm_s16le"."""
    pix_fmt: str | None = None
    """Pixel format of a video stream, e.g. "yuv420p"."""
    width: int | None = None
    """Coded width of a video stream, before rotation."""
    height: int | None = None
    """Coded height of a video stream, before rotation."""
    channels: int | None = None
    """Number of sound channels (1 mono, 2 stereo, 6 for 5.1)."""
    rotation: int = 0
    """Rotation in the display matrix, in degrees, normalised to 0, 90, 180 or 270."""
    attached_pic: bool = False
    """True for cover art stored as a video stream (m4a, mp3): a picture, not a video."""


@dataclass(frozen=True)
class Probe:
    """What ffmpeg read from a file's header."""

    container: str
    """ffmpeg's demuxer names, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "mp3", "wav", "amr"."""
    duration_s: float | None
    """Length in seconds from the header, when given."""
    streams: tuple[Stream, ...]
    """Every stream, in file order."""

    def first(self, kind: str) -> Stream | None:
        """The first real stream of ``kind`` ("video" skips cover art), or None."""
        for stream in self.streams:
            if stream.type == kind and not stream.attached_pic:
                return stream
        return None


_INPUT_RE = re.compile(r"^Input #0, (?P<container>[^ ]+), from ", re.MULTILINE)
_DURATION_RE = re.compile(r"Duration: (?P<h>\d+):(?P<m>\d\d):(?P<s>\d\d(?:\.\d+)?)")
_STREAM_RE = re.compile(
    r"^\s*Stream #0:(?P<index>\d+)[^:]*: (?P<type>Video|Audio|Subtitle|Data|Attachment): "
    r"(?P<rest>.*)$"
)
_SIZE_RE = re.compile(r"(?<![0-9x])(\d{2,5})x(\d{2,5})(?![0-9x])")
_ROTATION_RE = re.compile(r"display ?matrix: rotation of (-?\d+(?:\.\d+)?) degrees", re.IGNORECASE)
_CHANNELS = {"mono": 1, "stereo": 2, "2.1": 3, "quad": 4, "5.0": 5, "5.1": 6, "7.1": 8}


def parse_probe(stderr: str) -> Probe | None:
    """Read ffmpeg's ``-i`` summary; None when ffmpeg found no input it could read."""
    found = _INPUT_RE.search(stderr)
    if not found:
        return None
    duration = None
    if match := _DURATION_RE.search(stderr):
        duration = int(match["h"]) * 3600 + int(match["m"]) * 60 + float(match["s"])
    streams: list[Stream] = []
    for line in stderr[found.end() :].splitlines():
        if match := _STREAM_RE.match(line):
            streams.append(_parse_stream(int(match["index"]), match["type"].lower(), match["rest"]))
        elif streams and (rot := _ROTATION_RE.search(line)):
            streams[-1] = replace(streams[-1], rotation=_normal_rotation(rot.group(1)))
    return Probe(
        container=found["container"].rstrip(","), duration_s=duration, streams=tuple(streams)
    )


def _normal_rotation(text: str) -> int:
    return round(float(text) / 90) * 90 % 360


def _parse_stream(index: int, kind: str, rest: str) -> Stream:
    parts = [part.strip() for part in re.split(r",(?![^(]*\))", rest)]
    codec = parts[0].split(" ", 1)[0] if parts and parts[0] else "unknown"
    pix_fmt = width = height = channels = None
    if kind == "video" and len(parts) > 1:
        pix_fmt = parts[1].split("(", 1)[0].strip() or None
        if size := _SIZE_RE.search(rest):
            width, height = int(size.group(1)), int(size.group(2))
    if kind == "audio":
        for part in parts[1:]:
            word = part.split(" ", 1)[0]
            if word in _CHANNELS:
                channels = _CHANNELS[word]
            elif m := re.match(r"(\d+) channels", part):
                channels = int(m.group(1))
    return Stream(
        index=index,
        type=kind,
        codec=codec,
        pix_fmt=pix_fmt,
        width=width,
        height=height,
        channels=channels,
        attached_pic="(attached pic)" in rest,
    )


def probe(path: Path) -> Probe:
    """What ffmpeg finds in ``path``. Raises ``FfmpegFailed`` when it cannot read the file at all."""
    # `ffmpeg -i FILE` with no output always exits with an error; the summary is on stderr anyway.
    command = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-i", file_arg(path)]
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise FfmpegFailed("it took too long to read", timed_out=True) from exc
    except OSError as exc:
        raise FfmpegFailed(f"the converter could not start ({exc.strerror})") from exc
    result = parse_probe(done.stderr)
    if result is None:
        raise FfmpegFailed(_last_error_line(done.stderr), done.stderr)
    return result


@dataclass(frozen=True)
class Decoded:
    """What came out of decoding one stream to nowhere."""

    seconds: float
    """How many seconds of sound or pictures were decoded."""
    errors: tuple[str, ...]
    """The decoder's complaints (damaged frames it skipped); empty for a healthy file."""


def decode_stream(
    path: Path, stream_index: int, *, limit_s: float | None, timeout_s: float
) -> Decoded:
    """Decode one stream of ``path`` (up to ``limit_s`` seconds): how much came out, and any damage.

    This is the honest answer to "is there any sound (or picture) here?": headers can claim a
    length for a file that holds nothing, and a damaged file can stop early or skip frames with
    only a complaint (ffmpeg still exits cleanly then).
    """
    args = ["-v", "error", "-i", file_arg(path), "-map", f"0:{stream_index}"]
    if limit_s is not None:
        args += ["-t", f"{limit_s:.3f}"]
    args += _TO_NOWHERE
    return _decoded(*_run(args, timeout_s))


_TO_NOWHERE = ["-f", "null", "-progress", "pipe:1", "-nostats", "-"]


def write_and_decode(args: list[str], stream_index: int, *, timeout_s: float) -> Decoded:
    """Run ffmpeg with ``args`` (``-v error``, the input and one output file) and, in the same
    run, decode stream ``stream_index`` of the input to nowhere, as ``decode_stream`` does.

    One run instead of two: when the output copies the stream unchanged, decoding the input
    checks the very bytes written, and starting the bundled ffmpeg costs about as much as
    decoding a voice note. The complaints returned cover both outputs. Raises ``FfmpegFailed``.
    """
    return _decoded(*_run([*args, "-map", f"0:{stream_index}", *_TO_NOWHERE], timeout_s))


_LEVEL_TAG_RE = re.compile(r"\[(error|fatal|panic)\] ")
_INFO_TAG = "[info] "


def probe_write_and_decode(
    path: Path, output_args: list[str], *, timeout_s: float
) -> tuple[Probe | None, Decoded]:
    """``probe`` and ``write_and_decode`` in one run, for a file not probed yet.

    The first sound stream of ``path`` (``0:a:0``) goes to the output described by
    ``output_args`` and is decoded to nowhere. ffmpeg runs at the "info" level with each line
    tagged, so the summary ``probe`` reads (None if there is none) and the complaints
    ``-v error`` would show can be told apart. Raises ``FfmpegFailed``.
    """
    stdout, stderr = _run(
        ["-loglevel", "level+info", "-i", file_arg(path), "-map", "0:a:0", *output_args,
         "-map", "0:a:0", *_TO_NOWHERE],
        timeout_s,
    )  # fmt: skip
    summary: list[str] = []
    complaints: list[str] = []
    in_summary = True
    for line in stderr.splitlines():
        if line.startswith(_INFO_TAG):
            text = line[len(_INFO_TAG) :]
            # The input's summary ends where ffmpeg starts describing its outputs.
            in_summary = in_summary and not text.startswith(("Stream mapping:", "Output #"))
            if in_summary:
                summary.append(text)
        elif _LEVEL_TAG_RE.search(line):
            complaints.append(_LEVEL_TAG_RE.sub("", line).strip())
    decoded = _decoded(stdout, "")
    return parse_probe("\n".join(summary)), Decoded(decoded.seconds, tuple(complaints))


def _decoded(stdout: bytes, stderr: str) -> Decoded:
    """Read how far the decoding got from ffmpeg's ``-progress`` report on stdout."""
    seconds = 0.0
    for line in stdout.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition("=")
        if key == "out_time_us" and value.strip().lstrip("-").isdigit():
            seconds = max(seconds, int(value) / 1_000_000)
    return Decoded(seconds, _lines(stderr))
