"""Today's session: who is here, what we want to do, how far each part has got, where to go on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Static

from pcpv.model import PRESENTER_WORDS
from pcpv.questions import format_date
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.rows import plain_option
from pcpv.ui.widgets.toggles import ClearCheckbox as Checkbox


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class SessionScreen(WizardScreen):
    """The hub of the wizard: every other screen is reached from here and comes back here."""

    PLAIN_HELP = help_texts.SESSION
    HEADING = "Today's session"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("f4", "carry_on", "Carry on"),
        ("f7", "review", "Review"),
        ("f8", "build", "Make the deck"),
        # Not in the key bar (it is full at 80 columns): the help lists them with the buttons.
        Binding("f5", "consent", "Family copy", show=False),
        Binding("f6", "feedback", "Meeting feedback", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.started_today = False

    def compose(self) -> ComposeResult:
        info = self.wb.project.info
        yield self.title_bar()
        with VerticalScroll(classes="body"):
            when = f" on {format_date(info.meeting.date)}" if info.meeting.date else ""
            yield Static(f"{info.name}'s {info.meeting.title}{when}", classes="lead")
            yield Static(
                f"Who shows the slides: {PRESENTER_WORDS[info.presentation.presenter]}.",
                classes="value",
            )
            yield Static(self._last_time(), id="last-time", classes="value")
            with VerticalScroll(id="today", classes="box"):
                yield Label("Who is here today?", classes="field-label")
                with Horizontal(classes="checks"):
                    yield Checkbox(f"{info.name} (the patient)", value=True, id="here-patient")
                    yield Checkbox("Speech and language therapist", value=True, id="here-salt")
                yield Input(placeholder="Others, by role: nurse, advocate, mum", id="here-others")
                yield Label("What we want to do today:", classes="field-label")
                yield Input(placeholder="for example: the photos for 'What I like'", id="plan")
                yield Button("Start today's session", id="start")
            if self._meeting_has_passed():
                yield Static(
                    f"The meeting was on {format_date(info.meeting.date)}. "
                    f"Ask {info.name} how it went.",
                    id="feedback-note",
                    classes="lead",
                    markup=False,
                )
                yield Button("How did the meeting go?", id="feedback-offer", variant="primary")
            yield Label("How far we have got:", classes="field-label")
            yield OptionList(id="progress")
        with Horizontal(classes="button-bar"):
            yield Button("Carry on", id="carry-on", variant="primary")
            yield Button("Review", id="review")
            yield Button("Make the deck", id="build")
            yield Button("About me", id="about")
            yield Button("Family copy", id="consent")
            yield Button("Feedback", id="feedback")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.show_progress()
        self.query_one("#carry-on", Button).focus()

    def on_screen_resume(self) -> None:
        self.show_progress()

    def _meeting_has_passed(self) -> bool:
        from pcpv.ui.feedback_bench import meeting_has_passed

        return meeting_has_passed(self.wb, self.wizard.today_date())

    def _last_time(self) -> str:
        sessions = self.wb.project.sessions
        if not sessions:
            return "This is the first session."
        last = sessions[-1]
        who = ", ".join(last.who) or "no one written down"
        worked = _plural(len(last.worked_on), "question")
        plan = f' The plan was: "{last.plan}".' if last.plan else ""
        return f"Last session: {format_date(last.started)}, with {who}. Worked on {worked}.{plan}"

    def show_progress(self) -> None:
        rows = self.query_one("#progress", OptionList)
        highlighted = rows.highlighted
        rows.clear_options()
        total_done = total = 0
        for section, done, count in self.wb.progress():
            total_done += done
            total += count
            colon = ":" if section.title[-1:].isalnum() else ""
            finished = " - finished" if done == count else ""
            rows.add_option(
                plain_option(
                    f"{section.title}{colon} {done} of {count} done{finished}", id=section.id
                )
            )
        if highlighted is not None:
            rows.highlighted = min(highlighted, rows.option_count - 1)
        resume = self.wb.resume_prompt()
        button = self.query_one("#carry-on", Button)
        if resume is None:
            button.label = "All done: review"
        else:
            button.label = "Carry on"
        self.query_one("#last-time", Static).update(
            f"{self._last_time()} Done so far: {total_done} of {total}."
        )

    @on(Button.Pressed, "#start")
    def start_session(self) -> None:
        who = []
        if self.query_one("#here-patient", Checkbox).value:
            who.append("patient")
        if self.query_one("#here-salt", Checkbox).value:
            who.append("SALT")
        others = self.query_one("#here-others", Input).value
        who += [w.strip() for w in others.split(",") if w.strip()]
        plan = self.query_one("#plan", Input).value.strip()
        if not who:
            self.notify("Tick or write who is here today.", title="Who is here?")
            return
        self.wb.start_session(who, plan)
        self.started_today = True
        self.query_one("#start", Button).disabled = True
        self.query_one("#start", Button).label = "Session started"
        self.notify(f"Today's session has started with {', '.join(who)}.")
        self.query_one("#carry-on", Button).focus()

    @on(Input.Submitted, "#here-others")
    def _to_plan(self) -> None:
        self.query_one("#plan", Input).focus()

    @on(Input.Submitted, "#plan")
    def _plan_done(self) -> None:
        self.start_session()

    @on(OptionList.OptionSelected, "#progress")
    def _go_to_section(self, event: OptionList.OptionSelected) -> None:
        section = self.wb.questions.section(event.option.id or "")
        if section is None or not section.prompts:
            return
        first_open = next(
            (p for p in section.prompts if self.wb.answer(p.id).is_open), section.prompts[0]
        )
        self.open_prompt(first_open.id)

    @on(Button.Pressed, "#carry-on")
    def action_carry_on(self) -> None:
        resume = self.wb.resume_prompt()
        if resume is None:
            self.action_review()
        else:
            self.open_prompt(resume.id)

    def open_prompt(self, prompt_id: str) -> None:
        from pcpv.ui.screens.prompt import PromptScreen

        self.app.push_screen(PromptScreen(prompt_id))

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        from pcpv.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(), self._reviewed)

    def _reviewed(self, prompt_id: str | None) -> None:
        if prompt_id:
            self.open_prompt(prompt_id)

    @on(Button.Pressed, "#build")
    def action_build(self) -> None:
        from pcpv.ui.screens.build import BuildScreen

        self.app.push_screen(BuildScreen())

    @on(Button.Pressed, "#consent")
    def action_consent(self) -> None:
        from pcpv.ui.screens.consent import open_consent

        open_consent(self)

    @on(Button.Pressed, "#feedback, #feedback-offer")
    def action_feedback(self) -> None:
        from pcpv.ui.screens.feedback import open_feedback

        open_feedback(self)

    @on(Button.Pressed, "#about")
    def _about(self) -> None:
        from pcpv.ui.screens.about import AboutScreen

        self.app.push_screen(AboutScreen(), self._about_saved)

    def _about_saved(self, saved: bool | None) -> None:
        if saved:
            self.app.switch_screen(SessionScreen())
