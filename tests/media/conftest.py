"""Fixtures for media tests: a folder for made files and a private work folder like a project's."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcpv.safe_io import make_private_dir


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """Where a test's awkward input files are made."""
    folder = tmp_path / "made"
    folder.mkdir()
    return folder


@pytest.fixture
def work_dir(tmp_path: Path) -> Path:
    """A private scratch folder, as ``Project.work_dir()`` gives inside a project."""
    folder = tmp_path / "project" / ".work"
    make_private_dir(folder)
    return folder
