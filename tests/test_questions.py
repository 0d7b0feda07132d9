from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pcpv.errors import QuestionSetError, TemplateError
from pcpv.model import MeetingKind
from pcpv.project import Project
from pcpv.questions import AnswerKind, builtin_sets, load_builtin, load_question_set
from pcpv.resources import templates_dir
from pcpv.texts import render_string

from conftest import make_info

CTR_HEADLINES = [
    "Am I safe?",
    "Am I getting good care now?",
    "What are my plans for the future?",
    "Can I get my care and treatment in the community?",
]


def test_shipped_sets_are_there_and_valid() -> None:
    assert {"ctr", "cpa", "own"} <= set(builtin_sets())
    for set_id in builtin_sets():
        qs = load_builtin(set_id)
        ids = [s.id for s in qs.sections]
        assert ids[0] == "about-me" and ids[-2:] == ["next", "thanks"], set_id
        prompts = list(qs.prompts())
        assert len({p.id for p in prompts}) == len(prompts)
        for prompt in prompts:
            assert prompt.question.strip() and prompt.note.strip(), prompt.id
            if AnswerKind.CHOICE in prompt.answers:
                assert prompt.choices, prompt.id


def test_ctr_has_the_four_headline_questions_each_with_4_to_8_prompts() -> None:
    qs = load_builtin("ctr")
    by_title = {s.title: s for s in qs.sections}
    for headline in CTR_HEADLINES:
        assert headline in by_title, headline
        assert 4 <= len(by_title[headline].prompts) <= 8, headline
    assert MeetingKind.CTR in qs.meeting_kinds


def test_about_me_asks_the_four_basics() -> None:
    about = load_builtin("cpa").section("about-me")
    assert about is not None
    text = " ".join(p.question.lower() for p in about.prompts)
    for words in ("call", "like", "important", "talk"):
        assert words in text, words


def test_easy_read_wording_of_every_shipped_question() -> None:
    info = make_info()
    for set_id in builtin_sets():
        qs = load_builtin(set_id).with_own_topics(["Football"])
        for prompt in qs.prompts():
            question = qs.question_text(prompt, info)
            for sentence in question.replace("?", ".").split("."):
                assert len(sentence.split()) <= 15, (prompt.id, sentence)


def _write_set(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.yaml").write_text(body)
    return folder


GOOD_SET = """id: ward-5
version: 3
title: Ward 5 review
meeting_kinds: [cpa]
sections:
  - include: about-me
  - id: my-week
    title: My week
    prompts:
      - id: best-day
        question: What was the best day this week, {{ name }}?
        note: Use the ward's activity board.
        symbols: [calendar]
        answers: [words, photo]
  - include: next
  - include: thanks
"""


def test_a_services_own_set_loads_and_is_copied_into_the_project(tmp_path: Path) -> None:
    folder = _write_set(tmp_path / "ward-5", GOOD_SET)
    qs = load_question_set(folder)
    assert qs.id == "ward-5" and qs.version == 3
    root = tmp_path / "sam"
    info = make_info("cpa")
    Project.create(root, info, question_folder=folder)
    shutil.rmtree(folder)  # the original may move or go; the project keeps its copy
    project = Project.open(root)
    assert project.info.questions.folder == "question-set"
    assert project.info.questions.id == "ward-5"
    prompt = project.prompt("best-day")
    assert (
        project.questions.question_text(prompt, project.info)
        == "What was the best day this week, Sam?"
    )


BAD_SET = """id: Ward 5
version: three
sections:
  - include: about-me
  - id: my-week
    title: My week
    prompts:
      - id: best-day
        question: What was the best day, {{ nmae }}?
        answers: [words, smell]
      - id: best-day
        question: Pick one
        answers: [choice]
        slide: fireworks
      - question: "{{ name "
  - include: not-there
  - include: thanks
"""


def test_every_problem_of_a_bad_set_is_reported_at_once(tmp_path: Path) -> None:
    folder = _write_set(tmp_path / "bad", BAD_SET)
    with pytest.raises(QuestionSetError) as err:
        load_question_set(folder)
    text = str(err.value)
    expected = [
        "question set id 'Ward 5'",
        "'version' should be a whole number",
        "'nmae' is undefined",
        "'smell' is not a kind of answer",
        "needs 'choices'",
        "'slide' is 'fireworks'",
        "The field 'id' is missing",
        "template mistake",
        "no section file 'not-there.yaml'",
        "'best-day' is used twice",
        "ends with the 'next' and 'thanks' sections",
    ]
    for phrase in expected:
        assert phrase in text, phrase
    lines = [p.line for p in err.value.problems if "smell" in p.message]
    assert lines == [10]


def test_folder_without_set_yaml(tmp_path: Path) -> None:
    with pytest.raises(QuestionSetError, match=r"no set\.yaml"):
        load_question_set(tmp_path)


def test_bad_set_leaves_no_project_folder_behind(tmp_path: Path) -> None:
    folder = _write_set(tmp_path / "bad", BAD_SET)
    with pytest.raises(QuestionSetError):
        Project.create(tmp_path / "sam", make_info("cpa"), question_folder=folder)
    assert not (tmp_path / "sam").exists()


def test_templates_are_strict_and_sandboxed() -> None:
    with pytest.raises(TemplateError) as err:
        render_string("Hello\n{{ nmae }}", {"name": "Sam"}, name="greeting")
    assert "greeting, line 2" in str(err.value) and "'nmae' is undefined" in str(err.value)
    with pytest.raises(TemplateError, match="may not do"):
        render_string("{{ name.__class__.__mro__ }}", {"name": "Sam"}, name="sneaky")


def test_shipped_slide_texts_render_for_every_meeting_kind() -> None:
    from pcpv.questions import text_context

    qs = load_builtin("ctr")
    names = [
        "title.j2", "subtitle.j2", "presenter.j2", "thanks.j2", "patient-words-label.j2",
        "staff-words-label.j2", "notes-prompt.j2", "not-today.j2", "continued.j2", "credits.j2",
        "family-line.j2",
    ]  # fmt: skip
    assert set(names) <= set(qs.texts.names())
    for kind in ("ctr", "cpa", "own"):
        context = text_context(make_info(kind)) | {
            "question": "Do I feel safe here?",
            "part": 1,
            "parts": 2,
            "set_name": "OpenMoji",
            "licence": "CC BY-SA 4.0",
            "date": "12 January 2027",
        }
        for name in names:
            assert qs.texts.render(name, context).strip(), name
    title = qs.texts.render("title.j2", text_context(make_info()))
    assert "Sam" in title


def test_shipped_templates_folder_is_the_repositorys() -> None:
    assert (templates_dir() / "ctr" / "set.yaml").is_file()
