"""What every wizard screen shares: a title bar, the key bar, F1 help text and the project."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from pcpv.ui import help as help_texts

if TYPE_CHECKING:
    from pcpv.ui.app import WizardApp
    from pcpv.ui.workbench import Workbench


class WizardScreen(Screen):
    """A full screen of the wizard."""

    PLAIN_HELP: ClassVar[str] = help_texts.KEYS
    """What F1 shows on this screen."""
    HEADING: ClassVar[str] = ""
    """The screen's name in the title bar."""

    @property
    def wizard(self) -> WizardApp:
        return self.app  # type: ignore[return-value]

    @property
    def wb(self) -> Workbench:
        return self.wizard.wb

    def title_bar(self) -> Static:
        text = f"pcpv  |  {self.HEADING}"
        workbench = self.wizard.workbench
        if workbench is not None:
            info = workbench.project.info
            text = f"pcpv  |  {info.name}: {info.meeting.title}  |  {self.HEADING}"
        return Static(text, id="title-bar", markup=False)

    def key_bar(self) -> Static:
        """The keys of this screen, then the app's, in one line (a plain line: cheap to draw, and
        the buttons on the screen do the same things for mouse users)."""
        keys = []
        for binding in [*self.BINDINGS, *self.app.BINDINGS]:
            if isinstance(binding, Binding) and self.check_action(binding.action, ()) is False:
                continue  # a key that does nothing on this screen is not offered
            if isinstance(binding, Binding) and binding.show and binding.description:
                keys.append(f"{_key_name(binding.key)} {binding.description}")
            elif isinstance(binding, tuple) and len(binding) == 3:
                keys.append(f"{_key_name(binding[0])} {binding[2]}")
        return Static("  ".join(keys), id="key-bar", markup=False)


def _key_name(key: str) -> str:
    """How a key is printed on a keyboard: "F1", "Esc", "Ctrl+Q"."""
    first = key.split(",")[0]
    names = {"escape": "Esc", "enter": "Enter"}
    if first in names:
        return names[first]
    return "+".join(
        part.upper() if len(part) <= 3 else part.capitalize() for part in first.split("+")
    ).replace("CTRL", "Ctrl")
