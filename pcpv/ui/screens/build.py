"""Make the deck: a progress bar while it is built, then the checker's summary and where it is."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, ProgressBar, Static

from pcpv.errors import MediaError, PcpvError
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.screens.review import finding_line

SHOW_FINDINGS = 8
"""How many of the checker's findings the build screen lists (the review shows all)."""


def check_summary(report: Any) -> str:
    """The checker's verdict on the new deck in one or two plain sentences."""
    if report is None:
        return "The deck checker is not available in this copy of pcpv."
    if getattr(report, "unreadable", ""):
        return f"The checker could not read the new deck: {report.unreadable}"
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in report.findings:
        key = getattr(finding.severity, "value", str(finding.severity))
        counts[key] = counts.get(key, 0) + 1
    if not any(counts.values()):
        return "The checker found nothing to change."
    return (
        f"The checker found {counts['error']} thing(s) that must be fixed, "
        f"{counts['warning']} to look at and {counts['info']} note(s)."
    )


def _files(count: int) -> str:
    return "1 photo, sound or video" if count == 1 else f"{count} photos, sounds and videos"


class BuildScreen(WizardScreen):
    """Builds the deck when it opens."""

    PLAIN_HELP = help_texts.BUILD
    HEADING = "Make the deck"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        """The ``BuildResult`` once the deck is made."""
        self.building = False

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with VerticalScroll(classes="body"):
            yield Static("Making the deck...", id="build-status", classes="lead", markup=False)
            yield ProgressBar(id="build-progress", show_eta=False)
            yield Static("", id="build-result", markup=False)
        with Horizontal(classes="button-bar"):
            yield Button("Back", id="close", variant="primary")
            yield Button("Make it again", id="again")
            yield Button("Make it without the bad files", id="skip-bad")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#skip-bad", Button).display = False
        self.start()

    def start(self, *, skip_bad_media: bool = False) -> None:
        if self.building:
            return
        self.app.save_all()  # type: ignore[attr-defined]
        self.building = True
        self.query_one("#again", Button).disabled = True
        self.query_one("#skip-bad", Button).display = False
        self.query_one("#build-status", Static).update("Making the deck...")
        self.query_one("#build-result", Static).update("")
        self.query_one("#build-progress", ProgressBar).update(total=None, progress=0)
        self._build(skip_bad_media)

    @work(thread=True, exclusive=True, group="build")
    def _build(self, skip_bad_media: bool) -> None:
        def progress(done: int, total: int, text: str) -> None:
            self.app.call_from_thread(self._progress, done, total, text)

        try:
            from pcpv.deck import build_deck
        except ImportError:
            self.app.call_from_thread(
                self._failed,
                PcpvError("This copy of pcpv cannot make decks yet.", hint="Update pcpv."),
                False,
            )
            return
        try:
            with self.wb.lock:
                result = build_deck(
                    self.wb.project, progress=progress, skip_bad_media=skip_bad_media
                )
        except MediaError as error:
            self.app.call_from_thread(self._failed, error, True)
            return
        except PcpvError as error:
            self.app.call_from_thread(self._failed, error, False)
            return
        except Exception as error:  # say it plainly; the project itself is untouched
            self.app.call_from_thread(
                self._failed,
                PcpvError(
                    f"Something went wrong while making the deck ({type(error).__name__}: {error}).",
                    hint="Your answers are safe. Try again; if it happens again, tell your IT team.",
                ),
                False,
            )
            return
        self.app.call_from_thread(self._done, result)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.query_one("#build-progress", ProgressBar).update(total=max(total, 1), progress=done)
        if text:
            self.query_one("#build-status", Static).update(text)

    def _done(self, result: Any) -> None:
        self.building = False
        self.result = result
        bar = self.query_one("#build-progress", ProgressBar)
        bar.update(total=1, progress=1)
        lines = [
            f"The deck is ready: {result.path}",
            f"It has {result.slides} slides and {_files(result.media_files)}.",
            check_summary(result.check),
        ]
        if result.check is not None:
            findings = list(result.check.findings)[:SHOW_FINDINGS]
            lines += [f"  - {finding_line(f)}" for f in findings]
        lines += [f"Left out: {text}" for text in result.skipped]
        lines += [f"Note: {text}" for text in result.notes]
        self.query_one("#build-status", Static).update("Done.")
        self.query_one("#build-result", Static).update("\n".join(lines))
        self.query_one("#again", Button).disabled = False
        self.query_one("#close", Button).focus()

    def _failed(self, error: PcpvError, bad_media: bool) -> None:
        self.building = False
        self.query_one("#build-status", Static).update("The deck was not made.")
        self.query_one("#build-result", Static).update(f"{error.message}\n{error.hint}".strip())
        self.query_one("#again", Button).disabled = False
        self.query_one("#skip-bad", Button).display = bad_media
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#again")
    def _again(self) -> None:
        self.start()

    @on(Button.Pressed, "#skip-bad")
    def _skip_bad(self) -> None:
        self.start(skip_bad_media=True)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        if self.building:
            self.notify("Please wait: the deck is being made.")
            return
        self.app.pop_screen()
