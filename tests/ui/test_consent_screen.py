"""The consent step in the wizard: one item at a time, the checks, the family question, the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, RadioSet, Static

from pcpv.consent import (
    CONSENT_QUESTION,
    FLAG_QUESTIONS,
    ME_QUESTION,
    VOICE_AND_FACE,
    VOICE_AND_FACE_QUESTION,
    ConsentBook,
    Decision,
    GivenBy,
    How,
    PhotoFlag,
    answer_key,
    consent_items,
)
from pcpv.model import WordsBy
from pcpv.project import Project
from pcpv.ui.app import WizardApp
from pcpv.ui.consent_bench import Sitting, checks_done, checks_for
from pcpv.ui.screens.consent import ConsentItemScreen, ConsentStartScreen, ConsentSummaryScreen
from pcpv.ui.screens.dialogs import HelpScreen
from pcpv.ui.screens.review import ReviewScreen
from pcpv.ui.screens.session import SessionScreen
from pcpv.ui.widgets.choice import PictureChoice

from .helpers import make_app
from .test_wizard_flow import PLAIN_WORDS_BANNED, SIZE, click, settle, text_of


@pytest.fixture
def answered_project(project_dir: Path, pictures: Path) -> Path:
    """Sam's project with words, a sound and a photo: five consent items."""
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient", "SALT"], "")
        project.set_words("my-name", "Sam", WordsBy.PATIENT)
        project.add_media("my-name", pictures / "voice.wav", caption="Me saying my name")
        project.set_words("things-i-like", "Football", WordsBy.PATIENT)
        project.add_media("things-i-like", pictures / "beach.jpg", caption="Me at the beach")
    return project_dir


def keys_in_order(root: Path) -> list[str]:
    return [i.key for i in consent_items(Project.open(root))]


def asked(app: WizardApp) -> str:
    return text_of(app, "#ask")


async def press_button(pilot, app: WizardApp, button_id: str) -> None:
    await click(pilot, app, f"#{button_id}")
    await settle(pilot, app)


async def start_sitting(pilot, app: WizardApp, recorder: str, how_index: int) -> None:
    await pilot.press("f5")
    await settle(pilot, app)
    assert isinstance(app.screen, ConsentStartScreen)
    app.screen.query_one("#recorded-by", Input).value = recorder
    list(app.screen.query_one("#how", RadioSet).query(RadioButton))[how_index].value = True
    await press_button(pilot, app, "start")


async def test_consent_step_records_each_answer_and_the_checks(
    answered_project: Path, pictures: Path
) -> None:
    keys = keys_in_order(answered_project)
    assert keys[0] == VOICE_AND_FACE and keys[1] == answer_key("my-name")
    audio_key, photo_key = keys[2], keys[4]
    assert audio_key.startswith("audio:") and keys[3] == answer_key("things-i-like")
    assert photo_key.startswith("photo:")

    app = make_app(answered_project, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await start_sitting(pilot, app, "Jo Smith, SALT", how_index=1)  # pointed

        # 1. Face and voice, asked first and on its own.
        assert isinstance(app.screen, ConsentItemScreen) and app.screen.key == VOICE_AND_FACE
        assert asked(app) == VOICE_AND_FACE_QUESTION
        await press_button(pilot, app, "decide-family")

        # 2. The words of "my name": shown, then No.
        assert app.screen.key == answer_key("my-name")
        assert '"Sam" (Sam\'s own words)' in text_of(app, "#item-words")
        assert asked(app) == CONSENT_QUESTION
        await press_button(pilot, app, "decide-meeting-only")

        # 3. The sound: "Is it you?" first (no photo checks for a sound), then Yes.
        assert app.screen.key == audio_key
        assert 'Sound: "Me saying my name"' in text_of(app, "#item-words")
        assert asked(app) == ME_QUESTION
        await press_button(pilot, app, "check-no")
        assert asked(app) == CONSENT_QUESTION
        await press_button(pilot, app, "decide-family")

        # 4. "Ask another day", then the photo's first check, then back to 4 to answer it.
        assert app.screen.key == answer_key("things-i-like")
        await press_button(pilot, app, "later")
        assert app.screen.key == photo_key
        assert asked(app) == FLAG_QUESTIONS[PhotoFlag.OTHER_PEOPLE]
        assert app.screen.query("#item-picture")  # the photo itself, shown large
        await pilot.press("f3")
        await settle(pilot, app)
        assert app.screen.key == answer_key("things-i-like")
        await press_button(pilot, app, "decide-family")

        # 5. The photo: the four checks, "is it you?", then Not sure.
        assert app.screen.key == photo_key
        for flag, answer in [
            (PhotoFlag.OTHER_PEOPLE, "check-no"),
            (PhotoFlag.STAFF, "check-no"),
            (PhotoFlag.SECURITY, "check-yes"),
            (PhotoFlag.PLACE_NAME, "check-no"),
        ]:
            assert asked(app) == FLAG_QUESTIONS[flag]
            await press_button(pilot, app, answer)
        assert asked(app) == ME_QUESTION
        await press_button(pilot, app, "check-yes")
        assert asked(app) == CONSENT_QUESTION
        await press_button(pilot, app, "decide-not-sure")

        # The last item leads to the summary.
        assert isinstance(app.screen, ConsentSummaryScreen)
        summary = text_of(app, "#summary-text")
        assert "The family copy will hold 2 of 4 items." in summary
        assert "in:  Words for 'What do I like doing?'" in summary
        assert "in:  Sound for 'What do I like people to call me?': Me saying my name" in summary
        assert "out: Words for 'What do I like people to call me?'" in summary
        assert "Not sure yet" in summary and "keys, locks, doors, fences or cameras" in summary
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
    app.close_project()

    book = ConsentBook.load(answered_project)
    assert {key: book.decision(key) for key in keys} == {
        VOICE_AND_FACE: Decision.FAMILY,
        answer_key("my-name"): Decision.MEETING_ONLY,
        audio_key: Decision.FAMILY,
        answer_key("things-i-like"): Decision.FAMILY,
        photo_key: Decision.NOT_SURE,
    }
    for key in keys:
        [record] = book.history(key)  # one decision each: "ask another day" recorded nothing
        assert (record.recorded_by, record.how, record.given_by) == (
            "Jo Smith, SALT",
            How.POINTED,
            GivenBy.PATIENT,
        )
    photo = book.item(photo_key)
    assert (photo.flags_checked, photo.flags, photo.shows_me) == (True, [PhotoFlag.SECURITY], True)
    assert book.item(audio_key).shows_me is False
    included = {i.key for i in consent_items(Project.open(answered_project)) if i.in_family_copy}
    assert included == {VOICE_AND_FACE, audio_key, answer_key("things-i-like")}


async def test_who_and_how_is_asked_once_and_bad_answers_are_refused(
    answered_project: Path, pictures: Path
) -> None:
    app = make_app(answered_project, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f5")
        await settle(pilot, app)
        assert isinstance(app.screen, ConsentStartScreen)
        # Nobody written down: refused, and nothing moves on.
        app.screen.query_one("#recorded-by", Input).value = "  "
        await press_button(pilot, app, "start")
        assert isinstance(app.screen, ConsentStartScreen)
        # A best-interest decision without the role of who made it: refused.
        app.screen.query_one("#recorded-by", Input).value = "Jo Smith, SALT"
        list(app.screen.query_one("#given-by", RadioSet).query(RadioButton))[1].value = True
        await press_button(pilot, app, "start")
        assert isinstance(app.screen, ConsentStartScreen)
        app.screen.query_one("#role", Input).value = "consultant psychiatrist"
        await press_button(pilot, app, "start")
        assert isinstance(app.screen, ConsentItemScreen)
        # Clicking the picture above "No" is the same as pressing "No".
        no = app.screen.query_one("#decide-meeting-only").parent
        assert isinstance(no, PictureChoice)
        await pilot.click(no.query_one(".choice-picture"))
        await settle(pilot, app)
        assert app.screen.key == answer_key("my-name")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen)

        # The second time this sitting: straight to the next item still to ask.
        await pilot.press("f5")
        await settle(pilot, app)
        assert isinstance(app.screen, ConsentItemScreen)
        assert app.screen.key == answer_key("my-name")

        # F1 help on each consent screen is plain words.
        for screen in (app.screen, ConsentStartScreen(), ConsentSummaryScreen()):
            text = screen.PLAIN_HELP.lower()
            assert "family" in text
            assert not any(word in text for word in PLAIN_WORDS_BANNED)
        await pilot.press("f1")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        await settle(pilot, app)
        await pilot.press("ctrl+q")
    app.close_project()
    [record] = ConsentBook.load(answered_project).history(VOICE_AND_FACE)
    assert (record.decision, record.given_by, record.decided_by_role, record.how) == (
        Decision.MEETING_ONLY,
        GivenBy.BEST_INTEREST,
        "consultant psychiatrist",
        How.MEETING,
    )


async def test_family_copy_is_reachable_from_review_and_says_when_nothing_is_answered(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("f7")
        await settle(pilot, app)
        assert isinstance(app.screen, ReviewScreen)
        await press_button(pilot, app, "consent")
        await start_sitting(pilot, app, "Jo Smith, SALT", how_index=0)
        assert isinstance(app.screen, ConsentSummaryScreen)
        summary = str(app.screen.query_one("#summary-text", Static).render())
        assert "nothing to ask about yet" in summary
        assert "will hold 0 of 0 items" in summary
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+q")
    app.close_project()
    assert not (project_dir / "consent.yaml").exists()


async def test_symbols_of_an_answer_are_shown_with_it(project_dir: Path, pictures: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient"], "")
        project.set_words("things-i-like", "Football", WordsBy.PATIENT)
        project.set_symbols("things-i-like", ["openmoji:26BD", "openmoji:1F44D"])
    app = make_app(project_dir, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.consent_bench().sitting = Sitting()
        app.push_screen(ConsentItemScreen(answer_key("things-i-like")))
        await settle(pilot, app)
        shown = list(app.screen.query(".item-symbol"))
        assert len(shown) == 2
        assert all(getattr(widget, "image", None) is not None for widget in shown)
        assert text_of(app, "#item-words") == '"Football" (Sam\'s own words)'
    app.close_project()


async def test_a_damaged_consent_file_is_explained_and_nothing_is_lost(
    answered_project: Path, pictures: Path
) -> None:
    damaged = "schema: 1\nitems: [oops\n"
    (answered_project / "consent.yaml").write_text(damaged, encoding="utf-8")
    app = make_app(answered_project, pictures)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await start_sitting(pilot, app, "Jo Smith, SALT", how_index=0)
        assert isinstance(app.screen, ConsentSummaryScreen)
        said = text_of(app, "#summary-text")
        assert "pcpv could not read" in said and "consent.yaml, line 3" in said
        assert "Nothing has been changed" in said
        await pilot.press("ctrl+q")
    app.close_project()
    assert (answered_project / "consent.yaml").read_text(encoding="utf-8") == damaged


def test_which_checks_each_kind_of_item_gets(answered_project: Path) -> None:
    items = {i.kind.value: i for i in consent_items(Project.open(answered_project))}
    photo = [c.question for c in checks_for(items["photo"])]
    assert photo == [*FLAG_QUESTIONS.values(), ME_QUESTION]
    assert [c.question for c in checks_for(items["audio"])] == [ME_QUESTION]
    assert checks_for(items["words"]) == [] and checks_for(items["voice-and-face"]) == []
    assert not checks_done(items["photo"]) and checks_done(items["words"])
