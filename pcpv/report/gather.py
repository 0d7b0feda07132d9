"""Reading every project under a ward folder into pseudonymous rows (no names, no paths).

Only what a report counts leaves this module: ids, meeting kinds, dates, feedback values, prompt
states by section, staff roles and answers. Words travel only when the report asks for them and
the project allows it (``report.share_words`` in its ``meetings.yaml``). A project that cannot be
read is listed with a reason that names the file and line, never its folder or its contents.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pcpv.errors import PcpvError, ProjectFileError, QuestionSetError
from pcpv.feedback import MeetingFeedback
from pcpv.meetings import MeetingBook
from pcpv.model import Answer, MeetingKind, ProjectInfo, PromptState, WordsBy
from pcpv.project import BACKUPS_DIR, PROJECT_FILE, Project
from pcpv.questions import QuestionSet, load_builtin, questions_for
from pcpv.report.pseudonym import Pseudonyms

OTHER_SECTION = "Prompts no longer in the question set"


@dataclass(frozen=True)
class StaffRow:
    """One staff response, by role."""

    role: str
    useful: str
    took_part: str
    comment: str = ""
    """Only when the report includes words and the project allows it."""


@dataclass(frozen=True)
class WordsRow:
    """Words quoted in a report (only with --include-words and the project's leave)."""

    question: str
    """The feedback question id, or "staff-comment"."""
    words: str
    whose: str
    """"patient", "staff" (written down by staff) or a staff role for comments."""


@dataclass
class MeetingRow:
    """One meeting of one project, as a report sees it."""

    project: str
    """The project's pseudonymous id."""
    number: int
    """1 for the project's first meeting."""
    kind: MeetingKind
    when: dt.date | None
    """The meeting's date, else the day its feedback was given, else None."""
    current: bool
    has_feedback: bool
    """True when the patient answered at least one feedback question."""
    answers: dict[str, str] = field(default_factory=dict)
    """Feedback question id -> value; a words-only answer is "words", a recording "recording"."""
    staff: list[StaffRow] = field(default_factory=list)
    sections: dict[str, Counter[PromptState]] = field(default_factory=dict)
    """Section title -> how many of its prompts were in each state."""
    words: list[WordsRow] = field(default_factory=list)


@dataclass(frozen=True)
class Unreadable:
    """A project the report had to leave out."""

    project: str
    """A pseudonymous id (``U-...``)."""
    reason: str
    """Safe to print in the report: names files and lines, never the folder or values."""
    folder: Path
    """For the person running the report (shown at the terminal only, never written)."""
    detail: str
    """The full message, for the terminal only."""


@dataclass
class Ward:
    """Everything read from a ward folder."""

    meetings: list[MeetingRow] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    projects: int = 0
    """Projects read (not counting unreadable ones)."""
    words_allowed: int = 0
    """Projects whose words were included."""


def find_projects(folder: Path, *, skip: Path | None = None) -> list[Path]:
    """Every project folder under ``folder`` (itself included), sorted; hidden folders, backups
    and ``skip`` (the report's own folder) are not searched, nor the inside of a project."""
    found = []
    skip_resolved = skip.resolve() if skip else None
    for top, dirs, files in os.walk(folder):
        here = Path(top)
        if PROJECT_FILE in files:
            found.append(here)
            dirs[:] = []
            continue
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d != BACKUPS_DIR
            and (skip_resolved is None or (here / d).resolve() != skip_resolved)
        )
    return sorted(found)


def _safe_where(where: str) -> str:
    # Prompt ids of the patient's own topics are made from their words: cut the path there.
    head, sep, _rest = where.partition("answers.")
    return head + "answers" if sep else where


def _reason(error: Exception) -> str:
    if isinstance(error, ProjectFileError):
        places = []
        for problem in error.problems[:5]:
            place = problem.file.name
            if problem.line is not None:
                place += f", line {problem.line}"
            if problem.where:
                place += f" ({_safe_where(problem.where)})"
            places.append(place)
        more = len(error.problems) - len(places)
        tail = f" and {more} more" if more > 0 else ""
        return "A file could not be read: " + "; ".join(places) + tail + "."
    if isinstance(error, QuestionSetError):
        return "Its own question set has problems."
    if isinstance(error, OSError):
        return "pcpv was not allowed to read its files."
    return "It could not be read. Open it with pcpv to see why."


class _SetCache:
    """Shipped question sets are loaded once per report, not once per project."""

    def __init__(self) -> None:
        self._builtin: dict[str, QuestionSet] = {}

    def get(self, root: Path, info: ProjectInfo) -> QuestionSet:
        ref = info.questions
        if ref.folder:
            return questions_for(root, info)
        if ref.id not in self._builtin:
            self._builtin[ref.id] = load_builtin(ref.id)
        return self._builtin[ref.id].with_own_topics(info.own_topics)


def _sections(qs: QuestionSet, answers: dict[str, Answer]) -> dict[str, Counter[PromptState]]:
    counts: dict[str, Counter[PromptState]] = {}
    known = set()
    for section in qs.sections:
        tally = counts.setdefault(section.title, Counter())
        for prompt in section.prompts:
            known.add(prompt.id)
            answer = answers.get(prompt.id)
            tally[answer.state if answer else PromptState.NOT_STARTED] += 1
    for prompt_id, answer in answers.items():
        if prompt_id not in known:
            counts.setdefault(OTHER_SECTION, Counter())[answer.state] += 1
    return counts


def _feedback_values(feedback: MeetingFeedback) -> dict[str, str]:
    values = {}
    for question_id, answer in (feedback.patient.answers if feedback.patient else {}).items():
        value = answer.value
        if not value:
            value = "words" if answer.words.strip() else "recording" if answer.media else ""
        if value:
            values[question_id] = value
    return values


def _words(feedback: MeetingFeedback) -> list[WordsRow]:
    rows = []
    if feedback.patient:
        for question_id, answer in feedback.patient.answers.items():
            if answer.words.strip():
                whose = "staff" if answer.words_by is WordsBy.STAFF else "patient"
                rows.append(WordsRow(question_id, answer.words, whose))
    for response in feedback.staff:
        if response.comment.strip():
            rows.append(WordsRow("staff-comment", response.comment, response.role))
    return rows


def read_project(
    root: Path, ids: Pseudonyms, sets: _SetCache, *, include_words: bool
) -> tuple[list[MeetingRow], bool]:
    """The meetings of one project, and whether its words were included."""
    project = Project.open(root)
    book = MeetingBook.open(project)
    qs = sets.get(root, project.info)
    project_id = ids.project_id(root.name, project.info.created)
    share = include_words and book.data.report.share_words
    rows = []
    for record in book.meetings():
        feedback = record.feedback
        when = record.meeting.date
        if when is None and feedback.patient and feedback.patient.given:
            when = feedback.patient.given.date()
        staff = [
            StaffRow(s.role, s.useful.value, s.took_part.value, s.comment if share else "")
            for s in feedback.staff
        ]
        rows.append(
            MeetingRow(
                project=project_id,
                number=record.number,
                kind=record.meeting.kind,
                when=when,
                current=record.current,
                has_feedback=bool(feedback.patient and feedback.patient.answers),
                answers=_feedback_values(feedback),
                staff=staff,
                sections=_sections(qs, record.answers),
                words=_words(feedback) if share else [],
            )
        )
    return rows, share


def read_ward(folder: Path, ids: Pseudonyms, *, include_words: bool, skip: Path | None) -> Ward:
    """Read every project under ``folder``; unreadable ones are listed, the rest still count."""
    ward = Ward()
    sets = _SetCache()
    for root in find_projects(folder, skip=skip):
        try:
            rows, shared = read_project(root, ids, sets, include_words=include_words)
        except (PcpvError, OSError) as error:
            detail = error.message if isinstance(error, PcpvError) else str(error)
            ward.unreadable.append(
                Unreadable(ids.unreadable_id(root.name), _reason(error), root, detail)
            )
            continue
        ward.meetings.extend(rows)
        ward.projects += 1
        ward.words_allowed += int(shared)
    return ward


__all__ = [
    "MeetingRow",
    "StaffRow",
    "Unreadable",
    "Ward",
    "WordsRow",
    "find_projects",
    "read_ward",
]
