"""Question sets: loading, validating (every problem at once) and filling in their wording.

A question set is a folder with ``set.yaml``; sections may be written in place or included from a
shared section file (``include: about-me`` looks in ``<set>/sections/`` and then in the shipped
``templates/shared/sections/``). Slide wording comes from ``*.j2`` files in ``<set>/slides/`` with the
shipped ``templates/shared/slides/`` as fall-back. See README "Adding a question set".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from pcpv.errors import PcpvError, Problem, ProjectFileError, QuestionSetError
from pcpv.model import PRESENTER_WORDS, MeetingKind, ProjectInfo
from pcpv.resources import templates_dir
from pcpv.texts import TextTemplates, check_string, render_string
from pcpv.yaml_io import FieldReader, load_yaml

SET_FILE = "set.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIRST_SECTION = "about-me"
LAST_SECTIONS = ("next", "thanks")


class AnswerKind(str, Enum):
    """The ways a prompt may be answered."""

    WORDS = "words"
    PHOTO = "photo"
    AUDIO = "audio"
    VIDEO = "video"
    SYMBOLS = "symbols"
    CHOICE = "choice"


class SlideKind(str, Enum):
    """Which slide layout shows a prompt's answer."""

    ANSWER = "answer"
    PHOTOS = "photos"
    AUDIO = "audio"
    VIDEO = "video"
    QUOTE = "quote"
    NEXT = "next"
    THANKS = "thanks"


@dataclass(frozen=True)
class Prompt:
    """One question the patient is asked, and how its answer is shown."""

    id: str
    """Unique in the set, lowercase-with-hyphens; the key of the answer in ``answers.yaml``."""
    question: str
    """The easy-read question as written (may hold Jinja2; see ``QuestionSet.question_text``)."""
    note: str
    """A short note for the SALT: how to ask it and what it is for."""
    section_id: str
    symbols: tuple[str, ...] = ()
    """Words a symbol library can look up to illustrate the question."""
    answers: tuple[AnswerKind, ...] = (AnswerKind.WORDS,)
    """The kinds of answer that fit."""
    slide: SlideKind = SlideKind.ANSWER
    choices: tuple[str, ...] = ()
    """Options for a "choice" answer."""
    topic: str = ""
    """For prompts made from the patient's own topics: the topic, as the patient named it."""


@dataclass(frozen=True)
class Section:
    """A group of prompts with a heading slide (e.g. "Am I safe?")."""

    id: str
    title: str
    prompts: tuple[Prompt, ...]
    symbols: tuple[str, ...] = ()
    intro: str = ""
    """One optional line for the section's heading slide."""
    own_topics: Prompt | None = None
    """When set, the section's prompts are made from the project's own topics with this pattern."""


@dataclass(frozen=True)
class QuestionSet:
    """A loaded, validated question set."""

    id: str
    version: int
    title: str
    description: str
    meeting_kinds: tuple[MeetingKind, ...]
    sections: tuple[Section, ...]
    folder: Path
    texts: TextTemplates = field(compare=False, repr=False)

    def prompts(self) -> Iterator[Prompt]:
        for section in self.sections:
            yield from section.prompts

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts() if p.id == prompt_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def with_own_topics(self, topics: list[str]) -> QuestionSet:
        """This set with every ``own_topics`` section filled with one prompt per topic."""
        sections = []
        for section in self.sections:
            if section.own_topics is None:
                sections.append(section)
                continue
            prompts = tuple(
                replace(section.own_topics, id=topic_prompt_id(section.id, topic), topic=topic)
                for topic in topics
            )
            sections.append(replace(section, prompts=prompts))
        return replace(self, sections=tuple(sections))

    def question_text(self, prompt: Prompt, info: ProjectInfo) -> str:
        """The prompt's question filled in for this project."""
        context = text_context(info) | {"topic": prompt.topic}
        return render_string(prompt.question, context, name=f"{self.id}: prompt '{prompt.id}'")

    def note_text(self, prompt: Prompt, info: ProjectInfo) -> str:
        context = text_context(info) | {"topic": prompt.topic}
        return render_string(prompt.note, context, name=f"{self.id}: note of '{prompt.id}'")

    def intro_text(self, section: Section, info: ProjectInfo) -> str:
        return render_string(
            section.intro, text_context(info), name=f"{self.id}: intro of '{section.id}'"
        )


def topic_prompt_id(section_id: str, topic: str) -> str:
    """A stable prompt id for one of the patient's own topics ("Football" -> "my-topics-football")."""
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-") or "topic"
    return f"{section_id}-{slug}"


def format_date(value: Any) -> str:
    """A date in words as easy-read prefers ("15 January 2027"), "" for none."""
    if not value:
        return ""
    return f"{value.day} {value.strftime('%B %Y')}"


def text_context(info: ProjectInfo) -> dict[str, Any]:
    """The values every question and slide template may use."""
    return {
        "name": info.name,
        "meeting": {
            "title": info.meeting.title,
            "kind": info.meeting.kind.value,
            "date": format_date(info.meeting.date),
        },
        "presenter": info.presentation.presenter.value,
        "presenter_words": PRESENTER_WORDS[info.presentation.presenter],
    }


SAMPLE_INFO_CONTEXT: dict[str, Any] = {
    "name": "Sam",
    "meeting": {"title": "Care and Treatment Review", "kind": "ctr", "date": "15 January 2027"},
    "presenter": "me",
    "presenter_words": PRESENTER_WORDS[next(iter(PRESENTER_WORDS))],
    "topic": "football",
}


# -- loading ------------------------------------------------------------------------------------


def shared_dir() -> Path:
    return templates_dir() / "shared"


def builtin_sets() -> dict[str, Path]:
    """The question sets shipped with pcpv, by id (folder name)."""
    root = templates_dir()
    return {p.name: p for p in sorted(root.iterdir()) if (p / SET_FILE).is_file()}


def _check_id(r: FieldReader, name: str, value: str, what: str) -> None:
    if value and not ID_PATTERN.match(value):
        r.problem(
            f"The {what} id '{value}' should use only small letters, digits and hyphens "
            "(like 'feel-safe').",
            name,
        )


def _check_template_text(r: FieldReader, name: str, text: str) -> None:
    problem = check_string(text, name=name)
    if problem:
        r.problem(f"The wording has a template mistake ({problem}).", name)
        return
    try:
        render_string(text, SAMPLE_INFO_CONTEXT, name=name)
    except PcpvError as exc:
        r.problem(f"The wording cannot be filled in: {exc.message}", name)


def _read_prompt(r: FieldReader, section_id: str, *, pattern: bool = False) -> Prompt:
    prompt_id = "" if pattern else r.text("id", required=True)
    if not pattern:
        _check_id(r, "id", prompt_id, "prompt")
    question = r.text("question", required=True)
    note = r.text("note", "")
    for name, text in (("question", question), ("note", note)):
        if text:
            _check_template_text(r, name, text)
    kinds = []
    for word in r.text_list("answers") or ["words"]:
        try:
            kinds.append(AnswerKind(word))
        except ValueError:
            allowed = ", ".join(k.value for k in AnswerKind)
            r.problem(f"'{word}' is not a kind of answer pcpv knows. Use: {allowed}.", "answers")
    choices = tuple(r.text_list("choices"))
    if AnswerKind.CHOICE in kinds and not choices:
        r.problem("This prompt is answered by a choice, so it needs 'choices'.", "choices")
    return Prompt(
        id=prompt_id,
        question=question,
        note=note,
        section_id=section_id,
        symbols=tuple(r.text_list("symbols")),
        answers=tuple(kinds) or (AnswerKind.WORDS,),
        slide=r.enum("slide", SlideKind, SlideKind.ANSWER),
        choices=choices,
    )


def _read_section(r: FieldReader) -> Section:
    section_id = r.text("id", required=True)
    _check_id(r, "id", section_id, "section")
    title = r.text("title", required=True)
    if title:
        _check_template_text(r, "title", title)
    intro = r.text("intro", "")
    if intro:
        _check_template_text(r, "intro", intro)
    own_topics = None
    if r.has("own_topics"):
        own_topics = _read_prompt(r.child("own_topics"), section_id, pattern=True)
    prompts = tuple(_read_prompt(p, section_id) for p in r.items("prompts"))
    if not prompts and own_topics is None:
        r.problem("This section has no prompts.", "prompts")
    return Section(
        id=section_id,
        title=title,
        prompts=prompts,
        symbols=tuple(r.text_list("symbols")),
        intro=intro,
        own_topics=own_topics,
    )


def _load_file(path: Path, problems: list[Problem]) -> FieldReader | None:
    try:
        data, lines = load_yaml(path)
    except ProjectFileError as exc:
        problems.extend(exc.problems)
        return None
    return FieldReader(data, path, lines, problems=problems)


def _include(folder: Path, name: str, r: FieldReader, problems: list[Problem]) -> Section | None:
    if not ID_PATTERN.match(name):
        r.problem(f"'include: {name}' should name a section file, like 'about-me'.", "include")
        return None
    for base in (folder / "sections", shared_dir() / "sections"):
        path = base / f"{name}.yaml"
        if path.is_file():
            reader = _load_file(path, problems)
            return _read_section(reader) if reader else None
    r.problem(
        f"There is no section file '{name}.yaml' in {folder / 'sections'} or in pcpv's shared sections.",
        "include",
    )
    return None


def load_question_set(folder: Path) -> QuestionSet:
    """Load and validate the question set in ``folder``; raise ``QuestionSetError`` listing every
    problem found."""
    problems: list[Problem] = []
    set_file = folder / SET_FILE
    if not set_file.is_file():
        raise QuestionSetError(
            [Problem(set_file, "This folder has no set.yaml, so it is not a question set.")]
        )
    r = _load_file(set_file, problems)
    if r is None:
        raise QuestionSetError(problems)
    set_id = r.text("id", required=True)
    _check_id(r, "id", set_id, "question set")
    version = r.whole("version", 1, required=True)
    kinds = []
    for word in r.text_list("meeting_kinds"):
        try:
            kinds.append(MeetingKind(word))
        except ValueError:
            r.problem(f"'{word}' is not a meeting kind. Use ctr, cpa or own.", "meeting_kinds")
    sections: list[Section] = []
    for item in r.items("sections"):
        if item.has("include"):
            section = _include(folder, item.text("include"), item, problems)
        else:
            section = _read_section(item)
        if section is not None:
            sections.append(section)
    if not sections and not any(p.where.startswith("sections") for p in problems):
        r.problem("The set has no sections.", "sections")
    _check_shape(r, sections)
    if problems:
        raise QuestionSetError(problems)
    return QuestionSet(
        id=set_id,
        version=version,
        title=r.text("title", set_id),
        description=r.text("description", ""),
        meeting_kinds=tuple(kinds),
        sections=tuple(sections),
        folder=folder,
        texts=TextTemplates([folder / "slides", shared_dir() / "slides"]),
    )


def _check_shape(r: FieldReader, sections: list[Section]) -> None:
    seen: dict[str, str] = {}
    section_ids: set[str] = set()
    for section in sections:
        if section.id in section_ids:
            r.problem(f"Two sections have the id '{section.id}'.", "sections")
        section_ids.add(section.id)
        for prompt in section.prompts:
            if prompt.id in seen:
                r.problem(
                    f"The prompt id '{prompt.id}' is used twice (in '{seen[prompt.id]}' and "
                    f"'{section.id}'). Each prompt needs its own id.",
                    "sections",
                )
            seen[prompt.id] = section.id
    ids = [s.id for s in sections]
    if ids and ids[0] != FIRST_SECTION:
        r.problem(
            "A question set starts with the 'about-me' section (include: about-me).", "sections"
        )
    if ids and tuple(ids[-2:]) != LAST_SECTIONS:
        r.problem(
            "A question set ends with the 'next' and 'thanks' sections (include: next, include: thanks).",
            "sections",
        )


@functools.lru_cache(maxsize=16)
def _load_shipped(folder: Path) -> QuestionSet:
    # Shipped sets never change while pcpv runs; reading one takes a noticeable fraction of a
    # second (every question's wording is test-rendered), so each is read once per process.
    return load_question_set(folder)


def load_builtin(set_id: str) -> QuestionSet:
    """One of the question sets shipped with pcpv, by id."""
    sets = builtin_sets()
    if set_id not in sets:
        raise PcpvError(
            f"pcpv has no question set called '{set_id}'.",
            hint=f"The sets it has are: {', '.join(sets)}.",
        )
    return _load_shipped(sets[set_id])


def default_set_for(kind: MeetingKind) -> str:
    """The shipped set that suits a meeting kind (its id is the kind's name)."""
    return kind.value


def questions_for(project_root: Path, info: ProjectInfo) -> QuestionSet:
    """The question set a project uses, with the patient's own topics filled in."""
    ref = info.questions
    qs = load_question_set(project_root / ref.folder) if ref.folder else load_builtin(ref.id)
    return qs.with_own_topics(info.own_topics)


def describe_sets() -> list[Mapping[str, str]]:
    """Id, title and description of each shipped set, for ``pcpv questions list``."""
    rows = []
    for set_id in builtin_sets():
        qs = load_builtin(set_id)
        rows.append(
            {
                "id": qs.id,
                "title": qs.title,
                "description": qs.description,
                "version": str(qs.version),
                "prompts": str(sum(1 for _ in qs.prompts())),
            }
        )
    return rows
