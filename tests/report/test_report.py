"""The ward report over 50 generated projects: counts, privacy, unreadable projects, files."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from pcpv.cli import main
from pcpv.errors import PcpvError
from pcpv.feedback import FACE_QUESTIONS, STAFF_ROLES
from pcpv.project import Project
from pcpv.report import ReportResult, make_report
from pcpv.report.pseudonym import SALT_FILE, Pseudonyms
from pcpv.safe_io import is_owner_only

from .conftest import SALT, Ward
from .ward import PROJECTS


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def report_text(result: ReportResult) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in result.files)


def test_totals_fixed_by_construction(ward_report: ReportResult) -> None:
    # Project i has 1 + i % 3 meetings: 17 + 34 + 48 = 99. Every fifth project's current meeting
    # has no feedback yet: 99 - 10 = 89, each with 4 face answers.
    assert ward_report.projects == PROJECTS == 50
    assert ward_report.meetings == 99
    assert ward_report.meetings_with_feedback == 89
    rows = read_csv(ward_report.folder / "feedback-counts.csv")
    assert sum(int(r["total"]) for r in rows) == 89 * 4
    meetings = read_csv(ward_report.folder / "meetings.csv")
    assert len(meetings) == 99
    assert len({r["project"] for r in meetings}) == 50
    assert Counter(r["feedback"] for r in meetings) == {"yes": 89, "no": 10}


def test_face_counts_by_quarter_match_what_was_written(
    ward: Ward, ward_report: ReportResult
) -> None:
    found: dict[str, dict[str, Counter[str]]] = {q: {} for q in FACE_QUESTIONS}
    for row in read_csv(ward_report.folder / "feedback-counts.csv"):
        tally = Counter({v: int(row[v]) for v in ("happy", "ok", "sad", "skip", "dont-know")})
        assert sum(tally.values()) == int(row["total"])
        found[row["question"]][row["period"]] = +tally
    assert found == ward.ledger.faces


def test_counts_by_meeting_kind_match(ward: Ward, ward_report: ReportResult) -> None:
    found: dict[str, dict[str, Counter[str]]] = {q: {} for q in FACE_QUESTIONS}
    for row in read_csv(ward_report.folder / "feedback-by-kind.csv"):
        tally = Counter({v: int(row[v]) for v in ("happy", "ok", "sad", "skip", "dont-know")})
        found[row["question"]][row["kind"]] = +tally
    assert found == ward.ledger.faces_by_kind


def test_who_presented_and_the_share(ward: Ward, ward_report: ReportResult) -> None:
    rows = read_csv(ward_report.folder / "who-presented.csv")
    found: Counter[str] = Counter()
    for row in rows:
        for value in ward.ledger.who | {"me": 0, "together": 0}:
            found[value] += int(row[value])
    assert +found == +ward.ledger.who
    presented = ward.ledger.who["me"] + ward.ledger.who["together"]
    answered = sum(n for v, n in ward.ledger.who.items() if v not in ("skip", "dont-know"))
    assert sum(int(r["presented"]) for r in rows) == presented
    assert sum(int(r["answered"]) for r in rows) == answered
    html = (ward_report.folder / "report.html").read_text()
    assert f"<strong>{presented} of {answered}</strong>" in html
    assert f"({round(100 * presented / answered)}%)" in html


def test_skipped_and_not_today_by_section(ward: Ward, ward_report: ReportResult) -> None:
    rows = read_csv(ward_report.folder / "prompts-by-section.csv")
    found = {
        r["section"]: +Counter(
            {k: int(r[k]) for k in ("skipped", "not-today", "answered", "not-started")}
        )
        for r in rows
    }
    assert found == {title: +tally for title, tally in ward.ledger.sections.items()}
    for r in rows:
        hard = int(r["skipped"]) + int(r["not-today"])
        assert int(r["prompts"]) == sum(ward.ledger.sections[r["section"]].values())
        assert int(r["hard_percent"]) == round(100 * hard / int(r["prompts"]))
    shares = [int(r["hard_percent"]) for r in rows]
    assert shares == sorted(shares, reverse=True), "the hardest sections come first"


def test_staff_responses(ward: Ward, ward_report: ReportResult) -> None:
    rows = read_csv(ward_report.folder / "staff-responses.csv")
    assert len(rows) == ward.ledger.staff
    assert Counter(r["useful"] for r in rows) == ward.ledger.useful
    assert Counter(r["took_part"] for r in rows) == ward.ledger.took_part
    assert Counter(r["role"] for r in rows) == ward.ledger.roles
    assert "comment" not in rows[0], "comments are words: only with --include-words"
    by_role = read_csv(ward_report.folder / "staff-by-role.csv")
    assert sum(int(r["responses"]) for r in by_role) == ward.ledger.staff
    assert set(STAFF_ROLES) >= set(ward.ledger.roles)


def test_no_names_words_or_paths_anywhere_in_the_report(
    ward: Ward, ward_report: ReportResult
) -> None:
    text = report_text(ward_report)
    lowered = text.lower()
    for name in ward.ledger.names:
        assert name not in text
        assert name.split()[1].lower() not in lowered  # not even the surname alone
    for folder in [*ward.ledger.folders, *ward.broken]:
        assert folder not in text
    for words in ward.ledger.words:
        assert words not in text
    assert str(ward.folder) not in text
    assert "Quillfeather" not in text and "review" not in re.findall(r"'s review", text)
    assert "Wilhelmina" not in text and "Barnaby" not in text
    assert "Visits from" not in text  # the patients' own topics stay in their projects


def test_unreadable_projects_are_listed_and_the_rest_still_report(
    ward: Ward, ward_report: ReportResult
) -> None:
    assert len(ward_report.unreadable) == 2
    reasons = sorted(u.reason for u in ward_report.unreadable)
    assert reasons == [
        "A file could not be read: meetings.yaml, line 6 (feedback.patient.answers).",
        "A file could not be read: project.yaml, line 3.",
    ]
    rows = read_csv(ward_report.folder / "unreadable.csv")
    assert sorted(r["reason"] for r in rows) == reasons
    assert all(re.fullmatch(r"U-[0-9A-F]{8}", r["project"]) for r in rows)
    html = (ward_report.folder / "report.html").read_text()
    assert html.count("A file could not be read") == 2
    # The person running the report is told where the projects are (at the terminal only).
    assert {u.folder.name for u in ward_report.unreadable} == set(ward.broken)
    assert "Barnaby was great" in next(
        u.detail for u in ward_report.unreadable if "meetings" in u.reason
    )


def test_page_is_self_contained_with_inline_charts(ward_report: ReportResult) -> None:
    html = (ward_report.folder / "report.html").read_text()
    # 4 questions, by kind, who presented, sections, and 2 for staff
    assert html.count("<svg ") == 9
    assert html.count('role="img"') == 9
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html.lower()
    # Only SVG namespace names may mention a web address; nothing is fetched.
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "<?xml" not in html
    assert is_owner_only(ward_report.folder / "report.html")


def test_by_month_the_same_answers_in_finer_periods(
    ward_report: ReportResult, ward_words_report: ReportResult
) -> None:
    rows = read_csv(ward_words_report.folder / "feedback-counts.csv")
    assert all(re.fullmatch(r"\d{4}-\d{2}", r["period"]) for r in rows)
    assert sum(int(r["total"]) for r in rows) == 89 * 4
    ids = {r["project"] for r in read_csv(ward_report.folder / "meetings.csv")}
    assert {r["project"] for r in read_csv(ward_words_report.folder / "meetings.csv")} == ids


def test_ids_are_kept_in_the_report_folder_and_reveal_nothing(
    small_ward: Ward, tmp_path: Path
) -> None:
    # Without --salt, a random salt is kept in the report folder and used the next time.
    out = tmp_path / "stored"
    ids = {
        r["project"] for r in read_csv(make_report(small_ward.folder, out).folder / "meetings.csv")
    }
    assert len(ids) == 3
    assert all(re.fullmatch(r"P-[0-9A-F]{8}", p) for p in ids)
    assert is_owner_only(out / SALT_FILE)
    again = {
        r["project"] for r in read_csv(make_report(small_ward.folder, out).folder / "meetings.csv")
    }
    assert again == ids
    # Another salt gives other ids for the same projects.
    salted = Pseudonyms(SALT)
    other = set()
    for folder in small_ward.ledger.folders:
        created = Project.open(small_ward.folder / folder).info.created
        other.add(salted.project_id(folder, created))
    assert len(other) == 3 and other.isdisjoint(ids)


def test_words_only_with_the_flag_and_the_projects_leave(
    ward: Ward, ward_words_report: ReportResult
) -> None:
    result = ward_words_report
    text = report_text(result)
    assert result.words_included == 13  # projects 0, 4, 8 ... 48 allow it
    for words in ward.ledger.shared_words:
        assert words in text or words.replace("'", "&#39;") in text
    for words in set(ward.ledger.words) - set(ward.ledger.shared_words):
        assert words not in text
    rows = read_csv(result.folder / "words.csv")
    assert {r["words"] for r in rows} == set(ward.ledger.shared_words)
    staff = read_csv(result.folder / "staff-responses.csv")
    assert "comment" in staff[0]


def test_a_report_without_words_removes_an_older_words_file(
    small_ward: Ward, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    make_report(small_ward.folder, out, salt=SALT, include_words=True)
    assert (out / "words.csv").is_file()  # project 0 allows words
    make_report(small_ward.folder, out, salt=SALT)
    assert not (out / "words.csv").exists()


def test_report_command(ward: Ward, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    code = main(["report", str(ward.folder), "--out", str(out), "--salt", SALT])
    printed = capsys.readouterr().out
    assert code == 1, "projects were left out"
    assert "Read 50 projects: 99 meetings, 89 with the patient's feedback." in printed
    for name in ward.broken:
        assert name in printed  # the terminal says where the broken projects are
    assert (out / "report.html").is_file()


def test_report_command_default_folder_is_inside_the_ward_and_skipped(
    small_ward: Ward, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(small_ward.folder)]) == 0
    assert (small_ward.folder / "ward-report" / "report.html").is_file()
    assert main(["report", str(small_ward.folder)]) == 0
    assert "Read 3 projects" in capsys.readouterr().out


def test_report_refuses_a_short_salt_and_an_empty_folder(tmp_path: Path, ward: Ward) -> None:
    with pytest.raises(PcpvError, match="too short"):
        make_report(ward.folder, tmp_path / "r", salt="abc")
    (tmp_path / "empty").mkdir()
    with pytest.raises(PcpvError, match="no pcpv projects"):
        make_report(tmp_path / "empty", tmp_path / "r2", salt=SALT)
    with pytest.raises(PcpvError, match="no folder called"):
        make_report(tmp_path / "missing", tmp_path / "r3", salt=SALT)
    (tmp_path / "r4").mkdir()
    (tmp_path / "r4" / SALT_FILE).write_text("short\n")
    with pytest.raises(PcpvError, match="damaged"):
        make_report(ward.folder, tmp_path / "r4")
