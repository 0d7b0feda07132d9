"""After the meeting: "How did the meeting go?", one question per screen, then a thank-you list.

Faces (happy, OK, sad) are big buttons with their picture and word; every question also takes
"Skip" and "I don't know"; the last question takes the patient's own words (or words written by
staff, marked so). Each answer is saved the moment it is given, through ``FeedbackBench``. The
screens replace one another, so Escape goes back to where feedback was started from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, RadioSet, Static, TextArea

from pcpv.errors import PcpvError
from pcpv.feedback import NO_ANSWER, FeedbackKind, FeedbackQuestion
from pcpv.model import WordsBy
from pcpv.ui import help as help_texts
from pcpv.ui.feedback_bench import FeedbackBench, answer_words
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.choice import PictureChoice, symbol_pictures
from pcpv.ui.widgets.picture import image_widget_class
from pcpv.ui.widgets.toggles import ClearRadioButton as RadioButton


def open_feedback(screen: WizardScreen) -> None:
    """Start the feedback over ``screen``, at the first question not answered yet."""
    try:
        bench = screen.wizard.feedback_bench()
        index = next((i for i, q in enumerate(bench.questions) if bench.answer(q.id) is None), 0)
    except PcpvError as error:
        screen.notify(f"{error.message} {error.hint}", severity="error", title="Feedback")
        return
    screen.app.push_screen(FeedbackScreen(index))


class FeedbackScreen(WizardScreen):
    """One feedback question and its answers."""

    PLAIN_HELP = help_texts.FEEDBACK
    HEADING = "How did the meeting go?"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f3", "back", "Back", priority=True),
        Binding("f4", "next", "Next", priority=True),
        Binding("escape", "close", "Session"),
    ]

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    @property
    def bench(self) -> FeedbackBench:
        return self.wizard.feedback_bench()

    @property
    def question(self) -> FeedbackQuestion:
        return self.bench.questions[self.index]

    def compose(self) -> ComposeResult:
        question = self.question
        answer = self.bench.answer(question.id)
        name = self.wb.project.info.name
        graphics = self.wizard.graphics
        so_far = answer_words(question, answer) or "not answered yet"
        yield self.title_bar()
        with VerticalScroll(classes="body", id="feedback-body"):
            yield Static(
                f"Question {self.index + 1} of {len(self.bench.questions)}  |  "
                f"answer so far: {so_far}",
                id="where",
                classes="value",
                markup=False,
            )
            with Horizontal(id="question-row"):
                yield image_widget_class(graphics)(id="question-symbol")
                yield Static(question.question, id="question", markup=False)
            if question.note:
                yield Static(f"For the SALT: {question.note}", id="note", markup=False)
            others = [o for o in question.options if o.id in NO_ANSWER]
            if question.kind is FeedbackKind.FACE:
                with Horizontal(id="answers"):
                    for option in question.options:
                        if option.id not in NO_ANSWER:
                            yield PictureChoice(
                                option.words,
                                button_id=f"answer-{option.id}",
                                graphics=graphics,
                                symbol=option.symbols[0] if option.symbols else "",
                            )
            elif question.kind is FeedbackKind.CHOICE:
                with Vertical(id="answers"):
                    for option in question.options:
                        if option.id not in NO_ANSWER:
                            yield Button(option.words, id=f"answer-{option.id}")
            else:
                yield Label(f"{name}'s answer, in words:", classes="field-label")
                by = answer.words_by if answer else WordsBy.PATIENT
                with RadioSet(id="words-by"):
                    yield RadioButton(f"{name}'s own words", value=by is WordsBy.PATIENT)
                    yield RadioButton("Written by staff", value=by is WordsBy.STAFF)
                words = answer.words if answer else ""
                yield TextArea(words, id="words", soft_wrap=True, tab_behavior="focus")
                with Horizontal(classes="row-buttons"):
                    yield Button("Save these words", id="save-words", variant="primary")
                    yield Button("Add a recording", id="add-recording")
                yield Static(self._recordings_text(), id="recordings", classes="message")
            with Horizontal(classes="row-buttons", id="no-answer"):
                for option in others:
                    yield Button(option.words, id=f"answer-{option.id}")
            if self.index == len(self.bench.questions) - 1:
                yield Static(
                    "Staff answer their own questions with 'pcpv feedback' (by role only).",
                    classes="hint",
                )
        with Horizontal(classes="button-bar"):
            yield Button("Back", id="back")
            yield Button("Next", id="next")
            yield Button("Done", id="close")
        yield self.key_bar()

    def on_mount(self) -> None:
        first = self.query("#answers Button") or self.query("#words")
        (first.first() if first else self.query_one("#next", Button)).focus()
        self._load_pictures()

    @work(thread=True, exclusive=True, group="feedback-pictures")
    def _load_pictures(self) -> None:
        library = self.wizard.symbol_library()
        words = [*self.question.symbols[:1], *(c.symbol for c in self.query(PictureChoice))]
        pictures = symbol_pictures(library, words)
        self.app.call_from_thread(self._show_pictures, pictures)

    def _show_pictures(self, pictures: dict[str, Any]) -> None:
        if self.question.symbols and self.question.symbols[0] in pictures:
            for widget in self.query("#question-symbol"):
                widget.image = pictures[self.question.symbols[0]]  # type: ignore[attr-defined]
        for choice in self.query(PictureChoice):
            if choice.symbol in pictures:
                choice.show(pictures[choice.symbol])

    # -- answers -----------------------------------------------------------------------------
    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if not button_id.startswith("answer-"):
            return
        event.stop()
        value = button_id.removeprefix("answer-")
        try:
            self.bench.choose(self.question.id, value)
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
            return
        option = next(o for o in self.question.options if o.id == value)
        self.notify(f"Saved: {option.words}")
        self._go(self.index + 1)

    def _typed(self) -> tuple[str, WordsBy] | None:
        boxes = self.query("#words")
        if not boxes:
            return None
        by = self.query_one("#words-by", RadioSet).pressed_index
        return boxes.first(TextArea).text, WordsBy.STAFF if by == 1 else WordsBy.PATIENT

    def flush(self) -> bool:
        """Save typed words that are not saved yet (on leaving, and when the app quits).
        True when something was saved."""
        typed = self._typed()
        if typed is None or self.wizard.workbench is None:
            return False
        words, by = typed
        saved = self.bench.answer(self.question.id)
        if not words.strip() or (saved and saved.words == words and saved.words_by is by):
            return False
        try:
            self.bench.save_words(self.question.id, words, by)
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
            return False
        return True

    @on(Button.Pressed, "#save-words")
    def save_words(self) -> None:
        typed = self._typed()
        if typed is None or not typed[0].strip():
            self.notify("Type the words first, or press Skip.")
            self.query_one("#words", TextArea).focus()
            return
        self.flush()
        self.notify("Saved the words.")
        self._go(self.index + 1)

    # -- a recording -------------------------------------------------------------------------
    def _recordings_text(self) -> str:
        answer = self.bench.answer(self.question.id)
        names = [m.original_name or m.file for m in answer.media] if answer else []
        return f"Recordings: {', '.join(names)}" if names else ""

    @on(Button.Pressed, "#add-recording")
    def add_recording(self) -> None:
        from pcpv.ui.screens.media import MediaPickScreen

        self.flush()
        self.app.push_screen(
            MediaPickScreen(for_text=f"a recording of: {self.question.question}"),
            self._recording_chosen,
        )

    def _recording_chosen(self, choice: tuple[Path, str] | None) -> None:
        if choice is not None:
            self.query_one("#recordings", Static).update(f"Checking '{choice[0].name}'...")
            self._add_recording(choice[0])

    @work(thread=True, exclusive=True, group="add-recording")
    def _add_recording(self, path: Path) -> None:
        try:
            self.bench.add_recording(self.question.id, path)
        except PcpvError as error:
            text = f"Not added: {error.message} {error.hint}".strip()
            self.app.call_from_thread(self._recording_said, text, True)
            return
        except OSError as error:
            text = f"pcpv could not copy '{path.name}' into the project ({error.strerror})."
            self.app.call_from_thread(self._recording_said, text, True)
            return
        self.app.call_from_thread(self._recording_said, self._recordings_text(), False)

    def _recording_said(self, text: str, refused: bool) -> None:
        self.query_one("#recordings", Static).update(text)
        if refused:
            self.notify(text, severity="error", title="This file cannot be used", timeout=10)

    # -- moving around -----------------------------------------------------------------------
    def _go(self, index: int) -> None:
        self.flush()
        if index >= len(self.bench.questions):
            self.app.switch_screen(FeedbackDoneScreen())
        elif index >= 0:
            self.app.switch_screen(FeedbackScreen(index))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.index == 0:
            self.notify("This is the first question.")
            return
        self._go(self.index - 1)

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        self._go(self.index + 1)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.flush()
        self.app.pop_screen()


class FeedbackDoneScreen(WizardScreen):
    """Thank you, and every answer given so far."""

    PLAIN_HELP = help_texts.FEEDBACK
    HEADING = "How did the meeting go?"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Session")]

    def compose(self) -> ComposeResult:
        bench = self.wizard.feedback_bench()
        lines = [f"Thank you, {self.wb.project.info.name}. Your answers are saved.", ""]
        for number, question in enumerate(bench.questions, start=1):
            said = answer_words(question, bench.answer(question.id)) or "not answered"
            lines.append(f"{number}. {question.question}  {said}")
        yield self.title_bar()
        with VerticalScroll(classes="body"):
            yield Static("\n".join(lines), id="answers-text", markup=False)
        with Horizontal(classes="button-bar"):
            yield Button("Done", id="close", variant="primary")
            yield Button("Change an answer", id="again")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#again")
    def again(self) -> None:
        self.app.switch_screen(FeedbackScreen(0))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.app.pop_screen()


__all__ = ["FeedbackDoneScreen", "FeedbackScreen", "open_feedback"]
