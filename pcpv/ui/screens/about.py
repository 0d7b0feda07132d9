"""About me and the meeting: the first-time questions, also used to make a new project."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioSet, Static

from pcpv.errors import PcpvError
from pcpv.model import (
    DEFAULT_MEETING_TITLES,
    PRESENTER_WORDS,
    Meeting,
    MeetingKind,
    Presentation,
    Presenter,
    ProjectInfo,
    QuestionSetRef,
)
from pcpv.project import Project
from pcpv.questions import default_set_for, format_date
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.toggles import ClearRadioButton as RadioButton
from pcpv.ui.workbench import has_own_topics, parse_day

KIND_LABELS = {
    MeetingKind.CTR: "Care and Treatment Review (CTR)",
    MeetingKind.CPA: "CPA review",
    MeetingKind.OWN: "My own kind of meeting",
}
KINDS = list(KIND_LABELS)
PRESENTERS = list(Presenter)


class AboutScreen(WizardScreen):
    """How I like to be called, the meeting, its date and who will present.

    ``new_project``: also asks where to keep the project and which meeting, and makes it.
    ``first_time``: shown before the first session; saving goes on to the session screen.
    """

    PLAIN_HELP = help_texts.ABOUT
    HEADING = "About me and the meeting"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, *, first_time: bool = False, new_project: bool = False) -> None:
        super().__init__()
        self.first_time = first_time
        self.new_project = new_project

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        info = None if self.new_project else self.wb.project.info
        with VerticalScroll(id="about-body", classes="body"):
            if self.first_time:
                yield Static(
                    "Welcome. Let's start with a few things about you and the meeting.",
                    classes="lead",
                )
            if self.new_project:
                yield Label("Where to keep the project (a new folder):", classes="field-label")
                yield Input(
                    str(self.wizard.browse_from / "pcpv-projects" / "new-project"), id="folder"
                )
            yield Label("How I like to be called:", classes="field-label")
            yield Input(
                info.name if info else "", placeholder="a first name or nickname", id="name"
            )
            yield Label("The meeting:", classes="field-label")
            if self.new_project:
                with RadioSet(id="kind"):
                    for i, kind in enumerate(KINDS):
                        yield RadioButton(KIND_LABELS[kind], value=i == 0)
            else:
                assert info is not None
                yield Static(KIND_LABELS[info.meeting.kind], classes="value")
            yield Label("Its name, as your service says it:", classes="field-label")
            yield Input(
                info.meeting.title if info else "",
                placeholder=DEFAULT_MEETING_TITLES[MeetingKind.CTR],
                id="meeting-title",
            )
            yield Label("Its date:", classes="field-label")
            yield Input(
                format_date(info.meeting.date) if info else "",
                placeholder="like 15 January 2027 (leave empty if not known yet)",
                id="date",
            )
            yield Label("Who will show the slides:", classes="field-label")
            current = info.presentation.presenter if info else Presenter.TOGETHER
            with RadioSet(id="presenter"):
                for presenter in PRESENTERS:
                    yield RadioButton(PRESENTER_WORDS[presenter], value=presenter == current)
            if self.new_project or (info and has_own_topics(self.wb.questions)):
                yield Label(
                    "My own topics (for my own kind of meeting), with commas between:",
                    classes="field-label",
                )
                yield Input(", ".join(info.own_topics) if info else "", id="topics")
            yield Static("", id="about-message", classes="message")
        with Horizontal(classes="button-bar"):
            yield Button("Save and go on", id="save", variant="primary")
            if not self.first_time:
                yield Button("Back", id="cancel")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#about-message", Static).update(text)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#cancel")
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The first time there is nothing to go back to, so Esc is neither offered nor bound.
        return not (action == "cancel" and self.first_time)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self._say("Please write how you like to be called. It goes on the slides.")
            self.query_one("#name", Input).focus()
            return
        try:
            date = parse_day(self.query_one("#date", Input).value)
        except ValueError as exc:
            self._say(str(exc))
            self.query_one("#date", Input).focus()
            return
        presenter = PRESENTERS[max(self.query_one("#presenter", RadioSet).pressed_index, 0)]
        title = self.query_one("#meeting-title", Input).value.strip()
        topics_box = self.query("#topics")
        topics = (
            [t.strip() for t in topics_box.first(Input).value.split(",") if t.strip()]
            if topics_box
            else None
        )
        if self.new_project:
            self._make_project(name, title, date, presenter, topics or [])
            return
        try:
            self.wb.update_info(
                name=name, meeting_title=title, date=date, presenter=presenter, topics=topics
            )
        except PcpvError as error:
            self._say(f"{error.message} {error.hint}".strip())
            return
        if self.first_time:
            from pcpv.ui.screens.session import SessionScreen

            self.app.switch_screen(SessionScreen())
        else:
            self.dismiss(True)

    def _make_project(
        self, name: str, title: str, date: object, presenter: Presenter, topics: list[str]
    ) -> None:
        folder_text = self.query_one("#folder", Input).value.strip()
        if not folder_text:
            self._say("Please write where to keep the project: a folder name.")
            return
        kind = KINDS[max(self.query_one("#kind", RadioSet).pressed_index, 0)]
        info = ProjectInfo(
            name=name,
            meeting=Meeting(kind=kind, title=title or DEFAULT_MEETING_TITLES[kind], date=date),  # type: ignore[arg-type]
            questions=QuestionSetRef(id=default_set_for(kind), version=1),
            presentation=Presentation(presenter=presenter),
            own_topics=topics if kind is MeetingKind.OWN else [],
        )
        folder = Path(folder_text).expanduser()
        try:
            Project.create(folder, info)
            self.wizard.open_project(folder)
        except PcpvError as error:
            self._say(f"{error.message} {error.hint}".strip())
            return
        except OSError as error:
            self._say(
                f"pcpv could not make the folder {folder} ({error.strerror}). "
                "Choose a folder you are allowed to write in."
            )
            return
        from pcpv.ui.screens.session import SessionScreen

        self.wizard.preload()
        self.app.switch_screen(SessionScreen())
