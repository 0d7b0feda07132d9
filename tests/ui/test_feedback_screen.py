"""Feedback after the meeting in the wizard: faces, skip, "I don't know", a choice and words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, RadioSet, TextArea

from pcpv.errors import UsageError
from pcpv.feedback import (
    CHANGE_NEXT_TIME,
    LISTENED,
    PART_OF_MEETING,
    SLIDES_HELPED,
    UNDERSTOOD,
    WHO_PRESENTED,
)
from pcpv.meetings import MeetingBook
from pcpv.model import MediaKind, WordsBy
from pcpv.project import Project
from pcpv.ui.app import WizardApp
from pcpv.ui.feedback_bench import FeedbackBench, answer_words, meeting_has_passed
from pcpv.ui.screens.feedback import FeedbackDoneScreen, FeedbackScreen
from pcpv.ui.screens.media import MediaPickScreen
from pcpv.ui.screens.session import SessionScreen
from pcpv.ui.workbench import Workbench

from .helpers import make_app
from .test_wizard_flow import PLAIN_WORDS_BANNED, SIZE, click, settle, text_of

AFTER_THE_MEETING = dt.date(2027, 1, 20)
"""The fixtures' meeting is on 15 January 2027."""


def started(project_dir: Path) -> Path:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient", "SALT"], "")
    return project_dir


def saved_feedback(root: Path) -> dict[str, tuple[str, str, WordsBy]]:
    patient = MeetingBook.open(Project.open(root)).data.feedback.patient
    assert patient is not None
    return {q: (a.value, a.words, a.words_by) for q, a in patient.answers.items()}


async def answer(pilot, app: WizardApp, button_id: str) -> None:
    await click(pilot, app, f"#{button_id}")
    await settle(pilot, app)


async def add_recording(pilot, app: WizardApp, path: Path) -> None:
    await answer(pilot, app, "add-recording")
    assert isinstance(app.screen, MediaPickScreen)
    app.screen.query_one("#path", Input).value = str(path)
    await answer(pilot, app, "add")
    assert isinstance(app.screen, FeedbackScreen)


async def test_every_question_answered_and_kept(project_dir: Path, pictures: Path) -> None:
    started(project_dir)
    app = make_app(project_dir, pictures)
    app.today = AFTER_THE_MEETING
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)
        assert "The meeting was on 15 January 2027" in text_of(app, "#feedback-note")
        await answer(pilot, app, "feedback-offer")
        assert isinstance(app.screen, FeedbackScreen) and app.screen.index == 0
        assert text_of(app, "#question") == "Did people listen to me?"
        assert "answer so far: not answered yet" in text_of(app, "#where")
        await answer(pilot, app, "answer-happy")
        assert text_of(app, "#question") == "Did I understand what people said?"
        await answer(pilot, app, "answer-ok")
        await answer(pilot, app, "answer-dont-know")
        await answer(pilot, app, "answer-skip")
        assert text_of(app, "#question") == "Who showed my slides?"
        await answer(pilot, app, "answer-together")
        assert text_of(app, "#question") == "What would I change next time?"
        # Words are the patient's own unless marked; empty words are not saved.
        await answer(pilot, app, "save-words")
        assert isinstance(app.screen, FeedbackScreen) and app.screen.index == 5
        # A recording of them saying it: a photo is refused with the reason, a sound is kept.
        await add_recording(pilot, app, pictures / "beach.jpg")
        assert "Not added: 'beach.jpg' is" in text_of(app, "#recordings")
        app.clear_notifications()  # the message would cover the buttons for the next click
        await pilot.pause(0.3)  # a button ignores a second click while it shows the first
        await add_recording(pilot, app, pictures / "voice.wav")
        assert text_of(app, "#recordings") == "Recordings: voice.wav"
        app.screen.query_one("#words", TextArea).focus()
        await pilot.press(*"Bigger [photos]")
        await answer(pilot, app, "save-words")
        assert isinstance(app.screen, FeedbackDoneScreen)
        done = text_of(app, "#answers-text")
        assert "1. Did people listen to me?  Happy" in done
        assert "4. Did I feel part of the meeting?  Skip" in done
        assert '6. What would I change next time?  "Bigger [photos]"' in done
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
    app.close_project()
    assert saved_feedback(project_dir) == {
        LISTENED: ("happy", "", WordsBy.PATIENT),
        UNDERSTOOD: ("ok", "", WordsBy.PATIENT),
        SLIDES_HELPED: ("dont-know", "", WordsBy.PATIENT),
        PART_OF_MEETING: ("skip", "", WordsBy.PATIENT),
        WHO_PRESENTED: ("together", "", WordsBy.PATIENT),
        CHANGE_NEXT_TIME: ("", "Bigger [photos]", WordsBy.PATIENT),
    }
    patient = MeetingBook.open(Project.open(project_dir)).data.feedback.patient
    assert patient is not None
    [recording] = patient.answers[CHANGE_NEXT_TIME].media
    assert (recording.kind, recording.original_name) == (MediaKind.AUDIO, "voice.wav")
    assert (project_dir / recording.file).is_file()


async def test_the_offer_waits_for_the_meeting_but_f6_works_any_time(
    project_dir: Path, pictures: Path
) -> None:
    started(project_dir)
    with Project.open_for_writing(project_dir) as project:
        MeetingBook.open(project).set_patient_answer(LISTENED, "sad")
    app = make_app(project_dir, pictures)  # today: 10 January, before the meeting
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert not app.screen.query("#feedback-offer")
        assert not app.screen.query("#feedback-note")
        await pilot.press("f6")
        await settle(pilot, app)
        # It starts at the first question not answered yet; Back shows what was said before.
        assert isinstance(app.screen, FeedbackScreen) and app.screen.index == 1
        await pilot.press("f3")
        await settle(pilot, app)
        assert "answer so far: Sad" in text_of(app, "#where")
        help_text = app.screen.PLAIN_HELP.lower()
        assert "pcpv feedback folder" in help_text and "staff" in help_text
        assert not any(word in help_text for word in PLAIN_WORDS_BANNED)
        # Go to the words question; words written by staff, left by Escape: still saved.
        for _ in range(5):
            await pilot.press("f4")
            await settle(pilot, app)
        assert app.screen.index == 5
        list(app.screen.query_one("#words-by", RadioSet).query(RadioButton))[1].value = True
        app.screen.query_one("#words", TextArea).focus()
        await pilot.press(*"Sam wants a shorter meeting")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
    app.close_project()
    assert saved_feedback(project_dir) == {
        LISTENED: ("sad", "", WordsBy.PATIENT),
        CHANGE_NEXT_TIME: ("", "Sam wants a shorter meeting", WordsBy.STAFF),
    }


async def test_the_offer_shows_only_after_the_meeting_date(
    project_dir: Path, pictures: Path
) -> None:
    started(project_dir)
    for today, offered in [
        (dt.date(2027, 1, 15), False),  # the day itself: not yet
        (dt.date(2027, 1, 16), True),
    ]:
        app = make_app(project_dir, pictures)
        app.today = today
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, app)
            assert bool(app.screen.query("#feedback-offer")) is offered
        app.close_project()


def test_the_bench_refuses_an_answer_the_question_does_not_take(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        bench = FeedbackBench(Workbench(project))
        with pytest.raises(UsageError) as refused:
            bench.choose(LISTENED, "brilliant")
        assert "'brilliant' is not an answer to 'listened'" in refused.value.message
        assert "happy, ok, sad, skip, dont-know" in refused.value.hint
        with pytest.raises(UsageError):
            bench.choose(WHO_PRESENTED, "happy")  # a face is not who showed the slides
        assert bench.answer(LISTENED) is None
        bench.choose(LISTENED, "ok")
        bench.save_words(CHANGE_NEXT_TIME, "More photos", WordsBy.PATIENT)
        form = bench.form
        assert answer_words(form.question(LISTENED), bench.answer(LISTENED)) == "OK"
        assert answer_words(form.question(CHANGE_NEXT_TIME), bench.answer(CHANGE_NEXT_TIME)) == (
            '"More photos"'
        )
        assert answer_words(form.question(UNDERSTOOD), None) == ""
    assert not (project_dir / "meetings.yaml").read_text(encoding="utf-8").count("brilliant")


def test_the_meeting_has_passed_only_after_its_day(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        assert not meeting_has_passed(wb, dt.date(2027, 1, 15))
        assert meeting_has_passed(wb, dt.date(2027, 1, 16))
        project.info.meeting.date = None  # no date yet: never offered
        assert not meeting_has_passed(wb, dt.date(2030, 1, 1))
