"""A project folder edited by hand: clear messages with file and line, nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pcpv.errors import ProjectFileError
from pcpv.project import Project


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.glob("*.yaml")}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new))


def _refused(root: Path) -> ProjectFileError:
    before = _snapshot(root)
    with pytest.raises(ProjectFileError) as err, Project.open_for_writing(root):
        pass
    assert _snapshot(root) == before, "a refused file must not be rewritten"
    with pytest.raises(ProjectFileError):
        Project.open(root)
    return err.value


def test_broken_yaml_names_file_and_line(project_dir: Path) -> None:
    _edit(project_dir / "project.yaml", "name: Sam", "name: Sam\n  kind: [oops")
    error = _refused(project_dir)
    problem = error.problems[0]
    assert problem.file == project_dir / "project.yaml"
    assert problem.line is not None
    text = str(error)
    assert "project.yaml, line" in text
    assert "Nothing has been changed" in text


def test_missing_name_and_bad_date_are_both_reported_with_lines(project_dir: Path) -> None:
    path = project_dir / "project.yaml"
    lines = path.read_text().splitlines()
    date_line = next(i for i, line in enumerate(lines) if "date:" in line) + 1
    _edit(path, "name: Sam\n", "")
    _edit(path, "date: '2027-01-15'", "date: 15th of Jan")
    error = _refused(project_dir)
    messages = [str(p) for p in error.problems]
    assert any("'name' is missing" in m for m in messages)
    date_problem = next(p for p in error.problems if p.where == "meeting.date")
    assert "not a date" in date_problem.message
    assert date_problem.line == date_line - 1  # one line above once "name" is gone


def test_unknown_words_in_answers_are_explained(project_dir: Path) -> None:
    path = project_dir / "answers.yaml"
    path.write_text(
        "schema: 2\nanswers:\n  feel-safe:\n    state: maybe\n    words: hi\n    words_by: mum\n"
    )
    error = _refused(project_dir)
    text = str(error)
    assert "answers.yaml, line 4 (answers.feel-safe.state)" in text
    assert "'state' is 'maybe'" in text and "answered" in text
    assert "words_by" in text


def test_project_from_a_newer_pcpv_is_not_touched(project_dir: Path) -> None:
    _edit(project_dir / "project.yaml", "schema: 2", "schema: 7")
    error = _refused(project_dir)
    assert "newer pcpv" in str(error)
    assert "Update pcpv" in error.hint


def test_schema_that_is_not_a_number(project_dir: Path) -> None:
    _edit(project_dir / "project.yaml", "schema: 2", "schema: two")
    assert "'schema' should be a whole number" in str(_refused(project_dir))


def test_media_path_outside_the_media_folder_is_refused(project_dir: Path) -> None:
    (project_dir / "answers.yaml").write_text(
        "schema: 2\nanswers:\n  feel-safe:\n    state: answered\n    media:\n"
        "    - file: ../../etc/passwd\n      kind: photo\n"
    )
    assert "media folder" in str(_refused(project_dir))


def test_file_that_is_not_text(project_dir: Path) -> None:
    (project_dir / "sessions.yaml").write_bytes(b"\xff\xfe\x00garbage\x00")
    assert "not plain text" in str(_refused(project_dir))


V1_PROJECT = """schema: 1
name: Alex
meeting_kind: cpa
meeting_title: Ward review
meeting_date: 2026-11-03
question_set: cpa
question_set_version: 1
presenter: salt
theme: white
"""

V1_ANSWERS = """schema: 1
answers:
  my-name:
    state: answered
    words: Call me Alex
    patient_words: true
  things-i-like:
    state: answered
    words: Alex likes cooking.
    patient_words: false
"""


def _v1_project(root: Path) -> Path:
    root.mkdir()
    (root / "media").mkdir()
    (root / "project.yaml").write_text(V1_PROJECT)
    (root / "answers.yaml").write_text(V1_ANSWERS)
    return root


def test_old_schema_is_read_without_writing(tmp_path: Path) -> None:
    root = _v1_project(tmp_path / "alex")
    project = Project.open(root)
    assert project.migrated_from == 1
    assert project.info.meeting.title == "Ward review"
    assert project.info.presentation.presenter.value == "salt"
    assert project.answer("things-i-like").words_by.value == "staff"
    assert (root / "project.yaml").read_text() == V1_PROJECT
    assert not (root / "backups").exists()


def test_old_schema_is_migrated_with_a_backup_when_opened_for_writing(tmp_path: Path) -> None:
    root = _v1_project(tmp_path / "alex")
    with Project.open_for_writing(root) as project:
        assert project.migrated_from == 1
    backups = list((root / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("schema-1-")
    assert (backups[0] / "project.yaml").read_text() == V1_PROJECT
    assert (backups[0] / "answers.yaml").read_text() == V1_ANSWERS
    data = yaml.safe_load((root / "project.yaml").read_text())
    assert data["schema"] == 2
    assert data["meeting"]["kind"] == "cpa"
    answers = yaml.safe_load((root / "answers.yaml").read_text())["answers"]
    assert answers["my-name"]["words_by"] == "patient"
    assert answers["things-i-like"]["words_by"] == "staff"
    assert Project.open(root).migrated_from is None
