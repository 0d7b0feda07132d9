"""Benchmark: preparing phone photos for a half-slide box, pcpv's pipeline against a naive one.

    .venv/bin/python bench/bench_media.py [--photos 8] [--megapixels 12]

Makes N noisy phone-like JPEGs (every third one stored sideways with EXIF orientation 6), then
for each method reports the median time per photo, the wall time for all of them, and the peak
resident memory of a fresh process that prepares them one after another; then both methods
again over a 2-process pool (the deck builder uses both cores).

- naive:  ``Image.open(p).convert("RGB").resize(fitted)`` then JPEG at the theme's quality (a full
  decode of every pixel; it also forgets to turn the sideways photos upright).
- pcpv:   ``prepare_photo`` (draft decoding at the fitted size, orientation, sRGB, fresh JPEG).

The test photos are synthetic (no patient data), so they go in the system temp folder.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from pcpv.deck.theme import JPEG_QUALITY, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH
from pcpv.media import box_for, fit_within, prepare_photo

HALF_SLIDE_BOX = box_for((SLIDE_WIDTH - 2 * MARGIN) // 2, SLIDE_HEIGHT - 2 * MARGIN)


def make_photos(folder: Path, count: int, megapixels: float) -> list[Path]:
    """Noisy 4:3 JPEGs like a phone's; every third is stored sideways with EXIF orientation 6."""
    height = int((megapixels * 1_000_000 * 3 / 4) ** 0.5)
    width = height * 4 // 3
    paths = []
    # A noise texture: JPEG cannot compress it away, so decoding costs what a real photo costs.
    base = Image.merge("RGB", [Image.effect_noise((width, height), s) for s in (40, 50, 60)])
    for i in range(count):
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"
        if i % 3 == 0:
            exif[0x0112] = 6  # held upright: the sensor's landscape pixels, turned by EXIF
        path = folder / f"photo-{i:02d}.jpg"
        base.save(path, "JPEG", quality=92, exif=exif.tobytes())
        paths.append(path)
    return paths


def naive(path: Path, box: tuple[int, int]) -> int:
    """The obvious way: decode every pixel, then shrink."""
    with Image.open(path) as im:
        rgb = im.convert("RGB")
    small = rgb.resize(fit_within(rgb.size, box), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return len(buffer.getvalue())


def pcpv(path: Path, box: tuple[int, int]) -> int:
    """pcpv's pipeline."""
    return len(prepare_photo(path, box_px=box, work_dir=path.parent).data)


METHODS = {"naive": naive, "pcpv": pcpv}


def _peak_kb() -> int | None:
    status = Path("/proc/self/status")
    if status.exists():
        found = re.search(r"VmHWM:\s+(\d+)", status.read_text())
        return int(found[1]) if found else None
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak
    except ImportError:  # Windows
        return None


def worker(method: str, paths: list[Path]) -> None:
    """Run one method over the photos in this (fresh) process; print JSON timings and peak memory."""
    clear = Path("/proc/self/clear_refs")
    if clear.exists():
        clear.write_text("5")  # Linux carries the parent's peak across exec; reset it
    func = METHODS[method]
    times, sizes = [], []
    for path in paths:
        start = time.perf_counter()
        sizes.append(func(path, HALF_SLIDE_BOX))
        times.append(time.perf_counter() - start)
    print(json.dumps({"times": times, "sizes": sizes, "peak_kb": _peak_kb()}))


def run_serial(method: str, paths: list[Path]) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", method, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def run_pool(method: str, paths: list[Path]) -> float:
    func = METHODS[method]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(func, paths[:2], [HALF_SLIDE_BOX] * 2))  # start the workers first
        start = time.perf_counter()
        list(pool.map(func, paths, [HALF_SLIDE_BOX] * len(paths)))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--megapixels", type=float, default=12.0)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.worker:
        worker(args.worker, [Path(p) for p in rest])
        return
    with tempfile.TemporaryDirectory(prefix="pcpv-bench-") as tmp:
        paths = make_photos(Path(tmp), args.photos, args.megapixels)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        with Image.open(paths[0]) as first:
            dims = first.size
        print(
            f"{len(paths)} photos of {dims[0]}x{dims[1]} ({size_mb:.1f} MB of JPEG), "
            f"box {HALF_SLIDE_BOX[0]}x{HALF_SLIDE_BOX[1]} px (half a slide at the screen ppi)"
        )
        print(
            f"{'method':<8}{'median/photo':>14}{'all, 1 proc':>13}{'peak RSS':>11}"
            f"{'all, 2 procs':>14}{'out KB/photo':>14}"
        )
        for method in METHODS:
            serial = run_serial(method, paths)
            pooled = run_pool(method, paths)
            peak = f"{serial['peak_kb'] / 1024:.0f} MB" if serial["peak_kb"] else "n/a"
            print(
                f"{method:<8}{statistics.median(serial['times']) * 1000:>11.0f} ms"
                f"{sum(serial['times']):>11.2f} s{peak:>11}{pooled:>12.2f} s"
                f"{statistics.mean(serial['sizes']) / 1024:>14.0f}"
            )


if __name__ == "__main__":
    main()
