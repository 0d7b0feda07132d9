"""The consent step: "Can your family see this?", one item at a time, then what the family copy
will hold.

``open_consent`` starts it from any screen. Who is recording and how the answers are given are
asked once per sitting (``ConsentStartScreen``). Each item then has its own screen
(``ConsentItemScreen``): the item shown large, the checks first for photos, sounds and videos (one
yes/no question each), then the family question with Yes / No / Not sure pictures. The screens
replace one another, so Escape always goes back to where the step was started from. Everything is
saved the moment it is answered, through ``ConsentBench``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioSet, Static

from pcpv.consent import (
    CONSENT_QUESTION,
    DECISION_WORDS,
    HOW_WORDS,
    VOICE_AND_FACE_QUESTION,
    WIZARD_ANSWERS,
    WIZARD_SYMBOLS,
    ConsentItem,
    Decision,
    GivenBy,
    ItemKind,
)
from pcpv.errors import PcpvError
from pcpv.model import WordsBy
from pcpv.ui import help as help_texts
from pcpv.ui.consent_bench import (
    PATIENT_HOW,
    CheckAnswers,
    ConsentBench,
    Sitting,
    checks_done,
    checks_for,
)
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.choice import PictureChoice, symbol_pictures
from pcpv.ui.widgets.picture import image_widget_class, load_preview
from pcpv.ui.widgets.toggles import ClearRadioButton as RadioButton
from pcpv.ui.workbench import KIND_WORDS

YES_NO_SYMBOLS = {
    "yes": WIZARD_SYMBOLS[Decision.FAMILY],
    "no": WIZARD_SYMBOLS[Decision.MEETING_ONLY],
}
"""The checks' Yes and No buttons use the same pictures as the family question's."""
MAX_SYMBOLS_SHOWN = 6
"""An answer's symbols shown with it (more would not fit at 80 columns)."""


def open_consent(screen: WizardScreen) -> None:
    """Start the consent step over ``screen``: who and how first (once per sitting), then the
    first item still to ask (or the summary when every item has an answer)."""
    bench = screen.wizard.consent_bench()
    if bench.sitting is None:
        screen.app.push_screen(ConsentStartScreen())
        return
    screen.app.push_screen(next_consent_screen(bench, None))


def next_consent_screen(bench: ConsentBench, key: str | None) -> WizardScreen:
    """The item screen for ``key``; for None the first item still to ask, or the summary."""
    try:
        key = key or bench.first_to_ask()
    except PcpvError:
        key = None  # the summary screen says what is wrong with consent.yaml
    return ConsentItemScreen(key) if key else ConsentSummaryScreen()


class ConsentStartScreen(WizardScreen):
    """Who is recording, how the answers are given, and who decides: once per sitting."""

    PLAIN_HELP = help_texts.CONSENT_START
    HEADING = "Family copy: before we start"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def compose(self) -> ComposeResult:
        bench = self.wizard.consent_bench()
        sitting = bench.sitting or Sitting()
        name = self.wb.project.info.name
        yield self.title_bar()
        with VerticalScroll(classes="body"):
            yield Static(
                f"Now we ask {name}, one thing at a time: can your family see this?",
                classes="lead",
                markup=False,
            )
            yield Label("Who is writing the answers down? (name and role)", classes="field-label")
            yield Input(sitting.recorded_by, id="recorded-by")
            yield Label(f"How does {name} give the answers today?", classes="field-label")
            with RadioSet(id="how"):
                for how in PATIENT_HOW:
                    yield RadioButton(HOW_WORDS[how].capitalize(), value=how is sitting.how)
            yield Label("Who decides?", classes="field-label")
            with RadioSet(id="given-by"):
                yield RadioButton(f"{name} decides", value=sitting.given_by is GivenBy.PATIENT)
                yield RadioButton(
                    f"A best-interest decision ({name} cannot decide this now)",
                    value=sitting.given_by is GivenBy.BEST_INTEREST,
                )
            yield Input(
                sitting.decided_by_role,
                placeholder="For a best-interest decision: the role of who made it",
                id="role",
            )
        with Horizontal(classes="button-bar"):
            yield Button("Start", id="start", variant="primary")
            yield Button("Back", id="close")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def start(self) -> None:
        recorded_by = self.query_one("#recorded-by", Input).value.strip()
        how_index = self.query_one("#how", RadioSet).pressed_index
        best_interest = self.query_one("#given-by", RadioSet).pressed_index == 1
        role = self.query_one("#role", Input).value.strip()
        if not recorded_by:
            self.notify("Write who is writing the answers down.", title="Who is recording?")
            self.query_one("#recorded-by", Input).focus()
            return
        if best_interest and not role:
            self.notify(
                "A best-interest decision needs the role of who made it.",
                title="Whose decision?",
            )
            self.query_one("#role", Input).focus()
            return
        bench = self.wizard.consent_bench()
        bench.sitting = Sitting(
            recorded_by=recorded_by,
            how=PATIENT_HOW[how_index] if how_index >= 0 else PATIENT_HOW[0],
            given_by=GivenBy.BEST_INTEREST if best_interest else GivenBy.PATIENT,
            decided_by_role=role if best_interest else "",
        )
        self.app.switch_screen(next_consent_screen(bench, None))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.app.pop_screen()


def _item_status(item: ConsentItem) -> str:
    if item.decision is None:
        return "not asked yet"
    return DECISION_WORDS[item.decision]


class ConsentItemScreen(WizardScreen):
    """One item: shown large, its checks one at a time, then "Can your family see this?"."""

    PLAIN_HELP = help_texts.CONSENT
    HEADING = "Family copy"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f3", "back", "Back"),
        Binding("f4", "later", "Ask another day"),
        Binding("f7", "summary", "Summary"),
        Binding("escape", "close", "Session"),
    ]

    def __init__(
        self, key: str, *, check: int | None = None, answers: CheckAnswers | None = None
    ) -> None:
        super().__init__()
        self.key = key
        self.check = check
        """Which check is asked (an index into ``checks_for``); None: the family question, or
        the first check when the checks have not been done yet."""
        self.answers = answers or CheckAnswers()
        self.item: ConsentItem | None = None

    @property
    def bench(self) -> ConsentBench:
        return self.wizard.consent_bench()

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        try:
            self.item = self.bench.item(self.key)
        except PcpvError as error:
            self.item = None
            yield Static(f"{error.message} {error.hint}", classes="message", markup=False)
        item = self.item
        checks = checks_for(item) if item else []
        if item is not None and self.check is None and checks and not checks_done(item):
            self.check = 0
        with VerticalScroll(classes="body", id="consent-body"):
            if item is not None:
                number, count = self.bench.position(item.key)
                asking = self.check is not None and self.check < len(checks)
                status = (
                    f"check {self.check + 1} of {len(checks)}"
                    if asking and self.check is not None
                    else f"now: {_item_status(item)}"
                )
                yield Static(
                    f"Item {number} of {count}  |  {item.section or 'Everything'}  |  {status}",
                    id="where",
                    classes="value",
                    markup=False,
                )
                yield Static(item.title, id="item-title", classes="lead", markup=False)
                yield from self._show_item(item)
                if self.check is not None and self.check < len(checks):
                    yield Static(checks[self.check].question, id="ask", markup=False)
                    with Horizontal(id="answers"):
                        graphics = self.wizard.graphics
                        yield PictureChoice(
                            "Yes",
                            button_id="check-yes",
                            graphics=graphics,
                            symbol=YES_NO_SYMBOLS["yes"],
                        )
                        yield PictureChoice(
                            "No",
                            button_id="check-no",
                            graphics=graphics,
                            symbol=YES_NO_SYMBOLS["no"],
                        )
                else:
                    question = (
                        VOICE_AND_FACE_QUESTION
                        if item.kind is ItemKind.VOICE_AND_FACE
                        else CONSENT_QUESTION
                    )
                    yield Static(question, id="ask", markup=False)
                    with Horizontal(id="answers"):
                        for decision, words in WIZARD_ANSWERS.items():
                            yield PictureChoice(
                                words,
                                button_id=f"decide-{decision.value}",
                                graphics=self.wizard.graphics,
                                symbol=WIZARD_SYMBOLS[decision],
                            )
                    if checks:
                        yield Button("Do the checks again", id="redo-checks")
        with Horizontal(classes="button-bar"):
            yield Button("Back", id="back")
            yield Button("Ask another day", id="later")
            yield Button("Summary", id="summary")
            yield Button("Who and how", id="who-how")
        yield self.key_bar()

    def _show_item(self, item: ConsentItem) -> ComposeResult:
        name = self.wb.project.info.name
        if item.kind is ItemKind.VOICE_AND_FACE:
            yield Static(
                f"Some photos, sounds or videos may show {name}'s face or hold {name}'s voice. "
                "We ask about that first, on its own.",
                classes="value",
                markup=False,
            )
        elif item.kind is ItemKind.PHOTO:
            yield image_widget_class(self.wizard.graphics)(id="item-picture")
            yield Static(self._caption_line(item), id="item-words", markup=False)
        elif item.media is not None:
            yield Static(self._caption_line(item), id="item-words", markup=False)
        else:
            whose = f"{name}'s own words" if item.words_by is WordsBy.PATIENT else "staff words"
            lines = [f'"{item.words}" ({whose})'] if item.words.strip() else []
            if item.choice:
                lines.append(f"Chosen: {item.choice}")
            yield Static("\n".join(lines), id="item-words", markup=False)
            if item.symbols:
                with Horizontal(id="item-symbols"):
                    for _ in item.symbols[:MAX_SYMBOLS_SHOWN]:
                        yield image_widget_class(self.wizard.graphics)(classes="item-symbol")

    def _caption_line(self, item: ConsentItem, details: str = "") -> str:
        assert item.media is not None
        what = KIND_WORDS[item.media.kind]
        shown = item.caption or item.media.original_name or Path(item.media.file).name
        extra = f" ({details})" if details else ""
        return f'{what}: "{shown}"{extra}'

    def on_mount(self) -> None:
        buttons = self.query("#answers Button")
        if buttons:
            buttons.first(Button).focus()
        else:
            self.query_one("#back", Button).focus()
        if self.item is not None:
            self._load_pictures(self.item)

    @work(thread=True, exclusive=True, group="consent-pictures")
    def _load_pictures(self, item: ConsentItem) -> None:
        if item.media is not None:
            image = None
            if item.kind is ItemKind.PHOTO and item.path is not None:
                try:
                    image = load_preview(item.path)
                except Exception:  # a photo that cannot be drawn still has its words
                    image = None
            details = self.wb.media_details(item.media)
            self.app.call_from_thread(self._show_media, item, image, details)
        words = [c.symbol for c in self.query(PictureChoice)]
        words += item.symbols[:MAX_SYMBOLS_SHOWN]
        pictures = symbol_pictures(self.wizard.symbol_library(), words)
        self.app.call_from_thread(self._show_symbols, item, pictures)

    def _show_media(self, item: ConsentItem, image: Any, details: str) -> None:
        for picture in self.query("#item-picture"):
            picture.image = image  # type: ignore[attr-defined]
        for words in self.query("#item-words"):
            words.update(self._caption_line(item, details))  # type: ignore[attr-defined]

    def _show_symbols(self, item: ConsentItem, pictures: dict[str, Any]) -> None:
        for choice in self.query(PictureChoice):
            if choice.symbol in pictures:
                choice.show(pictures[choice.symbol])
        for widget, ref in zip(self.query(".item-symbol"), item.symbols, strict=False):
            widget.image = pictures.get(ref)  # type: ignore[attr-defined]

    # -- answers -----------------------------------------------------------------------------
    @on(Button.Pressed, "#check-yes")
    def check_yes(self) -> None:
        self._answer_check(True)

    @on(Button.Pressed, "#check-no")
    def check_no(self) -> None:
        self._answer_check(False)

    def _answer_check(self, yes: bool) -> None:
        if self.item is None or self.check is None:
            return
        checks = checks_for(self.item)
        check = checks[self.check]
        answers = CheckAnswers(list(self.answers.flags), self.answers.shows_me)
        if check.flag is None:
            answers.shows_me = yes
        elif yes and check.flag not in answers.flags:
            answers.flags.append(check.flag)
        elif not yes and check.flag in answers.flags:
            answers.flags.remove(check.flag)
        if self.check + 1 < len(checks):
            self.app.switch_screen(
                ConsentItemScreen(self.key, check=self.check + 1, answers=answers)
            )
            return
        try:
            self.bench.save_checks(self.item, answers)
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
            return
        self.app.switch_screen(ConsentItemScreen(self.key, check=len(checks)))

    @on(Button.Pressed, "#answers Button")
    def _decided(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if not button_id.startswith("decide-") or self.item is None:
            return
        decision = Decision(button_id.removeprefix("decide-"))
        try:
            item = self.bench.decide(self.item, decision)
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error", title="Not saved")
            return
        where = "It goes in the family copy." if item.in_family_copy else "It stays out: "
        if not item.in_family_copy:
            where += " ".join(item.reasons)
        self.notify(f"Saved: {WIZARD_ANSWERS[decision]}. {where}", title="Saved")
        self._go(self.bench.neighbour(self.key, 1), end_with_summary=True)

    @on(Button.Pressed, "#redo-checks")
    def redo_checks(self) -> None:
        self.app.switch_screen(ConsentItemScreen(self.key, check=0))

    # -- moving around -----------------------------------------------------------------------
    def _go(self, key: str | None, *, end_with_summary: bool = False) -> None:
        if key is None:
            if end_with_summary:
                self.app.switch_screen(ConsentSummaryScreen())
            else:
                self.notify("This is the first item.")
            return
        self.app.switch_screen(ConsentItemScreen(key))

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.check:
            self.app.switch_screen(
                ConsentItemScreen(self.key, check=self.check - 1, answers=self.answers)
            )
            return
        checks = checks_for(self.item) if self.item else []
        if self.check is not None and self.check >= len(checks) and checks:
            self.app.switch_screen(ConsentItemScreen(self.key, check=len(checks) - 1))
            return
        self._go(self.bench.neighbour(self.key, -1))

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.notify("Left for another day. Until then it stays out of the family copy.")
        self._go(self.bench.neighbour(self.key, 1), end_with_summary=True)

    @on(Button.Pressed, "#summary")
    def action_summary(self) -> None:
        self.app.switch_screen(ConsentSummaryScreen())

    @on(Button.Pressed, "#who-how")
    def who_and_how(self) -> None:
        self.app.switch_screen(ConsentStartScreen())

    def action_close(self) -> None:
        self.app.pop_screen()


class ConsentSummaryScreen(WizardScreen):
    """What the family copy will hold now, and what stays out and why."""

    PLAIN_HELP = help_texts.CONSENT_SUMMARY
    HEADING = "Family copy: what it will hold"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        try:
            lines = self.wizard.consent_bench().summary_lines()
            items = bool(self.wizard.consent_bench().items())
        except PcpvError as error:
            lines, items = [f"{error.message} {error.hint}"], True
        if not items:
            lines.insert(0, "There is nothing to ask about yet: answer some questions first.")
        with VerticalScroll(classes="body", id="summary"):
            yield Static("\n".join(lines), id="summary-text", markup=False)
            yield Static(
                "To make the family copy, use: pcpv export FOLDER --family",
                classes="hint",
                markup=False,
            )
        with Horizontal(classes="button-bar"):
            yield Button("Done", id="close", variant="primary")
            yield Button("Go through the items", id="again")
            yield Button("Who and how", id="who-how")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#again")
    def again(self) -> None:
        bench = self.wizard.consent_bench()
        try:
            items = bench.items()
        except PcpvError as error:
            self.notify(f"{error.message} {error.hint}", severity="error")
            return
        if not items:
            self.notify("There is nothing to ask about yet.")
            return
        if bench.sitting is None:
            self.app.switch_screen(ConsentStartScreen())
        else:
            self.app.switch_screen(ConsentItemScreen(items[0].key))

    @on(Button.Pressed, "#who-how")
    def who_and_how(self) -> None:
        self.app.switch_screen(ConsentStartScreen())

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.app.pop_screen()


__all__ = ["ConsentItemScreen", "ConsentStartScreen", "ConsentSummaryScreen", "open_consent"]
