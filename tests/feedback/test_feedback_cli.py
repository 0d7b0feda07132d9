"""pcpv feedback and pcpv meeting at the command line: the numbered form (piped input) and the
options for scripts."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pcpv.cli import main
from pcpv.feedback import TookPart, Useful
from pcpv.meetings import MEETINGS_FILE, MeetingBook
from pcpv.model import MeetingKind
from pcpv.project import Project

from conftest import REPO, tiny_wav

# listened: 1 (happy); understood: "x" then 9 are refused, then 2 (ok); slides-helped: "sad" by id;
# part-of-meeting: 5 (don't know); who-presented: 2 (together); change: the patient's words.
PATIENT_INPUT = "1\nx\n9\n2\nsad\n5\n2\nLess people in the room\n"


def feedback(project_dir: Path):
    return MeetingBook.open(Project.open(project_dir)).data.feedback


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_numbered_form_with_piped_input(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["feedback", str(project_dir)], PATIENT_INPUT, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "1 of 6. Did people listen to me?" in out
    assert "  1  Happy\n  2  OK\n  3  Sad\n  4  Skip\n  5  I don't know" in out
    assert out.count("Please type a number from 1 to 5.") == 2
    assert "Saved the patient's feedback (6 of 6 questions answered)." in out
    patient = feedback(project_dir).patient
    assert patient is not None
    assert {q: a.value for q, a in patient.answers.items()} == {
        "listened": "happy",
        "understood": "ok",
        "slides-helped": "sad",
        "part-of-meeting": "dont-know",
        "who-presented": "together",
        "change-next-time": "",
    }
    assert patient.answers["change-next-time"].words == "Less people in the room"


def test_an_empty_line_skips_the_words_question(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["feedback", str(project_dir)], "1\n1\n1\n1\n1\n\n", monkeypatch) == 0
    patient = feedback(project_dir).patient
    assert patient is not None
    assert patient.value("change-next-time") == "skip"


def test_input_that_stops_early_saves_nothing(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["feedback", str(project_dir)], "1\n2\n", monkeypatch) == 2
    assert "stopped before the last question, so nothing was saved" in capsys.readouterr().err
    assert not (project_dir / MEETINGS_FILE).exists()


def test_staff_form_with_piped_input(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # role 2 (nurse); useful 1 (yes); took part 3 (less); a comment.
    code = run(["feedback", str(project_dir), "--staff"], "2\n1\n3\nGood to see.\n", monkeypatch)
    assert code == 0
    out = capsys.readouterr().out
    assert "Your role (not your name):" in out
    assert "Saved a staff response (Nurse)." in out
    [staff] = feedback(project_dir).staff
    assert (staff.role, staff.useful, staff.took_part, staff.comment) == (
        "nurse",
        Useful.YES,
        TookPart.LESS,
        "Good to see.",
    )


def test_options_for_scripts(project_dir: Path, tmp_path: Path) -> None:
    clip = tmp_path / "voice.wav"
    clip.write_bytes(tiny_wav())
    folder = str(project_dir)
    assert (
        main(["feedback", folder, "--answer", "listened=happy", "--answer", "understood=OK"]) == 0
    )
    assert (
        main(["feedback", folder, "--words", "More breaks", "--staff-words", "--audio", str(clip)])
        == 0
    )
    staff = ["--staff", "--role", "psychologist", "--useful", "partly", "--took-part", "more"]
    assert main(["feedback", folder, *staff]) == 0
    saved = feedback(project_dir)
    assert saved.patient is not None
    assert saved.patient.value("listened") == "happy"
    assert saved.patient.value("understood") == "ok"
    change = saved.patient.answers["change-next-time"]
    assert change.words == "More breaks" and change.words_by.value == "staff"
    assert len(change.media) == 1
    assert [(s.role, s.useful, s.took_part) for s in saved.staff] == [
        ("psychologist", Useful.PARTLY, TookPart.MORE)
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--answer", "listened=great"], "'great' is not an answer to 'listened'"),
        (["--answer", "listened"], "should be written QUESTION=VALUE"),
        (["--answer", "mood=happy"], "no feedback question called 'mood'"),
        (["--staff", "--answer", "listened=happy"], "leave out --answer"),
        (["--role", "nurse"], "go with --staff"),
        (["--staff", "--role", "Dr Who"], "never their name"),
        (["--meeting-date", "2020-01-01", "--answer", "listened=ok"], "no meeting on 2020-01-01"),
    ],
)
def test_bad_options_say_what_to_do_and_save_nothing(
    project_dir: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feedback", str(project_dir), *argv]) == 2
    assert message in capsys.readouterr().err
    assert not (project_dir / MEETINGS_FILE).exists()


def test_meeting_commands(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(project_dir)
    assert main(["feedback", folder, "--answer", "listened=sad"]) == 0
    assert main(["meeting", "new", folder, "--date", "2027-06-20", "--kind", "cpa"]) == 0
    out = capsys.readouterr().out
    assert "Kept the Care and Treatment Review (15 January 2027) in the project's history." in out
    assert "The new meeting is the CPA review on 20 June 2027." in out
    assert (
        main(["feedback", folder, "--meeting-date", "2027-01-15", "--answer", "understood=ok"]) == 0
    )
    assert main(["meeting", "share-words", folder, "yes"]) == 0
    capsys.readouterr()
    assert main(["meeting", "list", folder]) == 0
    out = capsys.readouterr().out
    assert "Meetings: 2" in out
    assert (
        "1. Care and Treatment Review, 15 January 2027 (Care and Treatment Review): 2 feedback answers"
        in out
    )
    assert "2. CPA review, 20 June 2027 (CPA review, current): no feedback yet" in out
    assert "Ward reports may quote this project's feedback words." in out
    project = Project.open(project_dir)
    assert project.info.meeting.kind is MeetingKind.CPA
    assert project.info.meeting.date == dt.date(2027, 6, 20)
    assert main(["meeting", "new", folder, "--date", "2027-06-01"]) == 2
    assert "is not after the current meeting's" in capsys.readouterr().err
    assert main(["meeting"]) == 2  # no sub-command: the help is shown


def test_piped_input_through_a_real_process(project_dir: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pcpv", "feedback", str(project_dir)],
        input=PATIENT_INPUT,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    patient = feedback(project_dir).patient
    assert patient is not None and patient.value("part-of-meeting") == "dont-know"
