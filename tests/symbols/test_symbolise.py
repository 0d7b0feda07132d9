"""Symbol-supported text: phrases first, then word forms, small words skipped, pins win."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcpv.errors import ProjectFileError, SymbolError
from pcpv.symbols import SymbolLibrary, load_pins, pin, unpin


def refs(words):
    return [(w.text, w.lemma, w.match.ref if w.match else None) for w in words]


def test_phrases_come_before_their_words(library):
    found = refs(library.symbolise("Can we talk about my care plan at the ward round?"))
    assert found == [
        ("talk", "talk", "openmoji:1F5E3"),
        ("care plan", "care plan", "openmoji:E30B"),
        ("ward round", "ward round", "openmoji:E249"),
    ]


def test_longest_phrase_wins(library):
    found = refs(library.symbolise("My speech and language therapist helps me"))
    assert found[0] == (
        "speech and language therapist",
        "speech and language therapist",
        "openmoji:1F5E3",
    )
    assert found[1][0] == "helps"


def test_word_forms_find_their_base(library):
    found = {
        text: lemma
        for text, lemma, _ in refs(library.symbolise("walking nurses worried went happier"))
    }
    assert found == {
        "walking": "walk",
        "nurses": "nurse",
        "worried": "worried",
        "went": "went",
        "happier": "happy",
    }
    # "worried" and "went" are words of the vocabulary themselves; the symbol is the same as
    # their base form's.
    assert library.lookup("worried").ref == library.lookup("worry").ref
    assert library.lookup("went").ref == library.lookup("go").ref


def test_small_words_and_numbers_are_skipped_and_spans_are_exact(library):
    sentence = "I have been on the ward for 3 years."
    words = library.symbolise(sentence)
    assert [w.text for w in words] == ["ward", "years"]
    for w in words:
        assert sentence[w.start : w.end] == w.text


def test_unknown_words_are_kept_without_a_symbol(library):
    words = library.symbolise("Zorblax likes football")
    assert words[0].text == "Zorblax"
    assert words[0].match is None
    assert words[1].match.ref == "openmoji:1F44D"  # likes -> like


def test_empty_and_punctuation_only_sentences(library):
    assert library.symbolise("") == []
    assert library.symbolise("... ?! --") == []


def test_pins_win_over_the_vocabulary(library):
    pins = {
        "nurse": "openmoji:1F9D1-200D-2695-FE0F",
        "Garden": None,
        "my mam": "openmoji:1F475",
        "sat": "None",
    }
    words = library.symbolise("The nurses and my mam sat in the garden", pins=pins)
    by_text = {w.text: w for w in words}
    assert by_text["nurses"].match.ref == "openmoji:1F9D1-200D-2695-FE0F"
    assert by_text["nurses"].pinned
    assert by_text["garden"].match is None and by_text["garden"].pinned
    # A pinned phrase is found even though it is not in any vocabulary.
    assert by_text["my mam"].match.ref == "openmoji:1F475"
    assert by_text["sat"].match is None and by_text["sat"].pinned, "'none' as in symbols.yaml"
    assert not by_text["nurses"].note


def test_a_pin_to_a_missing_symbol_falls_back_with_a_note(library):
    words = library.symbolise("doctor", pins={"doctor": "widgit:doctor"})
    assert words[0].match.ref == library.lookup("doctor").ref
    assert not words[0].pinned
    assert "widgit:doctor" in words[0].note


def test_pins_are_saved_in_the_project_and_used_by_the_library(project_dir: Path):
    assert load_pins(project_dir) == {}
    pin(project_dir, "Ward Round", "openmoji:1F3E5")
    pin(project_dir, "garden", None)
    assert load_pins(project_dir) == {"ward round": "openmoji:1F3E5", "garden": None}
    text = (project_dir / "symbols.yaml").read_text(encoding="utf-8")
    assert "ward round: openmoji:1F3E5" in text and "garden: none" in text
    library = SymbolLibrary.load(project_dir)
    words = library.symbolise("ward round in the garden")
    assert [(w.text, w.match.ref if w.match else None, w.pinned) for w in words] == [
        ("ward round", "openmoji:1F3E5", True),
        ("garden", None, True),
    ]
    assert unpin(project_dir, "garden") is True
    assert unpin(project_dir, "garden") is False
    assert load_pins(project_dir) == {"ward round": "openmoji:1F3E5"}
    # Passing pins={} ignores the project's pins.
    assert library.symbolise("ward round", pins={})[0].match.ref == "openmoji:E249"


def test_pin_refuses_what_is_not_a_reference(project_dir: Path):
    with pytest.raises(SymbolError, match="not a symbol reference"):
        pin(project_dir, "doctor", "just a word")
    with pytest.raises(SymbolError, match="needs a word"):
        pin(project_dir, "  ", "openmoji:1F3E5")
    assert not (project_dir / "symbols.yaml").exists(), "nothing written after a refusal"


def test_a_hand_broken_pins_file_is_reported_with_its_line(project_dir: Path):
    (project_dir / "symbols.yaml").write_text(
        "pins:\n  doctor: openmoji:1F3E5\n  nurse: [1, 2]\n  garden: 12\n", encoding="utf-8"
    )
    with pytest.raises(ProjectFileError) as caught:
        load_pins(project_dir)
    wheres = sorted(p.where for p in caught.value.problems)
    assert wheres == ["pins.garden", "pins.nurse"]
    (project_dir / "symbols.yaml").write_text("pins: [oops\n", encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_pins(project_dir)
    assert caught.value.problems[0].line is not None
