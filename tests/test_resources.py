"""templates/ and symbols/ are found in a checkout and inside an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pcpv.resources import symbols_dir, templates_dir

REPO = Path(__file__).resolve().parent.parent


def test_checkout_finds_the_repository_folders() -> None:
    assert templates_dir() == REPO / "templates"
    assert symbols_dir() == REPO / "symbols"


@pytest.mark.slow
def test_wheel_ships_the_data_and_finds_it_inside_the_package(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(wheel_dir.glob("pcpv-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "pcpv/_data/templates/ctr/set.yaml" in names
    assert "pcpv/_data/templates/shared/sections/about-me.yaml" in names
    assert any(n.startswith("pcpv/_data/symbols/") for n in names)
    assert not any(n.startswith("templates/") for n in names)
    # In a fresh interpreter with only the unpacked wheel on the path, the data is found inside it.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pcpv import resources, questions; "
        "print(resources.templates_dir()); print(len(list(questions.load_builtin('ctr').prompts())))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    found, prompts = result.stdout.split()
    assert Path(found) == tmp_path / "site" / "pcpv" / "_data" / "templates"
    assert int(prompts) > 20
