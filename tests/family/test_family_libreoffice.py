"""LibreOffice opens the family copy (its reduced document properties included) and cannot open
the locked copy without its password.

LibreOffice cannot be given a password on the command line: opening the locked copy *with* the
password is tested through LibreOffice's UNO bridge in ``test_family_uno.py``, and with
msoffcrypto + python-pptx in ``test_family.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pcpv.family import export_family
from pcpv.project import Project

from .projects import build_own
from .test_family import SHARED, agree

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
    ),
]


def to_pdf(deck: Path, out_dir: Path) -> tuple[Path, subprocess.CompletedProcess]:
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={(out_dir / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(deck)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    return out_dir / f"{deck.stem}.pdf", run


def test_libreoffice_opens_the_copy_but_not_the_locked_one_without_password(tmp_path: Path) -> None:
    root = build_own(tmp_path / "sam", tmp_path / "inputs", with_video=False)
    agree(root, SHARED)
    with Project.open_for_writing(root) as project:
        plain = export_family(project, output=tmp_path / "open.pptx")
        locked = export_family(
            project, output=tmp_path / "locked.pptx", password="kite-otter-moon-12"
        )
    pdf, run = to_pdf(plain.path, tmp_path / "plain")
    assert pdf.is_file() and pdf.stat().st_size > 0, run.stderr
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes())
    assert len(pages) == plain.slides
    pdf, run = to_pdf(locked.path, tmp_path / "locked")
    # soffice exits 0 even when it cannot load a file: the missing output is the proof.
    assert not pdf.exists()
    assert "could not be loaded" in run.stderr + run.stdout
