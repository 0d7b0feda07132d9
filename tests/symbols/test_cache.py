"""The start-up cache: used when nothing changed, refreshed when anything did, never holding a
project's own sets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pcpv.symbols import SymbolLibrary
from pcpv.symbols import library as library_module
from pcpv.symbols.cache import cached_set
from pcpv.symbols.manage import add_set
from pcpv.symbols.sets import SymbolSet

from .helpers import png_bytes, write_folder


def index_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "user-cache" / "symbols" / "index").glob("*.json"))


def test_second_load_reads_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = write_folder(tmp_path / "ours", {"kettle.png": png_bytes()})
    add_set(folder)
    first = SymbolLibrary.load()
    assert [p.name.split("--")[0] for p in index_files(tmp_path)] == ["openmoji", "set-ours"]

    def no_reading(*_args):
        raise AssertionError("read from the sources although cached")

    monkeypatch.setattr(library_module, "load_openmoji", no_reading)
    monkeypatch.setattr(library_module, "read_folder_set", no_reading)
    second = SymbolLibrary.load()
    assert second.lookup("kettle").ref == "ours:kettle"
    assert second.lookup("hospital").ref == first.lookup("hospital").ref
    assert len(second.index.terms) == len(first.index.terms)
    assert second.get_set("ours").entries["kettle"].source == folder / "kettle.png"


def test_a_changed_folder_is_read_again(tmp_path: Path):
    folder = write_folder(tmp_path / "ours", {"kettle.png": png_bytes()})
    add_set(folder)
    assert SymbolLibrary.load().get_set("ours").entries.keys() == {"kettle"}
    (folder / "toast.png").write_bytes(png_bytes())
    stat = folder.stat()
    os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    library = SymbolLibrary.load()
    assert library.get_set("ours").entries.keys() == {"kettle", "toast"}
    assert len([p for p in index_files(tmp_path) if p.name.startswith("set-ours")]) == 1, (
        "the stale copy is removed"
    )


def test_a_broken_cache_file_is_ignored_and_rewritten(tmp_path: Path):
    calls = []

    def read() -> SymbolSet:
        calls.append(1)
        symbols = SymbolSet("x", "X")
        symbols.curated = {"tea": [("2615", "tea")]}
        return symbols

    cached_set("demo", ["key"], lambda: SymbolSet("x", "X"), read)
    cached_set("demo", ["key"], lambda: SymbolSet("x", "X"), read)
    assert len(calls) == 1
    (cache_file,) = index_files(tmp_path)
    cache_file.write_text('{"entries": [[1, 2]', encoding="utf-8")
    again = cached_set("demo", ["key"], lambda: SymbolSet("x", "X"), read)
    assert len(calls) == 2
    assert again.curated == {"tea": [("2615", "tea")]}
    cached_set("demo", ["another key"], lambda: SymbolSet("x", "X"), read)
    assert len(calls) == 3, "a different key reads the sources again"


def test_project_sets_never_reach_the_user_cache(tmp_path: Path, project_dir: Path):
    own = write_folder(project_dir / "pictures", {"auntie maureen.png": png_bytes()})
    add_set(own, name="Sam", project_root=project_dir)
    library = SymbolLibrary.load(project_dir)
    assert library.lookup("auntie maureen").ref == "sam:auntie maureen"
    for path in (tmp_path / "user-cache").rglob("*"):
        if path.is_file():
            assert b"maureen" not in path.read_bytes(), path
