"""Shared fixtures. Every test runs with pcpv's settings and cache folders inside its tmp dir, so
the suite never touches the real user's folders."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest

from pcpv.model import Meeting, MeetingKind, ProjectInfo, QuestionSetRef
from pcpv.project import Project

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("PCPV_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("PCPV_CACHE_DIR", str(base / "cache"))


def make_info(kind: str = "ctr", name: str = "Sam", topics: list[str] | None = None) -> ProjectInfo:
    meeting_kind = MeetingKind(kind)
    return ProjectInfo(
        name=name,
        meeting=Meeting(
            kind=meeting_kind, title="Care and Treatment Review", date=dt.date(2027, 1, 15)
        ),
        questions=QuestionSetRef(id=kind, version=1),
        own_topics=topics or [],
    )


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A new, empty CTR project for "Sam"."""
    root = tmp_path / "sam"
    Project.create(root, make_info())
    return root


def tiny_png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid PNG made without Pillow, so sniffing tests don't depend on an image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def tiny_wav(seconds: float = 0.2) -> bytes:
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x10" * int(8000 * seconds))
    return buffer.getvalue()
