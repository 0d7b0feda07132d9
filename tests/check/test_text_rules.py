"""Every text rule: words that break it and words that pass; the patient's words; the word list."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcpv.check import Severity, check_text, load_plain_words
from pcpv.check.text_rules import sentences
from pcpv.deck import theme
from pcpv.errors import ProjectFileError


def found(text: str, **kwargs) -> dict[str, list]:
    result: dict[str, list] = {}
    for f in check_text(text, patient_words=False, **kwargs):
        result.setdefault(f.rule, []).append(f)
    return result


@pytest.mark.parametrize(
    ("rule", "bad", "good"),
    [
        (
            "sentence-long",
            " ".join(["word"] * (theme.MAX_SENTENCE_WORDS + 1)) + ".",
            " ".join(["word"] * theme.MAX_SENTENCE_WORDS) + ".",
        ),
        (
            "sentence-ideas",
            "I like the gym but it is busy because everyone goes at 5.",
            "I like the gym because it makes me feel good.",
        ),
        ("sentence-ideas", "I like tea; I like coffee.", "I like tea and coffee."),
        ("hard-word", "We will commence at 2.", "We will start at 2."),
        ("hard-word", "Come prior to lunch.", "Come before lunch."),
        ("long-word", "We talked about responsibilities.", "We talked about jobs."),
        ("jargon", "Your CPA is on Monday.", "Your care meeting is on Monday."),
        ("jargon", "You can have s17 leave.", "You can have time out of hospital."),
        ("jargon", "The tribunal meets soon.", "The judge and panel meet soon."),
        ("acronym", "The ABC team will come.", "The NHS team will come."),
        ("capitals", "I LIKE FOOTBALL.", "I like football."),
        ("capitals", "I AM HAPPY.", "I watch TV at 9 PM."),
        ("passive", "You will be given a letter.", "The nurse will give you a letter."),
        ("passive", "My leave was stopped.", "I was bored."),
        ("number-words", "I have three brothers.", "I have 3 brothers."),
        ("number-words", "I am twenty-five.", "I am 25."),
        ("percentage", "50% of people like it.", "Half of people like it."),
        ("percentage", "Ten per cent said no.", "Some people said no."),
        ("big-number", "The ward cost 12,000 pounds.", "The ward cost a lot."),
        ("big-number", "A million people.", "A lot of people."),
    ],
)
def test_rule_breaks_and_passes(rule: str, bad: str, good: str):
    assert rule in found(bad), found(bad)
    assert rule not in found(good), found(good)


def test_findings_carry_where_span_and_fix():
    text = "Your CPA is soon."
    [f] = found(text, where="question 'feel-safe'")["jargon"]
    assert f.where == "question 'feel-safe'"
    assert f.span is not None and text[f.span[0] : f.span[1]] == "CPA"
    assert "care meeting" in f.fix and f.severity is Severity.WARNING


def test_jargon_explained_in_the_text_is_not_flagged():
    assert "jargon" not in found("Your CPA is coming. It is a meeting about my care.")
    assert "jargon" not in found("The MDT will meet.", context="That is the team who help me.")


def test_years_phone_numbers_and_small_numbers_are_not_big():
    assert "big-number" not in found("In 2027 call 01234 567890 at 10:30. I have 999 stickers.")


def test_one_is_not_a_number_word():
    assert "number-words" not in found("No one came. One day I will go.")


def test_known_capitals_and_single_i_pass():
    assert not {"acronym", "capitals"} & set(found("I watch TV and the NHS helps me. OK."))


def test_empty_and_blank_text_have_no_findings():
    assert check_text("", patient_words=False) == []
    assert check_text("  \n ", patient_words=True) == []


def test_sentences_split_at_ends_and_new_lines_but_not_short_forms():
    text = "Hello Dr. Smith. Is s. 17 ok? Yes!\nNew line"
    parts = sentences(text)
    assert [s.text for s in parts] == ["Hello Dr. Smith.", "Is s. 17 ok?", "Yes!", "New line"]
    assert all(text[s.start : s.end] == s.text for s in parts)


def test_each_line_is_its_own_sentence():
    text = "\n".join(" ".join(["word"] * 10) for _ in range(3))
    assert "sentence-long" not in found(text)


# -- the patient's own words -------------------------------------------------------------------------
PATIENT = (
    "The MDT said my s17 was stopped and I was told three different things by everybody "
    "on the ward which was not fair and 50% of it was lies."
)


def test_patient_words_get_at_most_one_information_line():
    result = check_text(PATIENT, patient_words=True, where="answer to 'leave'")
    assert len(result) == 1
    [note] = result
    assert note.rule == "patient-words" and note.severity is Severity.INFO
    assert "'MDT'" in note.message and "'s17'" in note.message
    assert note.where == "answer to 'leave'"
    # Never a suggestion to change the words.
    lowered = note.fix.lower()
    assert "nothing to change" in lowered
    assert not any(word in lowered for word in ("instead", "rewrite", "replace", "split"))


def test_the_same_words_from_staff_get_the_rules():
    rules = set(found(PATIENT))
    assert {
        "sentence-long",
        "sentence-ideas",
        "jargon",
        "passive",
        "number-words",
        "percentage",
    } <= rules


def test_plain_patient_words_get_nothing():
    assert check_text("I like my room. It is quiet and I have my music.", patient_words=True) == []


# -- the word list -----------------------------------------------------------------------------------
def test_shipped_word_list_has_the_jargon_the_brief_names():
    words = load_plain_words()
    for term in ("CPA", "MDT", "IMHA", "s17", "tribunal", "formulation"):
        assert term in words.jargon and words.jargon[term].plain


def test_a_projects_own_word_list_adds_and_overrides(tmp_path: Path):
    extra = tmp_path / "plain-words.yaml"
    extra.write_text(
        "jargon:\n"
        "  Willow Ward:\n"
        "    plain: [my ward]\n"
        "  CPA:\n"
        "    means: Care Programme Approach\n"
        "    plain: [big meeting]\n"
        "hard_words:\n"
        "  conclude: end\n"
    )
    words = load_plain_words(extra)
    assert "Willow Ward" in words.jargon and "MDT" in words.jargon
    result = {
        f.rule: f
        for f in check_text("Willow Ward will conclude the CPA.", patient_words=False, words=words)
    }
    assert "big meeting" in result["jargon"].fix or "my ward" in result["jargon"].fix
    assert result["hard-word"].fix == "Use 'end' instead."


def test_a_broken_word_list_names_every_problem(tmp_path: Path):
    extra = tmp_path / "plain-words.yaml"
    extra.write_text(
        "jargon:\n  CPA:\n    means: Care Programme Approach\nhard_words:\n  conclude: [end]\n"
    )
    with pytest.raises(ProjectFileError) as caught:
        load_plain_words(extra)
    text = str(caught.value)
    assert "CPA" in text and "plain" in text and "conclude" in text
    assert "plain-words.yaml" in text


def test_word_list_that_is_not_yaml(tmp_path: Path):
    extra = tmp_path / "plain-words.yaml"
    extra.write_text("jargon: [unclosed\n")
    with pytest.raises(ProjectFileError, match="line"):
        load_plain_words(extra)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), patient=st.booleans())
def test_any_text_gives_findings_with_spans_inside_it(text: str, patient: bool):
    for finding in check_text(text, patient_words=patient):
        assert finding.severity in Severity
        if patient:
            assert finding.severity is Severity.INFO
        if finding.span is not None:
            start, end = finding.span
            assert 0 <= start <= end <= len(text)
