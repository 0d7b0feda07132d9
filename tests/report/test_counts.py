"""Counting, on hand-made rows whose totals are worked out by hand."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pcpv.model import MeetingKind, PromptState
from pcpv.report.counts import NO_DATE, Period, count_ward, period_of
from pcpv.report.gather import MeetingRow, StaffRow


def row(when: dt.date | None, kind: MeetingKind = MeetingKind.CTR, **answers: str) -> MeetingRow:
    values = {k.replace("_", "-"): v for k, v in answers.items()}
    return MeetingRow(
        project="P-1",
        number=1,
        kind=kind,
        when=when,
        current=False,
        has_feedback=bool(values),
        answers=values,
    )


def test_periods() -> None:
    assert period_of(dt.date(2027, 1, 31), Period.MONTH) == "2027-01"
    assert period_of(dt.date(2027, 3, 31), Period.QUARTER) == "2027 Q1"
    assert period_of(dt.date(2027, 4, 1), Period.QUARTER) == "2027 Q2"
    assert period_of(dt.date(2027, 12, 1), Period.QUARTER) == "2027 Q4"
    assert period_of(None, Period.MONTH) == NO_DATE


def test_counts_by_period_kind_and_presenter() -> None:
    rows = [
        row(dt.date(2027, 2, 1), listened="happy", who_presented="me"),
        row(dt.date(2027, 3, 1), MeetingKind.CPA, listened="sad", who_presented="together"),
        row(dt.date(2026, 11, 5), listened="happy", who_presented="salt"),
        row(None, listened="skip", who_presented="skip"),
        row(dt.date(2027, 5, 1), who_presented="dont-know"),
        row(dt.date(2027, 6, 1)),  # no feedback: counted as a meeting only
    ]
    counts = count_ward(rows, Period.QUARTER, projects=1)
    assert counts.meetings == 6
    assert counts.meetings_with_feedback == 5
    assert counts.periods == ["2026 Q4", "2027 Q1", "2027 Q2", NO_DATE]
    assert counts.faces["listened"] == {
        "2026 Q4": Counter(happy=1),
        "2027 Q1": Counter(happy=1, sad=1),
        NO_DATE: Counter(skip=1),
    }
    assert counts.faces["understood"] == {}
    assert counts.faces_by_kind["listened"] == {
        MeetingKind.CTR: Counter(happy=2, skip=1),
        MeetingKind.CPA: Counter(sad=1),
    }
    # me + together out of me, together, salt: skip and "don't know" are not answers here.
    assert (counts.presented, counts.who_answered) == (2, 3)
    assert counts.presented_share == 2 / 3


def test_sections_and_staff() -> None:
    first = row(dt.date(2027, 1, 10), listened="ok")
    first.sections = {"Am I safe?": Counter({PromptState.SKIPPED: 2, PromptState.ANSWERED: 3})}
    first.staff = [StaffRow("nurse", "yes", "more"), StaffRow("nurse", "no", "same")]
    second = row(dt.date(2027, 8, 10))
    second.sections = {
        "Am I safe?": Counter({PromptState.NOT_TODAY: 1}),
        "About me": Counter({PromptState.NOT_STARTED: 4}),
    }
    second.staff = [StaffRow("advocate", "partly", "dont-know")]
    counts = count_ward([first, second], Period.MONTH, projects=1)
    assert counts.sections == {
        "Am I safe?": Counter(
            {PromptState.SKIPPED: 2, PromptState.ANSWERED: 3, PromptState.NOT_TODAY: 1}
        ),
        "About me": Counter({PromptState.NOT_STARTED: 4}),
    }
    assert counts.staff_responses == 3
    # A period with staff responses but no patient feedback still shows.
    assert counts.periods == ["2027-01", "2027-08"]
    assert counts.useful == {"2027-01": Counter(yes=1, no=1), "2027-08": Counter(partly=1)}
    assert counts.took_part["2027-08"] == Counter({"dont-know": 1})
    assert counts.staff_by_role["nurse"] == Counter(
        {"useful:yes": 1, "useful:no": 1, "took-part:more": 1, "took-part:same": 1}
    )


def test_nothing_to_count() -> None:
    counts = count_ward([], Period.QUARTER, projects=0)
    assert counts.periods == [] and counts.presented_share is None
