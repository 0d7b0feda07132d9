"""``pcpv build``: make the deck the patient shows at the meeting."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ORDER = 35


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="make the slide deck (.pptx) from a project")
    p.add_argument("folder", type=Path, help="the project folder")
    p.add_argument(
        "-o", "--output", type=Path, help="where to save the deck (default: in the project folder)"
    )
    p.add_argument(
        "--print",
        dest="print_quality",
        action="store_true",
        help="keep photos sharp enough to print (a bigger file)",
    )
    p.add_argument(
        "--skip-bad-media",
        action="store_true",
        help="leave out photos, sounds or videos pcpv cannot use, and make the rest",
    )
    p.set_defaults(handler=cmd_build)


def _progress(done: int, total: int, text: str) -> None:
    # Every media file, but only every tenth slide: a 50-slide deck should not fill the screen.
    if text.startswith("Laid out slide") and done % 10 and done != total:
        return
    print(f"  {text}", flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    # Imported here: python-pptx and the media tools are slow to load for other commands.
    from pcpv.deck.build import build_deck
    from pcpv.project import Project

    project = Project.open(args.folder)
    print(f"Making the deck for {project.info.name}.")
    result = build_deck(
        project,
        args.output,
        print_quality=args.print_quality,
        skip_bad_media=args.skip_bad_media,
        progress=_progress,
    )
    for message in result.skipped:
        print(f"Left out: {message}", file=sys.stderr)
    for note in result.notes:
        print(f"Note: {note}")
    media = {0: "no photos, sounds or videos", 1: "1 photo, sound or video"}.get(
        result.media_files, f"{result.media_files} photos, sounds and videos"
    )
    print(f"Saved {result.path} ({result.slides} slides, {media}) in {result.seconds:.1f} seconds.")
    if result.check is not None:
        from pcpv.check.output import summary

        print(f"Accessibility check: {summary(result.check)}")
    return 0
