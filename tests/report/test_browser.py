"""The report page opened in a real headless browser: it renders, and its charts show.

Needs Chromium (CI installs the Debian package ``chromium``); skipped with a reason when absent.
The screenshot is kept in ``tests/output/report/`` for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from pcpv.report import ReportResult
from pcpv.report.charts import GREEN, ORANGE, VERMILION

from conftest import REPO

OUTPUT = REPO / "tests" / "output" / "report"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTH, HEIGHT = 1280, 9000


def _browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixels_near(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    count = 0
    for pixel, n in _histogram(image).items():
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True)):
            count += n
    return count


def _histogram(image: Image.Image) -> dict[tuple[int, int, int], int]:
    colours = image.convert("RGB").getcolors(maxcolors=WIDTH * HEIGHT) or []
    return {rgb: n for n, rgb in colours}


def screenshot(page: Path, target: Path, profile: Path) -> Image.Image:
    browser = _browser()
    assert browser is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--hide-scrollbars",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--screenshot={target}",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert target.is_file(), f"the browser made no screenshot: {done.stderr[-2000:]}"
    return Image.open(target)


@pytest.mark.skipif(_browser() is None, reason="Chromium is not installed (CI installs 'chromium')")
def test_report_opens_in_a_headless_browser_and_shows_its_charts(
    ward_report: ReportResult, tmp_path: Path
) -> None:
    image = screenshot(
        ward_report.folder / "report.html", OUTPUT / "report.png", tmp_path / "profile"
    )
    assert image.size == (WIDTH, HEIGHT)
    # The charts' colours are used nowhere else on the page: many pixels of each means the
    # inline SVG charts were drawn (a page without them has none).
    for colour in (GREEN, ORANGE, VERMILION):
        assert _pixels_near(image, _rgb(colour)) > 20_000, colour
    # The top of the page is the report's own (not an error page): dark heading text on white.
    darkest, lightest = image.crop((0, 0, WIDTH, 200)).convert("L").getextrema()
    assert lightest == 255 and darkest < 60
    for part, (start, end) in enumerate(((0, 3000), (3000, 6000), (6000, HEIGHT))):
        image.crop((0, start, WIDTH, end)).save(OUTPUT / f"report-part{part + 1}.png")


@pytest.mark.skipif(_browser() is None, reason="Chromium is not installed (CI installs 'chromium')")
def test_a_page_without_charts_has_none_of_their_colours(tmp_path: Path) -> None:
    # The control for the test above: the same check on a plain page finds no chart colours.
    page = tmp_path / "plain.html"
    page.write_text("<!DOCTYPE html><html><body><h1>No charts here</h1></body></html>")
    image = screenshot(page, tmp_path / "plain.png", tmp_path / "profile")
    for colour in (GREEN, ORANGE, VERMILION):
        assert _pixels_near(image, _rgb(colour)) == 0
