"""Checking a project's words: staff words get the rules, patient words at most a note."""

from __future__ import annotations

import io
import shutil
import wave
from pathlib import Path

import pytest

from pcpv.check import Severity, check_answer, check_project
from pcpv.model import Answer, MediaItem, MediaKind, PromptState, WordsBy
from pcpv.project import Project
from pcpv.resources import templates_dir

from . import decks
from conftest import make_info


def wav_file(folder: Path) -> Path:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x10" * 1600)
    path = folder / "voice.wav"
    path.write_bytes(buffer.getvalue())
    return path


def by_rule(report) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in report.findings:
        found.setdefault(f.rule, []).append(f)
    return found


def test_shipped_question_sets_pass_without_errors(tmp_path: Path):
    for kind in ("ctr", "cpa", "own"):
        root = tmp_path / kind
        Project.create(root, make_info(kind, topics=["Football"]))
        report = check_project(root)
        assert report.unreadable == ""
        assert report.exit_code == 0, [f.message for f in report.findings]


def test_staff_words_get_rules_and_patient_words_only_a_note(project_dir: Path):
    with Project.open_for_writing(project_dir) as project:
        project.set_words(
            "feel-safe", "The MDT will commence a review of your s17 leave.", WordsBy.STAFF
        )
        project.set_words(
            "treated-well",
            "The MDT never listen and my s17 got stopped for three weeks.",
            WordsBy.PATIENT,
        )
    report = check_project(project_dir)
    staff = [f for f in report.findings if f.where == "answer to 'feel-safe'"]
    patient = [f for f in report.findings if f.where == "answer to 'treated-well'"]
    assert {"jargon", "hard-word"} <= {f.rule for f in staff}
    assert len(patient) == 1 and patient[0].rule == "patient-words"
    assert patient[0].severity is Severity.INFO
    assert report.exit_code == 0


def test_media_without_captions(project_dir: Path, tmp_path: Path):
    photo = tmp_path / "room.png"
    photo.write_bytes(decks.png_bytes())
    with Project.open_for_writing(project_dir) as project:
        project.add_media("feel-safe", photo)
        project.add_media("when-upset", wav_file(tmp_path))
    found = by_rule(check_project(project_dir))
    levels = {f.where: f.severity for f in found["caption-missing"]}
    assert levels == {
        "answer to 'feel-safe'": Severity.WARNING,
        "answer to 'when-upset'": Severity.ERROR,
    }
    assert all(
        "room.png" in f.message or "voice.wav" in f.message for f in found["caption-missing"]
    )
    assert check_project(project_dir).exit_code == 1


def test_captions_are_checked_as_words(project_dir: Path, tmp_path: Path):
    photo = tmp_path / "room.png"
    photo.write_bytes(decks.png_bytes())
    with Project.open_for_writing(project_dir) as project:
        project.add_media("feel-safe", photo, caption="My room where the MDT meet")
        project.set_words("feel-safe", "Yes", WordsBy.STAFF)
    found = by_rule(check_project(project_dir))
    assert [f.where for f in found["jargon"]] == ["answer to 'feel-safe', caption of 'room.png'"]


def test_skipped_answers_are_not_checked():
    answer = Answer(
        state=PromptState.SKIPPED,
        words="The MDT.",
        words_by=WordsBy.STAFF,
        media=[MediaItem("media/a.wav", MediaKind.AUDIO, "0" * 64, "audio/wav")],
    )
    assert check_answer(answer, where="x") == []
    answer.state = PromptState.ANSWERED
    assert {f.rule for f in check_answer(answer, where="x")} == {"jargon", "caption-missing"}


def test_a_services_own_questions_and_word_list(tmp_path: Path):
    own_set = tmp_path / "our-set"
    shutil.copytree(templates_dir() / "ctr", own_set)
    set_file = own_set / "set.yaml"
    set_file.write_text(
        set_file.read_text().replace(
            "question: Do I feel safe here?",
            "question: Do I feel safe on Willow Ward with the MDT?",
        )
    )
    (own_set / "plain-words.yaml").write_text("jargon:\n  Willow Ward:\n    plain: [my ward]\n")
    root = tmp_path / "sam"
    Project.create(root, make_info(), question_folder=own_set)
    found = by_rule(check_project(root))
    flagged = {f.excerpt for f in found["jargon"] if f.where == "question 'feel-safe'"}
    assert flagged == {"Willow Ward", "MDT"}


def test_folder_that_is_not_a_project(tmp_path: Path):
    report = check_project(tmp_path)
    assert report.exit_code == 2 and report.unreadable


def test_broken_project_file_is_unreadable_with_its_line(project_dir: Path):
    (project_dir / "project.yaml").write_text("name: Sam\nmeeting: [oops\n")
    report = check_project(project_dir)
    assert report.exit_code == 2
    assert "project.yaml" in report.unreadable and "line" in report.unreadable


@pytest.mark.parametrize("words_by", [WordsBy.PATIENT, WordsBy.STAFF])
def test_check_answer_follows_whose_words(words_by: WordsBy):
    answer = Answer(state=PromptState.ANSWERED, words="We will commence soon.", words_by=words_by)
    rules = {f.rule for f in check_answer(answer, where="answer")}
    assert rules == (set() if words_by is WordsBy.PATIENT else {"hard-word"})


def test_question_set_broken_after_the_project_was_made(tmp_path: Path):
    own_set = tmp_path / "our-set"
    shutil.copytree(templates_dir() / "ctr", own_set)
    root = tmp_path / "sam"
    Project.create(root, make_info(), question_folder=own_set)
    copy = root / "question-set" / "set.yaml"
    copy.write_text(
        copy.read_text().replace("question: Do I feel safe here?", "question: Safe, {{ nmae }}?")
    )
    report = check_project(root)
    assert report.exit_code == 2 and "nmae" in report.unreadable


def test_question_that_cannot_be_filled_in_is_an_error(project_dir: Path, monkeypatch):
    from pcpv.errors import TemplateError
    from pcpv.questions import QuestionSet

    real = QuestionSet.question_text

    def failing(self, prompt, info):
        if prompt.id == "feel-safe":
            raise TemplateError(
                "The template ctr: prompt 'feel-safe' uses a value that does not exist."
            )
        return real(self, prompt, info)

    monkeypatch.setattr(QuestionSet, "question_text", failing)
    report = check_project(project_dir)
    [finding] = by_rule(report)["project-unreadable"]
    assert finding.where == "question 'feel-safe'" and "does not exist" in finding.message
    assert report.exit_code == 1
