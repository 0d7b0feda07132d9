"""Benchmark: ``pcpv build`` against a naive python-pptx script, on phone-like photos and sounds.

    .venv/bin/python bench/bench_build.py            # 40 photos + 10 sounds, then 10/40/160 photos
    .venv/bin/python bench/bench_build.py --quick    # 8 photos + 2 sounds, for a smoke run

Makes distinct 12-megapixel JPEGs (noisy, about 5 MB each like a phone's, every third one stored
sideways with an EXIF orientation, all with GPS) and 30-second M4A voice notes with tags, puts them
into a pcpv project, then builds a deck twice, each in a fresh process so memory is measured
alone: once with ``pcpv build`` and once with a naive script that inserts the original files with
python-pptx. Prints wall time, CPU time (CPU / wall above 1 means more than one core worked), peak
memory (the main process, and its busiest helper process) and file size. The targets of issue 3:
pcpv takes at most half the naive time, its deck is at most 1/15 of the naive deck's size, peak
memory stays under 300 MB, and time grows linearly with the number of photos while memory stays
flat. Synthetic data only; it is written to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PHOTO_SIZE = (4000, 3000)
"""12 megapixels, as a typical phone camera."""
PHOTO_PROMPTS = [
    "things-i-like", "important-to-me", "feel-safe", "when-upset", "my-room", "keep-well",
    "my-goals", "going-out", "learn-or-work", "people-in-my-life", "good-home",
]  # fmt: skip
AUDIO_PROMPTS = [
    "my-name",
    "talk-with-me",
    "when-upset",
    "good-support",
    "worries-moving",
    "want-next",
]


# -- making the media ---------------------------------------------------------------------------


def make_photo(args: tuple[Path, int]) -> int:
    """One noisy 12 MP JPEG of about 5 MB with camera EXIF (GPS; every third one rotated)."""
    from PIL import Image, ImageDraw

    path, seed = args
    width, height = PHOTO_SIZE
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(base)
    for i in range(12):  # some shapes so each photo is distinct and has edges
        x = (seed * 977 + i * 331) % width
        y = (seed * 563 + i * 197) % height
        colour = ((seed * 40 + i * 20) % 256, (seed * 70 + i * 50) % 256, (i * 90) % 256)
        draw.ellipse((x, y, x + 600, y + 400), fill=colour)
    noise = Image.effect_noise((width, height), 40 + seed % 5).convert("RGB")
    image = Image.blend(base, noise, 0.22)
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 3 == 0 else 1
    exif[0x013B] = "Jo Bloggs"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, float(seed))}
    image.save(path, "JPEG", quality=92, exif=exif)
    return path.stat().st_size


def make_sound(path: Path, seed: int) -> None:
    """A 30-second AAC voice note (M4A) with artist and title tags, like a phone recording."""
    import imageio_ffmpeg

    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi",
         "-i", f"sine=frequency={220 + seed * 30}:duration=30", "-c:a", "aac", "-b:a", "64k",
         "-metadata", "artist=Jo Bloggs", "-metadata", f"title=Note {seed}", "-y", str(path)],
        check=True,
    )  # fmt: skip


def make_inputs(folder: Path, photos: int, sounds: int) -> tuple[list[Path], list[Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    photo_paths = [folder / f"IMG_{n:04d}.jpg" for n in range(photos)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        sizes = list(pool.map(make_photo, [(p, n) for n, p in enumerate(photo_paths)]))
    sound_paths = [folder / f"note-{n}.m4a" for n in range(sounds)]
    for n, path in enumerate(sound_paths):
        make_sound(path, n)
    mb = sum(sizes) / len(sizes) / 1e6 if sizes else 0
    print(f"Made {photos} photos (average {mb:.1f} MB) and {sounds} sounds in {folder}.")
    return photo_paths, sound_paths


def make_project(root: Path, photos: list[Path], sounds: list[Path]) -> None:
    from pcpv.model import Meeting, MeetingKind, ProjectInfo, QuestionSetRef
    from pcpv.project import Project

    info = ProjectInfo(
        name="Sam",
        meeting=Meeting(MeetingKind.CTR, "Care and Treatment Review"),
        questions=QuestionSetRef("ctr", 1),
    )
    Project.create(root, info)
    with Project.open_for_writing(root) as project:
        for prompt in PHOTO_PROMPTS:
            project.set_words(prompt, "I like this.")
        for n, photo in enumerate(photos):
            project.add_media(
                PHOTO_PROMPTS[n % len(PHOTO_PROMPTS)], photo, caption=f"Photo {n + 1}"
            )
        for n, sound in enumerate(sounds):
            project.add_media(
                AUDIO_PROMPTS[n % len(AUDIO_PROMPTS)], sound, caption=f"Sound {n + 1}"
            )


# -- the two builders, each run in its own process -----------------------------------------------


def run_pcpv(project: Path, out: Path) -> None:
    from pcpv.deck.build import build_deck
    from pcpv.deck.symbols import NoSymbols
    from pcpv.project import Project

    build_deck(Project.open(project), out, symbols=NoSymbols(), check=False)


def run_naive(photos: list[Path], sounds: list[Path], out: Path) -> None:
    """What a script-writer would do: python-pptx's template, original files, add_movie for sound."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    layout = prs.slide_layouts[5]
    for n, photo in enumerate(photos):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Photo {n + 1}"
        slide.shapes.add_picture(str(photo), Inches(1), Inches(1.5), height=Inches(5.5))
    for n, sound in enumerate(sounds):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Sound {n + 1}"
        slide.shapes.add_movie(
            str(sound), Inches(4), Inches(3), Inches(1), Inches(1), mime_type="audio/mp4"
        )
    prs.save(str(out))


def child_main(argv: list[str]) -> None:
    """Run one builder and print its measurements as JSON (called in a fresh process)."""
    kind, out = argv[0], Path(argv[1])
    started = time.perf_counter()
    cpu_start = os.times()
    if kind == "pcpv":
        run_pcpv(Path(argv[2]), out)
    else:
        listing = json.loads(Path(argv[2]).read_text())
        run_naive([Path(p) for p in listing["photos"]], [Path(p) for p in listing["sounds"]], out)
    wall = time.perf_counter() - started
    cpu_end = os.times()
    cpu = sum(cpu_end[:4]) - sum(cpu_start[:4])  # user + system, this process and its helpers
    print(json.dumps({
        "seconds": wall,
        "cpu_seconds": cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "helper_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "size_mb": out.stat().st_size / 1e6,
    }))  # fmt: skip


def measure(kind: str, out: Path, arg: Path) -> dict:
    run = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(out), str(arg)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(run.stdout.strip().splitlines()[-1])


def row(name: str, m: dict) -> str:
    return (
        f"| {name} | {m['seconds']:.1f} s | {m['cpu_seconds']:.1f} s | "
        f"{m['cpu_seconds'] / m['seconds']:.2f} | "
        f"{m['peak_mb']:.0f} MB | {m['helper_peak_mb']:.0f} MB | {m['size_mb']:.1f} MB |"
    )


def compare(base: Path, photos: list[Path], sounds: list[Path], label: str) -> tuple[dict, dict]:
    project = base / f"project-{label}"
    make_project(project, photos, sounds)
    listing = base / f"files-{label}.json"
    listing.write_text(
        json.dumps({"photos": [str(p) for p in photos], "sounds": [str(s) for s in sounds]})
    )
    pcpv = measure("pcpv", base / f"pcpv-{label}.pptx", project)
    naive = measure("naive", base / f"naive-{label}.pptx", listing)
    return pcpv, naive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--no-scaling", action="store_true", help="only the pcpv/naive comparison")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child)
        return
    main_photos, sounds, series = (8, 2, [4, 8]) if args.quick else (40, 10, [10, 40, 160])
    if args.no_scaling:
        series = [main_photos]
    base = Path(tempfile.mkdtemp(prefix="pcpv-bench-"))
    try:
        photos, sound_files = make_inputs(base / "inputs", max(main_photos, *series), sounds)
        print(f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
        header = (
            "| run | wall time | CPU time | CPU / wall | peak memory | busiest helper | deck size |"
            "\n|---|---|---|---|---|---|---|"
        )
        pcpv, naive = compare(base, photos[:main_photos], sound_files, "main")
        print(f"{main_photos} photos of 12 MP + {sounds} sounds\n\n{header}")
        print(row("pcpv build", pcpv))
        print(row("naive python-pptx", naive))
        print(
            f"\npcpv time / naive time: {pcpv['seconds'] / naive['seconds']:.2f} (target at most 0.5)"
            f"\npcpv size / naive size: 1/{naive['size_mb'] / pcpv['size_mb']:.0f} (target 1/15 or smaller)"
            f"\npcpv peak memory: {max(pcpv['peak_mb'], pcpv['helper_peak_mb']):.0f} MB (target under 300 MB)"
        )
        if args.no_scaling:
            return
        print(f"\nScaling (photos only)\n\n{header}")
        for count in series:
            project = base / f"project-{count}"
            make_project(project, photos[:count], [])
            m = measure("pcpv", base / f"pcpv-{count}.pptx", project)
            print(
                row(f"pcpv, {count} photos", m) + f" {m['seconds'] / count * 1000:.0f} ms a photo"
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
