"""A media file swapped in the project's media folder by hand is refused, never built into a deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pcpv.deck import build_deck
from pcpv.errors import MediaError
from pcpv.project import Project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sam-ctr"


def test_a_photo_changed_after_it_was_added_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "sam"
    shutil.copytree(EXAMPLE, root)
    project = Project.open(root)
    photos = [m for a in project.answers.values() for m in a.media if m.kind.value == "photo"]
    swapped, other = photos[0], photos[1]
    # Someone copies another picture over the file in the media folder.
    shutil.copyfile(project.media_path(other), project.media_path(swapped))
    with pytest.raises(MediaError) as err:
        build_deck(project, tmp_path / "deck.pptx")
    assert "has changed since it was added" in str(err.value)
    assert Path(swapped.file).name in str(err.value)
    assert not (tmp_path / "deck.pptx").exists()
