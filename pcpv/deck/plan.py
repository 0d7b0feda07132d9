"""Answers + questions + symbols -> a ``DeckPlan``: which slides, and what is on each.

Plain data only, no python-pptx: the plan can be tested, filtered (the family copy drops what has no
consent) and then written by ``writer.write_deck``. Words are measured here (``fit.py``) so a long
answer is already cut into "1 of 2" slides before anything is written, and every title is made
unique.

Whose words are whose is kept all the way: the patient's own words carry their name ("Sam said:")
and are never changed; words written by staff say so; pcpv's own template wording is neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pcpv.deck import fit, layout, theme
from pcpv.deck.symbols import Symbol, SymbolSource, project_symbols
from pcpv.model import Answer, MediaKind, PromptState, WordsBy
from pcpv.questions import Prompt, QuestionSet, Section, text_context
from pcpv.questions import SlideKind as PromptSlide
from pcpv.texts import render_string

SECTION_WITHOUT_HEADING = "thanks"
"""The thanks section ends the deck with its own slide, so it gets no heading slide."""
MAX_COLUMN_SYMBOLS = 4
"""Most symbols shown together in the picture column."""


class SlideKind(str, Enum):
    """The kinds of slide the writer knows how to make."""

    TITLE = "title"
    SECTION = "section"
    ANSWER = "answer"
    PHOTOS = "photos"
    AUDIO = "audio"
    VIDEO = "video"
    QUOTE = "quote"
    NEXT = "next"
    THANKS = "thanks"
    CREDITS = "credits"


class Voice(str, Enum):
    """Whose words a slide shows."""

    PATIENT = "patient"
    """The patient's own words, shown as theirs and never changed."""
    STAFF = "staff"
    """Words staff wrote with the patient; labelled so, never dressed up as a quote."""
    TEMPLATE = "template"
    """pcpv's or the question set's own wording (titles, hints, captions)."""


@dataclass(frozen=True)
class MediaRef:
    """A photo, sound or video the deck embeds."""

    sha256: str
    """Hash of the original file: the same file used twice is prepared and stored once."""
    kind: MediaKind
    source: Path
    """The original file in the project's ``media/`` folder."""
    caption: str
    """What it shows, in words (may be empty)."""
    alt: str
    """Alt text: the caption, else the answer's words or the question; never a file name."""
    prompt_id: str
    """The prompt it answers (for messages about bad files)."""
    question: str
    """The question, filled in (for messages)."""
    original_name: str = ""
    """The name the file had when it was added (only for messages, never on a slide)."""


@dataclass(frozen=True)
class Picture:
    """A picture in the left column: a photo or a symbol."""

    alt: str
    """Its alt text."""
    photo: MediaRef | None = None
    symbol: Symbol | None = None


@dataclass(frozen=True)
class Line:
    """One paragraph of words on a slide."""

    text: str
    symbol: Symbol | None = None
    """A symbol shown beside the paragraph's first line."""
    voice: Voice = Voice.TEMPLATE
    """Whose words these are."""


@dataclass
class SlidePlan:
    """One slide."""

    kind: SlideKind
    title: str
    """Unique in the deck; goes into the slide's title placeholder."""
    title_size_pt: float = theme.TITLE_PT
    title_lines: int = 1
    """How many lines the title takes at ``title_size_pt`` (measured)."""
    label: str = ""
    """A line above the words saying whose they are ("Sam said:"); empty for none."""
    lines: list[Line] = field(default_factory=list)
    voice: Voice = Voice.TEMPLATE
    """Whose words ``lines`` mostly are (a patient quote gets quote marks and a panel)."""
    pictures: list[Picture] = field(default_factory=list)
    """Pictures for the left column, photo first."""
    clip: MediaRef | None = None
    """The sound or video on this slide (audio and video slides)."""
    notes: str = ""
    """Speaker notes: a presenter script in the patient's words, then gentle prompts."""
    prompt_id: str = ""
    """The prompt this slide shows (empty for title, section, credits)."""
    section_id: str = ""
    part: int = 1
    """Which of the prompt's slides this is, from 1."""
    parts: int = 1
    """How many slides the prompt has."""

    @property
    def quote(self) -> bool:
        """True when the slide shows the patient's own words as a quote."""
        return self.kind == SlideKind.QUOTE and self.voice == Voice.PATIENT

    def media(self) -> list[MediaRef]:
        """The photos and clip on this slide."""
        found = [p.photo for p in self.pictures if p.photo is not None]
        if self.clip is not None:
            found.append(self.clip)
        return found

    def symbols(self) -> list[Symbol]:
        """Every symbol on this slide."""
        found = [p.symbol for p in self.pictures if p.symbol is not None]
        return found + [line.symbol for line in self.lines if line.symbol is not None]


@dataclass
class DeckPlan:
    """Everything the writer needs, as plain data."""

    title: str
    """The deck's title (document properties and the first slide)."""
    language: str
    """Language tag for every text run, e.g. ``en-GB``."""
    palette: str
    """The colour theme's name (``theme.PALETTES``)."""
    project_root: Path
    slides: list[SlidePlan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Plain sentences about things left out (a symbol that could not be found...)."""

    def media(self) -> list[MediaRef]:
        """Every media item the deck embeds, each once, in slide order."""
        seen: dict[str, MediaRef] = {}
        for slide in self.slides:
            for item in slide.media():
                seen.setdefault(item.sha256, item)
        return list(seen.values())

    def symbols(self) -> list[Symbol]:
        """Every symbol the deck shows, each once."""
        seen: dict[str, Symbol] = {}
        for slide in self.slides:
            for symbol in slide.symbols():
                seen.setdefault(symbol.ref, symbol)
        return list(seen.values())


# -- making the plan ----------------------------------------------------------------------------


@dataclass
class _Context:
    """What every slide-making function needs."""

    qs: QuestionSet
    info: Any
    """The project's ``ProjectInfo``."""
    info_context: dict[str, Any]
    symbols: SymbolSource
    exclude: frozenset[str]
    notes: list[str]
    project_root: Path
    media_path: Callable[[Any], Path]

    def text(self, template: str, **extra: Any) -> str:
        return self.qs.texts.render(template, self.info_context | extra)

    def find_symbol(self, word: str) -> Symbol | None:
        try:
            return self.symbols.find(word)
        except Exception as exc:  # a broken symbol set must not stop the deck
            self.notes.append(f"The symbol '{word}' could not be read ({exc}); it is left out.")
            return None


def make_plan(
    project: Any,
    *,
    symbols: SymbolSource | None = None,
    exclude_media: frozenset[str] = frozenset(),
) -> DeckPlan:
    """Plan the deck for ``project`` (a ``pcpv.project.Project``).

    ``symbols`` is where symbols come from (default: the project's symbol library).
    ``exclude_media`` holds SHA-256 hashes of media to leave out (bad files the user chose to skip).
    """
    info = project.info
    qs = project.questions
    ctx = _Context(
        qs=qs,
        info=info,
        info_context=text_context(info),
        symbols=symbols if symbols is not None else project_symbols(project.root),
        exclude=exclude_media,
        notes=[],
        project_root=project.root,
        media_path=project.media_path,
    )
    deck_title = ctx.text("title.j2")
    slides: list[SlidePlan] = [_title_slide(ctx, deck_title)]
    thanks_done = False
    for section in qs.sections:
        section_slides: list[SlidePlan] = []
        for prompt in section.prompts:
            answer = project.answer(prompt.id)
            if prompt.slide == PromptSlide.THANKS:
                section_slides.extend(_thanks_slides(ctx, prompt, answer))
                thanks_done = True
            elif answer.state == PromptState.ANSWERED:
                section_slides.extend(_prompt_slides(ctx, prompt, answer))
        if section_slides and section.id != SECTION_WITHOUT_HEADING:
            slides.append(_section_slide(ctx, section))
        slides.extend(section_slides)
    if not thanks_done:
        slides.extend(_thanks_slides(ctx, None, Answer()))
    plan = DeckPlan(
        title=deck_title,
        language=info.language or "en-GB",
        palette=theme.palette(info.presentation.theme).name,
        project_root=project.root,
        slides=slides,
        notes=ctx.notes,
    )
    credits = _credits_slide(ctx, plan)
    if credits is not None:
        plan.slides.append(credits)
    _fit_titles(ctx, plan.slides)
    return plan


def _title_slide(ctx: _Context, deck_title: str) -> SlidePlan:
    lines = [Line(t) for t in ctx.text("subtitle.j2").splitlines() if t.strip()]
    lines.append(Line(ctx.text("presenter.j2")))
    pictures = [Picture(alt=s.meaning, symbol=s) for s in _found(ctx, ["me", "meeting"])[:1]]
    return SlidePlan(
        kind=SlideKind.TITLE,
        title=deck_title,
        lines=lines,
        pictures=pictures,
        notes=ctx.text("notes-title.j2"),
    )


def _section_slide(ctx: _Context, section: Section) -> SlidePlan:
    title = render_string(section.title, ctx.info_context, name=f"section '{section.id}' title")
    intro = ctx.qs.intro_text(section, ctx.info) if section.intro else ""
    pictures = [Picture(alt=s.meaning, symbol=s) for s in _found(ctx, list(section.symbols))[:2]]
    return SlidePlan(
        kind=SlideKind.SECTION,
        title=title,
        lines=[Line(intro)] if intro else [],
        pictures=pictures,
        notes=ctx.text("notes-section.j2", title=title),
        section_id=section.id,
    )


def _found(ctx: _Context, words: list[str]) -> list[Symbol]:
    found = []
    for word in words:
        symbol = ctx.find_symbol(word)
        if symbol is not None and all(s.ref != symbol.ref for s in found):
            found.append(symbol)
    return found


def _media(
    ctx: _Context, prompt: Prompt, answer: Answer, question: str, kind: MediaKind
) -> list[MediaRef]:
    refs = []
    for item in answer.media:
        if item.kind != kind or item.sha256 in ctx.exclude:
            continue
        caption = item.caption.strip()
        if caption:
            alt = caption
        elif kind == MediaKind.PHOTO:
            alt = ctx.text("photo-alt.j2", question=question)
        else:
            alt = ctx.text(f"{kind.value}-no-caption.j2")
        refs.append(
            MediaRef(
                sha256=item.sha256,
                kind=kind,
                source=ctx.media_path(item),
                caption=caption,
                alt=alt,
                prompt_id=prompt.id,
                question=question,
                original_name=item.original_name,
            )
        )
    return refs


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]


def _place_symbols(
    paragraphs: list[str], symbols: list[Symbol]
) -> tuple[list[Symbol | None], list[Symbol]]:
    """Put each symbol beside the first paragraph that names it; the rest go to the picture
    column (a symbol is never put beside words it does not belong to)."""
    beside: list[Symbol | None] = [None] * len(paragraphs)
    rest: list[Symbol] = []
    lowered = [p.casefold() for p in paragraphs]
    for symbol in symbols:
        words = {symbol.meaning.casefold(), symbol.ref.split(":")[-1].casefold()}
        for i, text in enumerate(lowered):
            if beside[i] is None and any(w and _names(text, w) for w in words):
                beside[i] = symbol
                break
        else:
            rest.append(symbol)
    return beside, rest


def _names(text: str, word: str) -> bool:
    """True when ``text`` holds ``word`` as a whole word (or its plural, "dog" in "dogs")."""
    return re.search(rf"\b{re.escape(word)}(s|es)?\b", text) is not None


def _prompt_slides(
    ctx: _Context, prompt: Prompt, answer: Answer, *, number: bool = True
) -> list[SlidePlan]:
    question = ctx.qs.question_text(prompt, ctx.info)
    photos = _media(ctx, prompt, answer, question, MediaKind.PHOTO)
    clips = _media(ctx, prompt, answer, question, MediaKind.AUDIO) + _media(
        ctx, prompt, answer, question, MediaKind.VIDEO
    )
    chosen = _found(ctx, answer.symbols)
    for word in answer.symbols:
        if all(s.ref != word for s in chosen) and ctx.find_symbol(word) is None:
            ctx.notes.append(f"No symbol was found for '{word}' ({prompt.id}); it is left out.")
    words = _paragraphs(answer.words)
    voice = Voice.STAFF if answer.words_by == WordsBy.STAFF else Voice.PATIENT
    kind = {
        PromptSlide.QUOTE: SlideKind.QUOTE,
        PromptSlide.NEXT: SlideKind.NEXT,
        PromptSlide.PHOTOS: SlideKind.PHOTOS,
    }.get(prompt.slide, SlideKind.ANSWER)

    slides: list[SlidePlan] = []
    has_words = bool(words or answer.choice.strip() or chosen)
    main_photo = photos[:1] if has_words else []
    if has_words:
        slides.extend(
            _words_slides(ctx, prompt, answer, question, words, voice, chosen, main_photo, kind)
        )
    for photo in photos[len(main_photo) :]:
        slides.append(
            SlidePlan(
                kind=SlideKind.PHOTOS,
                title=question,
                lines=[Line(_caption(question, photo.caption))] if photo.caption else [],
                pictures=[Picture(alt=photo.alt, photo=photo)],
                notes=_join(photo.caption, ctx.text("notes-prompt.j2", question=question)),
            )
        )
    for clip in clips:
        hint = ctx.text(f"{clip.kind.value}-hint.j2")
        slides.append(
            SlidePlan(
                kind=SlideKind.AUDIO if clip.kind == MediaKind.AUDIO else SlideKind.VIDEO,
                title=question,
                lines=[Line(_caption(question, clip.alt, hint)), Line(hint)],
                clip=clip,
                notes=_join(clip.alt, ctx.text("notes-media.j2", kind=clip.kind.value)),
            )
        )
    for slide in slides:
        slide.prompt_id = prompt.id
        slide.section_id = prompt.section_id
    return _numbered(ctx, slides) if number else slides


def _caption_box(question: str) -> tuple[float, float, int]:
    """Width, size and most lines for words beside a photo or clip on this prompt's slides."""
    _, title_lines = fit.fit_title(f"{question} (10 of 12)", layout.title_text_width_pt(), 2)
    box = layout.grid(len(title_lines), theme.TITLE_PT).words
    width, height = layout.text_area_pt(box)
    lines = min(theme.MAX_LINES_PER_SLIDE, int(height // fit.line_pitch_pt(theme.BODY_PT)))
    return width, float(theme.BODY_PT), lines


def _caption(question: str, caption: str, hint: str = "") -> str:
    """A caption as shown beside its picture or clip (with ``hint`` below it): whole if it fits,
    else shortened (the full caption stays in the alt text and the notes)."""
    width, size, lines = _caption_box(question)
    if hint:
        # Room for the hint's lines and the gap before it (counted as one more line).
        lines -= len(fit.wrap(hint, width, size)) + 1
    return fit.shorten(caption, width, size, max(1, lines))


def _words_slides(
    ctx: _Context,
    prompt: Prompt,
    answer: Answer,
    question: str,
    words: list[str],
    voice: Voice,
    chosen: list[Symbol],
    main_photo: list[MediaRef],
    kind: SlideKind,
) -> list[SlidePlan]:
    """The slides showing an answer's words (cut into parts when they do not fit one slide)."""
    paragraphs: list[str] = []
    voices: list[Voice] = []
    if answer.choice.strip():
        paragraphs.append(ctx.text("choice.j2", choice=answer.choice.strip()))
        voices.append(Voice.TEMPLATE)
    label = ""
    if words:
        label = ctx.text(
            "patient-words-label.j2" if voice == Voice.PATIENT else "staff-words-label.j2"
        )
        paragraphs.extend(words)
        voices.extend([voice] * len(words))
    beside, rest = _place_symbols(paragraphs, chosen)
    if not words and not answer.choice.strip():
        # An answer made of symbols only: each symbol's meaning beside it.
        label = ctx.text("symbols-label.j2")
        paragraphs = [s.meaning for s in rest]
        voices = [Voice.PATIENT] * len(paragraphs)
        beside, rest = list(rest), []
    pictures = [Picture(alt=p.alt, photo=p) for p in main_photo]
    pictures += [Picture(alt=s.meaning, symbol=s) for s in rest[:MAX_COLUMN_SYMBOLS]]
    if not pictures and not any(beside):
        pictures = [Picture(alt=s.meaning, symbol=s) for s in _found(ctx, list(prompt.symbols))[:1]]
    quote = kind == SlideKind.QUOTE and voice == Voice.PATIENT and bool(words)
    with_symbols = any(beside)
    # Measure against the tallest title this prompt's slides can get ("... (10 of 12)"), so the
    # words still fit when the title needs a third line.
    _, title_lines = fit.fit_title(f"{question} (10 of 12)", layout.title_text_width_pt(), 2)
    grid = layout.grid(len(title_lines), theme.TITLE_PT)
    box = grid.words_box(with_picture=bool(pictures), with_symbols=with_symbols)
    width, height = layout.text_area_pt(box)
    if quote:
        width -= 2 * fit.metrics().width_pt("“", theme.BODY_PT)
    reserved = len(fit.wrap(label, width, theme.BODY_PT)) if label else 0
    pages = fit.paginate(
        paragraphs, fit.Box(width, height, theme.BODY_PT, reserved, 1 if label else 0)
    )
    slides = []
    for page in pages:
        lines = []
        for text, (index, starts) in zip(page.paragraphs, page.sources, strict=True):
            lines.append(Line(text, beside[index] if starts else None, voices[index]))
        shown_voice = voice if words else Voice.TEMPLATE
        notes = _join(
            label,
            "\n".join(line.text for line in lines),
            ctx.text("notes-prompt.j2", question=question),
        )
        slides.append(
            SlidePlan(
                kind=kind,
                title=question,
                label=label,
                lines=lines,
                voice=shown_voice,
                pictures=list(pictures),
                notes=notes,
            )
        )
    return slides


def _thanks_slides(ctx: _Context, prompt: Prompt | None, answer: Answer) -> list[SlidePlan]:
    section = ctx.qs.section(prompt.section_id) if prompt is not None else None
    title = (
        render_string(section.title, ctx.info_context, name="thanks title")
        if section is not None
        else ctx.text("thanks.j2")
    )
    slides: list[SlidePlan] = []
    if prompt is not None and answer.state == PromptState.ANSWERED:
        slides = _prompt_slides(ctx, prompt, answer, number=False)
        for slide in slides:
            if slide.kind == SlideKind.ANSWER:
                slide.kind = SlideKind.THANKS
    words_slides = [s for s in slides if s.kind == SlideKind.THANKS]
    if words_slides:
        words_slides[-1].lines.append(Line(ctx.text("thanks.j2")))
    else:
        symbols = _found(ctx, list(prompt.symbols) if prompt else ["thank you"])[:1]
        slides.insert(
            0,
            SlidePlan(
                kind=SlideKind.THANKS,
                title=title,
                lines=[Line(ctx.text("thanks.j2"))],
                pictures=[Picture(alt=s.meaning, symbol=s) for s in symbols],
                notes=ctx.text("thanks.j2"),
                prompt_id=prompt.id if prompt else "",
                section_id=prompt.section_id if prompt else "",
            ),
        )
    # The deck's last words slide is titled "Thank you for listening", not with the question.
    for slide in slides:
        if slide.kind == SlideKind.THANKS:
            slide.title = title
    return _numbered(ctx, slides)


def _credits_slide(ctx: _Context, plan: DeckPlan) -> SlidePlan | None:
    used = plan.symbols()
    if not used:
        return None
    credits = [c for c in ctx.symbols.credits(used) if c.required]
    if not credits:
        return None
    lines = [
        Line(c.text or ctx.text("credits.j2", set_name=c.set_name, licence=c.licence))
        for c in credits
    ]
    return SlidePlan(
        kind=SlideKind.CREDITS,
        title=ctx.text("credits-title.j2"),
        lines=lines,
        notes="\n".join(line.text for line in lines),
    )


def _numbered(ctx: _Context, slides: list[SlidePlan]) -> list[SlidePlan]:
    """Number the slides of one prompt that share a title: "(1 of 2)", "(2 of 2)"."""
    totals: dict[str, int] = {}
    for slide in slides:
        totals[slide.title] = totals.get(slide.title, 0) + 1
    counts: dict[str, int] = {}
    for slide in slides:
        base = slide.title
        counts[base] = counts.get(base, 0) + 1
        slide.part, slide.parts = counts[base], totals[base]
        if slide.parts > 1:
            part = ctx.text("continued.j2", part=slide.part, parts=slide.parts)
            slide.title = f"{base} ({part})"
    return slides


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p.strip())


def _fit_titles(ctx: _Context, slides: list[SlidePlan]) -> None:
    """Make every title unique, then measure it."""
    seen: dict[str, int] = {}
    for slide in slides:
        key = slide.title.casefold()
        if key in seen:
            seen[key] += 1
            slide.title = f"{slide.title} ({seen[key]})"
        else:
            seen[key] = 1
    width = layout.title_text_width_pt()
    for slide in slides:
        size, lines = fit.fit_title(slide.title, width, layout.TITLE_LINES)
        slide.title_size_pt, slide.title_lines = size, len(lines)
