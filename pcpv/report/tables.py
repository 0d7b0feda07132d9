"""The report's tables, built once and used twice: shown in the HTML page (with words as headers)
and written as CSV (with stable ids as headers) for the service's own tools."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from pcpv.feedback import (
    FACE_QUESTIONS,
    FACES,
    NO_ANSWER,
    QUESTION_KINDS,
    STAFF_ROLES,
    FeedbackForm,
)
from pcpv.model import MeetingKind, PromptState
from pcpv.report.counts import (
    SECTION_STATES,
    TOOK_PART_VALUES,
    USEFUL_VALUES,
    WHO_VALUES,
    WardCounts,
    month_of,
    quarter_of,
)
from pcpv.report.gather import MeetingRow, Unreadable, WordsRow

FACE_ORDER = (*FACES, *reversed(NO_ANSWER))
"""Happy, OK, sad, don't know, skip: the order of columns and of stacked bars."""
STATE_WORDS = {
    PromptState.SKIPPED: "Skipped",
    PromptState.NOT_TODAY: "Not today",
    PromptState.ANSWERED: "Answered",
    PromptState.NOT_STARTED: "Not started",
}

Cell = str | int
KIND_WORDS = {
    MeetingKind.CTR: "Care and Treatment Review",
    MeetingKind.CPA: "CPA review",
    MeetingKind.OWN: "Another kind of meeting",
}
"""Meeting kinds as a ward report names them (a project's own title may hold a name)."""


@dataclass
class Table:
    """Rows of cells with two kinds of header: words for people, ids for CSV."""

    ids: list[str]
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def value_words(form: FeedbackForm) -> dict[str, str]:
    """Every feedback value's words, e.g. "happy" -> "Happy", "not-in-room" -> "I was not..."."""
    words: dict[str, str] = {}
    for question in form.questions:
        for option in question.options:
            words.setdefault(option.id, option.words)
    return words


def staff_words(form: FeedbackForm) -> dict[str, str]:
    words = {o.id: o.words for o in form.useful.options}
    words.update({f"took-part:{o.id}": o.words for o in form.took_part.options})
    return words


def face_table(counts: WardCounts, question: str, form: FeedbackForm) -> Table:
    words = value_words(form)
    table = Table(
        ids=["period", *FACE_ORDER, "total"],
        headers=[counts.by.value.title(), *(words[v] for v in FACE_ORDER), "Total"],
    )
    for period in counts.periods:
        tally = counts.faces[question].get(period, Counter())
        table.rows.append([period, *(tally[v] for v in FACE_ORDER), sum(tally.values())])
    return table


def face_counts_csv(counts: WardCounts) -> Table:
    """Every face question's counts by period in one long table."""
    table = Table(ids=["period", "question", *FACE_ORDER, "total"], headers=[])
    for question in FACE_QUESTIONS:
        for period in counts.periods:
            tally = counts.faces[question].get(period, Counter())
            if tally:
                table.rows.append(
                    [period, question, *(tally[v] for v in FACE_ORDER), sum(tally.values())]
                )
    return table


def kind_table(counts: WardCounts, form: FeedbackForm, *, for_people: bool = False) -> Table:
    """Face answers by meeting kind; ``for_people`` shows words instead of ids in the cells."""
    words = value_words(form)
    questions = {q.id: q.question for q in form.questions}
    table = Table(
        ids=["kind", "question", *FACE_ORDER, "total"],
        headers=["Meeting", "Question", *(words[v] for v in FACE_ORDER), "Total"],
    )
    for kind in KIND_WORDS:
        for question in FACE_QUESTIONS:
            tally = counts.faces_by_kind[question].get(kind)
            if tally:
                first = (
                    [KIND_WORDS[kind], questions[question]]
                    if for_people
                    else [kind.value, question]
                )
                table.rows.append([*first, *(tally[v] for v in FACE_ORDER), sum(tally.values())])
    return table


def who_table(counts: WardCounts, form: FeedbackForm) -> Table:
    words = value_words(form)
    table = Table(
        ids=["period", *WHO_VALUES, "presented", "answered"],
        headers=[
            counts.by.value.title(),
            *(words[v] for v in WHO_VALUES),
            "The patient presented",
            "Meetings with an answer",
        ],
    )
    for period in counts.periods:
        tally = counts.who.get(period, Counter())
        answered = sum(tally[v] for v in WHO_VALUES if v not in NO_ANSWER)
        presented = tally["me"] + tally["together"]
        table.rows.append([period, *(tally[v] for v in WHO_VALUES), presented, answered])
    return table


def sections_table(counts: WardCounts) -> Table:
    """Sections with the most skipped and "not today" prompts first."""
    table = Table(
        ids=["section", *(s.value for s in SECTION_STATES), "prompts", "hard_percent"],
        headers=[
            "Section",
            *(STATE_WORDS[s] for s in SECTION_STATES),
            "Prompts",
            "Skipped or not today (%)",
        ],
    )
    rows = []
    for title, states in counts.sections.items():
        prompts = sum(states.values())
        hard = states[PromptState.SKIPPED] + states[PromptState.NOT_TODAY]
        # Sections differ in size and in how many sets have them: compare shares, not counts.
        percent = round(100 * hard / prompts) if prompts else 0
        rows.append([title, *(states[s] for s in SECTION_STATES), prompts, percent])
    table.rows = sorted(rows, key=lambda row: (-int(row[-1]), str(row[0])))
    return table


def staff_table(counts: WardCounts, form: FeedbackForm) -> Table:
    words = staff_words(form)
    useful = [f"useful-{v}" for v in USEFUL_VALUES]
    took = [f"took-part-{v}" for v in TOOK_PART_VALUES]
    table = Table(
        ids=["period", *useful, *took, "responses"],
        headers=[
            counts.by.value.title(),
            *(f"Useful: {words[v]}" for v in USEFUL_VALUES),
            *(f"Took part: {words['took-part:' + v]}" for v in TOOK_PART_VALUES),
            "Responses",
        ],
    )
    for period in counts.periods:
        u = counts.useful.get(period, Counter())
        t = counts.took_part.get(period, Counter())
        if u or t:
            table.rows.append(
                [
                    period,
                    *(u[v] for v in USEFUL_VALUES),
                    *(t[v] for v in TOOK_PART_VALUES),
                    sum(u.values()),
                ]
            )
    return table


def roles_table(counts: WardCounts, form: FeedbackForm) -> Table:
    words = staff_words(form)
    roles = {o.id: o.words for o in form.roles}
    keys = [f"useful:{v}" for v in USEFUL_VALUES] + [f"took-part:{v}" for v in TOOK_PART_VALUES]
    table = Table(
        ids=["role", *(k.replace(":", "-") for k in keys), "responses"],
        headers=[
            "Role",
            *(f"Useful: {words[v]}" for v in USEFUL_VALUES),
            *(f"Took part: {words['took-part:' + v]}" for v in TOOK_PART_VALUES),
            "Responses",
        ],
    )
    for role in STAFF_ROLES:
        tally = counts.staff_by_role.get(role)
        if tally:
            responses = sum(tally[f"useful:{v}"] for v in USEFUL_VALUES)
            table.rows.append([roles[role], *(tally[k] for k in keys), responses])
    return table


def meetings_table(meetings: Sequence[MeetingRow]) -> Table:
    """One row per meeting: the raw, pseudonymous data behind every count (CSV only)."""
    questions = list(QUESTION_KINDS)
    table = Table(
        ids=[
            "project",
            "meeting",
            "kind",
            "month",
            "quarter",
            "current",
            "feedback",
            *questions,
            "staff_responses",
            "skipped_prompts",
            "not_today_prompts",
        ],
        headers=[],
    )
    for row in meetings:
        skipped = sum(s[PromptState.SKIPPED] for s in row.sections.values())
        later = sum(s[PromptState.NOT_TODAY] for s in row.sections.values())
        table.rows.append(
            [
                row.project,
                row.number,
                row.kind.value,
                month_of(row.when),
                quarter_of(row.when),
                "yes" if row.current else "no",
                "yes" if row.has_feedback else "no",
                *(row.answers.get(q, "") for q in questions),
                len(row.staff),
                skipped,
                later,
            ]
        )
    return table


def staff_rows_table(meetings: Sequence[MeetingRow], *, with_comments: bool) -> Table:
    ids = ["project", "meeting", "kind", "month", "quarter", "role", "useful", "took_part"]
    table = Table(ids=ids + (["comment"] if with_comments else []), headers=[])
    for row in meetings:
        for staff in row.staff:
            cells: list[Cell] = [
                row.project,
                row.number,
                row.kind.value,
                month_of(row.when),
                quarter_of(row.when),
                staff.role,
                staff.useful,
                staff.took_part,
            ]
            table.rows.append(cells + ([staff.comment] if with_comments else []))
    return table


def words_table(meetings: Sequence[MeetingRow], form: FeedbackForm) -> Table:
    questions = {q.id: q.question for q in form.questions} | {"staff-comment": "Staff comment"}
    table = Table(
        ids=["project", "meeting", "month", "question", "whose", "words"],
        headers=["Project", "Meeting", "Month", "Question", "Whose words", "Words"],
    )
    for row in meetings:
        item: WordsRow
        for item in row.words:
            table.rows.append(
                [
                    row.project,
                    row.number,
                    month_of(row.when),
                    questions.get(item.question, item.question),
                    item.whose,
                    item.words,
                ]
            )
    return table


def unreadable_table(unreadable: Sequence[Unreadable]) -> Table:
    table = Table(ids=["project", "reason"], headers=["Project", "Why it was left out"])
    for item in unreadable:
        table.rows.append([item.project, item.reason])
    return table
