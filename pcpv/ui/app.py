"""The wizard: a Textual app a SALT and a patient fill in together, over several sessions.

Screens (in ``screens/``) show the project and post what the person did; every change goes
through ``Workbench`` (``workbench.py``), which saves it at once through the project's atomic
writes. The app holds the project's lock for as long as the project is open, so a second pcpv
cannot open it at the same time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from pcpv.deck import theme as deck_theme
from pcpv.project import Project
from pcpv.ui import help as help_texts
from pcpv.ui.consent_bench import ConsentBench
from pcpv.ui.feedback_bench import FeedbackBench
from pcpv.ui.recent import DisplaySettings, load_settings, remember_recent, save_settings
from pcpv.ui.widgets.picture import graphics_for_terminal
from pcpv.ui.workbench import Workbench

CALM_THEME = "pcpv-calm"
HIGH_CONTRAST_THEME = "pcpv-high-contrast"


def _themes() -> list[Theme]:
    cream = deck_theme.PALETTES[deck_theme.DEFAULT_PALETTE]
    return [
        # The deck's own cream palette: dark text on cream, as easy read advises.
        Theme(
            name=CALM_THEME,
            primary=f"#{cream.title}",
            secondary=f"#{cream.accent}",
            accent=f"#{cream.accent}",
            foreground=f"#{cream.text}",
            background=f"#{cream.background}",
            surface=f"#{cream.background}",
            panel=f"#{cream.quote_background}",
            warning="#7A4A00",
            error="#9B1C1C",
            success="#1B5E20",
            dark=False,
        ),
        Theme(
            name=HIGH_CONTRAST_THEME,
            primary="#FFFF00",
            secondary="#FFFFFF",
            accent="#FFFF00",
            foreground="#FFFFFF",
            background="#000000",
            surface="#000000",
            panel="#000000",
            boost="#000000",
            warning="#FFFF00",
            error="#FFFFFF",
            success="#FFFFFF",
            dark=True,
            luminosity_spread=0.0,
            text_alpha=1.0,
        ),
    ]


class WizardApp(App[int]):
    """``pcpv wizard``: the whole app. Open a project first with ``open_project`` (or let the
    start screen do it)."""

    CSS_PATH = "app.tcss"
    TITLE = "pcpv"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("f9", "display", "Display"),
        Binding("ctrl+q", "quit", "Save and quit", priority=True),
    ]

    def __init__(
        self,
        *,
        graphics: str = "auto",
        browse_from: Path | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.graphics = graphics
        """How pictures are drawn: see ``widgets.picture.GRAPHICS_MODES``."""
        self.browse_from = browse_from or Path.home()
        """Where the file browser starts."""
        self.today = today
        """The date to show as today (tests fix it; None means the real date)."""
        self.workbench: Workbench | None = None
        self.settings: DisplaySettings = load_settings()
        self._stack = contextlib.ExitStack()
        self._library: Any = None
        self._library_tried = False
        self._library_lock = threading.Lock()
        self._benches: dict[str, Any] = {}
        for item in _themes():
            self.register_theme(item)
        # Set before the first screen is drawn: changing the theme later restyles everything.
        self.apply_settings()

    # -- the project -------------------------------------------------------------------------
    def open_project(self, root: Path) -> Workbench:
        """Open ``root`` for writing and hold its lock until ``close_project``.

        Raises ``ProjectLockedError`` (plain words) when another pcpv has it open.
        """
        self.close_project()
        project = self._stack.enter_context(Project.open_for_writing(root))
        self.workbench = Workbench(project)
        self._benches = {}
        with contextlib.suppress(OSError):
            remember_recent(root)
        self._library, self._library_tried = None, False
        return self.workbench

    def close_project(self) -> None:
        """Save words in progress and release the project's lock."""
        self.save_all()
        self._stack.close()
        self._stack = contextlib.ExitStack()
        self.workbench = None

    def save_all(self) -> None:
        """Save anything typed but not saved yet, on every open screen."""
        for screen in list(getattr(self, "_screen_stack", [])):
            flush = getattr(screen, "flush", None)
            if callable(flush):
                with contextlib.suppress(Exception):
                    flush()

    @property
    def wb(self) -> Workbench:
        assert self.workbench is not None, "no project is open"
        return self.workbench

    def consent_bench(self) -> ConsentBench:
        """Consent for the open project; it remembers who and how for this sitting."""
        if "consent" not in self._benches:
            self._benches["consent"] = ConsentBench(self.wb)
        return self._benches["consent"]

    def feedback_bench(self) -> FeedbackBench:
        """The open project's feedback on its meeting."""
        if "feedback" not in self._benches:
            self._benches["feedback"] = FeedbackBench(self.wb)
        return self._benches["feedback"]

    def symbol_library(self) -> Any:
        """The project's ``SymbolLibrary``, loaded on first use (None when symbols are not
        available). Safe to call from a worker thread."""
        with self._library_lock:
            if not self._library_tried and self.workbench is not None:
                self._library_tried = True
                try:
                    from pcpv.symbols import SymbolLibrary

                    self._library = SymbolLibrary.load(self.workbench.project.root)
                except Exception:  # symbols are a help, never a reason to stop
                    self._library = None
            return self._library

    @property
    def loaded_library(self) -> Any:
        """The symbol library if it has been loaded already (never waits); else None."""
        return self._library

    def today_date(self) -> dt.date:
        return self.today or dt.date.today()

    # -- start-up ----------------------------------------------------------------------------
    def on_mount(self) -> None:
        if self.workbench is None:
            from pcpv.ui.screens.start import StartScreen

            self.push_screen(StartScreen())
        else:
            self.push_screen(self.first_screen())
            if self.wb.project.stale_lock is not None:
                self.notify(
                    "pcpv was not closed properly last time. Everything saved until then is here.",
                    title="Welcome back",
                    timeout=10,
                )
            self.call_after_refresh(self.preload)

    def first_screen(self) -> Any:
        from pcpv.ui.screens.about import AboutScreen
        from pcpv.ui.screens.session import SessionScreen

        return AboutScreen(first_time=True) if self.wb.first_time else SessionScreen()

    def preload(self) -> None:
        """Load the symbols and the checker in the background, so they are ready when needed."""
        self.run_worker(self._preload, thread=True, group="preload", exit_on_error=False)

    def _preload(self) -> None:
        self.symbol_library()
        with contextlib.suppress(Exception):
            from pcpv.check import load_plain_words

            load_plain_words()

    # -- display -----------------------------------------------------------------------------
    def apply_settings(self) -> None:
        theme = HIGH_CONTRAST_THEME if self.settings.high_contrast else CALM_THEME
        if self.theme != theme:
            self.theme = theme
        if self.has_class("-large") != self.settings.large_spacing:
            self.set_class(self.settings.large_spacing, "-large")

    def change_settings(self, settings: DisplaySettings) -> None:
        self.settings = settings
        self.apply_settings()
        with contextlib.suppress(OSError):
            save_settings(settings)

    # -- actions -----------------------------------------------------------------------------
    def action_help(self) -> None:
        from pcpv.ui.screens.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        text = getattr(self.screen, "PLAIN_HELP", help_texts.KEYS)
        self.push_screen(HelpScreen(text))

    def action_display(self) -> None:
        from pcpv.ui.screens.dialogs import DisplayScreen

        if isinstance(self.screen, DisplayScreen):
            return
        self.push_screen(DisplayScreen(self.settings), self._display_chosen)

    def _display_chosen(self, settings: DisplaySettings | None) -> None:
        if settings is not None:
            self.change_settings(settings)

    async def action_quit(self) -> None:
        self.save_all()
        self.exit(0)


def run_wizard(folder: Path | None) -> int:
    """Run the wizard in this terminal: on ``folder``, or from the start screen when None.

    Raises ``ProjectLockedError`` before the screen changes when the project is open elsewhere.
    """
    graphics = graphics_for_terminal(dict(os.environ))
    if graphics != "blocks":
        # textual-image asks the terminal what it can draw; that must happen before the app starts.
        try:
            import textual_image.widget  # noqa: F401
        except ImportError:
            graphics = "blocks"
    app = WizardApp(graphics=graphics)
    if folder is not None:
        app.open_project(folder)
    try:
        result = app.run()
    finally:
        app.close_project()
    return int(result or 0)
