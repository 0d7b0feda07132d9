"""``pcpv check``: the table, --json, --rules and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pcpv.check import RULES
from pcpv.cli import main

from . import decks


def test_clean_deck_exits_0(tmp_path: Path, capsys):
    path = decks.clean_deck(tmp_path / "clean.pptx")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 slides, 0 errors, 0 warnings, 0 notes. Nothing to fix." in out


def test_deck_with_errors_exits_1_and_prints_a_table(tmp_path: Path, capsys):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    pic = decks.add_picture(slide, alt="")
    path = decks.save(prs, tmp_path / "d.pptx")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("Slide"))
    assert "Shape" in header and "Rule" in header and "Problem and fix" in header
    row = next(line for line in out.splitlines() if "alt-missing" in line)
    assert row.startswith("1 ") and pic.name[:10] in row and "error" in row
    assert "Fix: Right-click it" in out


def test_json_output_for_tools(tmp_path: Path, capsys):
    prs = decks.new_presentation()
    slide = decks.add_slide(prs, "My room", None, layout=decks.TITLE_ONLY)
    decks.add_picture(slide, alt="image.png")
    path = decks.save(prs, tmp_path / "d.pptx")
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["exit_code"] == 1 and data["slides"] == 1 and data["unreadable"] is None
    [finding] = [f for f in data["findings"] if f["rule"] == "alt-file-name"]
    assert (
        finding["severity"] == "error"
        and finding["slide"] == 1
        and finding["excerpt"] == "image.png"
    )


def test_unreadable_file_exits_2_with_a_sentence(tmp_path: Path, capsys):
    path = tmp_path / "notes.pptx"
    path.write_text("not a deck")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert "not a PowerPoint deck" in captured.err and "Traceback" not in captured.err
    assert main(["check", str(path), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["unreadable"]


def test_rules_lists_every_rule(capsys):
    assert main(["check", "--rules"]) == 0
    out = capsys.readouterr().out
    for rule_id in RULES:
        assert rule_id in out


def test_nothing_to_check_is_a_usage_error(capsys):
    assert main(["check"]) == 2
    assert "Say what to check" in capsys.readouterr().err


def test_project_folder(project_dir: Path, capsys):
    assert main(["check", str(project_dir)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["check", str(project_dir / "project.yaml")]) == 0
    assert f"{project_dir}: 0 errors" in capsys.readouterr().out


def test_command_line_never_shows_a_traceback_for_hostile_files(tmp_path: Path):
    bomb = tmp_path / "bomb.pptx"
    clean = decks.clean_deck(tmp_path / "clean.pptx", slides=1)
    decks.rewrite(
        clean, bomb, {"ppt/presentation.xml": b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"}
    )
    run = subprocess.run(
        [sys.executable, "-m", "pcpv", "check", str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 1)
    assert "DTD" in run.stdout


def test_checker_needs_neither_python_pptx_nor_textual(tmp_path: Path):
    path = decks.clean_deck(tmp_path / "clean.pptx")
    code = (
        "import sys\n"
        "from pcpv.check import check_deck, check_text\n"
        f"assert check_deck({str(path)!r}).exit_code == 0\n"
        "check_text('Your CPA is soon.', patient_words=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'textual')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
