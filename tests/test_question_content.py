"""The shipped question sets and slide wording keep the easy-read promises in DOMAIN.md.

These tests read the sets through pcpv's own loader, so they also prove the content is valid.
The rules checked here are the ones a template writer controls: short sentences, digits for
numbers, no unexplained acronyms, the patient's prompts in the first person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pcpv.errors import QuestionSetError
from pcpv.questions import (
    SAMPLE_INFO_CONTEXT,
    AnswerKind,
    Prompt,
    QuestionSet,
    SlideKind,
    builtin_sets,
    load_builtin,
    load_question_set,
)
from pcpv.texts import render_string

SET_IDS = ["ctr", "cpa", "own"]
MAX_WORDS = 15
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "hundred", "thousand",
}  # fmt: skip
FIRST_PERSON = re.compile(r"\b(I|me|my|myself)\b")
ACRONYM = re.compile(r"\b(?!OK\b)[A-Z]{2,}s?\b")  # "OK" is an everyday word
SYMBOL_WORD = re.compile(r"^[a-z]+( [a-z]+)*$")
SLIDE_CONTEXT = SAMPLE_INFO_CONTEXT | {
    "question": "Do I feel safe here?",
    "part": 1,
    "parts": 2,
    "set_name": "Mulberry Symbols",
    "licence": "CC BY-SA 4.0",
    "date": "1 December 2026",
}
# The slide texts this room writes (others may add more to the same folder).
OUR_SLIDES = {
    "title.j2", "subtitle.j2", "presenter.j2", "thanks.j2", "patient-words-label.j2",
    "staff-words-label.j2", "notes-prompt.j2", "not-today.j2", "continued.j2",
    "credits.j2", "family-line.j2",
}  # fmt: skip
# Slide texts that carry words pcpv does not write (a licence's name) are exempt from the acronym rule.
ACRONYM_EXEMPT_SLIDES = {"credits.j2"}


def sentences(text: str) -> list[str]:
    """Split plain text into sentences at ., ? and ! (and line ends)."""
    parts = re.split(r"(?<=[.?!])\s+|\n+", text.strip())
    return [p for p in (s.strip() for s in parts) if p]


def word_count(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", sentence))


def easy_read_problems(text: str, *, check_acronyms: bool = True) -> list[str]:
    """Every easy-read rule ``text`` breaks, as sentences (empty when it is fine)."""
    found = []
    for sentence in sentences(text):
        if word_count(sentence) > MAX_WORDS:
            found.append(f"{word_count(sentence)} words: {sentence!r}")
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in NUMBER_WORDS:
            found.append(f"number in words ({word}): {text!r}")
    if check_acronyms:
        found.extend(f"acronym {a}: {text!r}" for a in ACRONYM.findall(text))
    return found


@pytest.fixture(scope="module", params=SET_IDS)
def qs(request) -> QuestionSet:
    return load_builtin(request.param)


def filled(text: str, topic: str = "football") -> str:
    return render_string(text, SAMPLE_INFO_CONTEXT | {"topic": topic}, name="test")


def all_prompts(qs: QuestionSet) -> Iterator[Prompt]:
    """Every prompt of the set, including the pattern of an own-topics section."""
    for section in qs.sections:
        yield from section.prompts
        if section.own_topics is not None:
            yield section.own_topics


def test_the_shipped_sets_are_exactly_ours():
    assert set(builtin_sets()) == set(SET_IDS)


def test_sets_open_with_about_me_and_close_with_next_and_thanks(qs):
    ids = [s.id for s in qs.sections]
    assert ids[0] == "about-me"
    assert ids[-2:] == ["next", "thanks"]
    assert qs.sections[-1].title == "Thank you for listening"
    assert qs.sections[-2].title == "What I want to happen next"


def test_ctr_asks_the_four_headline_questions_in_the_first_person():
    ctr = load_builtin("ctr")
    titles = [s.title for s in ctr.sections[1:-2]]
    assert titles == [
        "Am I safe?",
        "Am I getting good care now?",
        "What are my plans for the future?",
        "Can I get my care and treatment in the community?",
    ]
    for section in ctr.sections[1:-2]:
        assert 4 <= len(section.prompts) <= 8, section.id


def test_rights_run_through_the_ctr_and_cpa_sets():
    rights = {"section": r"\bsection\b", "tribunal": r"tribunal", "advocate": r"advocate",
              "listened to": r"\blisten"}  # fmt: skip
    for set_id in ("ctr", "cpa"):
        text = " ".join(f"{p.question} {p.note}" for p in load_builtin(set_id).prompts()).lower()
        missing = [name for name, pattern in rights.items() if not re.search(pattern, text)]
        assert not missing, f"{set_id} never mentions {missing}"


def test_cpa_covers_the_secure_service_agenda():
    cpa = load_builtin("cpa")
    ids = [s.id for s in cpa.sections]
    assert ids == [
        "about-me", "my-views", "how-i-am", "my-day", "health", "leave",
        "family-friends", "moving-on", "meeting", "next", "thanks",
    ]  # fmt: skip


def test_own_set_makes_one_prompt_per_topic():
    own = load_builtin("own").with_own_topics(["Football", "My guitar"])
    section = own.section("my-topics")
    assert section is not None
    assert [p.id for p in section.prompts] == ["my-topics-football", "my-topics-my-guitar"]
    assert [p.topic for p in section.prompts] == ["Football", "My guitar"]


def test_questions_are_easy_read_and_in_the_first_person(qs):
    for prompt in all_prompts(qs):
        text = filled(prompt.question)
        assert not easy_read_problems(text), (prompt.id, easy_read_problems(text))
        assert FIRST_PERSON.search(text), f"{prompt.id}: not in the first person: {text!r}"


def test_notes_for_the_salt_are_short_and_plain(qs):
    for prompt in all_prompts(qs):
        text = filled(prompt.note)
        assert 1 <= len(sentences(text)) <= 3, (prompt.id, sentences(text))
        assert not easy_read_problems(text), (prompt.id, easy_read_problems(text))


def test_titles_and_intros_are_easy_read(qs):
    for section in qs.sections:
        for text in (section.title, section.intro):
            assert not easy_read_problems(filled(text)), (section.id, text)
    assert not easy_read_problems(qs.title)
    assert not easy_read_problems(qs.description)


def test_every_prompt_is_complete(qs):
    for prompt in all_prompts(qs):
        assert prompt.note, f"{prompt.id} has no note for the SALT"
        assert prompt.symbols, f"{prompt.id} has no symbol words"
        for word in prompt.symbols:
            assert SYMBOL_WORD.match(word), f"{prompt.id}: symbol word {word!r} is not plain"
        if AnswerKind.CHOICE in prompt.answers:
            assert 2 <= len(prompt.choices) <= 4, prompt.id
    for section in qs.sections:
        assert section.symbols, f"section {section.id} has no symbol words"


def test_every_answer_kind_and_slide_kind_is_offered_somewhere():
    prompts = [p for set_id in SET_IDS for p in all_prompts(load_builtin(set_id))]
    assert {k for p in prompts for k in p.answers} == set(AnswerKind)
    assert {p.slide for p in prompts} == set(SlideKind)


def test_slide_wording_renders_plainly(qs):
    assert set(qs.texts.names()) >= OUR_SLIDES
    for name in sorted(OUR_SLIDES):
        text = qs.texts.render(name, SLIDE_CONTEXT)
        assert text, name
        problems = easy_read_problems(text, check_acronyms=name not in ACRONYM_EXEMPT_SLIDES)
        assert not problems, (name, problems)


@pytest.mark.parametrize(
    ("presenter", "expected"),
    [
        ("me", "I will show my slides."),
        ("salt", "My speech and language therapist will show my slides."),
        ("together", "We will show my slides together."),
        ("not-in-room", "I won't be in the room. My slides will speak for me."),
    ],
)
def test_presenter_line_names_who_presents(presenter, expected):
    text = load_builtin("ctr").texts.render(
        "presenter.j2", SLIDE_CONTEXT | {"presenter": presenter}
    )
    assert text == expected


def test_subtitle_leaves_out_an_unknown_date():
    ctr = load_builtin("ctr")
    no_date = SLIDE_CONTEXT | {"meeting": SLIDE_CONTEXT["meeting"] | {"date": ""}}
    assert ctr.texts.render("subtitle.j2", no_date) == "My points of view"
    assert "15 January 2027" in ctr.texts.render("subtitle.j2", SLIDE_CONTEXT)


def test_the_checker_helper_catches_what_it_should():
    # The rules above are only worth something if they can fail.
    long = "I " + "really " * 15 + "like it."
    assert easy_read_problems(long)
    assert easy_read_problems("I have three cats.")
    assert easy_read_problems("Ask the MDT.")
    assert not easy_read_problems("I have 3 cats. I like them. That is OK.")


def test_a_copied_set_with_a_broken_include_fails_to_load(tmp_path: Path):
    # A service starting from our set and mistyping an include gets a problem, not a half set.
    source = load_builtin("ctr").folder / "set.yaml"
    text = source.read_text(encoding="utf-8").replace("include: next", "include: nxt")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(QuestionSetError, match="nxt"):
        load_question_set(tmp_path)


def test_pcpv_checker_finds_nothing_to_fix_in_what_the_patient_sees(qs):
    # `pcpv check` runs these rules on every project: our own wording must not set them off.
    from pcpv.check.findings import Severity
    from pcpv.check.text_rules import check_text

    texts = [("set title", qs.title)]
    for section in qs.sections:
        texts.append((f"{section.id} title", filled(section.title)))
        if section.intro:
            texts.append((f"{section.id} intro", filled(section.intro)))
    for prompt in all_prompts(qs):
        texts.append((prompt.id, filled(prompt.question)))
        texts += [(f"{prompt.id} choice", choice) for choice in prompt.choices]
    problems = [
        (where, f.rule, f.message)
        for where, text in texts
        for f in check_text(text, patient_words=False)
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    assert not problems


def test_pcpv_checker_would_catch_jargon_in_a_question():
    # The test above means something only if the checker flags what we avoid.
    from pcpv.check.text_rules import check_text

    assert check_text("Do I go to my MDT meeting?", patient_words=False)


def test_every_symbol_word_finds_a_fitting_symbol_in_pcpvs_own_vocabulary(qs):
    # A word that finds nothing, or only a loose match inside another symbol's name (like
    # "place" -> "litter in bin sign"), leaves the slide with no picture or a wrong one.
    from pcpv.symbols.index import TIER_NAME
    from pcpv.symbols.library import SymbolLibrary

    library = SymbolLibrary.load()
    words = {w for s in qs.sections for w in s.symbols}
    words |= {w for p in all_prompts(qs) for w in p.symbols}
    poor = {}
    for word in sorted(words):
        match = library.lookup(word)
        if match is None or match.rank > TIER_NAME:
            poor[word] = match.name if match else None
    assert not poor
