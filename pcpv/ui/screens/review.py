"""Review: the deck as a list of slides, the checker's findings, and the questions still open.

Choosing a row returns that question's id with ``dismiss``, and the screen underneath opens it.
The slides and findings are worked out in a background thread (they read every answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static, TabbedContent, TabPane

from pcpv.model import STATE_WORDS
from pcpv.ui import help as help_texts
from pcpv.ui.screens.base import WizardScreen
from pcpv.ui.widgets.picture import image_widget_class, load_preview
from pcpv.ui.widgets.rows import plain_option

SEVERITY_WORDS = {"error": "Must fix", "warning": "Look at", "info": "Note"}
"""Findings are told apart by words, never by colour alone."""
_PROMPT_IN_WHERE = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)*)'")


@dataclass
class ReviewData:
    """What the review shows, worked out away from the screen."""

    slides: list[Any] = field(default_factory=list)
    """``pcpv.deck.plan.SlidePlan`` items (empty when the deck package is not there)."""
    findings: list[Any] = field(default_factory=list)
    """``pcpv.check.Finding`` items for the project's words."""
    problems: list[str] = field(default_factory=list)
    """Plain sentences for what could not be worked out."""


def slide_outline(number: int, slide: Any) -> str:
    """Two lines describing a slide: its title and what is on it."""
    parts = []
    photos = sum(1 for p in slide.pictures if getattr(p, "photo", None) is not None)
    symbols = sum(1 for p in slide.pictures if getattr(p, "symbol", None) is not None)
    if photos:
        parts.append(f"{photos} photo{'s' if photos > 1 else ''}")
    if symbols:
        parts.append(f"{symbols} symbol{'s' if symbols > 1 else ''}")
    if slide.clip is not None:
        parts.append("a sound" if slide.clip.kind.value == "audio" else "a video")
    words = " ".join(line.text for line in slide.lines).strip()
    if len(words) > 70:
        words = words[:67].rstrip() + "..."
    extra = f"  [{', '.join(parts)}]" if parts else ""
    part = f" ({slide.part} of {slide.parts})" if slide.parts > 1 else ""
    return f"{number}. {slide.title}{part}{extra}\n    {words or '(no words)'}"


def finding_line(finding: Any) -> str:
    severity = getattr(finding.severity, "value", str(finding.severity))
    words = SEVERITY_WORDS.get(severity, "Note")
    where = f" ({finding.where})" if finding.where else ""
    fix = f" {finding.fix}" if finding.fix else ""
    return f"{words}: {finding.message}{fix}{where}"


def prompt_in(where: str, known: set[str]) -> str | None:
    """The prompt id a finding's ``where`` names (e.g. "answer to 'feel-safe'"), if any."""
    for candidate in _PROMPT_IN_WHERE.findall(where or ""):
        if candidate in known:
            return candidate
    return None


class ReviewScreen(WizardScreen):
    """See the deck so far and jump to any question."""

    PLAIN_HELP = help_texts.REVIEW
    HEADING = "Review"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def __init__(self) -> None:
        super().__init__()
        self.data = ReviewData()

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("Getting the slides ready...", id="review-message", classes="message")
        with TabbedContent(id="review-tabs"):
            with TabPane("Slides", id="tab-slides"), Horizontal():
                yield OptionList(id="slides")
                with Vertical(id="slide-preview"):
                    yield image_widget_class(self.wizard.graphics)(id="slide-picture")
            with TabPane("Still to do", id="tab-open"):
                yield OptionList(id="open")
            with TabPane("Checker", id="tab-findings"):
                yield OptionList(id="findings")
        with Horizontal(classes="button-bar"):
            yield Button("Back", id="close", variant="primary")
            yield Button("Family copy", id="consent")
        yield self.key_bar()

    def on_mount(self) -> None:
        self.show_open()
        self._gather()
        self.query_one("#slides", OptionList).focus()

    def show_open(self) -> None:
        rows = self.query_one("#open", OptionList)
        rows.clear_options()
        for prompt in self.wb.open_prompts():
            state = STATE_WORDS[self.wb.answer(prompt.id).state]
            rows.add_option(plain_option(f"{self.wb.question(prompt)}  ({state})", id=prompt.id))
        if not rows.option_count:
            rows.add_option(plain_option("Every question is answered or skipped.", disabled=True))

    @work(thread=True, exclusive=True, group="review")
    def _gather(self) -> None:
        data = ReviewData()
        project = self.wb.project
        with self.wb.lock:
            try:
                from pcpv.deck import make_plan

                data.slides = list(make_plan(project).slides)
            except ImportError:
                data.problems.append("The slide list is not available in this copy of pcpv.")
            except Exception as error:
                data.problems.append(f"pcpv could not plan the slides: {error}")
            try:
                from pcpv.check import check_project

                data.findings = list(check_project(project.root).findings)
            except ImportError:
                data.problems.append("The checker is not available in this copy of pcpv.")
            except Exception as error:
                data.problems.append(f"pcpv could not check the words: {error}")
        self.app.call_from_thread(self._show, data)

    def _show(self, data: ReviewData) -> None:
        self.data = data
        slides = self.query_one("#slides", OptionList)
        slides.clear_options()
        for number, slide in enumerate(data.slides, start=1):
            slides.add_option(plain_option(slide_outline(number, slide), id=f"slide-{number}"))
        findings = self.query_one("#findings", OptionList)
        findings.clear_options()
        for i, finding in enumerate(data.findings):
            findings.add_option(plain_option(finding_line(finding), id=f"finding-{i}"))
        if not data.findings:
            findings.add_option(plain_option("The checker found nothing to change.", disabled=True))
        still = len(self.wb.open_prompts())
        summary = (
            f"{len(data.slides)} slides. {still} question{'s' if still != 1 else ''} still to do. "
            f"{len(data.findings)} checker note{'s' if len(data.findings) != 1 else ''}. "
            "Choose a row to go to its question."
        )
        self.query_one("#review-message", Static).update(" ".join([summary, *data.problems]))
        if data.slides:
            slides.highlighted = 0

    @on(OptionList.OptionHighlighted, "#slides")
    def _slide_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if not 0 <= index < len(self.data.slides):
            return
        photo = next(
            (p.photo for p in self.data.slides[index].pictures if p.photo is not None), None
        )
        self._thumbnail(photo.source if photo is not None else None)

    @work(thread=True, exclusive=True, group="thumbnail")
    def _thumbnail(self, source: Any) -> None:
        image = None
        if source is not None:
            try:
                image = load_preview(source)
            except Exception:
                image = None
        self.app.call_from_thread(self._show_thumbnail, image)

    def _show_thumbnail(self, image: Any) -> None:
        self.query_one("#slide-picture").image = image  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#slides")
    def _slide_chosen(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if 0 <= index < len(self.data.slides) and self.data.slides[index].prompt_id:
            self.dismiss(self.data.slides[index].prompt_id)
        else:
            self.notify("This slide is made by pcpv from the project's details (About me).")

    @on(OptionList.OptionSelected, "#open")
    def _open_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    @on(OptionList.OptionSelected, "#findings")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if not 0 <= index < len(self.data.findings):
            return
        known = {p.id for p in self.wb.prompts()}
        prompt_id = prompt_in(self.data.findings[index].where, known)
        if prompt_id:
            self.dismiss(prompt_id)
        else:
            self.notify("This note is about the question set, not an answer.")

    @on(Button.Pressed, "#consent")
    def open_consent(self) -> None:
        from pcpv.ui.screens.consent import open_consent

        open_consent(self)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
