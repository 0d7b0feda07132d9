"""Feedback and meeting history stored in meetings.yaml, like every other project file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import yaml

import pcpv.meetings as meetings_module
from pcpv.errors import PcpvError, ProjectFileError, UsageError
from pcpv.feedback import FeedbackAnswer, PatientFeedback, StaffResponse, TookPart, Useful
from pcpv.meetings import MEETINGS_FILE, MeetingBook, read_meetings
from pcpv.model import MeetingKind, PromptState, WordsBy
from pcpv.project import Project
from pcpv.safe_io import is_owner_only

from conftest import tiny_wav


def test_no_file_means_no_feedback_yet(project_dir: Path) -> None:
    book = MeetingBook.open(Project.open(project_dir))
    [current] = book.meetings()
    assert current.current and current.number == 1
    assert current.feedback.is_empty
    assert not (project_dir / MEETINGS_FILE).exists()


def test_answers_are_saved_at_once_readable_and_private(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        book.set_patient_answer("listened", "happy")
        book.set_patient_answer("who-presented", "together")
        book.set_patient_answer(
            "change-next-time", words="Fewer people.\nMore music.", words_by=WordsBy.PATIENT
        )
        book.set_patient_answer("listened", "ok")  # changing an answer keeps the others
    path = project_dir / MEETINGS_FILE
    text = path.read_text()
    assert text.startswith("# pcpv meetings:")
    assert "Staff are recorded by role, never by name." in text
    assert "words: |-\n          Fewer people.\n          More music." in text
    data = yaml.safe_load(text)
    assert data["schema"] == 1
    assert data["report"] == {"share_words": False}
    answers = data["feedback"]["patient"]["answers"]
    assert answers["listened"] == {"value": "ok"}
    assert answers["who-presented"] == {"value": "together"}
    assert answers["change-next-time"]["words_by"] == "patient"
    if sys.platform != "win32":
        assert is_owner_only(path)
    reread = MeetingBook.open(Project.open(project_dir)).data.feedback.patient
    assert reread is not None and reread.value("listened") == "ok"
    assert reread.answers["change-next-time"].words == "Fewer people.\nMore music."
    assert reread.given is not None


def test_bad_answers_are_refused_and_nothing_is_written(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        with pytest.raises(UsageError, match="'brilliant' is not an answer"):
            book.set_patient_answer("listened", "brilliant")
        with pytest.raises(UsageError, match="no feedback question called"):
            book.set_patient_answer("favourite-colour", "happy")
        with pytest.raises(UsageError, match="never their name"):
            book.add_staff_response(StaffResponse(role="Jo Bloggs"))
        bad = PatientFeedback(answers={"understood": FeedbackAnswer(value="maybe")})
        with pytest.raises(UsageError, match="'maybe' is not an answer to 'understood'"):
            book.set_patient_feedback(bad)
    assert not (project_dir / MEETINGS_FILE).exists()


def test_a_read_only_project_cannot_be_changed(project_dir: Path) -> None:
    book = MeetingBook.open(Project.open(project_dir))
    with pytest.raises(PcpvError, match="reading only"):
        book.set_patient_answer("listened", "happy")
    with pytest.raises(PcpvError, match="reading only"):
        book.start_new_meeting(dt.date(2027, 6, 1))


def test_recording_and_staff_response(project_dir: Path, tmp_path: Path) -> None:
    clip = tmp_path / "what I would change.wav"
    clip.write_bytes(tiny_wav())
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        item = book.add_patient_recording("change-next-time", clip)
        book.add_patient_recording("change-next-time", clip)  # the same file is kept once
        book.add_staff_response(StaffResponse("nurse", Useful.YES, TookPart.MORE, "Good."))
    assert (project_dir / item.file).is_file()
    feedback = MeetingBook.open(Project.open(project_dir)).data.feedback
    assert feedback.patient is not None
    assert [m.file for m in feedback.patient.answers["change-next-time"].media] == [item.file]
    [staff] = feedback.staff
    assert (staff.role, staff.useful, staff.took_part, staff.comment) == (
        "nurse",
        Useful.YES,
        TookPart.MORE,
        "Good.",
    )
    assert staff.given is not None
    saved = yaml.safe_load((project_dir / MEETINGS_FILE).read_text())["feedback"]["staff"][0]
    assert set(saved) == {"role", "useful", "took_part", "comment", "given"}, "no name field"


def test_a_new_meeting_keeps_the_old_one_with_what_it_showed(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.set_words("feel-safe", "I feel safe in my room.")
        project.set_state("my-medicine", PromptState.NOT_TODAY)
        book = MeetingBook.open(project)
        book.set_patient_answer("listened", "happy")
        book.add_staff_response(StaffResponse("consultant", Useful.PARTLY, TookPart.SAME))
        past = book.start_new_meeting(dt.date(2027, 7, 1), kind=MeetingKind.CPA)
        project.set_words("feel-safe", "Better now.")  # the new deck changes; history does not
    assert past.meeting.date == dt.date(2027, 1, 15)
    project = Project.open(project_dir)
    assert project.info.meeting.kind is MeetingKind.CPA
    assert project.info.meeting.title == "CPA review"  # a new kind gets its own default name
    assert project.info.meeting.date == dt.date(2027, 7, 1)
    assert project.info.questions.id == "ctr", "the question set stays"
    assert project.answer("my-medicine").state is PromptState.NOT_TODAY, "answers are kept"
    book = MeetingBook.open(project)
    first, second = book.meetings()
    assert (first.number, first.current, second.number, second.current) == (1, False, 2, True)
    assert first.meeting.kind is MeetingKind.CTR
    assert first.answers["feel-safe"].words == "I feel safe in my room."
    assert second.answers["feel-safe"].words == "Better now."
    assert first.feedback.patient is not None
    assert first.feedback.patient.value("listened") == "happy"
    assert [s.role for s in first.feedback.staff] == ["consultant"]
    assert second.feedback.is_empty
    # Late feedback on the earlier meeting goes to it, found by its date.
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        book.set_patient_answer("understood", "sad", date=dt.date(2027, 1, 15))
        with pytest.raises(UsageError, match="no meeting on 2027-03-03") as caught:
            book.set_patient_answer("understood", "sad", date=dt.date(2027, 3, 3))
        assert "2027-01-15, 2027-07-01" in caught.value.hint
        # The same kind keeps the name the service gave it.
        book.start_new_meeting(dt.date(2028, 1, 10))
        assert project.info.meeting.title == "CPA review"
    first = MeetingBook.open(Project.open(project_dir)).meetings()[0]
    assert first.feedback.patient is not None
    assert first.feedback.patient.value("understood") == "sad"


def test_a_new_meeting_must_come_after_the_current_one(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        book = MeetingBook.open(project)
        for day in (dt.date(2027, 1, 15), dt.date(2026, 12, 1)):
            with pytest.raises(UsageError, match="is not after the current meeting's"):
                book.start_new_meeting(day)
    assert not (project_dir / MEETINGS_FILE).exists()
    assert Project.open(project_dir).info.meeting.date == dt.date(2027, 1, 15)


HAND_EDITED = """\
schema: 1
report:
  share_words: perhaps
feedback:
  patient:
    answers:
      listened:
        value: brilliant
      mood:
        value: happy
  staff:
    - role: Dr Smith
      useful: very
history:
  - meeting: {kind: ctr, title: Review, date: 15/01/2027}
    presenter: together
    questions: {set: ctr, version: 1}
"""


def test_a_hand_edited_file_reports_every_problem_with_its_line(project_dir: Path) -> None:
    path = project_dir / MEETINGS_FILE
    path.write_text(HAND_EDITED)
    with pytest.raises(ProjectFileError) as caught:
        read_meetings(project_dir)
    found = {(p.line, p.where) for p in caught.value.problems}
    assert found == {
        (3, "report.share_words"),
        (8, "feedback.patient.answers.listened.value"),
        (9, "feedback.patient.answers.mood"),
        (12, "feedback.staff[0].role"),
        (13, "feedback.staff[0].useful"),
        (15, "history[0].meeting.date"),
    }
    assert all(p.file == path for p in caught.value.problems)
    assert "Nothing has been changed" in caught.value.hint
    # Opening for writing does not touch a file it cannot read.
    with Project.open_for_writing(project_dir) as project, pytest.raises(ProjectFileError):
        MeetingBook.open(project)
    assert path.read_text() == HAND_EDITED


def test_broken_yaml_and_schema_problems(project_dir: Path) -> None:
    path = project_dir / MEETINGS_FILE
    path.write_text("schema: 1\nfeedback: [unclosed\n")
    with pytest.raises(ProjectFileError) as caught:
        read_meetings(project_dir)
    [problem] = caught.value.problems
    assert problem.line == 3 and "layout is broken" in problem.message
    path.write_text("feedback: {}\n")
    with pytest.raises(ProjectFileError, match="'schema' is missing"):
        read_meetings(project_dir)
    path.write_text("schema: 7\n")
    with pytest.raises(ProjectFileError, match="saved by a newer pcpv") as caught:
        read_meetings(project_dir)
    assert "Update pcpv" in caught.value.hint
    path.write_text("- just\n- a list\n")
    with pytest.raises(ProjectFileError):
        read_meetings(project_dir)


def test_dates_written_without_quotes_by_hand_still_read(project_dir: Path) -> None:
    (project_dir / MEETINGS_FILE).write_text(
        "schema: 1\nfeedback:\n  patient:\n    given: 2027-01-16T10:00:00\n    answers: {}\n"
        "history:\n  - meeting: {kind: ctr, title: Review, date: 2026-07-01}\n"
        "    questions: {set: ctr, version: 1}\n"
    )
    data, _ = read_meetings(project_dir)
    assert data.history[0].meeting.date == dt.date(2026, 7, 1)
    assert data.feedback.patient is not None
    assert data.feedback.patient.given == dt.datetime(2027, 1, 16, 10, 0)


def _v1_to_v2(data: dict) -> dict:
    """A pretend next format (for the test): the share flag moves to the top."""
    data = dict(data)
    data["share"] = (data.pop("report", None) or {}).get("share_words", False)
    data["schema"] = 2
    return data


def test_older_files_are_migrated_in_memory_then_backed_up_and_rewritten(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open_for_writing(project_dir) as project:
        MeetingBook.open(project).set_patient_answer("listened", "sad")
    before = (project_dir / MEETINGS_FILE).read_text()
    # This pcpv is pretend-upgraded to format 2; its reader keeps reading 'report' so the
    # migrated data still reads: the step must be run, and must not lose the answers.
    steps = {1: _v1_to_v2}
    monkeypatch.setattr(meetings_module, "MEETINGS_SCHEMA", 2)
    monkeypatch.setattr(meetings_module, "MEETINGS_STEPS", steps)
    book = MeetingBook.open(Project.open(project_dir))
    assert book.migrated_from == 1
    assert book.data.feedback.patient is not None
    assert book.data.feedback.patient.value("listened") == "sad"
    assert (project_dir / MEETINGS_FILE).read_text() == before, "reading changes nothing"
    assert not (project_dir / "backups").exists()
    with Project.open_for_writing(project_dir) as project:
        MeetingBook.open(project)
    [backup] = (project_dir / "backups").iterdir()
    assert backup.name.startswith("meetings-schema-1-")
    assert (backup / MEETINGS_FILE).read_text() == before
    assert yaml.safe_load((project_dir / MEETINGS_FILE).read_text())["schema"] == 2


def test_feedback_on_a_project_from_the_first_prototype(tmp_path: Path) -> None:
    # Schema-1 project files (flat meeting fields) are migrated by Project; meetings.yaml is new.
    root = tmp_path / "old"
    root.mkdir()
    (root / "project.yaml").write_text(
        "schema: 1\nname: Sam\nmeeting_kind: ctr\nmeeting_title: CTR\n"
        "meeting_date: '2026-05-01'\nquestion_set: ctr\nquestion_set_version: 1\n"
    )
    with Project.open_for_writing(root) as project:
        assert project.migrated_from == 1
        book = MeetingBook.open(project)
        book.set_patient_answer("part-of-meeting", "happy")
        book.start_new_meeting(dt.date(2026, 11, 1))
    project = Project.open(root)
    first, second = MeetingBook.open(project).meetings()
    assert first.meeting.date == dt.date(2026, 5, 1)
    assert first.feedback.patient is not None
    assert first.feedback.patient.value("part-of-meeting") == "happy"
    assert second.meeting.date == dt.date(2026, 11, 1)
