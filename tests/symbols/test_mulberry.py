"""The real Mulberry set (beside the checkout): added, searched, preferred, drawn, credited."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pcpv.symbols import SymbolLibrary
from pcpv.symbols.manage import add_set, set_order

from .helpers import REPO


@pytest.mark.parametrize("word", ["doctor", "medicine", "garden", "angry"])
def test_words_find_mulberry_symbols(with_mulberry, word):
    found = [m for m in with_mulberry.search(word, limit=20) if m.set_id == "mulberry"]
    assert found, f"no Mulberry symbol for {word!r}"
    best = found[0]
    assert word in best.name or word in best.ref
    assert best.source.suffix == ".svg" and best.source.is_file()
    assert best.licence == "CC BY-SA 4.0"


def test_mulberry_names_become_words(mulberry_set):
    assert len(mulberry_set.entries) == 3436
    assert mulberry_set.problems == []
    assert mulberry_set.entries["doctor_1a"].name == "doctor"
    assert mulberry_set.entries["bake_,_to"].name == "bake"
    assert "hospital" in mulberry_set.entries["medicine"].tags


def test_preferred_set_is_chosen_for_exact_words(with_mulberry, library):
    assert with_mulberry.lookup("doctors").ref == "mulberry:doctor_1a"
    assert with_mulberry.lookup("medicine").ref == "mulberry:medicine"
    # Where Mulberry has only a longer name, our exact word still wins.
    assert with_mulberry.lookup("ward round").ref == library.lookup("ward round").ref
    # A word inside another name is offered by search but not chosen ("walking stick" for walk).
    assert with_mulberry.lookup("walk").ref != "mulberry:walking_stick"


def test_adding_mulberry_registers_it_first_and_copies_nothing(mulberry_path: Path):
    result = add_set(mulberry_path, name="Mulberry")
    assert result.record.set_id == "mulberry"
    assert result.record.licence == "CC BY-SA 4.0", "read from its LICENSE.txt"
    assert "Steve Lee" in result.record.credit
    assert result.problems == []
    assert len(result.symbols.entries) == 3436
    library = SymbolLibrary.load()
    assert [info.set_id for info in library.set_infos()] == ["mulberry", "openmoji"]
    assert library.lookup("doctor").ref == "mulberry:doctor_1a"
    set_order(["openmoji", "mulberry"])
    library = SymbolLibrary.load()
    assert [info.set_id for info in library.set_infos()] == ["openmoji", "mulberry"]
    assert library.lookup("doctor").set_id == "openmoji"
    # Never copy Mulberry into the repository.
    assert not list(REPO.rglob("doctor_1a.svg"))
    assert not list(REPO.rglob("symbol-info.csv"))


def test_mulberry_symbol_is_drawn_square_and_cached(with_mulberry):
    path = with_mulberry.render_png("mulberry:doctor_1a", 128)
    with Image.open(path) as image:
        assert image.size == (128, 128)
        assert image.mode == "RGBA"
        assert image.getbbox() is not None, "something was drawn"
    assert with_mulberry.render_png("mulberry:doctor_1a", 128) == path


def test_mulberry_credit(with_mulberry):
    credits = with_mulberry.credits_for(
        ["mulberry:doctor_1a", "mulberry:medicine", "mulberry:doctor_1a"]
    )
    assert len(credits) == 1
    credit = credits[0]
    assert credit.required
    assert credit.count == 2
    assert (
        "Mulberry" in credit.text and "Steve Lee" in credit.text and "CC BY-SA 4.0" in credit.text
    )
