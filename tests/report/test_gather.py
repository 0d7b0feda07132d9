"""Finding projects under a ward folder, and the reasons given for the ones left out."""

from __future__ import annotations

from pathlib import Path

from pcpv.errors import PcpvError, Problem, ProjectFileError, QuestionSetError
from pcpv.project import Project
from pcpv.report.gather import _reason, find_projects

from conftest import make_info


def test_find_projects_skips_hidden_backups_the_report_and_project_insides(tmp_path: Path) -> None:
    ward = tmp_path / "ward"
    for path in ("a", "team/b", ".hidden/c", "out/d"):
        Project.create(ward / path, make_info())
    # A folder inside a project (like its question-set copy or backups) is never searched.
    Project.create(ward / "a" / "backups" / "e", make_info())
    (ward / "empty").mkdir()
    found = find_projects(ward, skip=ward / "out")
    assert [p.relative_to(ward).as_posix() for p in found] == ["a", "team/b"]


def test_reasons_name_files_and_lines_never_folders_or_values(tmp_path: Path) -> None:
    folder = tmp_path / "jane-doe"
    error = ProjectFileError(
        [
            Problem(
                folder / "answers.yaml",
                "'state' is 'Jane cried'.",
                12,
                "answers.my-topics-jane.state",
            ),
            Problem(folder / "project.yaml", "'name' is missing.", None, "name"),
        ]
    )
    reason = _reason(error)
    assert (
        reason == "A file could not be read: answers.yaml, line 12 (answers); project.yaml (name)."
    )
    assert "jane" not in reason.lower()
    many = ProjectFileError([Problem(folder / "meetings.yaml", "x", line) for line in range(1, 9)])
    assert _reason(many).endswith("meetings.yaml, line 5 and 3 more.")
    assert _reason(QuestionSetError([Problem(folder / "set.yaml", "bad")])) == (
        "Its own question set has problems."
    )
    assert _reason(PermissionError(13, "denied", str(folder))) == (
        "pcpv was not allowed to read its files."
    )
    assert _reason(PcpvError(f"pcpv has no question set called 'jane' in {folder}")) == (
        "It could not be read. Open it with pcpv to see why."
    )
