from __future__ import annotations

import copy
import hashlib
import stat
import sys
from pathlib import Path

import pytest
import yaml

from pcpv.errors import MediaError, ProjectExistsError, ProjectNotFoundError, UnknownPromptError
from pcpv.model import MediaKind, PromptState, WordsBy
from pcpv.project import Project

from conftest import make_info, tiny_png, tiny_wav


def test_new_project_layout_is_plain_and_private(project_dir: Path) -> None:
    names = sorted(p.name for p in project_dir.iterdir() if not p.name.startswith("."))
    assert names == ["answers.yaml", "media", "project.yaml", "sessions.yaml"]
    # The empty lock file may stay; the note of who holds it goes when the lock is released.
    assert not (project_dir / ".pcpv.lock.who").exists()
    data = yaml.safe_load((project_dir / "project.yaml").read_text())
    assert data["schema"] == 2
    assert data["name"] == "Sam"
    assert data["meeting"] == {
        "kind": "ctr",
        "title": "Care and Treatment Review",
        "date": "2027-01-15",
    }
    assert data["questions"] == {"set": "ctr", "version": 1}
    assert data["presentation"] == {"presenter": "together", "theme": "cream"}
    assert (project_dir / "project.yaml").read_text().startswith("# pcpv project")
    if sys.platform != "win32":
        for path in [project_dir, project_dir / "media", *project_dir.glob("*.yaml")]:
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_new_project_refuses_existing_project_or_full_folder(
    project_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(ProjectExistsError, match="already a project"):
        Project.create(project_dir, make_info())
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(ProjectExistsError, match="not empty"):
        Project.create(other, make_info())
    assert [p.name for p in other.iterdir()] == ["holiday.jpg"]


def test_opening_a_folder_that_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFoundError, match="no folder called"):
        Project.open(tmp_path / "nope")
    with pytest.raises(ProjectNotFoundError, match="not a pcpv project"):
        Project.open(tmp_path)


def test_answers_round_trip_with_whose_words(project_dir: Path) -> None:
    words = "I like my room.\nI don't like the noise at night."
    with Project.open_for_writing(project_dir) as project:
        project.set_words("feel-safe", words, WordsBy.PATIENT)
        project.set_words("my-room", "Sam showed us the garden.", WordsBy.STAFF)
        project.set_state("held-or-apart", PromptState.SKIPPED)
        project.set_state("my-medicine", PromptState.NOT_TODAY)
    reopened = Project.open(project_dir)
    assert reopened.answer("feel-safe").words == words
    assert reopened.answer("feel-safe").words_by is WordsBy.PATIENT
    assert reopened.answer("feel-safe").state is PromptState.ANSWERED
    assert reopened.answer("my-room").words_by is WordsBy.STAFF
    assert reopened.answer("held-or-apart").state is PromptState.SKIPPED
    assert reopened.answer("my-medicine").state is PromptState.NOT_TODAY
    assert reopened.answer("my-goals").state is PromptState.NOT_STARTED
    # The patient's words are stored as a readable block, exactly as said.
    text = (project_dir / "answers.yaml").read_text()
    assert "words: |-\n      I like my room.\n      I don't like the noise at night." in text


def test_choice_must_be_one_of_the_prompts_choices(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        prompt = next(p for p in project.questions.prompts() if p.choices)
        project.set_choice(prompt.id, prompt.choices[0])
        with pytest.raises(Exception, match="not one of the choices"):
            project.set_choice(prompt.id, "Banana")
    assert Project.open(project_dir).answer(prompt.id).choice == prompt.choices[0]


def test_unknown_prompt_is_refused_with_the_list(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project, pytest.raises(UnknownPromptError) as err:
        project.set_words("feel-saef", "hi")
    assert "feel-safe" in err.value.hint


def test_media_is_copied_under_its_hash_and_keeps_its_name_as_a_note(
    project_dir: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_0012.JPG"  # PNG bytes with a .JPG name, as messaging apps do
    photo.write_bytes(tiny_png())
    sound = tmp_path / "voice.m4a"
    sound.write_bytes(tiny_wav())
    with Project.open_for_writing(project_dir) as project:
        prompt_id = next(
            p.id
            for p in project.questions.prompts()
            if {"photo", "audio"} <= {k.value for k in p.answers}
        )
        item = project.add_media(prompt_id, photo, caption="My garden")
        again = project.add_media(prompt_id, photo, caption="My garden")
        voice = project.add_media(prompt_id, sound)
    digest = hashlib.sha256(tiny_png()).hexdigest()
    assert item.file == f"media/{digest[:20]}.png"
    assert item.kind is MediaKind.PHOTO and item.mime == "image/png"
    assert item.original_name == "IMG_0012.JPG"
    assert again.file == item.file
    assert voice.kind is MediaKind.AUDIO and voice.file.endswith(".wav")
    answer = Project.open(project_dir).answer(prompt_id)
    assert [m.file for m in answer.media] == [item.file, voice.file]
    assert answer.media[0].caption == "My garden"
    assert (project_dir / item.file).read_bytes() == tiny_png()
    assert answer.state is PromptState.ANSWERED


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.jpg", b"", "is empty"),
        ("notes.jpg", b"Sam's nurse said hello", "is a text file, not a photo"),
        ("letter.png", b"%PDF-1.7\n...", "is a PDF document"),
        ("noise.mp3", bytes(range(256)) * 4, "cannot tell what kind of file"),
    ],
)
def test_files_that_are_not_media_are_refused(
    project_dir: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    before = (project_dir / "answers.yaml").read_bytes()
    with (
        Project.open_for_writing(project_dir) as project,
        pytest.raises(MediaError, match=message) as err,
    ):
        project.add_media("feel-safe", bad)
    assert name in str(err.value)
    assert (project_dir / "answers.yaml").read_bytes() == before
    assert list((project_dir / "media").iterdir()) == []


def test_missing_file_and_folder_are_refused(project_dir: Path, tmp_path: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        with pytest.raises(MediaError, match="cannot find"):
            project.add_media("feel-safe", tmp_path / "gone.jpg")
        with pytest.raises(MediaError, match="is a folder"):
            project.add_media("feel-safe", tmp_path)


def test_media_of_a_kind_the_prompt_does_not_take(project_dir: Path, tmp_path: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        prompt = next(
            p for p in project.questions.prompts() if "audio" not in {k.value for k in p.answers}
        )
        sound = tmp_path / "song.wav"
        sound.write_bytes(tiny_wav())
        with pytest.raises(MediaError, match=r"is a WAV sound, but the prompt .* is answered with"):
            project.add_media(prompt.id, sound)
    assert list((project_dir / "media").iterdir()) == []


def test_removed_media_stays_on_disk_until_tidied(project_dir: Path, tmp_path: Path) -> None:
    photo = tmp_path / "a.png"
    photo.write_bytes(tiny_png())
    with Project.open_for_writing(project_dir) as project:
        item = project.add_media("feel-safe", photo)
        assert project.remove_media("feel-safe", item.sha256) == item
        assert project.unused_media() == [project_dir / item.file]
    assert Project.open(project_dir).answer("feel-safe").media == []


def test_media_deleted_by_hand_is_reported_not_fatal(project_dir: Path, tmp_path: Path) -> None:
    photo = tmp_path / "a.png"
    photo.write_bytes(tiny_png())
    with Project.open_for_writing(project_dir) as project:
        item = project.add_media("feel-safe", photo)
    (project_dir / item.file).unlink()
    assert [m.file for m in Project.open(project_dir).missing_media()] == [item.file]


def test_sessions_log_who_and_what(project_dir: Path) -> None:
    with Project.open_for_writing(project_dir) as project:
        project.start_session(["patient", "SALT"], plan="About me")
        project.set_words("my-name", "Sam")
        project.set_words("things-i-like", "Football")
        project.set_words("my-name", "Sammy")
    sessions = Project.open(project_dir).sessions
    assert len(sessions) == 1
    assert sessions[0].who == ["patient", "SALT"]
    assert sessions[0].plan == "About me"
    assert sessions[0].worked_on == ["my-name", "things-i-like"]


def test_reading_only_project_cannot_be_changed(project_dir: Path) -> None:
    project = Project.open(project_dir)
    with pytest.raises(Exception, match="reading only"):
        project.set_words("my-name", "Sam")


def test_own_topics_become_prompts(tmp_path: Path) -> None:
    root = tmp_path / "own"
    Project.create(root, make_info("own", topics=["Football", "My music"]))
    ids = [p.id for p in Project.open(root).questions.prompts()]
    topic_ids = [i for i in ids if i.endswith(("-football", "-my-music"))]
    assert len(topic_ids) == 2
    with Project.open_for_writing(root) as project:
        project.set_words(topic_ids[0], "I support Newcastle.")
        text = project.questions.question_text(project.prompt(topic_ids[1]), project.info)
    assert "My music" in text


def test_scratch_folder_lives_in_the_project_and_goes_away(project_dir: Path) -> None:
    project = Project.open(project_dir)
    with project.scratch() as scratch:
        assert scratch.parent.parent == project_dir
        (scratch / "frame.png").write_bytes(b"x")
    assert not scratch.exists()
    assert not (project_dir / ".pcpv-work").exists()


def test_damaged_photo_is_refused_when_added_and_nothing_is_kept(
    project_dir: Path, tmp_path: Path
) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 200)).save(buffer, "JPEG")
    broken = tmp_path / "cut-off.jpg"
    broken.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with Project.open_for_writing(project_dir) as project, pytest.raises(MediaError) as err:
        project.add_media("feel-safe", broken)
    assert "cut-off.jpg" in str(err.value)
    assert list((project_dir / "media").iterdir()) == []
    assert Project.open(project_dir).answer("feel-safe").media == []


def test_sizes_and_lengths_are_recorded(project_dir: Path, tmp_path: Path) -> None:
    photo = tmp_path / "a.png"
    photo.write_bytes(tiny_png(8, 5))
    sound = tmp_path / "b.wav"
    sound.write_bytes(tiny_wav(0.5))
    with Project.open_for_writing(project_dir) as project:
        prompt_id = next(
            p.id
            for p in project.questions.prompts()
            if {"photo", "audio"} <= {k.value for k in p.answers}
        )
        project.add_media(prompt_id, photo)
        project.add_media(prompt_id, sound)
    photo_item, sound_item = Project.open(project_dir).answer(prompt_id).media
    assert (photo_item.width, photo_item.height) == (8, 5)
    assert sound_item.duration_s == pytest.approx(0.5, abs=0.05)


def test_caption_can_be_changed_and_an_answer_restored(project_dir: Path, tmp_path: Path) -> None:
    photo = tmp_path / "a.png"
    photo.write_bytes(tiny_png())
    with Project.open_for_writing(project_dir) as project:
        item = project.add_media("feel-safe", photo, caption="garden")
        project.set_caption("feel-safe", item.sha256, "The garden where I feel calm")
        with pytest.raises(Exception, match="no such photo"):
            project.set_caption("feel-safe", "0" * 64, "x")
        before = copy.deepcopy(project.answer("my-name"))
        project.set_words("my-name", "Sammy")
        project.restore_answer("my-name", before if before.words else None)
    reopened = Project.open(project_dir)
    assert reopened.answer("feel-safe").media[0].caption == "The garden where I feel calm"
    assert reopened.answer("my-name").words == ""
    assert "my-name" not in reopened.answers


def test_a_deck_may_not_overwrite_the_projects_own_files(project_dir: Path) -> None:
    from pcpv.errors import UsageError
    from pcpv.project import check_deck_output

    for bad in ("answers.yaml", "consent.yaml", "media/deck.pptx", "deck.ppt"):
        with pytest.raises(UsageError):
            check_deck_output(project_dir, project_dir / bad)
    check_deck_output(project_dir, project_dir / "Sam.pptx")
    check_deck_output(project_dir, project_dir.parent / "out" / "Sam.PPTX")
