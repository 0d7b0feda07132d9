from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from pcpv.safe_io import (
    TEMP_PREFIX,
    atomic_write_text,
    atomic_writer,
    make_private_dir,
    remove_stale_temp_files,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@posix_only
def test_files_and_folders_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    make_private_dir(folder)
    atomic_write_text(folder / "x.yaml", "hello\n")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "x.yaml").stat().st_mode) == 0o600


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    atomic_write_text(target, "old\n")
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]


def test_failure_mid_write_keeps_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    atomic_write_text(target, "old\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("power cut")
    assert target.read_text() == "old\n"
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / f"{TEMP_PREFIX}abc.yaml").write_text("left by a killed process")
    (tmp_path / "keep.yaml").write_text("real")
    removed = remove_stale_temp_files(tmp_path)
    assert [p.name for p in removed] == [f"{TEMP_PREFIX}abc.yaml"]
    assert [p.name for p in tmp_path.iterdir()] == ["keep.yaml"]
