"""Counting a ward's meetings into the tables a report shows (pure data, no files, no charts)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from pcpv.feedback import (
    FACE_QUESTIONS,
    PATIENT_PRESENTED,
    SCALE,
    WHO_CHOICES,
    WHO_PRESENTED,
    TookPart,
    Useful,
)
from pcpv.model import MeetingKind, PromptState
from pcpv.report.gather import MeetingRow

NO_DATE = "No date"
WHO_VALUES = (*WHO_CHOICES, "skip", "dont-know")
SECTION_STATES = (
    PromptState.SKIPPED,
    PromptState.NOT_TODAY,
    PromptState.ANSWERED,
    PromptState.NOT_STARTED,
)
USEFUL_VALUES = tuple(u.value for u in Useful)
TOOK_PART_VALUES = tuple(t.value for t in TookPart)


class Period(str, Enum):
    """How dates are grouped over time."""

    MONTH = "month"
    QUARTER = "quarter"


def month_of(day: dt.date | None) -> str:
    return f"{day.year}-{day.month:02d}" if day else NO_DATE


def quarter_of(day: dt.date | None) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}" if day else NO_DATE


def period_of(day: dt.date | None, by: Period) -> str:
    """The period label of a day, e.g. "2027-01" (month) or "2027 Q1" (quarter)."""
    return month_of(day) if by is Period.MONTH else quarter_of(day)


@dataclass
class WardCounts:
    """Every count a ward report shows."""

    by: Period
    periods: list[str] = field(default_factory=list)
    """The periods that have feedback, oldest first; "No date" last."""
    projects: int = 0
    meetings: int = 0
    """Every meeting of every project read (past and current)."""
    meetings_with_feedback: int = 0
    staff_responses: int = 0
    faces: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    """Face question -> period -> value -> how many answers."""
    faces_by_kind: dict[str, dict[MeetingKind, Counter[str]]] = field(default_factory=dict)
    """Face question -> meeting kind -> value -> how many answers."""
    who: dict[str, Counter[str]] = field(default_factory=dict)
    """Period -> who showed the slides -> how many meetings."""
    presented: int = 0
    """Meetings where the patient showed their slides (alone or with the SALT)."""
    who_answered: int = 0
    """Meetings where "who showed my slides?" got an answer other than skip or don't know."""
    sections: dict[str, Counter[PromptState]] = field(default_factory=dict)
    """Section title -> prompt state -> how many prompts, over every meeting's deck."""
    useful: dict[str, Counter[str]] = field(default_factory=dict)
    """Period -> staff "was the deck useful?" answer -> how many."""
    took_part: dict[str, Counter[str]] = field(default_factory=dict)
    """Period -> staff "did the patient take part more?" answer -> how many."""
    staff_by_role: dict[str, Counter[str]] = field(default_factory=dict)
    """Role -> "useful:yes", "took-part:more"... -> how many."""

    @property
    def presented_share(self) -> float | None:
        return self.presented / self.who_answered if self.who_answered else None


def _sort_periods(periods: set[str]) -> list[str]:
    return sorted(p for p in periods if p != NO_DATE) + ([NO_DATE] if NO_DATE in periods else [])


def count_ward(meetings: list[MeetingRow], by: Period, projects: int) -> WardCounts:
    """Count feedback, presenters, prompt states and staff responses over ``meetings``."""
    counts = WardCounts(by=by, projects=projects, meetings=len(meetings))
    for question in FACE_QUESTIONS:
        counts.faces[question] = {}
        counts.faces_by_kind[question] = {}
    periods: set[str] = set()
    for row in meetings:
        period = period_of(row.when, by)
        for title, states in row.sections.items():
            counts.sections.setdefault(title, Counter()).update(states)
        if row.has_feedback:
            counts.meetings_with_feedback += 1
            periods.add(period)
            for question in FACE_QUESTIONS:
                value = row.answers.get(question)
                if value in SCALE:
                    counts.faces[question].setdefault(period, Counter())[value] += 1
                    counts.faces_by_kind[question].setdefault(row.kind, Counter())[value] += 1
            who = row.answers.get(WHO_PRESENTED)
            if who in WHO_VALUES:
                counts.who.setdefault(period, Counter())[who] += 1
                if who in WHO_CHOICES:
                    counts.who_answered += 1
                    counts.presented += int(who in PATIENT_PRESENTED)
        for staff in row.staff:
            periods.add(period)
            counts.staff_responses += 1
            counts.useful.setdefault(period, Counter())[staff.useful] += 1
            counts.took_part.setdefault(period, Counter())[staff.took_part] += 1
            role = counts.staff_by_role.setdefault(staff.role, Counter())
            role[f"useful:{staff.useful}"] += 1
            role[f"took-part:{staff.took_part}"] += 1
    counts.periods = _sort_periods(periods)
    return counts


def total(per_period: dict[str, Counter[str]]) -> Counter[str]:
    """All periods added up."""
    result: Counter[str] = Counter()
    for counter in per_period.values():
        result.update(counter)
    return result
