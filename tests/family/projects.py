"""Projects for consent and family-copy tests: the shipped examples when present, else our own.

Every media file made here carries metadata on purpose (EXIF GPS and an artist's name, an XMP
packet, WAV LIST/INFO, ID3/MP4 tags), so the tests can prove the family copy holds none of it.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path

from PIL import Image, ImageDraw

from pcpv.model import WordsBy
from pcpv.project import Project

from conftest import REPO, make_info

EXAMPLES = ("sam-ctr", "alex-cpa")
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator='
    b'"Nurse Ratched"/></rdf:RDF></x:xmpmeta>'
)


def photo(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (480, 360)) -> Path:
    """A JPEG with EXIF (GPS, artist) and an XMP packet naming someone."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 3, size[1] // 3), fill=(250, 200, 40))
    draw.ellipse((size[0] // 2, size[1] // 2, size[0] - 10, size[1] - 10), fill=(20, 20, 20))
    exif = Image.Exif()
    exif[0x013B] = "Jo Bloggs"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 40.0)}
    image.save(path, "JPEG", exif=exif, xmp=XMP, quality=90)
    return path


def wav(path: Path, freq: float) -> Path:
    """A short WAV tone with a LIST/INFO chunk naming someone."""
    rate = 8000
    frames = b"".join(
        struct.pack("<h", int(9000 * math.sin(2 * math.pi * freq * i / rate)))
        for i in range(rate // 2)
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    data = buffer.getvalue()
    info = b"INFO" + b"IART" + struct.pack("<I", 10) + b"Jo Bloggs\x00"
    body = data[12:] + b"LIST" + struct.pack("<I", len(info)) + info
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)
    return path


def video(path: Path) -> Path:
    """A one-second H.264 + AAC MP4 with a title tag."""
    import imageio_ffmpeg

    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error",
         "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
         "-f", "lavfi", "-i", "sine=frequency=300:duration=1",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
         "-metadata", "title=Oak Ward", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path


def build_own(root: Path, inputs: Path, *, with_video: bool = True) -> Path:
    """Sam's CTR project: own words and staff's words, a choice, symbols only, photos, sounds and
    a video; one photo used in two answers."""
    inputs.mkdir(parents=True, exist_ok=True)
    pitch = photo(inputs / "pitch.jpg", (40, 160, 60))
    room = photo(inputs / "room.jpg", (160, 60, 40))
    garden = photo(inputs / "garden.jpg", (60, 60, 200))
    tune = wav(inputs / "tune.wav", 440.0)
    name = wav(inputs / "name.wav", 660.0)
    Project.create(root, make_info())
    with Project.open_for_writing(root) as p:
        p.set_words("my-name", "Sam. Only my nan calls me Samuel.")
        p.add_media("my-name", name, caption="Me saying my name")
        p.set_words("things-i-like", "Playing my guitar with Bella.\nGoing to the shop on Fridays.")
        p.set_symbols("things-i-like", ["guitar", "shop"])
        p.add_media("things-i-like", pitch, caption="The football pitch where I play")
        p.add_media("things-i-like", tune, caption="A tune I play on my guitar")
        p.set_symbols("important-to-me", ["heart", "dog"])
        p.set_words("feel-safe", "I feel safe in my room on Oak Ward most days.")
        p.set_choice("feel-safe", "Sometimes")
        p.set_words(
            "when-upset", "Sam goes to his room and plays quiet music for a while.", WordsBy.STAFF
        )
        p.set_words("my-room", "My room has my posters and my guitar in it.")
        p.add_media("my-room", room, caption="My room with the blue posters")
        p.set_words("good-home", "A little house with a garden and a dog.")
        p.add_media("good-home", garden, caption="A garden like the one I want")
        p.add_media("good-home", pitch, caption="The football pitch where I play")
        if with_video:
            p.add_media("keep-well", video(inputs / "goal.mp4"), caption="My goal on Friday")
            p.set_words("keep-well", "I walk round the garden every single day.")
    return root


def example_or_own(name: str, target: Path) -> Path:
    """A copy of ``examples/<name>`` at ``target`` when it exists, else a project of our own."""
    source = REPO / "examples" / name
    if (source / "project.yaml").is_file() and (source / "answers.yaml").is_file():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".pcpv.lock*", "*.pptx"))
        return target
    return build_own(target, target.parent / f"{target.name}-inputs")
