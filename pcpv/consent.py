"""Consent for the family copy: who agreed to what, how and when, kept with its whole history.

Making the deck for the meeting is direct care. A copy for family is different: the patient (or a
best-interest decision) agrees to it item by item, and can change or withdraw that at any time. Until
consent is recorded, every item is "meeting only".

``consent.yaml`` in the project folder holds, per item, every decision ever recorded (the newest one
counts), the photo checks (other people, staff, security features, the ward's name) with any override
and its reason, whether the patient's own face or voice is in it, the project's private words (names
that must never reach a family copy) and a record of every family copy made.

The items, in the order the wizard asks about them: the patient's face and voice (asked once, apart
from their words), then for each answered prompt its words (or symbols) and each photo, sound and
video. ``consent_items`` lists them with everything needed to show each one and whether it will be in
the family copy; ``family_summary`` says what the family copy will hold; ``export_summary`` gives
``pcpv status`` its lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pcpv.errors import UsageError
from pcpv.model import Answer, MediaItem, PromptState, WordsBy
from pcpv.questions import format_date
from pcpv.yaml_io import FieldReader, load_yaml, save_yaml

CONSENT_FILE = "consent.yaml"
CONSENT_SCHEMA = 1
"""The format of ``consent.yaml`` this pcpv writes (versioned apart from the project's files)."""
VOICE_AND_FACE = "voice-and-face"
"""The key of the one item that asks about the patient's own face and voice."""

_HEADER = (
    "pcpv consent: what may go into a copy of the deck for family.\n"
    "Each item keeps every decision ever recorded; the last one counts. Until a decision is\n"
    "recorded, an item is for the meeting only. Use 'pcpv consent' or the wizard to change this file."
)


class ItemKind(str, Enum):
    """What a consent item is."""

    VOICE_AND_FACE = "voice-and-face"
    WORDS = "words"
    SYMBOLS = "symbols"
    """An answer made of symbols only."""
    PHOTO = "photo"
    AUDIO = "audio"
    VIDEO = "video"


ITEM_WORDS = {
    ItemKind.VOICE_AND_FACE: "your face and voice",
    ItemKind.WORDS: "words",
    ItemKind.SYMBOLS: "symbols",
    ItemKind.PHOTO: "photo",
    ItemKind.AUDIO: "sound",
    ItemKind.VIDEO: "video",
}


class Decision(str, Enum):
    """The answer to "Can your family see this?"."""

    FAMILY = "family"
    """Family copy too."""
    MEETING_ONLY = "meeting-only"
    """Meeting only."""
    NOT_SURE = "not-sure"
    """Not sure yet: treated as meeting only, and asked again."""


DECISION_WORDS = {
    Decision.FAMILY: "family copy too",
    Decision.MEETING_ONLY: "meeting only",
    Decision.NOT_SURE: "not sure yet (meeting only)",
}
CONSENT_QUESTION = "Can your family see this?"
"""What the wizard asks for each item."""
VOICE_AND_FACE_QUESTION = "Can your family see your face and hear your voice?"
"""What the wizard asks once, before the items, about the patient's own face and voice."""
WIZARD_ANSWERS = {
    Decision.FAMILY: "Yes",
    Decision.MEETING_ONLY: "No",
    Decision.NOT_SURE: "Not sure",
}
"""The three buttons of the consent step, in order."""
WIZARD_SYMBOLS = {
    Decision.FAMILY: "yes",
    Decision.MEETING_ONLY: "no",
    Decision.NOT_SURE: "not sure",
}
"""The symbol word to show on each button."""


class GivenBy(str, Enum):
    """Who made the decision."""

    PATIENT = "patient"
    """The patient themselves."""
    BEST_INTEREST = "best-interest"
    """A best-interest decision (the role of who made it is recorded too)."""


class How(str, Enum):
    """How the decision was given."""

    SAID = "said"
    POINTED = "pointed"
    SIGNED = "signed"
    NODDED = "nodded"
    CHOSE_A_SYMBOL = "chose-a-symbol"
    WROTE = "wrote"
    MEETING = "meeting"
    """A best-interest meeting decided."""
    OTHER = "other"


HOW_WORDS = {
    How.SAID: "said so",
    How.POINTED: "pointed",
    How.SIGNED: "signed",
    How.NODDED: "nodded",
    How.CHOSE_A_SYMBOL: "chose a symbol",
    How.WROTE: "wrote it",
    How.MEETING: "in a best-interest meeting",
    How.OTHER: "another way (see the note)",
}


class PhotoFlag(str, Enum):
    """Things in a photo or video that keep it out of a family copy unless the SALT overrides."""

    OTHER_PEOPLE = "other-people"
    STAFF = "staff"
    SECURITY = "security"
    PLACE_NAME = "place-name"


FLAG_QUESTIONS = {
    PhotoFlag.OTHER_PEOPLE: "Are other people in it?",
    PhotoFlag.STAFF: "Are any staff in it?",
    PhotoFlag.SECURITY: "Can you see keys, locks, doors, fences or cameras?",
    PhotoFlag.PLACE_NAME: "Can you see the ward's or the hospital's name or sign?",
}
"""The photo checks, in plain words, in the order the wizard asks them."""
FLAG_WORDS = {
    PhotoFlag.OTHER_PEOPLE: "other people are in it",
    PhotoFlag.STAFF: "staff are in it",
    PhotoFlag.SECURITY: "it shows keys, locks, doors, fences or cameras",
    PhotoFlag.PLACE_NAME: "it shows the ward's or the hospital's name or sign",
}
ME_QUESTION = "Is it you: your face or your voice?"
"""Asked for each photo, sound and video: the patient's own face and voice need their own yes."""

_VISUAL = (ItemKind.PHOTO, ItemKind.VIDEO)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _stamp(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


# -- records ----------------------------------------------------------------------------------


@dataclass
class ConsentRecord:
    """One decision about one item. Never changed once written: a change is a new record."""

    decision: Decision
    """Family copy too, meeting only, or not sure."""
    given_by: GivenBy
    """The patient, or a best-interest decision."""
    how: How
    """How it was given: said, pointed, signed, nodded, chose a symbol..."""
    when: dt.datetime
    """When it was given."""
    recorded_by: str
    """Who wrote it down (a name and role, e.g. "Jo Smith, SALT")."""
    decided_by_role: str = ""
    """For a best-interest decision: the role of who made it (e.g. "consultant psychiatrist")."""
    note: str = ""
    """Anything else worth knowing (e.g. "withdrawn: does not want her brother to see it")."""
    content: str = ""
    """A fingerprint of what was agreed to, as it was when consent was given: for words and
    symbols the answer (``answer_content``), for photos, sounds and videos the file and every
    caption it carries in the project (``media_content``). If it changes afterwards, the consent no
    longer counts and pcpv asks again. A photo, sound or video recorded by an older pcpv has no
    fingerprint (the field is simply absent, and the file still reads): that counts as not
    matching, so it is out of the family copy until asked again."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "decision": self.decision.value,
            "given_by": self.given_by.value,
        }
        if self.decided_by_role:
            data["decided_by_role"] = self.decided_by_role
        data["how"] = self.how.value
        data["when"] = _stamp(self.when)
        data["recorded_by"] = self.recorded_by
        if self.note:
            data["note"] = self.note
        if self.content:
            data["content"] = self.content
        return data

    @classmethod
    def from_reader(cls, r: FieldReader) -> ConsentRecord:
        record = cls(
            decision=r.enum("decision", Decision),
            given_by=r.enum("given_by", GivenBy),
            how=r.enum("how", How),
            when=r.timestamp("when", required=True) or dt.datetime(1970, 1, 1),
            recorded_by=r.text("recorded_by", required=True),
            decided_by_role=r.text("decided_by_role", ""),
            note=r.text("note", ""),
            content=r.text("content", ""),
        )
        if r.has("recorded_by") and not record.recorded_by.strip():
            r.problem("'recorded_by' is empty. Write who recorded this decision.", "recorded_by")
        if record.given_by == GivenBy.BEST_INTEREST and not record.decided_by_role.strip():
            r.problem(
                "A best-interest decision needs 'decided_by_role': the role of who made it.",
                "decided_by_role",
            )
        return record


@dataclass
class Override:
    """The SALT letting a flagged photo or video into the family copy (or taking that back)."""

    reason: str
    """Why it is all right, e.g. "the sign is too blurred to read"."""
    by: str
    """Who decided (a name and role)."""
    when: dt.datetime
    active: bool = True
    """False for a record that ends an earlier override. The newest record counts."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "active": self.active,
            "reason": self.reason,
            "by": self.by,
            "when": _stamp(self.when),
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> Override:
        override = cls(
            reason=r.text("reason", required=True),
            by=r.text("by", required=True),
            when=r.timestamp("when", required=True) or dt.datetime(1970, 1, 1),
            active=r.flag("active", True),
        )
        if r.has("reason") and not override.reason.strip():
            r.problem("'reason' is empty. An override must say why.", "reason")
        return override


@dataclass
class ItemConsent:
    """Everything recorded about one item."""

    history: list[ConsentRecord] = field(default_factory=list)
    """Every decision, oldest first; the last one counts."""
    flags_checked: bool = False
    """True once the photo checks were done (for photos and videos)."""
    flags: list[PhotoFlag] = field(default_factory=list)
    """What the checks found: other people, staff, security features, the place's name."""
    shows_me: bool | None = None
    """Whether the patient's own face or voice is in it; None (not asked) counts as yes."""
    overrides: list[Override] = field(default_factory=list)
    """Overrides of the flags, oldest first; the last one counts."""
    changed: dt.datetime | None = None
    """When the checks or overrides were last changed."""

    @property
    def current(self) -> ConsentRecord | None:
        return self.history[-1] if self.history else None

    @property
    def override(self) -> Override | None:
        """The override in force, if any."""
        if self.overrides and self.overrides[-1].active:
            return self.overrides[-1]
        return None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.flags_checked or self.flags:
            data["flags_checked"] = self.flags_checked
            data["flags"] = [f.value for f in self.flags]
        if self.shows_me is not None:
            data["shows_me"] = self.shows_me
        if self.overrides:
            data["overrides"] = [o.to_dict() for o in self.overrides]
        if self.changed:
            data["changed"] = _stamp(self.changed)
        data["history"] = [h.to_dict() for h in self.history]
        return data

    @classmethod
    def from_reader(cls, r: FieldReader) -> ItemConsent:
        flags = []
        for i, text in enumerate(r.text_list("flags")):
            try:
                flags.append(PhotoFlag(text))
            except ValueError:
                choices = ", ".join(f.value for f in PhotoFlag)
                r.child("flags").problem(
                    f"'{text}' is not a photo check pcpv knows. Use one of: {choices}.", i
                )
        shows_me = r.raw("shows_me")
        if shows_me is not None and not isinstance(shows_me, bool):
            r.problem("'shows_me' should be yes or no (true or false).", "shows_me")
            shows_me = None
        return cls(
            history=r.each("history", ConsentRecord.from_reader),
            flags_checked=r.flag("flags_checked", False),
            flags=flags,
            shows_me=shows_me,
            overrides=r.each("overrides", Override.from_reader),
            changed=r.timestamp("changed"),
        )


@dataclass
class ExportRecord:
    """One family copy that was made."""

    when: dt.datetime
    for_whom: str
    """Who the copy is for ("Mum"); may be empty."""
    file: str
    """Where it was saved."""
    sha256: str
    """Hash of the file as saved (encrypted or not), to recognise it later."""
    items: list[str] = field(default_factory=list)
    """The keys of the items it holds."""
    encrypted: bool = False
    """True when it was locked with a password (the password itself is never stored)."""
    private_words: str = ""
    """A fingerprint of the private words list at the time, to notice when it changes."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "when": _stamp(self.when),
            "for": self.for_whom,
            "file": self.file,
            "sha256": self.sha256,
            "encrypted": self.encrypted,
            "private_words": self.private_words,
            "items": list(self.items),
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> ExportRecord:
        return cls(
            when=r.timestamp("when", required=True) or dt.datetime(1970, 1, 1),
            for_whom=r.text("for", ""),
            file=r.text("file", ""),
            sha256=r.text("sha256", ""),
            items=r.text_list("items"),
            encrypted=r.flag("encrypted", False),
            private_words=r.text("private_words", ""),
        )


@dataclass
class ConsentBook:
    """What ``consent.yaml`` holds."""

    items: dict[str, ItemConsent] = field(default_factory=dict)
    """By item key (see ``answer_key``, ``media_key`` and ``VOICE_AND_FACE``)."""
    private_words: list[str] = field(default_factory=list)
    """Words that must never appear in a family copy: other patients' and staff names, the ward's
    name, the address."""
    exports: list[ExportRecord] = field(default_factory=list)
    """Every family copy made, oldest first."""
    schema: int = CONSENT_SCHEMA

    # -- files -------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path) -> ConsentBook:
        """Read ``consent.yaml`` from the project folder ``root`` (an empty book when there is none).

        Raises ``ProjectFileError`` listing every problem, with its line.
        """
        path = root / CONSENT_FILE
        if not path.is_file():
            return cls()
        data, lines = load_yaml(path)
        reader = FieldReader(data if data is not None else {}, path, lines)
        reader.raise_if_problems()
        schema = data.get("schema") if isinstance(data, dict) else None
        if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
            reader.problem(
                f"'schema' should be a whole number like {CONSENT_SCHEMA}, not '{schema}'.",
                "schema",
            )
            reader.raise_if_problems()
        if schema > CONSENT_SCHEMA:
            reader.problem(
                f"This file was saved by a newer pcpv (format {schema}; this pcpv knows up to "
                f"{CONSENT_SCHEMA}).",
                "schema",
            )
            reader.raise_if_problems(
                hint="Update pcpv to the newest version, then open the project again."
            )
        book = cls(
            items={key: ItemConsent.from_reader(r) for key, r in reader.mapping("items")},
            private_words=[w for w in reader.text_list("private_words") if w.strip()],
            exports=reader.each("exports", ExportRecord.from_reader),
        )
        reader.raise_if_problems()
        return book

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": CONSENT_SCHEMA,
            "private_words": list(self.private_words),
            "items": {key: item.to_dict() for key, item in self.items.items()},
            "exports": [e.to_dict() for e in self.exports],
        }

    def save(self, project: Any) -> None:
        """Write ``consent.yaml`` atomically. ``project`` must be open for writing (holding the lock),
        so two people cannot change consent at the same time."""
        if not getattr(project, "writable", False):
            raise UsageError(
                "Consent can only be changed while the project is open for changing.",
                hint="Close other pcpv windows for this project and try again.",
            )
        save_yaml(project.root / CONSENT_FILE, self.to_dict(), header=_HEADER)

    # -- reading -----------------------------------------------------------------------------
    def item(self, key: str) -> ItemConsent:
        """What is recorded about ``key`` (a blank record if nothing is)."""
        return self.items.get(key) or ItemConsent()

    def decision(self, key: str) -> Decision | None:
        """The decision in force for ``key``; None when no one has asked yet."""
        record = self.item(key).current
        return record.decision if record else None

    def history(self, key: str) -> list[ConsentRecord]:
        return list(self.item(key).history)

    # -- changing ----------------------------------------------------------------------------
    def record(
        self,
        key: str,
        decision: Decision,
        *,
        given_by: GivenBy,
        how: How,
        recorded_by: str,
        decided_by_role: str = "",
        note: str = "",
        content: str = "",
        when: dt.datetime | None = None,
    ) -> ConsentRecord:
        """Add a decision for ``key`` (the earlier ones are kept). Call ``save`` afterwards.

        ``content`` is the item's ``ConsentItem.content`` for words and symbols, so a later change
        of the answer is noticed. Raises ``UsageError`` when who recorded it, or the role behind a
        best-interest decision, is missing.
        """
        if not recorded_by.strip():
            raise UsageError(
                "Say who is recording this decision (a name and role).",
                hint='For example: --recorded-by "Jo Smith, SALT".',
            )
        if given_by == GivenBy.BEST_INTEREST and not decided_by_role.strip():
            raise UsageError(
                "A best-interest decision must say the role of who made it.",
                hint='For example: --role "consultant psychiatrist".',
            )
        record = ConsentRecord(
            decision=decision,
            given_by=given_by,
            how=how,
            when=when or _now(),
            recorded_by=recorded_by.strip(),
            decided_by_role=decided_by_role.strip(),
            note=note.strip(),
            content=content,
        )
        self.items.setdefault(key, ItemConsent()).history.append(record)
        return record

    def set_checks(
        self, key: str, flags: Iterable[PhotoFlag], *, shows_me: bool | None = None
    ) -> None:
        """Record the photo checks for ``key`` (replacing earlier answers to them)."""
        entry = self.items.setdefault(key, ItemConsent())
        entry.flags_checked = True
        entry.flags = sorted(set(flags), key=list(PhotoFlag).index)
        if shows_me is not None:
            entry.shows_me = shows_me
        entry.changed = _now()

    def set_shows_me(self, key: str, shows_me: bool) -> None:
        """Record whether the patient's own face or voice is in ``key``."""
        entry = self.items.setdefault(key, ItemConsent())
        entry.shows_me = shows_me
        entry.changed = _now()

    def override(self, key: str, *, reason: str, by: str, active: bool = True) -> Override:
        """Let a flagged item into the family copy anyway (``active=False`` ends that).

        The reason and who decided are required and kept.
        """
        if not reason.strip():
            raise UsageError(
                "An override must say why it is all right to share this.",
                hint='For example: --reason "the sign is too blurred to read".',
            )
        if not by.strip():
            raise UsageError("Say who decided (a name and role).")
        entry = self.items.setdefault(key, ItemConsent())
        record = Override(reason=reason.strip(), by=by.strip(), when=_now(), active=active)
        entry.overrides.append(record)
        entry.changed = record.when
        return record

    def add_private_words(self, words: Iterable[str]) -> list[str]:
        """Add words to the private list; returns the ones that were new."""
        known = {w.casefold() for w in self.private_words}
        added = []
        for word in words:
            word = " ".join(word.split())
            if word and word.casefold() not in known:
                self.private_words.append(word)
                known.add(word.casefold())
                added.append(word)
        return added

    def remove_private_words(self, words: Iterable[str]) -> list[str]:
        """Take words off the private list; returns the ones that were there."""
        wanted = {" ".join(w.split()).casefold() for w in words}
        removed = [w for w in self.private_words if w.casefold() in wanted]
        self.private_words = [w for w in self.private_words if w.casefold() not in wanted]
        return removed

    def private_words_fingerprint(self) -> str:
        text = "\n".join(sorted(w.casefold() for w in self.private_words))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# -- items ------------------------------------------------------------------------------------


def answer_key(prompt_id: str) -> str:
    """The key of an answer's words (or symbols)."""
    return f"answer:{prompt_id}"


def media_key(item: MediaItem) -> str:
    """The key of a photo, sound or video: its kind and the start of its content hash, so the same
    file used in two answers is asked about once."""
    return f"{item.kind.value}:{item.sha256[:20]}"


def answer_content(answer: Answer) -> str:
    """A fingerprint of what an answer shows: its words, choice and symbols."""
    text = "\x00".join([answer.words.strip(), answer.choice.strip(), "\x1f".join(answer.symbols)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def media_content(media: MediaItem, captions: Iterable[str]) -> str:
    """A fingerprint of what a photo, sound or video shows: the file's content and every caption
    it carries in the project (``captions``: one per answer it is in; order and repeats do not
    matter, empty ones add nothing)."""
    said = sorted({c.strip() for c in captions if c.strip()})
    text = "\x00".join([media.sha256, "\x1f".join(said)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u201b\u02bc\u02bb\u2032`", "'"))
"""Apostrophe look-alikes, made plain ``'``. ``ʼ`` and ``ʻ`` are letters to Unicode, so without
this "Bellaʼs" would hide "Bella" from the whole-word match."""
_ALNUM = r"[^\W_]"
"""A letter or digit (``\\w`` without the underscore)."""


def _match_form(text: str) -> str:
    """``text`` as private words are matched: NFKC-normalised and case-folded, with invisible
    format characters (soft hyphens, zero-width spaces and joiners, word joiners, byte-order marks,
    direction marks: Unicode category Cf) removed and apostrophe look-alikes made plain. Diacritics
    stay: "Zoe" and "Zoë" are different words."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = text.translate(_APOSTROPHES)
    return unicodedata.normalize("NFKC", text.casefold())


def private_words_in(text: str, words: Iterable[str]) -> list[str]:
    """The private words found in ``text``, in the list's order and spelling.

    Matching is on whole words, any case, whatever the Unicode form (``_match_form``): "Zoë" typed
    either way (NFC or NFD), "Bella’s", and a name with a soft hyphen or a zero-width space hidden
    inside it all match. A private word's parts are its runs of letters and digits; between them
    the text may have any run of other characters (spaces, line breaks, hyphens, underscores...),
    or none: "Ward 7" matches "ward 7", "WARD-7", "ward_7" and "ward7", and "O'Brien"
    matches "O’Brien" and "OBrien". Whole words means no letter or digit may come right before or
    after: "Dave" is not found in "Davey" or "Daves", nor "Bella" in "Bellamy", nor "Ward 7" in
    "Ward 77"; "Dave's", "Dave." and "_Dave_" do name Dave (an underscore separates words here).
    """
    plain = _match_form(text)
    found = []
    for word in words:
        form = _match_form(word)
        parts = re.findall(_ALNUM + "+", form)
        if parts:
            pattern = (
                rf"(?<!{_ALNUM})" + r"[\W_]*".join(re.escape(p) for p in parts) + rf"(?!{_ALNUM})"
            )
            hit = re.search(pattern, plain) is not None
        else:  # no letters or digits at all: look for it as it is
            hit = bool(form.strip()) and form.strip() in plain
        if hit:
            found.append(word)
    return found


@dataclass
class ConsentItem:
    """One thing the family copy could hold, with what to show and where it stands."""

    key: str
    kind: ItemKind
    title: str
    """A short plain name for lists, e.g. "Photo for 'What do you like doing?'"."""
    prompt_id: str = ""
    question: str = ""
    """The question it answers, filled in."""
    section: str = ""
    """The section's title."""
    words: str = ""
    """For words: the answer's words, exactly as given."""
    words_by: WordsBy = WordsBy.PATIENT
    choice: str = ""
    symbols: list[str] = field(default_factory=list)
    """Symbol words chosen for the answer (for the wizard to show the symbols)."""
    media: MediaItem | None = None
    """For photos, sounds and videos: the item."""
    path: Path | None = None
    """For photos, sounds and videos: the file to show, in the project's media folder."""
    caption: str = ""
    """For photos, sounds and videos: every caption the file has in the project, joined with
    " / " (a file used in two answers can carry two). See ``captions`` for them one by one."""
    captions: tuple[str, ...] = ()
    """For photos, sounds and videos: each different caption the file has, in the order of the
    answers it is in."""
    content: str = ""
    """Fingerprint of what is asked about (an answer's words and symbols, or a file and all its
    captions); pass it to ``ConsentBook.record``."""
    decision: Decision | None = None
    """The decision in force; None = not asked yet (meeting only)."""
    in_family_copy: bool = False
    """The outcome: True only when everything agrees."""
    reasons: list[str] = field(default_factory=list)
    """Why it stays out (plain sentences); empty when it goes in."""
    notes: list[str] = field(default_factory=list)
    """Things worth knowing even when it goes in (an override and its reason)."""
    flags_checked: bool = False
    flags: list[PhotoFlag] = field(default_factory=list)
    shows_me: bool | None = None

    @property
    def needs_checks(self) -> bool:
        """True for photos and videos, which need the photo checks."""
        return self.kind in _VISUAL

    @property
    def asks_me(self) -> bool:
        """True for photos, sounds and videos, which may hold the patient's face or voice."""
        return self.kind in (ItemKind.PHOTO, ItemKind.AUDIO, ItemKind.VIDEO)

    def text(self) -> str:
        """Every piece of text this item would put in a family copy."""
        captions = self.captions or ((self.caption,) if self.caption else ())
        return "\n".join(p for p in [self.words, self.choice, *self.symbols, *captions] if p)


def consent_items(project: Any, book: ConsentBook | None = None) -> list[ConsentItem]:
    """Every item the family copy could hold, in the order to ask about them, each evaluated.

    First the patient's face and voice (only when the project has photos, sounds or videos), then,
    section by section, each answered prompt's words or symbols and its photos, sounds and videos.
    A file used in two answers is listed once, where it is first used, with every caption it has
    (all of them go to the family copy with it, so all of them are asked about).
    """
    book = book if book is not None else ConsentBook.load(project.root)
    qs, info = project.questions, project.info
    items: list[ConsentItem] = []
    media_items: dict[str, ConsentItem] = {}
    for section in qs.sections:
        for prompt in section.prompts:
            answer = project.answer(prompt.id)
            if answer.state != PromptState.ANSWERED:
                continue
            question = qs.question_text(prompt, info)
            if answer.words.strip() or answer.choice.strip() or answer.symbols:
                kind = (
                    ItemKind.WORDS
                    if answer.words.strip() or answer.choice.strip()
                    else ItemKind.SYMBOLS
                )
                items.append(
                    ConsentItem(
                        key=answer_key(prompt.id),
                        kind=kind,
                        title=f"{ITEM_WORDS[kind].capitalize()} for '{question}'",
                        prompt_id=prompt.id,
                        question=question,
                        section=section.title,
                        words=answer.words,
                        words_by=answer.words_by,
                        choice=answer.choice,
                        symbols=list(answer.symbols),
                        content=answer_content(answer),
                    )
                )
            for media in answer.media:
                key = media_key(media)
                caption = media.caption.strip()
                if key in media_items:
                    known = media_items[key]
                    if caption and caption not in known.captions:
                        known.captions += (caption,)
                    continue
                kind = ItemKind(media.kind.value)
                media_items[key] = ConsentItem(
                    key=key,
                    kind=kind,
                    title=f"{ITEM_WORDS[kind].capitalize()} for '{question}'",
                    prompt_id=prompt.id,
                    question=question,
                    section=section.title,
                    media=media,
                    path=project.media_path(media),
                    captions=(caption,) if caption else (),
                )
                items.append(media_items[key])
    for item in media_items.values():
        assert item.media is not None
        item.caption = " / ".join(item.captions)
        if item.caption:
            item.title += f": {item.caption}"
        item.content = media_content(item.media, item.captions)
    if any(i.media is not None for i in items):
        items.insert(
            0,
            ConsentItem(
                key=VOICE_AND_FACE,
                kind=ItemKind.VOICE_AND_FACE,
                title=f"{info.name}'s own face and voice, in photos, sounds and videos",
                question=VOICE_AND_FACE_QUESTION,
            ),
        )
    _evaluate_all(items, book, info.name)
    return items


def _evaluate_all(items: list[ConsentItem], book: ConsentBook, name: str) -> None:
    face_ok = book.decision(VOICE_AND_FACE) == Decision.FAMILY
    for item in items:
        entry = book.item(item.key)
        record = entry.current
        item.decision = record.decision if record else None
        item.flags_checked, item.flags, item.shows_me = (
            entry.flags_checked,
            list(entry.flags),
            entry.shows_me,
        )
        reasons = item.reasons
        if record is None:
            reasons.append("No one has asked yet.")
        elif record.decision == Decision.MEETING_ONLY:
            reasons.append("Meeting only.")
        elif record.decision == Decision.NOT_SURE:
            reasons.append("Not sure yet: ask again another day.")
        elif item.content and record.content != item.content:
            if item.media is None:
                reasons.append("The answer changed after consent was given: ask again.")
            elif not record.content:  # recorded by an older pcpv, before captions were kept
                reasons.append(
                    "Consent was given before pcpv kept track of its captions: ask again."
                )
            else:
                reasons.append("The caption changed after consent was given: ask again.")
        if item.needs_checks:
            if not entry.flags_checked:
                reasons.append(f"The {ITEM_WORDS[item.kind]} checks have not been done yet.")
            elif entry.flags:
                said = "; ".join(FLAG_WORDS[f] for f in entry.flags)
                override = entry.override
                if override is None:
                    reasons.append(f"Kept out because {said}.")
                else:
                    item.notes.append(
                        f"In by override ({said}): {override.reason} ({override.by})."
                    )
        if item.asks_me and entry.shows_me is not False and not face_ok:
            reasons.append(
                f"It may show {name}'s face or hold {name}'s voice, and {name} has not agreed "
                "to share those."
            )
        found = private_words_in(item.text(), book.private_words)
        if found:
            quoted = ", ".join(f"'{w}'" for w in found)
            reasons.append(f"It names {quoted}, on the private words list.")
        item.in_family_copy = not reasons


def find_item(items: list[ConsentItem], ref: str) -> ConsentItem:
    """The item ``ref`` names: its number in ``items`` (from 1), its key, a unique start of its
    key, or a prompt id (for that answer's words). Raises ``UsageError`` with the choices."""
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(items):
        return items[int(ref) - 1]
    for item in items:
        if ref in (
            item.key,
            answer_key(ref) if item.kind in (ItemKind.WORDS, ItemKind.SYMBOLS) else "",
        ):
            return item
    matches = [i for i in items if i.key.startswith(ref) or i.key.split(":", 1)[-1].startswith(ref)]
    if len(matches) == 1 and len(ref) >= 4:
        return matches[0]
    hint = "See the numbers and names with: pcpv consent FOLDER list"
    if len(matches) > 1:
        raise UsageError(f"'{ref}' could mean {len(matches)} items.", hint=hint)
    raise UsageError(f"There is no consent item called '{ref}'.", hint=hint)


# -- summaries ---------------------------------------------------------------------------------


@dataclass
class FamilySummary:
    """What the family copy would hold now."""

    included: list[ConsentItem]
    left_out: list[ConsentItem]
    private_words: int

    @property
    def keys(self) -> list[str]:
        return [i.key for i in self.included]

    def lines(self) -> list[str]:
        """Plain lines for the wizard's summary screen and ``pcpv consent FOLDER summary``."""
        content = [i for i in self.included if i.kind != ItemKind.VOICE_AND_FACE]
        out = [
            f"The family copy will hold {len(content)} of {len(content) + len(self._left_content())} items."
        ]
        by_kind: dict[ItemKind, int] = {}
        for item in content:
            by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
        if by_kind:
            out.append(
                "In it: " + ", ".join(f"{n} x {ITEM_WORDS[k]}" for k, n in by_kind.items()) + "."
            )
        for item in content:
            out.append(f"  in:  {item.title}")
            out.extend(f"        {note}" for note in item.notes)
        for item in self._left_content():
            out.append(f"  out: {item.title}: {' '.join(item.reasons)}")
        out.append("Speaker notes are never in it. Every slide says it was shared with permission.")
        if self.private_words:
            out.append(f"{self.private_words} private word(s) are kept out of it.")
        return out

    def _left_content(self) -> list[ConsentItem]:
        return [i for i in self.left_out if i.kind != ItemKind.VOICE_AND_FACE]


def family_summary(project: Any, book: ConsentBook | None = None) -> FamilySummary:
    """What the family copy would hold if it were made now, and what stays out and why."""
    book = book if book is not None else ConsentBook.load(project.root)
    items = consent_items(project, book)
    return FamilySummary(
        included=[i for i in items if i.in_family_copy],
        left_out=[i for i in items if not i.in_family_copy],
        private_words=len(book.private_words),
    )


def out_of_date_reasons(
    record: ExportRecord, summary: FamilySummary, book: ConsentBook
) -> list[str]:
    """Why a family copy no longer matches the consent now in force (empty when it still does)."""
    now = {k for k in summary.keys if k != VOICE_AND_FACE}
    then = {k for k in record.items if k != VOICE_AND_FACE}
    reasons = []
    gone = then - now
    if gone:
        reasons.append(
            f"{_items(len(gone))} in it may no longer be shared (consent changed or was withdrawn)."
        )
    new = now - then
    if new:
        reasons.append(
            f"{_items(len(new))} agreed since {'is' if len(new) == 1 else 'are'} not in it."
        )
    if record.private_words and record.private_words != book.private_words_fingerprint():
        reasons.append("The private words list changed since it was made.")
    return reasons


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def export_summary(project: Any) -> list[str]:
    """Plain lines about consent and family copies, for ``pcpv status``.

    Names each family copy made (the newest for each person), and says "family copy out of date"
    when consent changed after it was made.
    """
    book = ConsentBook.load(project.root)
    summary = family_summary(project, book)
    counts: dict[str, int] = {"in": 0, "meeting": 0, "unasked": 0}
    for item in summary.included + summary.left_out:
        if item.kind == ItemKind.VOICE_AND_FACE:
            continue
        if item.in_family_copy:
            counts["in"] += 1
        elif item.decision is None:
            counts["unasked"] += 1
        else:
            counts["meeting"] += 1
    lines = [
        f"Consent: {_items(counts['in'])} for the family copy, {counts['meeting']} meeting only, "
        f"{counts['unasked']} not asked yet."
    ]
    if not book.exports:
        lines.append("Family copy: none made yet.")
        return lines
    latest: dict[str, ExportRecord] = {}
    for record in book.exports:
        latest[record.for_whom.casefold()] = record
    for record in latest.values():
        who = f" for {record.for_whom}" if record.for_whom else ""
        locked = ", locked with a password" if record.encrypted else ""
        lines.append(
            f"Family copy{who}: made on {format_date(record.when)} at {record.when:%H:%M}, "
            f"{_items(len([k for k in record.items if k != VOICE_AND_FACE]))}{locked} "
            f"({record.file}, fingerprint {record.sha256[:12]})."
        )
        reasons = out_of_date_reasons(record, summary, book)
        if reasons:
            lines.append(
                f"  Family copy out of date: {' '.join(reasons)} Make a new one with: "
                f"pcpv export FOLDER --family"
                + (f' --for "{record.for_whom}"' if record.for_whom else "")
                + (
                    ", and ask the family to delete the old copy."
                    if any("no longer" in r for r in reasons)
                    else "."
                )
            )
    return lines


# -- one-step changes for the wizard ---------------------------------------------------------


def _refreshed(project: Any, book: ConsentBook, key: str) -> ConsentItem:
    return next(i for i in consent_items(project, book) if i.key == key)


def record_decision(
    project: Any,
    item: ConsentItem,
    decision: Decision,
    *,
    how: How,
    recorded_by: str,
    given_by: GivenBy = GivenBy.PATIENT,
    decided_by_role: str = "",
    note: str = "",
) -> ConsentItem:
    """Record ``decision`` for ``item`` and save at once (``project`` open for writing).

    Returns the item as it stands now, with ``in_family_copy`` and its ``reasons``.
    """
    book = ConsentBook.load(project.root)
    book.record(
        item.key,
        decision,
        given_by=given_by,
        how=how,
        recorded_by=recorded_by,
        decided_by_role=decided_by_role,
        note=note,
        content=item.content,
    )
    book.save(project)
    return _refreshed(project, book, item.key)


def record_checks(
    project: Any,
    item: ConsentItem,
    flags: Iterable[PhotoFlag] | None = None,
    *,
    shows_me: bool | None = None,
) -> ConsentItem:
    """Save the photo checks (``flags``, for photos and videos) and/or whether it is the patient
    (``shows_me``, for photos, sounds and videos). Returns the item as it stands now."""
    if flags is not None and not item.needs_checks:
        raise UsageError(
            f"The photo checks are for photos and videos, not {ITEM_WORDS[item.kind]}."
        )
    if shows_me is not None and not item.asks_me:
        raise UsageError("Only photos, sounds and videos can show a face or hold a voice.")
    book = ConsentBook.load(project.root)
    if flags is not None:
        book.set_checks(item.key, flags, shows_me=shows_me)
    elif shows_me is not None:
        book.set_shows_me(item.key, shows_me)
    book.save(project)
    return _refreshed(project, book, item.key)


__all__ = [
    "CONSENT_FILE",
    "CONSENT_QUESTION",
    "FLAG_QUESTIONS",
    "ME_QUESTION",
    "VOICE_AND_FACE",
    "VOICE_AND_FACE_QUESTION",
    "WIZARD_ANSWERS",
    "WIZARD_SYMBOLS",
    "ConsentBook",
    "ConsentItem",
    "ConsentRecord",
    "Decision",
    "ExportRecord",
    "FamilySummary",
    "GivenBy",
    "How",
    "ItemKind",
    "Override",
    "PhotoFlag",
    "answer_key",
    "consent_items",
    "export_summary",
    "family_summary",
    "find_item",
    "media_content",
    "media_key",
    "private_words_in",
    "record_checks",
    "record_decision",
]
