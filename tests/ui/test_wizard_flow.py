"""The wizard driven with Textual's pilot, as a SALT and a patient would use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from pcpv.cli import main
from pcpv.errors import ProjectLockedError
from pcpv.model import MediaKind, PromptState, WordsBy
from pcpv.project import Project
from pcpv.ui.app import HIGH_CONTRAST_THEME, WizardApp
from pcpv.ui.recent import load_recent, load_settings
from pcpv.ui.screens.about import AboutScreen
from pcpv.ui.screens.dialogs import CaptionScreen, ConfirmScreen, HelpScreen
from pcpv.ui.screens.media import MediaPickScreen
from pcpv.ui.screens.prompt import PromptScreen
from pcpv.ui.screens.review import ReviewScreen
from pcpv.ui.screens.session import SessionScreen
from pcpv.ui.screens.start import StartScreen
from pcpv.ui.screens.symbols import SymbolScreen

from .helpers import make_app

SIZE = (80, 24)
PLAIN_WORDS_BANNED = ("schema", "invalid", "exception", "traceback", "errno")


async def settle(pilot, app: WizardApp) -> None:
    """Let messages, timers and background work finish."""
    await pilot.pause()
    # The file browser keeps a loader worker waiting for folders to open: don't wait for that one.
    mine = [w for w in app.workers if w.group != "_loader" and not w.is_finished]
    if mine:  # an empty list would mean "every worker"
        await app.workers.wait_for_complete(mine)
    await pilot.pause()


async def click(pilot, app: WizardApp, selector: str) -> None:
    """Click a widget as a person would: scroll it into view first (the screen may be small)."""
    app.screen.query_one(selector).scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(selector)


def text_of(app: WizardApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def options(app: WizardApp, selector: str) -> list[str]:
    listing = app.screen.query_one(selector, OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def add_file(pilot, app: WizardApp, path: Path, caption: str = "") -> None:
    await click(pilot, app, "#add-media")
    await settle(pilot, app)
    assert isinstance(app.screen, MediaPickScreen)
    app.screen.query_one("#path", Input).value = str(path)
    app.screen.query_one("#caption", Input).value = caption
    await click(pilot, app, "#add")
    await settle(pilot, app)
    assert isinstance(app.screen, PromptScreen)


async def type_words(pilot, app: WizardApp, words: str) -> None:
    app.screen.query_one("#words", TextArea).focus()
    await pilot.press(*words)
    await pilot.pause(0.5)  # longer than the save delay


async def test_a_whole_project_from_new_to_reopened(tmp_path: Path, pictures: Path) -> None:
    folder = tmp_path / "projects" / "sam"
    app = make_app(None, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, StartScreen)
        await click(pilot, app, "#new")
        await settle(pilot, app)
        assert isinstance(app.screen, AboutScreen)
        app.screen.query_one("#folder", Input).value = str(folder)
        app.screen.query_one("#name", Input).value = "Sam"
        app.screen.query_one("#date", Input).value = "15 January 2027"
        await click(pilot, app, "#save")
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)
        assert "About me: 0 of 4 done" in options(app, "#progress")[0]

        # Who is here today, and what we plan.
        app.screen.query_one("#here-others", Input).value = "nurse"
        app.screen.query_one("#plan", Input).value = "about me"
        await click(pilot, app, "#start")
        await click(pilot, app, "#carry-on")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptScreen) and app.screen.prompt_id == "my-name"
        assert "What do I like people to call me?" in text_of(app, "#question")
        assert "For the SALT:" in text_of(app, "#note")

        # 1. My name: own words and an audio clip.
        await type_words(pilot, app, "Call me Sam")
        await add_file(pilot, app, pictures / "voice.wav")
        assert options(app, "#media") == ["Sound: voice.wav (0:02 long)"]
        await pilot.press("f4")
        await settle(pilot, app)

        # 2. Things I like: words, a photo with a caption, and the suggested symbols.
        assert app.screen.prompt_id == "things-i-like"
        await type_words(pilot, app, "I like football")
        await add_file(pilot, app, pictures / "beach.jpg", caption="Me at the beach")
        assert options(app, "#media") == ['Photo: beach.jpg (64 by 48) - "Me at the beach"']
        await click(pilot, app, "#choose-symbols")
        await settle(pilot, app)
        assert isinstance(app.screen, SymbolScreen)
        rows = options(app, "#rows")
        assert any("football" in row and row.startswith("[x]") for row in rows), rows
        await click(pilot, app, "#done")
        await settle(pilot, app)
        assert options(app, "#symbols") == ["thumbs up (OpenMoji)", "soccer ball (OpenMoji)"]

        # 3. Skip one, 4. "not today" another.
        await pilot.press("f4")
        await settle(pilot, app)
        assert app.screen.prompt_id == "important-to-me"
        await pilot.press("f5")
        await settle(pilot, app)
        assert app.screen.prompt_id == "talk-with-me"
        await pilot.press("f6")
        await settle(pilot, app)
        assert app.screen.prompt_id == "feel-safe"
        await pilot.press("ctrl+q")
    app.close_project()
    assert app.return_value == 0

    saved = Project.open(folder)
    assert saved.info.name == "Sam" and str(saved.info.meeting.date) == "2027-01-15"
    assert saved.sessions[-1].who == ["patient", "SALT", "nurse"]
    assert saved.sessions[-1].plan == "about me"
    name = saved.answer("my-name")
    assert (name.words, name.words_by, name.state) == (
        "Call me Sam",
        WordsBy.PATIENT,
        PromptState.ANSWERED,
    )
    assert [m.kind for m in name.media] == [MediaKind.AUDIO]
    likes = saved.answer("things-i-like")
    assert likes.words == "I like football"
    assert [(m.kind, m.caption) for m in likes.media] == [(MediaKind.PHOTO, "Me at the beach")]
    assert likes.symbols == ["openmoji:1F44D", "openmoji:26BD"]
    assert saved.answer("important-to-me").state is PromptState.SKIPPED
    assert saved.answer("talk-with-me").state is PromptState.NOT_TODAY
    assert load_recent() == [folder.resolve()]

    # Reopen: everything is there, and "carry on" goes to the next question still to do.
    again = make_app(folder, pictures)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        assert isinstance(again.screen, SessionScreen)
        assert "About me: 3 of 4 done" in options(again, "#progress")[0]
        assert "Worked on 4 questions" in text_of(again, "#last-time")
        await click(pilot, again, "#carry-on")
        await settle(pilot, again)
        assert again.screen.prompt_id == "feel-safe"
        await pilot.press("f3", "f3", "f3")
        await settle(pilot, again)
        assert again.screen.prompt_id == "things-i-like"
        assert again.screen.query_one("#words", TextArea).text == "I like football"
        assert options(again, "#media")[0].startswith("Photo: beach.jpg (64 by 48)")
        await pilot.press("escape")
        await settle(pilot, again)
        assert isinstance(again.screen, SessionScreen)
    again.close_project()


async def test_words_typed_just_before_quitting_are_saved(
    project_dir: Path, pictures: Path
) -> None:
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await click(pilot, app, "#save")  # first time: about me
        await settle(pilot, app)
        await click(pilot, app, "#carry-on")
        await settle(pilot, app)
        app.screen.query_one("#words", TextArea).focus()
        await pilot.press(*"Sam", "ctrl+q")  # no pause: quit before the save timer fires
    app.close_project()
    assert Project.open(project_dir).answer("my-name").words == "Sam"


async def test_undo_puts_back_words_a_removed_photo_and_a_removed_symbol(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.add_media("things-i-like", pictures / "beach.jpg", caption="beach")
        project.set_symbols("things-i-like", ["openmoji:26BD"])
        project.set_words("things-i-like", "football", WordsBy.PATIENT)
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)

        # Removing a photo asks first; "No" keeps it.
        app.screen.query_one("#media", OptionList).highlighted = 0
        await click(pilot, app, "#remove-media")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focus starts on "No"
        await settle(pilot, app)
        assert len(Project.open(project_dir).answer("things-i-like").media) == 1

        app.screen.query_one("#media", OptionList).highlighted = 0
        await click(pilot, app, "#remove-media")
        await settle(pilot, app)
        await click(pilot, app, "#yes")
        await settle(pilot, app)
        assert Project.open(project_dir).answer("things-i-like").media == []

        app.screen.query_one("#symbols", OptionList).highlighted = 0
        await click(pilot, app, "#remove-symbol")
        await settle(pilot, app)
        await click(pilot, app, "#yes")
        await settle(pilot, app)
        assert Project.open(project_dir).answer("things-i-like").symbols == []

        await type_words(pilot, app, " and chips")
        assert Project.open(project_dir).answer("things-i-like").words == "football and chips"

        await pilot.press("f2")  # undo the words
        await settle(pilot, app)
        assert app.screen.query_one("#words", TextArea).text == "football"
        assert Project.open(project_dir).answer("things-i-like").words == "football"
        await pilot.press("f2")  # the symbol
        await settle(pilot, app)
        assert Project.open(project_dir).answer("things-i-like").symbols == ["openmoji:26BD"]
        await pilot.press("f2")  # the photo
        await settle(pilot, app)
        saved = Project.open(project_dir).answer("things-i-like")
        assert [m.caption for m in saved.media] == ["beach"]
        assert options(app, "#media")[0].startswith("Photo: beach.jpg")
        await pilot.press("f2")
        await settle(pilot, app)
        assert Project.open(project_dir).answer("things-i-like").words == "football"
    app.close_project()


async def test_what_a_photo_shows_is_changed_and_undone(project_dir: Path, pictures: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.add_media("things-i-like", pictures / "beach.jpg", caption="beach")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)
        await click(pilot, app, "#edit-caption")  # nothing chosen yet: it says so
        await settle(pilot, app)
        assert isinstance(app.screen, PromptScreen)
        assert [n.message for n in app._notifications] == [
            "First choose the file in the list above."
        ]
        app.clear_notifications()  # the message would cover the buttons for the next click
        await pilot.pause(0.3)  # a button ignores a second click while it shows the first

        app.screen.query_one("#media", OptionList).highlighted = 0
        await click(pilot, app, "#edit-caption")
        await settle(pilot, app)
        assert isinstance(app.screen, CaptionScreen)
        assert app.screen.query_one("#caption", Input).value == "beach"
        await click(pilot, app, "#cancel")  # cancel changes nothing
        await settle(pilot, app)
        await pilot.pause(0.3)
        assert Project.open(project_dir).answer("things-i-like").media[0].caption == "beach"

        await click(pilot, app, "#edit-caption")
        await settle(pilot, app)
        app.screen.query_one("#caption", Input).value = "Me and my brother at the [beach]"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptScreen)
        assert options(app, "#media")[0].endswith('- "Me and my brother at the [beach]"')
        saved = Project.open(project_dir).answer("things-i-like").media[0]
        assert saved.caption == "Me and my brother at the [beach]"

        await pilot.press("f2")
        await settle(pilot, app)
        assert options(app, "#media")[0].endswith('- "beach"')
        assert Project.open(project_dir).answer("things-i-like").media[0].caption == "beach"
    app.close_project()


@pytest.mark.parametrize("bad", ["broken.jpg", "notes.txt", "empty.jpg"])
async def test_bad_media_is_refused_with_its_reason_and_nothing_is_lost(
    project_dir: Path, pictures: Path, bad: str
) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)
        await type_words(pilot, app, "my dog")
        await add_file(pilot, app, pictures / bad, caption="my dog")
        message = text_of(app, "#media-message")
        assert message.startswith("Not added:") and bad in message
        assert not any(word in message.lower() for word in PLAIN_WORDS_BANNED)
        assert options(app, "#media") == ["(nothing added yet)"]
        assert app.screen.query_one("#words", TextArea).text == "my dog"
        # The screen still works: a good file goes in after the bad one.
        await add_file(pilot, app, pictures / "beach.jpg")
        assert options(app, "#media")[0].startswith("Photo: beach.jpg")
    app.close_project()
    saved = Project.open(project_dir).answer("things-i-like")
    assert saved.words == "my dog" and len(saved.media) == 1


async def test_the_file_browser_previews_a_photo_and_a_clip_length(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)
        await click(pilot, app, "#add-media")
        await settle(pilot, app)
        picker = app.screen
        picker.preview(pictures / "beach.jpg")
        await settle(pilot, app)
        assert picker.query_one("#preview-picture").image is not None
        assert "Photo, 64 by 48" in text_of(app, "#preview-text")
        picker.preview(pictures / "voice.wav")
        await settle(pilot, app)
        assert picker.query_one("#preview-picture").image is None
        assert "Sound, 0:02 long" in text_of(app, "#preview-text")
        picker.preview(pictures / "notes.txt")
        await settle(pilot, app)
        assert "pcpv cannot use this file" in text_of(app, "#preview-text")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptScreen)
    app.close_project()


async def test_a_second_wizard_on_the_same_project_is_refused(
    project_dir: Path, pictures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make_app(project_dir, pictures)
    with pytest.raises(ProjectLockedError, match="already open"):
        make_app(project_dir, pictures)
    # From the command line: a plain message and exit code 2, before any screen is drawn.
    assert main(["wizard", str(project_dir)]) == 2
    err = capsys.readouterr().err
    assert "already open" in err and "Close it there first" in err
    # From the start screen: the message is shown and the start screen stays.
    second = make_app(None, pictures)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot, second)
        second.screen.query_one("#open-path", Input).value = str(project_dir)
        await click(pilot, second, "#open")
        await settle(pilot, second)
        assert isinstance(second.screen, StartScreen)
        assert "already open" in text_of(second, "#start-message")
    first.close_project()
    # Once the first one is closed, the project opens.
    third = make_app(project_dir, pictures)
    third.close_project()


async def test_staff_words_get_a_live_easy_read_hint(project_dir: Path, pictures: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["SALT"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("talk-with-me")
        await settle(pilot, app)
        assert "own words" in text_of(app, "#hint") or "Type the answer" in text_of(app, "#hint")
        radios = list(app.screen.query("#words-by RadioButton"))
        radios[1].value = True  # written by staff
        await settle(pilot, app)
        await type_words(pilot, app, "The MDT will facilitate communication.")
        await settle(pilot, app)
        hint = text_of(app, "#hint")
        assert hint.startswith("Easy-read tip:"), hint
        assert "MDT" in hint, hint  # the tip names the jargon the staff just typed
    app.close_project()
    assert Project.open(project_dir).answer("talk-with-me").words_by is WordsBy.STAFF


async def test_review_lists_slides_and_open_prompts_and_jumps_to_one(
    project_dir: Path, pictures: Path
) -> None:
    pytest.importorskip("pcpv.deck.plan")
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.set_words("my-name", "Call me Sam", WordsBy.PATIENT)
        project.set_state("things-i-like", PromptState.NOT_TODAY)
    app = make_app(project_dir, pictures)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("f7")
        await settle(pilot, app)
        assert isinstance(app.screen, ReviewScreen)
        slides = options(app, "#slides")
        assert slides[0].startswith("1. ")
        assert any("Call me Sam" in s for s in slides)
        still = options(app, "#open")
        assert any("What do I like doing?" in s and "(not today)" in s for s in still)
        assert not any("What do I like people to call me?" in s for s in still)
        assert "still to do" in text_of(app, "#review-message")
        app.screen.query_one("#review-tabs").active = "tab-open"
        await settle(pilot, app)
        listing = app.screen.query_one("#open", OptionList)
        listing.focus()
        listing.highlighted = next(i for i, s in enumerate(still) if "What do I like doing" in s)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, PromptScreen) and app.screen.prompt_id == "things-i-like"
    app.close_project()


async def test_build_from_the_wizard_says_where_the_deck_is(
    project_dir: Path, pictures: Path
) -> None:
    pytest.importorskip("pcpv.deck.build")
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.set_words("my-name", "Call me Sam", WordsBy.PATIENT)
        project.add_media("things-i-like", pictures / "beach.jpg", caption="The beach")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("f8")
        await settle(pilot, app)
        for _ in range(100):  # the build runs in a thread; give it up to ~20 s
            if not app.screen.building:
                break
            await pilot.pause(0.2)
            await settle(pilot, app)
        result = text_of(app, "#build-result")
        assert "The deck is ready:" in result, result
        assert app.screen.result.path.is_file()
        assert app.screen.result.path.parent == project_dir
        assert "checker" in result.lower()
    app.close_project()


async def test_help_and_display_settings_work_on_every_main_screen(
    project_dir: Path, pictures: Path
) -> None:
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        seen = []
        for step in ("about", "session", "prompt"):
            if step == "session":
                await click(pilot, app, "#save")
            if step == "prompt":
                await click(pilot, app, "#carry-on")
            await settle(pilot, app)
            await pilot.press("f1")
            await settle(pilot, app)
            assert isinstance(app.screen, HelpScreen)
            seen.append(app.screen.text.splitlines()[0])
            assert not any(w in app.screen.text.lower() for w in PLAIN_WORDS_BANNED)
            await pilot.press("escape")
            await settle(pilot, app)
        assert seen == ["About me and the meeting", "Today's session", "A question"]

        assert app.screen.query_one(".body").styles.padding.left == 1
        await pilot.press("f9")
        await settle(pilot, app)
        await click(pilot, app, "#high-contrast")
        await click(pilot, app, "#large-spacing")
        await click(pilot, app, "#close")
        await settle(pilot, app)
        assert app.theme == HIGH_CONTRAST_THEME and app.has_class("-large")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(".body").styles.padding.left == 3
    app.close_project()
    assert load_settings().high_contrast and load_settings().large_spacing


async def test_nothing_about_the_patient_is_written_outside_the_project(
    project_dir: Path, pictures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import tempfile

    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)
        await type_words(pilot, app, "Sam's secret words")
        await add_file(pilot, app, pictures / "beach.jpg", caption="Sam at the beach")
        await click(pilot, app, "#choose-symbols")
        await settle(pilot, app)
        await click(pilot, app, "#done")
        await settle(pilot, app)
        await pilot.press("f7")
        await settle(pilot, app)
        await pilot.press("ctrl+q")
    app.close_project()
    assert list(temp.iterdir()) == []
    config = Path(os.environ["PCPV_CONFIG_DIR"])
    for path in config.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "secret" not in text and "beach" not in text and "Sam" not in text, path
    assert (config / "recent.yaml").is_file()
    cache = Path(os.environ["PCPV_CACHE_DIR"])
    assert all("symbols" in p.relative_to(cache).parts[:1] for p in cache.rglob("*") if p.is_file())


async def test_a_different_symbol_for_a_word_is_searched_picked_and_remembered(
    project_dir: Path, pictures: Path
) -> None:
    from pcpv.symbols import load_pins

    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.set_words("things-i-like", "I like football", WordsBy.PATIENT)
    app = make_app(project_dir, pictures)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)

        # Cancel changes nothing.
        await click(pilot, app, "#choose-symbols")
        await settle(pilot, app)
        await click(pilot, app, "#cancel")
        await settle(pilot, app)
        assert Project.open(project_dir).answer("things-i-like").symbols == []

        await click(pilot, app, "#choose-symbols")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SymbolScreen)
        rows = screen.query_one("#rows", OptionList)
        rows.focus()
        rows.highlighted = 0  # "like": turn its symbol off
        await pilot.press("enter")
        await settle(pilot, app)
        assert options(app, "#rows")[0].startswith("[ ] like")
        rows.highlighted = 1  # "football": search for another symbol
        await settle(pilot, app)
        search = screen.query_one("#search", Input)
        search.focus()
        search.value = ""
        await pilot.press(*"ball")
        await settle(pilot, app)
        results = screen.query_one("#results", OptionList)
        found = [results.get_option_at_index(i).id for i in range(results.option_count)]
        other = next(ref for ref in found if ref != "openmoji:26BD")
        results.highlighted = found.index(other)
        await click(pilot, app, "#use")
        await settle(pilot, app)
        assert options(app, "#rows")[1].startswith("[x] football:")
        await click(pilot, app, "#done")
        await settle(pilot, app)
    app.close_project()
    assert Project.open(project_dir).answer("things-i-like").symbols == [other]
    assert load_pins(project_dir)["football"] == other


async def test_words_that_look_like_markup_are_shown_as_written(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.add_media("things-i-like", pictures / "beach.jpg", caption="[b]me[/b] and [red]")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("things-i-like")
        await settle(pilot, app)
        listing = app.screen.query_one("#media", OptionList)
        shown = listing.get_option_at_index(0).prompt
        assert '"[b]me[/b] and [red]"' in shown.plain
    app.close_project()


async def test_a_choice_is_saved_when_it_is_picked(project_dir: Path, pictures: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.screen.open_prompt("feel-safe")
        await settle(pilot, app)
        assert "not started" in text_of(app, "#where")
        buttons = list(app.screen.query("#choice RadioButton"))
        assert [str(b.label) for b in buttons] == ["Yes", "Sometimes", "No"]
        buttons[1].scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(buttons[1])
        await settle(pilot, app)
        assert "answered" in text_of(app, "#where")
        await pilot.press("f2")
        await settle(pilot, app)
        assert Project.open(project_dir).answer("feel-safe").choice == ""
        assert isinstance(app.screen, PromptScreen) and app.screen.prompt_id == "feel-safe"
        assert not any(b.value for b in app.screen.query("#choice RadioButton"))
        assert "not started" in text_of(app, "#where")
    app.close_project()
