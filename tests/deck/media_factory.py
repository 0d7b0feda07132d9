"""Small generated media for deck tests: photos with EXIF (GPS, rotation), tagged sounds, a video."""

from __future__ import annotations

import io
import math
import struct
import subprocess
import wave
from pathlib import Path

from PIL import Image, ImageDraw


def photo(
    path: Path,
    size: tuple[int, int] = (640, 480),
    *,
    colour=(30, 120, 200),
    orientation: int = 1,
    gps: bool = True,
    label: str = "",
) -> Path:
    """A JPEG with a camera EXIF block: orientation, GPS position and an artist's name."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 3, size[1] // 3), fill=(250, 200, 40))  # marks the top-left
    if label:
        draw.text((10, size[1] - 20), label, fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Jo Bloggs"  # Artist
    if gps:
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 40.0)}
    image.save(path, "JPEG", exif=exif, quality=90)
    return path


def wav(path: Path, seconds: float = 1.0, *, freq: float = 440.0) -> Path:
    """A mono 16-bit WAV tone with a LIST/INFO tag naming someone (IART)."""
    rate = 16000
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * freq * i / rate)))
        for i in range(int(rate * seconds))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    data = buffer.getvalue()
    info = b"INFO" + b"IART" + struct.pack("<I", 10) + b"Jo Bloggs\x00"
    chunk = b"LIST" + struct.pack("<I", len(info)) + info
    body = data[12:] + chunk
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    return path


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def encoded_sound(path: Path, seconds: float = 1.0) -> Path:
    """An MP3 or M4A (by ``path``'s suffix) with a title and artist tag."""
    codec = ["-c:a", "libmp3lame"] if path.suffix == ".mp3" else ["-c:a", "aac"]
    subprocess.run(
        [ffmpeg(), "-v", "error", "-f", "lavfi", "-i", f"sine=frequency=500:duration={seconds}",
         *codec, "-metadata", "artist=Jo Bloggs", "-metadata", "title=Secret", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path


def video(path: Path, seconds: float = 1.0) -> Path:
    """A small H.264 + AAC MP4 with a title tag."""
    subprocess.run(
        [ffmpeg(), "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=320x240:rate=10:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=300:duration={seconds}",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
         "-metadata", "title=Secret", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path


def symbol(path: Path, colour=(200, 40, 40)) -> Path:
    """A simple square PNG standing in for a symbol."""
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((20, 20, 236, 236), fill=(*colour, 255))
    image.save(path, "PNG")
    return path
