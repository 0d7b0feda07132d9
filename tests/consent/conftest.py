"""Fixtures shared by the consent tests: a small own-topics project, built once per module and
copied for each test so tests never see each other's consent records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from family.projects import build_own


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("consent")
    return build_own(folder / "sam", folder / "inputs", with_video=False)


@pytest.fixture
def root(base: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sam"
    shutil.copytree(base, target)
    return target
