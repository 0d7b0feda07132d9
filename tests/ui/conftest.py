"""Fixtures for the wizard tests: a folder of good and bad media files."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import media_folder


@pytest.fixture
def pictures(tmp_path: Path) -> Path:
    """A folder with beach.jpg, voice.wav and bad files (broken.jpg, notes.txt, empty.jpg)."""
    return media_folder(tmp_path)
