"""The feedback questions file: easy read, a picture each, and the fixed ids reports rely on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pcpv.errors import ProjectFileError, UsageError
from pcpv.feedback import (
    NO_ANSWER,
    QUESTION_KINDS,
    SCALE,
    STAFF_ROLES,
    WHO_CHOICES,
    FeedbackKind,
    load_feedback_form,
)
from pcpv.resources import symbols_dir, templates_dir
from pcpv.symbols.vocabulary import load_vocabulary
from pcpv.symbols.words import normalise

FORM = templates_dir() / "feedback" / "questions.yaml"
FIRST_PERSON = re.compile(r"\b(I|me|my)\b")


def test_shipped_form_has_the_stable_questions_in_order() -> None:
    form = load_feedback_form()
    assert [q.id for q in form.questions] == list(QUESTION_KINDS)
    assert [q.id for q in form.questions] == [
        "listened",
        "understood",
        "slides-helped",
        "part-of-meeting",
        "who-presented",
        "change-next-time",
    ]
    assert 5 <= len(form.questions) <= 6
    for question in form.questions:
        ids = [o.id for o in question.options]
        if question.kind is FeedbackKind.FACE:
            assert ids == list(SCALE) == ["happy", "ok", "sad", "skip", "dont-know"]
        elif question.kind is FeedbackKind.CHOICE:
            assert ids == [*WHO_CHOICES, *NO_ANSWER]
        else:
            assert ids == list(NO_ANSWER)
    assert [r.id for r in form.roles] == list(STAFF_ROLES)


def test_patient_questions_are_easy_read_with_a_picture_each() -> None:
    vocabulary = load_vocabulary(symbols_dir())
    form = load_feedback_form()
    options = {o.id: o for q in form.questions for o in q.options}
    for question in form.questions:
        text = question.question
        assert len(text.split()) <= 15, text
        assert text.endswith("?") and text.count("?") == 1, "one question, one sentence"
        assert FIRST_PERSON.search(text), f"the patient asks it of themselves: {text}"
        assert question.symbols, question.id
        for word in question.symbols:
            assert normalise(word) in vocabulary.terms, f"{question.id}: no picture for {word!r}"
    for option in options.values():
        assert option.symbols, f"the answer {option.id} needs a picture"
        for word in option.symbols:
            assert normalise(word) in vocabulary.terms, f"{option.id}: no picture for {word!r}"
        for sentence in re.split(r"(?<=\.)\s+", option.words):
            assert len(sentence.split()) <= 15


def test_a_broken_form_lists_every_problem_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "questions.yaml"
    shutil.copy(FORM, broken)
    text = broken.read_text()
    text = text.replace("  - id: listened\n", "  - id: listen\n")  # renamed id
    text = text.replace("  - id: sad\n", "  - id: unhappy\n")  # the scale changed
    text = text.replace("    symbols: [change, next meeting]\n", "")  # no picture
    text = text.replace("    - {id: nurse, words: Nurse}\n", "")  # a role removed
    broken.write_text(text)
    with pytest.raises(ProjectFileError) as caught:
        load_feedback_form(broken)
    messages = [(p.line, p.message) for p in caught.value.problems]
    joined = "\n".join(m for _, m in messages)
    assert "'listen' is not one of the feedback questions" in joined
    assert "'scale' should list exactly these ids, in this order: happy, ok, sad." in joined
    assert "Every feedback question needs a picture" in joined
    assert "'roles' should list exactly these ids" in joined
    assert "'patient' should ask these questions, in this order" in joined
    assert all(line is not None for line, _ in messages)
    assert "Fix the feedback questions file" in caught.value.hint


def test_values_are_checked_with_plain_words() -> None:
    form = load_feedback_form()
    assert form.check_value("listened", " Happy ") == "happy"
    assert form.check_value("who-presented", "not-in-room") == "not-in-room"
    assert form.check_value("change-next-time", "dont-know") == "dont-know"
    with pytest.raises(UsageError, match="'great' is not an answer to 'listened'") as caught:
        form.check_value("listened", "great")
    assert "happy, ok, sad, skip, dont-know" in caught.value.hint
    with pytest.raises(UsageError, match="'happy' is not an answer to 'who-presented'"):
        form.check_value("who-presented", "happy")
    with pytest.raises(UsageError, match="no feedback question called 'mood'"):
        form.check_value("mood", "happy")
    with pytest.raises(UsageError, match="never their name"):
        form.role("Dr Jones")
