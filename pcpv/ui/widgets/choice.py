"""A big answer button with its picture above it: "Yes" with a tick symbol, "Happy" with a face.

The picture is a help, never the only sign: the button always carries its word, and clicking the
picture presses the button. Pictures come from the project's symbol library, drawn in a worker
thread (``symbol_pictures``) and set with ``PictureChoice.show``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button

from pcpv.ui.widgets.picture import image_widget_class, load_preview

CHOICE_SYMBOL_PX = 120
"""Size a button's symbol is drawn at before the terminal shrinks it."""


class PictureChoice(Vertical):
    """A picture with a button under it. The button's id is ``button_id``."""

    def __init__(
        self,
        label: str,
        *,
        button_id: str,
        graphics: str,
        symbol: str = "",
        variant: str = "default",
    ) -> None:
        super().__init__(classes="picture-choice")
        self.label = label
        self.button_id = button_id
        self.graphics = graphics
        self.symbol = symbol
        """The word a symbol library looks up for the picture ("" for none)."""
        self.variant = variant

    def compose(self) -> ComposeResult:
        yield image_widget_class(self.graphics)(classes="choice-picture")
        yield Button(self.label, id=self.button_id, variant=self.variant)  # type: ignore[arg-type]

    def show(self, image: Any) -> None:
        """Draw ``image`` (a PIL image) above the button."""
        for picture in self.query(".choice-picture"):
            picture.image = image  # type: ignore[attr-defined]

    def on_click(self, event: events.Click) -> None:
        # The button stops its own clicks, so this is a click on the picture (or beside it).
        # Pressed from the button's own turn: sent from here, it would stop at this widget.
        event.stop()
        button = self.query_one(Button)
        button.call_later(button.press)


def symbol_pictures(library: Any, words: Iterable[str]) -> dict[str, Any]:
    """A picture for each symbol word (or reference such as "openmoji:26BD") the library knows;
    the ones it does not know are left out."""
    pictures: dict[str, Any] = {}
    if library is None:
        return pictures
    for word in words:
        if not word or word in pictures:
            continue
        try:
            match = library.resolve(word)
            if match is not None:
                pictures[word] = load_preview(library.render_png(match.ref, CHOICE_SYMBOL_PX))
        except Exception:  # a picture that cannot be drawn is left out; the word stays
            continue
    return pictures
