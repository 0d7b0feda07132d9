"""inspect_media: the wizard's first look at a file, decided by bytes and streams, not names."""

from __future__ import annotations

import pytest

from pcpv.errors import MediaError
from pcpv.media import inspect_media
from pcpv.model import MediaKind

from . import makers


def test_each_kind_is_recognised(made):
    assert inspect_media(makers.jpeg_plain(made)).kind is MediaKind.PHOTO
    assert inspect_media(makers.mp3_plain(made)).kind is MediaKind.AUDIO
    assert inspect_media(makers.video_h264(made)).kind is MediaKind.VIDEO


def test_audio_only_mp4_is_a_sound(made):
    path = made / "voice.mp4"
    path.write_bytes(makers.m4a_with_cover(made).read_bytes())
    info = inspect_media(path)
    assert info.kind is MediaKind.AUDIO
    assert info.mime == "audio/mp4"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7\n...", "PDF document"),
        (b"PK\x03\x04" + b"\x00" * 40, "zip file"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG drawing"),
    ],
)
def test_documents_are_refused_saying_what_they_are(made, content, expected):
    path = made / "holiday.jpg"
    path.write_bytes(content)
    with pytest.raises(MediaError) as caught:
        inspect_media(path, prompt="My holiday")
    message = str(caught.value)
    assert expected in message
    assert "holiday.jpg" in message and '"My holiday"' in message


def test_missing_file_is_refused_plainly(made):
    with pytest.raises(MediaError, match="not there any more"):
        inspect_media(made / "gone.jpg")


def test_random_bytes_are_not_media(made):
    path = made / "noise.bin"
    path.write_bytes(bytes(range(1, 250)) * 20)
    with pytest.raises(MediaError, match="does not recognise"):
        inspect_media(path)


def test_text_file_is_refused_as_text_whatever_its_name(made):
    with pytest.raises(MediaError, match="it is a text file, not a photo, sound or video"):
        inspect_media(makers.text_file(made, "IMG_0001.jpg"))


def test_mp3_behind_text_garbage_is_still_a_sound(made):
    audio = makers.mp3_plain(made).read_bytes()
    path = made / "odd.mp3"
    path.write_bytes(b"Downloaded from somewhere\n" * 40 + audio)
    info = inspect_media(path)
    assert info.kind is MediaKind.AUDIO
    assert info.duration_s == pytest.approx(3.0, abs=0.15)
    assert not info.needs_conversion  # the MP3 itself is kept, only the garbage goes
