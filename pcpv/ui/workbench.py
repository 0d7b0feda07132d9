"""The wizard's one way to change a project: every change saved at once, and an undo journal.

No Textual here: the screens call these methods and show what they return, so the rules (what is
saved when, what undo puts back, how media is checked) are tested without a terminal. Every method
that changes something goes through ``Project`` and so through its atomic save before it returns.

Undo keeps, for each change, a copy of the answer as it was just before. Putting that copy back
undoes anything the change did to the answer (words, state, choice, symbols, media), and needs no
file work: media files stay in ``media/`` when they are taken off an answer.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pcpv.errors import MediaError
from pcpv.model import (
    Answer,
    MediaItem,
    MediaKind,
    Meeting,
    Presenter,
    PromptState,
    WordsBy,
)
from pcpv.project import Project, check_media_source
from pcpv.questions import AnswerKind, Prompt, QuestionSet, Section

MAX_UNDO = 50
"""How many changes undo remembers (in memory, for this sitting only)."""

MEDIA_KINDS = {
    AnswerKind.PHOTO: MediaKind.PHOTO,
    AnswerKind.AUDIO: MediaKind.AUDIO,
    AnswerKind.VIDEO: MediaKind.VIDEO,
}
KIND_WORDS = {MediaKind.PHOTO: "Photo", MediaKind.AUDIO: "Sound", MediaKind.VIDEO: "Video"}


@dataclass(frozen=True)
class UndoStep:
    """One change that undo can take back."""

    label: str
    """What the change was, in plain words ("Removed the photo beach.jpg")."""
    prompt_id: str
    """The prompt whose answer changed."""
    before: Answer | None
    """A copy of the answer just before the change (None: there was no answer yet)."""


@dataclass(frozen=True)
class Added:
    """What ``Workbench.add_media`` took in."""

    item: MediaItem
    """The media item now attached to the answer."""
    details: str
    """Its length or size in words, e.g. "0:12 long" or "800 by 600"; empty when unknown."""
    notes: tuple[str, ...] = ()
    """Plain sentences from the media check worth showing (e.g. "it will be converted")."""


def clip_length(seconds: float) -> str:
    """A clip's length the way a person says it: "0:07", "2:30", "1:02:03"."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def describe_media_info(info: Any) -> str:
    """Length of a clip or size of a photo from a ``pcpv.media.MediaInfo``."""
    if getattr(info, "duration_s", None) is not None:
        return f"{clip_length(info.duration_s)} long"
    if getattr(info, "width", None) and getattr(info, "height", None):
        return f"{info.width} by {info.height}"
    return ""


def _media_inspector() -> Callable[..., Any] | None:
    """``pcpv.media.inspect_media`` when the media package is there; None falls back to the
    project's own check of the file's bytes."""
    try:
        from pcpv.media import inspect_media
    except ImportError:
        return None
    return inspect_media


def inspect_file(path: Path, *, prompt: str | None = None) -> Any:
    """Check a media file before it is added: ``MediaInfo`` (or None without ``pcpv.media``).

    Raises ``MediaError`` with a plain sentence for a file pcpv cannot use.
    """
    check_media_source(path)
    inspector = _media_inspector()
    if inspector is None:
        return None
    try:
        return inspector(path, prompt=prompt)
    except MediaError:
        raise
    except Exception as exc:  # a bug reading one odd file must not close the wizard
        raise MediaError(
            f"pcpv could not read '{path.name}' ({type(exc).__name__}).",
            hint="Try another copy of the file, or save it again from the phone or camera.",
        ) from exc


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a Workbench method while holding its lock."""

    def run(self: Workbench, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return method(self, *args, **kwargs)

    run.__doc__ = method.__doc__
    run.__name__ = method.__name__
    return run


class Workbench:
    """A project open for writing, as the wizard changes it."""

    def __init__(self, project: Project) -> None:
        self.project = project
        """The project, opened with ``Project.open_for_writing`` by the caller (who holds the lock)."""
        self.undo_steps: list[UndoStep] = []
        """Changes undo can take back, oldest first."""
        self.lock = threading.RLock()
        """Held by every change: media is added from a worker thread while the screen saves words."""
        self._typing: str | None = None
        self._details: dict[str, str] = {}

    # -- reading -----------------------------------------------------------------------------
    @property
    def questions(self) -> QuestionSet:
        return self.project.questions

    def prompts(self) -> list[Prompt]:
        """Every prompt of the project's question set, in order."""
        return list(self.questions.prompts())

    def prompt_index(self, prompt_id: str) -> int:
        ids = [p.id for p in self.prompts()]
        return ids.index(prompt_id)

    def section_of(self, prompt: Prompt) -> Section:
        section = self.questions.section(prompt.section_id)
        assert section is not None
        return section

    def answer(self, prompt_id: str) -> Answer:
        return self.project.answer(prompt_id)

    def question(self, prompt: Prompt) -> str:
        return self.questions.question_text(prompt, self.project.info)

    def note(self, prompt: Prompt) -> str:
        return self.questions.note_text(prompt, self.project.info) if prompt.note else ""

    def progress(self) -> list[tuple[Section, int, int]]:
        """(section, prompts done, prompts) for each section; skipped counts as done."""
        rows = []
        for section in self.questions.sections:
            done = sum(1 for p in section.prompts if not self.answer(p.id).is_open)
            rows.append((section, done, len(section.prompts)))
        return rows

    def open_prompts(self) -> list[Prompt]:
        """Prompts still to do (not started, or put off with "not today")."""
        return [p for p in self.prompts() if self.answer(p.id).is_open]

    def resume_prompt(self) -> Prompt | None:
        """Where to carry on: the first open prompt after the one last worked on (wrapping round),
        or the first open prompt; None when every prompt is done."""
        prompts = self.prompts()
        open_ids = {p.id for p in self.open_prompts()}
        if not open_ids:
            return None
        last = next((s.worked_on[-1] for s in reversed(self.project.sessions) if s.worked_on), "")
        ids = [p.id for p in prompts]
        start = ids.index(last) + 1 if last in ids else 0
        for prompt in prompts[start:] + prompts[:start]:
            if prompt.id in open_ids:
                return prompt
        return None

    @property
    def first_time(self) -> bool:
        """True until the first working session has been started."""
        return not self.project.sessions

    # -- undo --------------------------------------------------------------------------------
    def _remember(self, prompt_id: str, label: str) -> None:
        before = self.project.answers.get(prompt_id)
        self.undo_steps.append(UndoStep(label, prompt_id, copy.deepcopy(before)))
        del self.undo_steps[:-MAX_UNDO]

    def end_typing(self) -> None:
        """The words box lost focus or the screen closed: the next words start a new undo step."""
        self._typing = None

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_steps)

    @_locked
    def undo(self) -> UndoStep | None:
        """Put the answer changed last back as it was; saved at once. None if nothing to undo."""
        self._typing = None
        if not self.undo_steps:
            return None
        step = self.undo_steps.pop()
        before = None if step.before is None else copy.deepcopy(step.before)
        self.project.restore_answer(step.prompt_id, before)
        return step

    # -- changing answers --------------------------------------------------------------------
    def save_words(self, prompt_id: str, words: str, by: WordsBy) -> bool:
        """Save the answer's words as typed (one undo step per spell of typing). False if unchanged.

        The unchanged case returns without waiting for the lock, so quitting never waits for a
        build or a big video being copied in.
        """
        answer = self.answer(prompt_id)
        if answer.words == words and (answer.words_by == by or not words):
            return False
        with self.lock:
            if self._typing != prompt_id:
                self._remember(prompt_id, "Changed the words")
                self._typing = prompt_id
            self.project.set_words(prompt_id, words, by)
        return True

    @_locked
    def set_choice(self, prompt_id: str, choice: str) -> None:
        if self.answer(prompt_id).choice == choice:
            return
        self._typing = None
        self._remember(prompt_id, f"Chose '{choice}'")
        self.project.set_choice(prompt_id, choice)

    @_locked
    def set_state(self, prompt_id: str, state: PromptState) -> None:
        """Mark a prompt skipped, "not today" or answered. Words and media are kept."""
        if self.answer(prompt_id).state == state:
            return
        self._typing = None
        words = {PromptState.SKIPPED: "Skipped", PromptState.NOT_TODAY: "Marked 'not today'"}
        self._remember(prompt_id, words.get(state, "Changed the answer"))
        self.project.set_state(prompt_id, state)

    @_locked
    def set_symbols(
        self, prompt_id: str, refs: list[str], label: str = "Changed the symbols"
    ) -> None:
        if self.answer(prompt_id).symbols == list(refs):
            return
        self._typing = None
        self._remember(prompt_id, label)
        self.project.set_symbols(prompt_id, refs)

    def remove_symbol(self, prompt_id: str, ref: str) -> None:
        refs = [r for r in self.answer(prompt_id).symbols if r != ref]
        self.set_symbols(prompt_id, refs, label="Removed a symbol")

    @_locked
    def add_media(self, prompt: Prompt, source: Path, *, caption: str = "") -> Added:
        """Check a photo, sound or video and attach it to the prompt's answer.

        The file is checked first (``pcpv.media.inspect_media`` when present), so a bad file is
        refused with a ``MediaError`` before anything changes.
        """
        allowed = {MEDIA_KINDS[k] for k in prompt.answers if k in MEDIA_KINDS}
        info = inspect_file(source, prompt=self.question(prompt))
        if info is not None and info.kind not in allowed:
            takes = " or ".join(
                KIND_WORDS[k].lower() for k in sorted(allowed, key=lambda k: k.value)
            )
            raise MediaError(
                f"'{source.name}' is {info.label}, but this question takes a {takes or 'no file'}.",
                hint="Add it to a question that takes this kind of file.",
            )
        self._typing = None
        self._remember(prompt.id, f"Added '{source.name}'")
        try:
            item = self.project.add_media(prompt.id, source, caption=caption.strip())
        except Exception:
            self.undo_steps.pop()
            raise
        details = describe_media_info(info) if info is not None else ""
        self._details[item.sha256] = details
        return Added(item, details, tuple(getattr(info, "notes", ()) or ()))

    @_locked
    def remove_media(self, prompt_id: str, sha256: str) -> MediaItem | None:
        """Take a photo, sound or video off the answer (the file stays, so undo can put it back)."""
        item = next((m for m in self.answer(prompt_id).media if m.sha256 == sha256), None)
        if item is None:
            return None
        self._typing = None
        self._remember(prompt_id, f"Removed {media_name(item)}")
        return self.project.remove_media(prompt_id, sha256)

    @_locked
    def set_caption(self, prompt_id: str, sha256: str, caption: str) -> MediaItem | None:
        """Change what a photo, sound or video is said to show (undo puts the old words back).
        None when the item is no longer on the answer; unchanged words are not a change."""
        item = next((m for m in self.answer(prompt_id).media if m.sha256 == sha256), None)
        caption = caption.strip()
        if item is None or item.caption == caption:
            return item
        self._typing = None
        self._remember(prompt_id, f"Changed the words for {media_name(item)}")
        return self.project.set_caption(prompt_id, sha256, caption)

    def media_details(self, item: MediaItem) -> str:
        """A clip's length or a photo's size, worked out once per file (may read the file)."""
        if item.sha256 not in self._details:
            path = self.project.media_path(item)
            text = "the file is missing from the media folder"
            if path.is_file():
                try:
                    info = inspect_file(path)
                    text = describe_media_info(info) if info is not None else ""
                except MediaError:
                    text = "pcpv cannot read this file now"
            self._details[item.sha256] = text
        return self._details[item.sha256]

    # -- the project and sessions ------------------------------------------------------------
    @_locked
    def start_session(self, who: list[str], plan: str) -> None:
        self._typing = None
        self.project.start_session(who, plan)

    @_locked
    def update_info(
        self,
        *,
        name: str,
        meeting_title: str,
        date: dt.date | None,
        presenter: Presenter,
        topics: list[str] | None = None,
    ) -> None:
        """Save how the patient likes to be called and the meeting details (``project.yaml``)."""
        info = self.project.info
        info.name = name.strip()
        info.meeting = Meeting(
            kind=info.meeting.kind, title=meeting_title.strip() or info.meeting.title, date=date
        )
        info.presentation.presenter = presenter
        if topics is not None:
            info.own_topics = [t for t in dict.fromkeys(t.strip() for t in topics) if t]
        self.project.save_info()


def media_name(item: MediaItem) -> str:
    """How the wizard names a media item to a person: "the photo beach.jpg"."""
    return f"the {KIND_WORDS[item.kind].lower()} {item.original_name or Path(item.file).name}"


def has_own_topics(questions: QuestionSet) -> bool:
    """True when the question set has a section made from the patient's own topics."""
    return any(s.own_topics is not None for s in questions.sections)


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%d.%m.%Y")


def parse_day(text: str) -> dt.date | None:
    """A meeting date typed the way people write it ("15 January 2027", "15/01/2027",
    "2027-01-15"); None when left empty. Raises ``ValueError`` with a plain sentence."""
    cleaned = " ".join(text.replace(",", " ").split())
    if not cleaned:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(
        f"'{text.strip()}' is not a date pcpv understands. Write it like 15 January 2027."
    )
