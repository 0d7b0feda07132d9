"""How fast is ``pcpv check`` on a 100-slide deck, against a naive python-pptx walk?

Run: ``.venv/bin/python bench/bench_check.py [--slides 100] [--repeat 5]``

The deck is made here with python-pptx: every slide has a title, a picture with alt text, two text
boxes, and every fifth slide a table, every tenth a group. Timings are the median of ``--repeat``
runs in this process (warm file cache; best and median, as the machine is shared). Peak memory is the peak RSS of a fresh process that imports
what it needs and checks the deck once (``resource.ru_maxrss``, Unix only), minus the same
process's RSS before the check (``VmHWM`` after resetting it through ``/proc/self/clear_refs``;
Linux only).

* naive: ``Presentation(path)``, then every shape, paragraph and run, reading each run's size,
  colour, italic and language (the least a python-pptx checker must do, without any inheritance).
* pcpv: ``check_deck(path)`` with every rule, including inherited sizes, colours and backgrounds.

Also times a hostile deck (a 3 MB zip-bomb slide and a billion-laughs slide) to show refusal is
quick.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.util import Inches, Pt

from pcpv.check import check_deck

LOL = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">'.encode()
        for i in range(8)
    )
    + b']><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">&a7;</p:sld>'
)


def make_deck(path: Path, slides: int) -> None:
    prs = Presentation()
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (90, 140, 200)).save(buffer, "PNG")
    picture = buffer.getvalue()
    for n in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = f"My week, part {n + 1}"
        pic = slide.shapes.add_picture(
            io.BytesIO(picture), Inches(0.5), Inches(2), width=Inches(3.5)
        )
        pic._element.xpath("./*[1]/p:cNvPr")[0].set("descr", "The garden in the sun")
        for i, words in enumerate(
            ("I go to the gym on Monday.", "I like the garden. It is quiet.")
        ):
            box = slide.shapes.add_textbox(Inches(4.5), Inches(2 + 2 * i), Inches(5), Inches(1.5))
            box.text_frame.text = words
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
        if n % 5 == 0:
            table = slide.shapes.add_table(
                3, 3, Inches(4.5), Inches(5.5), Inches(5), Inches(1.5)
            ).table
            for r in range(3):
                for c in range(3):
                    table.cell(r, c).text = f"{r}{c}"
        if n % 10 == 0:
            group = slide.shapes.add_group_shape()
            group.shapes.add_textbox(
                Inches(1), Inches(6), Inches(2), Inches(0.5)
            ).text_frame.text = "Me"
    prs.save(path)


def naive(path: Path) -> int:
    prs = Presentation(path)
    runs = 0

    def walk(shapes) -> None:
        nonlocal runs
        for shape in shapes:
            if shape.shape_type == 6:  # group
                walk(shape.shapes)
                continue
            _ = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if getattr(shape, "has_table", False) and shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        font = run.font
                        _ = (font.size, font.italic, font.language_id)
                        _ = font.color.rgb if font.color and font.color.type == 1 else None
                        runs += 1

    for slide in prs.slides:
        walk(slide.shapes)
    return runs


def timed(fn, path: Path, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def peak_rss_mb(method: str, path: Path) -> float:
    """Peak RSS growth (MB) of a fresh process running ``method`` once on ``path``."""
    run = subprocess.run(
        [sys.executable, __file__, "--child", method, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(run.stdout.strip())


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(method: str, path: Path) -> None:
    fn = naive if method == "naive" else check_deck
    before = _status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM (the peak) to the current RSS
    fn(path)
    print(f"{(_status_kb('VmHWM') - before) / 1024:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slides", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.pptx"
        make_deck(path, args.slides)
        size_kb = path.stat().st_size // 1024
        report = check_deck(path)
        rules = sorted(report.rules_found())
        print(
            f"deck: {args.slides} slides, {size_kb} KB; pcpv found {len(report.findings)} "
            f"findings ({', '.join(rules)})"
        )
        rows = [
            ("naive python-pptx walk", timed(naive, path, args.repeat), peak_rss_mb("naive", path)),
            ("pcpv check_deck", timed(check_deck, path, args.repeat), peak_rss_mb("pcpv", path)),
        ]
        for name, (best, median), peak in rows:
            print(
                f"{name:24} best {best * 1000:7.1f} ms  median {median * 1000:7.1f} ms  "
                f"peak RSS growth {peak:6.1f} MB"
            )
        print(f"pcpv / naive time (best): {rows[1][1][0] / rows[0][1][0]:.2f}")

        import zipfile

        hostile = Path(folder) / "hostile.pptx"
        with (
            zipfile.ZipFile(path) as zin,
            zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as zout,
        ):
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "ppt/slides/slide1.xml":
                    data = b"<p:sld>" + b" " * (3 * 1024**2) + b"</p:sld>"
                elif info.filename == "ppt/slides/slide2.xml":
                    data = LOL
                zout.writestr(info.filename, data)
        seconds, _ = timed(check_deck, hostile, args.repeat)
        peak = peak_rss_mb("pcpv", hostile)
        refused = [f.slide for f in check_deck(hostile).findings if f.rule == "part-unreadable"]
        print(
            f"hostile deck (bomb + entities on slides {refused}): best {seconds * 1000:.1f} ms, "
            f"peak RSS growth {peak:.1f} MB"
        )


if __name__ == "__main__":
    main()
