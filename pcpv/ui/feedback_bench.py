"""The patient's feedback after the meeting, for the wizard: no Textual here, like ``workbench``.

Answers go into the project's ``meetings.yaml`` through ``MeetingBook``, which saves each one at
once. Staff responses are not asked in the wizard: they stay with ``pcpv feedback``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pcpv.errors import MediaError
from pcpv.feedback import (
    DONT_KNOW,
    SKIP,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuestion,
    load_feedback_form,
)
from pcpv.meetings import MeetingBook
from pcpv.model import MediaItem, MediaKind, WordsBy
from pcpv.ui.workbench import Workbench, inspect_file

RECORDING_KINDS = (MediaKind.AUDIO, MediaKind.VIDEO)
"""A recording of an answer is a sound or a video."""


def meeting_has_passed(workbench: Workbench, today: dt.date) -> bool:
    """True when the project's meeting date is before ``today`` (False when it has no date)."""
    date = workbench.project.info.meeting.date
    return date is not None and date < today


def answer_words(question: FeedbackQuestion, answer: FeedbackAnswer | None) -> str:
    """The answer given so far, the way the form says it ("Happy", "I don't know"); "" if none."""
    if answer is None:
        return ""
    chosen = next((o.words for o in question.options if o.id == answer.value), "")
    if answer.words and answer.value not in (SKIP, DONT_KNOW):
        return f'"{answer.words}"'
    return chosen


class FeedbackBench:
    """The current meeting's feedback, for the project the workbench has open."""

    def __init__(self, workbench: Workbench) -> None:
        self.wb = workbench
        self.form: FeedbackForm = load_feedback_form()
        """The questions, in the order they are asked."""

    @property
    def questions(self) -> tuple[FeedbackQuestion, ...]:
        return self.form.questions

    def _book(self) -> MeetingBook:
        return MeetingBook.open(self.wb.project)

    def answer(self, question_id: str) -> FeedbackAnswer | None:
        """The answer saved so far (None when the question has not been answered)."""
        with self.wb.lock:
            patient = self._book().data.feedback.patient
        return patient.answers.get(question_id) if patient else None

    def choose(self, question_id: str, value: str) -> FeedbackAnswer:
        """Save a face, a choice, "skip" or "dont-know"; saved at once. Words given before are
        kept."""
        with self.wb.lock:
            return self._book().set_patient_answer(question_id, value)

    def save_words(self, question_id: str, words: str, by: WordsBy) -> FeedbackAnswer:
        """Save an answer in words, exactly as typed; saved at once."""
        with self.wb.lock:
            return self._book().set_patient_answer(question_id, "", words=words, words_by=by)

    def add_recording(self, question_id: str, source: Path) -> MediaItem:
        """Check a sound or video of the patient saying their answer and keep it with the answer
        (copied into the project's media folder); saved at once.

        Raises ``MediaError`` with a plain sentence for a file pcpv cannot use, or a photo.
        """
        info = inspect_file(source)
        if info is not None and info.kind not in RECORDING_KINDS:
            raise MediaError(
                f"'{source.name}' is {info.label}, but a recording is a sound or a video.",
                hint="Choose the sound or video of them saying their answer.",
            )
        with self.wb.lock:
            return self._book().add_patient_recording(question_id, source)
