"""Video: upright H.264 + AAC in MP4 with one picture and one sound track, no GPS, a real poster."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pcpv.errors import MediaError
from pcpv.media import inspect_media, prepare_video, scrub_check, video
from pcpv.media.ffmpeg import probe
from pcpv.model import MediaKind

from . import makers

SECRETS = (makers.SECRET_NAME.encode(), makers.SECRET_PLACE.encode(), makers.GPS_TEXT.encode())


def _assert_clean(path: Path) -> None:
    data = path.read_bytes()
    assert scrub_check(path) == []
    for secret in (*SECRETS, b"ISO6709", b"\xa9xyz", b"mdta"):
        assert secret not in data


def _streams(path: Path) -> list[tuple[str, str]]:
    return [(s.type, s.codec) for s in probe(path).streams]


def _red_corner(poster: Path) -> str:
    with Image.open(poster) as im:
        rgb = im.convert("RGB")
    w, h = rgb.size
    corners = {"TL": (3, 3), "TR": (w - 4, 3), "BL": (3, h - 4), "BR": (w - 4, h - 4)}
    red = [n for n, xy in corners.items() if (p := rgb.getpixel(xy))[0] > 200 and p[1] < 80]
    assert len(red) == 1, f"expected one red corner, found {red}"
    return red[0]


def test_rotated_android_video_comes_out_upright_with_only_two_tracks(made, work_dir):
    source = makers.video_rotated_gps(made, seconds=2.0)
    before = probe(source)
    assert before.first("video").rotation == 90
    assert [s.type for s in before.streams] == ["video", "audio", "audio"]
    assert makers.GPS_TEXT.encode() in source.read_bytes()

    result = prepare_video(source, work_dir=work_dir)

    assert (result.width, result.height) == (120, 160)  # stored 160x120, shown portrait
    assert result.converted
    assert result.notes == ()
    assert result.duration_s == pytest.approx(2.0, abs=0.1)
    after = probe(result.path)
    assert _streams(result.path) == [("video", "h264"), ("audio", "aac")]
    assert after.first("video").rotation == 0
    assert after.first("video").pix_fmt == "yuv420p"
    _assert_clean(result.path)
    # The red block was top-left in the stored frames; turned 90 degrees it is bottom-left.
    assert _red_corner(result.poster_path) == "BL"
    with Image.open(result.poster_path) as poster:
        assert poster.format == "JPEG"
        assert poster.size == (120, 160)
    assert scrub_check(result.poster_path) == []


def test_iphone_hevc_mov_is_transcoded_to_h264_without_its_gps_keys(made, work_dir):
    source = makers.mov_hevc_mdta(made, seconds=2.0)
    assert b"ISO6709" in source.read_bytes()
    info = inspect_media(source)
    assert info.kind is MediaKind.VIDEO
    assert info.needs_conversion

    result = prepare_video(source, work_dir=work_dir)

    assert _streams(result.path) == [("video", "h264"), ("audio", "aac")]
    assert result.converted
    assert (result.width, result.height) == (160, 120)
    _assert_clean(result.path)
    assert _red_corner(result.poster_path) == "TL"


def test_ready_h264_video_is_rewrapped_not_reencoded(made, work_dir):
    source = makers.video_h264(made, seconds=2.0)
    assert scrub_check(source)  # ffmpeg's own encoder tag in udta

    result = prepare_video(source, work_dir=work_dir)

    assert not result.converted
    assert result.has_sound
    assert result.mime == "video/mp4"
    data = result.path.read_bytes()
    assert data.find(b"moov") < data.find(b"mdat"), "faststart: plays while still loading"
    assert sorted(p.name for p in work_dir.iterdir()) == sorted(
        [result.path.name, result.poster_path.name]
    )
    _assert_clean(result.path)


def test_silent_video_has_no_sound_track(made, work_dir):
    result = prepare_video(makers.video_h264(made, audio=False), work_dir=work_dir)
    assert not result.has_sound
    assert _streams(result.path) == [("video", "h264")]


def test_big_video_is_shrunk_to_the_largest_edge(made, work_dir, monkeypatch):
    monkeypatch.setattr(video, "MAX_VIDEO_EDGE", 100)
    result = prepare_video(makers.video_h264(made), work_dir=work_dir)
    assert result.converted
    # 160x120 scaled to 100x75; H.264 4:2:0 needs even sides, so 75 becomes 76.
    assert (result.width, result.height) == (100, 76)


def test_inspect_reports_the_upright_size_and_length(made):
    info = inspect_media(makers.video_rotated_gps(made, seconds=2.0))
    assert info.kind is MediaKind.VIDEO
    assert (info.width, info.height) == (120, 160)
    assert info.duration_s == pytest.approx(2.0, abs=0.1)


# -- refusals ------------------------------------------------------------------------------------


def _refusal(path: Path, work_dir: Path, prompt: str | None = None) -> str:
    with pytest.raises(MediaError) as caught:
        prepare_video(path, work_dir=work_dir, prompt=prompt)
    message = str(caught.value)
    assert path.name in message
    assert list(work_dir.iterdir()) == [], "a refused file leaves nothing behind"
    return message


def test_cut_off_video_is_refused(made, work_dir):
    whole = makers.video_h264(made, "whole.mp4").read_bytes()
    cut = made / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 3])
    message = _refusal(cut, work_dir, prompt="My day")
    assert '"My day"' in message


def test_sound_given_as_video_is_refused(made, work_dir):
    assert "it is a sound file" in _refusal(makers.m4a_with_cover(made), work_dir)


def test_text_named_mp4_is_refused(made, work_dir):
    assert "text file" in _refusal(makers.text_file(made, "clip.mp4"), work_dir)


def test_photo_named_mp4_is_refused(made, work_dir):
    path = made / "clip.mp4"
    makers.marked_picture((64, 64)).save(path, "PNG")
    assert "PNG picture" in _refusal(path, work_dir)


def test_damaged_frames_are_reported_when_the_video_is_converted(made, work_dir):
    source = makers.mov_hevc_mdta(made, seconds=3.0)
    data = bytearray(source.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 400] = bytes((i * 37) % 256 for i in range(400))
    source.write_bytes(bytes(data))

    result = prepare_video(source, work_dir=work_dir)

    assert result.converted
    assert any("damaged" in note for note in result.notes)
