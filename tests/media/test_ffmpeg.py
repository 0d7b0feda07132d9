"""The bundled ffmpeg: reading its summary, and never waiting for ever."""

from __future__ import annotations

import pytest

from pcpv.media.ffmpeg import FfmpegFailed, ffmpeg_exe, parse_probe, run_ffmpeg

OLD_FFMPEG_SUMMARY = """\
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'IMG_0001.MOV':
  Metadata:
    com.apple.quicktime.location.ISO6709: +51.5074-000.1278+010.000/
  Duration: 00:01:02.50, start: 0.000000, bitrate: 8000 kb/s
  Stream #0:0[0x1](und): Video: hevc (Main 10) (hvc1 / 0x31637668), yuv420p10le(tv, bt2020nc/bt2020/arib-std-b67), 3840x2160, 7800 kb/s, 30 fps (default)
    Side data:
      displaymatrix: rotation of -90.00 degrees
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, 5.1, fltp, 256 kb/s (default)
  Stream #0:2[0x3](und): Data: none (mebx / 0x7862656D), 0 kb/s (default)
  Stream #0:3: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 300x300, 90k tbr (attached pic)
"""


def test_probe_summary_is_read_including_rotation_and_cover_art():
    result = parse_probe(OLD_FFMPEG_SUMMARY)
    assert result is not None
    assert result.duration_s == pytest.approx(62.5)
    assert [s.type for s in result.streams] == ["video", "audio", "data", "video"]
    video = result.first("video")
    assert (video.codec, video.pix_fmt, video.width, video.height) == (
        "hevc",
        "yuv420p10le",
        3840,
        2160,
    )
    assert video.rotation == 270  # -90 normalised
    assert result.streams[1].channels == 6
    assert result.streams[3].attached_pic
    assert result.first("video").index == 0  # cover art is never "the video"


def test_summary_without_an_input_is_none():
    assert parse_probe("t.mp3: Invalid data found when processing input\n") is None


def test_ffmpeg_is_the_bundled_one():
    assert "imageio_ffmpeg" in ffmpeg_exe()


def test_a_run_that_takes_too_long_is_killed():
    endless = ["-f", "lavfi", "-re", "-i", "sine=frequency=440", "-f", "null", "-"]
    with pytest.raises(FfmpegFailed) as caught:
        run_ffmpeg(endless, timeout_s=1.0)
    assert caught.value.timed_out


def test_a_failed_run_says_why():
    with pytest.raises(FfmpegFailed) as caught:
        run_ffmpeg(["-i", "/nonexistent/file.mp4", "-f", "null", "-"], timeout_s=30)
    assert not caught.value.timed_out
    assert caught.value.reason
