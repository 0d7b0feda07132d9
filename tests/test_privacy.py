"""Nothing about the patient is written outside the project folder, and nothing is left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import tiny_png, tiny_wav


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_commands_write_only_inside_the_project(tmp_path: Path) -> None:
    home, tmp, project = tmp_path / "home", tmp_path / "tmp", tmp_path / "work" / "sam"
    home.mkdir()
    tmp.mkdir()
    photo = tmp_path / "garden.png"
    photo.write_bytes(tiny_png())
    sound = tmp_path / "song.wav"
    sound.write_bytes(tiny_wav())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PCPV_", "XDG_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp), USERPROFILE=str(home))

    def pcpv(*args: object) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "pcpv", *map(str, args)],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    pcpv("new", project, "--name", "Sam", "--meeting", "ctr", "--date", "2027-01-15")
    pcpv("session", project, "--who", "patient,SALT")
    pcpv("answer", project, "my-name", "--words", "Call me Sam")
    pcpv("media", "add", project, "feel-safe", photo, "--caption", "The garden")
    pcpv("status", project)
    assert _files_under(home) == []
    assert _files_under(tmp) == []
    names = {p.name for p in project.iterdir()}
    assert not any(n.startswith(".pcpv-tmp") for n in names)
    assert ".pcpv-work" not in names
