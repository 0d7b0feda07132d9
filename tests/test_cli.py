"""The command line as a SALT uses it: plain output, plain errors, the right exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from pcpv.cli import main

from conftest import tiny_png


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_status_shows_every_section_and_what_is_left(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "sam"
    code, out, _ = run(
        capsys, "new", folder, "--name", "Sam", "--meeting", "ctr", "--date", "2027-01-15"
    )
    assert code == 0
    assert f"Made a new project for Sam in {folder}" in out
    assert f"pcpv wizard {folder}" in out
    code, out, _ = run(capsys, "status", folder)
    assert code == 0
    assert "Sam: Care and Treatment Review on 15 January 2027" in out
    assert "Am I safe?: 0 of" in out
    assert "Left to do:" in out


def test_answer_skip_not_today_and_media_show_in_status(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "alex"
    run(
        capsys,
        "new",
        folder,
        "--name",
        "Alex",
        "--meeting",
        "cpa",
        "--meeting-title",
        "Ward review",
    )
    prompts = [
        p
        for s in yaml.safe_load(
            (Path(__file__).parent.parent / "templates/cpa/set.yaml").read_text()
        )["sections"]
        for p in s.get("prompts", [])
    ]
    photo_prompt = next(p["id"] for p in prompts if "photo" in p.get("answers", []))
    assert run(capsys, "session", folder, "--who", "patient, SALT", "--plan", "My day")[0] == 0
    assert run(capsys, "answer", folder, "my-name", "--words", "Alex")[0] == 0
    assert (
        run(capsys, "answer", folder, "things-i-like", "--words", "Cooking and bingo.", "--staff")[
            0
        ]
        == 0
    )
    assert run(capsys, "answer", folder, "important-to-me", "--skip")[0] == 0
    assert run(capsys, "answer", folder, "talk-with-me", "--not-today")[0] == 0
    photo = tmp_path / "kitchen.jpg"
    photo.write_bytes(tiny_png())
    code, out, _ = run(
        capsys, "media", "add", folder, photo_prompt, photo, "--caption", "The kitchen"
    )
    assert code == 0 and "Added kitchen.jpg as a photo" in out
    code, out, _ = run(capsys, "status", folder)
    assert "Ward review" in out
    assert "About me: 3 of 4 done" in out
    assert "[skip]" in out and "[later]" in out and "[done]" in out
    assert "own words" in out and "staff's words" in out
    assert "1 photo" in out
    assert "1 put off with 'not today'" in out
    assert "Sessions: 1" in out and "patient, SALT" in out
    assert "Family copy: none made yet." in out


def test_errors_are_sentences_with_exit_codes_and_no_traceback(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "status", tmp_path / "nobody")
    assert code == 2 and "There is no folder called" in err and "pcpv new" in err
    folder = tmp_path / "sam"
    run(capsys, "new", folder, "--name", "Sam", "--meeting", "ctr")
    code, _, err = run(capsys, "answer", folder, "feel-saef", "--words", "x")
    assert code == 2 and "has no prompt called 'feel-saef'" in err
    code, _, err = run(capsys, "answer", folder, "feel-safe")
    assert code == 2 and "Say what to save" in err
    bad = tmp_path / "letter.pdf"
    bad.write_bytes(b"%PDF-1.4 hello")
    code, _, err = run(capsys, "media", "add", folder, "feel-safe", bad)
    assert code == 1 and "is a PDF document, not a photo, sound or video" in err
    code, _, err = run(capsys, "new", folder, "--name", "Sam", "--meeting", "ctr")
    assert code == 2 and "already a project" in err
    assert "Traceback" not in err


def test_bad_date_is_refused_by_the_parser(tmp_path: Path, capsys) -> None:
    try:
        main(
            [
                "new",
                str(tmp_path / "x"),
                "--name",
                "Sam",
                "--meeting",
                "ctr",
                "--date",
                "15/01/2027",
            ]
        )
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "write it like 2027-01-15" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_own_topics_from_the_command_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "jo"
    run(capsys, "new", folder, "--name", "Jo", "--meeting", "own", "--topic", "Football")
    assert run(capsys, "topic", folder, "My music")[0] == 0
    _, out, _ = run(capsys, "status", folder)
    assert "Football" in out and "My music" in out
    ctr = tmp_path / "sam"
    run(capsys, "new", ctr, "--name", "Sam", "--meeting", "ctr")
    code, _, err = run(capsys, "topic", ctr, "Cars")
    assert code == 2 and "no place for the patient's own topics" in err


def test_questions_list_and_check(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "questions", "list")
    assert code == 0 and "ctr:" in out and "cpa:" in out and "own:" in out
    code, out, _ = run(
        capsys, "questions", "check", Path(__file__).parent.parent / "templates" / "ctr"
    )
    assert code == 0 and "is fine" in out
    code, _, err = run(capsys, "questions", "check", tmp_path)
    assert code == 2 and "no set.yaml" in err


def test_python_dash_m_and_console_script_work(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pcpv", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("pcpv ")
