"""The wizard's rules without a terminal: saving, undo, media checks, resuming, dates, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pcpv.errors import MediaError
from pcpv.model import MediaKind, Presenter, PromptState, WordsBy
from pcpv.project import Project
from pcpv.ui.recent import (
    MAX_RECENT,
    DisplaySettings,
    load_recent,
    load_settings,
    remember_recent,
    save_settings,
)
from pcpv.ui.workbench import MAX_UNDO, Workbench, clip_length, parse_day


def test_words_are_saved_at_once_and_one_spell_of_typing_is_one_undo(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        for text in ("I", "I like", "I like music"):
            assert wb.save_words("things-i-like", text, WordsBy.PATIENT)
        assert Project.open(project_dir).answer("things-i-like").words == "I like music"
        assert not wb.save_words("things-i-like", "I like music", WordsBy.PATIENT)
        assert len(wb.undo_steps) == 1
        wb.end_typing()
        wb.save_words("things-i-like", "I like music and films", WordsBy.PATIENT)
        assert len(wb.undo_steps) == 2
        assert wb.undo().label == "Changed the words"
        assert Project.open(project_dir).answer("things-i-like").words == "I like music"
        wb.undo()
        again = Project.open(project_dir).answer("things-i-like")
        assert again.words == "" and again.state is PromptState.NOT_STARTED
        assert wb.undo() is None


def test_changing_only_whose_words_is_saved(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        wb.save_words("my-name", "Sam", WordsBy.PATIENT)
        assert wb.save_words("my-name", "Sam", WordsBy.STAFF)
    assert Project.open(project_dir).answer("my-name").words_by is WordsBy.STAFF


def test_undo_puts_back_removed_media_and_symbols_and_state(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        prompt = project.prompt("things-i-like")
        added = wb.add_media(prompt, pictures / "beach.jpg", caption="  Me at the beach ")
        assert added.item.caption == "Me at the beach"
        assert added.details == "64 by 48"
        wb.set_symbols("things-i-like", ["openmoji:26BD", "openmoji:1F3B5"])
        wb.remove_symbol("things-i-like", "openmoji:26BD")
        wb.remove_media("things-i-like", added.item.sha256)
        wb.set_state("things-i-like", PromptState.NOT_TODAY)
        saved = Project.open(project_dir).answer("things-i-like")
        assert saved.media == [] and saved.symbols == ["openmoji:1F3B5"]
        assert saved.state is PromptState.NOT_TODAY

        assert wb.undo().label == "Marked 'not today'"
        assert wb.undo().label == "Removed the photo beach.jpg"
        restored = Project.open(project_dir).answer("things-i-like")
        assert [m.sha256 for m in restored.media] == [added.item.sha256]
        assert project.media_path(restored.media[0]).is_file()
        assert restored.state is PromptState.ANSWERED
        assert wb.undo().label == "Removed a symbol"
        assert Project.open(project_dir).answer("things-i-like").symbols == [
            "openmoji:26BD",
            "openmoji:1F3B5",
        ]


def test_a_caption_change_is_saved_and_undone(project_dir: Path, pictures: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        prompt = project.prompt("things-i-like")
        sha = wb.add_media(prompt, pictures / "beach.jpg", caption="beach").item.sha256
        changed = wb.set_caption("things-i-like", sha, "  Me at the beach  ")
        assert changed is not None and changed.caption == "Me at the beach"
        assert [m.caption for m in Project.open(project_dir).answer("things-i-like").media] == [
            "Me at the beach"
        ]
        steps = len(wb.undo_steps)
        wb.set_caption("things-i-like", sha, "Me at the beach")  # the same words: no change
        assert wb.set_caption("things-i-like", "0" * 64, "gone") is None  # not on the answer
        assert len(wb.undo_steps) == steps
        assert wb.undo().label == "Changed the words for the photo beach.jpg"
        assert [m.caption for m in Project.open(project_dir).answer("things-i-like").media] == [
            "beach"
        ]


def test_undo_remembers_a_limited_number_of_changes(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        for i in range(MAX_UNDO + 5):
            wb.set_choice("feel-safe", ["Yes", "No"][i % 2])
        assert len(wb.undo_steps) == MAX_UNDO


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken.jpg", "broken.jpg"),
        ("notes.txt", "notes.txt"),
        ("empty.jpg", "empty"),
        ("missing.jpg", "cannot find"),
    ],
)
def test_bad_media_is_refused_with_the_reason_and_nothing_changes(
    project_dir: Path, pictures: Path, name: str, reason: str
) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        wb.save_words("things-i-like", "football", WordsBy.PATIENT)
        before = Project.open(project_dir).answer("things-i-like")
        with pytest.raises(MediaError) as refused:
            wb.add_media(project.prompt("things-i-like"), pictures / name)
        assert reason in str(refused.value)
        for word in ("exception", "invalid", "schema", "Traceback"):
            assert word not in str(refused.value)
        assert Project.open(project_dir).answer("things-i-like") == before
        assert len(wb.undo_steps) == 1  # only the words


def test_a_sound_is_refused_where_the_question_takes_only_photos(
    project_dir: Path, pictures: Path
) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        with pytest.raises(MediaError, match="takes a photo"):
            wb.add_media(project.prompt("important-to-me"), pictures / "voice.wav")
        added = wb.add_media(project.prompt("my-name"), pictures / "voice.wav")
        assert added.item.kind is MediaKind.AUDIO
        assert added.details == "0:02 long"


def test_resume_goes_to_the_next_open_prompt_after_the_last_worked_on(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        wb = Workbench(project)
        assert wb.first_time
        assert wb.resume_prompt().id == "my-name"
        wb.start_session(["patient", "SALT"], "about me")
        assert not wb.first_time
        wb.save_words("my-name", "Sam", WordsBy.PATIENT)
        wb.set_state("things-i-like", PromptState.SKIPPED)
        assert wb.resume_prompt().id == "important-to-me"
        ids = [p.id for p in wb.prompts()]
        for prompt_id in ids:
            if prompt_id not in ("my-name", "things-i-like"):
                wb.set_state(prompt_id, PromptState.SKIPPED)
        assert wb.resume_prompt() is None
        wb.set_state("my-name", PromptState.NOT_TODAY)
        assert wb.resume_prompt().id == "my-name"  # wraps round to the start
        first = wb.progress()[0]
        assert (first[0].id, first[1], first[2]) == ("about-me", 3, 4)


def test_meeting_details_are_saved_to_the_project(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        Workbench(project).update_info(
            name=" Sammy ",
            meeting_title="My CTR",
            date=dt.date(2027, 2, 1),
            presenter=Presenter.NOT_IN_ROOM,
        )
    info = Project.open(project_dir).info
    assert (info.name, info.meeting.title, info.meeting.date) == (
        "Sammy",
        "My CTR",
        dt.date(2027, 2, 1),
    )
    assert info.presentation.presenter is Presenter.NOT_IN_ROOM


@pytest.mark.parametrize(
    "text", ["15 January 2027", "15 jan 2027", "15/01/2027", "2027-01-15", " 15 January, 2027 "]
)
def test_dates_are_read_the_way_people_write_them(text: str) -> None:
    assert parse_day(text) == dt.date(2027, 1, 15)


def test_a_date_that_is_not_one_says_how_to_write_it() -> None:
    assert parse_day("  ") is None
    with pytest.raises(ValueError, match="like 15 January 2027"):
        parse_day("next Tuesday")
    with pytest.raises(ValueError):
        parse_day("31/02/2027")


def test_clip_lengths_read_like_a_clock() -> None:
    assert [clip_length(s) for s in (0.4, 7, 150.4, 3723)] == ["0:00", "0:07", "2:30", "1:02:03"]


def test_recent_projects_keep_paths_only_newest_first(tmp_path: Path) -> None:
    folders = []
    for i in range(MAX_RECENT + 2):
        folder = tmp_path / f"p{i}"
        folder.mkdir()
        folders.append(folder)
        remember_recent(folder)
    remember_recent(folders[3])
    recent = load_recent()
    assert recent[0] == folders[3].resolve()
    assert len(recent) == MAX_RECENT
    folders[-1].rmdir()
    assert folders[-1].resolve() not in load_recent()


def test_a_damaged_settings_file_is_treated_as_empty(tmp_path: Path) -> None:
    from pcpv.userdirs import config_dir

    (config_dir() / "recent.yaml").write_text("recent: [unclosed", encoding="utf-8")
    (config_dir() / "wizard.yaml").write_text(": : :", encoding="utf-8")
    assert load_recent() == []
    assert load_settings() == DisplaySettings()
    save_settings(DisplaySettings(high_contrast=True))
    assert load_settings().high_contrast and not load_settings().large_spacing


def test_own_topics_become_questions(tmp_path: Path) -> None:
    from conftest import make_info

    root = tmp_path / "own"
    Project.create(root, make_info("own"))
    with Project.open_for_writing(root) as project:
        wb = Workbench(project)
        before = len(wb.prompts())
        wb.update_info(
            name="Sam",
            meeting_title="",
            date=None,
            presenter=Presenter.ME,
            topics=["Football", " football ", "My garden", ""],
        )
        assert project.info.own_topics == ["Football", "football", "My garden"]
        assert project.info.meeting.title == "Care and Treatment Review"  # empty keeps the old
        topics = [p.topic for p in wb.prompts() if p.topic]
        assert len(wb.prompts()) == before + 3 and topics == ["Football", "football", "My garden"]
