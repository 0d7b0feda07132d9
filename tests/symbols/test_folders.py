"""User symbol folders: plain folders, CSVs, and bad sets reported file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcpv.errors import SymbolError
from pcpv.symbols import SymbolLibrary
from pcpv.symbols.folders import name_words
from pcpv.symbols.manage import add_set, remove_set

from .helpers import SVG_OK, jpeg_bytes, png_bytes, write_folder


def test_a_plain_folder_of_pictures_named_by_their_words(tmp_path: Path):
    folder = write_folder(
        tmp_path / "our-symbols",
        {
            "cup of tea.png": png_bytes(),
            "ward_round.svg": SVG_OK,
            "feelings/happy.jpg": jpeg_bytes(),
            "feelings/.hidden.png": png_bytes(),
            "notes.txt": "not a picture",
        },
    )
    result = add_set(folder, licence="Our own drawings")
    assert result.problems == []
    assert sorted(result.symbols.entries) == ["cup of tea", "happy", "ward_round"]
    library = SymbolLibrary.load()
    assert library.lookup("cups of tea").ref == "our-symbols:cup of tea"
    assert library.lookup("ward round").ref == "our-symbols:ward_round"
    assert library.lookup("happy").ref == "our-symbols:happy"
    assert library.lookup("happy").licence == "Our own drawings"


def test_a_csv_gives_words_and_licences(tmp_path: Path):
    folder = write_folder(
        tmp_path / "widgit",
        {
            "pic1.png": png_bytes(),
            "pic2.svg": SVG_OK,
            "symbols.csv": "file,words,licence\n"
            "pic1.png,doctor; consultant,Widgit licence\n"
            "pic2,care plan,\n",
        },
    )
    result = add_set(folder, name="Widgit", licence="Licensed to the hospital")
    assert result.problems == []
    library = SymbolLibrary.load()
    consultant = library.lookup("consultant")
    assert consultant.ref == "widgit:pic1"
    assert consultant.licence == "Widgit licence", "the row's own licence"
    assert library.lookup("care plans").ref == "widgit:pic2"
    assert library.lookup("care plans").licence == "Licensed to the hospital"


def test_bad_entries_are_reported_file_by_file_and_good_ones_load(tmp_path: Path):
    folder = write_folder(
        tmp_path / "mixed",
        {
            "good.svg": SVG_OK,
            "alsogood.png": png_bytes(),
            "broken.svg": "<svg xmlns='http://www.w3.org/2000/svg'><rect",
            "html.svg": "<html><body>not svg</body></html>",
            "empty.png": b"",
            "fake.jpg": b"this is not a jpeg",
            "twin.png": png_bytes(),
            "sub/twin.svg": SVG_OK,
            "symbols.csv": "file,words\n"
            "good.svg,fine\n"
            "missing.png,ghost\n"
            "good.svg,again\n"
            ",nameless\n"
            "alsogood.png,too,many,fields\n",
        },
    )
    result = add_set(folder)
    by_file: dict[str, list[str]] = {}
    for problem in result.problems:
        by_file.setdefault(problem.file.name, []).append(problem.message)
    assert set(by_file) == {
        "broken.svg",
        "html.svg",
        "empty.png",
        "fake.jpg",
        "twin.svg",
        "symbols.csv",
    }
    assert "not readable XML" in by_file["broken.svg"][0]
    assert "not an SVG" in by_file["html.svg"][0]
    assert "empty" in by_file["empty.png"][0]
    assert "Another picture is also called 'twin'" in by_file["twin.svg"][0]
    csv_text = " | ".join(by_file["symbols.csv"])
    assert "'missing.png' is not in the folder" in csv_text
    assert "described twice" in csv_text
    assert "names no picture" in csv_text
    assert "4 fields" in csv_text
    csv_lines = sorted(p.line for p in result.problems if p.file.name == "symbols.csv")
    assert csv_lines == [3, 4, 5, 6]
    assert sorted(result.symbols.entries) == ["alsogood", "good", "twin"]
    assert sorted(result.record.skip) == ["broken", "empty", "fake", "html"]
    library = SymbolLibrary.load()
    mixed = library.get_set("mixed")
    assert sorted(mixed.entries) == ["alsogood", "good", "twin"], "unreadable files stay out"
    assert library.lookup("fine").ref == "mixed:good"


def test_a_csv_that_is_not_utf8_still_loads_the_pictures(tmp_path: Path):
    folder = write_folder(tmp_path / "latin", {"café.png": png_bytes()})
    (folder / "symbols.csv").write_bytes("file,words\ncafé.png,coffee\n".encode("latin-1"))
    result = add_set(folder)
    assert any("not UTF-8" in p.message for p in result.problems)
    assert list(result.symbols.entries) == ["café"]


def test_a_csv_without_a_file_column(tmp_path: Path):
    folder = write_folder(tmp_path / "nocol", {"a.png": png_bytes(), "list.csv": "x,y\n1,2\n"})
    result = add_set(folder)
    assert any("no column naming the picture files" in p.message for p in result.problems)
    assert list(result.symbols.entries) == ["a"]


def test_a_folder_with_no_usable_pictures_is_refused_and_nothing_registered(tmp_path: Path):
    folder = write_folder(tmp_path / "bad", {"x.svg": "<nope", "readme.txt": "hello"})
    with pytest.raises(SymbolError, match="No usable symbol pictures"):
        add_set(folder)
    with pytest.raises(SymbolError, match="There is no folder"):
        add_set(tmp_path / "not-there")
    assert [i.set_id for i in SymbolLibrary.load().set_infos()] == ["openmoji"]


def test_a_set_whose_folder_went_away_is_reported_not_fatal(tmp_path: Path):
    folder = write_folder(tmp_path / "usb", {"doctor.png": png_bytes()})
    add_set(folder)
    (folder / "doctor.png").unlink()
    folder.rmdir()
    library = SymbolLibrary.load()
    info = {i.set_id: i for i in library.set_infos()}["usb"]
    assert not info.available
    assert any("pcpv symbols remove usb" in p.message for p in library.problems)
    assert library.lookup("doctor").set_id == "openmoji"
    remove_set("usb")
    assert "usb" not in {i.set_id for i in SymbolLibrary.load().set_infos()}


def test_names_and_reserved_ids(tmp_path: Path):
    folder = write_folder(tmp_path / "openmoji", {"a.png": png_bytes()})
    with pytest.raises(SymbolError, match="pcpv's own"):
        add_set(folder)
    first = add_set(folder, name="Ours")
    assert first.record.set_id == "ours"
    again = add_set(folder, name="Ours")
    assert again.refreshed, "adding the same folder again reads it again"
    other = write_folder(tmp_path / "other", {"b.png": png_bytes()})
    with pytest.raises(SymbolError, match="already a symbol set called 'ours'"):
        add_set(other, name="ours")
    with pytest.raises(SymbolError, match="cannot be used as a set name"):
        add_set(other, name="!!!")
    with pytest.raises(SymbolError, match="no added symbol set called 'nope'"):
        remove_set("nope")


@pytest.mark.parametrize(
    ("stem", "words"),
    [
        ("doctor_1a", "doctor"),
        ("bake_,_to", "bake"),
        ("a_-_lower_case", "a lower case"),
        ("section_17", "section 17"),
        ("cup of tea", "cup of tea"),
        ("2", "2"),
    ],
)
def test_file_names_to_words(stem, words):
    assert name_words(stem) == words


def test_project_sets_come_first_and_stay_in_the_project(project_dir: Path, tmp_path: Path):
    own = write_folder(
        project_dir / "my-symbols", {"mam.png": png_bytes(), "dog.jpg": jpeg_bytes()}
    )
    result = add_set(own, name="Sam's pictures", project_root=project_dir)
    assert result.record.scope == "project"
    text = (project_dir / "symbols.yaml").read_text(encoding="utf-8")
    assert "path: my-symbols" in text, "a folder inside the project is stored relative"
    assert not (tmp_path / "user-config" / "symbol-sets.yaml").exists()
    library = SymbolLibrary.load(project_dir)
    assert library.set_infos()[0].set_id == "sam-s-pictures"
    assert library.lookup("dog").ref == "sam-s-pictures:dog"
    png = library.render_png("sam-s-pictures:mam", 64)
    assert project_dir in png.parents, "the patient's own pictures are drawn inside the project"
    assert SymbolLibrary.load().lookup("dog").set_id == "openmoji", "other projects don't see it"
