"""Decks written by another tool (LibreOffice Impress): read without false alarms, faults still found."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pcpv.check import check_deck

from . import decks

SOFFICE = shutil.which("soffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"),
]


def through_libreoffice(source: Path, folder: Path) -> Path:
    """Open ``source`` in LibreOffice and save it again as .pptx (LibreOffice's own XML)."""
    profile = folder / "lo-profile"
    out = folder / "lo-out"
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pptx:Impress MS PowerPoint 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return out / source.name


def test_clean_deck_saved_by_libreoffice_stays_clean(tmp_path: Path):
    source = decks.clean_deck(tmp_path / "clean.pptx")
    saved = through_libreoffice(source, tmp_path)
    assert saved.read_bytes() != source.read_bytes()
    report = check_deck(saved)
    assert report.slides == 3
    assert report.findings == [], [(f.rule, f.slide, f.message) for f in report.findings]


def test_faults_survive_a_trip_through_libreoffice(tmp_path: Path):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt="")
    decks.add_words(slide, "Small words", size=14)
    saved = through_libreoffice(decks.save(prs, tmp_path / "faults.pptx"), tmp_path)
    assert {"alt-missing", "text-too-small"} <= check_deck(saved).rules_found()
