"""A project's meetings over the years, and the feedback after each one.

``project.yaml`` describes the meeting the deck is being made for now. ``meetings.yaml`` holds the
rest: the feedback on that meeting, and every meeting before it with a copy of the answers shown
there, its feedback and its staff responses. A new meeting (``MeetingBook.start_new_meeting``)
moves the current one into the history and keeps the answers as the starting point of the new deck.

``meetings.yaml`` has a ``schema`` of its own kind (``MEETINGS_SCHEMA``), migrated like the other
project files: older files are brought up to date in memory when read, and rewritten (after a copy
in ``backups/``) only when the project is opened for writing. A missing file means no feedback yet.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pcpv.errors import PcpvError, Problem, ProjectFileError, UsageError
from pcpv.feedback import (
    FeedbackAnswer,
    MeetingFeedback,
    PatientFeedback,
    StaffResponse,
    load_feedback_form,
)
from pcpv.model import (
    DEFAULT_MEETING_TITLES,
    Answer,
    MediaItem,
    Meeting,
    MeetingKind,
    Presenter,
    QuestionSetRef,
    WordsBy,
)
from pcpv.project import BACKUPS_DIR, Project
from pcpv.safe_io import atomic_copy, make_private_dir
from pcpv.yaml_io import MAX_YAML_BYTES, FieldReader, load_yaml, save_yaml

MEETINGS_FILE = "meetings.yaml"
MEETINGS_SCHEMA = 1
"""The ``meetings.yaml`` format this pcpv writes (its own numbering, apart from project.yaml's)."""

MEETINGS_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``MEETINGS_STEPS[n]`` turns a schema-n ``meetings.yaml`` into schema n + 1. None yet: schema 1
is the first; add a step here (never drop information) when the format changes."""

HEADER = (
    "pcpv meetings: the feedback after each meeting, and the meetings before this one.\n"
    "'feedback' is about the meeting in project.yaml; 'history' keeps each earlier meeting\n"
    "with the answers shown there. Staff are recorded by role, never by name.\n"
    "report.share_words: true lets a ward report quote the words here (with --include-words)."
)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass
class ReportSettings:
    """What this project allows a ward report to show."""

    share_words: bool = False
    """True when the patient agreed that their feedback words (and staff comments) may be quoted
    in ward reports made with ``--include-words``. Off by default: counts only."""

    def to_dict(self) -> dict[str, Any]:
        return {"share_words": self.share_words}

    @classmethod
    def from_reader(cls, r: FieldReader) -> ReportSettings:
        return cls(share_words=r.flag("share_words", False))


@dataclass
class PastMeeting:
    """A meeting before the current one, as it was when the next one started."""

    meeting: Meeting
    """Its kind, title and date."""
    presenter: Presenter
    """Who was planned to show the slides."""
    questions: QuestionSetRef
    """The question set the answers belong to."""
    answers: dict[str, Answer] = field(default_factory=dict)
    """A copy of the answers at that time: what the deck showed. Media files stay in ``media/``."""
    feedback: MeetingFeedback = field(default_factory=MeetingFeedback)
    closed: dt.datetime | None = None
    """When the next meeting was started."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting.to_dict(),
            "presenter": self.presenter.value,
            "questions": self.questions.to_dict(),
            "closed": self.closed.isoformat(timespec="seconds") if self.closed else None,
            "feedback": self.feedback.to_dict(),
            "answers": {k: a.to_dict() for k, a in self.answers.items()},
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> PastMeeting:
        return cls(
            meeting=Meeting.from_reader(r.child("meeting")),
            presenter=r.enum("presenter", Presenter, Presenter.TOGETHER),
            questions=QuestionSetRef.from_reader(r.child("questions")),
            answers={key: Answer.from_reader(a) for key, a in r.mapping("answers")},
            feedback=MeetingFeedback.from_reader(r.child("feedback")),
            closed=r.timestamp("closed"),
        )


@dataclass
class MeetingsFile:
    """What ``meetings.yaml`` holds."""

    feedback: MeetingFeedback = field(default_factory=MeetingFeedback)
    """Feedback on the current meeting (the one in ``project.yaml``)."""
    history: list[PastMeeting] = field(default_factory=list)
    """Earlier meetings, oldest first."""
    report: ReportSettings = field(default_factory=ReportSettings)
    schema: int = MEETINGS_SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "report": self.report.to_dict(),
            "feedback": self.feedback.to_dict(),
            "history": [m.to_dict() for m in self.history],
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> MeetingsFile:
        return cls(
            schema=r.whole("schema", MEETINGS_SCHEMA),
            report=ReportSettings.from_reader(r.child("report")),
            feedback=MeetingFeedback.from_reader(r.child("feedback")),
            history=r.each("history", PastMeeting.from_reader),
        )


@dataclass
class MeetingRecord:
    """One meeting of a project, past or current, as reports and lists see it."""

    number: int
    """1 for the project's first meeting, counting up."""
    meeting: Meeting
    presenter: Presenter
    answers: dict[str, Answer]
    """The answers shown (past meetings) or being made (the current one)."""
    feedback: MeetingFeedback
    current: bool
    """True for the meeting in ``project.yaml``."""


def _schema(path: Path, data: Any, lines: dict) -> int:
    reader = FieldReader(data, path, lines)
    reader.raise_if_problems()
    value = data.get("schema")
    if value is None:
        reader.problem("The field 'schema' is missing: pcpv cannot tell which version wrote it.")
    elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.problem(f"'schema' should be a whole number like {MEETINGS_SCHEMA}.", "schema")
    elif value > MEETINGS_SCHEMA:
        reader.problem(
            f"This file was saved by a newer pcpv (format {value}; this pcpv knows up to "
            f"{MEETINGS_SCHEMA}).",
            "schema",
        )
        reader.raise_if_problems(hint="Update pcpv to the newest version, then try again.")
    reader.raise_if_problems()
    return int(value)


def read_meetings(root: Path) -> tuple[MeetingsFile, int | None]:
    """Read ``root/meetings.yaml`` (an empty record when there is none yet).

    Returns the record and the schema it had on disk when that was older (else None). Every
    problem in the file is reported at once, with its line.
    """
    path = root / MEETINGS_FILE
    if not path.is_file():
        return MeetingsFile(), None
    try:
        record, migrated_from = _read(path, *_quick_load(path))
    except ProjectFileError:
        # Read again with line numbers, so every problem says where it is.
        record, migrated_from = _read(path, *load_yaml(path))
    return record, migrated_from


class _QuickLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml when installed: a ward report reads hundreds of these files. Dates stay text, as
    with ``yaml_io.load_yaml``, so both readers give the same data."""


_QuickLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _quick_load(path: Path) -> tuple[Any, dict]:
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return load_yaml(path)  # refuses it with pcpv's message
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_QuickLoader), {}
    except (UnicodeDecodeError, yaml.YAMLError):
        return load_yaml(path)  # reports the file's problem in pcpv's words, with its line
    except OSError as exc:
        raise ProjectFileError(
            [Problem(path, f"The file could not be read ({exc.strerror}).")]
        ) from None


def _read(path: Path, data: Any, lines: dict) -> tuple[MeetingsFile, int | None]:
    version = _schema(path, data, lines)
    migrated_from = version if version < MEETINGS_SCHEMA else None
    while version < MEETINGS_SCHEMA:
        data = MEETINGS_STEPS[version](data)
        version += 1
        lines = {}  # line numbers no longer match the data
    problems: list[Problem] = []
    record = MeetingsFile.from_reader(FieldReader(data, path, lines, problems=problems))
    if problems:
        raise ProjectFileError(problems)
    record.schema = MEETINGS_SCHEMA
    return record, migrated_from


class MeetingBook:
    """A project's meetings: the current one and those before it, with their feedback.

    Open it on a project opened for writing to change it (``Project.open_for_writing``); on a
    read-only project it can only be read. Every change is saved at once.
    """

    def __init__(self, project: Project, data: MeetingsFile, migrated_from: int | None) -> None:
        self.project = project
        self.data = data
        self.migrated_from = migrated_from
        """The schema ``meetings.yaml`` had on disk, when it was older than this pcpv's."""

    @classmethod
    def open(cls, project: Project) -> MeetingBook:
        data, migrated_from = read_meetings(project.root)
        book = cls(project, data, migrated_from)
        if migrated_from is not None and project.writable:
            book._backup(f"meetings-schema-{migrated_from}")
            book.save()
        return book

    # -- reading ---------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.project.root / MEETINGS_FILE

    def meetings(self) -> list[MeetingRecord]:
        """Every meeting, oldest first; the last is the current one."""
        records = [
            MeetingRecord(i + 1, m.meeting, m.presenter, m.answers, m.feedback, current=False)
            for i, m in enumerate(self.data.history)
        ]
        info = self.project.info
        records.append(
            MeetingRecord(
                len(records) + 1,
                info.meeting,
                info.presentation.presenter,
                self.project.answers,
                self.data.feedback,
                current=True,
            )
        )
        return records

    def feedback_for(self, date: dt.date | None = None) -> MeetingFeedback:
        """The feedback of the current meeting, or of the past meeting held on ``date``."""
        if date is None or date == self.project.info.meeting.date:
            return self.data.feedback
        for past in self.data.history:
            if past.meeting.date == date:
                return past.feedback
        known = [m.meeting.date.isoformat() for m in self.meetings() if m.meeting.date]
        raise UsageError(
            f"This project has no meeting on {date.isoformat()}.",
            hint="Its meetings are on: " + (", ".join(known) or "no dates recorded yet") + ".",
        )

    # -- changing --------------------------------------------------------------------------------
    def _require_writable(self) -> None:
        if not self.project.writable:
            raise PcpvError("This project was opened for reading only, so it cannot be changed.")

    def save(self) -> None:
        """Write ``meetings.yaml`` atomically, owner-only."""
        self._require_writable()
        save_yaml(self.path, self.data.to_dict(), header=HEADER)

    def _backup(self, label: str) -> None:
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        folder = self.project.root / BACKUPS_DIR / f"{label}-{stamp}"
        make_private_dir(folder)
        atomic_copy(self.path, folder / MEETINGS_FILE)

    def set_patient_answer(
        self,
        question_id: str,
        value: str = "",
        *,
        words: str | None = None,
        words_by: WordsBy = WordsBy.PATIENT,
        date: dt.date | None = None,
    ) -> FeedbackAnswer:
        """Record the patient's answer to one feedback question and save.

        ``value`` is a face, a choice, "skip" or "dont-know" (see ``feedback.allowed_values``);
        ``words`` are kept exactly as given. Other answers already given are kept.
        """
        self._require_writable()
        value = load_feedback_form().check_value(question_id, value)
        feedback = self.feedback_for(date)
        if feedback.patient is None:
            feedback.patient = PatientFeedback()
        answer = feedback.patient.answers.setdefault(question_id, FeedbackAnswer())
        answer.value = value
        if words is not None:
            answer.words = words
            answer.words_by = words_by
        feedback.patient.given = _now()
        self.save()
        return answer

    def add_patient_recording(
        self, question_id: str, source: Path, *, date: dt.date | None = None
    ) -> MediaItem:
        """Copy a recording of the patient's answer into ``media/`` and attach it; save."""
        self._require_writable()
        load_feedback_form().question(question_id)
        item = self.project.import_media_file(source)
        feedback = self.feedback_for(date)
        if feedback.patient is None:
            feedback.patient = PatientFeedback()
        answer = feedback.patient.answers.setdefault(question_id, FeedbackAnswer())
        if all(m.sha256 != item.sha256 for m in answer.media):
            answer.media.append(item)
        feedback.patient.given = _now()
        self.save()
        return item

    def set_patient_feedback(
        self, patient: PatientFeedback, *, date: dt.date | None = None
    ) -> None:
        """Replace the patient's whole feedback on a meeting (e.g. from a completed form); save."""
        self._require_writable()
        form = load_feedback_form()
        for question_id, answer in patient.answers.items():
            answer.value = form.check_value(question_id, answer.value)
        patient.given = patient.given or _now()
        self.feedback_for(date).patient = patient
        self.save()

    def add_staff_response(self, response: StaffResponse, *, date: dt.date | None = None) -> None:
        """Add one member of staff's response to a meeting; save."""
        self._require_writable()
        load_feedback_form().role(response.role)
        response.given = response.given or _now()
        self.feedback_for(date).staff.append(response)
        self.save()

    def set_share_words(self, allowed: bool) -> None:
        """Record whether ward reports may quote this project's feedback words; save."""
        self._require_writable()
        self.data.report.share_words = allowed
        self.save()

    def start_new_meeting(
        self, date: dt.date, *, kind: MeetingKind | None = None, title: str | None = None
    ) -> PastMeeting:
        """Move the current meeting into the history and make a new one current.

        The answers stay as the new deck's starting point; the history keeps a copy of them, so it
        shows what was presented. The question set stays the same, even for a new kind of meeting.
        """
        self._require_writable()
        info = self.project.info
        old = info.meeting
        if old.date is not None and date <= old.date:
            raise UsageError(
                f"The new meeting's date ({date.isoformat()}) is not after the current meeting's "
                f"({old.date.isoformat()}).",
                hint="Check the date. To change the current meeting's date, edit project.yaml.",
            )
        past = PastMeeting(
            meeting=copy.deepcopy(old),
            presenter=info.presentation.presenter,
            questions=copy.deepcopy(info.questions),
            answers=copy.deepcopy(self.project.answers),
            feedback=self.data.feedback,
            closed=_now(),
        )
        new_kind = kind or old.kind
        if title is None:
            title = old.title if new_kind is old.kind else DEFAULT_MEETING_TITLES[new_kind]
        self.data.history.append(past)
        self.data.feedback = MeetingFeedback()
        # meetings.yaml first: a crash between the two writes leaves the old meeting both in the
        # history and current (visible, harmless), never the old feedback under the new meeting.
        self.save()
        info.meeting = Meeting(kind=new_kind, title=title, date=date)
        self.project.save_info()
        return past


__all__ = [
    "MEETINGS_FILE",
    "MEETINGS_SCHEMA",
    "MeetingBook",
    "MeetingRecord",
    "MeetingsFile",
    "PastMeeting",
    "ReportSettings",
    "read_meetings",
]
