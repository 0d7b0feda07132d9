"""The deck plan: which slides, what is on each, whose words. No pptx written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pcpv.deck import fit, layout, theme
from pcpv.deck.plan import SlideKind, Voice, make_plan
from pcpv.deck.symbols import FolderSymbols, NoSymbols
from pcpv.model import MediaKind, PromptState, WordsBy
from pcpv.project import Project

from .conftest import make_symbols
from conftest import make_info


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "sam"
    Project.create(root, make_info())
    return root


def _plan(root: Path, symbols=None):
    return make_plan(Project.open(root), symbols=symbols or NoSymbols())


def test_an_empty_project_gives_a_title_and_a_thank_you(project):
    plan = _plan(project)
    assert [s.kind for s in plan.slides] == [SlideKind.TITLE, SlideKind.THANKS]
    assert plan.title == "Sam's Care and Treatment Review"
    assert plan.slides[0].title == plan.title
    texts = [line.text for line in plan.slides[0].lines]
    assert texts == ["My points of view", "15 January 2027", "We will show my slides together."]
    assert plan.slides[-1].title == "Thank you for listening"
    assert plan.language == "en-GB"
    assert plan.palette == "cream"


def test_only_answered_prompts_get_slides_and_sections_get_a_heading(project):
    with Project.open_for_writing(project) as p:
        p.set_words("feel-safe", "Yes I do.")
        p.set_words("my-medicine", "I take a tablet.")
        p.set_state("my-medicine", PromptState.NOT_TODAY)
        p.set_words("when-upset", "Music helps.")
        p.set_state("when-upset", PromptState.SKIPPED)
    plan = _plan(project)
    kinds = [(s.kind, s.title) for s in plan.slides]
    assert (SlideKind.SECTION, "Am I safe?") in kinds
    assert (SlideKind.ANSWER, "Do I feel safe here?") in kinds
    assert all("medicine" not in t and "upset" not in t for _, t in kinds)
    # No heading slide for sections with nothing answered.
    assert (SlideKind.SECTION, "Am I getting good care now?") not in kinds


def test_patient_words_are_theirs_and_staff_words_say_so(project):
    with Project.open_for_writing(project) as p:
        p.set_words("held-or-apart", "It was scary. I did not like it.")
        p.set_words("before-i-leave", "Sam wants to show staff they can keep calm.", WordsBy.STAFF)
    plan = _plan(project)
    quote = next(s for s in plan.slides if s.prompt_id == "held-or-apart")
    assert quote.kind == SlideKind.QUOTE and quote.quote
    assert quote.label == "Sam said:"
    assert quote.voice == Voice.PATIENT
    assert quote.lines[0].text == "It was scary. I did not like it."  # exactly as said
    staff = next(s for s in plan.slides if s.prompt_id == "before-i-leave")
    assert staff.label == "Written with Sam by staff:"
    assert staff.voice == Voice.STAFF
    assert not staff.quote  # staff words are never dressed up as a quote
    assert "Ask Sam if they want to say more." in quote.notes
    assert "It was scary. I did not like it." in quote.notes


def test_a_choice_is_shown_in_words(project):
    with Project.open_for_writing(project) as p:
        p.set_choice("feel-safe", "Sometimes")
    slide = next(s for s in _plan(project).slides if s.prompt_id == "feel-safe")
    assert [line.text for line in slide.lines] == ["My answer: Sometimes"]
    assert slide.label == ""


def test_long_answers_continue_on_numbered_slides_that_fit(project):
    words = "\n".join(f"This is my point number {n} and it matters to me a lot." for n in range(9))
    with Project.open_for_writing(project) as p:
        p.set_words("feel-safe", words)
    slides = [s for s in _plan(project).slides if s.prompt_id == "feel-safe"]
    assert len(slides) > 1
    assert [s.title for s in slides] == [
        f"Do I feel safe here? ({n} of {len(slides)})" for n in range(1, len(slides) + 1)
    ]
    shown = [line.text for s in slides for line in s.lines]
    assert shown == words.splitlines()
    width, height = layout.text_area_pt(
        layout.grid().words_box(with_picture=True, with_symbols=False)
    )
    for slide in slides:
        texts = [slide.label] + [line.text for line in slide.lines]
        assert fit.text_height_pt(texts, width, theme.BODY_PT) <= height
        assert len(slide.lines) + 1 <= theme.MAX_IDEAS_PER_SLIDE


def test_every_title_is_unique_and_measured(project):
    with Project.open_for_writing(project) as p:
        p.info.own_topics = ["Football", "football!"]
        p.save_info()
    root = project
    with Project.open_for_writing(root) as p:
        for prompt in p.questions.prompts():
            if "words" in [k.value for k in prompt.answers]:
                p.set_words(prompt.id, "Yes.")
    plan = _plan(root)
    titles = [s.title.casefold() for s in plan.slides]
    assert len(titles) == len(set(titles))
    for slide in plan.slides:
        assert theme.MIN_TITLE_PT <= slide.title_size_pt <= theme.TITLE_PT
        assert slide.title_lines == len(
            fit.wrap(slide.title, layout.title_text_width_pt(), slide.title_size_pt, bold=True)
        )


def test_symbols_stand_beside_the_lines_they_belong_to(project, tmp_path):
    symbols = make_symbols(tmp_path / "sym")
    with Project.open_for_writing(project) as p:
        p.set_words("things-i-like", "I like music.\nI like my dog.\nFootball is the best.")
        p.set_symbols("things-i-like", ["football", "music", "home"])
    slides = [s for s in _plan(project, symbols).slides if s.prompt_id == "things-i-like"]
    lines = [line for s in slides for line in s.lines]
    beside = {line.text: line.symbol.meaning if line.symbol else None for line in lines}
    assert beside == {
        "I like music.": "music",
        "I like my dog.": None,
        "Football is the best.": "football",
    }
    # "home" names no line, so it goes to the picture column with its meaning as alt text.
    column = [p for s in slides for p in s.pictures]
    assert [(p.symbol.meaning, p.alt) for p in column] == [("home", "home")] * len(slides)


def test_an_answer_of_symbols_only_shows_their_meanings(project, tmp_path):
    symbols = make_symbols(tmp_path / "sym")
    with Project.open_for_writing(project) as p:
        p.set_symbols("things-i-like", ["football", "music", "not-a-symbol"])
    plan = _plan(project, symbols)
    slide = next(s for s in plan.slides if s.prompt_id == "things-i-like")
    assert slide.label == "Sam chose these pictures:"
    assert [(line.text, line.symbol.ref) for line in slide.lines] == [
        ("football", "football"),
        ("music", "music"),
    ]
    assert any("not-a-symbol" in note for note in plan.notes)


def test_credits_only_when_a_licence_asks_for_them(project, tmp_path):
    with Project.open_for_writing(project) as p:
        p.set_words("things-i-like", "I like music.")
        p.set_symbols("things-i-like", ["music"])
    by_sa = _plan(project, make_symbols(tmp_path / "a", "CC BY-SA 4.0"))
    assert by_sa.slides[-1].kind == SlideKind.CREDITS
    assert by_sa.slides[-1].lines[0].text == (
        "Symbols from Test Symbols, shared under the CC BY-SA 4.0 licence."
    )
    own = _plan(project, make_symbols(tmp_path / "b", "Our own pictures"))
    assert all(s.kind != SlideKind.CREDITS for s in own.slides)
    none = _plan(project, FolderSymbols(tmp_path / "empty"))
    assert all(s.kind != SlideKind.CREDITS for s in none.slides)


def test_media_get_their_own_slides_with_words_and_alt_text(sample):
    plan = make_plan(Project.open(sample.root), symbols=sample.symbols)
    liked = [s for s in plan.slides if s.prompt_id == "things-i-like"]
    kinds = [s.kind for s in liked]
    assert kinds.count(SlideKind.AUDIO) == 1 and kinds.count(SlideKind.VIDEO) == 1
    assert liked[0].pictures[0].photo is not None
    assert liked[0].pictures[0].alt == "Me at the football match"
    audio = next(s for s in liked if s.kind == SlideKind.AUDIO)
    assert audio.clip.kind == MediaKind.AUDIO
    assert [line.text for line in audio.lines] == [
        "My favourite song",
        "Click the speaker to hear it.",
    ]
    for ref in plan.media():
        assert ref.alt and not ref.alt.lower().endswith((".jpg", ".mp3", ".wav", ".mp4", ".m4a"))
    # The same photo answers two prompts: the plan lists it once.
    assert len(plan.media()) == len({m.sha256 for m in plan.media()})
    excluded = make_plan(
        Project.open(sample.root),
        symbols=sample.symbols,
        exclude_media=frozenset({audio.clip.sha256}),
    )
    assert audio.clip.sha256 not in {m.sha256 for m in excluded.media()}
    assert len(excluded.slides) == len(plan.slides) - 1


def test_a_photo_without_a_caption_gets_words_not_its_file_name(project, sample):
    with Project.open_for_writing(project) as p:
        p.add_media("my-room", sample.inputs / "IMG_0002.jpg")
    slide = next(s for s in _plan(project).slides if s.prompt_id == "my-room")
    assert slide.pictures[0].alt == "A photo Sam chose for: What is my room like?"


def test_the_plan_does_not_import_python_pptx():
    code = (
        "import sys, pcpv.deck.plan, pcpv.deck.fit, pcpv.deck.layout, pcpv.deck.assets;"
        "print('pptx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_theme_stays_light_and_the_package_exports_the_builder():
    code = (
        "import sys, pcpv.deck.theme, pcpv.deck;"
        "light = 'pptx' not in sys.modules;"
        "from pcpv.deck import build_deck, make_plan, write_deck;"
        "print(light, callable(build_deck), 'pptx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]


def test_a_very_long_caption_is_shortened_on_the_slide_but_kept_whole_in_alt_text(project, sample):
    caption = "This is me singing my favourite song with the music group on a Tuesday. " * 5
    with Project.open_for_writing(project) as p:
        p.add_media("my-name", sample.inputs / "name.wav", caption=caption.strip())
    slide = next(s for s in _plan(project).slides if s.prompt_id == "my-name")
    assert slide.clip.alt == caption.strip()
    shown, hint = (line.text for line in slide.lines)
    assert shown.endswith("…") and hint == "Click the speaker to hear it."
    width, height = layout.text_area_pt(layout.grid().words)
    assert fit.text_height_pt([shown, hint], width, theme.BODY_PT) <= height
    assert caption.strip() in slide.notes
