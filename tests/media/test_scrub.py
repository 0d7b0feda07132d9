"""scrub_check must find metadata wherever it hides (or the proof it gives is worthless)."""

from __future__ import annotations

import io
import struct

from PIL import PngImagePlugin

from pcpv.media import scrub_check
from pcpv.media.ffmpeg import decode_stream
from pcpv.media.scrub import blank_mp4_metadata

from . import makers


def _jpeg(**save_args) -> bytes:
    buffer = io.BytesIO()
    makers.marked_picture((32, 32)).save(buffer, "JPEG", **save_args)
    return buffer.getvalue()


def test_clean_jpeg_passes_and_each_block_is_named():
    assert scrub_check(_jpeg()) == []
    assert scrub_check(_jpeg(exif=makers.exif_bytes(6))) == ["an EXIF block (camera, time, GPS)"]
    assert scrub_check(_jpeg(comment=b"hello")) == ["a comment (COM)"]
    profile = b"\x00" * 200
    assert scrub_check(_jpeg(icc_profile=profile)) == ["a colour profile (ICC)"]


def test_jpeg_trailer_after_end_of_image_is_found_but_zero_padding_is_not():
    clean = _jpeg()
    assert scrub_check(clean + b"\x00\x00") == []
    assert scrub_check(clean + b"MotionPhoto") == [
        "11 bytes are hidden after the end of the picture"
    ]


def test_progressive_jpeg_with_restart_markers_is_walked_to_its_end():
    buffer = io.BytesIO()
    makers.marked_picture((200, 120), noise=True).save(buffer, "JPEG", progressive=True)
    assert scrub_check(buffer.getvalue()) == []


def test_png_text_exif_and_trailing_data_are_found():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", makers.SECRET_NAME)
    buffer = io.BytesIO()
    makers.marked_picture((16, 16)).save(buffer, "PNG", pnginfo=info, exif=makers.exif_bytes(1))
    data = buffer.getvalue()
    assert set(scrub_check(data)) == {"a text block (tEXt)", "an EXIF block (eXIf)"}
    plain = io.BytesIO()
    makers.marked_picture((16, 16)).save(plain, "PNG")
    assert scrub_check(plain.getvalue()) == []
    assert scrub_check(plain.getvalue() + b"secret") == [
        "6 bytes are hidden after the end of the picture"
    ]


def test_wav_chunks_are_found(made):
    assert scrub_check(makers.wav_tagged(made)) == [
        "a LIST/INFO block (title, artist, software...)",
        "an ID3 tag block",
    ]


def test_mp3_tags_at_both_ends_are_found(made):
    assert scrub_check(makers.mp3_plain(made)) == []
    assert len(scrub_check(makers.mp3_all_tags(made))) == 3


def test_mp4_extra_tracks_and_metadata_are_found(made):
    found = scrub_check(makers.video_rotated_gps(made))
    assert "2 tracks of kind 'soun' (only one belongs)" in found
    assert "a metadata block 'udta' in moov" in found


def test_unknown_kinds_are_never_reported_clean(made):
    assert scrub_check(makers.amr_voice_note(made)) == [
        "pcpv cannot check an AMR voice recording (from a phone) for metadata"
    ]
    assert scrub_check(b"") == ["the file is empty"]
    assert scrub_check(makers.empty_file(made)) == ["the file is empty"]


def test_blanking_mp4_metadata_keeps_the_file_playable(made):
    path = makers.m4a_with_cover(made)
    before = path.stat().st_size
    assert blank_mp4_metadata(path) >= 1
    assert path.stat().st_size == before  # offsets untouched
    assert scrub_check(path) == []
    assert makers.SECRET_NAME.encode() not in path.read_bytes()
    assert decode_stream(path, 0, limit_s=None, timeout_s=30).seconds > 2.0


def test_bytes_and_paths_give_the_same_answer(made):
    path = makers.jpeg_rotated(made)
    assert scrub_check(path) == scrub_check(path.read_bytes())
    assert len(scrub_check(path)) == 4


def test_a_png_with_a_broken_chunk_list_is_not_clean():
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + b"\x00" * 17
    assert scrub_check(header) == ["the PNG has no end block"]
