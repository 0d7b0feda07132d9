"""After the meeting: the patient's feedback and the staff's responses.

The patient answers 6 short easy-read questions, each with a picture: 4 on a 3-face scale (happy,
OK, sad), one choice (who showed the slides) and one in their own words or voice (what to change
next time). Every question can also be answered "skip" or "I don't know". Staff fill a separate,
shorter form with their role only, never a name.

The question ids, answer kinds and answer values are fixed here, because ward reports count them
over the years; the wording and the pictures live in ``templates/feedback/questions.yaml`` and may
change. ``load_feedback_form`` checks that the two agree. The records are stored per meeting in the
project's ``meetings.yaml`` (see ``pcpv.meetings``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pcpv.errors import UsageError
from pcpv.model import MediaItem, WordsBy
from pcpv.resources import templates_dir
from pcpv.yaml_io import FieldReader, load_yaml

FORM_FILE = "questions.yaml"
"""The feedback questions' file, in ``templates/feedback/``."""

HAPPY, OK, SAD = "happy", "ok", "sad"
FACES = (HAPPY, OK, SAD)
"""The 3-point face scale, best first."""
SKIP, DONT_KNOW = "skip", "dont-know"
NO_ANSWER = (SKIP, DONT_KNOW)
"""Offered with every question: the patient chose not to answer, or did not know."""
SCALE = (*FACES, *NO_ANSWER)
"""Every value a face question can take, in the order forms and reports show them."""


class FeedbackKind(str, Enum):
    """How a feedback question is answered."""

    FACE = "face"
    CHOICE = "choice"
    WORDS = "words"
    """In the patient's own words, typed or recorded (audio)."""


LISTENED = "listened"
UNDERSTOOD = "understood"
SLIDES_HELPED = "slides-helped"
PART_OF_MEETING = "part-of-meeting"
WHO_PRESENTED = "who-presented"
CHANGE_NEXT_TIME = "change-next-time"

QUESTION_KINDS: dict[str, FeedbackKind] = {
    LISTENED: FeedbackKind.FACE,
    UNDERSTOOD: FeedbackKind.FACE,
    SLIDES_HELPED: FeedbackKind.FACE,
    PART_OF_MEETING: FeedbackKind.FACE,
    WHO_PRESENTED: FeedbackKind.CHOICE,
    CHANGE_NEXT_TIME: FeedbackKind.WORDS,
}
"""The patient's questions, in order. These ids are stable: never rename one."""
FACE_QUESTIONS = tuple(q for q, kind in QUESTION_KINDS.items() if kind is FeedbackKind.FACE)

WHO_CHOICES = ("me", "together", "salt", "not-in-room", "not-shown")
"""Who showed the slides. The first two count as "the patient presented" in reports."""
PATIENT_PRESENTED = ("me", "together")

STAFF_ROLES = (
    "consultant",
    "nurse",
    "support-worker",
    "psychologist",
    "salt",
    "occupational-therapist",
    "social-worker",
    "care-coordinator",
    "advocate",
    "commissioner",
    "panel-member",
    "other",
)
"""Staff answer by role only; a fixed list means a name can never be typed in its place."""


class Useful(str, Enum):
    """Staff: was the patient's deck useful in the meeting?"""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    DONT_KNOW = "dont-know"


class TookPart(str, Enum):
    """Staff: did the patient take part more than usual?"""

    MORE = "more"
    SAME = "same"
    LESS = "less"
    DONT_KNOW = "dont-know"


def allowed_values(question_id: str) -> tuple[str, ...]:
    """The values a patient question accepts ("" stands for words or a recording only)."""
    kind = QUESTION_KINDS[question_id]
    if kind is FeedbackKind.FACE:
        return SCALE
    if kind is FeedbackKind.CHOICE:
        return (*WHO_CHOICES, *NO_ANSWER)
    return ("", *NO_ANSWER)


# -- the form: wording and pictures --------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    """One answer a person can pick."""

    id: str
    """The value stored, e.g. "happy" or "together"."""
    words: str
    """What the form shows, e.g. "Happy"."""
    symbols: tuple[str, ...] = ()
    """Words a symbol library looks up for the option's picture."""


@dataclass(frozen=True)
class FeedbackQuestion:
    """One of the patient's feedback questions."""

    id: str
    """Stable id, one of ``QUESTION_KINDS``."""
    question: str
    """The easy-read question, in the first person."""
    note: str
    """A short note for the SALT: how to ask it."""
    symbols: tuple[str, ...]
    """Words a symbol library looks up for the question's picture."""
    kind: FeedbackKind
    options: tuple[Option, ...]
    """Everything the patient can pick, in order: the faces (or the choices), then skip and
    "I don't know". For a words question: only skip and "I don't know"."""


@dataclass(frozen=True)
class StaffQuestion:
    """One question of the staff form."""

    id: str
    """"useful", "took-part" or "comment"."""
    question: str
    options: tuple[Option, ...] = ()
    """The answers to pick from; empty for the comment (free words)."""


@dataclass(frozen=True)
class FeedbackForm:
    """The wording and pictures of both feedback forms."""

    questions: tuple[FeedbackQuestion, ...]
    """The patient's questions, in the order they are asked."""
    roles: tuple[Option, ...]
    """Staff roles to pick from (no names)."""
    useful: StaffQuestion
    took_part: StaffQuestion
    comment: StaffQuestion

    def question(self, question_id: str) -> FeedbackQuestion:
        """The patient question with this id; a plain error listing the ids otherwise."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise UsageError(
            f"There is no feedback question called '{question_id}'.",
            hint=f"The questions are: {', '.join(q.id for q in self.questions)}.",
        )

    def check_value(self, question_id: str, value: str) -> str:
        """``value`` if the question accepts it, else a plain error listing what it accepts."""
        question = self.question(question_id)
        value = value.strip().lower()
        if value not in allowed_values(question_id):
            accepted = ", ".join(o.id for o in question.options)
            raise UsageError(
                f"'{value}' is not an answer to '{question_id}'.",
                hint=f"Use one of: {accepted}.",
            )
        return value

    def role(self, role_id: str) -> Option:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise UsageError(
            f"'{role_id}' is not one of the staff roles. Staff give their role, never their name.",
            hint=f"The roles are: {', '.join(r.id for r in self.roles)}.",
        )


def _option(r: FieldReader) -> Option:
    return Option(
        id=r.text("id", required=True),
        words=r.text("words", required=True),
        symbols=tuple(r.text_list("symbols")),
    )


def _options_matching(r: FieldReader, name: str, ids: tuple[str, ...]) -> tuple[Option, ...]:
    options = tuple(r.each(name, _option))
    found = tuple(o.id for o in options)
    if found != ids:
        r.problem(f"'{name}' should list exactly these ids, in this order: {', '.join(ids)}.", name)
    return options


def _staff_question(r: FieldReader, name: str, ids: tuple[str, ...]) -> StaffQuestion:
    q = r.child(name)
    options = _options_matching(q, "choices", ids) if ids else ()
    return StaffQuestion(id=name, question=q.text("question", required=True), options=options)


def read_form(r: FieldReader) -> FeedbackForm:
    """Read the form from a loaded ``questions.yaml``; problems are collected in ``r``."""
    if r.whole("schema", 0, required=True) != 1:
        r.problem("This pcpv reads feedback questions of 'schema: 1' only.", "schema")
    scale = _options_matching(r, "scale", FACES)
    other = _options_matching(r, "other", NO_ANSWER)
    questions = []
    for q in r.items("patient"):
        qid = q.text("id", required=True)
        kind = q.enum("answer", FeedbackKind)
        if qid not in QUESTION_KINDS:
            q.problem(f"'{qid}' is not one of the feedback questions pcpv counts.", "id")
        elif kind is not QUESTION_KINDS[qid]:
            q.problem(f"'{qid}' is answered with '{QUESTION_KINDS[qid].value}'.", "answer")
        if kind is FeedbackKind.FACE:
            options = scale + other
        elif kind is FeedbackKind.CHOICE:
            options = _options_matching(q, "choices", WHO_CHOICES) + other
        else:
            options = other
        symbols = tuple(q.text_list("symbols"))
        if not symbols:
            q.problem("Every feedback question needs a picture: add 'symbols'.", "symbols")
        questions.append(
            FeedbackQuestion(
                id=qid,
                question=q.text("question", required=True),
                note=q.text("note", ""),
                symbols=symbols,
                kind=kind,
                options=options,
            )
        )
    if tuple(q.id for q in questions) != tuple(QUESTION_KINDS):
        r.problem(
            f"'patient' should ask these questions, in this order: {', '.join(QUESTION_KINDS)}.",
            "patient",
        )
    staff = r.child("staff")
    return FeedbackForm(
        questions=tuple(questions),
        roles=_options_matching(staff, "roles", STAFF_ROLES),
        useful=_staff_question(staff, "useful", tuple(u.value for u in Useful)),
        took_part=_staff_question(staff, "took-part", tuple(t.value for t in TookPart)),
        comment=_staff_question(staff, "comment", ()),
    )


def load_feedback_form(path: Path | None = None) -> FeedbackForm:
    """The feedback form from ``path`` (default: the one that ships with pcpv)."""
    if path is None:
        return _shipped_form()
    data, lines = load_yaml(path)
    reader = FieldReader(data, path, lines)
    form = read_form(reader)
    reader.raise_if_problems(hint="Fix the feedback questions file, then try again.")
    return form


@functools.lru_cache(maxsize=1)
def _shipped_form() -> FeedbackForm:
    return load_feedback_form(templates_dir() / "feedback" / FORM_FILE)


# -- the answers ---------------------------------------------------------------------------------
def _stamp(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


@dataclass
class FeedbackAnswer:
    """The patient's answer to one feedback question."""

    value: str = ""
    """A face, a choice, "skip" or "dont-know" (see ``allowed_values``); "" when the answer is
    only words or a recording."""
    words: str = ""
    """The answer in words, exactly as said."""
    words_by: WordsBy = WordsBy.PATIENT
    """Whose words these are: the patient's own, or written down by staff."""
    media: list[MediaItem] = field(default_factory=list)
    """A recording of the answer (in the project's ``media/``)."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value}
        if self.words:
            data["words"] = self.words
            data["words_by"] = self.words_by.value
        if self.media:
            data["media"] = [m.to_dict() for m in self.media]
        return data

    @classmethod
    def from_reader(cls, r: FieldReader) -> FeedbackAnswer:
        return cls(
            value=r.text("value", ""),
            words=r.text("words", ""),
            words_by=r.enum("words_by", WordsBy, WordsBy.PATIENT),
            media=r.each("media", MediaItem.from_reader),
        )


@dataclass
class PatientFeedback:
    """The patient's feedback on one meeting."""

    answers: dict[str, FeedbackAnswer] = field(default_factory=dict)
    """By question id. A question not asked yet has no entry."""
    given: dt.datetime | None = None
    """When the feedback was last changed."""

    def value(self, question_id: str) -> str:
        """The answer's value, "" when the question has no answer."""
        answer = self.answers.get(question_id)
        return answer.value if answer else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "given": _stamp(self.given),
            "answers": {q: a.to_dict() for q, a in self.answers.items()},
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> PatientFeedback:
        answers = {}
        for question_id, a in r.mapping("answers"):
            answer = FeedbackAnswer.from_reader(a)
            if question_id not in QUESTION_KINDS:
                a.problem(
                    f"'{question_id}' is not a feedback question. "
                    f"The questions are: {', '.join(QUESTION_KINDS)}."
                )
            elif answer.value not in allowed_values(question_id):
                accepted = ", ".join(v for v in allowed_values(question_id) if v)
                a.problem(
                    f"'{answer.value}' is not an answer to '{question_id}'. Use one of: {accepted}.",
                    "value",
                )
            answers[question_id] = answer
        return cls(answers=answers, given=r.timestamp("given"))


@dataclass
class StaffResponse:
    """One member of staff's response to a meeting. Role only, never a name."""

    role: str
    """One of ``STAFF_ROLES``."""
    useful: Useful = Useful.DONT_KNOW
    """Was the patient's deck useful in the meeting?"""
    took_part: TookPart = TookPart.DONT_KNOW
    """Did the patient take part more than usual?"""
    comment: str = ""
    """Anything else, in the staff member's words."""
    given: dt.datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "useful": self.useful.value,
            "took_part": self.took_part.value,
            "comment": self.comment,
            "given": _stamp(self.given),
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> StaffResponse:
        role = r.text("role", required=True)
        if role and role not in STAFF_ROLES:
            r.problem(
                f"'{role}' is not a staff role. Use one of: {', '.join(STAFF_ROLES)}.", "role"
            )
        return cls(
            role=role,
            useful=r.enum("useful", Useful, Useful.DONT_KNOW),
            took_part=r.enum("took_part", TookPart, TookPart.DONT_KNOW),
            comment=r.text("comment", ""),
            given=r.timestamp("given"),
        )


@dataclass
class MeetingFeedback:
    """Everything said after one meeting: the patient's feedback and the staff's responses."""

    patient: PatientFeedback | None = None
    """None until the patient has answered at least one question."""
    staff: list[StaffResponse] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.patient is None and not self.staff

    def to_dict(self) -> dict[str, Any]:
        return {
            "patient": self.patient.to_dict() if self.patient else None,
            "staff": [s.to_dict() for s in self.staff],
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> MeetingFeedback:
        return cls(
            patient=PatientFeedback.from_reader(r.child("patient")) if r.has("patient") else None,
            staff=r.each("staff", StaffResponse.from_reader),
        )


__all__ = [
    "CHANGE_NEXT_TIME",
    "DONT_KNOW",
    "FACES",
    "FACE_QUESTIONS",
    "NO_ANSWER",
    "PATIENT_PRESENTED",
    "QUESTION_KINDS",
    "SCALE",
    "SKIP",
    "STAFF_ROLES",
    "WHO_CHOICES",
    "WHO_PRESENTED",
    "FeedbackAnswer",
    "FeedbackForm",
    "FeedbackKind",
    "FeedbackQuestion",
    "MeetingFeedback",
    "Option",
    "PatientFeedback",
    "StaffQuestion",
    "StaffResponse",
    "TookPart",
    "Useful",
    "allowed_values",
    "load_feedback_form",
]
