"""LibreOffice opens the locked family copy with its password, and not without or with a wrong one.

LibreOffice takes a password only through its UNO bridge, which lives in the system's Python
(Debian's python3-uno, installed by .ci/run); the test skips with the reason where it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pcpv.family import export_family
from pcpv.project import Project

from .projects import build_own
from .test_family import SHARED, agree

SYSTEM_PYTHON = Path("/usr/bin/python3")
OPENER = Path(__file__).with_name("uno_open.py")


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, env=_system_env(), timeout=60
    )
    return probe.returncode == 0


def _system_env() -> dict[str, str]:
    # The system Python must not see the virtual environment's packages.
    return {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }


pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(
        not _has_uno(), reason="LibreOffice's Python bridge (python3-uno) is not installed"
    ),
]


def _open(deck: Path, profile: Path, password: str = "") -> str:
    run = subprocess.run(
        [str(SYSTEM_PYTHON), str(OPENER), str(deck), profile.as_uri(), *([password] if password else [])],
        capture_output=True, text=True, timeout=300, env=_system_env(),
    )  # fmt: skip
    return run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr


def test_libreoffice_opens_the_locked_copy_only_with_its_password(tmp_path: Path) -> None:
    root = build_own(tmp_path / "sam", tmp_path / "inputs", with_video=False)
    agree(root, SHARED)
    with Project.open_for_writing(root) as project:
        locked = export_family(
            project, output=tmp_path / "locked.pptx", password="kite-otter-moon-12"
        )
    assert _open(locked.path, tmp_path / "p1", "kite-otter-moon-12") == f"SLIDES {locked.slides}"
    assert _open(locked.path, tmp_path / "p2", "wrong-password-99") == "NOT LOADED"
    assert _open(locked.path, tmp_path / "p3") == "NOT LOADED"
