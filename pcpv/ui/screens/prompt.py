"""One question on its own screen: the question and its symbol, the SALT's note, the answer.

The words are saved while they are typed: at most ``SAVE_DELAY`` seconds after a key, and at once
when the screen is left or the app quits. Everything else (a choice, a file, symbols, skip) is
saved the moment it happens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Label, OptionList, RadioSet, Static, TextArea

from pcpv.errors import PcpvError
from pcpv.model import STATE_WORDS, MediaItem, PromptState, WordsBy
from pcpv.questions import AnswerKind, Prompt
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.picture import image_widget_class, load_preview
from pcpv.ui.widgets.rows import plain_option
from pcpv.ui.widgets.toggles import ClearRadioButton as RadioButton
from pcpv.ui.workbench import KIND_WORDS, MEDIA_KINDS, Added, media_name

SAVE_DELAY = 0.3
"""Seconds between a key press in the answer and the save (the brief allows at most 0.5)."""
QUESTION_SYMBOL_PX = 160
"""Size the question's symbol is drawn at before the terminal shrinks it."""


def either(words: list[str]) -> str:
    """ "photo", "photo or sound", "photo, sound or video"."""
    return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]])) if words else "file"


def words_hint(findings: list[Any], *, patient: bool, name: str) -> str:
    """The live easy-read hint under the answer, from the checker's findings."""
    if patient:
        note = next((f.message for f in findings), "")
        base = f"These are {name}'s own words. They go on the slide exactly as written."
        return f"{base} {note}".strip()
    if not findings:
        return "Easy read: these words look clear."
    first = findings[0]
    more = len(findings) - 1
    extra = f" (and {more} more tip{'s' if more > 1 else ''} in Review)" if more else ""
    return f"Easy-read tip: {first.message} {first.fix}{extra}".strip()


def symbol_names(library: Any, refs: list[str]) -> dict[str, str]:
    """What each symbol means, for the list under the answer ("football (OpenMoji)")."""
    names = {}
    for ref in refs:
        try:
            match = library.resolve(ref)
        except Exception:  # a reference to a set that has gone
            match = None
        names[ref] = f"{match.name} ({match.set_name})" if match else f"{ref} (not found)"
    return names


class PromptScreen(WizardScreen):
    """The question ``prompt_id``, and everything that answers it."""

    PLAIN_HELP = help_texts.PROMPT
    HEADING = "A question"
    # Priority: the answer box has its own F6 and F7 (select line, select all).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "undo", "Undo", priority=True),
        Binding("f3", "back", "Back", priority=True),
        Binding("f4", "next", "Next", priority=True),
        Binding("f5", "skip", "Skip", priority=True),
        Binding("f6", "not_today", "Not today", priority=True),
        Binding("f7", "review", "Review", priority=True),
        Binding("escape", "home", "Session"),
    ]

    def __init__(self, prompt_id: str) -> None:
        super().__init__()
        self.prompt_id = prompt_id
        self._pending: Timer | None = None

    @property
    def prompt(self) -> Prompt:
        return self.wb.project.prompt(self.prompt_id)

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        prompt = self.prompt
        answer = self.wb.answer(prompt.id)
        name = self.wb.project.info.name
        yield self.title_bar()
        with VerticalScroll(classes="body", id="prompt-body"):
            yield Static(self._where_text(), id="where", classes="value")
            with Horizontal(id="question-row"):
                yield image_widget_class(self.wizard.graphics)(id="question-symbol")
                yield Static(self.wb.question(prompt), id="question", markup=False)
            note = self.wb.note(prompt)
            if note:
                yield Static(f"For the SALT: {note}", id="note", markup=False)
            if AnswerKind.CHOICE in prompt.answers and prompt.choices:
                yield Label("Choose one:", classes="field-label")
                with RadioSet(id="choice"):
                    for choice in prompt.choices:
                        yield RadioButton(choice, value=answer.choice == choice)
            if AnswerKind.WORDS in prompt.answers or answer.words:
                yield Label("The answer, in words:", classes="field-label")
                with RadioSet(id="words-by"):
                    yield RadioButton(
                        f"{name}'s own words", value=answer.words_by is WordsBy.PATIENT
                    )
                    yield RadioButton("Written by staff", value=answer.words_by is WordsBy.STAFF)
                yield TextArea(answer.words, id="words", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="hint", classes="hint")
            if any(k in MEDIA_KINDS for k in prompt.answers) or answer.media:
                kinds = [
                    KIND_WORDS[MEDIA_KINDS[k]].lower() for k in prompt.answers if k in MEDIA_KINDS
                ]
                yield Label(f"Add a {either(kinds)}:", classes="field-label")
                yield OptionList(id="media")
                with Horizontal(classes="row-buttons"):
                    yield Button("Add a file", id="add-media")
                    yield Button("Change words", id="edit-caption")
                    yield Button("Remove file", id="remove-media")
                yield Static("", id="media-message", classes="message")
            if AnswerKind.SYMBOLS in prompt.answers or answer.symbols:
                yield Label("Symbols for the answer:", classes="field-label")
                yield OptionList(id="symbols")
                with Horizontal(classes="row-buttons"):
                    yield Button("Choose symbols", id="choose-symbols")
                    yield Button("Remove symbol", id="remove-symbol")
        with Horizontal(classes="button-bar"):
            yield Button("Back", id="back")
            yield Button("Next", id="next", variant="primary")
            yield Button("Skip", id="skip")
            yield Button("Not today", id="not-today")
            yield Button("Undo", id="undo")
            yield Button("Review", id="review")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.show_media()
        self.show_symbols()
        self._load_pictures()
        words = self.query("#words")
        if words:
            box = words.first(TextArea)
            box.move_cursor(box.document.end)  # carry on writing where the answer stops
            box.focus()
            self._check_words()
        else:
            self.query_one("#next", Button).focus()

    def _where_text(self) -> str:
        prompt = self.prompt
        section = self.wb.section_of(prompt)
        position = [p.id for p in section.prompts].index(prompt.id) + 1
        state = STATE_WORDS[self.wb.answer(prompt.id).state]
        return f"{section.title}  |  question {position} of {len(section.prompts)}  |  {state}"

    # -- words -------------------------------------------------------------------------------
    @on(TextArea.Changed, "#words")
    def _words_changed(self) -> None:
        if self._pending is None:
            self._pending = self.set_timer(SAVE_DELAY, self.flush)

    @on(RadioSet.Changed, "#words-by")
    def _whose_changed(self) -> None:
        self.flush()
        self._check_words()

    def _words_by(self) -> WordsBy:
        index = self.query_one("#words-by", RadioSet).pressed_index
        return WordsBy.STAFF if index == 1 else WordsBy.PATIENT

    def flush(self) -> None:
        """Save the words now if they changed (called by the timer, on leaving and on quitting)."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        boxes = self.query("#words")
        if not boxes or self.wizard.workbench is None:
            return
        text = boxes.first(TextArea).text
        try:
            changed = self.wb.save_words(self.prompt_id, text, self._words_by())
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
            return
        if changed:
            self.query_one("#where", Static).update(self._where_text())
            self._check_words()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "words":
            self.flush()
            self.wb.end_typing()

    def _check_words(self) -> None:
        boxes = self.query("#words")
        if boxes:
            self._run_check(boxes.first(TextArea).text, self._words_by() is WordsBy.PATIENT)

    @work(thread=True, exclusive=True, group="hint")
    def _run_check(self, text: str, patient: bool) -> None:
        findings: list[Any] = []
        try:
            from pcpv.check import check_text

            findings = check_text(text, patient_words=patient, where=self.prompt_id)
        except Exception:  # the hint is a help; without the checker the answer still saves
            findings = []
        hint = words_hint(findings, patient=patient, name=self.wb.project.info.name)
        if not text.strip():
            hint = "Type the answer here. It is saved as you type."
        self.app.call_from_thread(self._show_hint, hint)

    def _show_hint(self, text: str) -> None:
        for hint in self.query("#hint"):
            hint.update(text)  # type: ignore[attr-defined]

    # -- choice ------------------------------------------------------------------------------
    @on(RadioSet.Changed, "#choice")
    def _choice_changed(self, event: RadioSet.Changed) -> None:
        choice = self.prompt.choices[event.index]
        self.flush()
        self.wb.set_choice(self.prompt_id, choice)
        self.query_one("#where", Static).update(self._where_text())

    # -- media -------------------------------------------------------------------------------
    def show_media(self, details: dict[str, str] | None = None) -> None:
        lists = self.query("#media")
        if not lists:
            return
        media = lists.first(OptionList)
        media.clear_options()
        items = self.wb.answer(self.prompt_id).media
        for item in items:
            media.add_option(plain_option(self._media_line(item, details or {}), id=item.sha256))
        if not items:
            media.add_option(plain_option("(nothing added yet)", id="", disabled=True))
        else:
            self._load_media_details(list(items))

    def _media_line(self, item: MediaItem, details: dict[str, str]) -> str:
        name = item.original_name or Path(item.file).name
        extra = details.get(item.sha256, "")
        line = f"{KIND_WORDS[item.kind]}: {name}" + (f" ({extra})" if extra else "")
        if item.caption:
            line += f' - "{item.caption}"'
        return line

    @work(thread=True, exclusive=True, group="media-details")
    def _load_media_details(self, items: list[MediaItem]) -> None:
        details = {item.sha256: self.wb.media_details(item) for item in items}
        self.app.call_from_thread(self._show_details, details)

    def _show_details(self, details: dict[str, str]) -> None:
        lists = self.query("#media")
        if not lists:
            return
        media = lists.first(OptionList)
        for item in self.wb.answer(self.prompt_id).media:
            try:
                media.replace_option_prompt(item.sha256, Text(self._media_line(item, details)))
            except Exception:
                continue

    @on(Button.Pressed, "#add-media")
    def add_media(self) -> None:
        from pcpv.ui.screens.media import MediaPickScreen

        self.flush()
        self.app.push_screen(MediaPickScreen(self.prompt), self._media_chosen)

    def _media_chosen(self, choice: tuple[Path, str] | None) -> None:
        if choice is None:
            return
        path, caption = choice
        self._say_media(f"Checking '{path.name}'...")
        self._add_media(path, caption)

    @work(thread=True, exclusive=True, group="add-media")
    def _add_media(self, path: Path, caption: str) -> None:
        try:
            added = self.wb.add_media(self.prompt, path, caption=caption)
        except PcpvError as error:
            self.app.call_from_thread(self._media_refused, error)
            return
        except OSError as error:
            refusal = PcpvError(
                f"pcpv could not copy '{path.name}' into the project ({error.strerror}).",
                hint="Check there is room on the disk, then try again.",
            )
            self.app.call_from_thread(self._media_refused, refusal)
            return
        self.app.call_from_thread(self._media_added, added)

    def _media_added(self, added: Added) -> None:
        extra = f" ({added.details})" if added.details else ""
        self._say_media(f"Added {media_name(added.item)}{extra}. " + " ".join(added.notes))
        self.show_media()
        self.query_one("#where", Static).update(self._where_text())

    def _media_refused(self, error: PcpvError) -> None:
        text = f"Not added: {error.message} {error.hint}".strip()
        self._say_media(text)
        self.notify(text, severity="error", title="This file cannot be used", timeout=10)

    def _say_media(self, text: str) -> None:
        for message in self.query("#media-message"):
            message.update(text)  # type: ignore[attr-defined]

    @on(Button.Pressed, "#remove-media")
    def remove_media(self) -> None:
        item = self._highlighted_media()
        if item is None:
            self.notify("First choose the file to remove, in the list above.")
            return
        from pcpv.ui.screens.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.wb.remove_media(self.prompt_id, item.sha256)
                self.show_media()
                self._say_media(f"Removed {media_name(item)}. Undo (F2) puts it back.")

        self.app.push_screen(
            ConfirmScreen(f"Remove {media_name(item)} from this answer?", yes="Yes, remove it"),
            answered,
        )

    @on(Button.Pressed, "#edit-caption")
    def edit_caption(self) -> None:
        item = self._highlighted_media()
        if item is None:
            self.notify("First choose the file in the list above.")
            return
        from pcpv.ui.screens.dialogs import CaptionScreen

        def answered(caption: str | None) -> None:
            if caption is None:
                return
            try:
                changed = self.wb.set_caption(self.prompt_id, item.sha256, caption)
            except PcpvError as error:
                self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
                return
            if changed is None:
                self.notify("That file is no longer on this answer.")
            self.show_media()
            self._say_media(f"Changed the words for {media_name(item)}. Undo (F2) puts them back.")

        self.flush()
        self.app.push_screen(CaptionScreen(media_name(item), item.caption), answered)

    def _highlighted_media(self) -> MediaItem | None:
        lists = self.query("#media")
        if not lists:
            return None
        media = lists.first(OptionList)
        if media.highlighted is None:
            return None
        sha = media.get_option_at_index(media.highlighted).id
        return next((m for m in self.wb.answer(self.prompt_id).media if m.sha256 == sha), None)

    # -- symbols -----------------------------------------------------------------------------
    def show_symbols(self, names: dict[str, str] | None = None) -> None:
        lists = self.query("#symbols")
        if not lists:
            return
        symbols = lists.first(OptionList)
        symbols.clear_options()
        refs = self.wb.answer(self.prompt_id).symbols
        library = self.wizard.loaded_library
        if names is None and library is not None:
            names = symbol_names(library, refs)
        for ref in refs:
            symbols.add_option(plain_option((names or {}).get(ref, ref), id=ref))
        if not refs:
            symbols.add_option(plain_option("(no symbols chosen yet)", id="", disabled=True))
        elif names is None:
            self._load_symbol_names(list(refs))

    @work(thread=True, exclusive=True, group="symbol-names")
    def _load_symbol_names(self, refs: list[str]) -> None:
        library = self.wizard.symbol_library()
        if library is not None:
            self.app.call_from_thread(self.show_symbols, symbol_names(library, refs))

    @on(Button.Pressed, "#choose-symbols")
    def choose_symbols(self) -> None:
        from pcpv.ui.screens.symbols import SymbolScreen

        self.flush()
        words = self.wb.answer(self.prompt_id).words
        self.app.push_screen(
            SymbolScreen(self.prompt_id, words, self.wb.answer(self.prompt_id).symbols),
            self._symbols_chosen,
        )

    def _symbols_chosen(self, refs: list[str] | None) -> None:
        if refs is None:
            return
        self.wb.set_symbols(self.prompt_id, refs)
        self.show_symbols()
        self.query_one("#where", Static).update(self._where_text())

    @on(Button.Pressed, "#remove-symbol")
    def remove_symbol(self) -> None:
        lists = self.query("#symbols")
        symbols = lists.first(OptionList) if lists else None
        if symbols is None or symbols.highlighted is None:
            self.notify("First choose the symbol to remove, in the list above.")
            return
        option = symbols.get_option_at_index(symbols.highlighted)
        if not option.id:
            return
        from pcpv.ui.screens.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes and option.id:
                self.wb.remove_symbol(self.prompt_id, option.id)
                self.show_symbols()
                self.notify("Removed the symbol. Undo (F2) puts it back.")

        self.app.push_screen(
            ConfirmScreen(f"Remove the symbol '{option.prompt}'?", yes="Yes, remove it"),
            answered,
        )

    # -- the question's picture --------------------------------------------------------------
    @work(thread=True, exclusive=True, group="question-picture")
    def _load_pictures(self) -> None:
        library = self.wizard.symbol_library()
        if library is None:
            return
        for keyword in self.prompt.symbols:
            try:
                match = library.lookup(keyword)
                if match is None:
                    continue
                image = load_preview(library.render_png(match.ref, QUESTION_SYMBOL_PX))
            except Exception:  # a picture that cannot be drawn is left out
                continue
            self.app.call_from_thread(self._show_question_picture, image)
            return

    def _show_question_picture(self, image: Any) -> None:
        for widget in self.query("#question-symbol"):
            widget.image = image  # type: ignore[attr-defined]

    # -- reloading after undo ----------------------------------------------------------------
    def reload(self) -> None:
        """Show the answer as saved (after undo)."""
        answer = self.wb.answer(self.prompt_id)
        boxes = self.query("#words")
        if boxes:
            box = boxes.first(TextArea)
            if box.text != answer.words:
                box.text = answer.words
            buttons = list(self.query_one("#words-by", RadioSet).query(RadioButton))
            buttons[1 if answer.words_by is WordsBy.STAFF else 0].value = True
        choices = self.query("#choice")
        if choices:
            if answer.choice not in self.prompt.choices:
                # A radio set cannot go back to "none chosen": draw the question afresh.
                self.app.switch_screen(PromptScreen(self.prompt_id))
                return
            buttons = list(choices.first(RadioSet).query(RadioButton))
            buttons[self.prompt.choices.index(answer.choice)].value = True
        self.show_media()
        self.show_symbols()
        self.query_one("#where", Static).update(self._where_text())

    # -- moving around -----------------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()

    def _go(self, prompt_id: str | None) -> None:
        self.flush()
        self.wb.end_typing()
        if prompt_id is None:
            self.app.pop_screen()
        else:
            self.app.switch_screen(PromptScreen(prompt_id))

    def _neighbour(self, step: int) -> str | None:
        prompts = self.wb.prompts()
        index = self.wb.prompt_index(self.prompt_id) + step
        return prompts[index].id if 0 <= index < len(prompts) else None

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self._go(self._neighbour(-1))

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        following = self._neighbour(1)
        if following is None:
            self.flush()
            self.action_review()
        else:
            self._go(following)

    def action_home(self) -> None:
        self._go(None)

    def _mark(self, state: PromptState, words: str) -> None:
        self.flush()
        self.wb.set_state(self.prompt_id, state)
        self.notify(words)
        self.action_next()

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self._mark(PromptState.SKIPPED, "Skipped. The review lists it if you change your mind.")

    @on(Button.Pressed, "#not-today")
    def action_not_today(self) -> None:
        self._mark(PromptState.NOT_TODAY, "Not today. It waits for another session.")

    @on(Button.Pressed, "#undo")
    def action_undo(self) -> None:
        self.flush()
        step = self.wb.undo()
        if step is None:
            self.notify("There is nothing to undo.")
            return
        if step.prompt_id == self.prompt_id:
            self.reload()
            self.notify(f"Undone: {step.label}.")
        else:
            question = self.wb.question(self.wb.project.prompt(step.prompt_id))
            self.notify(f"Undone: {step.label}, on '{question}'.")

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        from pcpv.ui.screens.review import ReviewScreen

        self.flush()
        self.app.push_screen(ReviewScreen(), self._reviewed)

    def _reviewed(self, prompt_id: str | None) -> None:
        if prompt_id and prompt_id != self.prompt_id:
            self._go(prompt_id)
        elif prompt_id == self.prompt_id:
            self.reload()


__all__ = ["PromptScreen", "words_hint"]
