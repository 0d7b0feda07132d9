"""Choose a photo, sound or video: a file browser with a preview of pictures and clip lengths.

Returns ``(path, caption)`` with ``dismiss``; the question screen adds the file (and refuses a bad
one there, with the reason, keeping everything else on the screen).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Input, Label, Static

from pcpv.errors import PcpvError
from pcpv.model import MediaKind
from pcpv.questions import Prompt
from pcpv.sniff import sniff_file
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.picture import image_widget_class, load_preview
from pcpv.ui.workbench import KIND_WORDS, describe_media_info, inspect_file


class FilesOnly(DirectoryTree):
    """The file browser, without hidden files and folders."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".")]


class MediaPickScreen(WizardScreen):
    """Browse for a file for ``prompt``, see a preview, say what it shows."""

    PLAIN_HELP = help_texts.MEDIA
    HEADING = "Add a photo, sound or video"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: Prompt | None = None, *, for_text: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        """The question the file is for; None when ``for_text`` says what it is for."""
        self.for_text = for_text
        """What the file is for, when it is not for a question of the deck."""

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        what = self.wb.question(self.prompt) if self.prompt is not None else self.for_text
        yield Static(f"For: {what}", classes="value", markup=False)
        with Horizontal(id="picker"):
            yield FilesOnly(self.wizard.browse_from, id="files")
            with Vertical(id="preview"):
                yield image_widget_class(self.wizard.graphics)(id="preview-picture")
                yield Static("Choose a file to see it here.", id="preview-text", markup=False)
        yield Label("The file (or type where it is):", classes="field-label")
        yield Input(placeholder="for example: /home/me/Pictures/beach.jpg", id="path")
        yield Label("What does it show? (words for the slide)", classes="field-label")
        yield Input(placeholder="for example: Me at the beach with my brother", id="caption")
        with Horizontal(classes="button-bar"):
            yield Button("Add this file", id="add", variant="primary")
            yield Button("Cancel", id="cancel")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#files", DirectoryTree).focus()

    # -- preview -----------------------------------------------------------------------------
    @on(DirectoryTree.NodeHighlighted, "#files")
    def _highlighted(self, event: DirectoryTree.NodeHighlighted) -> None:
        entry = event.node.data
        if entry is not None and Path(entry.path).is_file():
            self.preview(Path(entry.path))

    @on(DirectoryTree.FileSelected, "#files")
    def _selected(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self.preview(event.path)
        self.query_one("#caption", Input).focus()

    @on(Input.Submitted, "#path")
    def _typed(self) -> None:
        path = self._chosen()
        if path is not None:
            self.preview(path)
        self.query_one("#caption", Input).focus()

    def preview(self, path: Path) -> None:
        self.query_one("#preview-text", Static).update(f"{path.name}: looking at it...")
        self.query_one("#preview-picture").image = None  # type: ignore[attr-defined]
        self._make_preview(path)

    @work(thread=True, exclusive=True, group="preview")
    def _make_preview(self, path: Path) -> None:
        image: Any = None
        try:
            found = sniff_file(path)
            kind = found.kind if found else None
            if kind is MediaKind.PHOTO:
                try:
                    image = load_preview(path)
                except Exception:
                    image = None  # HEIC without its plug-in, or damaged: the check below says
            info = inspect_file(path)
            what = (
                KIND_WORDS[info.kind]
                if info is not None
                else (KIND_WORDS[kind] if kind else "File")
            )
            details = describe_media_info(info) if info is not None else ""
            text = f"{path.name}\n{what}" + (f", {details}" if details else "")
        except PcpvError as error:
            text = f"{path.name}\npcpv cannot use this file: {error.message}"
        except OSError as error:
            text = f"{path.name}\npcpv cannot open this file ({error.strerror})."
        self.app.call_from_thread(self._show_preview, path, image, text)

    def _show_preview(self, path: Path, image: Any, text: str) -> None:
        self.query_one("#preview-picture").image = image  # type: ignore[attr-defined]
        self.query_one("#preview-text", Static).update(text)

    # -- choosing ----------------------------------------------------------------------------
    def _chosen(self) -> Path | None:
        text = self.query_one("#path", Input).value.strip().strip('"')
        return Path(text).expanduser() if text else None

    @on(Input.Submitted, "#caption")
    @on(Button.Pressed, "#add")
    def add(self) -> None:
        path = self._chosen()
        if path is None:
            self.notify("First choose a file in the list, or type where it is.")
            self.query_one("#files", DirectoryTree).focus()
            return
        self.dismiss((path, self.query_one("#caption", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
