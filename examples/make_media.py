"""Make the example projects' pictures, sounds and video, so no real person's media is ever needed.

Everything is drawn or synthesised here: flat, friendly scenes drawn with Pillow (no faces, no
people), a short melody and a "spoken-style" message made of tones with the ``wave`` module, and a
4-second video of a football going into a goal, encoded to H.264 + AAC with the ffmpeg that
imageio-ffmpeg bundles. The output is the same, byte for byte, on every run (seeded random numbers,
fixed metadata, ffmpeg's bit-exact mode with 1 thread).

Some files carry the kind of metadata real phone files carry, so the examples also exercise pcpv's
clean-up: ``bedroom-guitar.jpg`` has EXIF orientation 6 (its pixels are stored sideways) and fake GPS,
camera and artist fields; ``football-pitch.jpg`` has orientation 6 too; ``message-for-mam.wav``
carries a ``LIST/INFO`` chunk with a title and artist; the video has a fake location and title.
The GPS position is a made-up point in the North Sea, not a real place of care.

Usage: python examples/make_media.py [OUT_DIR]   (default: examples/media)
"""

from __future__ import annotations

import io
import math
import random
import struct
import subprocess
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PHOTO_SIZE = (1600, 1200)
"""Photos are about the size a phone's "medium" setting gives, big enough to show downscaling."""
JPEG_QUALITY = 82
SAMPLE_RATE = 16000
"""Mono 16-bit audio at 16 kHz: small files that still sound like music and speech."""
VIDEO_SIZE = (480, 360)
VIDEO_FPS = 15
VIDEO_SECONDS = 4
SEED = 20270115
"""One seed for everything; change it and every file changes."""

# Fake metadata of the kind a phone writes. Nothing here is true of any real person or place.
FAKE_GPS = (55.0, 30.0, 0.0), "N", (1.0, 0.0, 0.0), "W"  # a point at sea off the North East coast
FAKE_CAMERA = ("ExampleCam", "ExampleCam Phone 3", "Ward tablet")
FAKE_DATETIME = "2026:11:20 14:32:05"

# A friendly flat palette: soft, clear colours, dark outlines.
INK = (51, 51, 68)
SKY = (186, 225, 247)
GRASS = (120, 190, 110)
GRASS_DARK = (96, 165, 90)
SUN = (255, 211, 92)
WOOD = (176, 122, 78)
WOOD_DARK = (130, 86, 54)
CREAM = (253, 246, 227)
RED = (230, 96, 86)
BLUE = (84, 140, 214)
YELLOW = (250, 204, 80)
PURPLE = (160, 120, 200)
WHITE = (255, 255, 255)
GREY = (170, 172, 180)
PINK = (242, 160, 180)


# -- drawing helpers ------------------------------------------------------------------------------


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's bundled default font: the same on every machine with the same Pillow.
    return ImageFont.load_default(size=size)


def _flower(d: ImageDraw.ImageDraw, x: int, y: int, r: int, colour: tuple[int, int, int]) -> None:
    d.line([(x, y), (x, y + 5 * r)], fill=GRASS_DARK, width=max(3, r // 3))
    for i in range(5):
        a = 2 * math.pi * i / 5
        px, py = x + int(r * math.cos(a)), y + int(r * math.sin(a))
        d.ellipse([px - r, py - r, px + r, py + r], fill=colour)
    d.ellipse([x - r // 1.6, y - r // 1.6, x + r // 1.6, y + r // 1.6], fill=YELLOW)


def _tree(d: ImageDraw.ImageDraw, x: int, ground: int, size: int) -> None:
    d.rectangle([x - size // 8, ground - size, x + size // 8, ground], fill=WOOD)
    for dx, dy, r in ((0, -size * 1.25, size * 0.55), (-size * 0.4, -size, size * 0.45),
                      (size * 0.4, -size, size * 0.45)):  # fmt: skip
        cx, cy = x + dx, ground + dy
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=GRASS_DARK)


def _star(
    d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, int, int]
) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + math.pi * i / 5
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    d.polygon(points, fill=fill, outline=INK)


def _football(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, turn: float = 0.0) -> None:
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=WHITE, outline=INK, width=max(2, int(r / 14)))

    def pentagon(px: float, py: float, pr: float, spin: float) -> None:
        pts = [(px + pr * math.cos(spin + 2 * math.pi * k / 5),
                py + pr * math.sin(spin + 2 * math.pi * k / 5)) for k in range(5)]  # fmt: skip
        d.polygon(pts, fill=INK)

    pentagon(cx, cy, r * 0.3, turn - math.pi / 2)
    for k in range(5):
        a = turn - math.pi / 2 + 2 * math.pi * k / 5
        pentagon(cx + r * 0.78 * math.cos(a), cy + r * 0.78 * math.sin(a), r * 0.2, a + math.pi / 2)


def _goal(d: ImageDraw.ImageDraw, x0: int, y0: int, x1: int, y1: int, wobble: float = 0.0) -> None:
    step = max(6, (x1 - x0) // 12)
    for x in range(x0, x1 + 1, step):
        d.line([(x, y0), (x + wobble * math.sin(x), y1)], fill=GREY, width=2)
    for y in range(y0, y1 + 1, step):
        d.line([(x0, y), (x1, y + wobble * math.cos(y))], fill=GREY, width=2)
    post = max(6, (x1 - x0) // 30)
    d.rectangle([x0 - post, y0 - post, x0, y1], fill=WHITE, outline=INK)
    d.rectangle([x1, y0 - post, x1 + post, y1], fill=WHITE, outline=INK)
    d.rectangle([x0 - post, y0 - post, x1 + post, y0], fill=WHITE, outline=INK)


# -- the scenes -----------------------------------------------------------------------------------


def draw_garden(rng: random.Random) -> Image.Image:
    """A garden on a sunny day: flower beds, a tree, a bench and a watering can."""
    w, h = PHOTO_SIZE
    img = Image.new("RGB", PHOTO_SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.ellipse([1250, 80, 1450, 280], fill=SUN)
    for _ in range(3):
        cx, cy = rng.randint(150, 1100), rng.randint(90, 260)
        for dx in (0, 70, 140):
            d.ellipse([cx + dx, cy, cx + dx + 130, cy + 80], fill=WHITE)
    d.rectangle([0, 700, w, h], fill=GRASS)
    d.rectangle([0, 640, w, 700], fill=WOOD)  # a low wooden fence: no walls or wire
    for x in range(0, w, 80):
        d.rectangle([x + 10, 600, x + 60, 700], fill=WOOD, outline=WOOD_DARK, width=3)
    _tree(d, 1300, 900, 300)
    d.rectangle([100, 880, 900, 1000], fill=WOOD_DARK)  # flower bed
    for _ in range(22):
        _flower(d, rng.randint(130, 870), rng.randint(820, 900), rng.randint(16, 26),
                rng.choice([RED, PINK, PURPLE, YELLOW, WHITE]))  # fmt: skip
    d.rectangle([880, 740, 1180, 770], fill=WOOD, outline=INK, width=3)  # bench seat
    d.rectangle([880, 680, 1180, 705], fill=WOOD, outline=INK, width=3)  # bench back
    for x in (900, 1150):
        d.rectangle([x, 770, x + 18, 840], fill=WOOD_DARK)
    d.polygon([(300, 1080), (420, 1080), (400, 1160), (320, 1160)], fill=BLUE, outline=INK)
    d.line([(420, 1095), (500, 1050)], fill=BLUE, width=14)  # watering can spout
    return img


def draw_bedroom_guitar(rng: random.Random) -> Image.Image:
    """A tidy bedroom: a bed with a bright cover, a poster of stars, a guitar against the wall."""
    w, h = PHOTO_SIZE
    img = Image.new("RGB", PHOTO_SIZE, (236, 226, 250))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 860, w, h], fill=(205, 170, 130))
    for x in range(0, w, 160):
        d.line([(x, 860), (x - 120, h)], fill=(190, 155, 118), width=4)  # floor boards
    d.rectangle([120, 160, 520, 480], fill=CREAM, outline=INK, width=6)  # poster
    for _ in range(7):
        _star(d, rng.randint(170, 470), rng.randint(210, 430), rng.randint(22, 40),
              rng.choice([YELLOW, PINK, BLUE]))  # fmt: skip
    d.rectangle([100, 640, 900, 900], fill=BLUE, outline=INK, width=6)  # bed cover
    d.rectangle([100, 600, 300, 660], fill=WHITE, outline=INK, width=5)  # pillow
    for x in range(140, 900, 90):
        d.line([(x, 660), (x, 900)], fill=(110, 160, 226), width=10)  # stripes on the cover
    d.rectangle([80, 560, 110, 960], fill=WOOD_DARK)
    d.rectangle([900, 700, 925, 960], fill=WOOD_DARK)
    # The guitar: two round parts of the body, a sound hole, a neck, a head and 6 strings.
    gx, gy = 1250, 800
    d.ellipse([gx - 170, gy - 40, gx + 170, gy + 260], fill=(214, 128, 58), outline=INK, width=6)
    d.ellipse([gx - 130, gy - 200, gx + 130, gy + 60], fill=(214, 128, 58), outline=INK, width=6)
    d.rectangle([gx - 128, gy - 40, gx + 128, gy + 40], fill=(214, 128, 58))
    d.ellipse([gx - 55, gy - 20, gx + 55, gy + 90], fill=INK)
    d.rectangle([gx - 30, gy - 620, gx + 30, gy - 150], fill=WOOD_DARK, outline=INK, width=4)
    d.rectangle([gx - 45, gy - 720, gx + 45, gy - 610], fill=INK)
    d.rectangle([gx - 70, gy + 150, gx + 70, gy + 175], fill=INK)  # bridge
    for k in range(6):
        x = gx - 20 + k * 8
        d.line([(x, gy - 610), (x, gy + 160)], fill=(235, 235, 235), width=2)
    d.ellipse([1080, 960, 1480, 1010], fill=(180, 145, 108))  # shadow on the floor
    return img


def draw_kitchen(rng: random.Random) -> Image.Image:
    """A kitchen: cupboards, a worktop with a kettle, 2 mugs and a cake, a hob with a pan."""
    w = PHOTO_SIZE[0]
    img = Image.new("RGB", PHOTO_SIZE, (250, 240, 205))
    d = ImageDraw.Draw(img)
    for x in range(0, w, 100):  # tiles
        for y in range(380, 700, 100):
            d.rectangle([x, y, x + 100, y + 100], outline=(230, 218, 180), width=3)
    for x in range(60, w - 60, 300):  # wall cupboards
        d.rectangle([x, 60, x + 280, 340], fill=(120, 180, 170), outline=INK, width=5)
        d.ellipse([x + 240, 190, x + 260, 210], fill=INK)
    d.rectangle([0, 700, w, 760], fill=(200, 200, 205), outline=INK, width=4)  # worktop
    for x in range(60, w - 60, 300):  # base cupboards
        d.rectangle([x, 760, x + 280, 1140], fill=(120, 180, 170), outline=INK, width=5)
        d.rectangle([x + 110, 800, x + 170, 815], fill=INK)
    # kettle
    d.rounded_rectangle([140, 480, 360, 700], radius=50, fill=RED, outline=INK, width=5)
    d.polygon([(140, 540), (70, 500), (80, 560), (140, 600)], fill=RED, outline=INK)
    d.arc([180, 400, 320, 540], 180, 360, fill=INK, width=14)
    # mugs, each a different colour
    for i, colour in enumerate(rng.sample([BLUE, YELLOW, PURPLE, PINK], 2)):
        x = 480 + i * 190
        d.rectangle([x, 580, x + 120, 700], fill=colour, outline=INK, width=5)
        d.arc([x + 90, 605, x + 160, 675], 270, 90, fill=INK, width=10)
    # cake on a plate
    d.ellipse([880, 670, 1140, 710], fill=WHITE, outline=INK, width=4)
    d.rectangle([910, 560, 1110, 690], fill=(240, 200, 140), outline=INK, width=4)
    d.rectangle([910, 560, 1110, 590], fill=PINK, outline=INK, width=4)
    _star(d, 1010, 535, 30, YELLOW)
    # hob and pan
    d.rectangle([1220, 680, 1540, 700], fill=INK)
    d.ellipse([1250, 560, 1510, 690], fill=GREY, outline=INK, width=5)
    d.rectangle([1500, 600, 1590, 620], fill=INK)
    return img


def draw_football_pitch(rng: random.Random) -> Image.Image:
    """A football on the grass in front of a goal."""
    w, h = PHOTO_SIZE
    img = Image.new("RGB", PHOTO_SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 560, w, h], fill=GRASS)
    for i in range(0, w, 200):
        d.rectangle([i, 560, i + 100, h], fill=GRASS_DARK)  # mown stripes
    d.line([(0, 900), (w, 900)], fill=WHITE, width=10)
    _goal(d, 400, 260, 1200, 700)
    for _ in range(12):
        x, y = rng.randint(0, w), rng.randint(580, h)
        d.line([(x, y), (x + 6, y - 24)], fill=GRASS_DARK, width=4)
    _football(d, 800, 980, 150, turn=0.3)
    d.ellipse([660, 1110, 940, 1150], fill=GRASS_DARK)
    return img


def draw_calendar(rng: random.Random) -> Image.Image:
    """A wall calendar for January 2027 with a star on the meeting day and stickers on good days."""
    img = Image.new("RGB", PHOTO_SIZE, (230, 236, 242))
    d = ImageDraw.Draw(img)
    d.rectangle([180, 80, 1420, 1130], fill=WHITE, outline=INK, width=8)
    d.rectangle([180, 80, 1420, 260], fill=BLUE, outline=INK, width=8)
    for x in (400, 800, 1200):
        d.ellipse([x - 24, 56, x + 24, 104], fill=INK)  # rings at the top
    d.text((800, 170), "January 2027", fill=WHITE, font=_font(90), anchor="mm")
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    cell_w, cell_h, left, top = 170, 140, 205, 300
    for i, day in enumerate(days):
        d.text(
            (left + i * cell_w + cell_w // 2, top + 20), day, fill=INK, font=_font(44), anchor="mm"
        )
    first_weekday = 4  # 1 January 2027 is a Friday
    good_days = set(rng.sample(range(2, 29), 6))
    for day in range(1, 32):
        slot = first_weekday + day - 1
        col, row = slot % 7, slot // 7
        x0, y0 = left + col * cell_w, top + 60 + row * cell_h
        d.rectangle([x0, y0, x0 + cell_w - 10, y0 + cell_h - 10], outline=GREY, width=3)
        if day == 15:
            d.rectangle(
                [x0, y0, x0 + cell_w - 10, y0 + cell_h - 10], fill=YELLOW, outline=INK, width=5
            )
            _star(d, x0 + 110, y0 + 85, 34, RED)
        elif day in good_days:
            d.ellipse([x0 + 90, y0 + 60, x0 + 140, y0 + 110], fill=GRASS)
        d.text((x0 + 14, y0 + 10), str(day), fill=INK, font=_font(46))
    return img


def draw_bus(rng: random.Random) -> Image.Image:
    """A single-decker bus at a bus stop on a quiet road, trees behind."""
    w, h = PHOTO_SIZE
    img = Image.new("RGB", PHOTO_SIZE, SKY)
    d = ImageDraw.Draw(img)
    for x in range(80, w, 300):
        _tree(d, x + rng.randint(-40, 40), 700, rng.randint(160, 230))
    d.rectangle([0, 700, w, 780], fill=(200, 200, 200))  # pavement
    d.rectangle([0, 780, w, h], fill=(110, 110, 120))  # road
    for x in range(0, w, 240):
        d.rectangle([x, 1000, x + 130, 1020], fill=WHITE)
    # bus stop sign: a pole with a plate that says so
    d.rectangle([1440, 300, 1460, 760], fill=GREY)
    d.rounded_rectangle([1340, 220, 1560, 360], radius=16, fill=WHITE, outline=INK, width=6)
    d.text((1450, 290), "Bus stop", fill=INK, font=_font(44), anchor="mm")
    # the bus: body, windows with no one in them, doors, wheels, lights
    d.rounded_rectangle([150, 420, 1300, 920], radius=60, fill=YELLOW, outline=INK, width=8)
    d.rectangle([150, 760, 1300, 800], fill=BLUE)
    for x in range(230, 1000, 190):
        d.rounded_rectangle(
            [x, 480, x + 160, 640], radius=18, fill=(200, 230, 245), outline=INK, width=5
        )
    d.rectangle([1060, 480, 1240, 880], fill=(200, 230, 245), outline=INK, width=6)  # doors
    d.line([(1150, 480), (1150, 880)], fill=INK, width=5)
    for x in (380, 1050):
        d.ellipse([x - 90, 840, x + 90, 1020], fill=INK)
        d.ellipse([x - 40, 890, x + 40, 970], fill=GREY)
    d.ellipse([1250, 820, 1290, 860], fill=WHITE, outline=INK, width=3)
    d.rectangle([170, 435, 620, 470], fill=INK)  # destination board
    d.text((395, 452), "Town", fill=YELLOW, font=_font(30), anchor="mm")
    return img


Star = tuple[float, float, float, tuple[int, int, int]]


def _video_frame(t: float, stars: list[Star]) -> Image.Image:
    """Frame at ``t`` seconds: a ball rolls into the goal, then ``stars`` pop up."""
    w, h = VIDEO_SIZE
    img = Image.new("RGB", VIDEO_SIZE, SKY)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 200, w, h], fill=GRASS)
    for i in range(0, w, 60):
        d.rectangle([i, 200, i + 30, h], fill=GRASS_DARK)
    scored = t >= 2.4
    _goal(d, 250, 110, 450, 240, wobble=4.0 * math.sin(t * 20) if scored else 0.0)
    progress = min(t / 2.4, 1.0)
    x = 40 + progress * 310
    y = 300 - progress * 110 - 40 * math.sin(math.pi * progress)
    r = 34 - progress * 14
    _football(d, x, y, r, turn=progress * 9)
    if scored:
        grow = min(1.0, (t - 2.4) * 3)
        for sx, sy, size, colour in stars:
            _star(d, sx, sy, size * grow, colour)
    return img


# -- sounds ---------------------------------------------------------------------------------------

NOTE_HZ = {"C4": 261.63, "D4": 293.66, "E4": 329.63, "F4": 349.23, "G4": 392.00,
           "A4": 440.00, "B4": 493.88, "C5": 523.25, "R": 0.0}  # fmt: skip


def _envelope(i: int, n: int, attack: int, release: int) -> float:
    if i < attack:
        return i / attack
    if i > n - release:
        return max(0.0, (n - i) / release)
    return 1.0


def melody_samples() -> list[float]:
    """A cheerful 8-bar tune, about 3.5 seconds: a sine with a soft second harmonic."""
    tune = [("C4", 1), ("E4", 1), ("G4", 1), ("C5", 2), ("G4", 1), ("A4", 1), ("G4", 2),
            ("E4", 1), ("F4", 1), ("D4", 1), ("C4", 3)]  # fmt: skip
    beat = 0.22
    samples: list[float] = []
    for note, beats in tune:
        n = int(SAMPLE_RATE * beat * beats)
        hz = NOTE_HZ[note]
        for i in range(n):
            t = i / SAMPLE_RATE
            tone = math.sin(2 * math.pi * hz * t) + 0.3 * math.sin(4 * math.pi * hz * t)
            samples.append(0.45 * tone * _envelope(i, n, 160, n // 3))
    return samples


def voice_samples(rng: random.Random) -> list[float]:
    """About 3 seconds that sound a little like someone talking: voiced "syllables" with a gliding
    pitch, grouped into words with short pauses between them."""
    samples: list[float] = []
    for _word in range(6):
        for _syllable in range(rng.randint(1, 3)):
            n = int(SAMPLE_RATE * rng.uniform(0.12, 0.22))
            start, end = rng.uniform(150, 210), rng.uniform(120, 180)
            formant = rng.uniform(500, 900)
            phase = 0.0
            for i in range(n):
                pitch = start + (end - start) * i / n
                phase += 2 * math.pi * pitch / SAMPLE_RATE
                # A buzz (the voice) shaped by a vowel-like resonance.
                buzz = sum(math.sin(k * phase) / k for k in range(1, 7))
                vowel = 0.5 + 0.5 * math.sin(2 * math.pi * formant * i / SAMPLE_RATE)
                samples.append(0.3 * buzz * vowel * _envelope(i, n, 200, 400))
            samples.extend([0.0] * int(SAMPLE_RATE * 0.03))
        samples.extend([0.0] * int(SAMPLE_RATE * rng.uniform(0.08, 0.18)))
    return samples


def whistle_and_cheer(rng: random.Random, seconds: float) -> list[float]:
    """The video's sound: a referee's whistle, then a cheer (soft noise) when the ball goes in."""
    n = int(SAMPLE_RATE * seconds)
    out = []
    smooth = 0.0
    for i in range(n):
        t = i / SAMPLE_RATE
        value = 0.0
        if t < 0.5:
            value += 0.35 * math.sin(2 * math.pi * (2600 + 60 * math.sin(2 * math.pi * 30 * t)) * t)
        if t >= 2.4:
            smooth = 0.85 * smooth + 0.15 * rng.uniform(-1, 1)
            value += 1.6 * smooth * min(1.0, (t - 2.4) * 4) * max(0.0, (seconds - t) / 1.6)
        out.append(value)
    return out


def wav_bytes(samples: list[float], info: dict[str, str] | None = None) -> bytes:
    """16-bit mono PCM WAV, optionally with a LIST/INFO chunk (as phone and desktop recorders add)."""
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(frames)
    data = buffer.getvalue()
    if not info:
        return data
    chunk = b"INFO"
    for key, value in info.items():
        text = value.encode("ascii") + b"\0"
        if len(text) % 2:
            text += b"\0"
        chunk += key.encode("ascii") + struct.pack("<I", len(text)) + text
    body = data[12:] + b"LIST" + struct.pack("<I", len(chunk)) + chunk
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body


# -- writing --------------------------------------------------------------------------------------


def _exif(orientation: int, *, gps: bool) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F], exif[0x0110], exif[0x013B] = FAKE_CAMERA  # Make, Model, Artist
    exif[0x0132] = FAKE_DATETIME  # DateTime
    if gps:
        (lat, lat_ref, lon, lon_ref) = FAKE_GPS
        exif[0x8825] = {1: lat_ref, 2: lat, 3: lon_ref, 4: lon}  # GPS IFD
    return exif.tobytes()


def save_photo(img: Image.Image, path: Path, *, orientation: int = 1, gps: bool = False) -> None:
    """Save as JPEG. With orientation 6 the pixels are stored turned a quarter to the left, as a
    phone held upright does, so only a viewer that reads the EXIF shows it the right way up."""
    if orientation == 6:
        img = img.transpose(Image.Transpose.ROTATE_90)
    img.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=_exif(orientation, gps=gps))


def save_video(path: Path, rng: random.Random) -> None:
    """Encode the goal video with the bundled ffmpeg, reproducibly (bit-exact, 1 thread)."""
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    frame_count = VIDEO_FPS * VIDEO_SECONDS
    w, h = VIDEO_SIZE
    stars = [
        (rng.uniform(20, w - 20), rng.uniform(15, 100), rng.uniform(9, 16),
         rng.choice([YELLOW, PINK, RED, WHITE]))
        for _ in range(8)
    ]  # fmt: skip
    frames = b"".join(_video_frame(i / VIDEO_FPS, stars).tobytes() for i in range(frame_count))
    sound = wav_bytes(whistle_and_cheer(rng, VIDEO_SECONDS))
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".make-media-") as scratch:
        sound_file = Path(scratch) / "sound.wav"
        sound_file.write_bytes(sound)
        command = [
            ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-nostdin",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(VIDEO_FPS),
            "-i", "pipe:0", "-i", str(sound_file),
            "-map", "0:v", "-map", "1:a", "-shortest",
            "-c:v", "libx264", "-preset", "medium", "-crf", "30", "-pix_fmt", "yuv420p",
            "-threads", "1", "-c:a", "aac", "-b:a", "48k",
            "-map_metadata", "-1",
            # Fake phone metadata, for the builder to strip.
            "-metadata", "title=My goal", "-metadata", "location=+55.5000-001.0000/",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart+use_metadata_tags",
            str(path),
        ]  # fmt: skip
        result = subprocess.run(command, input=frames, capture_output=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(
                f"ffmpeg could not make {path.name}: {result.stderr.decode()[-400:]}"
            )


PHOTOS: dict[str, tuple[Callable[[random.Random], Image.Image], int, bool]] = {
    # name: (drawing, EXIF orientation, fake GPS)
    "garden.jpg": (draw_garden, 1, False),
    "bedroom-guitar.jpg": (draw_bedroom_guitar, 6, True),
    "kitchen.jpg": (draw_kitchen, 1, False),
    "football-pitch.jpg": (draw_football_pitch, 6, False),
    "calendar.jpg": (draw_calendar, 1, False),
    "bus.jpg": (draw_bus, 1, False),
}


def make_media(out_dir: Path) -> list[Path]:
    """Write every example media file into ``out_dir`` and return their paths, in a fixed order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (name, (draw, orientation, gps)) in enumerate(PHOTOS.items()):
        path = out_dir / name
        save_photo(draw(random.Random(SEED + index)), path, orientation=orientation, gps=gps)
        written.append(path)
    melody = out_dir / "favourite-tune.wav"
    melody.write_bytes(wav_bytes(melody_samples()))
    voice = out_dir / "message-for-mam.wav"
    voice.write_bytes(
        wav_bytes(
            voice_samples(random.Random(SEED + 100)),
            info={"INAM": "Message for my mam", "IART": "Ward tablet", "ICRD": "2026-11-20"},
        )
    )
    video = out_dir / "my-goal.mp4"
    save_video(video, random.Random(SEED + 200))
    written += [melody, voice, video]
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent / "media"
    for path in make_media(out_dir):
        print(f"{path.stat().st_size:>9,} bytes  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
