"""Small screens over the others: help (F1), "are you sure?" and display settings (F9)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from pcpv.ui import help as help_texts
from pcpv.ui.recent import DisplaySettings
from pcpv.ui.widgets.toggles import ClearCheckbox as Checkbox


class HelpScreen(ModalScreen[None]):
    """The help for the screen underneath, in plain words."""

    PLAIN_HELP = help_texts.KEYS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1", "close", "Close help")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            with VerticalScroll(id="help-text"):
                yield Static(self.text, markup=False)
            yield Button("Close help", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """Asks before anything is removed. "No" is where the focus starts."""

    PLAIN_HELP = help_texts.CONFIRM
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "no", "No")]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No, keep it") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm"):
            yield Static(self.question, id="question-text", markup=False)
            with Horizontal(classes="button-bar"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class CaptionScreen(ModalScreen[str]):
    """Change what a photo, sound or video shows. Returns the new words, or None for "Cancel"."""

    PLAIN_HELP = help_texts.CAPTION
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, caption: str) -> None:
        super().__init__()
        self.what = what
        """How the file is named to a person ("the photo beach.jpg")."""
        self.caption = caption

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="caption-dialog"):
            yield Label(f"What does {self.what} show?", classes="lead", markup=False)
            yield Input(self.caption, id="caption")
            yield Static(
                "These words go on the slide and are read out to people who cannot see it.",
                classes="hint",
            )
            with Horizontal(classes="button-bar"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#caption", Input).focus()

    @on(Input.Submitted, "#caption")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        self.dismiss(self.query_one("#caption", Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class DisplayScreen(ModalScreen[DisplaySettings]):
    """High contrast and large spacing, kept on this computer. Returns the choice when closed."""

    PLAIN_HELP = help_texts.DISPLAY
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, settings: DisplaySettings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="display"):
            yield Static("Display", classes="lead")
            yield Checkbox(
                "High contrast (white on black)",
                value=self.settings.high_contrast,
                id="high-contrast",
            )
            yield Checkbox(
                "Large spacing (more room around everything)",
                value=self.settings.large_spacing,
                id="large-spacing",
            )
            yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#high-contrast", Checkbox).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(
            DisplaySettings(
                high_contrast=self.query_one("#high-contrast", Checkbox).value,
                large_spacing=self.query_one("#large-spacing", Checkbox).value,
            )
        )
