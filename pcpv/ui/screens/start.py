"""Start (``pcpv wizard`` with no folder): recent projects, open another, or make a new one."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Static

from pcpv.errors import PcpvError
from pcpv.project import Project
from pcpv.ui import help as help_texts
from pcpv.ui.recent import load_recent
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.rows import plain_option


def describe_folder(folder: Path) -> str:
    """ "Sam: Care and Treatment Review  (/path/to/folder)", or why it cannot be read."""
    try:
        info = Project.open(folder).info
    except PcpvError:
        return f"{folder}  (pcpv cannot read this project now)"
    return f"{info.name}: {info.meeting.title}  ({folder})"


class StartScreen(WizardScreen):
    """Choose a project."""

    PLAIN_HELP = help_texts.START
    HEADING = "Start"

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with VerticalScroll(classes="body"):
            yield Static("Welcome to pcpv: Patients' Points of View.", classes="lead")
            yield Label("Carry on with a project:", classes="field-label")
            yield OptionList(id="recent")
            yield Label("Or open a project folder:", classes="field-label")
            yield Input(placeholder="the project's folder", id="open-path")
            yield Static("", id="start-message", classes="message")
        with Horizontal(classes="button-bar"):
            yield Button("Make a new project", id="new", variant="primary")
            yield Button("Open", id="open")
        yield self.key_bar()

    def on_mount(self) -> None:
        recent = self.query_one("#recent", OptionList)
        folders = load_recent()
        for folder in folders:
            recent.add_option(plain_option(describe_folder(folder), id=str(folder)))
        if folders:
            recent.focus()
        else:
            recent.add_option(plain_option("(no projects yet)", disabled=True))
            self.query_one("#new", Button).focus()

    @on(OptionList.OptionSelected, "#recent")
    def _recent_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_folder(Path(event.option.id))

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open")
    def _typed(self) -> None:
        text = self.query_one("#open-path", Input).value.strip().strip('"')
        if not text:
            self._say("Write the project's folder in the box, then press Open.")
            self.query_one("#open-path", Input).focus()
            return
        self.open_folder(Path(text).expanduser())

    def _say(self, text: str) -> None:
        self.query_one("#start-message", Static).update(text)

    def open_folder(self, folder: Path) -> None:
        """Open the project (refused in plain words if it is open elsewhere or unreadable)."""
        try:
            self.wizard.open_project(folder)
        except PcpvError as error:
            self._say(f"{error.message} {error.hint}".strip())
            return
        self.wizard.preload()
        self.app.switch_screen(self.wizard.first_screen())

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        from pcpv.ui.screens.about import AboutScreen

        self.app.push_screen(AboutScreen(new_project=True))
