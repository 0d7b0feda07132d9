"""The small lemmatiser and tokeniser: base forms without any NLP download."""

from __future__ import annotations

import pytest

from pcpv.symbols.words import base_forms, is_small_word, normalise, tokens


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("walking", "walk"),
        ("nurses", "nurse"),
        ("worried", "worry"),
        ("went", "go"),
        ("hoping", "hope"),
        ("stopped", "stop"),
        ("travelling", "travel"),
        ("watches", "watch"),
        ("happier", "happy"),
        ("biggest", "big"),
        ("quickly", "quick"),
        ("sadness", "sad"),
        ("mum's", "mum"),
        ("children", "child"),
        ("tomatoes", "tomato"),
        ("knives", "knife"),
        ("leaves", "leave"),
        ("Felt", "feel"),
    ],
)
def test_base_forms_include_the_base(word, base):
    forms = base_forms(word)
    assert forms[0] == normalise(word), "the word itself is always tried first"
    assert base in forms


@pytest.mark.parametrize("word", ["class", "bus", "this", "news", "glasses"])
def test_words_that_only_look_plural_keep_themselves_first(word):
    forms = base_forms(word)
    assert forms[0] == word
    assert len(forms) == len(set(forms)), "no duplicates"


def test_no_base_form_is_a_one_letter_stub():
    for word in ["is", "as", "us", "red", "bed", "sing"]:
        assert all(len(form) >= 2 for form in base_forms(word)), word


def test_tokens_keep_positions_and_apostrophes():
    sentence = "I don’t like my mum's cooking, 2 times!"
    found = tokens(sentence)
    assert [w.text for w in found] == ["I", "don’t", "like", "my", "mum's", "cooking", "2", "times"]
    for word in found:
        assert sentence[word.start : word.end] == word.text
    assert found[1].key == "don't", "curly apostrophes are straightened"


def test_hyphens_split_words_and_normalise_joins_them():
    assert [w.text for w in tokens("self-harm")] == ["self", "harm"]
    assert normalise("  Self-Harm_Thing ") == "self harm thing"


def test_small_words_are_function_words_but_negations_are_not():
    assert all(is_small_word(w) for w in ["the", "I", "to", "and", "was", "my"])
    assert not any(is_small_word(w) for w in ["not", "no", "don't", "ok", "doctor"])
