"""Snapshots of the main screens at 80x24 and 120x36 (update with --snapshot-update).

Deterministic on purpose: a fixed project (dates, session, answers), no clock on screen, and
pictures drawn with half blocks whatever the terminal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pcpv.model import PromptState, SessionEntry, WordsBy
from pcpv.project import Project

from .helpers import make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


@pytest.fixture
def worked_project(project_dir: Path, pictures: Path) -> Path:
    """Sam's project after one session, with a fixed date."""
    with Project.open_for_writing(project_dir) as project:
        project.sessions.append(
            SessionEntry(
                started=dt.datetime(2027, 1, 4, 10, 30),
                who=["patient", "SALT"],
                plan="about me",
                worked_on=["my-name", "things-i-like"],
            )
        )
        project.save_sessions()
        project.set_words("my-name", "Sam. Not Samuel.", WordsBy.PATIENT)
        project.set_words("things-i-like", "Football and music", WordsBy.PATIENT)
        project.add_media("things-i-like", pictures / "beach.jpg", caption="Me at the beach")
        project.set_state("important-to-me", PromptState.NOT_TODAY)
        for answer in project.answers.values():
            answer.updated = dt.datetime(2027, 1, 4, 11, 0)
            for item in answer.media:
                item.added = dt.datetime(2027, 1, 4, 11, 0)
        project.save_answers()
    return project_dir


async def _settle(pilot) -> None:
    await pilot.pause()
    app = pilot.app
    mine = [w for w in app.workers if w.group != "_loader" and not w.is_finished]
    if mine:
        await app.workers.wait_for_complete(mine)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_session_screen(snap_compare, worked_project: Path, pictures: Path, size) -> None:
    app = make_app(worked_project, pictures)
    try:
        assert snap_compare(app, terminal_size=size, run_before=_settle)
    finally:
        app.close_project()


@pytest.mark.parametrize("size", SIZES)
def test_prompt_screen(snap_compare, worked_project: Path, pictures: Path, size) -> None:
    app = make_app(worked_project, pictures)

    async def open_prompt(pilot) -> None:
        await _settle(pilot)
        pilot.app.screen.open_prompt("things-i-like")
        await _settle(pilot)
        pilot.app.screen.query_one("#prompt-body").scroll_home(animate=False)
        await _settle(pilot)

    try:
        assert snap_compare(app, terminal_size=size, run_before=open_prompt)
    finally:
        app.close_project()


def test_first_time_screen(snap_compare, project_dir: Path, pictures: Path) -> None:
    app = make_app(project_dir, pictures)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
    finally:
        app.close_project()


def test_help_in_high_contrast(snap_compare, worked_project: Path, pictures: Path) -> None:
    app = make_app(worked_project, pictures)
    app.settings.high_contrast = True
    app.apply_settings()

    async def open_help(pilot) -> None:
        await _settle(pilot)
        await pilot.press("f1")
        await _settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_help)
    finally:
        app.close_project()


def test_consent_photo_check(snap_compare, worked_project: Path, pictures: Path) -> None:
    """A photo shown large with its first check, Yes and No with their pictures."""
    from pcpv.consent import consent_items
    from pcpv.ui.consent_bench import Sitting
    from pcpv.ui.screens.consent import ConsentItemScreen

    photo = next(i.key for i in consent_items(Project.open(worked_project)) if i.media)
    app = make_app(worked_project, pictures)

    async def open_photo(pilot) -> None:
        await _settle(pilot)
        pilot.app.consent_bench().sitting = Sitting()
        pilot.app.push_screen(ConsentItemScreen(photo))
        await _settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_photo)
    finally:
        app.close_project()


def test_feedback_faces(snap_compare, worked_project: Path, pictures: Path) -> None:
    """The first feedback question: Happy, OK and Sad with their pictures, Skip, I don't know."""
    from pcpv.ui.screens.feedback import FeedbackScreen

    app = make_app(worked_project, pictures)

    async def open_feedback(pilot) -> None:
        await _settle(pilot)
        pilot.app.push_screen(FeedbackScreen(0))
        await _settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_feedback)
    finally:
        app.close_project()
