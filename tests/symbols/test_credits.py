"""Credits for the deck's last slide: which sets, which licence, in plain words."""

from __future__ import annotations

from pathlib import Path

from pcpv.symbols import credits_for
from pcpv.symbols.credits import attribution_required, credit_text
from pcpv.symbols.manage import add_set

from .helpers import png_bytes, write_folder


def test_openmoji_credit(library):
    credits = library.credits_for(
        ["openmoji:1F3E5", "openmoji:1F48A", "openmoji:1F3E5", "care plan"]
    )
    assert len(credits) == 1
    credit = credits[0]
    assert (credit.set_id, credit.set_name, credit.licence) == (
        "openmoji",
        "OpenMoji",
        "CC BY-SA 4.0",
    )
    assert credit.required
    assert credit.count == 2, "bare words are not placed symbols; duplicates count once"
    assert "OpenMoji" in credit.text and "openmoji.org" in credit.text


def test_no_symbols_no_credits(library):
    assert library.credits_for([]) == []
    assert library.credits_for(["unknown:thing"]) == []


def test_sets_in_order_of_first_use_with_their_own_licences(tmp_path: Path):
    cc0 = write_folder(tmp_path / "free", {"tree.png": png_bytes()})
    add_set(cc0, licence="CC0 1.0")
    paid = write_folder(
        tmp_path / "widgit",
        {
            "doc.png": png_bytes(),
            "pen.png": png_bytes(),
            "symbols.csv": "file,words,licence\ndoc.png,doctor,\npen.png,pen,CC BY 4.0\n",
        },
    )
    add_set(
        paid,
        name="Widgit",
        licence="Widgit Symbols licence",
        credit="Widgit Symbols © Widgit Software 2002-2026",
    )
    nothing = write_folder(tmp_path / "unknown", {"cat.png": png_bytes()})
    add_set(nothing, licence="")
    refs = ["widgit:doc", "free:tree", "openmoji:1F3E5", "widgit:pen", "unknown:cat"]
    credits = credits_for(refs)
    assert [(c.set_id, c.licence, c.required) for c in credits] == [
        ("widgit", "Widgit Symbols licence", True),
        ("free", "CC0 1.0", False),
        ("openmoji", "CC BY-SA 4.0", True),
        ("widgit", "CC BY 4.0", True),
        ("unknown", "", False),
    ]
    # A credit that names its set is used as it is; the licence follows.
    assert credits[0].text == (
        "Widgit Symbols © Widgit Software 2002-2026. Licence: Widgit Symbols licence."
    )
    assert credits[1].text == "Pictures from free. Licence: CC0 1.0."
    assert "you may share them if you say where they come from" in credits[3].text


def test_attribution_rules():
    assert attribution_required("CC BY-SA 4.0")
    assert attribution_required("Licensed to Ashdown Hospital")
    assert attribution_required("", credit="© Someone")
    assert not attribution_required("CC0")
    assert not attribution_required("Public domain")
    assert not attribution_required("")
    assert credit_text("Mulberry", "CC BY-SA 4.0", "Copyright 2018 Steve Lee") == (
        "Pictures from Mulberry. Copyright 2018 Steve Lee. "
        "Licence: CC BY-SA 4.0 (you may share them if you say where they come from)."
    )
    assert credit_text("Ours", "", "") == "Pictures from Ours."
