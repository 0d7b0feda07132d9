"""The consent step's one way to read and record consent: no Textual here, like ``workbench``.

A *sitting* is one time the SALT and the patient go through the items together: who is recording
and how the answers are given are asked once per sitting (with a sensible default) and then used
for every decision. Every decision and every photo check is saved at once by ``pcpv.consent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pcpv.consent import (
    FLAG_QUESTIONS,
    ME_QUESTION,
    ConsentItem,
    Decision,
    GivenBy,
    How,
    PhotoFlag,
    consent_items,
    family_summary,
    record_checks,
    record_decision,
)
from pcpv.ui.workbench import Workbench

DEFAULT_RECORDER = "Speech and language therapist"
"""Who is recording, until the SALT writes their own name or role."""
PATIENT_HOW = (How.SAID, How.POINTED, How.SIGNED, How.NODDED, How.CHOSE_A_SYMBOL, How.WROTE)
"""The ways a patient can give an answer, offered in this order ("said so" first)."""


@dataclass
class Sitting:
    """How decisions are given and recorded, for this sitting."""

    recorded_by: str = DEFAULT_RECORDER
    """Who writes the decisions down (a name and role)."""
    how: How = How.SAID
    """How the answers are given."""
    given_by: GivenBy = GivenBy.PATIENT
    """The patient, or a best-interest decision."""
    decided_by_role: str = ""
    """For a best-interest decision: the role of who made it."""


@dataclass(frozen=True)
class Check:
    """One yes/no question asked about a photo, sound or video before the family question."""

    question: str
    """The question in plain words."""
    flag: PhotoFlag | None = None
    """The photo check a "yes" records; None for "Is it you?"."""


@dataclass
class CheckAnswers:
    """The answers to an item's checks so far."""

    flags: list[PhotoFlag] = field(default_factory=list)
    shows_me: bool | None = None


def checks_for(item: ConsentItem) -> list[Check]:
    """The checks to ask about ``item`` first: the photo checks for photos and videos, then "Is it
    you?" for photos, sounds and videos; none for words, symbols and the face-and-voice item."""
    checks = []
    if item.needs_checks:
        checks = [Check(question, flag) for flag, question in FLAG_QUESTIONS.items()]
    if item.asks_me:
        checks.append(Check(ME_QUESTION))
    return checks


def checks_done(item: ConsentItem) -> bool:
    """True when the item's checks were answered already (in this sitting or before)."""
    if item.needs_checks and not item.flags_checked:
        return False
    return not (item.asks_me and item.shows_me is None)


class ConsentBench:
    """Consent for the project the workbench has open."""

    def __init__(self, workbench: Workbench) -> None:
        self.wb = workbench
        self.sitting: Sitting | None = None
        """None until the SALT has said who is recording and how, this sitting."""

    def items(self) -> list[ConsentItem]:
        """Every item in asking order, as it stands now. Raises ``PcpvError`` (plain words) when
        ``consent.yaml`` cannot be read."""
        with self.wb.lock:
            return consent_items(self.wb.project)

    def item(self, key: str) -> ConsentItem | None:
        return next((i for i in self.items() if i.key == key), None)

    def first_to_ask(self) -> str | None:
        """The key of the first item no one has decided yet (or only "not sure"); None if none."""
        for item in self.items():
            if item.decision in (None, Decision.NOT_SURE):
                return item.key
        return None

    def neighbour(self, key: str, step: int) -> str | None:
        """The key ``step`` items on from ``key`` (None past either end)."""
        keys = [i.key for i in self.items()]
        index = keys.index(key) + step if key in keys else -1
        return keys[index] if 0 <= index < len(keys) else None

    def position(self, key: str) -> tuple[int, int]:
        """(number of the item from 1, number of items)."""
        keys = [i.key for i in self.items()]
        return (keys.index(key) + 1 if key in keys else 0), len(keys)

    def decide(self, item: ConsentItem, decision: Decision) -> ConsentItem:
        """Record ``decision`` for ``item`` the way this sitting gives decisions; saved at once."""
        sitting = self.sitting or Sitting()
        how = How.MEETING if sitting.given_by is GivenBy.BEST_INTEREST else sitting.how
        with self.wb.lock:
            return record_decision(
                self.wb.project,
                item,
                decision,
                how=how,
                recorded_by=sitting.recorded_by,
                given_by=sitting.given_by,
                decided_by_role=sitting.decided_by_role,
            )

    def save_checks(self, item: ConsentItem, answers: CheckAnswers) -> ConsentItem:
        """Save the answers to the item's checks; saved at once."""
        with self.wb.lock:
            if item.needs_checks:
                return record_checks(
                    self.wb.project, item, flags=answers.flags, shows_me=answers.shows_me
                )
            return record_checks(self.wb.project, item, shows_me=answers.shows_me)

    def summary_lines(self) -> list[str]:
        """What the family copy will hold now, in plain lines."""
        with self.wb.lock:
            return family_summary(self.wb.project).lines()
