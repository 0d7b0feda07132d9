"""Sound: what PowerPoint will play, how long it lasts, and that no tag survives anywhere."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pcpv.errors import MediaError
from pcpv.media import inspect_media, prepare_audio, scrub_check
from pcpv.media.ffmpeg import probe
from pcpv.model import MediaKind

from . import makers

SECRETS = (makers.SECRET_NAME.encode(), makers.SECRET_PLACE.encode())


def _assert_clean(path: Path) -> None:
    data = path.read_bytes()
    assert scrub_check(path) == []
    for secret in SECRETS:
        assert secret not in data
    assert b"\xff\xd8\xff" not in data[:64] and b"covr" not in data and b"APIC" not in data


def _only_sound(path: Path, codec: str) -> None:
    streams = probe(path).streams
    assert [(s.type, s.codec) for s in streams] == [("audio", codec)]


def test_wav_loses_its_list_info_and_id3_chunks(made, work_dir):
    source = makers.wav_tagged(made, seconds=2.0)
    assert len(scrub_check(source)) == 2  # LIST/INFO and id3: the check sees them

    result = prepare_audio(source, work_dir=work_dir)

    assert (result.extension, result.mime) == (".wav", "audio/x-wav")
    assert result.duration_s == pytest.approx(2.0, abs=0.05)
    assert not result.converted
    assert result.path.parent == work_dir
    _assert_clean(result.path)
    _only_sound(result.path, "pcm_s16le")


def test_mp3_loses_id3v2_id3v1_and_ape_tags_and_cover_art(made, work_dir):
    source = makers.mp3_all_tags(made, seconds=3.0)
    assert set(scrub_check(source)) == {
        "an ID3v2 tag at the start",
        "an ID3v1 tag at the end",
        "an APE tag",
    }

    result = prepare_audio(source, work_dir=work_dir)

    assert (result.extension, result.mime) == (".mp3", "audio/mpeg")
    assert result.duration_s == pytest.approx(3.0, abs=0.1)
    assert not result.converted  # the sound itself is copied, not re-encoded
    _assert_clean(result.path)
    _only_sound(result.path, "mp3")


def test_mp3_with_garbage_in_front_is_still_taken(made, work_dir):
    source = makers.mp3_junk_in_front(made, seconds=3.0)
    info = inspect_media(source)
    assert info.kind is MediaKind.AUDIO
    assert info.duration_s == pytest.approx(3.0, abs=0.15)

    result = prepare_audio(source, work_dir=work_dir)

    assert result.extension == ".mp3"
    assert result.duration_s == pytest.approx(3.0, abs=0.15)
    assert result.path.read_bytes()[:2] != source.read_bytes()[:2]  # the garbage is gone
    _assert_clean(result.path)


def test_m4a_loses_itunes_tags_and_cover_art(made, work_dir):
    source = makers.m4a_with_cover(made, seconds=2.5)
    assert scrub_check(source)  # ilst with covr, artist and title

    result = prepare_audio(source, work_dir=work_dir)

    assert (result.extension, result.mime) == (".m4a", "audio/mp4")
    assert result.duration_s == pytest.approx(2.5, abs=0.05)
    _assert_clean(result.path)
    _only_sound(result.path, "aac")


@pytest.mark.parametrize(
    "maker",
    [makers.amr_voice_note, makers.three_gp_audio, makers.ogg_opus, makers.flac_with_picture],
    ids=["amr", "3gp", "opus", "flac"],
)
def test_formats_powerpoint_cannot_play_become_aac_in_m4a(made, work_dir, maker):
    source = maker(made, seconds=2.0)
    info = inspect_media(source)
    assert info.kind is MediaKind.AUDIO
    assert info.needs_conversion

    result = prepare_audio(source, work_dir=work_dir)

    assert (result.extension, result.mime) == (".m4a", "audio/mp4")
    assert result.converted
    assert result.duration_s == pytest.approx(2.0, abs=0.1)
    _assert_clean(result.path)
    _only_sound(result.path, "aac")


def test_audio_only_3gp_is_a_sound_not_a_video(made):
    info = inspect_media(makers.three_gp_audio(made))
    assert info.kind is MediaKind.AUDIO
    assert "voice recording" in info.label


def test_inspect_reports_the_length_for_the_wizard(made):
    info = inspect_media(makers.wav_tagged(made, seconds=1.5))
    assert info.kind is MediaKind.AUDIO
    assert info.duration_s == pytest.approx(1.5, abs=0.05)
    assert not info.needs_conversion


# -- refusals ------------------------------------------------------------------------------------


def _refusal(
    path: Path, work_dir: Path, prompt: str | None = None, *, inspect_refuses: bool = True
) -> str:
    with pytest.raises(MediaError) as caught:
        prepare_audio(path, work_dir=work_dir, prompt=prompt)
    message = str(caught.value)
    assert path.name in message
    assert list(work_dir.iterdir()) == [], "a refused file leaves nothing behind"
    if inspect_refuses:
        with pytest.raises(MediaError):
            inspect_media(path)
    return message


def test_tagged_stub_with_no_audio_is_no_sound(made, work_dir):
    message = _refusal(makers.mp3_tag_stub(made), work_dir, prompt="My music")
    assert "no sound in this file" in message
    assert '"My music"' in message


def test_photo_named_mp3_is_not_a_sound(made, work_dir):
    path = makers.jpeg_named_mp3(made)
    message = _refusal(path, work_dir, inspect_refuses=False)
    assert "not a sound" in message and "JPEG photo" in message
    assert inspect_media(path).kind is MediaKind.PHOTO  # the bytes decide, not the name


def test_text_named_mp3_is_not_a_sound(made, work_dir):
    assert "text file" in _refusal(makers.text_file(made, "song.mp3"), work_dir)


def test_empty_wav_is_refused(made, work_dir):
    assert "empty" in _refusal(makers.empty_file(made, "voice.wav"), work_dir)


def test_wav_with_no_samples_is_no_sound(made, work_dir):
    source = makers.wav_tagged(made, seconds=0.0)
    assert "no sound in this file" in _refusal(source, work_dir)


def test_video_given_as_sound_is_refused(made, work_dir):
    with pytest.raises(MediaError, match="it is a video, not a sound"):
        prepare_audio(makers.video_h264(made), work_dir=work_dir)


def test_raw_aac_is_rewrapped_in_m4a_without_reencoding(made, work_dir):
    path = made / "clip.aac"
    makers.ffmpeg("-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", "-f", "adts", str(path))

    result = prepare_audio(path, work_dir=work_dir)

    assert (result.extension, result.mime) == (".m4a", "audio/mp4")
    assert not result.converted
    assert result.duration_s == pytest.approx(2.0, abs=0.1)
    _assert_clean(result.path)


def test_damaged_frames_are_reported_not_hidden(made, work_dir):
    source = makers.mp3_damaged_middle(made, seconds=3.0)
    info = inspect_media(source)
    assert any("damaged" in note for note in info.notes)

    result = prepare_audio(source, work_dir=work_dir)

    assert any("damaged" in note for note in result.notes)
    assert 1.5 < result.duration_s < 3.1


def test_healthy_sound_has_no_notes(made, work_dir):
    assert inspect_media(makers.mp3_plain(made)).notes == ()
    assert prepare_audio(makers.amr_voice_note(made), work_dir=work_dir).notes == ()


# -- the one-run path for phone voice notes (M4A) -------------------------------------------------


def _garbled_m4a(made: Path) -> Path:
    """An M4A whose header is fine (faststart, so ``moov`` comes first) but whose sound is noise."""
    clean = made / "clean.m4a"
    makers.ffmpeg(
        "-f", "lavfi", "-i", "sine=duration=3", "-c:a", "aac", "-movflags", "+faststart",
        str(clean),
    )  # fmt: skip
    data = bytearray(clean.read_bytes())
    start = data.index(b"mdat") + 64
    for i in range(start, len(data) - 8):
        data[i] = (i * 7919 + 13) % 256
    path = made / "garbled.m4a"
    path.write_bytes(bytes(data))
    return path


def test_one_run_m4a_gives_the_same_file_as_the_careful_path(made, work_dir, monkeypatch):
    from pcpv.media import audio

    source = makers.m4a_with_cover(made)
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting(command, **kwargs):
        calls.append(command)
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    quick = prepare_audio(source, work_dir=work_dir)
    assert len(calls) == 1, "probe, copy and decode in one start of ffmpeg"

    monkeypatch.setattr(audio, "_healthy_m4a_in_one_run", lambda *args: None)
    careful = prepare_audio(source, work_dir=work_dir)
    assert len(calls) == 3  # probe, then the copy and its decoding together
    assert quick.path.read_bytes() == careful.path.read_bytes()
    assert (quick.mime, quick.extension, quick.converted) == ("audio/mp4", ".m4a", False)
    assert quick.duration_s == pytest.approx(careful.duration_s, abs=0.01)
    assert quick.duration_s == pytest.approx(2.5, abs=0.1)
    assert quick.notes == careful.notes == ()
    _assert_clean(quick.path)
    _only_sound(quick.path, "aac")


def test_damaged_m4a_is_refused_and_leaves_nothing(made, work_dir):
    message = _refusal(_garbled_m4a(made), work_dir, prompt="My voice")
    assert "damaged" in message and '"My voice"' in message


def test_the_one_run_probe_reads_what_probe_reads(made, work_dir):
    from pcpv.media.ffmpeg import probe_write_and_decode

    source = makers.m4a_with_cover(made)
    out = work_dir / "out.m4a"
    probed, decoded = probe_write_and_decode(
        source, ["-c:a", "copy", "-f", "ipod", "-y", str(out)], timeout_s=60
    )
    assert probed == probe(source)  # the outputs' descriptions are not read as more streams
    assert decoded.errors == ()
    assert decoded.seconds == pytest.approx(2.5, abs=0.1)


def test_the_one_run_probe_reports_damage_as_complaints(made, work_dir):
    from pcpv.media.ffmpeg import FfmpegFailed, probe_write_and_decode

    out = work_dir / "out.m4a"
    try:
        probed, decoded = probe_write_and_decode(
            _garbled_m4a(made), ["-c:a", "copy", "-f", "ipod", "-y", str(out)], timeout_s=60
        )
    except FfmpegFailed:
        return  # ffmpeg gave up on the noise: also a refusal
    assert probed is not None and probed.first("audio") is not None
    assert decoded.errors, "decoding noise must be complained about"
    assert all("[error]" not in line for line in decoded.errors)  # the level tags are gone
