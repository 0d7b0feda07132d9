"""Symbols for an answer: suggested from its words, searchable, a different one for any word.

Returns the chosen symbol references with ``dismiss`` (None: leave them as they were). A symbol
picked for a word is also pinned for the project, so the same word gets it everywhere in the deck.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Static

from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.picture import image_widget_class, load_preview
from pcpv.ui.widgets.rows import plain_option

SEARCH_LIMIT = 30
PREVIEW_PX = 128


@dataclass
class Row:
    """One line of the left-hand list: a word of the answer (or an extra symbol) and its symbol."""

    word: str
    """The word or phrase as written ("" for an extra symbol not tied to a word)."""
    lemma: str
    """The key pins are stored under ("" for extras)."""
    ref: str
    """The symbol reference, or "" when there is none."""
    name: str
    """What the symbol means, for people."""
    used: bool
    """True when the symbol goes into the answer."""

    def label(self) -> str:
        mark = "[x]" if self.used else "[ ]"
        if not self.ref:
            return f"{mark} {self.word}: no symbol found"
        if not self.word:
            return f"{mark} extra: {self.name}"
        return f"{mark} {self.word}: {self.name}"


def suggested_rows(library: Any, words: str, current: list[str]) -> list[Row]:
    """Rows for the words of ``words`` (with pcpv's or the pinned symbol), then extras from
    ``current``. With no symbols chosen yet every suggestion is ticked."""
    rows: list[Row] = []
    for found in library.symbolise(words) if words.strip() else []:
        match = found.match
        ref = match.ref if match else ""
        used = (ref in current) if current else bool(ref)
        rows.append(Row(found.text, found.lemma, ref, match.name if match else "", used))
    known = {row.ref for row in rows}
    for ref in current:
        if ref not in known:
            match = library.resolve(ref)
            rows.append(Row("", "", ref, match.name if match else ref, True))
    return rows


class SymbolScreen(WizardScreen):
    """Choose the symbols of one answer."""

    PLAIN_HELP = help_texts.SYMBOLS
    HEADING = "Symbols"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt_id: str, words: str, current: list[str]) -> None:
        super().__init__()
        self.prompt_id = prompt_id
        self.words = words
        self.current = list(current)
        self.rows: list[Row] = []
        self.library: Any = None
        self.pins: dict[str, str] = {}
        """Words given a different symbol here: pinned for the project when "Done" is pressed."""

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Horizontal(id="symbol-panes"):
            with Vertical(id="symbol-words"):
                yield Label("Words of the answer, and their symbols:", classes="field-label")
                yield OptionList(id="rows")
            with Vertical(id="symbol-search"):
                yield Label("Search for a symbol:", classes="field-label")
                yield Input(placeholder="type a word, like happy", id="search")
                yield OptionList(id="results")
                yield image_widget_class(self.wizard.graphics)(id="symbol-picture")
        yield Static("Loading the symbols...", id="symbol-message", classes="message")
        with Horizontal(classes="button-bar"):
            yield Button("Done", id="done", variant="primary")
            yield Button("Use for this word", id="use")
            yield Button("Add as extra", id="extra")
            yield Button("Cancel", id="cancel")
        yield self.key_bar()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="symbols-load")
    def _load(self) -> None:
        library = self.wizard.symbol_library()
        rows = suggested_rows(library, self.words, self.current) if library is not None else []
        self.app.call_from_thread(self._loaded, library, rows)

    def _loaded(self, library: Any, rows: list[Row]) -> None:
        self.library = library
        if library is None:
            self._say(
                "Symbols are not available in this copy of pcpv. The answer is kept as it is."
            )
            return
        self.rows = rows
        self.show_rows()
        if rows:
            self._say("Enter turns a symbol on or off. Search on the right to pick another.")
            self.query_one("#rows", OptionList).focus()
        else:
            self._say("There are no words to suggest symbols for yet. Search on the right.")
            self.query_one("#search", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#symbol-message", Static).update(text)

    def show_rows(self) -> None:
        rows = self.query_one("#rows", OptionList)
        highlighted = rows.highlighted
        rows.clear_options()
        for i, row in enumerate(self.rows):
            rows.add_option(plain_option(row.label(), id=str(i)))
        if self.rows:
            rows.highlighted = min(highlighted or 0, len(self.rows) - 1)

    def _current_row(self) -> Row | None:
        rows = self.query_one("#rows", OptionList)
        if rows.highlighted is None or not self.rows:
            return None
        return self.rows[rows.highlighted]

    @on(OptionList.OptionHighlighted, "#rows")
    def _row_highlighted(self) -> None:
        row = self._current_row()
        if row is not None and row.word:
            self.query_one("#search", Input).value = row.lemma or row.word
            self._search(row.lemma or row.word)
        if row is not None and row.ref:
            self._preview(row.ref)

    @on(OptionList.OptionSelected, "#rows")
    def _toggle(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if not row.ref:
            self._say(f"'{row.word}' has no symbol yet: search on the right and use one for it.")
            self.query_one("#search", Input).focus()
            return
        row.used = not row.used
        self.show_rows()

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        if self.library is not None and self.screen.focused is event.input:
            self._search(event.value)

    @on(Input.Submitted, "#search")
    def _to_results(self) -> None:
        self.query_one("#results", OptionList).focus()

    def _search(self, query: str) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        if self.library is None or not query.strip():
            return
        for match in self.library.search(query, limit=SEARCH_LIMIT):
            results.add_option(plain_option(f"{match.name} ({match.set_name})", id=match.ref))
        if results.option_count:
            results.highlighted = 0

    @on(OptionList.OptionHighlighted, "#results")
    def _result_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._preview(event.option.id)

    @on(OptionList.OptionSelected, "#results")
    def _result_chosen(self) -> None:
        row = self._current_row()
        if row is not None and row.word:
            self.use_for_word()
        else:
            self.add_extra()

    def _chosen_result(self) -> tuple[str, str] | None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is None:
            return None
        option = results.get_option_at_index(results.highlighted)
        return (option.id or "", str(option.prompt))

    @on(Button.Pressed, "#use")
    def use_for_word(self) -> None:
        row, chosen = self._current_row(), self._chosen_result()
        if row is None or not row.word or chosen is None:
            self._say("Choose a word on the left and a symbol on the right first.")
            return
        ref, label = chosen
        row.ref, row.name, row.used = ref, label, True
        if row.lemma:
            self.pins[row.lemma] = ref
        self.show_rows()
        self._say(f"'{row.word}' now has the symbol '{label}'.")

    @on(Button.Pressed, "#extra")
    def add_extra(self) -> None:
        chosen = self._chosen_result()
        if chosen is None:
            self._say("Search for a symbol and choose it first.")
            return
        ref, label = chosen
        if any(row.ref == ref for row in self.rows):
            self._say(f"'{label}' is already in the list.")
            return
        self.rows.append(Row("", "", ref, label, True))
        self.show_rows()
        self._say(f"Added '{label}'.")

    @work(thread=True, exclusive=True, group="symbol-preview")
    def _preview(self, ref: str) -> None:
        if self.library is None:
            return
        try:
            image = load_preview(self.library.render_png(ref, PREVIEW_PX))
        except Exception:
            image = None
        self.app.call_from_thread(self._show_preview, image)

    def _show_preview(self, image: Any) -> None:
        self.query_one("#symbol-picture").image = image  # type: ignore[attr-defined]

    def chosen_refs(self) -> list[str]:
        """The references ticked, in order, each once."""
        return list(dict.fromkeys(row.ref for row in self.rows if row.used and row.ref))

    @on(Button.Pressed, "#done")
    def done(self) -> None:
        if self.library is None:
            self.dismiss(None)
            return
        try:
            from pcpv.symbols import pin

            for lemma, ref in self.pins.items():
                pin(self.wb.project.root, lemma, ref)
        except Exception:  # the choice still counts for this answer
            self.notify("pcpv could not remember these symbols for the other answers.")
        self.dismiss(self.chosen_refs())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
