"""``build_deck``: the whole build, readable in one function.

Gather and check everything first, then write: plan the slides, get every photo, sound and video
ready (on both cores), stop with one message listing every bad file (or leave them out when asked),
write the deck to a temporary file and rename it, then run the deck checker when it is installed.
A failed or stopped build leaves the previous deck as it was.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcpv.deck.assets import Progress, failure_error, preparing_media
from pcpv.deck.plan import make_plan
from pcpv.deck.symbols import SymbolSource
from pcpv.project import check_deck_output


@dataclass
class BuildResult:
    """What a build made and what it left out."""

    path: Path
    """The deck written."""
    slides: int
    media_files: int
    """Distinct photos, sounds and videos embedded."""
    skipped: list[str] = field(default_factory=list)
    """One plain sentence per bad media file left out (``skip_bad_media``)."""
    notes: list[str] = field(default_factory=list)
    """Other things left out (a symbol that could not be found...)."""
    seconds: float = 0.0
    """How long the build took."""
    check: Any = None
    """The checker's ``Report`` on the new deck, when ``pcpv.check`` is installed."""


def default_output(project: Any) -> Path:
    """Where ``pcpv build`` writes when not told: inside the project folder, named for the meeting
    (e.g. ``Sam-Care-and-Treatment-Review.pptx``)."""
    stem = f"{project.info.name} {project.info.meeting.title}"
    slug = re.sub(r"[^\w]+", "-", stem, flags=re.UNICODE).strip("-") or "deck"
    return project.root / f"{slug}.pptx"


def build_deck(
    project: Any,
    output: Path | None = None,
    *,
    print_quality: bool = False,
    skip_bad_media: bool = False,
    progress: Progress | None = None,
    symbols: SymbolSource | None = None,
    check: bool = True,
) -> BuildResult:
    """Build ``project``'s deck at ``output`` (default: ``default_output``).

    Bad media stop the build with one ``MediaError`` naming every file and question, and nothing
    is written, unless ``skip_bad_media`` is set: then they are left out and listed in
    ``BuildResult.skipped``. ``progress(done, total, text)`` is called as work is done.
    """
    started = time.perf_counter()
    target = output if output is not None else default_output(project)
    check_deck_output(project.root, target)
    plan = make_plan(project, symbols=symbols)
    with project.scratch() as work:
        # The helpers prepare the media while this process lays out the slides, then puts in
        # each file as it is ready.
        with preparing_media(
            plan.media(), work_dir=work, print_quality=print_quality, progress=progress
        ) as pending:
            # Imported here, once the helpers have started: loading python-pptx overlaps their
            # work, and they do not need it.
            from pcpv.deck.writer import DeckWriter

            writer = DeckWriter(plan, symbols)
            writer.lay_out(progress)
            media = pending.wait(writer.put_in_ready)
        skipped: list[str] = []
        if media.failures:
            if not skip_bad_media:
                raise failure_error(media.failures)
            skipped = [f.message for f in media.failures]
            plan = make_plan(project, symbols=symbols, exclude_media=media.bad_hashes())
            writer = DeckWriter(plan, symbols)
            writer.lay_out(progress)
        written = writer.finish(target, media)
    result = BuildResult(
        path=written.path,
        slides=written.slides,
        media_files=written.media_files,
        skipped=skipped,
        notes=written.notes,
    )
    if check:
        result.check = run_checker(written.path)
    result.seconds = time.perf_counter() - started
    return result


def run_checker(path: Path) -> Any:
    """The deck checker's report on ``path``, or None while ``pcpv.check`` has no ``check_deck``."""
    try:
        from pcpv.check import check_deck  # type: ignore[attr-defined]
    except ImportError:
        return None
    return check_deck(path)
