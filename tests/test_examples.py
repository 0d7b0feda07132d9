"""The example projects in ``examples/`` are real, complete and show every kind of answer.

The README, the demo and other engineers' tests lean on these folders, so this file checks them
through pcpv's own loader: they open, every answer fits its prompt, every media file is where the
answers say and named by its hash, and the media generator gives the same bytes every time.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pcpv.model import MediaKind, PromptState, WordsBy
from pcpv.project import Project
from pcpv.questions import AnswerKind

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
PROJECTS = {"sam-ctr": "ctr", "alex-cpa": "cpa", "jo-own": "own"}
MAX_EXAMPLES_BYTES = 3 * 1024 * 1024
MEDIA_NAMES = {
    "garden.jpg", "bedroom-guitar.jpg", "kitchen.jpg", "football-pitch.jpg", "calendar.jpg",
    "bus.jpg", "favourite-tune.wav", "message-for-mam.wav", "my-goal.mp4",
}  # fmt: skip
EXIF_ORIENTATION, EXIF_GPS, EXIF_ARTIST = 0x0112, 0x8825, 0x013B


def run_script(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def projects() -> dict[str, Project]:
    return {name: Project.open(EXAMPLES / name) for name in PROJECTS}


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("media")
    result = run_script("make_media.py", out)
    assert result.returncode == 0, result.stderr
    return out


# -- the example projects -------------------------------------------------------------------------


def test_both_examples_open_with_their_question_set(projects):
    for name, set_id in PROJECTS.items():
        project = projects[name]
        assert project.questions.id == set_id
        assert project.info.meeting.kind.value == set_id
        assert (project.info.meeting.date is None) == (name == "jo-own")
        assert project.sessions, f"{name} has no working sessions"
        assert not project.orphan_answers(), f"{name} answers prompts its set does not have"


def test_every_kind_of_answer_is_used_somewhere(projects):
    answers = [a for p in projects.values() for a in p.answers.values()]
    states = {a.state for a in answers}
    assert set(PromptState) - {PromptState.NOT_STARTED} <= states
    assert {a.words_by for a in answers if a.words} == set(WordsBy)
    assert any(a.choice for a in answers)
    assert any(a.symbols for a in answers)
    assert {m.kind for a in answers for m in a.media} == set(MediaKind)
    # An answer with only a choice, and one with both words and media, show the mix a deck gets.
    assert any(a.choice and not a.words for a in answers)
    assert any(a.words and a.media for a in answers)


def test_some_prompts_are_left_to_do(projects):
    # A real project is rarely finished: the status and the deck must cope with gaps.
    sam = projects["sam-ctr"]
    open_prompts = [p.id for p in sam.questions.prompts() if sam.answer(p.id).is_open]
    assert "my-tribunal" in open_prompts
    assert sam.answer("my-section").state == PromptState.NOT_TODAY
    assert sam.answer("held-or-apart").state == PromptState.SKIPPED


def test_own_topics_become_prompts_of_their_own(projects):
    jo = projects["jo-own"]
    assert jo.info.own_topics == ["Football", "My music"]
    section = jo.questions.section("my-topics")
    assert section is not None
    assert [p.id for p in section.prompts] == ["my-topics-football", "my-topics-my-music"]
    assert jo.answer("my-topics-football").media[0].kind == MediaKind.PHOTO
    assert jo.answer("my-topics-my-music").media[0].kind == MediaKind.AUDIO
    question = jo.questions.question_text(section.prompts[1], jo.info)
    assert question == "My music: what do I want to say?"


def test_each_example_shows_who_presents_differently(projects):
    presenters = {p.info.presentation.presenter for p in projects.values()}
    assert len(presenters) == len(projects)
    assert projects["alex-cpa"].info.meeting.title == "Care review"


def test_answers_fit_their_prompts(projects):
    kind_to_answer = {
        MediaKind.PHOTO: AnswerKind.PHOTO,
        MediaKind.AUDIO: AnswerKind.AUDIO,
        MediaKind.VIDEO: AnswerKind.VIDEO,
    }
    for name, project in projects.items():
        for prompt_id, answer in project.answers.items():
            prompt = project.prompt(prompt_id)
            if answer.choice:
                assert answer.choice in prompt.choices, (name, prompt_id, answer.choice)
            for item in answer.media:
                assert kind_to_answer[item.kind] in prompt.answers, (name, prompt_id)
                assert item.caption, f"{name}/{prompt_id}: {item.file} has no caption"
            if answer.state == PromptState.ANSWERED:
                assert answer.words or answer.choice or answer.symbols or answer.media


def test_media_files_exist_and_are_named_by_their_hash(projects):
    for name, project in projects.items():
        items = [m for a in project.answers.values() for m in a.media]
        assert items, name
        for item in items:
            path = project.media_path(item)
            assert path.is_file(), f"{name}: {item.file} is missing"
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert digest == item.sha256, f"{name}: {item.file} changed since it was added"
            assert path.parent.name == "media"
            assert path.stem == digest[: len(path.stem)] and len(path.stem) >= 16
            assert item.original_name in MEDIA_NAMES
        assert not project.missing_media()
        assert not project.unused_media(), f"{name} has files no answer uses"


def test_patients_words_are_kept_as_said(projects):
    # Dialect stays: the examples must never show the patient's words "corrected".
    sam, alex = projects["sam-ctr"], projects["alex-cpa"]
    assert "canny" in sam.answer("treated-well").words
    assert alex.answer("family-know").words == "Love you mam. I'm doing canny."
    assert alex.answer("family-know").words_by == WordsBy.PATIENT
    assert sam.answer("my-medicine").words_by == WordsBy.STAFF


def test_examples_stay_small():
    total = sum(p.stat().st_size for p in EXAMPLES.rglob("*") if p.is_file())
    assert total < MAX_EXAMPLES_BYTES, f"examples/ holds {total:,} bytes"


def test_examples_leave_no_scratch_behind():
    leftovers = [p for p in EXAMPLES.rglob("*") if p.name.startswith((".building-", ".pcpv-work"))]
    assert not leftovers


# -- the media generator --------------------------------------------------------------------------


def test_make_media_is_deterministic(media_dir, tmp_path):
    again = tmp_path / "again"
    result = run_script("make_media.py", again)
    assert result.returncode == 0, result.stderr
    first = {p.name: p.read_bytes() for p in media_dir.iterdir()}
    second = {p.name: p.read_bytes() for p in again.iterdir()}
    assert set(first) == MEDIA_NAMES
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing


def test_photos_are_phone_sized_jpegs(media_dir):
    for name in sorted(MEDIA_NAMES):
        if not name.endswith(".jpg"):
            continue
        with Image.open(media_dir / name) as img:
            assert img.format == "JPEG"
            assert max(img.size) == 1600 and min(img.size) == 1200


def test_some_photos_carry_metadata_the_builder_must_handle(media_dir):
    with Image.open(media_dir / "bedroom-guitar.jpg") as img:
        exif = img.getexif()
        assert exif[EXIF_ORIENTATION] == 6
        assert img.size == (1200, 1600), "orientation 6 means the pixels are stored sideways"
        gps = exif.get_ifd(EXIF_GPS)
        assert gps[1] == "N" and gps[3] == "W"
        assert exif[EXIF_ARTIST]
    with Image.open(media_dir / "garden.jpg") as img:
        assert img.getexif()[EXIF_ORIENTATION] == 1
        assert not img.getexif().get_ifd(EXIF_GPS)


def _riff_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8, "RIFF size must match the file"
    chunks, pos = {}, 12
    while pos < len(data):
        chunk_id, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        chunks[chunk_id] = data[pos + 8 : pos + 8 + size]
        pos += 8 + size + (size % 2)
    assert pos == len(data)
    return chunks


def test_sounds_are_short_valid_wavs_and_one_has_tags(media_dir):
    for name, seconds in (("favourite-tune.wav", (3, 5)), ("message-for-mam.wav", (2, 5))):
        chunks = _riff_chunks((media_dir / name).read_bytes())
        channels, rate, _, _, bits = struct.unpack("<HIIHH", chunks[b"fmt "][2:16])
        assert (channels, bits) == (1, 16)
        duration = len(chunks[b"data"]) / (rate * 2)
        assert seconds[0] <= duration <= seconds[1], (name, duration)
        assert max(abs(s) for (s,) in struct.iter_unpack("<h", chunks[b"data"])) > 1000
    tagged = _riff_chunks((media_dir / "message-for-mam.wav").read_bytes())
    assert tagged[b"LIST"].startswith(b"INFO") and b"INAM" in tagged[b"LIST"]
    assert b"LIST" not in _riff_chunks((media_dir / "favourite-tune.wav").read_bytes())


def test_video_is_a_short_h264_aac_mp4(media_dir):
    from mutagen.mp4 import MP4

    path = media_dir / "my-goal.mp4"
    data = path.read_bytes()
    assert data[4:8] == b"ftyp"
    assert b"avc1" in data and b"mp4a" in data
    info = MP4(path).info
    assert 3.0 <= info.length <= 5.0
    assert info.codec.startswith("mp4a.40")  # AAC
    assert b"+55.5000-001.0000/" in data, "the fake location the builder must strip"


# -- the build script -----------------------------------------------------------------------------


def _answers_without_times(project: Project) -> dict[str, tuple]:
    return {
        pid: (a.state, a.words, a.words_by, a.choice, tuple(a.symbols),
              tuple((m.sha256, m.caption) for m in a.media))
        for pid, a in project.answers.items()
    }  # fmt: skip


@pytest.mark.slow
def test_build_examples_remakes_the_committed_projects(tmp_path, projects):
    result = run_script("build_examples.py", tmp_path)
    assert result.returncode == 0, result.stderr
    for name in PROJECTS:
        rebuilt = Project.open(tmp_path / name)
        assert _answers_without_times(rebuilt) == _answers_without_times(projects[name])
        assert rebuilt.info.to_dict() | {"created": None} == projects[name].info.to_dict() | {
            "created": None
        }
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".building-")]


def test_build_examples_refuses_to_delete_a_folder_that_is_not_a_project(tmp_path):
    precious = tmp_path / "sam-ctr"
    precious.mkdir()
    (precious / "notes.txt").write_text("not a pcpv project", encoding="utf-8")
    result = run_script("build_examples.py", tmp_path)
    assert result.returncode != 0
    assert "not a pcpv project" in result.stderr
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "not a pcpv project"


def test_symbols_chosen_in_the_examples_all_resolve(projects):
    from pcpv.symbols.library import SymbolLibrary

    library = SymbolLibrary.load()
    refs = {ref for p in projects.values() for a in p.answers.values() for ref in a.symbols}
    assert refs
    assert not [ref for ref in sorted(refs) if library.resolve(ref) is None]


def test_a_failed_build_leaves_the_old_examples_whole(tmp_path, monkeypatch):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import build_examples
    finally:
        sys.path.remove(str(EXAMPLES))
    shutil.copytree(EXAMPLES / "sam-ctr", tmp_path / "sam-ctr")
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def broken_step(folder: Path, media: Path) -> None:
        raise SystemExit("pcpv answer ... failed")

    monkeypatch.setattr(build_examples, "build_sam", broken_step)
    with pytest.raises(SystemExit, match="failed"):
        build_examples.main([str(tmp_path)])
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sam-ctr"]
