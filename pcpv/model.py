"""The project's data: who, which meeting, the answers, media and sessions. Plain typed records.

No I/O here and no UI: ``project.py`` reads and writes these, the wizard and the deck builder use
them. Each record converts ``to_dict`` for the YAML files and back with ``from_reader`` (which
collects every problem of a hand-edited file instead of stopping at the first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pcpv.yaml_io import FieldReader

SCHEMA_VERSION = 2
"""The project folder format this pcpv writes. Older folders are migrated (see ``migrations.py``)."""


class MeetingKind(str, Enum):
    """Which meeting the deck is for."""

    CTR = "ctr"
    CPA = "cpa"
    OWN = "own"


DEFAULT_MEETING_TITLES = {
    MeetingKind.CTR: "Care and Treatment Review",
    MeetingKind.CPA: "CPA review",
    MeetingKind.OWN: "My meeting",
}


class Presenter(str, Enum):
    """Who will show the slides at the meeting."""

    ME = "me"
    SALT = "salt"
    TOGETHER = "together"
    NOT_IN_ROOM = "not-in-room"


PRESENTER_WORDS = {
    Presenter.ME: "I will show my slides",
    Presenter.SALT: "My speech and language therapist will show my slides",
    Presenter.TOGETHER: "We will show my slides together",
    Presenter.NOT_IN_ROOM: "I won't be in the room. My slides will speak for me",
}


class PromptState(str, Enum):
    """Where a prompt stands. "not-today" means the patient may come back to it; "skipped" means no."""

    NOT_STARTED = "not-started"
    ANSWERED = "answered"
    SKIPPED = "skipped"
    NOT_TODAY = "not-today"


STATE_WORDS = {
    PromptState.NOT_STARTED: "not started",
    PromptState.ANSWERED: "answered",
    PromptState.SKIPPED: "skipped",
    PromptState.NOT_TODAY: "not today",
}


class WordsBy(str, Enum):
    """Whose words an answer holds. The patient's own words are quoted as said, never corrected."""

    PATIENT = "patient"
    STAFF = "staff"


class MediaKind(str, Enum):
    PHOTO = "photo"
    AUDIO = "audio"
    VIDEO = "video"


@dataclass
class Meeting:
    kind: MeetingKind
    """CTR, CPA or the patient's own kind of meeting."""
    title: str
    """The meeting's name as the service calls it, e.g. "Care and Treatment Review"."""
    date: dt.date | None = None
    """The day of the meeting, when known."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> Meeting:
        kind = r.enum("kind", MeetingKind)
        return cls(
            kind=kind,
            title=r.text("title", DEFAULT_MEETING_TITLES[kind]),
            date=r.date("date"),
        )


@dataclass
class Presentation:
    presenter: Presenter = Presenter.TOGETHER
    """Who shows the slides at the meeting."""
    theme: str = "cream"
    """The deck's colour theme (see ``pcpv.deck.theme``)."""

    def to_dict(self) -> dict[str, Any]:
        return {"presenter": self.presenter.value, "theme": self.theme}

    @classmethod
    def from_reader(cls, r: FieldReader) -> Presentation:
        return cls(
            presenter=r.enum("presenter", Presenter, Presenter.TOGETHER),
            theme=r.text("theme", "cream"),
        )


@dataclass
class QuestionSetRef:
    id: str
    """The question set's id, e.g. "ctr"."""
    version: int
    """The set's version when the project was made."""
    folder: str = ""
    """For a service's own set: its copy inside the project folder (relative path); empty for the
    sets that ship with pcpv."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"set": self.id, "version": self.version}
        if self.folder:
            data["folder"] = self.folder
        return data

    @classmethod
    def from_reader(cls, r: FieldReader) -> QuestionSetRef:
        return cls(
            id=r.text("set", required=True),
            version=r.whole("version", 1),
            folder=r.text("folder", ""),
        )


@dataclass
class ProjectInfo:
    """What ``project.yaml`` holds."""

    name: str
    """How the patient wants to be named on the slides (a first name or a nickname)."""
    meeting: Meeting
    questions: QuestionSetRef
    presentation: Presentation = field(default_factory=Presentation)
    language: str = "en-GB"
    """Language tag put on every text run of the deck."""
    own_topics: list[str] = field(default_factory=list)
    """Topics the patient named themselves (for question sets with an "own topics" section)."""
    created: dt.datetime | None = None
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "name": self.name,
            "meeting": self.meeting.to_dict(),
            "questions": self.questions.to_dict(),
            "presentation": self.presentation.to_dict(),
            "language": self.language,
            "own_topics": list(self.own_topics),
            "created": self.created.isoformat(timespec="seconds") if self.created else None,
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> ProjectInfo:
        name = r.text("name", required=True)
        if r.has("name") and not name.strip():
            r.problem("'name' is empty. Write how the person likes to be called.", "name")
        return cls(
            schema=r.whole("schema", SCHEMA_VERSION),
            name=name,
            meeting=Meeting.from_reader(r.child("meeting")),
            questions=QuestionSetRef.from_reader(r.child("questions")),
            presentation=Presentation.from_reader(r.child("presentation")),
            language=r.text("language", "en-GB"),
            own_topics=r.text_list("own_topics"),
            created=r.timestamp("created"),
        )


@dataclass
class MediaItem:
    """A photo, sound or video attached to an answer. The file lives in the project's ``media/``."""

    file: str
    """Path inside the project folder, e.g. ``media/3f9a0c....jpg``; named by content hash."""
    kind: MediaKind
    sha256: str
    """Hash of the file's bytes, also used to prove what a family copy holds."""
    mime: str
    """The type read from the file's bytes, e.g. ``image/jpeg``."""
    original_name: str = ""
    """The name the file had when it was added; kept only as a note, never put on a slide."""
    caption: str = ""
    """What the picture or clip shows, in words: the slide's alt text and the words beside it."""
    added: dt.datetime | None = None
    width: int | None = None
    """Upright width in pixels (photos and videos), as measured when the file was added."""
    height: int | None = None
    duration_s: float | None = None
    """Length in seconds (sounds and videos), as measured when the file was added."""

    def to_dict(self) -> dict[str, Any]:
        size = {"width": self.width, "height": self.height} if self.width else {}
        length = {"duration_s": round(self.duration_s, 2)} if self.duration_s is not None else {}
        return {
            "file": self.file,
            "kind": self.kind.value,
            "caption": self.caption,
            "original_name": self.original_name,
            "mime": self.mime,
            "sha256": self.sha256,
            "added": self.added.isoformat(timespec="seconds") if self.added else None,
            **size,
            **length,
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> MediaItem:
        file = r.text("file", required=True)
        if file and (not file.startswith("media/") or ".." in file or "\\" in file):
            r.problem(
                f"'file' should name a file in the media folder, like media/abc.jpg, not '{file}'.",
                "file",
            )
        return cls(
            file=file,
            kind=r.enum("kind", MediaKind),
            sha256=r.text("sha256", ""),
            mime=r.text("mime", ""),
            original_name=r.text("original_name", ""),
            caption=r.text("caption", ""),
            added=r.timestamp("added"),
            width=r.whole("width", 0) or None,
            height=r.whole("height", 0) or None,
            duration_s=r.number("duration_s"),
        )


@dataclass
class Answer:
    """The patient's answer to one prompt."""

    state: PromptState = PromptState.NOT_STARTED
    words: str = ""
    """The answer in words, exactly as given."""
    words_by: WordsBy = WordsBy.PATIENT
    """Whose words these are: the patient's own, or written by staff."""
    symbols: list[str] = field(default_factory=list)
    """Symbol words chosen for this answer, in order."""
    media: list[MediaItem] = field(default_factory=list)
    choice: str = ""
    """For prompts answered by picking one of a few options."""
    updated: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        """Still to do: not started, or put off with "not today"."""
        return self.state in (PromptState.NOT_STARTED, PromptState.NOT_TODAY)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"state": self.state.value}
        if self.words:
            data["words"] = self.words
            data["words_by"] = self.words_by.value
        if self.choice:
            data["choice"] = self.choice
        if self.symbols:
            data["symbols"] = list(self.symbols)
        if self.media:
            data["media"] = [m.to_dict() for m in self.media]
        data["updated"] = self.updated.isoformat(timespec="seconds") if self.updated else None
        return data

    @classmethod
    def from_reader(cls, r: FieldReader) -> Answer:
        return cls(
            state=r.enum("state", PromptState, PromptState.NOT_STARTED),
            words=r.text("words", ""),
            words_by=r.enum("words_by", WordsBy, WordsBy.PATIENT),
            symbols=r.text_list("symbols"),
            media=r.each("media", MediaItem.from_reader),
            choice=r.text("choice", ""),
            updated=r.timestamp("updated"),
        )


@dataclass
class SessionEntry:
    """One working session of the patient and the SALT."""

    started: dt.datetime
    who: list[str] = field(default_factory=list)
    """Who was there, by role (e.g. "patient", "SALT", "nurse"); names are optional."""
    plan: str = ""
    """What we wanted to do today."""
    worked_on: list[str] = field(default_factory=list)
    """Prompt ids changed in this session, in the order first touched."""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(timespec="seconds"),
            "who": list(self.who),
            "plan": self.plan,
            "worked_on": list(self.worked_on),
            "note": self.note,
        }

    @classmethod
    def from_reader(cls, r: FieldReader) -> SessionEntry:
        return cls(
            started=r.timestamp("started", required=True) or dt.datetime(1970, 1, 1),
            who=r.text_list("who"),
            plan=r.text("plan", ""),
            worked_on=r.text_list("worked_on"),
            note=r.text("note", ""),
        )
