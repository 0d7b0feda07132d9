"""Built decks open cleanly in LibreOffice Impress: PDF pages, media kept in ODP, pages not blank."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from pcpv.deck.build import BuildResult, build_deck
from pcpv.project import Project

from .conftest import Sample

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
    ),
]


def convert(deck: Path, fmt: str, out_dir: Path) -> Path:
    """Convert with a private LibreOffice profile; soffice exits 0 even when loading fails, so the
    output file is what proves it worked."""
    profile = out_dir / f"profile-{fmt}"
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(out_dir), str(deck)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    output = out_dir / f"{deck.stem}.{fmt}"
    assert run.returncode == 0, run.stderr
    assert "Error" not in run.stderr, run.stderr
    assert output.is_file() and output.stat().st_size > 0, (run.stdout, run.stderr)
    return output


@pytest.fixture(scope="module")
def deck(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    out = tmp_path_factory.mktemp("lo") / "deck.pptx"
    return build_deck(Project.open(sample.root), out, symbols=sample.symbols, check=False)


def _pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_pdf_has_one_page_per_slide_and_pages_are_not_blank(deck, tmp_path):
    pdf = convert(deck.path, "pdf", tmp_path)
    assert _pdf_pages(pdf) == deck.slides
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler) is not installed")
    # Page 1 (title), 5 (photo, symbols, words) and the last (credits).
    for page in (1, 5, deck.slides):
        prefix = tmp_path / f"page{page}"
        subprocess.run(
            ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "30", "-png", "-singlefile",
             str(pdf), str(prefix)],
            check=True, timeout=120,
        )  # fmt: skip
        with Image.open(prefix.with_suffix(".png")) as image:
            rgb = image.convert("RGB")
            background = rgb.getpixel((2, 2))
            other = sum(count for count, colour in rgb.getcolors(1 << 16) if colour != background)
            # Text and pictures cover a real share of the page; a blank page is all background.
            assert other > rgb.width * rgb.height * 0.01, page
            assert background[0] > 230 and background[2] < background[0]  # cream, not white/black


def test_odp_keeps_sound_and_video_and_their_play_on_click(deck, tmp_path):
    odp = convert(deck.path, "odp", tmp_path)
    with zipfile.ZipFile(odp) as z:
        names = z.namelist()
        content = z.read("content.xml").decode()
    media = [n for n in names if n.endswith((".wav", ".mp3", ".m4a", ".mp4"))]
    assert sorted(Path(n).suffix for n in media) == [".m4a", ".mp3", ".mp4", ".wav"]
    assert content.count("<draw:plugin") == 4
    assert 'anim:command="play"' in content
    assert "Me saying my name" in content  # alt text travels as svg:desc
    assert (
        "Sam&apos;s Care and Treatment Review" in content
        or "Sam's Care and Treatment Review" in content
    )
