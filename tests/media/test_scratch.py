"""Patient media never leaves scratch files outside the project, whatever the file names are."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from pcpv.media import prepare_audio, prepare_photo, prepare_video
from pcpv.safe_io import make_private_dir

from . import makers


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """Point every way of finding the system temp folder at an empty folder we can watch."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_nothing_is_written_outside_the_work_folder(made, work_dir, system_temp):
    photo = prepare_photo(makers.heic_rotated(made), box_px=(500, 500), work_dir=work_dir)
    sound = prepare_audio(makers.amr_voice_note(made), work_dir=work_dir)
    clip = prepare_video(makers.video_rotated_gps(made), work_dir=work_dir)

    assert list(system_temp.iterdir()) == []
    assert sorted(p.name for p in work_dir.iterdir()) == sorted(
        [sound.path.name, clip.path.name, clip.poster_path.name]
    )
    assert photo.data  # photos never touch the disk


def test_awkward_names_are_only_ever_file_names(tmp_path, made, monkeypatch):
    # "-" could be read as an option, "%d" as an image2 pattern, "name:" as a protocol.
    work_dir = tmp_path / "cases %d" / "-work"
    make_private_dir(work_dir)
    makers.video_h264(made, "-i concat:x%d.mp4")
    makers.mp3_plain(made, "-y file:%03d.mp3")
    monkeypatch.chdir(made)
    source, sound = Path("-i concat:x%d.mp4"), Path("-y file:%03d.mp3")  # relative, as typed

    clip = prepare_video(source, work_dir=work_dir)
    voice = prepare_audio(sound, work_dir=work_dir)

    assert clip.path.parent == work_dir and clip.poster_path.exists()
    assert voice.path.parent == work_dir and voice.duration_s > 2.5
