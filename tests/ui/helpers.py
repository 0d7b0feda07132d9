"""Files and apps for the wizard tests."""

from __future__ import annotations

import datetime as dt
import io
import wave
from pathlib import Path

from PIL import Image

from pcpv.ui.app import WizardApp

TODAY = dt.date(2027, 1, 10)


def photo(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    """A real JPEG: a red-to-blue gradient, so a preview has something to show."""
    image = Image.new("RGB", size)
    for x in range(size[0]):
        for y in range(size[1]):
            image.putpixel((x, y), (255 - x * 255 // size[0], 60, x * 255 // size[0]))
    image.save(path, "JPEG", quality=90)
    return path


def sound(path: Path, seconds: float = 2.0) -> Path:
    """A real WAV of ``seconds`` of a quiet tone."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        frames = bytearray()
        for i in range(int(8000 * seconds)):
            value = 3000 if (i // 20) % 2 else -3000
            frames += value.to_bytes(2, "little", signed=True)
        out.writeframes(bytes(frames))
    path.write_bytes(buffer.getvalue())
    return path


def media_folder(base: Path) -> Path:
    """A folder like a SALT's downloads: good files and bad ones."""
    folder = base / "pictures"
    folder.mkdir()
    photo(folder / "beach.jpg")
    sound(folder / "voice.wav")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00not really a photo" * 20)
    (folder / "notes.txt").write_text("shopping list: milk, bread\n", encoding="utf-8")
    (folder / "empty.jpg").write_bytes(b"")
    return folder


def make_app(project: Path | None, browse_from: Path) -> WizardApp:
    """A wizard on ``project`` (opened for writing) with fixed-look pictures and date."""
    app = WizardApp(graphics="halfcell", browse_from=browse_from, today=TODAY)
    if project is not None:
        app.open_project(project)
    return app
