"""A generated ward: 50 projects made through the Project API with a seeded random generator,
and a ledger of every answer written, so a report's counts can be checked against it.

Some totals are fixed by construction (checked by the tests as plain numbers): project i has
1 + i % 3 meetings (99 meetings in all); the current meeting of every fifth project (10) has no
feedback yet, so 89 meetings have the patient's feedback, each with 4 face answers.
Names, folder names and words are all distinctive, so a test can prove none reach the report.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pcpv.feedback import (
    CHANGE_NEXT_TIME,
    FACE_QUESTIONS,
    SCALE,
    STAFF_ROLES,
    WHO_CHOICES,
    WHO_PRESENTED,
    FeedbackAnswer,
    PatientFeedback,
    StaffResponse,
    TookPart,
    Useful,
)
from pcpv.meetings import MeetingBook
from pcpv.model import (
    Answer,
    Meeting,
    MeetingKind,
    ProjectInfo,
    PromptState,
    QuestionSetRef,
    WordsBy,
)
from pcpv.project import Project

PROJECTS = 50
SEED = 20270115
KINDS = (MeetingKind.CTR, MeetingKind.CPA, MeetingKind.OWN)
FIRST_NAMES = ("Zebulon", "Ottoline", "Percival", "Araminta", "Bartholomew", "Clementine")


def quarter(day: dt.date) -> str:
    """Worked out here, not with the report's own function, so the check is independent."""
    return f"{day.year} Q{(day.month + 2) // 3}"


def patient_name(i: int) -> str:
    return f"{FIRST_NAMES[i % len(FIRST_NAMES)]} Quillfeather{i:02d}"


def folder_name(i: int) -> str:
    return f"{FIRST_NAMES[i % len(FIRST_NAMES)].lower()}-ward7-{i:02d}"


@dataclass
class Ledger:
    """What the generator wrote, counted the way a report should count it (by quarter)."""

    projects: int = 0
    meetings: int = 0
    meetings_with_feedback: int = 0
    faces: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: {q: {} for q in FACE_QUESTIONS}
    )
    faces_by_kind: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: {q: {} for q in FACE_QUESTIONS}
    )
    who: Counter[str] = field(default_factory=Counter)
    sections: dict[str, Counter[str]] = field(default_factory=dict)
    useful: Counter[str] = field(default_factory=Counter)
    took_part: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    staff: int = 0
    names: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    """Every patient word and staff comment written (each holds the patient's name)."""
    shared_words: list[str] = field(default_factory=list)
    """The words of projects that allow reports to quote them."""


def _set_deck(project: Project, rng: random.Random, name: str, ledger: Ledger) -> None:
    """Give every prompt a random state; count them by section."""
    for section in project.questions.sections:
        tally = ledger.sections.setdefault(section.title, Counter())
        for prompt in section.prompts:
            roll = rng.random()
            if roll < 0.15:
                state = PromptState.SKIPPED
            elif roll < 0.3:
                state = PromptState.NOT_TODAY
            elif roll < 0.9:
                state = PromptState.ANSWERED
            else:
                state = PromptState.NOT_STARTED
            words = f"{name} said this about {prompt.id}" if state is PromptState.ANSWERED else ""
            project.answers[prompt.id] = Answer(state=state, words=words)
            tally[state.value] += 1
    project.save_answers()


def _feedback(
    book: MeetingBook,
    rng: random.Random,
    i: int,
    name: str,
    when: dt.date,
    kind: str,
    ledger: Ledger,
) -> None:
    period = quarter(when)
    feedback = PatientFeedback()
    for question in FACE_QUESTIONS:
        value = rng.choice(SCALE)
        feedback.answers[question] = FeedbackAnswer(value=value)
        ledger.faces[question].setdefault(period, Counter())[value] += 1
        ledger.faces_by_kind[question].setdefault(kind, Counter())[value] += 1
    who = rng.choice((*WHO_CHOICES, "skip", "dont-know"))
    feedback.answers[WHO_PRESENTED] = FeedbackAnswer(value=who)
    ledger.who[who] += 1
    words = f"Next time {name} wants fewer people ({rng.randint(1, 999)})"
    feedback.answers[CHANGE_NEXT_TIME] = FeedbackAnswer(words=words, words_by=WordsBy.PATIENT)
    ledger.words.append(words)
    book.set_patient_feedback(feedback)
    ledger.meetings_with_feedback += 1
    for _ in range(rng.randint(0, 2)):
        role = rng.choice(STAFF_ROLES)
        useful = rng.choice(list(Useful))
        took = rng.choice(list(TookPart))
        comment = f"{name} led the meeting {i}"
        book.add_staff_response(StaffResponse(role, useful, took, comment))
        ledger.useful[useful.value] += 1
        ledger.took_part[took.value] += 1
        ledger.roles[role] += 1
        ledger.staff += 1
        ledger.words.append(comment)


def make_ward(folder: Path, projects: int = PROJECTS, seed: int = SEED) -> Ledger:
    """Make ``projects`` projects in ``folder`` and return the ledger of what they hold."""
    rng = random.Random(seed)
    ledger = Ledger()
    for i in range(projects):
        name, kind = patient_name(i), KINDS[i % 3]
        date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 80))
        info = ProjectInfo(
            name=name,
            meeting=Meeting(kind=kind, title=f"{name}'s review", date=date),
            questions=QuestionSetRef(id=kind.value, version=1),
            own_topics=[f"Visits from {name}'s mum"] if kind is MeetingKind.OWN else [],
            created=dt.datetime(2025, 12, 1, 9, 0) + dt.timedelta(hours=i),
        )
        root = folder / folder_name(i)
        Project.create(root, info)
        ledger.projects += 1
        ledger.names.append(name)
        ledger.folders.append(root.name)
        meetings = 1 + i % 3
        with Project.open_for_writing(root) as project:
            book = MeetingBook.open(project)
            if i % 4 == 0:
                book.set_share_words(True)
            for number in range(1, meetings + 1):
                ledger.meetings += 1
                _set_deck(project, rng, name, ledger)
                last = number == meetings
                if not (last and i % 5 == 0):
                    written = len(ledger.words)
                    _feedback(book, rng, i, name, date, kind.value, ledger)
                    if i % 4 == 0:
                        ledger.shared_words.extend(ledger.words[written:])
                if not last:
                    date = date + dt.timedelta(days=rng.randint(60, 200))
                    book.start_new_meeting(date)
    return ledger


def add_broken_projects(folder: Path) -> list[str]:
    """Two projects pcpv cannot read (their folders hold names too); returns their folder names."""
    bad_yaml = folder / "wilhelmina-broken-yaml"
    Project.create(bad_yaml, _info("Wilhelmina Brokenfile"))
    (bad_yaml / "project.yaml").write_text("name: Wilhelmina Brokenfile\nmeeting: [unclosed\n")
    bad_value = folder / "barnaby-bad-value"
    Project.create(bad_value, _info("Barnaby Badvalue"))
    (bad_value / "meetings.yaml").write_text(
        "schema: 1\nfeedback:\n  patient:\n    answers:\n      listened:\n"
        "        value: Barnaby was great\n"
    )
    return [bad_yaml.name, bad_value.name]


def _info(name: str) -> ProjectInfo:
    return ProjectInfo(
        name=name,
        meeting=Meeting(kind=MeetingKind.CTR, title="Review", date=dt.date(2026, 3, 1)),
        questions=QuestionSetRef(id="ctr", version=1),
    )
