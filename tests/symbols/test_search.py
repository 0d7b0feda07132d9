"""Searching: ranking, word forms, phrases, partial words and limits."""

from __future__ import annotations

import pytest


def test_exact_vocabulary_words_come_first_then_names(library):
    results = library.search("hospital")
    assert results[0].ref == "openmoji:1F3E5"
    assert results[0].rank == 0
    assert [m.rank for m in results] == sorted(m.rank for m in results), "best first"
    assert len({m.ref for m in results}) == len(results), "each symbol once"


def test_unicode_names_find_symbols_outside_the_vocabulary(library):
    # "giraffe" is not in our vocabulary; OpenMoji's Unicode name finds it.
    results = library.search("giraffe")
    assert results and results[0].ref == "openmoji:1F992"
    assert results[0].name == "giraffe"


def test_alternatives_from_the_vocabulary_are_offered(library):
    refs = [m.ref for m in library.search("doctor")]
    assert refs[:3] == [
        "openmoji:1F9D1-200D-2695-FE0F",
        "openmoji:1F469-200D-2695-FE0F",
        "openmoji:1F468-200D-2695-FE0F",
    ]


def test_word_forms_and_phrases(library):
    assert library.search("nurses")[0].ref == "openmoji:E300"
    assert library.search("Ward Rounds")[0].ref == "openmoji:E249"
    assert library.search("health worker man")[0].ref == "openmoji:1F468-200D-2695-FE0F"


def test_partial_words_find_what_they_start(library):
    results = library.search("hosp", limit=5)
    assert results[0].ref == "openmoji:1F3E5"
    assert all(m.rank == 5 for m in results)


@pytest.mark.parametrize("query", ["", "   ", "zzzzqqq"])
def test_nothing_to_find(library, query):
    assert library.search(query) == []


def test_limit(library):
    assert len(library.search("face", limit=3)) == 3
    assert library.search("face", limit=0) == []


def test_resolve_references_and_words(library):
    assert library.resolve("openmoji:1F3E5").name == "hospital"
    assert library.resolve("hospital").ref == "openmoji:1F3E5"
    assert library.resolve("openmoji:ZZZ") is None
    assert library.resolve("nope:1F3E5") is None
