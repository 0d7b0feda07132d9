"""Hospital-life words and phrases each get a sensible symbol from the shipped set.

The expected symbols were chosen by looking at every one of them drawn side by side; a change
in the vocabulary or ranking that picks something else must be a deliberate one.
"""

from __future__ import annotations

import pytest

EXPECTED = {
    "hospital": "1F3E5",  # hospital building
    "ward": "1F3E5",
    "nurse": "E300",  # nurse with cap and stethoscope
    "nurses": "E300",
    "doctor": "1F9D1-200D-2695-FE0F",  # health worker
    "psychiatrist": "1F9D1-200D-2695-FE0F",
    "psychologist": "1F9E0",  # brain
    "social worker": "1F9D1-200D-1F4BC",  # office worker
    "advocate": "1F4E3",  # megaphone: speaks up for you
    "speech and language therapist": "1F5E3",  # speaking head
    "support worker": "E083",  # person helping another
    "mum": "1F469",
    "dad": "1F468",
    "family": "1F46A",
    "friend": "1F9D1-200D-1F91D-200D-1F9D1",
    "visit": "1FAC2",  # people hugging
    "phone call": "1F4DE",
    "happy": "1F600",
    "sad": "2639",
    "angry": "1F620",
    "scared": "1F628",
    "worried": "1F61F",
    "tired": "1F62B",
    "bored": "1F971",  # yawning face
    "calm": "1F60C",
    "safe": "E247",  # shield with tick
    "medication": "1F48A",  # pill
    "tablets": "1F48A",
    "injection": "1F489",
    "side effects": "26A0",  # warning sign
    "blood test": "1FA78",  # drop of blood
    "dentist": "1F9B7",
    "headache": "E31D",
    "exercise": "1F3C3",
    "walking": "1F6B6",
    "gym": "1F3CB",
    "football": "26BD",
    "music": "1F3B5",
    "art": "1F3A8",
    "cooking": "1F373",
    "gardening": "E344",  # wheelbarrow
    "garden": "1F33B",
    "reading": "1F4D6",
    "shop": "1F3EA",
    "money": "1F4B7",
    "breakfast": "1F963",
    "lunch": "1F96A",
    "dinner": "1F37D",
    "drink": "1F964",
    "cup of tea": "2615",
    "sleep": "1F634",
    "bed": "1F6CF",
    "shower": "1F6BF",
    "tv": "1F4FA",
    "mobile phone": "1F4F1",
    "leave": "E201",  # person walking out of a door
    "ground leave": "1F333",
    "escorted leave": "1F46B",
    "discharge": "E088",  # running home
    "going home": "E088",
    "community": "1F3D8",
    "tribunal": "2696",  # scales of justice
    "solicitor": "1F4BC",
    "rights": "2696",
    "complaint": "1F4E2",
    "meeting": "E246",  # people talking
    "cpa": "E200",  # meeting table
    "ward round": "E249",
    "care plan": "E30B",  # clipboard
    "goals": "1F3AF",
    "progress": "1F4C8",
    "question": "2753",
    "listen": "1F442",
    "talk": "1F5E3",
    "choice": "E094",  # signpost
    "yes": "2705",
    "no": "274C",
    "today": "1F4C5",
    "weekend": "1F5D3",
    "morning": "1F305",
    "night": "1F319",
    "smoking": "1F6AC",
    "self harm": "1FA79",
    "therapy": "E24A",
    "recovery": "1F331",
    "college": "1F393",
    "work": "1F4BC",
    "bus": "1F68C",
    "birthday": "1F382",
}


def test_the_list_is_long_enough():
    assert len(EXPECTED) >= 60


@pytest.mark.parametrize(("word", "code"), sorted(EXPECTED.items()))
def test_word_gets_its_symbol(library, word, code):
    match = library.lookup(word)
    assert match is not None, f"no symbol for {word!r}"
    assert match.ref == f"openmoji:{code}"
    assert match.set_id == "openmoji"
    assert match.licence == "CC BY-SA 4.0"
    assert match.name, "a meaning for alt text"
    assert match.source.is_file()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I went to the ward round", [("went", "1F6B6"), ("ward round", "E249")]),
        ("My care plans are good", [("care plans", "E30B"), ("good", "1F44D")]),
        ("The nurses took my bloods", [("nurses", "E300"), ("took", None), ("bloods", "1FA78")]),
        ("Walking in the garden", [("Walking", "1F6B6"), ("garden", "1F33B")]),
    ],
)
def test_sentences_get_the_same_symbols(library, sentence, expected):
    found = [
        (w.text, w.match.ref.split(":")[1] if w.match else None)
        for w in library.symbolise(sentence)
    ]
    assert found == expected


def test_help_and_support_do_not_suggest_a_wheelchair(library) -> None:
    for word in ("help", "helping", "ask for help", "support"):
        match = library.lookup(word)
        assert match is not None and match.ref != "openmoji:E083", word
