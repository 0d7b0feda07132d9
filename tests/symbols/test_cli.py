"""``pcpv symbols``: search, add, list, order, remove, pin and try, through the real CLI."""

from __future__ import annotations

from pathlib import Path

from pcpv.cli import main
from pcpv.symbols import load_pins

from .helpers import SVG_OK, png_bytes, write_folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_lists_set_name_and_licence(capsys):
    code, out, _ = run(
        capsys, "symbols", "search", "hospital", "care plan", "--limit", "2", "--no-preview"
    )
    assert code == 0
    assert "hospital:" in out and "care plan:" in out
    assert "openmoji:1F3E5" in out and "OpenMoji (CC BY-SA 4.0)" in out
    assert "\x1b[" not in out, "no terminal colour when not asked"


def test_search_says_when_nothing_is_found(capsys):
    code, out, _ = run(capsys, "symbols", "search", "zzqqxx")
    assert code == 1
    assert "zzqqxx: no symbol found." in out


def test_search_preview_draws_half_blocks(capsys):
    code, out, _ = run(capsys, "symbols", "search", "hospital", "--limit", "1", "--preview")
    assert code == 0
    assert "▀" in out and "\x1b[38;2;" in out


def test_add_list_order_remove(capsys, tmp_path: Path):
    folder = write_folder(
        tmp_path / "ward-pictures",
        {
            "kettle.png": png_bytes(),
            "broken.svg": "<svg",
            "LICENSE.txt": "Copyright 2026 Ward 7\n"
            "This work is licensed under https://creativecommons.org/licenses/by/4.0/\n",
            "ok.svg": SVG_OK,
        },
    )
    code, out, _ = run(capsys, "symbols", "add", str(folder))
    assert code == 1, "problems were found (but the set was added)"
    assert "broken.svg" in out and "1 problem(s)" in out
    assert "Added 'ward-pictures' for you: 2 symbols." in out
    assert "Licence: CC BY 4.0 (from LICENSE.txt)." in out

    code, out, _ = run(capsys, "symbols", "list")
    assert code == 0
    lines = [line for line in out.splitlines() if line[:2] in {"1.", "2."}]
    assert lines[0].startswith("1. ward-pictures: ward-pictures, 2 symbols, CC BY 4.0, user")
    assert lines[1].startswith("2. openmoji: OpenMoji, ")

    code, out, _ = run(capsys, "symbols", "order", "openmoji", "ward-pictures")
    assert code == 0 and "openmoji, ward-pictures" in out
    code, out, _ = run(capsys, "symbols", "list")
    assert "1. openmoji" in out

    code, _, err = run(capsys, "symbols", "order", "nosuch")
    assert code == 2 and "no symbol set called 'nosuch'" in err

    code, out, _ = run(capsys, "symbols", "remove", "ward-pictures")
    assert code == 0 and "was not touched" in out
    assert (folder / "kettle.png").exists()
    code, out, _ = run(capsys, "symbols", "list")
    assert "ward-pictures" not in out


def test_add_errors_are_plain(capsys, tmp_path: Path):
    code, _, err = run(capsys, "symbols", "add", str(tmp_path / "nowhere"))
    assert code == 2
    assert "There is no folder" in err and "Traceback" not in err


def test_pin_and_try_in_a_project(capsys, project_dir: Path):
    code, out, _ = run(capsys, "symbols", "pin", str(project_dir), "garden", "openmoji:1F333")
    assert code == 0 and "openmoji:1F333" in out
    code, out, _ = run(capsys, "symbols", "pin", str(project_dir), "ward round", "none")
    assert code == 0
    assert load_pins(project_dir) == {"garden": "openmoji:1F333", "ward round": None}
    code, out, _ = run(
        capsys, "symbols", "try", "The ward round in the garden", "--project", str(project_dir)
    )
    assert code == 0
    assert "no symbol  [pinned]" in out and "openmoji:1F333 (garden)  [pinned]" in out
    code, _, err = run(capsys, "symbols", "pin", str(project_dir), "garden", "openmoji:NOPE")
    assert code == 2 and "There is no symbol 'openmoji:NOPE'" in err
    code, out, _ = run(capsys, "symbols", "pin", str(project_dir), "garden", "auto")
    assert code == 0 and "pcpv's own choice" in out
    assert load_pins(project_dir) == {"ward round": None}


def test_project_option_needs_a_project(capsys, tmp_path: Path):
    code, _, err = run(capsys, "symbols", "list", "--project", str(tmp_path))
    assert code == 2 and "not a pcpv project folder" in err


def test_a_broken_user_list_of_sets_is_reported_and_openmoji_still_works(capsys, tmp_path: Path):
    config = tmp_path / "user-config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "symbol-sets.yaml").write_text("sets:\n  - id: x\n    path: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "symbols", "list")
    assert code == 1
    assert "1. openmoji" in out
    assert "symbol-sets.yaml, line" in out
    code, out, _ = run(capsys, "symbols", "search", "hospital", "--limit", "1", "--no-preview")
    assert code == 0 and "openmoji:1F3E5" in out


def test_add_to_one_project(capsys, project_dir: Path, tmp_path: Path):
    folder = write_folder(project_dir / "photos-of-my-things", {"my dog.png": png_bytes()})
    code, out, _ = run(
        capsys,
        "symbols",
        "add",
        str(folder),
        "--name",
        "Mine",
        "--licence",
        "My own photos",
        "--project",
        str(project_dir),
    )
    assert code == 0
    assert f"Added 'mine' to the project {project_dir}: 1 symbol." in out
    code, out, _ = run(
        capsys, "symbols", "search", "my dog", "--project", str(project_dir), "--no-preview"
    )
    assert code == 0 and "mine:my dog" in out and "My own photos" in out
    code, out, _ = run(capsys, "symbols", "search", "my dog", "--no-preview")
    assert "mine:" not in out, "without --project the project's set is not used"
    code, out, _ = run(capsys, "symbols", "remove", "mine", "--project", str(project_dir))
    assert code == 0
