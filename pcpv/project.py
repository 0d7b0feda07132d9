"""The project folder on disk: create, open, save atomically, import media, lock.

A project folder holds everything about one patient's deck, and nothing about them is written
anywhere else::

    project.yaml     who, which meeting, which question set, presentation choices
    answers.yaml     per prompt: state, words (and whose), symbols, media
    sessions.yaml    the log of working sessions
    media/           imported files, named by the hash of their bytes
    symbols.yaml     pinned symbols and the project's own symbol sets (see pcpv.symbols)
    backups/         copies made before a migration
    .pcpv-symbol-cache/  pictures drawn from the project's own symbol sets (may be photos)
    .pcpv.lock       the write lock (see lock.py); .pcpv-work/ scratch space, removed after use

Every write goes through ``safe_io`` (temp file, fsync, rename), so a crash leaves the old file or the
new one. Folders are created owner-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcpv.errors import (
    MediaError,
    PcpvError,
    Problem,
    ProjectExistsError,
    ProjectFileError,
    ProjectNotFoundError,
    UnknownPromptError,
    UsageError,
)
from pcpv.lock import LOCK_FILE, WHO_FILE, Holder, ProjectLock
from pcpv.migrations import migrate
from pcpv.model import (
    SCHEMA_VERSION,
    Answer,
    MediaItem,
    ProjectInfo,
    PromptState,
    SessionEntry,
    WordsBy,
)
from pcpv.questions import (
    AnswerKind,
    Prompt,
    QuestionSet,
    load_builtin,
    load_question_set,
    questions_for,
)
from pcpv.safe_io import (
    atomic_copy,
    make_private_dir,
    remove_stale_temp_files,
)
from pcpv.sniff import sniff_file
from pcpv.yaml_io import FieldReader, load_yaml, save_yaml

PROJECT_FILE = "project.yaml"
ANSWERS_FILE = "answers.yaml"
SESSIONS_FILE = "sessions.yaml"
MEDIA_DIR = "media"
BACKUPS_DIR = "backups"
WORK_DIR = ".pcpv-work"
QUESTION_SET_COPY = "question-set"
DATA_FILES = (PROJECT_FILE, ANSWERS_FILE, SESSIONS_FILE)

MAX_MEDIA_BYTES = 2 * 1024**3
"""Larger files are refused at once: a clip this big would make the deck too heavy to open."""

_HEADERS = {
    PROJECT_FILE: "pcpv project: who the deck is for and which meeting.\n"
    "You may edit this file by hand; pcpv checks it when it opens the project.",
    ANSWERS_FILE: "pcpv answers, one entry per prompt.\n"
    "words_by says whose words they are: patient (their own) or staff.",
    SESSIONS_FILE: "pcpv sessions: when the patient and the SALT worked on the deck, and who was there.",
}

_KIND_TO_ANSWER = {"photo": AnswerKind.PHOTO, "audio": AnswerKind.AUDIO, "video": AnswerKind.VIDEO}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _schema_of(path: Path, data: Any, lines: Mapping[Any, int]) -> int:
    reader = FieldReader(data, path, lines)
    if not isinstance(data, dict):
        reader.raise_if_problems()
    value = data.get("schema")
    if value is None:
        reader.problem(
            "The field 'schema' is missing: pcpv cannot tell which version wrote this file.",
            "schema",
        )
    elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.problem(
            f"'schema' should be a whole number like {SCHEMA_VERSION}, not '{value}'.", "schema"
        )
    elif value > SCHEMA_VERSION:
        reader.problem(
            f"This project was saved by a newer pcpv (format {value}; this pcpv knows up to "
            f"{SCHEMA_VERSION}).",
            "schema",
        )
        reader.raise_if_problems(
            hint="Update pcpv to the newest version, then open the project again."
        )
    reader.raise_if_problems()
    return int(value)


@dataclass
class Project:
    """A loaded project folder. Change it only through a writable project (``open_for_writing``)."""

    root: Path
    info: ProjectInfo
    answers: dict[str, Answer] = field(default_factory=dict)
    sessions: list[SessionEntry] = field(default_factory=list)
    writable: bool = False
    stale_lock: Holder | None = None
    """When opening for writing cleared the lock of a pcpv that had died: who that was."""
    migrated_from: int | None = None
    """The schema the files had on disk, when they were older than this pcpv's."""
    _questions: QuestionSet | None = field(default=None, repr=False)
    _lock: ProjectLock | None = field(default=None, repr=False)

    # -- creating and opening ----------------------------------------------------------------
    @classmethod
    def create(
        cls, root: Path, info: ProjectInfo, *, question_folder: Path | None = None
    ) -> Project:
        """Make a new project folder at ``root`` (which must not exist or be empty)."""
        if (root / PROJECT_FILE).exists():
            raise ProjectExistsError(
                f"There is already a project in {root}.",
                hint="Open it with: pcpv wizard " + str(root),
            )
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise ProjectExistsError(
                f"The folder {root} is not empty.",
                hint="Choose a new folder name; pcpv will create it.",
            )
        # Validate the question set before anything is written, so a bad set leaves no folder.
        if question_folder is not None:
            qs = load_question_set(question_folder)
        else:
            qs = load_builtin(info.questions.id)
        info.questions.id, info.questions.version = qs.id, qs.version
        make_private_dir(root)
        make_private_dir(root / MEDIA_DIR)
        if question_folder is not None:
            # A service's own set is copied in, so the project keeps working if the original moves.
            shutil.copytree(question_folder, root / QUESTION_SET_COPY)
            info.questions.folder = QUESTION_SET_COPY
        info.created = info.created or _now()
        with ProjectLock(root):
            project = cls(root=root, info=info, writable=True)
            project._write(PROJECT_FILE, info.to_dict())
            project.save_answers()
            project.save_sessions()
        return project

    @classmethod
    def open(cls, root: Path) -> Project:
        """Read a project without locking it. Older formats are migrated in memory only."""
        return cls._load(root, writable=False)

    @classmethod
    @contextlib.contextmanager
    def open_for_writing(cls, root: Path) -> Iterator[Project]:
        """Open a project to change it, holding its lock until the ``with`` block ends."""
        if not (root / PROJECT_FILE).is_file():
            raise _not_found(root)
        lock = ProjectLock(root)
        lock.acquire()
        try:
            for folder in (root, root / MEDIA_DIR):
                if folder.is_dir():
                    remove_stale_temp_files(folder)
            shutil.rmtree(root / WORK_DIR, ignore_errors=True)
            project = cls._load(root, writable=True)
            project._lock = lock
            project.stale_lock = lock.stale_holder
            yield project
        finally:
            lock.release()

    @classmethod
    def _load(cls, root: Path, *, writable: bool) -> Project:
        project_file = root / PROJECT_FILE
        if not project_file.is_file():
            raise _not_found(root)
        raw: dict[str, Any] = {}
        lines: dict[str, Mapping[Any, int]] = {}
        for name in DATA_FILES:
            path = root / name
            if path.is_file():
                raw[name], lines[name] = load_yaml(path)
            elif name == PROJECT_FILE:
                raise _not_found(root)
            else:
                raw[name], lines[name] = {"schema": SCHEMA_VERSION}, {}
        version = _schema_of(project_file, raw[PROJECT_FILE], lines[PROJECT_FILE])
        migrated_from = None
        if version < SCHEMA_VERSION:
            raw = migrate(raw, version)
            migrated_from = version
            lines = {name: {} for name in DATA_FILES}  # line numbers no longer match the data

        problems: list[Problem] = []
        info_reader = FieldReader(
            raw[PROJECT_FILE], project_file, lines[PROJECT_FILE], problems=problems
        )
        info = ProjectInfo.from_reader(info_reader)
        info.schema = SCHEMA_VERSION
        answers_reader = FieldReader(
            raw[ANSWERS_FILE] or {}, root / ANSWERS_FILE, lines[ANSWERS_FILE], problems=problems
        )
        answers = {key: Answer.from_reader(r) for key, r in answers_reader.mapping("answers")}
        sessions_reader = FieldReader(
            raw[SESSIONS_FILE] or {}, root / SESSIONS_FILE, lines[SESSIONS_FILE], problems=problems
        )
        sessions = sessions_reader.each("sessions", SessionEntry.from_reader)
        if problems:
            raise ProjectFileError(problems)

        project = cls(
            root=root,
            info=info,
            answers=answers,
            sessions=sessions,
            writable=writable,
            migrated_from=migrated_from,
        )
        if migrated_from is not None and writable:
            project._backup(f"schema-{migrated_from}")
            project._write(PROJECT_FILE, info.to_dict())
            project.save_answers()
            project.save_sessions()
        return project

    # -- question set ------------------------------------------------------------------------
    @property
    def questions(self) -> QuestionSet:
        """The project's question set, with the patient's own topics filled in."""
        if self._questions is None:
            self._questions = questions_for(self.root, self.info)
        return self._questions

    def prompt(self, prompt_id: str) -> Prompt:
        prompt = self.questions.prompt(prompt_id)
        if prompt is None:
            known = ", ".join(p.id for p in self.questions.prompts())
            raise UnknownPromptError(
                f"The question set '{self.questions.id}' has no prompt called '{prompt_id}'.",
                hint=f"The prompts are: {known}.",
            )
        return prompt

    def answer(self, prompt_id: str) -> Answer:
        """The answer to a prompt (a blank "not started" one if there is none yet)."""
        return self.answers.get(prompt_id) or Answer()

    def orphan_answers(self) -> list[str]:
        """Answers kept for prompts the question set no longer has (after a set update)."""
        ids = {p.id for p in self.questions.prompts()}
        return [key for key in self.answers if key not in ids]

    # -- saving ------------------------------------------------------------------------------
    def _require_writable(self) -> None:
        if not self.writable:
            raise PcpvError("This project was opened for reading only, so it cannot be changed.")

    def _write(self, name: str, data: dict[str, Any]) -> None:
        self._require_writable()
        save_yaml(self.root / name, data, header=_HEADERS.get(name, ""))

    def save_info(self) -> None:
        self._questions = None  # own topics may have changed
        self._write(PROJECT_FILE, self.info.to_dict())

    def save_answers(self) -> None:
        self._write(
            ANSWERS_FILE,
            {
                "schema": SCHEMA_VERSION,
                "answers": {k: a.to_dict() for k, a in self.answers.items()},
            },
        )

    def save_sessions(self) -> None:
        self._write(
            SESSIONS_FILE,
            {"schema": SCHEMA_VERSION, "sessions": [s.to_dict() for s in self.sessions]},
        )

    def _backup(self, label: str) -> Path:
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        folder = self.root / BACKUPS_DIR / f"{label}-{stamp}"
        make_private_dir(folder)
        for name in DATA_FILES:
            if (self.root / name).is_file():
                atomic_copy(self.root / name, folder / name)
        return folder

    # -- changing answers --------------------------------------------------------------------
    def _touch(self, prompt_id: str) -> Answer:
        self.prompt(prompt_id)
        answer = self.answers.setdefault(prompt_id, Answer())
        answer.updated = _now()
        if self.sessions and prompt_id not in self.sessions[-1].worked_on:
            self.sessions[-1].worked_on.append(prompt_id)
            self.save_sessions()
        return answer

    def set_words(self, prompt_id: str, words: str, by: WordsBy = WordsBy.PATIENT) -> Answer:
        """Store the answer's words exactly as given, and whose words they are."""
        answer = self._touch(prompt_id)
        answer.words = words
        answer.words_by = by
        if words.strip():
            answer.state = PromptState.ANSWERED
        self.save_answers()
        return answer

    def set_choice(self, prompt_id: str, choice: str) -> Answer:
        prompt = self.prompt(prompt_id)
        if prompt.choices and choice not in prompt.choices:
            raise PcpvError(
                f"'{choice}' is not one of the choices for '{prompt_id}'.",
                hint=f"The choices are: {', '.join(prompt.choices)}.",
            )
        answer = self._touch(prompt_id)
        answer.choice = choice
        answer.state = PromptState.ANSWERED
        self.save_answers()
        return answer

    def set_symbols(self, prompt_id: str, refs: list[str]) -> Answer:
        answer = self._touch(prompt_id)
        answer.symbols = list(refs)
        if refs and answer.state == PromptState.NOT_STARTED:
            answer.state = PromptState.ANSWERED
        self.save_answers()
        return answer

    def set_state(self, prompt_id: str, state: PromptState) -> Answer:
        """Mark a prompt skipped, "not today", answered or not started. Words and media are kept."""
        answer = self._touch(prompt_id)
        answer.state = state
        self.save_answers()
        return answer

    def add_media(self, prompt_id: str, source: Path, *, caption: str = "") -> MediaItem:
        """Copy a photo, sound or video into ``media/`` and attach it to a prompt's answer.

        The type is read from the file's bytes. The same file added twice is stored once.
        """
        prompt = self.prompt(prompt_id)
        check_media_source(source)
        kind = sniff_file(source)
        assert kind is not None and kind.kind is not None  # check_media_source refused the rest
        if _KIND_TO_ANSWER[kind.kind.value] not in prompt.answers:
            allowed = ", ".join(k.value for k in prompt.answers)
            raise MediaError(
                f"'{source.name}' is {kind.label}, but the prompt '{prompt_id}' is answered with: {allowed}.",
                hint="Add it to a prompt that takes this kind of file.",
            )
        # The content check (decodes a little of the file) refuses damaged, fake or hostile media
        # now, while the person is still there to choose another file.
        from pcpv.media import inspect_media

        info = inspect_media(source, prompt=prompt_id)
        item = self.import_media_file(source)
        item.width, item.height, item.duration_s = info.width, info.height, info.duration_s
        item.caption = caption
        answer = self._touch(prompt_id)
        if any(m.sha256 == item.sha256 for m in answer.media):
            return next(m for m in answer.media if m.sha256 == item.sha256)
        answer.media.append(item)
        if answer.state == PromptState.NOT_STARTED:
            answer.state = PromptState.ANSWERED
        self.save_answers()
        return item

    def import_media_file(self, source: Path) -> MediaItem:
        """Copy a file into ``media/`` under its content-hash name and describe it (not attached)."""
        self._require_writable()
        check_media_source(source)
        kind = sniff_file(source)
        assert kind is not None and kind.kind is not None  # check_media_source refused the rest
        sha = _hash_file(source)
        target = self.root / MEDIA_DIR / f"{sha[:20]}{kind.extension}"
        make_private_dir(target.parent)
        if not target.exists():
            atomic_copy(source, target)
        return MediaItem(
            file=f"{MEDIA_DIR}/{target.name}",
            kind=kind.kind,
            sha256=sha,
            mime=kind.mime,
            original_name=source.name,
            added=_now(),
        )

    def remove_media(self, prompt_id: str, sha256: str) -> MediaItem | None:
        """Detach a media item from an answer. The file stays in ``media/`` (so it can be put back)."""
        answer = self._touch(prompt_id)
        for i, item in enumerate(answer.media):
            if item.sha256 == sha256:
                removed = answer.media.pop(i)
                self.save_answers()
                return removed
        return None

    def set_caption(self, prompt_id: str, sha256: str, caption: str) -> MediaItem:
        """Change what a photo, sound or video is said to show (its words on the slide and its
        description for screen readers)."""
        answer = self._touch(prompt_id)
        for item in answer.media:
            if item.sha256 == sha256:
                item.caption = caption
                self.save_answers()
                return item
        raise PcpvError(
            f"The prompt '{prompt_id}' has no such photo, sound or video.",
            hint="It may have been removed already.",
        )

    def restore_answer(self, prompt_id: str, answer: Answer | None) -> None:
        """Put back an earlier copy of an answer (for undo); ``None`` means there was none."""
        self._require_writable()
        if answer is None:
            self.answers.pop(prompt_id, None)
        else:
            self.answers[prompt_id] = answer
        self.save_answers()

    def media_path(self, item: MediaItem) -> Path:
        return self.root / item.file

    def unused_media(self) -> list[Path]:
        """Files in ``media/`` that no answer uses any more."""
        used = {m.file for a in self.answers.values() for m in a.media}
        folder = self.root / MEDIA_DIR
        if not folder.is_dir():
            return []
        return sorted(
            p for p in folder.iterdir() if p.is_file() and f"{MEDIA_DIR}/{p.name}" not in used
        )

    def missing_media(self) -> list[MediaItem]:
        """Media the answers name but whose file is not in ``media/`` (e.g. deleted by hand)."""
        return [
            m for a in self.answers.values() for m in a.media if not self.media_path(m).is_file()
        ]

    # -- sessions ----------------------------------------------------------------------------
    def start_session(self, who: list[str], plan: str = "") -> SessionEntry:
        self._require_writable()
        entry = SessionEntry(started=_now(), who=list(who), plan=plan)
        self.sessions.append(entry)
        self.save_sessions()
        return entry

    # -- scratch space -----------------------------------------------------------------------
    def scratch(self) -> contextlib.AbstractContextManager[Path]:
        """A private temporary folder inside the project, removed when the block ends."""
        return scratch_folder(self.root)


@contextlib.contextmanager
def scratch_folder(root: Path) -> Iterator[Path]:
    """A private temporary folder inside the project at ``root``, removed when the block ends.

    Converting media writes patient data; keeping scratch files here means nothing about the
    patient lands in the system's temp folder.
    """
    base = root / WORK_DIR
    make_private_dir(base)
    folder = Path(tempfile.mkdtemp(dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            base.rmdir()


def check_deck_output(root: Path, output: Path) -> None:
    """Refuse a place to write a deck that could overwrite the project's own files."""
    if output.suffix.lower() != ".pptx":
        raise UsageError(
            f"'{output}' does not end in .pptx, so pcpv will not write a deck there.",
            hint="Choose a file name that ends in .pptx.",
        )
    inside = output.resolve().parent
    if inside == (root / MEDIA_DIR).resolve() or inside == (root / BACKUPS_DIR).resolve():
        raise UsageError(
            f"'{output}' is inside the project's {inside.name} folder.",
            hint="Save the deck in the project folder itself, or anywhere else.",
        )


def check_media_source(source: Path) -> None:
    """Refuse a file that cannot be media, with a sentence that says why and what to do."""
    name = source.name
    if not source.exists():
        raise MediaError(
            f"pcpv cannot find the file '{source}'.", hint="Check the name and the folder."
        )
    if not source.is_file():
        raise MediaError(
            f"'{source}' is a folder, not a file.", hint="Choose a photo, sound or video file."
        )
    try:
        size = source.stat().st_size
        with source.open("rb"):
            pass
    except OSError as exc:
        raise MediaError(
            f"pcpv is not allowed to read '{name}' ({exc.strerror}).",
            hint="Copy the file somewhere you can open it, then add the copy.",
        ) from None
    if size == 0:
        raise MediaError(
            f"'{name}' is empty (0 bytes).", hint="The copy may have failed: copy it again."
        )
    if size > MAX_MEDIA_BYTES:
        raise MediaError(
            f"'{name}' is {size / 1024**3:.1f} GB, too big to put in a slide deck.",
            hint="Use a shorter clip or a smaller photo (under 2 GB).",
        )
    kind = sniff_file(source)
    if kind is None:
        raise MediaError(
            f"pcpv cannot tell what kind of file '{name}' is, so it cannot use it.",
            hint="Use a photo (JPEG, PNG, HEIC), a sound (MP3, WAV, M4A) or a video (MP4, MOV).",
        )
    if kind.kind is None:
        raise MediaError(
            f"'{name}' is {kind.label}, not a photo, sound or video.",
            hint="Use a photo (JPEG, PNG, HEIC), a sound (MP3, WAV, M4A) or a video (MP4, MOV).",
        )


def _not_found(root: Path) -> ProjectNotFoundError:
    if not root.exists():
        return ProjectNotFoundError(
            f"There is no folder called '{root}'.",
            hint="Check the name, or make a new project with: pcpv new " + str(root),
        )
    return ProjectNotFoundError(
        f"'{root}' is not a pcpv project (it has no {PROJECT_FILE}).",
        hint="Choose the project's folder, or make a new one with: pcpv new FOLDER",
    )


def is_project(root: Path) -> bool:
    return (root / PROJECT_FILE).is_file()


__all__ = [
    "LOCK_FILE",
    "WHO_FILE",
    "Project",
    "check_media_source",
    "is_project",
]
